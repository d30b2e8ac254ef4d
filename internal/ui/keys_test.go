package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/claimreview"
	"claims/internal/model"
	"claims/internal/search"
)

// press types a key as the window's driver does: Tab moves the focus
// unless the focused widget keeps it (fyne.Tabbable); other keys go to the
// focused widget or, when nothing has the focus, to the window's handler.
func (h *harness) press(keys ...fyne.KeyName) {
	h.t.Helper()
	for _, k := range keys {
		ev := &fyne.KeyEvent{Name: k}
		f := h.win.Canvas().Focused()
		if t, ok := f.(fyne.Tabbable); k == fyne.KeyTab && (!ok || !t.AcceptsTab()) {
			h.win.Canvas().FocusNext() // the driver's Tab, unless the widget keeps it
			h.m.wait()
			continue
		}
		if f != nil {
			f.TypedKey(ev)
		} else if fn := h.win.Canvas().OnTypedKey(); fn != nil {
			fn(ev)
		}
		h.m.wait()
	}
}

// typeText types text into the focused widget.
func (h *harness) typeText(text string) {
	h.t.Helper()
	f := h.win.Canvas().Focused()
	if f == nil {
		h.t.Fatalf("nothing has the focus to type %q into", text)
	}
	for _, r := range text {
		f.TypedRune(r)
	}
	h.m.wait()
}

// shortcut presses a shortcut as the window's driver does: the main menu's
// first, which the window's canvas also holds.
func (h *harness) shortcut(s fyne.Shortcut) {
	h.t.Helper()
	h.win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
	h.m.wait()
}

// top is the dialog on top, or nil.
func (h *harness) top() fyne.CanvasObject { return h.win.Canvas().Overlays().Top() }

// clickFirstRow clicks the list's first row, at its place in the window.
func (h *harness) clickFirstRow() {
	h.t.Helper()
	h.m.list.ScrollToTop()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(h.m.list)
	test.TapCanvas(h.win.Canvas(), pos.Add(fyne.NewPos(40, 12)))
	h.m.wait()
}

// A click on a row gives the list the keyboard: Down and Delete then act
// on the list, not on the search box that had the focus.
func TestClickGivesListTheKeyboard(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(h.m.found.Claim(3).ID)
	h.win.Canvas().Focus(h.m.search)
	h.clickFirstRow()
	if h.win.Canvas().Focused() != h.m.list {
		t.Fatalf("after a click the focus is on %T", h.win.Canvas().Focused())
	}
	if first := h.m.found.Claim(0).ID; h.m.selected != first {
		t.Fatalf("the click selected %q, want %q", h.m.selected, first)
	}
	h.press(fyne.KeyDown)
	if h.m.selected != h.m.found.Claim(1).ID {
		t.Errorf("Down after the click selected %q", h.m.selected)
	}
	if h.m.search.Text != "" {
		t.Errorf("the search box got the key: %q", h.m.search.Text)
	}
	h.press(fyne.KeyDelete)
	if h.top() == nil {
		t.Fatal("Delete in the list did not ask")
	}
	h.press(fyne.KeyEscape)
	if h.top() != nil || h.m.found.Len() != 6 {
		t.Fatal("Escape did not cancel the deletion")
	}
	// Escape in the list goes back to the search box; Escape there, empty,
	// to the list.
	h.win.Canvas().Focus(h.m.list)
	h.press(fyne.KeyEscape)
	if h.win.Canvas().Focused() != h.m.search {
		t.Errorf("Escape in the list: focus on %T", h.win.Canvas().Focused())
	}
	h.press(fyne.KeyEscape)
	if h.win.Canvas().Focused() != h.m.list {
		t.Errorf("Escape in the empty search box: focus on %T", h.win.Canvas().Focused())
	}
	h.press(fyne.KeyEnd)
	if h.m.selected != h.m.found.Claim(5).ID {
		t.Errorf("End selected %q", h.m.selected)
	}
	h.press(fyne.KeyHome)
	if h.m.selected != h.m.found.Claim(0).ID {
		t.Errorf("Home selected %q", h.m.selected)
	}
}

// Every dialog takes Enter to confirm and Escape to cancel, whether the
// focus is in it or nothing has it.
func TestDialogsTakeEnterAndEscape(t *testing.T) {
	h := newHarness(t)
	h.app.Preferences().SetString(prefReviewer, "Sara Ahmed")

	t.Run("delete: Escape keeps, Enter deletes", func(t *testing.T) {
		h.selectClaim(oppDenial)
		h.win.Canvas().Unfocus()
		h.press(fyne.KeyDelete)
		if h.top() == nil {
			t.Fatal("no question")
		}
		h.press(fyne.KeyEscape)
		if h.top() != nil || !slices.Contains(h.hitIDs(), oppDenial) {
			t.Fatal("Escape did not cancel")
		}
		h.press(fyne.KeyDelete)
		h.press(fyne.KeyReturn)
		if h.top() != nil || slices.Contains(h.hitIDs(), oppDenial) {
			t.Fatalf("Enter did not delete: %v", h.hitIDs())
		}
	})
	t.Run("message: Enter closes", func(t *testing.T) {
		h.m.showKeys()
		h.press(fyne.KeyReturn)
		if h.top() != nil {
			t.Error("Enter left the message open")
		}
		h.m.showAbout()
		h.press(fyne.KeyEscape)
		if h.top() != nil {
			t.Error("Escape left the message open")
		}
	})
	t.Run("settings: Enter in a field saves, Escape cancels", func(t *testing.T) {
		s := showSettings(h.app, h.win)
		if h.win.Canvas().Focused() != s.reviewer {
			t.Fatalf("the first field does not have the focus: %T", h.win.Canvas().Focused())
		}
		h.typeText(" Khan")
		h.press(fyne.KeyReturn)
		if h.top() != nil || h.app.Preferences().String(prefReviewer) != "Sara Ahmed Khan" {
			t.Fatalf("Enter: dialog open %v, name %q", h.top() != nil, h.app.Preferences().String(prefReviewer))
		}
		showSettings(h.app, h.win)
		h.typeText("!")
		h.press(fyne.KeyEscape)
		if h.top() != nil || h.app.Preferences().String(prefReviewer) != "Sara Ahmed Khan" {
			t.Fatal("Escape saved or stayed open")
		}
	})
	t.Run("new claim: Escape cancels, Enter saves", func(t *testing.T) {
		h.shortcut(keyNewClaim)
		if h.top() == nil {
			t.Fatal("Ctrl+N opened nothing")
		}
		h.press(fyne.KeyEscape)
		if h.top() != nil {
			t.Fatal("Escape left New claim open")
		}
		e := h.m.openEditor(nil)
		h.typeText("Kabul")
		h.win.Canvas().Focus(e.statement)
		h.typeText("Border crossings will reopen next week")
		h.win.Canvas().Focus(e.madeOn)
		h.typeText("2024-05")
		h.press(fyne.KeyReturn)
		if h.top() != nil || h.m.detail.d.Claim.Statement != "Border crossings will reopen next week" {
			t.Fatalf("Enter did not save: dialog %v, detail %q", h.top() != nil, h.m.detail.d.Claim.Statement)
		}
	})
	t.Run("picker: Escape cancels, Enter picks", func(t *testing.T) {
		picked := ""
		showPicker(h.win, "Pick", "", []pickItem{{label: "Alpha", value: "a"}, {label: "Beta", value: "b"}}, "", func(it pickItem) { picked = it.value })
		h.press(fyne.KeyEscape)
		if h.top() != nil || picked != "" {
			t.Fatal("Escape picked or stayed open")
		}
		showPicker(h.win, "Pick", "", []pickItem{{label: "Alpha", value: "a"}, {label: "Beta", value: "b"}}, "", func(it pickItem) { picked = it.value })
		h.typeText("bet")
		h.press(fyne.KeyReturn)
		if picked != "b" || h.top() != nil {
			t.Errorf("Enter after typing bet picked %q", picked)
		}
		showPicker(h.win, "Pick", "", []pickItem{{label: "Alpha", value: "a"}, {label: "Beta", value: "b"}}, "", func(it pickItem) { picked = it.value })
		h.press(fyne.KeyDown, fyne.KeyReturn)
		if picked != "b" {
			t.Errorf("Down and Enter picked %q", picked)
		}
	})
	t.Run("link dialog: Escape cancels", func(t *testing.T) {
		h.selectClaim(pkAllegation)
		h.shortcut(keyLink)
		if h.top() == nil {
			t.Fatal("Ctrl+L opened nothing")
		}
		h.press(fyne.KeyEscape)
		if h.top() != nil {
			t.Error("Escape left the link dialog open")
		}
	})
	t.Run("import mapping: Escape cancels", func(t *testing.T) {
		d := newImportDialog(h.win, h.m.st, "sheet.csv", []byte("Claim,Claimant\nA claim,Someone\n"), nil)
		d.show()
		h.press(fyne.KeyEscape)
		if h.top() != nil {
			t.Error("Escape left the mapping dialog open")
		}
	})
}

// No window shortcut acts behind a dialog: not the tabs, not a new claim,
// not Delete.
func TestNoShortcutBehindDialog(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(afDenial)
	h.m.showKeys()
	dlg := h.top()
	h.shortcut(keyTab(fyne.Key2))
	h.shortcut(keyNewClaim)
	h.shortcut(keyBack)
	h.win.Canvas().Unfocus()
	h.press(fyne.KeyDelete, fyne.KeyDown)
	if h.m.tabs.SelectedIndex() != 0 {
		t.Error("Alt+2 switched tabs behind the dialog")
	}
	if h.top() != dlg || len(modals[h.win.Canvas()]) != 1 {
		t.Errorf("a shortcut opened another dialog: %d open", len(modals[h.win.Canvas()]))
	}
	if h.m.selected != afDenial {
		t.Errorf("Down moved the list behind the dialog to %q", h.m.selected)
	}
	h.press(fyne.KeyEscape)
	h.shortcut(keyTab(fyne.Key2))
	if h.m.tabs.SelectedIndex() != 1 {
		t.Error("Alt+2 does nothing once the dialog is closed")
	}
}

// The actor boxes complete with Up, Down and Enter, leaving the cursor
// after the name; a new name in "About" is shown as a new actor, with its
// kind, before it is saved.
func TestCompletionByKeyboardAndNewActorsInAbout(t *testing.T) {
	h := newHarness(t)
	e := h.m.openEditor(nil)
	if h.win.Canvas().Focused() != e.actor.entry {
		t.Fatal("New claim does not start in Said by")
	}
	h.typeText("pak")
	if len(e.actor.matches) < 2 {
		t.Fatalf("suggestions for pak: %q", e.actor.matches)
	}
	second := e.actor.matches[1]
	h.press(fyne.KeyDown, fyne.KeyReturn)
	if e.actor.entry.Text != second || e.actor.entry.CursorColumn != len([]rune(second)) {
		t.Fatalf("Down, Enter: %q, cursor at %d", e.actor.entry.Text, e.actor.entry.CursorColumn)
	}
	if h.top() == nil || len(e.actor.matches) != 0 || e.actor.isNew() {
		t.Fatal("Enter on a suggestion closed the dialog, left the list open or took it for a new actor")
	}

	h.win.Canvas().Focus(e.subjects.entry)
	h.typeText("Kabu")
	h.press(fyne.KeyReturn)
	if e.subjects.entry.Text != "Afghan government" {
		t.Fatalf("About completed to %q", e.subjects.entry.Text)
	}
	h.typeText(", Border Traders Union")
	if len(e.subjects.unknown()) != 1 || len(e.subjects.news.Objects) != 1 {
		t.Fatalf("new actors listed: %q", e.subjects.unknown())
	}
	e.subjects.kinds["border traders union"].SetSelected(string(model.KindOrganisation))
	h.win.Canvas().Focus(e.statement)
	h.typeText("Traders lost a month of business at the closed crossing")
	e.onSave()
	h.m.wait()
	if h.top() != nil {
		t.Fatalf("not saved: %s", e.errLabel.Text)
	}
	a, err := h.m.st.FindActor(context.Background(), "Border Traders Union")
	if err != nil || a.Kind != model.KindOrganisation {
		t.Errorf("the new actor from About: %+v, %v", a, err)
	}
}

// Alt+Left and Alt+Right go back and forward through the claims opened,
// the Open button of a counter-claim included.
func TestBackAndForward(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(khanCharge)
	var army *claimCard
	for _, k := range h.m.detail.counterCards {
		if k.actor.Text == "Pakistan military" {
			army = k
		}
	}
	test.Tap(army.open)
	h.m.wait()
	if h.m.selected != armyDenial {
		t.Fatalf("Open showed %q", h.m.selected)
	}
	h.shortcut(keyBack)
	if h.m.selected != khanCharge {
		t.Fatalf("Alt+Left went to %q, want Khan's charge", h.m.selected)
	}
	if h.m.detail.forward.Disabled() {
		t.Error("Forward is disabled after going back")
	}
	h.shortcut(keyForward)
	if h.m.selected != armyDenial {
		t.Errorf("Alt+Right went to %q", h.m.selected)
	}
	// Back opens a claim that the search hides, clearing the search.
	test.Type(h.m.search, "lawful vote")
	h.m.wait()
	h.shortcut(keyBack)
	if h.m.selected != khanCharge || h.m.search.Text != "" {
		t.Errorf("Back with a search hiding the claim: %q, search %q", h.m.selected, h.m.search.Text)
	}
}

// The filters narrow the list together with the search; sorting reorders
// it; the detail follows the results; nothing found says so.
func TestFiltersSortAndFollow(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(oppDenial)
	f := h.m.filters
	f.contested.SetChecked(true)
	h.m.wait()
	if got := h.hitIDs(); len(got) != 2 || !slices.Contains(got, khanCharge) || !slices.Contains(got, pkAllegation) {
		t.Fatalf("contested: %v", got)
	}
	if h.m.selected != h.hitIDs()[0] {
		t.Errorf("the detail kept %q, which the filter hides; want the first result", h.m.selected)
	}
	f.contested.SetChecked(false)
	f.answers.SetChecked(true)
	h.m.wait()
	if got := h.hitIDs(); len(got) != 4 || slices.Contains(got, khanCharge) {
		t.Errorf("counter-claims: %v", got)
	}
	f.answers.SetChecked(false)
	f.tagValue = "bombing"
	f.changed()
	h.m.wait()
	if got := h.hitIDs(); !slices.Equal(got, []string{pkAllegation}) {
		t.Errorf("tag bombing: %v", got)
	}
	if f.toggle.Text != "Filters (1)" {
		t.Errorf("the Filters button reads %q", f.toggle.Text)
	}
	f.reset()
	f.from.SetText("2022")
	h.m.wait()
	if got := h.hitIDs(); !slices.Equal(got, []string{khanCharge}) {
		t.Errorf("made from 2022 (the only dated claim is April 2022): %v", got)
	}
	f.from.SetText("2022-05")
	h.m.wait()
	if h.m.found.Len() != 0 || !h.m.listState.content.Visible() || !h.m.listState.clearBtn.Visible() {
		t.Fatal("nothing found, but the list does not say so")
	}
	if !strings.Contains(h.m.listState.message.Text, "No claim matches") || h.m.detail.loaded {
		t.Errorf("no-matches message %q, detail loaded %v", h.m.listState.message.Text, h.m.detail.loaded)
	}
	test.Tap(&h.m.listState.clearBtn.Button)
	h.m.wait()
	if h.m.found.Len() != 6 || h.m.listState.content.Visible() {
		t.Errorf("Clear left %d claims", h.m.found.Len())
	}
	h.m.sortSelect.SetSelected(orderLabel(search.ByActor))
	h.m.wait()
	var actors []string
	for i := range h.m.found.Len() {
		actors = append(actors, h.m.found.Claim(i).ActorName)
	}
	if !slices.IsSortedFunc(actors, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
		t.Errorf("sorted by actor: %q", actors)
	}
	h.m.sortSelect.SetSelected(orderLabel(search.ByCounters))
	h.m.wait()
	if h.m.found.Claim(0).ID != khanCharge {
		t.Errorf("most contested first: %q", h.m.found.Claim(0).ID)
	}
}

// Searching "denies" finds the claims that say "denied" in the window too.
func TestWindowSearchFindsWordForms(t *testing.T) {
	h := newHarness(t)
	c := &model.Claim{ActorID: "af", Statement: "Kabul denied any role in the attack"}
	if err := h.m.st.CreateClaim(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	h.m.changed()
	h.m.wait()
	test.Type(h.m.search, "denies")
	h.m.wait()
	if !slices.Contains(h.hitIDs(), c.ID) {
		t.Errorf("\"denies\" does not find \"denied\": %v", h.hitIDs())
	}
}

// The export writes exactly what the list shows.
func TestExportWritesWhatTheListShows(t *testing.T) {
	h := newHarness(t)
	h.m.filters.contested.SetChecked(true)
	h.m.wait()
	listed := h.m.listedIDs()
	if len(listed) != 2 {
		t.Fatalf("listed %v", listed)
	}
	for _, format := range []string{fmtClaims, fmtPairs} {
		var out strings.Builder
		n, err := exportListed(context.Background(), h.m.st, format, false, claimreview.Org{}, listed, &out)
		if err != nil {
			t.Fatal(err)
		}
		recs := splitRecords([]byte(out.String()))
		if format == fmtClaims && (n != 2 || len(recs) != 3) {
			t.Errorf("claims export: %d claims, %d records", n, len(recs))
		}
		if format == fmtPairs && (n != 4 || len(recs) != 5) {
			t.Errorf("pairs export: %d pairs, %d records", n, len(recs))
		}
		for _, rec := range recs[1:] {
			cells := recordCells(rec)
			if !slices.Contains(listed, cells[0]) {
				t.Errorf("%s: a row of %q, not listed", format, cells[0])
			}
		}
	}
	h.m.filters.reset()
	h.m.wait()
	if h.m.listedIDs() != nil {
		t.Error("with no search and no filter the export is not of every claim")
	}
}

// The window is usable from 720 pixels: below 1000 the list and the detail
// stand one above the other, below 720 the counter-claims go under the
// claim, and the content asks for no more than 720×600.
func TestNarrowLayout(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(khanCharge)
	for _, tt := range []struct {
		w, h             float32
		wideSplit, cols2 bool
	}{
		{720, 600, false, false},
		{1024, 768, true, false},
		{1280, 800, true, true},
		{1920, 1080, true, true},
	} {
		h.win.Resize(fyne.NewSize(tt.w, tt.h))
		h.m.wait()
		if h.m.claimsSplit.wide() != tt.wideSplit || h.m.detail.wide != tt.cols2 {
			t.Errorf("%.0f×%.0f: list beside detail %v, counter-claims beside claim %v; want %v, %v",
				tt.w, tt.h, h.m.claimsSplit.wide(), h.m.detail.wide, tt.wideSplit, tt.cols2)
		}
		for i, tab := range h.m.tabs.Items {
			h.m.tabs.SelectIndex(i)
			if ms := h.m.tabs.MinSize(); ms.Width > 720 || ms.Height > 600 {
				t.Errorf("%.0f×%.0f, tab %s: the window may not be smaller than %.0f×%.0f", tt.w, tt.h, tab.Text, ms.Width, ms.Height)
			}
		}
		h.m.tabs.SelectIndex(0)
	}
	// With the filters open too.
	h.win.Resize(fyne.NewSize(720, 600))
	h.m.filters.showPanel()
	h.m.wait()
	if ms := h.m.tabs.MinSize(); ms.Width > 720 || ms.Height > 600 {
		t.Errorf("with the filters shown the window may not be smaller than %.0f×%.0f", ms.Width, ms.Height)
	}
}

// An empty database offers to record, import or extract claims.
func TestEmptyDatabaseOffersAStart(t *testing.T) {
	h := newHarness(t)
	h.m.openPath(filepath.Join(t.TempDir(), "empty.db"))
	h.m.wait()
	s := h.m.listState
	if !s.content.Visible() || !s.empty.Visible() || s.clearBtn.Visible() {
		t.Fatal("the empty database shows no way to start")
	}
	var labels []string
	for _, o := range s.empty.Objects {
		labels = append(labels, o.(*keyButton).Text)
	}
	if len(labels) != 3 || !strings.HasPrefix(labels[0], "New claim") || !strings.HasPrefix(labels[1], "Import") || !strings.HasPrefix(labels[2], "Extract") {
		t.Errorf("start buttons %q", labels)
	}
	test.Tap(&s.empty.Objects[0].(*keyButton).Button)
	if h.top() == nil || findButton(h.top(), "Save") == nil {
		t.Error("New claim does not open the editor")
	}
}

// The contradictions tab selects whole rows with Up and Down, opens with
// Enter, and is narrowed by its search box and filters.
func TestContradictionsKeysSearchAndFilters(t *testing.T) {
	h := newHarness(t)
	h.shortcut(keyTab(fyne.Key2))
	v := h.m.contra
	if v.selected != 0 {
		t.Fatalf("no row selected at first: %d", v.selected)
	}
	h.win.Canvas().Focus(v.table)
	h.press(fyne.KeyDown)
	if v.selected != 1 {
		t.Errorf("Down selected row %d", v.selected)
	}
	h.shortcut(keyFind)
	if h.win.Canvas().Focused() != v.search {
		t.Fatalf("Ctrl+F on the contradictions tab focuses %T", h.win.Canvas().Focused())
	}
	h.typeText("kabul")
	if len(v.pairs) != 1 || v.pairs[0].Counter.ID != afDenial {
		t.Fatalf("searching kabul leaves %d pairs", len(v.pairs))
	}
	h.press(fyne.KeyEscape)
	v.filters.verdict.SetSelected(model.Unreviewed.Label())
	h.m.wait()
	if len(v.pairs) != 4 {
		t.Errorf("unreviewed: %d pairs", len(v.pairs))
	}
	h.win.Canvas().Focus(v.table)
	h.press(fyne.KeyReturn)
	if h.m.tabs.SelectedIndex() != 0 || h.m.selected != v.pairs[v.selected].Claim.ID {
		t.Errorf("Enter opened %q on tab %d", h.m.selected, h.m.tabs.SelectedIndex())
	}
	if v.table.UpdateHeader == nil {
		t.Fatal("no header")
	}
	v.sortBy(0) // sorted by it already: now descending
	b := widget.NewButton("", nil)
	v.table.UpdateHeader(widget.TableCellID{Row: -1, Col: 0}, b)
	if !v.desc || b.Icon == nil || b.Icon.Name() != theme.MenuDropDownIcon().Name() {
		t.Errorf("a descending column shows %v", b.Icon)
	}
	v.sortBy(0)
	v.table.UpdateHeader(widget.TableCellID{Row: -1, Col: 0}, b)
	if v.desc || b.Icon.Name() != theme.MenuDropUpIcon().Name() {
		t.Errorf("an ascending column shows %v", b.Icon)
	}
}

// An actor no claim names can be deleted, after asking; one that claims
// name cannot.
func TestDeleteActorWithoutClaims(t *testing.T) {
	h := newHarness(t)
	lone := &model.Actor{Name: "Nobody in particular"}
	if err := h.m.st.CreateActor(context.Background(), lone); err != nil {
		t.Fatal(err)
	}
	h.m.changed()
	h.m.wait()
	h.shortcut(keyTab(fyne.Key3))
	v := h.m.actorsView
	v.show("khan")
	if !v.del.Disabled() {
		t.Error("Delete is offered for an actor with claims")
	}
	v.show(lone.ID)
	if v.del.Disabled() {
		t.Fatal("Delete is not offered for an actor with no claim")
	}
	test.Tap(&v.del.Button)
	h.press(fyne.KeyReturn)
	if _, ok := h.m.actorByID(lone.ID); ok {
		t.Error("the actor was not deleted")
	}
}

// The file chooser is driven by the keyboard: Down into the list, Enter
// into a folder, Backspace out of it, Enter on a file to choose it,
// Escape to cancel.
func TestFileChooserKeys(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "b.csv"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("x"), 0o644)
	chosen := ""
	fc := chooseFile(h.win, "Open", chooseOpen, dir, "", []string{".csv"}, func(p string) { chosen = p })
	h.press(fyne.KeyDown) // into the list: sub/ first
	h.press(fyne.KeyReturn)
	if fc.dir != filepath.Join(dir, "sub") {
		t.Fatalf("Enter on the folder: in %s", fc.dir)
	}
	h.press(fyne.KeyBackspace)
	if fc.dir != dir {
		t.Fatalf("Backspace: in %s", fc.dir)
	}
	h.press(fyne.KeyDown, fyne.KeyDown, fyne.KeyReturn) // a.csv, after sub/
	if chosen != filepath.Join(dir, "a.csv") || h.top() != nil {
		t.Fatalf("Enter on a file chose %q", chosen)
	}
	chosen = ""
	chooseFile(h.win, "Save", chooseSave, dir, "new.csv", nil, func(p string) { chosen = p })
	h.press(fyne.KeyEscape)
	if chosen != "" || h.top() != nil {
		t.Errorf("Escape chose %q", chosen)
	}
	chooseFile(h.win, "Save", chooseSave, dir, "new.csv", nil, func(p string) { chosen = p })
	h.press(fyne.KeyReturn)
	if chosen != filepath.Join(dir, "new.csv") {
		t.Errorf("Enter in the name box chose %q", chosen)
	}
	// Saving over a file asks first.
	chooseFile(h.win, "Save", chooseSave, dir, "a.csv", nil, func(p string) { chosen = "replaced" })
	h.press(fyne.KeyReturn)
	if chosen == "replaced" || h.top() == nil {
		t.Fatal("saving over a file did not ask")
	}
	h.press(fyne.KeyReturn)
	if chosen != "replaced" {
		t.Error("Enter on the question did not replace")
	}
}

// Fyne's report about favourite folders is dropped from the log, and
// nothing else is.
func TestFavouritesReportIsFiltered(t *testing.T) {
	var out strings.Builder
	f := &favouritesFilter{w: &out}
	for _, line := range []string{
		"2026/01/01 10:00:00 Fyne error:  Getting favorite locations\n",
		"2026/01/01 10:00:00   Cause: this computer does not define a VIDEOS folder\n",
		"2026/01/01 10:00:00   At: /go/fyne/dialog/file.go:396\n",
		"2026/01/01 10:00:01 claims: something else\n",
		"2026/01/01 10:00:02   Cause: kept when not after the report\n",
	} {
		f.Write([]byte(line))
	}
	if got := out.String(); strings.Contains(got, "favorite") || strings.Contains(got, "VIDEOS") ||
		!strings.Contains(got, "something else") || !strings.Contains(got, "kept when") {
		t.Errorf("the log reads:\n%s", got)
	}
}

// The picker matches every word typed, in any order.
func TestPickerMatchesEveryWord(t *testing.T) {
	h := newHarness(t)
	var picked string
	items := []pickItem{{label: "Brussels: Ceasefire in dispute — Evening Courier", value: "a"},
		{label: "Ceasefire holds — Frontier Post", value: "b"}, {label: "Evening Courier: markets", value: "c"}}
	p := showPicker(h.win, "Source", "", items, "", func(it pickItem) { picked = it.value })
	h.typeText("courier ceasefire")
	if len(p.shown) != 1 {
		t.Fatalf("%d items match both words", len(p.shown))
	}
	h.press(fyne.KeyReturn)
	if picked != "a" {
		t.Errorf("picked %q", picked)
	}
}

// A form dialog sized by its content shows every field, not one row in a
// scroll: the Edit actor form's three fields, and Settings'.
func TestFormDialogsShowTheirFields(t *testing.T) {
	h := newHarness(t)
	h.m.tabs.SelectIndex(2)
	h.m.actorsView.show("army")
	forms := map[string]*formModal{"Edit actor": h.m.actorsView.showEdit().dlg}
	forms["Edit actor"].hide()
	forms["Settings"] = showSettings(h.app, h.win).dlg
	for name, f := range forms {
		if got, want := f.scroll.Size().Height, f.form.MinSize().Height; got < want {
			t.Errorf("%s: the form is %v high in a dialog that gives it %v", name, want, got)
		}
	}
}

// Enter in the search box selects the first result and gives the list the
// keyboard, search kept: Delete then deletes the claim found (asking
// first), and Escape goes back to the search box.
func TestEnterInTheSearchGoesToTheResults(t *testing.T) {
	h := newHarness(t)
	h.win.Canvas().Focus(h.m.search)
	h.typeText("military")
	h.press(fyne.KeyReturn)
	if h.m.selected == "" || h.win.Canvas().Focused() != h.m.list {
		t.Fatalf("after Enter: selected %q, focus on %T", h.m.selected, h.win.Canvas().Focused())
	}
	h.press(fyne.KeyDelete)
	if !strings.Contains(h.dialogText(), "Delete this claim") {
		t.Fatalf("Delete after Enter: dialog %q", h.dialogText())
	}
	h.press(fyne.KeyEscape)
	h.press(fyne.KeyEscape)
	if h.win.Canvas().Focused() != h.m.search || h.m.search.Text != "military" {
		t.Errorf("Escape from the list: focus on %T, search %q", h.win.Canvas().Focused(), h.m.search.Text)
	}
}

// Enter after Up or Down in the search box keeps the result they chose;
// after the query changes, it takes the first again. The same on the
// Contradictions tab.
func TestEnterKeepsTheResultDownChose(t *testing.T) {
	h := newHarness(t)
	h.win.Canvas().Focus(h.m.search)
	h.typeText("khan")
	if h.m.found.Len() < 2 {
		t.Fatalf("%d results for khan, want several", h.m.found.Len())
	}
	h.press(fyne.KeyDown, fyne.KeyDown)
	chosen := h.m.list.selectedRow()
	h.press(fyne.KeyReturn)
	if row := h.m.list.selectedRow(); chosen <= 0 || row != chosen || h.win.Canvas().Focused() != h.m.list {
		t.Errorf("Down, Down, Enter: row %d selected, focus %T; want row %d, the list", row, h.win.Canvas().Focused(), chosen)
	}
	h.win.Canvas().Focus(h.m.search)
	h.typeText("'")
	h.press(fyne.KeyReturn)
	if row := h.m.list.selectedRow(); row != 0 {
		t.Errorf("query changed, Enter: row %d selected, want the first", row)
	}

	h.m.tabs.SelectIndex(1)
	h.m.wait()
	v := h.m.contra
	h.win.Canvas().Focus(v.search)
	h.typeText("khan")
	if len(v.pairs) < 2 {
		t.Fatalf("%d pairs for khan, want several", len(v.pairs))
	}
	h.press(fyne.KeyDown, fyne.KeyDown)
	chosen = v.selected
	h.press(fyne.KeyReturn)
	if chosen <= 0 || v.selected != chosen || h.win.Canvas().Focused() != v.table {
		t.Errorf("Contradictions, Down, Down, Enter: pair %d, focus %T; want pair %d, the table", v.selected, h.win.Canvas().Focused(), chosen)
	}
}

func TestCtrlTAddsATagAfterTheOnesThere(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(pkAllegation) // tagged "bombing"
	h.shortcut(keyTags)
	h.typeText("checked")
	h.press(fyne.KeyReturn)
	c, err := h.m.st.Claim(context.Background(), pkAllegation)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Tags, "|") != "bombing|checked" {
		t.Errorf("Ctrl+T, typed a tag, Enter: tags %q, want bombing and checked", c.Tags)
	}
	// Escape drops what was typed: nothing saved, the box as stored.
	h.shortcut(keyTags)
	h.typeText("oops")
	h.press(fyne.KeyEscape)
	if c, _ = h.m.st.Claim(context.Background(), pkAllegation); strings.Join(c.Tags, "|") != "bombing|checked" ||
		h.m.detail.tags.Text != "bombing, checked" || h.win.Canvas().Focused() != h.m.list {
		t.Errorf("Ctrl+T, oops, Escape: stored %q, box %q, focus %T", c.Tags, h.m.detail.tags.Text, h.win.Canvas().Focused())
	}
	h.win.Canvas().Focus(h.m.detail.review.url)
	h.typeText("https://half.typed")
	h.press(fyne.KeyEscape)
	if c, _ = h.m.st.Claim(context.Background(), pkAllegation); c.Review.URL != "" || h.m.detail.review.url.Text != "" {
		t.Errorf("fact-check address typed then Escape: stored %q, box %q", c.Review.URL, h.m.detail.review.url.Text)
	}
	// Ctrl+T and away again changes nothing.
	h.shortcut(keyTags)
	h.m.focusList()
	h.m.wait()
	if c, _ = h.m.st.Claim(context.Background(), pkAllegation); strings.Join(c.Tags, "|") != "bombing|checked" {
		t.Errorf("Ctrl+T then away: tags %q", c.Tags)
	}
}

func TestCtrlFSelectsTheQuerySoTypingReplacesIt(t *testing.T) {
	h := newHarness(t)
	h.shortcut(keyFind)
	h.typeText("imran")
	h.m.focusList()
	h.shortcut(keyFind)
	h.typeText("kabul")
	if h.m.search.Text != "kabul" {
		t.Errorf("Ctrl+F over %q, typed kabul: the box says %q", "imran", h.m.search.Text)
	}
}
