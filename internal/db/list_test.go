package db_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"claims/internal/db"
	"claims/internal/gen"
	"claims/internal/model"
)

// The fast ListClaims must give exactly what the plain SQL gives.
func TestListClaimsMatchesPlainSQL(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(filepath.Join(t.TempDir(), "gen.db"))
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
	fast, err := st.ListClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	slow, err := db.ListClaimsSlow(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(fast) != 3000 || len(fast) != len(slow) {
		t.Fatalf("fast %d rows, slow %d", len(fast), len(slow))
	}
	var counters int
	for i := range fast {
		if !reflect.DeepEqual(normal(fast[i]), normal(slow[i])) {
			t.Fatalf("row %d differs:\nfast %+v\nslow %+v", i, fast[i], slow[i])
		}
		counters += fast[i].CounterCount
	}
	if counters == 0 {
		t.Error("generated data has no counter-claims; the test proves little")
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
	return c
}
