package db_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"claims/internal/db"
	"claims/internal/db/pgtest"
	"claims/internal/gen"
	"claims/internal/model"
)

// The fast Snapshot (on SQLite flat concatenated queries on two
// connections, on PostgreSQL rows read with pgx on two connections; both
// sorted in Go) gives exactly what the plain ordered queries give.
func TestSnapshotEqualsSlow(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(pgtest.TestDB(t, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := gen.Fill(ctx, st, gen.Options{Claims: 3000, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2019, 5, 1, 8, 0, 0, 0, time.UTC)
	// Edge cases: no source, no tags, tags whose positions are out of
	// rowid order, claims created at the same time (ordered by id), notes
	// at the same time, and a link whose answering claim is newer.
	err = st.Update(ctx, func(tx *db.Tx) error {
		for _, c := range []model.Claim{
			{ID: "z-bare", Statement: "Bare claim", ActorID: "gen-actor-0000001", CreatedAt: at},
			{ID: "a-same-time", Statement: "Same time", ActorID: "gen-actor-0000002", CreatedAt: at, Tags: []string{"b", "a", "c"}},
		} {
			if err := tx.CreateClaim(&c); err != nil {
				return err
			}
		}
		if err := tx.Link(model.Link{FromID: "z-bare", ToID: "gen-claim-0000000", Relation: model.Supports}); err != nil {
			return err
		}
		for _, id := range []string{"n-2", "n-1"} {
			if err := tx.AddNote(&model.Annotation{ID: id, ClaimID: "z-bare", Author: "R", Text: "same time " + id, CreatedAt: at}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetTags(ctx, "gen-claim-0000003", []string{"zeta", "alpha", "mid"}); err != nil {
		t.Fatal(err)
	}
	// Positions out of the order the rows were written in.
	if err := st.SetTags(ctx, "gen-claim-0000004", []string{"one", "two", "three", "four"}); err != nil {
		t.Fatal(err)
	}
	if err := db.ExecForTest(st, `UPDATE claim_tags SET position = 3 - position WHERE claim_id = 'gen-claim-0000004'`); err != nil {
		t.Fatal(err)
	}
	compare := func(t *testing.T) {
		t.Helper()
		fast, err := st.Snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := db.SnapshotSlow(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		compareSnapshots(t, fast, slow)
	}
	compare(t)
	// A time not in the stored layout (written by another tool) orders the
	// claims by the text, as SQL does.
	if err := db.ExecForTest(st, `UPDATE claims SET created_at = '2019-05-01T08:00:00Z' WHERE id = 'gen-claim-0000010'`); err != nil {
		t.Fatal(err)
	}
	compare(t)
}

func compareSnapshots(t *testing.T, fast, slow *db.Snapshot) {
	t.Helper()
	if len(fast.Claims) != 3002 || len(fast.Links) == 0 || len(fast.Notes) == 0 {
		t.Fatalf("fast snapshot: %d claims, %d links, %d notes", len(fast.Claims), len(fast.Links), len(fast.Notes))
	}
	for i := range slow.Claims {
		if !reflect.DeepEqual(fast.Claims[i], slow.Claims[i]) {
			t.Fatalf("claim %d: fast %+v, slow %+v", i, fast.Claims[i], slow.Claims[i])
		}
	}
	for _, part := range []struct {
		name       string
		fast, slow any
	}{
		{"actors", fast.Actors, slow.Actors}, {"sources", fast.Sources, slow.Sources}, {"claims", fast.Claims, slow.Claims},
		{"links", fast.Links, slow.Links}, {"notes", fast.Notes, slow.Notes},
	} {
		if !reflect.DeepEqual(part.fast, part.slow) {
			t.Errorf("%s differ between the fast and the plain snapshot", part.name)
		}
	}
}

// A stored value holding the separator the fast path splits on sends
// Snapshot to the plain queries, which read it as it is.
func TestSnapshotFallsBackOnSeparators(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(filepath.Join(t.TempDir(), "odd.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := gen.Fill(ctx, st, gen.Options{Claims: 50, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"UPDATE claims SET statement = 'odd\x1fstatement' WHERE id = 'gen-claim-0000004'",
		"UPDATE claim_tags SET tag = 'odd\x1etag' WHERE rowid = 3",
	} {
		if err := db.ExecForTest(st, q); err != nil {
			t.Fatal(err)
		}
		fast, err := st.Snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := db.SnapshotSlow(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("after %q the snapshot differs from the plain one", q)
		}
	}
}

// Snapshots taken while another writer commits claims with their notes
// always see each claim together with its note: the two connections the
// fast path reads on share one snapshot (on SQLite through the write
// lock, on PostgreSQL through pg_export_snapshot).
func TestSnapshotIsConsistentUnderWrites(t *testing.T) {
	ctx := context.Background()
	target := pgtest.TestDB(t, t.TempDir())
	st, err := db.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := gen.Fill(ctx, st, gen.Options{Claims: 200, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	other, err := db.Open(target) // a second process, as far as the database knows
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	stop := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			err := other.Update(ctx, func(tx *db.Tx) error {
				c := model.Claim{Statement: "written beside the export", ActorID: "gen-actor-0000001"}
				if err := tx.CreateClaim(&c); err != nil {
					return err
				}
				return tx.AddNote(&model.Annotation{ClaimID: c.ID, Author: "W", Text: "its note"})
			})
			if err != nil {
				done <- err
				return
			}
		}
	}()
	for range 20 {
		snap, err := st.Snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		claims := map[string]bool{}
		written := 0
		for _, c := range snap.Claims {
			claims[c.ID] = true
			if c.Statement == "written beside the export" {
				written++
			}
		}
		notes := 0
		for _, n := range snap.Notes {
			if n.Author == "W" {
				notes++
				if !claims[n.ClaimID] {
					t.Fatalf("note %s of a claim the snapshot does not hold", n.ID)
				}
			}
		}
		if notes != written {
			t.Fatalf("%d claims written beside the export but %d of their notes", written, notes)
		}
	}
	close(stop)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
