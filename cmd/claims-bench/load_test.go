package main

import (
	"context"
	"testing"
	"time"

	"claims/internal/db"
	"claims/internal/db/pgtest"
	"claims/internal/gen"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// A short load run on a small database: writes land, none is lost, every
// client hears of the others' changes, and the check finds a lost write
// when one is made to disappear.
func TestLoadRunChecksWhatItWasTold(t *testing.T) {
	url := pgtest.NewDatabase(t)
	st, err := db.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gen.Fill(context.Background(), st, gen.Options{Claims: 500, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	rec, err := drive(url, 4, 3*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	res, err := rec.verify(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Writes == 0 || res.Reads == 0 || res.Lost != 0 || res.Errors != 0 {
		t.Fatalf("load run: %+v", res)
	}
	// Every write was heard by the other clients and timed; how fast is
	// the bench's to say (make bench), not a unit test's.
	if res.Propagations < int(res.Writes) || res.PropagationP95MS <= 0 {
		t.Errorf("propagation: %d heard for %d writes, p95 %.1f ms", res.Propagations, res.Writes, res.PropagationP95MS)
	}
	// A note that vanishes behind the store's back is a lost write.
	pgtest.Start(t).Exec(t, pgtest.DatabaseName(url), "DELETE FROM annotations WHERE id = '"+rec.notes[0]+"'")
	rec.res.Lost = 0
	if res, err := rec.verify(context.Background()); err != nil || res.Lost != 1 {
		t.Errorf("after deleting an acknowledged note: lost %d, %v", res.Lost, err)
	}
}
