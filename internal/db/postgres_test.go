package db_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"claims/internal/csvio/csviotest"
	"claims/internal/db"
	"claims/internal/db/pgtest"
	"claims/internal/model"
)

// These tests run on a real PostgreSQL server whatever CLAIMS_TEST_ENGINE
// says: what only a server does (users, roles, notifications, its
// errors), and moving a database between the two engines.

func openServer(t *testing.T, url string) *db.Store {
	t.Helper()
	st, err := db.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newUser makes a login role with a password, dropped when the test ends.
func newUser(t *testing.T, srv *pgtest.Server, name, password string) {
	t.Helper()
	srv.Exec(t, "", fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD '%s'", name, password))
	t.Cleanup(func() {
		srv.Exec(t, "", fmt.Sprintf("DROP OWNED BY %s CASCADE", name))
		srv.Exec(t, "", "DROP ROLE IF EXISTS "+name)
	})
}

func TestServerRefusalsSayWhatIsWrong(t *testing.T) {
	srv := pgtest.Start(t)
	url := pgtest.NewDatabase(t)
	name := pgtest.DatabaseName(url)
	newUser(t, srv, "refusals_ayesha", "right-password")
	srv.Exec(t, "", "GRANT ALL ON DATABASE "+name+" TO refusals_ayesha")

	for _, tt := range []struct {
		name, url string
		want      error
		says      string
	}{
		{"wrong password", srv.URL("refusals_ayesha", "wrong", name), db.ErrPassword, "refused the password"},
		{"no password", srv.URL("refusals_ayesha", "", name), db.ErrPassword, "needs a password"},
		{"missing database", srv.URL("refusals_ayesha", "right-password", "no_such_db"), db.ErrNoDatabase, "no database"},
		{"no server there", fmt.Sprintf("postgres://x:y@127.0.0.1:%d/db?sslmode=disable&connect_timeout=2", srv.Port+1), db.ErrNoServer, "cannot reach"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("PGPASSWORD", "")
			t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
			_, err := db.Open(tt.url)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("Open = %v, want %v saying %q", err, tt.want, tt.says)
			}
			if strings.Contains(fmt.Sprint(err), "right-password") || strings.Contains(fmt.Sprint(err), ":wrong@") {
				t.Errorf("the message shows a password: %v", err)
			}
		})
	}

	// Another application's tables, and a newer schema, are refused untouched.
	other := pgtest.NewDatabase(t)
	srv.Exec(t, pgtest.DatabaseName(other), "CREATE TABLE invoices (id int)")
	if _, err := db.Open(other); !errors.Is(err, db.ErrNotClaimsDB) {
		t.Errorf("another application's database: %v", err)
	}
	newer := pgtest.NewDatabase(t)
	st := openServer(t, newer)
	st.Close()
	srv.Exec(t, pgtest.DatabaseName(newer), "UPDATE claims_meta SET value = '99' WHERE key = 'schema_version'")
	if _, err := db.Open(newer); !errors.Is(err, db.ErrNewerSchema) {
		t.Errorf("a newer schema: %v", err)
	}
}

// A user's writes are signed with the name the server knows them by;
// a viewer reads and may not write; a write the server refuses changes
// nothing and says why.
func TestRolesAreEnforcedByTheServer(t *testing.T) {
	srv := pgtest.Start(t)
	url := pgtest.NewDatabase(t)
	name := pgtest.DatabaseName(url)
	owner := openServer(t, url)
	ctx := context.Background()
	reviewerRole, viewerRole, err := owner.CreateRoles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if reviewerRole != name+"_reviewer" || viewerRole != name+"_viewer" {
		t.Errorf("roles %s, %s", reviewerRole, viewerRole)
	}
	if _, _, err := owner.CreateRoles(ctx); err != nil {
		t.Errorf("making the roles again: %v", err)
	}
	newUser(t, srv, "roles_ayesha", "pw-a")
	newUser(t, srv, "roles_victor", "pw-v")
	srv.Exec(t, "", "GRANT CONNECT ON DATABASE "+name+" TO roles_ayesha, roles_victor")
	if err := owner.Grant(ctx, "roles_ayesha", db.RoleReviewer); err != nil {
		t.Fatal(err)
	}
	if err := owner.Grant(ctx, "roles_victor", db.RoleViewer); err != nil {
		t.Fatal(err)
	}
	if err := owner.Grant(ctx, "roles_victor; DROP TABLE claims", db.RoleViewer); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a user name that is not a name: %v", err)
	}

	ayesha := openServer(t, srv.URL("roles_ayesha", "pw-a", name))
	ayesha.SetOrigin(db.Origin{Reviewer: "Somebody Else"}) // a typed name does not count
	a := model.Actor{Name: "Imran Khan", Kind: model.KindPerson}
	if err := ayesha.CreateActor(ctx, &a); err != nil {
		t.Fatal(err)
	}
	c := model.Claim{Statement: "Washington conspired to remove him", ActorID: a.ID}
	if err := ayesha.CreateClaim(ctx, &c); err != nil {
		t.Fatal(err)
	}
	h, err := ayesha.History(ctx, c.ID)
	if err != nil || len(h) != 1 || h[0].Set.Reviewer != "roles_ayesha" {
		t.Errorf("history: %+v %v", h, err)
	}
	if ok, err := ayesha.CanWrite(ctx); !ok || err != nil {
		t.Errorf("reviewer CanWrite = %v %v", ok, err)
	}

	victor := openServer(t, srv.URL("roles_victor", "pw-v", name))
	if ok, err := victor.CanWrite(ctx); ok || err != nil {
		t.Errorf("viewer CanWrite = %v %v", ok, err)
	}
	if list, err := victor.ListClaims(ctx); err != nil || len(list) != 1 {
		t.Errorf("viewer lists %d claims: %v", len(list), err)
	}
	if snap, err := victor.Snapshot(ctx); err != nil || len(snap.Claims) != 1 {
		t.Errorf("viewer's export snapshot: %v", err)
	}
	err = victor.SetVerdict(ctx, c.ID, model.False)
	if !errors.Is(err, db.ErrNoPrivilege) || !strings.Contains(err.Error(), "may read this database but not change it") {
		t.Errorf("viewer's write: %v", err)
	}
	if got, _ := ayesha.Claim(ctx, c.ID); got.Verdict != model.Unreviewed {
		t.Errorf("a refused write changed the verdict to %s", got.Verdict)
	}
}

// A whole database goes from SQLite to PostgreSQL and back, ids, times,
// texts and history kept; copying into a database that is not empty is
// refused.
func TestCopyBetweenEngines(t *testing.T) {
	ctx := context.Background()
	file := openTestDBFile(t)
	if err := csviotest.Fill(ctx, file); err != nil {
		t.Fatal(err)
	}
	src := model.Source{Title: "With text", Text: "The whole article, kept."}
	if err := file.CreateSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	if err := file.SetVerdict(db.WithOrigin(ctx, db.Origin{Reviewer: "Ayesha", Via: "window"}), csviotest.MilitaryDenial, model.Misleading); err != nil {
		t.Fatal(err)
	}
	if err := file.DeleteClaim(ctx, csviotest.Formula); err != nil {
		t.Fatal(err)
	}
	server := openServer(t, pgtest.NewDatabase(t))
	if err := db.Copy(ctx, file, server); err != nil {
		t.Fatal(err)
	}
	back := openTestDBFile(t)
	if err := db.Copy(ctx, server, back); err != nil {
		t.Fatal(err)
	}
	for _, st := range []*db.Store{server, back} {
		compareStores(t, file, st)
	}
	if got, _ := back.Source(ctx, src.ID); got.Text != src.Text {
		t.Errorf("source text after the round trip: %q", got.Text)
	}
	if trash, _ := back.Trash(ctx); len(trash) != 1 || trash[0].ID != csviotest.Formula {
		t.Errorf("the Trash after the round trip: %+v", trash)
	}
	// The copy goes on numbering change sets after the copied ones.
	if err := server.SetVerdict(ctx, csviotest.Bombing, model.False); err != nil {
		t.Fatal(err)
	}
	if from, _, ok, err := back.MergeBaseline(ctx); !ok || err != nil || !strings.HasPrefix(from, "postgres://") {
		t.Errorf("MergeBaseline = %q %v %v", from, ok, err)
	}
	if err := db.Copy(ctx, file, server); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("copy into a database with claims: %v", err)
	}
}

func openTestDBFile(t *testing.T) *db.Store {
	t.Helper()
	st, err := db.Open(filepath.Join(t.TempDir(), "claims.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// compareStores checks that b holds what a holds: the export snapshot and
// the history, set by set.
func compareStores(t *testing.T, a, b *db.Store) {
	t.Helper()
	ctx := context.Background()
	sa, err := a.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := b.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sa, sb) {
		t.Errorf("%s and %s differ:\n%+v\n%+v", a.Path(), b.Path(), sa, sb)
	}
	ha, _ := a.History(ctx, "")
	hb, _ := b.History(ctx, "")
	if len(ha) != len(hb) {
		t.Fatalf("history: %d and %d changes", len(ha), len(hb))
	}
	for i := range ha {
		ha[i].Set.Changes, hb[i].Set.Changes = 0, 0
		if !reflect.DeepEqual(ha[i], hb[i]) {
			t.Errorf("change %d: %+v and %+v", i, ha[i], hb[i])
		}
	}
}

// Every write reaches a listening store, from another connection; a lost
// server is reported and the listener comes back by itself. (How fast is
// the bench's load run to measure: a change reaches the others in tens of
// milliseconds; the waits here only bound a test that would hang.)
func TestWatchHearsOtherWriters(t *testing.T) {
	srv := pgtest.Start(t)
	url := pgtest.NewDatabase(t)
	reader, writer := openServer(t, url), openServer(t, url)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := make(chan db.Event, 16)
	reader.Watch(ctx, time.Second, func(e db.Event) { events <- e })
	time.Sleep(200 * time.Millisecond) // listening
	a := model.Actor{Name: "Afghan government"}
	if err := writer.CreateActor(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	v, _ := writer.Version(context.Background())
	select {
	case e := <-events:
		if e.Version != v || e.Lost != nil {
			t.Errorf("event %+v, want version %d", e, v)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no notification")
	}

	srv.Restart(t, 300*time.Millisecond)
	var lost, back bool
	deadline := time.After(20 * time.Second)
	for !back {
		select {
		case e := <-events:
			lost = lost || e.Lost != nil
			back = lost && e.Lost == nil
		case <-deadline:
			t.Fatalf("after a restart: lost %v, back %v", lost, back)
		}
	}
	// Writes go on through the same stores.
	if err := writer.CreateActor(context.Background(), &model.Actor{Name: "Pakistan military"}); err != nil {
		t.Fatal(err)
	}
	select {
	case e := <-events:
		if e.Lost != nil {
			t.Errorf("event after reconnecting: %+v", e)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no notification after reconnecting")
	}
}

// A write tried again with the same token after its commit was not heard
// of is applied once.
func TestTokenAppliesAWriteOnce(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			st := openTestDBFile(t)
			if engine == "postgres" {
				st = openServer(t, pgtest.NewDatabase(t))
			}
			a := mustActor(t, st, "ISPR", model.KindMilitary)
			ctx := db.WithToken(context.Background(), "window-1-save-7")
			for range 3 {
				var set int64
				if err := st.AddNote(db.WithSetID(ctx, &set), &model.Annotation{ClaimID: mustClaimID(t, st, a), Author: "A", Text: "once"}); err != nil {
					t.Fatal(err)
				}
				if set == 0 {
					t.Error("a repeated write did not say which set it was")
				}
			}
			list, _ := st.ListClaims(context.Background())
			notes := 0
			for _, c := range list {
				n, _ := st.Notes(context.Background(), c.ID)
				notes += len(n)
			}
			if notes != 1 {
				t.Errorf("%d notes, want 1", notes)
			}
		})
	}
}

var claimOnce sync.Map

// mustClaimID is one claim per store, made on first use.
func mustClaimID(t *testing.T, st *db.Store, a model.Actor) string {
	if id, ok := claimOnce.Load(st); ok {
		return id.(string)
	}
	c := mustClaim(t, st, a, "The army stayed neutral")
	claimOnce.Store(st, c.ID)
	return c.ID
}
