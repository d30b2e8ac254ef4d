package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/model"
	"claims/internal/search"
)

// IDs of the test claims.
const (
	khanCharge   = "t-khan-charge"
	usDenial     = "t-us-denial"
	armyDenial   = "t-army-denial"
	oppDenial    = "t-opponents-denial"
	pkAllegation = "t-pk-bombing"
	afDenial     = "t-af-denial"
)

// fill stores the two headline cases: Imran Khan's charge with three
// denials by three actors, and Pakistan's bombing allegation denied by the
// Afghan government, alias "Kabul".
func fill(t *testing.T, st *db.Store) {
	t.Helper()
	ctx := context.Background()
	actors := []model.Actor{
		{ID: "khan", Name: "Imran Khan", Kind: model.KindPerson, Aliases: []string{"Prime Minister Imran Khan"}},
		{ID: "us", Name: "United States government", Kind: model.KindGovernment, Aliases: []string{"Washington", "US"}},
		{ID: "army", Name: "Pakistan military", Kind: model.KindMilitary, Aliases: []string{"Pakistan Army"}},
		{ID: "opp", Name: "Khan's political opponents", Kind: model.KindParty},
		{ID: "pk", Name: "Government of Pakistan", Kind: model.KindGovernment, Aliases: []string{"Islamabad"}},
		{ID: "af", Name: "Afghan government", Kind: model.KindGovernment, Aliases: []string{"Kabul", "Afghan authorities"}},
	}
	src := model.Source{ID: "src", Title: "Khan says US conspired to remove him", Outlet: "Example News",
		URL: "https://example.org/khan", Published: "2022-04-03", Text: "Imran Khan said on Sunday…"}
	claims := []model.Claim{
		{ID: khanCharge, ActorID: "khan", SubjectIDs: []string{"us", "army", "opp"}, SourceID: "src", MadeOn: "2022-04",
			Statement: "Washington worked with Khan's political opponents and the military to remove him from office",
			Quote:     "This is a foreign conspiracy."},
		{ID: usDenial, ActorID: "us", Statement: "There is no truth to the allegation that the US worked to remove Khan"},
		{ID: armyDenial, ActorID: "army", Statement: "The military played no part in Khan's removal"},
		{ID: oppDenial, ActorID: "opp", Statement: "Khan was removed by a lawful vote of no confidence"},
		{ID: pkAllegation, ActorID: "pk", SubjectIDs: []string{"af"}, Tags: []string{"bombing"},
			Statement: "The March suicide bombing that killed five Chinese engineers was planned in Afghanistan"},
		{ID: afDenial, ActorID: "af", Statement: "Afghanistan had no part in the bombing"},
	}
	err := st.Update(ctx, func(tx *db.Tx) error {
		for i := range actors {
			if err := tx.CreateActor(&actors[i]); err != nil {
				return err
			}
		}
		if err := tx.CreateSource(&src); err != nil {
			return err
		}
		for i := range claims {
			if err := tx.CreateClaim(&claims[i]); err != nil {
				return err
			}
		}
		for _, l := range []model.Link{
			{FromID: usDenial, ToID: khanCharge, Relation: model.Denies},
			{FromID: armyDenial, ToID: khanCharge, Relation: model.Denies},
			{FromID: oppDenial, ToID: khanCharge, Relation: model.Disputes},
			{FromID: afDenial, ToID: pkAllegation, Relation: model.Denies},
		} {
			if err := tx.Link(l); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// withResultQueue makes the window's background results wait for
// mainWindow.wait, which applies them on the test's goroutine: the test
// plays the UI event loop.
func withResultQueue(m *mainWindow) { m.results = make(chan func(), 1024) }

type harness struct {
	t    *testing.T
	app  fyne.App
	win  fyne.Window
	m    *mainWindow
	path string
}

// newHarness opens a fresh database file holding the test claims in a
// main window of 1280×800.
func newHarness(t *testing.T) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "claims.db")
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, st)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1280, 800))
	m := newMainWindow(a, w, st, withResultQueue)
	m.wait()
	t.Cleanup(func() {
		m.wait()
		m.st.Close()
	})
	return &harness{t: t, app: a, win: w, m: m, path: path}
}

// reopen closes the window's store and opens the file again, as the next
// start of the app would.
func (h *harness) reopen() *db.Store {
	h.t.Helper()
	h.m.wait()
	if err := h.m.st.Close(); err != nil {
		h.t.Fatal(err)
	}
	st, err := db.Open(h.path)
	if err != nil {
		h.t.Fatal(err)
	}
	h.m.st = st
	return st
}

func (h *harness) hitIDs() []string {
	var ids []string
	for _, hit := range h.m.found.Hits() {
		ids = append(ids, hit.Claim.ID)
	}
	return ids
}

// visibleRows are the claim rows the list draws.
func (h *harness) visibleRows() []*claimRow {
	var rows []*claimRow
	for _, o := range test.LaidOutObjects(h.m.list) {
		if r, ok := o.(*claimRow); ok && r.Visible() && r.body.String() != "" {
			rows = append(rows, r)
		}
	}
	return rows
}

// selectClaim selects the claim's row in the list, as a click would.
func (h *harness) selectClaim(id string) {
	h.t.Helper()
	for i, hit := range h.m.found.Hits() {
		if hit.Claim.ID == id {
			h.m.list.Select(i)
			h.m.wait()
			return
		}
	}
	h.t.Fatalf("claim %s is not in the list %v", id, h.hitIDs())
}

func TestListShowsAllClaims(t *testing.T) {
	h := newHarness(t)
	if got := h.m.found.Len(); got != 6 {
		t.Fatalf("list holds %d claims, want 6", got)
	}
	if got := h.m.count.Text; got != "6 of 6 claims" {
		t.Errorf("count = %q", got)
	}
	var khan string
	for _, r := range h.visibleRows() {
		if strings.Contains(r.text(), "Imran Khan") {
			khan = r.text()
		}
	}
	if !strings.Contains(khan, "3 counter-claims") || !strings.Contains(khan, "Unreviewed") {
		t.Errorf("Khan's row = %q, want the verdict and 3 counter-claims", khan)
	}
}

func TestTypingFiltersAndHighlights(t *testing.T) {
	h := newHarness(t)
	test.Type(h.m.search, "imran")
	h.m.wait()
	if got := h.hitIDs(); !slices.Equal(got, []string{khanCharge}) {
		t.Fatalf("typing imran lists %v, want only Khan's charge", got)
	}
	if got := h.m.count.Text; got != "1 of 6 claims" {
		t.Errorf("count = %q", got)
	}
	rows := h.visibleRows()
	if len(rows) != 1 {
		t.Fatalf("%d rows drawn, want 1", len(rows))
	}
	if got := highlighted(rows[0].head); !slices.Equal(got, []string{"Imran"}) {
		t.Errorf("highlighted in the actor line: %q, want [Imran]", got)
	}

	// An alias finds the actor's claims and says so.
	h.m.search.SetText("")
	test.Type(h.m.search, "kabul")
	h.m.wait()
	if got := h.hitIDs(); !slices.Equal(got, []string{afDenial}) {
		t.Fatalf("kabul lists %v, want the Afghan denial", got)
	}
	if rows := h.visibleRows(); len(rows) != 1 || !strings.Contains(rows[0].text(), `alias "Kabul"`) {
		t.Errorf("row does not say the alias matched: %v", rows)
	}

	// Words in the statement are highlighted there.
	h.m.search.SetText("")
	test.Type(h.m.search, "suicide")
	h.m.wait()
	rows = h.visibleRows()
	if len(rows) != 1 || !slices.Equal(highlighted(rows[0].body), []string{"suicide"}) {
		t.Fatalf("statement highlight wrong")
	}

	// Filters narrow the search; the count follows.
	h.m.search.SetText("")
	h.m.wait()
	h.m.filters.actorID = "af"
	h.m.filters.changed()
	h.m.wait()
	if got := h.hitIDs(); !slices.Equal(got, []string{afDenial}) {
		t.Errorf("actor filter lists %v", got)
	}
	h.m.filters.actorID = ""
	h.m.filters.verdict.SetSelected("False")
	h.m.wait()
	if got := h.m.count.Text; got != "0 of 6 claims" {
		t.Errorf("verdict filter count = %q", got)
	}
}

func TestSelectingShowsCounterClaimsSideBySide(t *testing.T) {
	h := newHarness(t)
	test.Type(h.m.search, "imran")
	h.m.wait()
	h.m.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter selects the first result
	h.m.wait()
	if h.m.selected != khanCharge {
		t.Fatalf("selected %q, want Khan's charge", h.m.selected)
	}
	d := h.m.detail
	if !strings.HasPrefix(d.statement.Text, "Washington worked with") {
		t.Errorf("statement = %q", d.statement.Text)
	}
	var got []string
	for _, k := range d.counterCards {
		got = append(got, k.relation.Text+" "+k.actor.Text+" "+k.verdict.label)
	}
	want := []string{
		"DENIES United States government Unreviewed",
		"DENIES Pakistan military Unreviewed",
		"DISPUTES Khan's political opponents Unreviewed",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("counter-claims shown:\n%q\nwant\n%q", got, want)
	}

	// A counter-claim shows the claim it answers.
	var us *claimCard
	for _, k := range d.counterCards {
		if k.actor.Text == "United States government" {
			us = k
		}
	}
	test.Tap(us.open)
	h.m.wait()
	if h.m.selected != usDenial {
		t.Fatalf("Open went to %q", h.m.selected)
	}
	if len(d.d.Answers) != 1 || d.d.Answers[0].Claim.ID != khanCharge {
		t.Errorf("answers = %+v", d.d.Answers)
	}
	if len(d.answers.Objects) < 2 {
		t.Errorf("the claim this one answers is not shown")
	}
}

func TestVerdictTagsAndNotePersist(t *testing.T) {
	h := newHarness(t)
	h.app.Preferences().SetString(prefReviewer, "Sara Ahmed")
	h.selectClaim(khanCharge)
	d := h.m.detail

	d.verdict.SetSelected(model.Misleading.Label())
	h.m.wait()
	h.win.Canvas().Focus(d.tags)
	test.Type(d.tags, "pakistan, US")
	h.win.Canvas().Focus(h.m.search) // leaving the box saves it
	h.m.wait()
	test.Type(d.noteEntry, "Asked the US embassy; no reply yet.")
	test.Tap(d.addNote)
	h.m.wait()
	if d.noteEntry.Text != "" {
		t.Errorf("note box not emptied: %q", d.noteEntry.Text)
	}
	if len(d.notes.Objects) != 2 {
		t.Errorf("notes section holds %d objects, want author line and text", len(d.notes.Objects))
	}
	var khanRow string
	for _, r := range h.visibleRows() {
		if strings.Contains(r.text(), "Imran Khan") {
			khanRow = r.text()
		}
	}
	if !strings.HasPrefix(khanRow, "Misleading") {
		t.Errorf("the list does not show the new verdict: %q", khanRow)
	}

	st := h.reopen()
	cd, err := st.ClaimDetail(context.Background(), khanCharge)
	if err != nil {
		t.Fatal(err)
	}
	if cd.Claim.Verdict != model.Misleading {
		t.Errorf("verdict after reopen = %q", cd.Claim.Verdict)
	}
	if !slices.Equal(cd.Claim.Tags, []string{"pakistan", "us"}) {
		t.Errorf("tags after reopen = %q", cd.Claim.Tags)
	}
	if len(cd.Notes) != 1 || cd.Notes[0].Author != "Sara Ahmed" || cd.Notes[0].Text != "Asked the US embassy; no reply yet." {
		t.Errorf("notes after reopen = %+v", cd.Notes)
	}
}

func TestNoteAsksForReviewerNameOnce(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(afDenial)
	d := h.m.detail
	test.Type(d.noteEntry, "Checked the statement on the ministry's site.")
	test.Tap(d.addNote)
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog asks for the reviewer's name")
	}
	entry := find[*keyEntry](top)
	save := findButton(top, "Save")
	if entry == nil || save == nil {
		t.Fatal("the name dialog has no entry or Save button")
	}
	test.Type(entry, "Bilal")
	test.Tap(save)
	h.m.wait()
	if got := h.app.Preferences().String(prefReviewer); got != "Bilal" {
		t.Errorf("reviewer name = %q", got)
	}
	notes, err := h.m.st.Notes(context.Background(), afDenial)
	if err != nil || len(notes) != 1 || notes[0].Author != "Bilal" {
		t.Fatalf("notes = %+v, %v", notes, err)
	}
	// The second note does not ask again.
	test.Type(d.noteEntry, "Second note.")
	test.Tap(d.addNote)
	h.m.wait()
	if notes, _ := h.m.st.Notes(context.Background(), afDenial); len(notes) != 2 {
		t.Errorf("second note not added without asking: %d notes", len(notes))
	}
}

// find returns the first object of type T in o's tree.
func find[T fyne.CanvasObject](o fyne.CanvasObject) T {
	var zero T
	for _, obj := range test.LaidOutObjects(o) {
		if t, ok := obj.(T); ok {
			return t
		}
	}
	return zero
}

// findButton returns the button labelled text in o's tree: a Fyne button
// or one of the window's own (keyButton).
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, obj := range test.LaidOutObjects(o) {
		switch b := obj.(type) {
		case *widget.Button:
			if b.Text == text {
				return b
			}
		case *keyButton:
			if b.Text == text {
				return &b.Button
			}
		}
	}
	return nil
}

func TestDeleteAsksFirst(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(oppDenial)
	h.m.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Delete did not ask")
	}
	test.Tap(findButton(top, "Cancel"))
	h.m.wait()
	if h.m.found.Len() != 6 {
		t.Fatal("deleted without confirmation")
	}
	h.m.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	test.Tap(findButton(h.win.Canvas().Overlays().Top(), "Delete"))
	h.m.wait()
	if h.m.found.Len() != 5 || slices.Contains(h.hitIDs(), oppDenial) {
		t.Fatalf("after delete: %v", h.hitIDs())
	}
	if h.m.selected == oppDenial || h.m.detail.d.Claim.ID == oppDenial {
		t.Errorf("detail still shows the deleted claim")
	}
}

func TestArrowKeysMoveThroughList(t *testing.T) {
	h := newHarness(t)
	first := h.m.found.Hits()[0].Claim.ID
	if h.m.selected != first {
		t.Fatalf("the window opens on %q, want the first claim %q", h.m.selected, first)
	}
	h.m.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.m.wait()
	if h.m.selected != h.m.found.Hits()[1].Claim.ID {
		t.Fatalf("Down from the search box selected %q, want the second claim", h.m.selected)
	}
	h.m.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.m.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.m.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	h.m.wait()
	if h.m.selected != h.m.found.Hits()[2].Claim.ID {
		t.Errorf("selected %q, want the third claim", h.m.selected)
	}
	if h.m.detail.d.Claim.ID != h.m.selected {
		t.Errorf("detail shows %q", h.m.detail.d.Claim.ID)
	}
}

func TestStaleSearchesAreDropped(t *testing.T) {
	h := newHarness(t)
	// Many searches in a row: only the last one's result may stand.
	for _, q := range []string{"i", "im", "imr", "imra", "imran", "imran k", "bombing"} {
		h.m.search.SetText(q)
	}
	h.m.wait()
	if got := h.hitIDs(); !slices.Contains(got, pkAllegation) || slices.Contains(got, khanCharge) {
		t.Errorf("after typing bombing the list holds %v", got)
	}
}

func TestMergeActors(t *testing.T) {
	h := newHarness(t)
	// Someone recorded "Kabul government" as a separate actor.
	dup := &model.Actor{Name: "Kabul government", Kind: model.KindGovernment, Aliases: []string{"Kabul regime"}}
	if err := h.m.st.CreateActor(context.Background(), dup); err != nil {
		t.Fatal(err)
	}
	c := &model.Claim{ActorID: dup.ID, Statement: "Kabul rejects Islamabad's accusations"}
	if err := h.m.st.CreateClaim(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	h.m.reload()
	h.m.wait()
	h.m.tabs.SelectIndex(2)
	v := h.m.actorsView
	v.show(dup.ID)
	test.Tap(v.merge)
	form := h.win.Canvas().Overlays().Top()
	query := find[*keyEntry](form)
	if query == nil {
		t.Fatal("no merge picker")
	}
	test.Type(query, "Kabul government")
	if p := pickerLabels(form); slices.Contains(p, "Kabul government") {
		t.Fatalf("the merge picker offers the actor itself: %q", p)
	}
	query.SetText("")
	test.Type(query, "afghan gov")
	query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	confirm := h.win.Canvas().Overlays().Top()
	if confirm == nil || confirm == form {
		t.Fatal("merging does not ask for confirmation")
	}
	test.Tap(findButton(confirm, "Merge"))
	h.m.wait()

	st := h.reopen()
	acts, _ := st.Actors(context.Background())
	for _, a := range acts {
		if a.Name == "Kabul government" {
			t.Fatal("the merged actor still exists")
		}
	}
	keep, err := st.FindActor(context.Background(), "Kabul regime")
	if err != nil || keep.ID != "af" {
		t.Fatalf("the alias of the merged actor finds %+v, %v", keep, err)
	}
	got, _ := st.Claim(context.Background(), c.ID)
	if got.ActorID != "af" {
		t.Errorf("the claim moved to %q, want the Afghan government", got.ActorID)
	}
	if v.selected != "af" || !strings.Contains(v.info.Text, "Kabul government") {
		t.Errorf("the actors view shows %q: %q", v.selected, v.info.Text)
	}
}

func TestContradictionsTableSorts(t *testing.T) {
	h := newHarness(t)
	h.m.tabs.SelectIndex(1)
	h.m.wait() // the pairs load off the UI goroutine
	v := h.m.contra
	if len(v.pairs) != 4 {
		t.Fatalf("%d pairs, want 4", len(v.pairs))
	}
	if !strings.HasPrefix(v.summary.Text, "4 contradictions") {
		t.Errorf("summary %q", v.summary.Text)
	}
	v.sortBy(4) // counter-claim actor
	var got []string
	for _, p := range v.pairs {
		got = append(got, p.Counter.ActorName)
	}
	want := []string{"Afghan government", "Khan's political opponents", "Pakistan military", "United States government"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted by counter-claim actor: %q", got)
	}
	v.sortBy(4)
	if v.pairs[0].Counter.ActorName != "United States government" {
		t.Errorf("second click does not reverse: %q", v.pairs[0].Counter.ActorName)
	}
	v.table.Select(widget.TableCellID{Row: 0, Col: 1})
	test.Tap(v.openCounter)
	h.m.wait()
	if h.m.selected != usDenial || h.m.tabs.SelectedIndex() != 0 {
		t.Errorf("Open counter-claim shows %q on tab %d", h.m.selected, h.m.tabs.SelectedIndex())
	}
}

func TestSourcesViewShowsTextAndClaims(t *testing.T) {
	h := newHarness(t)
	h.m.tabs.SelectIndex(3)
	v := h.m.sourcesView
	v.selectFirst()
	if v.title.Text != "Khan says US conspired to remove him" || v.text.Text != "Imran Khan said on Sunday…" {
		t.Errorf("source shows %q / %q", v.title.Text, v.text.Text)
	}
	if len(v.claims.Objects) != 1 || !v.link.Visible() {
		t.Errorf("claims %d, link visible %v", len(v.claims.Objects), v.link.Visible())
	}
}

func TestClipToMatch(t *testing.T) {
	s := "Pakistan's foreign ministry said on Tuesday after a long meeting in the capital that Kabul knew of the plot"
	i := strings.Index(s, "Kabul")
	got, pos := clipToMatch(s, []int{i, i + 1, i + 2, i + 3, i + 4}, 70)
	if !strings.HasPrefix(got, "…") || !strings.Contains(got, "Kabul knew") {
		t.Fatalf("clipped = %q", got)
	}
	if got[pos[0]:pos[4]+1] != "Kabul" {
		t.Errorf("shifted offsets point at %q", got[pos[0]:pos[4]+1])
	}
	if got, _ := clipToMatch("short", []int{0}, 70); got != "short" {
		t.Errorf("short text clipped: %q", got)
	}
}

func TestRowFitsLongStatementWithMatchInView(t *testing.T) {
	test.NewTempApp(t)
	c := &model.ClaimSummary{Claim: model.Claim{Statement: strings.Repeat("The ministry said many things about the border talks. ", 4) +
		"Then it blamed Kabul for the attack on the convoy near the border crossing at Torkham last week"}, ActorName: "Government of Pakistan"}
	i := strings.Index(c.Statement, "Kabul")
	r := newClaimRow().(*claimRow)
	r.set(search.Hit{Claim: c, StatementPos: []int{i, i + 1, i + 2, i + 3, i + 4}})
	r.Resize(fyne.NewSize(420, r.MinSize().Height))
	body := r.body.String()
	if !strings.HasPrefix(body, "…") || !strings.HasSuffix(body, "…") {
		t.Errorf("body %q is not cut at both ends", body)
	}
	if got := highlighted(r.body); !slices.Equal(got, []string{"Kabul"}) {
		t.Errorf("highlight %q, want Kabul in view", got)
	}
	if w := fyne.MeasureText(body, theme.TextSize(), fyne.TextStyle{}).Width; w > 420 {
		t.Errorf("body is %.0f wide in a 420 row", w)
	}
}

func TestEditActorAliasesFindsClaims(t *testing.T) {
	h := newHarness(t)
	h.m.tabs.SelectIndex(2)
	h.m.actorsView.show("army")
	f := h.m.actorsView.showEdit()
	f.aliases.SetText("Pakistan Army, ISPR")
	test.Tap(findButton(h.win.Canvas().Overlays().Top(), "Save"))
	h.m.wait()
	a, err := h.m.st.FindActor(context.Background(), "ispr")
	if err != nil || a.ID != "army" {
		t.Fatalf("alias not saved: %+v %v", a, err)
	}
	h.m.tabs.SelectIndex(0)
	test.Type(h.m.search, "ispr")
	h.m.wait()
	if got := h.hitIDs(); !slices.Equal(got, []string{armyDenial}) {
		t.Errorf("searching the new alias lists %v", got)
	}

	// An alias that is another actor's name is refused with an explanation.
	h.m.tabs.SelectIndex(2)
	f = h.m.actorsView.showEdit()
	f.aliases.SetText("Imran Khan")
	test.Tap(findButton(h.win.Canvas().Overlays().Top(), "Save"))
	h.m.wait()
	if top := h.win.Canvas().Overlays().Top(); top == nil || findButton(top, "Close") == nil {
		t.Error("no error dialog for a clashing alias")
	}
}

func TestNewSourceWithText(t *testing.T) {
	h := newHarness(t)
	h.m.tabs.SelectIndex(3)
	v := h.m.sourcesView
	f := v.showForm(nil)
	test.Type(f.title, "Kabul rejects Islamabad's claims")
	test.Type(f.url, "javascript:alert(1)")
	save := findButton(h.win.Canvas().Overlays().Top(), "Save")
	if !save.Disabled() {
		t.Error("a javascript: URL is accepted")
	}
	f.url.SetText("https://example.org/kabul")
	test.Type(f.text, "The spokesman said…")
	test.Tap(save)
	h.m.wait()
	if len(h.m.sources) != 2 || v.title.Text != "Kabul rejects Islamabad's claims" || v.text.Text != "The spokesman said…" {
		t.Errorf("sources %d, shown %q / %q", len(h.m.sources), v.title.Text, v.text.Text)
	}
}

// pickerLabels are the rows a picker dialog lists.
func pickerLabels(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*keyList); ok {
			for _, row := range test.LaidOutObjects(l) {
				if lb, ok := row.(*widget.Label); ok && lb.Visible() && lb.Text != "" {
					out = append(out, lb.Text)
				}
			}
		}
	}
	return out
}

// A note begun and not added is kept when the reviewer moves to another
// claim, shown again on coming back, and asked about on quitting.
func TestNoteDraftsAreKeptAndAskedAbout(t *testing.T) {
	h := newHarness(t)
	h.app.Preferences().SetString(prefReviewer, "Sara Ahmed")
	d := h.m.detail
	h.selectClaim(khanCharge)
	test.Type(d.noteEntry, "Called the embassy twice; waiting for")
	h.selectClaim(usDenial)
	if d.noteEntry.Text != "" {
		t.Errorf("another claim's note box holds %q", d.noteEntry.Text)
	}
	h.selectClaim(khanCharge)
	if d.noteEntry.Text != "Called the embassy twice; waiting for" {
		t.Fatalf("coming back, the note box holds %q, not the draft", d.noteEntry.Text)
	}
	h.m.quit()
	md := topModal(h.win.Canvas())
	if md == nil || md.title != "Quit without saving?" || !strings.Contains(h.dialogText(), "on 1 claim") {
		t.Fatalf("quitting with a draft: dialog %v %q", md != nil, h.dialogText())
	}
	h.press(fyne.KeyEscape) // stays
	test.Tap(d.addNote)
	h.m.wait()
	if len(d.drafts) != 0 || h.m.unsavedWork() != "" {
		t.Errorf("after adding the note: drafts %v, unsaved %q", d.drafts, h.m.unsavedWork())
	}
	cd, err := h.m.st.ClaimDetail(context.Background(), khanCharge)
	if err != nil || len(cd.Notes) != 1 || cd.Notes[0].Text != "Called the embassy twice; waiting for" {
		t.Errorf("stored notes %+v (%v), want the draft added", cd.Notes, err)
	}
}
