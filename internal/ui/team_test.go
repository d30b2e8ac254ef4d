package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/db/pgtest"
	"claims/internal/model"
)

// teamHarness is a window on a team database on the test server, opened
// as user with password; the database holds the test claims, its roles
// are made and user is given role.
func teamHarness(t *testing.T, user, role string) (*harness, *pgtest.Server, string) {
	t.Helper()
	srv := pgtest.Start(t)
	url := pgtest.NewDatabase(t)
	name := pgtest.DatabaseName(url)
	owner, err := db.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, owner)
	if _, _, err := owner.CreateRoles(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv.Exec(t, "", fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD 'pw'", user), "GRANT CONNECT ON DATABASE "+name+" TO "+user)
	t.Cleanup(func() {
		srv.Exec(t, name, "DROP OWNED BY "+user+" CASCADE")
		srv.Exec(t, "", "DROP ROLE IF EXISTS "+user)
	})
	if err := owner.Grant(context.Background(), user, role); err != nil {
		t.Fatal(err)
	}
	owner.Close()
	st, err := db.Open(srv.URL(user, "pw", name))
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1280, 800))
	m := newMainWindow(a, w, st, withResultQueue)
	m.wait()
	t.Cleanup(func() {
		m.wait()
		m.st.Close()
	})
	return &harness{t: t, app: a, win: w, m: m}, srv, name
}

// A viewer's window says it is read only and changes nothing; the server
// refuses the write anyway.
func TestViewerWindowIsReadOnly(t *testing.T) {
	h, _, _ := teamHarness(t, "ui_victor", db.RoleViewer)
	if h.m.banner.Hidden || !strings.Contains(h.m.banner.Text, "viewer") {
		t.Fatalf("banner: %q hidden %v", h.m.banner.Text, h.m.banner.Hidden)
	}
	h.selectClaim(khanCharge)
	d := h.m.detail
	for name, w := range map[string]fyne.Disableable{"verdict": d.verdict, "tags": d.tags, "note": d.noteEntry,
		"delete": d.deleteIt, "counter-claim": d.addCounter, "link": d.link, "fact-check URL": d.review.url} {
		if !w.Disabled() {
			t.Errorf("a viewer's %s control is enabled", name)
		}
	}
	if len(d.counterCards) == 0 || !d.counterCards[0].unlink.Disabled() {
		t.Errorf("a viewer's Unlink is enabled (%d counter-claims shown)", len(d.counterCards))
	}
	h.shortcut(keyVerdict(fyne.Key6))
	// Told plainly, not as a fault to retry.
	if d := h.dialogText(); !strings.Contains(d, "viewer") || !strings.Contains(d, "Read only") ||
		strings.Contains(d, "went wrong") || strings.Contains(d, "Try again") {
		t.Errorf("a viewer's verdict change: %q", d)
	}
	if v := h.stored(khanCharge).Verdict; v != model.Unreviewed {
		t.Errorf("a viewer changed the verdict to %s", v)
	}
}

// A reviewer's change while the server is down is kept, said so, and
// saved once when the server is back; the history signs it with the
// server's user.
func TestChangesWhileTheServerIsAwayAreSavedOnce(t *testing.T) {
	h, srv, _ := teamHarness(t, "ui_ayesha", db.RoleReviewer)
	h.selectClaim(khanCharge)
	srv.Down(t)
	h.shortcut(keyVerdict(fyne.Key6)) // False, with no server
	if h.top() != nil {
		t.Fatalf("a dialog while the server is away: %q", h.dialogText())
	}
	if len(h.m.rec.pending) != 1 || !strings.Contains(h.m.banner.Text, "lost") || !strings.Contains(h.m.banner.Text, "1 change") {
		t.Fatalf("pending %d, banner %q", len(h.m.rec.pending), h.m.banner.Text)
	}
	if h.m.detail.verdict.Selected != model.False.Label() {
		t.Errorf("the pane dropped the change: %q", h.m.detail.verdict.Selected)
	}
	srv.Up(t)
	h.m.storeChanged(db.Event{Version: 0}) // the watch reports the server back
	h.m.wait()
	h.m.storeChanged(db.Event{Version: 0}) // and again: nothing is written twice
	h.m.wait()
	if v := h.stored(khanCharge).Verdict; v != model.False {
		t.Fatalf("after the server came back: %s", v)
	}
	hist, err := h.m.st.History(context.Background(), khanCharge)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range hist {
		if c.Field == string(model.FieldVerdict) {
			n++
			if c.Set.Reviewer != "ui_ayesha" {
				t.Errorf("signed by %q", c.Set.Reviewer)
			}
		}
	}
	if n != 1 || len(h.m.rec.pending) != 0 || !h.m.banner.Hidden {
		t.Errorf("%d verdict changes recorded, %d pending, banner %q", n, len(h.m.rec.pending), h.m.banner.Text)
	}
}

// File → Open team database… asks for the password the server wants,
// says when it is refused, and opens with the right one; the URL is
// remembered without it.
func TestOpenTeamDatabaseAsksForThePassword(t *testing.T) {
	_, srv, name := teamHarness(t, "ui_bilal", db.RoleReviewer)
	h := newHarness(t)
	t.Setenv("PGPASSWORD", "")
	url := srv.URL("ui_bilal", "", name)
	h.m.openTeamDatabase()
	h.win.Canvas().Focus(nil)
	form := h.top()
	entry := findEntry(form)
	entry.SetText(url)
	h.press(fyne.KeyReturn)
	waitFor(t, h, func() bool { return strings.Contains(h.dialogText(), "Password") })
	findEntry(h.top()).SetText("wrong")
	h.press(fyne.KeyReturn)
	waitFor(t, h, func() bool { return strings.Contains(h.dialogText(), "refused that password") && !h.m.st.OnServer() })
	findEntry(h.top()).SetText("pw")
	h.press(fyne.KeyReturn)
	waitFor(t, h, func() bool { return h.m.st.OnServer() })
	if got := h.app.Preferences().String(prefTeamURL); got != url || strings.Contains(got, "pw") {
		t.Errorf("remembered %q", got)
	}
	if !strings.Contains(h.win.Title(), name) {
		t.Errorf("title %q", h.win.Title())
	}
}

func findEntry(o fyne.CanvasObject) *keyEntry {
	for _, obj := range test.LaidOutObjects(o) {
		if e, ok := obj.(*keyEntry); ok {
			return e
		}
	}
	return nil
}

// waitFor lets the window's background work finish, then checks cond.
func waitFor(t *testing.T, h *harness, cond func() bool) {
	t.Helper()
	h.m.wait()
	if !cond() {
		t.Fatalf("not reached; dialog: %q, banner: %q", h.dialogText(), h.m.banner.Text)
	}
}

// The banner takes its place above the tabs the moment it is set, and
// gives it back when it is cleared, without the window being resized:
// a person sees "connection lost" when it happens.
func TestBannerShowsWithoutAResize(t *testing.T) {
	h := newHarness(t)
	if y := h.m.tabs.Position().Y; y != 0 {
		t.Fatalf("tabs at %v with no banner", y)
	}
	h.m.setOffline(true)
	if h.m.banner.Size().Height == 0 || h.m.tabs.Position().Y < h.m.banner.Size().Height {
		t.Fatalf("banner %v high, tabs at %v: the banner is not laid out", h.m.banner.Size().Height, h.m.tabs.Position().Y)
	}
	h.m.setOffline(false)
	if y := h.m.tabs.Position().Y; y != 0 || !h.m.banner.Hidden {
		t.Fatalf("tabs at %v, banner hidden %v after the server came back", y, h.m.banner.Hidden)
	}
}
