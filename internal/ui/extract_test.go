package ui

import (
	"context"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/extract"
	"claims/internal/model"
)

// A made-up article, not one of the seeds.
const extractTestArticle = `<html><body><h1>Border row</h1>
<p>Ruritania has accused Borduria of shelling three villages in May, an allegation that Szohod has denied.</p>
<p>The river flooded two towns last week.</p>
<p>Opposition leader Anna Kovacs claimed that Strelsau was working with the army and the courts to delay the vote. All three have since denied these charges.</p>
</body></html>`

func newExtractHarness(t *testing.T) (*extractView, *db.Store, *int) {
	t.Helper()
	test.NewTempApp(t)
	st, err := db.Open(filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	err = st.Update(context.Background(), func(tx *db.Tx) error {
		return tx.CreateActor(&model.Actor{ID: "ru", Name: "Government of Ruritania", Kind: model.KindGovernment, Aliases: []string{"Ruritania"}})
	})
	if err != nil {
		t.Fatal(err)
	}
	done := 0
	w := test.NewTempWindow(t, nil)
	v := newExtractView(w, st, func() { done++ })
	// Background results queue up; extractWait applies them on the test
	// goroutine, so widgets are only touched from there.
	results := make(chan func(), 64)
	v.do = func(fn func()) { results <- fn }
	extractQueues[v] = results
	t.Cleanup(func() { delete(extractQueues, v) })
	w.SetContent(v.content())
	w.Resize(fyne.NewSize(1200, 800))
	return v, st, &done
}

// extractQueues holds each test view's queue of background results.
var extractQueues = map[*extractView]chan func(){}

// extractWait waits for v's background work and applies its results.
func extractWait(v *extractView) {
	for {
		v.pending.Wait()
		select {
		case fn := <-extractQueues[v]:
			fn()
		default:
			return
		}
	}
}

// find runs the extraction synchronously, as the Find button does off the
// UI goroutine.
func (v *extractView) findNow(t *testing.T) {
	t.Helper()
	r, err := extractText(context.Background(), v.st, v.input.Text)
	if err != nil {
		t.Fatal(err)
	}
	v.show(r)
}

func TestExtractViewProposesEditsAndSaves(t *testing.T) {
	v, st, done := newExtractHarness(t)
	v.loadText("border.html", extractTestArticle)
	v.findNow(t)

	if strings.Contains(v.input.Text, "<p>") {
		t.Errorf("article box still holds HTML: %q", v.input.Text)
	}
	if len(v.rows) != 6 {
		t.Fatalf("got %d proposals, want 6: %+v", len(v.rows), v.props)
	}
	if got := v.rows[0].actor.Text; got != "Government of Ruritania" {
		t.Errorf("first actor %q, want the known actor", got)
	}
	if v.rows[1].relation.Selected != "denies" || v.rows[0].relation.Selected != extractNoRelation || !v.rows[0].answers.Disabled() {
		t.Errorf("relations: %q, %q", v.rows[0].relation.Selected, v.rows[1].relation.Selected)
	}
	// The quotes are highlighted in the preview.
	var highlighted []string
	for _, s := range v.preview.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
			highlighted = append(highlighted, ts.Text)
		}
	}
	if len(highlighted) != 4 || highlighted[0] != "Ruritania has accused Borduria of shelling three villages in May" {
		t.Errorf("highlighted spans: %q", highlighted)
	}

	// Reject the Kovacs charge (its three denials stay, as claims of
	// their own), edit the first statement and rename a new actor.
	v.rows[2].accept.SetChecked(false)
	v.rows[0].statement.SetText("Borduria shelled three border villages in May.")
	v.rows[1].actor.SetText("Government of Borduria")
	v.title.SetText("Border row (made-up)")
	v.onSave()
	extractWait(v)

	if *done != 1 {
		t.Fatalf("onDone called %d times", *done)
	}
	ctx := context.Background()
	claims, err := st.ListClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) != 5 {
		t.Fatalf("saved %d claims, want 5", len(claims))
	}
	var first *model.ClaimSummary
	for i := range claims {
		if claims[i].ActorID == "ru" {
			first = &claims[i]
		}
		if claims[i].SourceTitle != "Border row (made-up)" {
			t.Errorf("claim %q has source %q", claims[i].Statement, claims[i].SourceTitle)
		}
	}
	if first == nil || first.Statement != "Borduria shelled three border villages in May." || first.CounterCount != 1 ||
		first.CounterActors[0] != "Government of Borduria" {
		t.Errorf("edited claim saved as %+v", first)
	}
	if !strings.HasPrefix(v.status.Text, "Saved 5 claims and 1 link.") {
		t.Errorf("status %q", v.status.Text)
	}

	// Finding the same claims again warns about the duplicates, and the
	// reviewer can have the recorded claim stand for the proposal: the
	// allegation is not saved twice, and its denial, accepted again under
	// another actor, answers the recorded one.
	v.findNow(t)
	if len(v.dups) == 0 || len(v.dups[0]) == 0 || v.dups[0][0].Claim.ID != first.ID {
		t.Fatalf("no duplicate warning for the saved claim: %+v", v.dups)
	}
	if v.rows[0].saveAs == nil || v.rows[0].saveAs.Selected != extractSaveNew {
		t.Fatal("no choice to use the recorded claim")
	}
	v.rows[0].saveAs.SetSelectedIndex(1)
	for i, r := range v.rows {
		r.accept.SetChecked(i <= 1)
	}
	v.rows[1].actor.SetText("Borduria's foreign ministry")
	v.title.SetText("Border row, second report (made-up)")
	v.onSave()
	extractWait(v)
	after, _ := st.ListClaims(ctx)
	if len(after) != len(claims)+1 {
		t.Fatalf("%d claims after saving with the recorded claim, want %d", len(after), len(claims)+1)
	}
	for _, c := range after {
		if c.ID == first.ID && (c.CounterCount != 2 || !slices.Contains(c.CounterActors, "Borduria's foreign ministry")) {
			t.Errorf("the recorded claim's counter-claims: %d %q", c.CounterCount, c.CounterActors)
		}
	}
	if !strings.Contains(v.status.Text, "Saved 1 claim and 1 link. 1 claim already recorded linked instead") {
		t.Errorf("status %q", v.status.Text)
	}
}

// TestExtractViewPairsByHand: the reviewer pairs a proposal the
// extractor left on its own with the claim it answers, and unpairs a
// denial; what is saved follows the choices.
func TestExtractViewPairsByHand(t *testing.T) {
	v, st, _ := newExtractHarness(t)
	v.loadText("border.html", extractTestArticle)
	v.findNow(t)
	kovacs := v.rows[2]
	if k, _ := kovacs.answered(); k >= 0 || !kovacs.answers.Disabled() {
		t.Fatalf("the Kovacs charge answers #%d", k+1)
	}
	kovacs.relation.SetSelected("disputes")
	kovacs.answers.SetSelectedIndex(0) // #1, the shelling allegation
	if got := kovacs.head.Text; got != "#3 disputes #1 (Government of Ruritania)" {
		t.Errorf("head %q", got)
	}
	v.rows[1].relation.SetSelected(extractNoRelation)
	if got := v.rows[1].head.Text; got != "#2" {
		t.Errorf("unpaired head %q", got)
	}
	claims := saveOnly(t, v, st, func(i int) bool { return i <= 2 }, 3)
	for _, c := range claims {
		switch {
		case c.ActorID == "ru" && (c.CounterCount != 1 || c.CounterActors[0] != "Anna Kovacs"):
			t.Errorf("the allegation's counter-claims: %q", c.CounterActors)
		case c.ActorID != "ru" && c.CounterCount != 0:
			t.Errorf("%s's claim has %d counter-claims", c.ActorName, c.CounterCount)
		}
	}
}

func TestExtractViewUsesStoredSource(t *testing.T) {
	v, st, _ := newExtractHarness(t)
	src := model.Source{Title: "Stored article", Outlet: "Example Outlet", Text: "Ruritania said that the border crossing had been closed since Monday."}
	if err := st.CreateSource(context.Background(), &src); err != nil {
		t.Fatal(err)
	}
	v.loadSources()
	extractWait(v)
	v.sourceSel.SetSelected("Stored article — Example Outlet")
	extractWait(v)
	if v.input.Text != src.Text || v.title.Text != "Stored article" || !v.title.Disabled() {
		t.Fatalf("stored source not loaded: %q / %q", v.input.Text, v.title.Text)
	}
	v.findNow(t)
	v.onSave()
	extractWait(v)
	srcs, err := st.Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	claims, _ := st.ListClaims(context.Background())
	if len(srcs) != 1 || len(claims) != 1 || claims[0].SourceID != src.ID {
		t.Errorf("claims not linked to the stored source: %d sources, claims %+v", len(srcs), claims)
	}
}

func TestExtractViewWithoutText(t *testing.T) {
	v, _, done := newExtractHarness(t)
	v.onFind()
	if !strings.Contains(v.status.Text, "no text") || *done != 0 {
		t.Errorf("status %q", v.status.Text)
	}
	v.input.SetText("The river flooded two towns last week.")
	v.findNow(t)
	if len(v.rows) != 0 || !v.saveBtn.Disabled() || !strings.Contains(v.status.Text, "No attributed claims") {
		t.Errorf("plain facts gave %d proposals; status %q", len(v.rows), v.status.Text)
	}
}

// TestScreenshotsExtract renders the review window of an article's
// proposals to extract.png, where TestScreenshots writes its views (make
// screenshots), and checks that it is 1200×800 and not blank.
func TestScreenshotsExtract(t *testing.T) {
	dir := screenshotDir(t)
	v, _, _ := newExtractHarness(t)
	v.loadText("border.html", extractTestArticle)
	v.findNow(t)
	img := v.win.Canvas().Capture()
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 800 {
		t.Errorf("the review window is %d×%d, want 1200×800", b.Dx(), b.Dy())
	}
	if n := colours(img); n < 4 {
		t.Errorf("the review window looks blank (%d colours)", n)
	}
	f, err := os.Create(filepath.Join(dir, "extract.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestExtractViewAddsSelectedText: words the rules missed, selected in the
// article text, become a proposal the reviewer completes and pairs; it is
// saved with its actor, and a proposal set to answer it is linked to it.
func TestExtractViewAddsSelectedText(t *testing.T) {
	v, st, _ := newExtractHarness(t)
	v.loadText("border.html", extractTestArticle)
	v.findNow(t)
	before := len(v.rows)
	v.addSelected()
	if len(v.rows) != before || !strings.Contains(v.status.Text, "Select the words") {
		t.Fatalf("without a selection: %d rows, status %q", len(v.rows), v.status.Text)
	}
	// Select "The river flooded two towns last week" with the keyboard.
	// (Rows are the lines as shown: unwrapped, they are the text's.)
	v.input.Wrapping = fyne.TextWrapOff
	v.input.Refresh()
	at := strings.Index(v.input.Text, "The river")
	v.input.CursorRow = strings.Count(v.input.Text[:at], "\n")
	v.input.CursorColumn = at - strings.LastIndex(v.input.Text[:at], "\n") - 1
	v.input.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for range len("The river flooded two towns last week") {
		v.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	v.input.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := v.input.SelectedText(); got != "The river flooded two towns last week" {
		t.Fatalf("selected %q", got)
	}
	v.addSelected()
	if len(v.rows) != before+1 {
		t.Fatalf("%d rows after adding, want %d", len(v.rows), before+1)
	}
	added := v.rows[before]
	// The nearest speaker before the selection is proposed: Szohod, who
	// denied the allegation in the sentence before.
	if added.statement.Text != "The river flooded two towns last week" || added.actor.Text != "Szohod" || v.cur != before {
		t.Errorf("added row: %q by %q (current #%d)", added.statement.Text, added.actor.Text, v.cur+1)
	}
	added.actor.SetText("Borduria's weather office")
	// The Kovacs charge now disputes the added claim.
	kovacs := v.rows[2]
	kovacs.relation.SetSelected("disputes")
	kovacs.answers.SetSelectedIndex(len(kovacs.targets) - 1)
	if k, _ := kovacs.answered(); k != before {
		t.Fatalf("the Kovacs charge answers #%d, want #%d", k+1, before+1)
	}
	claims := saveOnly(t, v, st, func(i int) bool { return i == 2 || i == before }, 2)
	for _, c := range claims {
		if c.Statement == "The river flooded two towns last week" &&
			(c.ActorName != "Borduria's weather office" || c.CounterCount != 1 || c.CounterActors[0] != "Anna Kovacs") {
			t.Errorf("the added claim: by %q, counter-claims %q", c.ActorName, c.CounterActors)
		}
	}
}

// saveOnly accepts the proposals keep picks, saves them with a made-up
// source title and returns the claims stored, which must number want.
func saveOnly(t *testing.T, v *extractView, st *db.Store, keep func(int) bool, want int) []model.ClaimSummary {
	t.Helper()
	for i, r := range v.rows {
		r.accept.SetChecked(keep(i))
	}
	v.title.SetText("Border row (made-up)")
	v.onSave()
	extractWait(v)
	claims, err := st.ListClaims(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) != want {
		t.Fatalf("%d claims saved, want %d", len(claims), want)
	}
	return claims
}

// typeKey sends a shortcut to the review window as the keyboard does.
func typeKey(v *extractView, s fyne.Shortcut) {
	v.win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// TestExtractViewKeys: the reviewer goes through the proposals with the
// keyboard only — moves, rejects and accepts, pairs a claim with the one
// it answers in one key, and cycles to the next candidate.
func TestExtractViewKeys(t *testing.T) {
	v, st, _ := newExtractHarness(t)
	v.loadText("border.html", extractTestArticle)
	v.findNow(t)
	if v.cur != 0 || !strings.HasPrefix(v.rows[0].head.Text, "» #1") || !strings.Contains(v.status.Text, "Alt+P") {
		t.Fatalf("current #%d, head %q, status %q", v.cur+1, v.rows[0].head.Text, v.status.Text)
	}
	test.Type(v.rows[0].statement, " (edited)") // keys work with an entry focused
	// Szohod's denial, unpaired by hand, is paired again with one key:
	// the nearest claim before it by someone else, #1; again, the next
	// one that answers nothing, #3; then round to #1.
	typeKey(v, extractKeyNext)
	szohod := v.rows[1]
	szohod.relation.SetSelected(extractNoRelation)
	for _, want := range []int{0, 2, 0} {
		typeKey(v, extractKeyPair)
		if k, rel := szohod.answered(); k != want || rel != model.Denies {
			t.Fatalf("after Alt+P Szohod's denial %s #%d, want denies #%d", rel, k+1, want+1)
		}
	}
	typeKey(v, extractKeyNext)
	if v.cur != 2 || strings.HasPrefix(v.rows[1].head.Text, "»") || !strings.HasPrefix(v.rows[2].head.Text, "» #3") {
		t.Fatalf("after Alt+Down: current #%d, heads %q %q", v.cur+1, v.rows[1].head.Text, v.rows[2].head.Text)
	}
	// The Kovacs charge answers nothing; Alt+P makes it deny #1 (#2
	// answers a claim itself).
	kovacs := v.rows[2]
	typeKey(v, extractKeyPair)
	if k, rel := kovacs.answered(); k != 0 || rel != model.Denies {
		t.Fatalf("after Alt+P the Kovacs charge %s #%d, want denies #1", rel, k+1)
	}
	typeKey(v, extractKeyPrev)
	typeKey(v, extractKeyReject) // rejects #2 and moves to #3
	if v.rows[1].accept.Checked || v.cur != 2 {
		t.Fatalf("Alt+R: #2 accepted %v, current #%d", v.rows[1].accept.Checked, v.cur+1)
	}
	typeKey(v, extractKeyAccept)
	for i := 3; i < len(v.rows); i++ {
		v.rows[i].accept.SetChecked(false)
	}
	v.title.SetText("Border row (made-up)")
	v.onSave()
	extractWait(v)
	claims, err := st.ListClaims(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) != 2 {
		t.Fatalf("%d claims saved, want 2", len(claims))
	}
	for _, c := range claims {
		if c.ActorID == "ru" && (c.CounterCount != 1 || c.CounterActors[0] != "Anna Kovacs" || !strings.Contains(c.Statement, "(edited)")) {
			t.Errorf("the allegation: %q with counter-claims %q", c.Statement, c.CounterActors)
		}
	}
}

// extractPress types a key into the review window as the driver does: to
// the focused widget, or to the window when nothing has the focus.
func extractPress(v *extractView, k fyne.KeyName) {
	c := v.win.Canvas()
	ev := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if fn := c.OnTypedKey(); fn != nil {
		fn(ev)
	}
	extractWait(v)
}

// TestExtractViewDialogsByKeyboard: the review window's file dialog and
// its messages take Enter and Escape, as the main window's do; a file too
// large to be an article is refused with a message, not cut.
func TestExtractViewDialogsByKeyboard(t *testing.T) {
	v, _, _ := newExtractHarness(t)
	dir := t.TempDir()
	article := filepath.Join(dir, "border.html")
	if err := os.WriteFile(article, []byte(extractTestArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	top := func() fyne.CanvasObject { return v.win.Canvas().Overlays().Top() }

	v.onOpenFile()
	if top() == nil {
		t.Fatal("Open file showed no dialog")
	}
	extractPress(v, fyne.KeyEscape)
	if top() != nil || v.input.Text != "" {
		t.Fatalf("Escape did not cancel the file dialog (article box %q)", v.input.Text)
	}

	v.onOpenFile()
	name, ok := v.win.Canvas().Focused().(*keyEntry) // the name box has the keyboard
	if !ok {
		t.Fatalf("the file dialog's name box does not have the keyboard: %T", v.win.Canvas().Focused())
	}
	name.SetText(article)
	extractPress(v, fyne.KeyReturn)
	if top() != nil || !strings.Contains(v.input.Text, "Ruritania has accused Borduria") || strings.Contains(v.input.Text, "<p>") {
		t.Fatalf("Enter on the path did not load the article as text: %q", v.input.Text)
	}

	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("word ", maxArticle/5+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	v.onOpenFile()
	v.win.Canvas().Focused().(*keyEntry).SetText(big)
	extractPress(v, fyne.KeyReturn)
	md := topModal(v.win.Canvas())
	if md == nil || md.title != "Cannot open the article" {
		t.Fatalf("a file over %d bytes gave no message", maxArticle)
	}
	if !strings.Contains(v.input.Text, "Ruritania") {
		t.Error("the refused file replaced the article")
	}
	extractPress(v, fyne.KeyEscape)
	if top() != nil {
		t.Error("Escape did not close the message")
	}

	// A save that fails says so in a message that Enter closes.
	v.saved(extract.Saved{}, errors.New("disk full"))
	if md := topModal(v.win.Canvas()); md == nil || md.title != "Not saved" {
		t.Fatal("a failed save gave no message")
	}
	extractPress(v, fyne.KeyReturn)
	if top() != nil {
		t.Error("Enter did not close the message")
	}
}

// The extraction window opens as large as the main window, which the
// person sized to their screen, not at a fixed 1200×800.
func TestExtractWindowTakesTheMainWindowsSize(t *testing.T) {
	h := newHarness(t)
	h.win.Resize(fyne.NewSize(1000, 620))
	v := showExtract(h.win, h.m.st, func() {})
	v.pending.Wait()
	if got := v.win.Canvas().Size(); got != h.win.Canvas().Size() {
		t.Errorf("extraction window %v, main window %v", got, h.win.Canvas().Size())
	}
}

// TestExtractWindowKeyboard: the window opens with the article box ready
// for a paste; Tab leaves the box; every action has a key on a menu, which
// the driver offers keys to before the focused text box; closing with
// accepted proposals not saved asks first.
func TestExtractWindowKeyboard(t *testing.T) {
	h := newHarness(t)
	h.m.extract()
	if len(h.m.extracts) != 1 {
		t.Fatalf("%d extraction windows known to the main window, want 1", len(h.m.extracts))
	}
	var v *extractView
	for v = range h.m.extracts {
	}
	v.pending.Wait() // the stored sources, listed off the UI goroutine
	if f := v.win.Canvas().Focused(); f != fyne.Focusable(v.input) {
		t.Errorf("the window opens with %T focused, want the article box", f)
	}
	if v.input.AcceptsTab() {
		t.Error("Tab types into the article box instead of leaving it")
	}
	keys := map[string]bool{}
	menu := v.win.MainMenu()
	if menu == nil {
		t.Fatal("the extraction window has no menus")
	}
	for _, m := range menu.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				keys[it.Shortcut.ShortcutName()] = true
			}
		}
	}
	for _, k := range []fyne.Shortcut{extractKeyOpen, extractKeyFind, extractKeySave, extractKeyClose,
		extractKeyNext, extractKeyPrev, extractKeyAccept, extractKeyReject, extractKeyPair, extractKeyAdd} {
		if !keys[k.ShortcutName()] {
			t.Errorf("%s is on no menu: a text box with the focus would swallow it", k.ShortcutName())
		}
	}

	v.loadText("border.html", extractTestArticle)
	typeKey(v, extractKeyFind)
	v.pending.Wait() // the proposals, found off the UI goroutine
	if len(v.rows) == 0 {
		t.Fatal("Ctrl+Enter found no claims")
	}
	// Alt+Down to the last proposal scrolls it into sight.
	for range v.rows {
		typeKey(v, extractKeyNext)
	}
	box := v.rowsBox.Objects[v.cur]
	top, view := box.Position().Y+v.rowsBox.Position().Y, v.rowsScroll.Size().Height
	if v.cur != len(v.rows)-1 || top < v.rowsScroll.Offset.Y || top > v.rowsScroll.Offset.Y+view {
		t.Errorf("proposal #%d of %d starts at %v; the proposals show %v…%v", v.cur+1, len(v.rows), top, v.rowsScroll.Offset.Y, v.rowsScroll.Offset.Y+view)
	}
	if w := h.m.unsavedWork(); !strings.Contains(w, "accepted in") {
		t.Errorf("quitting the app would not ask about the accepted proposals: %q", w)
	}
	typeKey(v, extractKeyClose)
	if md := topModal(v.win.Canvas()); md == nil || md.title != "Close without saving?" {
		t.Fatal("Ctrl+W with accepted proposals not saved closed the window without asking")
	}
	extractPress(v, fyne.KeyEscape) // keeps the window and the review
	if topModal(v.win.Canvas()) != nil || len(v.rows) == 0 {
		t.Error("Escape did not keep the review")
	}
}
