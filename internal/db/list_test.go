package db_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"claims/internal/db"
	"claims/internal/db/pgtest"
	"claims/internal/gen"
	"claims/internal/model"
)

// The fast ListClaims must give exactly what the plain SQL gives, on
// either engine (CLAIMS_TEST_ENGINE=postgres: the server's listing, read
// on two connections and ordered in Go).
func TestListClaimsMatchesPlainSQL(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(pgtest.TestDB(t, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := gen.Fill(ctx, st, gen.Options{Claims: 3000, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	// Edit some lists in place so positions and insertion order differ.
	list, _ := st.ListClaims(ctx)
	for i := 0; i < len(list); i += 97 {
		c := list[i].Claim
		c.Tags = append([]string{"zz-first"}, c.Tags...)
		if err := st.UpdateClaim(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	// One chunk of claims, and many read by two connections at once.
	for _, chunk := range []int64{8192, 257} {
		restore := db.SetListChunk(chunk)
		counters := sameAsPlainSQL(t, st, 3000)
		restore()
		if counters == 0 {
			t.Error("generated data has no counter-claims; the test proves little")
		}
	}
}

// sameAsPlainSQL checks ListClaims against the one-query-per-row SQL and
// returns the number of counter-claims listed.
func sameAsPlainSQL(t *testing.T, st *db.Store, want int) int {
	t.Helper()
	ctx := context.Background()
	fast, err := st.ListClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	slow, err := db.ListClaimsSlow(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(fast) != want || len(fast) != len(slow) {
		t.Fatalf("fast %d rows, slow %d, want %d", len(fast), len(slow), want)
	}
	var counters, answers, reviewed int
	for i := range fast {
		if !reflect.DeepEqual(normal(fast[i]), normal(slow[i])) {
			t.Fatalf("row %d differs:\nfast %+v\nslow %+v", i, fast[i], slow[i])
		}
		counters += fast[i].CounterCount
		answers += fast[i].AnswersCount
		if len(fast[i].Reviewers) > 0 {
			reviewed++
		}
	}
	if counters != answers {
		t.Errorf("%d counter-claims listed, but %d answers", counters, answers)
	}
	if counters > 0 && reviewed == 0 {
		t.Error("no claim lists a reviewer; the test proves little")
	}
	return counters
}

// Reviewers are the notes' authors, each once, in the order of their first
// note (by time, then id); AnswersCount counts the claims a claim denies,
// disputes or contradicts, not those it supports.
func TestListClaimsReviewersAndAnswers(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(pgtest.TestDB(t, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := &model.Actor{Name: "Someone"}
	if err := st.CreateActor(ctx, a); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range []string{"claim", "denial", "support", "second claim"} {
		c := &model.Claim{ActorID: a.ID, Statement: s}
		if err := st.CreateClaim(ctx, c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	for _, l := range []model.Link{
		{FromID: ids[1], ToID: ids[0], Relation: model.Denies},
		{FromID: ids[1], ToID: ids[3], Relation: model.Disputes},
		{FromID: ids[2], ToID: ids[0], Relation: model.Supports},
	} {
		if err := st.Link(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, n := range []model.Annotation{
		{ID: "n2", ClaimID: ids[0], Author: "Bea", Text: "first", CreatedAt: at},
		{ID: "n3", ClaimID: ids[0], Author: "Ali", Text: "same time, later id", CreatedAt: at},
		{ID: "n1", ClaimID: ids[0], Author: "Ali", Text: "later", CreatedAt: at.Add(time.Hour)},
		{ID: "n4", ClaimID: ids[0], Author: "Bea", Text: "again", CreatedAt: at.Add(2 * time.Hour)},
		{ID: "n5", ClaimID: ids[2], Author: "Cem", Text: "other claim", CreatedAt: at},
	} {
		if err := st.AddNote(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
	sameAsPlainSQL(t, st, 4)
	list, err := st.ListClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.ClaimSummary{}
	for _, c := range list {
		got[c.ID] = c
	}
	if r := got[ids[0]].Reviewers; !reflect.DeepEqual(r, []string{"Bea", "Ali"}) {
		t.Errorf("reviewers %q, want Bea then Ali", r)
	}
	if r := got[ids[2]].Reviewers; !reflect.DeepEqual(r, []string{"Cem"}) {
		t.Errorf("reviewers of the support %q", r)
	}
	for i, want := range []int{0, 2, 0, 0} {
		if n := got[ids[i]].AnswersCount; n != want {
			t.Errorf("%s answers %d claims, want %d", got[ids[i]].Statement, n, want)
		}
	}
}

// Rows another tool wrote: separators inside fields, times in another
// layout, an impossible date, deleted rows leaving gaps in the rowids.
func TestListClaimsOddRows(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(filepath.Join(t.TempDir(), "odd.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := gen.Fill(ctx, st, gen.Options{Claims: 600, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	list, err := st.ListClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"UPDATE claims SET statement = ? WHERE id = ?", []any{"record\x1eseparator", list[5].ID}},
		{"UPDATE claims SET statement = ? WHERE id = ?", []any{"unit\x1fseparator", list[300].ID}},
		{"UPDATE claims SET quote = ? WHERE id = ?", []any{"quote\x1ewith\x1fboth", list[301].ID}},
		{"UPDATE claims SET created_at = '2024-03-01 10:00:00' WHERE id = ?", []any{list[7].ID}},
		{"UPDATE claims SET updated_at = '2024-02-30T10:00:00.000Z' WHERE id = ?", []any{list[8].ID}},
		{"UPDATE claim_tags SET tag = ? WHERE claim_id = ?", []any{"tag\x1ehere", list[9].ID}},
		{"UPDATE annotations SET author = ? WHERE rowid = (SELECT min(rowid) FROM annotations)", []any{"odd\x1eauthor"}},
		{"DELETE FROM claims WHERE rowid % 7 = 3", nil},
	} {
		if err := db.ExecForTest(st, q.sql, q.args...); err != nil {
			t.Fatal(q.sql, err)
		}
	}
	slow, err := db.ListClaimsSlow(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	for _, chunk := range []int64{8192, 50} {
		restore := db.SetListChunk(chunk)
		sameAsPlainSQL(t, st, len(slow))
		restore()
	}
}

// On one connection, and several listings at once beside readers that
// hold connections: each finishes, and the pool's connections keep their
// memory map.
func TestListClaimsConnections(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(filepath.Join(t.TempDir(), "conns.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := gen.Fill(ctx, st, gen.Options{Claims: 800, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	defer db.SetListChunk(100)()
	want := sameAsPlainSQL(t, st, 800)
	one, err := db.ListClaimsOneConn(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	counters := 0
	for _, c := range one {
		counters += c.CounterCount
	}
	if len(one) != 800 || counters != want {
		t.Fatalf("on one connection: %d claims, %d counter-claims; want 800, %d", len(one), counters, want)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			list, err := st.ListClaims(ctx)
			if err == nil && len(list) != 800 {
				err = fmt.Errorf("%d claims", len(list))
			}
			errs <- err
		}()
		go func() {
			defer wg.Done()
			_, err := db.MmapSizes(ctx, st, 1)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	sizes, err := db.MmapSizes(ctx, st, 4)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sizes {
		if s == 0 {
			t.Fatalf("a reader was left without its memory map: %v", sizes)
		}
	}
}

func TestListClaimsEmpty(t *testing.T) {
	st, err := db.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.ListClaims(context.Background())
	if err != nil || len(list) != 0 {
		t.Fatalf("ListClaims on an empty database: %d claims, %v", len(list), err)
	}
}

// normal makes nil and empty lists compare equal.
func normal(c model.ClaimSummary) model.ClaimSummary {
	if len(c.Tags) == 0 {
		c.Tags = nil
	}
	if len(c.SubjectIDs) == 0 {
		c.SubjectIDs = nil
	}
	if len(c.CounterActors) == 0 {
		c.CounterActors = nil
	}
	if len(c.Reviewers) == 0 {
		c.Reviewers = nil
	}
	return c
}
