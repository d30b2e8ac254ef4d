package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/model"
)

// dialogText is every label's text in the dialog on top.
func (h *harness) dialogText() string {
	h.t.Helper()
	top := h.top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// stored is the claim as the database holds it now.
func (h *harness) stored(id string) model.Claim {
	h.t.Helper()
	c, err := h.m.st.Claim(context.Background(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

// bilal writes as another reviewer would, in another window.
func bilal() context.Context {
	return db.WithOrigin(context.Background(), db.Origin{Reviewer: "Bilal", Via: "window"})
}

// Ctrl+Z undoes the verdict this window set, Ctrl+Shift+Z and Ctrl+Y
// redo it; the history in the detail pane shows each step and who took it.
func TestUndoAndRedoByKeyboard(t *testing.T) {
	h := newHarness(t)
	h.app.Preferences().SetString(prefReviewer, "Ayesha")
	h.selectClaim(khanCharge)
	h.shortcut(keyUndo)
	if !strings.Contains(h.dialogText(), "Nothing to undo") {
		t.Fatalf("undo with nothing done: %q", h.dialogText())
	}
	h.press(fyne.KeyEscape)

	h.shortcut(keyVerdict(fyne.Key6)) // False
	if v := h.stored(khanCharge).Verdict; v != model.False {
		t.Fatalf("verdict after Ctrl+6: %s", v)
	}
	if h.m.status.Visible() {
		t.Errorf("a status line before any undo: %q", h.m.status.Text)
	}
	h.shortcut(keyUndo)
	if v := h.stored(khanCharge).Verdict; v != model.Unreviewed {
		t.Fatalf("after Ctrl+Z: %s", v)
	}
	if !h.m.status.Visible() || !strings.HasPrefix(h.m.status.Text, "Undone: your change (1 change,") {
		t.Errorf("after Ctrl+Z the status line says %q (shown %v)", h.m.status.Text, h.m.status.Visible())
	}
	if h.m.detail.verdict.Selected != model.Unreviewed.Label() {
		t.Errorf("the pane shows %q after the undo", h.m.detail.verdict.Selected)
	}
	h.shortcut(keyRedoZ)
	if v := h.stored(khanCharge).Verdict; v != model.False {
		t.Fatalf("after Ctrl+Shift+Z: %s", v)
	}
	if !strings.HasPrefix(h.m.status.Text, "Made again: your change (1 change,") {
		t.Errorf("after Ctrl+Shift+Z the status line says %q", h.m.status.Text)
	}
	h.shortcut(keyUndo)
	h.shortcut(keyRedo)
	if v := h.stored(khanCharge).Verdict; v != model.False {
		t.Fatalf("after Ctrl+Y: %s", v)
	}
	var lines []string
	for _, o := range h.m.detail.history.Objects {
		if l, ok := o.(*widget.Label); ok {
			lines = append(lines, l.Text)
		}
	}
	if len(lines) < 5 || !strings.Contains(lines[0], "Ayesha (redo of set") || !strings.Contains(lines[0], "verdict: unreviewed → false") ||
		!strings.Contains(lines[1], "Ayesha (undo of set") || !strings.Contains(lines[4], "Ayesha (window) — verdict: unreviewed → false") {
		t.Errorf("history in the pane:\n%s", strings.Join(lines, "\n"))
	}
	h.shortcut(keyVerdict(fyne.Key5))
	if h.m.status.Visible() {
		t.Errorf("the next change left the status line saying %q", h.m.status.Text)
	}
}

// Ctrl+Z after an import reverts the whole import, wherever the claims
// it changed are; the window says what it undid.
func TestUndoSaysWhatItReverted(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(khanCharge)
	var set int64
	ctx := db.WithSetID(db.WithOrigin(context.Background(), db.Origin{Reviewer: "Ayesha", Via: "import of sheet.csv"}), &set)
	if err := h.m.st.Update(ctx, func(tx *db.Tx) error {
		for id, v := range map[string]model.Verdict{pkAllegation: model.False, usDenial: model.True} {
			c, err := tx.Claim(id)
			if err != nil {
				return err
			}
			c.Verdict = v
			if err := tx.UpdateClaim(&c); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	h.m.wrote(set)
	h.shortcut(keyUndo)
	if v := h.stored(pkAllegation).Verdict; v != model.Unreviewed {
		t.Fatalf("after Ctrl+Z: %s", v)
	}
	if !strings.HasPrefix(h.m.status.Text, "Undone: import of sheet.csv (2 changes,") || !strings.Contains(h.m.status.Text, "Ctrl+Y") {
		t.Errorf("after undoing an import the status line says %q", h.m.status.Text)
	}
}

// An undo that would overwrite a later change by someone else is refused,
// naming who and what.
func TestUndoRefusedOverAnotherReviewersChange(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(khanCharge)
	h.shortcut(keyVerdict(fyne.Key6))
	if err := h.m.st.SetVerdict(bilal(), khanCharge, model.Mixed); err != nil {
		t.Fatal(err)
	}
	h.shortcut(keyUndo)
	msg := h.dialogText()
	if !strings.Contains(msg, "Cannot undo") && !strings.Contains(msg, "Someone changed the same things") ||
		!strings.Contains(msg, "Bilal") || !strings.Contains(msg, "verdict") {
		t.Fatalf("dialog: %q", msg)
	}
	if v := h.stored(khanCharge).Verdict; v != model.Mixed {
		t.Errorf("a refused undo left %s", v)
	}
}

// A deleted claim goes to the Trash, which puts it back with its links.
func TestTrashPutsADeletedClaimBack(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(usDenial)
	h.m.confirmDelete()
	if !strings.Contains(h.dialogText(), "Trash") {
		t.Errorf("the delete question does not mention the Trash: %q", h.dialogText())
	}
	h.press(fyne.KeyReturn)
	if _, err := h.m.st.Claim(context.Background(), usDenial); err == nil {
		t.Fatal("not deleted")
	}
	td := h.m.showTrash()
	if len(td.items) != 1 || td.items[0].ID != usDenial || !strings.Contains(h.dialogText(), "deleted") {
		t.Fatalf("Trash lists %+v", td.items)
	}
	h.press(fyne.KeyReturn) // Restore
	d, err := h.m.st.ClaimDetail(context.Background(), usDenial)
	if err != nil || len(d.Answers) != 1 || d.Answers[0].Claim.ID != khanCharge {
		t.Fatalf("restored: %+v %v", d.Answers, err)
	}
	if h.m.selected != usDenial {
		t.Errorf("the restored claim is not the one shown: %q", h.m.selected)
	}
	// Undo of the restore sends it back to the Trash.
	h.shortcut(keyUndo)
	if trash, _ := h.m.st.Trash(context.Background()); len(trash) != 1 {
		t.Errorf("after undoing the restore the Trash holds %d", len(trash))
	}
}

// Saving a verdict that another reviewer changed since it was shown shows
// both versions; "Keep theirs" keeps theirs, "Save mine" saves over it.
func TestStaleSaveShowsBothVersions(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(khanCharge)
	if err := h.m.st.SetVerdict(bilal(), khanCharge, model.Misleading); err != nil {
		t.Fatal(err)
	}
	h.shortcut(keyVerdict(fyne.Key6)) // False, over a Misleading the pane has not shown
	msg := h.dialogText()
	if !strings.Contains(msg, "Changed by someone else") && !strings.Contains(msg, "Someone changed this claim") ||
		!strings.Contains(msg, "Misleading") || !strings.Contains(msg, "False") || !strings.Contains(msg, "Bilal") {
		t.Fatalf("dialog: %q", msg)
	}
	test.Tap(findButton(h.top(), "Keep theirs"))
	h.m.wait()
	if v := h.stored(khanCharge).Verdict; v != model.Misleading {
		t.Fatalf("after Keep theirs: %s", v)
	}
	if h.m.detail.verdict.Selected != model.Misleading.Label() {
		t.Errorf("the pane shows %q", h.m.detail.verdict.Selected)
	}
	if err := h.m.st.SetVerdict(bilal(), khanCharge, model.Mixed); err != nil {
		t.Fatal(err)
	}
	h.shortcut(keyVerdict(fyne.Key6))
	test.Tap(findButton(h.top(), "Save mine"))
	h.m.wait()
	if v := h.stored(khanCharge).Verdict; v != model.False {
		t.Fatalf("after Save mine: %s", v)
	}
	// Other fields changed meanwhile are not a conflict: only the field
	// saved is written.
	if err := h.m.st.SetTags(bilal(), khanCharge, []string{"cable"}); err != nil {
		t.Fatal(err)
	}
	h.shortcut(keyVerdict(fyne.Key4)) // Mixed
	if h.top() != nil {
		t.Fatalf("a dialog over a change to another field: %q", h.dialogText())
	}
	if c := h.stored(khanCharge); c.Verdict != model.Mixed || len(c.Tags) != 1 || c.Tags[0] != "cable" {
		t.Errorf("stored %s %v", c.Verdict, c.Tags)
	}
}

// Quitting saves the tags being typed; when that save needs an answer
// (someone changed the tags meanwhile) the window stays to ask it.
func TestQuitWaitsForTheStaleSaveAnswer(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(khanCharge)
	h.shortcut(keyTags)
	h.typeText("cable")
	if err := h.m.st.SetTags(bilal(), khanCharge, []string{"leak"}); err != nil {
		t.Fatal(err)
	}
	h.m.quit()
	if md := topModal(h.win.Canvas()); md == nil || md.title == "Quit without saving?" ||
		!strings.Contains(h.dialogText(), "Bilal") {
		t.Fatalf("quitting over a stale save: dialog %q", h.dialogText())
	}
	if h.app.Preferences().FloatWithFallback(prefWidth, -1) != -1 {
		t.Error("the window quit without waiting for the answer")
	}
}

// The review fields save as the tags do, and a review URL must be a web
// address.
func TestReviewFieldsSave(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(khanCharge)
	r := h.m.detail.review
	h.win.Canvas().Focus(r.url)
	h.typeText("ftp://nope")
	h.press(fyne.KeyReturn)
	if !strings.Contains(h.dialogText(), "http") {
		t.Fatalf("a bad URL: %q", h.dialogText())
	}
	h.press(fyne.KeyEscape)
	r.url.SetText("")
	h.win.Canvas().Focus(r.url)
	h.typeText("https://example.org/fact-check/khan")
	h.win.Canvas().Focus(r.date)
	h.typeText("2022-04-20")
	h.press(fyne.KeyReturn)
	if rv := h.stored(khanCharge).Review; rv.URL != "https://example.org/fact-check/khan" || rv.Published != "2022-04-20" {
		t.Errorf("stored review %+v", rv)
	}
}

// A change made elsewhere (another window, the command line) reloads the
// window when the store reports it, keeping the claim shown and the tags
// being typed.
func TestOtherWritersReachTheWindow(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(khanCharge)
	h.win.Canvas().Focus(h.m.detail.tags)
	h.typeText("half-typed")
	if err := h.m.st.SetVerdict(bilal(), khanCharge, model.False); err != nil {
		t.Fatal(err)
	}
	v, _ := h.m.st.Version(context.Background())
	h.m.storeChanged(db.Event{Version: v})
	h.m.wait()
	if h.m.selected != khanCharge || h.m.detail.verdict.Selected != model.False.Label() {
		t.Errorf("after another writer: shown %q with verdict %q", h.m.selected, h.m.detail.verdict.Selected)
	}
	if !strings.Contains(h.m.detail.tags.Text, "half-typed") {
		t.Errorf("the tags being typed were lost: %q", h.m.detail.tags.Text)
	}
	// The window's own change does not reload it again.
	seen := h.m.rec.seen
	h.m.storeChanged(db.Event{Version: seen})
	if h.m.rec.seen != seen {
		t.Error("an old version moved the window")
	}
}

// Tags (or review fields) being typed while another writer changes the
// same field and the window refreshes: saving them is checked against the
// value the typing started from, not the refreshed one, so the other
// writer's change is shown beside mine instead of being overwritten.
func TestEditInProgressOverARefreshIsChecked(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(khanCharge)
	before := h.stored(khanCharge)
	h.win.Canvas().Focus(h.m.detail.tags)
	h.typeText(", mine")
	h.m.detail.review.url.SetText("https://example.org/mine")
	// Long enough that a clipped value would hide the difference.
	long := "theirs-" + strings.Repeat("with-a-long-tail-", 5) + "end"
	theirs := append(slices.Clone(before.Tags), "first-of-theirs", long)
	if err := h.m.st.SetTags(bilal(), khanCharge, theirs); err != nil {
		t.Fatal(err)
	}
	edited := before
	edited.Review.URL = "https://example.org/theirs"
	if err := h.m.st.EditClaim(bilal(), before, edited); err != nil {
		t.Fatal(err)
	}
	v, _ := h.m.st.Version(context.Background())
	h.m.storeChanged(db.Event{Version: v}) // the watch reports it; the pane refreshes
	h.m.wait()
	h.win.Canvas().Focus(h.m.detail.tags)
	h.press(fyne.KeyReturn)
	if msg := h.dialogText(); !strings.Contains(msg, long) || !strings.Contains(msg, "mine") {
		t.Fatalf("saving tags over another writer's: dialog %q, stored %v", msg, h.stored(khanCharge).Tags)
	}
	test.Tap(findButton(h.top(), "Keep theirs"))
	h.m.wait()
	if got := h.stored(khanCharge).Tags; !slices.Equal(got, theirs) {
		t.Fatalf("after Keep theirs the tags are %v, want %v", got, theirs)
	}
	if got := h.m.detail.tags.values(); !slices.Equal(got, theirs) {
		t.Errorf("after Keep theirs the pane shows the tags %v, want %v", got, theirs)
	}
	h.m.detail.commitReview()
	if msg := h.dialogText(); !strings.Contains(msg, "example.org/theirs") {
		t.Fatalf("saving the review over another writer's: dialog %q, stored %+v", msg, h.stored(khanCharge).Review)
	}
	test.Tap(findButton(h.top(), "Keep theirs"))
	h.m.wait()
	if got := h.stored(khanCharge).Review.URL; got != "https://example.org/theirs" {
		t.Errorf("after Keep theirs the review URL is %q", got)
	}
}

// An actor's form and a source's form saved after someone else changed
// the same field since the form opened show both versions instead of
// saving over them; a field only I changed is saved beside theirs.
func TestActorAndSourceFormsAreChecked(t *testing.T) {
	h := newHarness(t)
	h.m.tabs.SelectIndex(2)
	h.m.actorsView.show("army")
	// Bilal renames the army while its form is open here.
	renameBehind := func(name string) {
		t.Helper()
		shown, _ := h.m.st.Actor(context.Background(), "army")
		theirs := shown
		theirs.Name = name
		if err := h.m.st.EditActor(bilal(), shown, theirs, false); err != nil {
			t.Fatal(err)
		}
	}
	f := h.m.actorsView.showEdit()
	renameBehind("Pakistan Armed Forces")
	f.name.SetText("Pakistani military")
	test.Tap(findButton(h.top(), "Save"))
	h.m.wait()
	if msg := h.dialogText(); !strings.Contains(msg, "Pakistan Armed Forces") || !strings.Contains(msg, "Pakistani military") {
		a, _ := h.m.st.Actor(context.Background(), "army")
		t.Fatalf("actor saved over another reviewer's name: dialog %q, stored %+v", msg, a)
	}
	test.Tap(findButton(h.top(), "Keep theirs"))
	h.m.wait()
	if a, _ := h.m.st.Actor(context.Background(), "army"); a.Name != "Pakistan Armed Forces" || h.top() != nil {
		t.Fatalf("after Keep theirs: %q, dialog %q", a.Name, h.dialogText())
	}
	// Again, and this time Save mine.
	f = h.m.actorsView.showEdit()
	renameBehind("Armed Forces of Pakistan")
	f.name.SetText("Pakistani military")
	test.Tap(findButton(h.top(), "Save"))
	h.m.wait()
	test.Tap(findButton(h.top(), "Save mine"))
	h.m.wait()
	if a, _ := h.m.st.Actor(context.Background(), "army"); a.Name != "Pakistani military" || h.top() != nil {
		t.Fatalf("after Save mine: %q, dialog %q", a.Name, h.dialogText())
	}

	h.m.tabs.SelectIndex(3)
	v := h.m.sourcesView
	v.selected = h.m.sources[0].ID
	src, _ := h.m.st.Source(context.Background(), v.selected)
	sf := v.showForm(&src)
	other := src
	other.Outlet = "Dawn"
	if err := h.m.st.EditSource(bilal(), src, other, false); err != nil {
		t.Fatal(err)
	}
	sf.title.SetText(src.Title + " (updated)")
	test.Tap(findButton(h.top(), "Save"))
	h.m.wait()
	if h.top() != nil {
		t.Fatalf("a dialog over a change to another field: %q", h.dialogText())
	}
	if got, _ := h.m.st.Source(context.Background(), src.ID); got.Title != src.Title+" (updated)" || got.Outlet != "Dawn" {
		t.Errorf("source after saving the title beside another's outlet: %+v", got)
	}
}

// An actor renamed by another writer moves in the sorted list; the list's
// highlighted row moves with it, so that the row marked is the actor shown.
func TestActorsListFollowsARenameElsewhere(t *testing.T) {
	h := newHarness(t)
	h.m.tabs.SelectIndex(2)
	v := h.m.actorsView
	at := func(id string) int {
		return slices.IndexFunc(h.m.actors, func(a model.Actor) bool { return a.ID == id })
	}
	v.list.Select(at("af")) // Afghan government, first
	highlighted := -1
	shown := v.list.OnSelected
	v.list.OnSelected = func(i widget.ListItemID) { highlighted = i; shown(i) }
	before, _ := h.m.st.Actor(context.Background(), "af")
	renamed := before
	renamed.Name = "Taliban-led government"
	if err := h.m.st.EditActor(bilal(), before, renamed, false); err != nil {
		t.Fatal(err)
	}
	v2, _ := h.m.st.Version(context.Background())
	h.m.storeChanged(db.Event{Version: v2})
	h.m.wait()
	if v.selected != "af" || at("af") == 0 || highlighted != at("af") {
		t.Errorf("shown %q; the list marks row %d, the actor is at row %d", v.selected, highlighted, at("af"))
	}
}

// Linking two claims the window showed as not linked, after someone else
// linked them with another relation, shows both instead of replacing
// theirs.
func TestLinkOverAnotherReviewersLinkIsChecked(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(pkAllegation)
	l := h.m.openLinkDialog()
	h.m.wait()
	test.Type(l.query, "lawful vote")
	h.m.wait()
	l.list.Select(0)
	l.relation.SetSelected(string(model.Contradicts))
	if err := h.m.st.AddLink(bilal(), model.Link{FromID: oppDenial, ToID: pkAllegation, Relation: model.Supports}); err != nil {
		t.Fatal(err)
	}
	test.Tap(l.link)
	h.m.wait()
	if msg := h.dialogText(); !strings.Contains(msg, "supports") || !strings.Contains(msg, "contradicts") {
		t.Fatalf("linking over another reviewer's link: dialog %q", msg)
	}
	test.Tap(findButton(h.top(), "Keep theirs"))
	h.m.wait()
	if h.top() != nil {
		t.Errorf("a dialog left open: %q", h.dialogText())
	}
	links, _ := h.m.st.Links(context.Background())
	for _, k := range links {
		if k.FromID == oppDenial && k.ToID == pkAllegation && k.Relation != model.Supports {
			t.Errorf("after Keep theirs the link is %s", k.Relation)
		}
	}
}
