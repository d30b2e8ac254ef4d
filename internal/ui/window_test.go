package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/model"
)

func TestOpenAnotherDatabase(t *testing.T) {
	h := newHarness(t)
	test.Type(h.m.search, "imran")
	h.m.wait()
	h.selectClaim(khanCharge)
	other := filepath.Join(t.TempDir(), "other.db")
	h.m.openPath(other) // a new, empty database
	h.m.wait()
	if h.m.st.Path() != other {
		t.Fatalf("store is %s", h.m.st.Path())
	}
	if h.m.found.Len() != 0 || h.m.count.Text != "0 of 0 claims" || h.m.search.Text != "" {
		t.Errorf("after switching: %d hits, count %q, search %q", h.m.found.Len(), h.m.count.Text, h.m.search.Text)
	}
	if h.m.selected != "" || h.m.detail.loaded {
		t.Error("the detail pane still shows a claim of the old database")
	}
	if got := h.app.Preferences().String(prefLastDB); got != other {
		t.Errorf("db.last = %q", got)
	}
	if !strings.Contains(h.win.Title(), "other.db") {
		t.Errorf("title %q", h.win.Title())
	}
	h.m.openPath(h.path)
	h.m.wait()
	if h.m.found.Len() != 6 {
		t.Errorf("back on the first database: %d claims", h.m.found.Len())
	}
}

func TestOpenRefusedFileExplains(t *testing.T) {
	h := newHarness(t)
	bad := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(bad, []byte("this is not a database, just some text that is long enough"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.m.openPath(bad)
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	all := strings.Join(texts, " ")
	if !strings.Contains(all, "not a Claims database") || !strings.Contains(all, "Open another file?") {
		t.Errorf("dialog says %q", all)
	}
	if h.m.st.Path() != h.path {
		t.Error("the old database was closed")
	}
	if data, _ := os.ReadFile(bad); !strings.HasPrefix(string(data), "this is not") {
		t.Error("the refused file was changed")
	}
	test.Tap(findButton(top, "Cancel"))
}

func TestOpenInitialPrefersLastDatabase(t *testing.T) {
	// The test app's storage is the temporary folder: a folder of the
	// test's own, so that a database another run left there plays no part.
	t.Setenv("TMPDIR", t.TempDir())
	a := test.NewTempApp(t)
	last := filepath.Join(t.TempDir(), "last.db")
	st, err := db.Open(last)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	a.Preferences().SetString(prefLastDB, last)
	st, err = openInitial(a, "")
	if err != nil {
		t.Fatal(err)
	}
	if st.Path() != last {
		t.Errorf("opened %s, want the last database", st.Path())
	}
	st.Close()

	// A last database that no longer opens falls back to the default.
	os.WriteFile(last, []byte("garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage"), 0o644)
	st, err = openInitial(a, "")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.Path() != DefaultDBPath(a) {
		t.Errorf("opened %s, want the default %s", st.Path(), DefaultDBPath(a))
	}
}

func TestShortcutsFocusSearchAndOpenNewClaim(t *testing.T) {
	h := newHarness(t)
	h.m.tabs.SelectIndex(2)
	h.win.Canvas().(fyne.Shortcutable).TypedShortcut(keyFind)
	if h.m.tabs.SelectedIndex() != 0 || h.win.Canvas().Focused() != h.m.search {
		t.Errorf("Ctrl+F: tab %d, focus %v", h.m.tabs.SelectedIndex(), h.win.Canvas().Focused())
	}
	h.win.Canvas().(fyne.Shortcutable).TypedShortcut(keyNewClaim)
	top := h.win.Canvas().Overlays().Top()
	if top == nil || findButton(top, "Save") == nil {
		t.Fatal("Ctrl+N did not open the new-claim dialog")
	}
}

func TestSettingsSavePreferences(t *testing.T) {
	h := newHarness(t)
	s := showSettings(h.app, h.win)
	test.Type(s.reviewer, "Sara Ahmed")
	test.Type(s.orgName, "Example Fact Check")
	test.Type(s.orgURL, "https://factcheck.example.org")
	test.Tap(findButton(h.win.Canvas().Overlays().Top(), "Save"))
	p := h.app.Preferences()
	if p.String(prefReviewer) != "Sara Ahmed" || p.String(prefOrgName) != "Example Fact Check" ||
		p.String(prefOrgURL) != "https://factcheck.example.org" {
		t.Errorf("preferences: %q %q %q", p.String(prefReviewer), p.String(prefOrgName), p.String(prefOrgURL))
	}
}

func TestNewDatabaseRefusesExistingFile(t *testing.T) {
	h := newHarness(t)
	dir := filepath.Dir(h.path)
	h.m.askNewDatabaseName(dir)
	name := find[*keyEntry](h.win.Canvas().Overlays().Top())
	name.SetText(filepath.Base(h.path)) // the open database
	test.Tap(findButton(h.win.Canvas().Overlays().Top(), "Create"))
	if h.m.st.Path() != h.path {
		t.Fatal("switched to an existing file through New database")
	}
	name.SetText("fresh.db")
	test.Tap(findButton(h.win.Canvas().Overlays().Top(), "Create"))
	h.m.wait()
	if h.m.st.Path() != filepath.Join(dir, "fresh.db") || h.m.found.Len() != 0 {
		t.Errorf("after New database: %s with %d claims", h.m.st.Path(), h.m.found.Len())
	}
}

func TestFileMenuHasEveryEntry(t *testing.T) {
	h := newHarness(t)
	var labels []string
	for _, it := range h.win.MainMenu().Items[0].Items {
		labels = append(labels, it.Label)
	}
	got := strings.Join(labels, "|")
	want := "New database…|Open database…|Open team database…|Back up database…||Import…|Export…|Export map…|Extract claims from article…||Quit"
	if got != want {
		t.Errorf("File menu = %q\nwant        %q", got, want)
	}
}

// TestListShowsBeforeIndex: at start the claims are listed as soon as
// they are read, before the search index is built; a query typed in
// between is run once the index is there.
func TestListShowsBeforeIndex(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := db.Open(filepath.Join(t.TempDir(), "claims.db"))
	if err != nil {
		t.Fatal(err)
	}
	fill(t, st)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	m := newMainWindow(a, w, st, withResultQueue)
	t.Cleanup(func() { m.wait(); st.Close() })
	m.pending.Wait() // both results queued: the list, then the index
	(<-m.results)()
	if m.index != nil {
		t.Fatal("the index came with the list")
	}
	n := len(m.claims)
	if n == 0 || m.found.Len() != n || m.count.Text != fmt.Sprintf("%d of %d claims", n, n) {
		t.Fatalf("before the index: %d claims, %d listed, count %q", n, m.found.Len(), m.count.Text)
	}
	test.Type(m.search, "imran") // no index yet: nothing to search
	if m.found.Len() != n {
		t.Errorf("typing before the index changed the list to %d claims", m.found.Len())
	}
	m.wait()
	if m.index == nil || m.found.Len() == 0 || m.found.Len() == n || !strings.Contains(m.found.Claim(0).ActorName, "Imran Khan") {
		t.Errorf("after the index: %d of %d claims, first %q", m.found.Len(), n, m.found.Claim(0).ActorName)
	}
}

func TestDescribeSaysTheStoresSentence(t *testing.T) {
	for err, want := range map[error]string{
		fmt.Errorf("store: another actor is already called %q: %w", "Imran Khan", model.ErrConflict): `Another actor is already called "Imran Khan".`,
		fmt.Errorf("%w: date made %q is not a date like 2024", model.ErrInvalid, "2018-13"):          `Date made "2018-13" is not a date like 2024.`,
	} {
		if got := describe(err); got != want {
			t.Errorf("describe(%v) = %q, want %q", err, got, want)
		}
	}
}
