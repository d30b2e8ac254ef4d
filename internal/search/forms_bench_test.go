package search

import (
	"context"
	"os"
	"testing"

	"claims/internal/db"
	"claims/internal/model"
)

// BenchmarkForms looks up every text for the forms of a word, uncached,
// over the database named by CLAIMS_BENCH_DB: what the first keystroke
// that completes "denied" or "fabricated" adds to a search.
func BenchmarkForms(b *testing.B) {
	ctx := context.Background()
	ix := New(BenchData(b))
	for _, term := range []string{"denied", "fabricated", "army"} {
		stemmed, prefix, _ := wordForm(term)
		b.Run(term, func(b *testing.B) {
			for b.Loop() {
				ix.formCache = nil
				if _, err := ix.forms(ctx, stemmed, prefix, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchData reads the claims and actors of the database named by
// CLAIMS_BENCH_DB (one made by "claims gen"), skipping the benchmark when
// none is named.
func BenchData(b *testing.B) ([]model.ClaimSummary, []model.Actor) {
	path := os.Getenv("CLAIMS_BENCH_DB")
	if path == "" {
		b.Skip("set CLAIMS_BENCH_DB to a database made with claims gen")
	}
	ctx := context.Background()
	st, err := db.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	claims, err := st.ListClaims(ctx)
	if err != nil {
		b.Fatal(err)
	}
	actors, err := st.Actors(ctx)
	if err != nil {
		b.Fatal(err)
	}
	return claims, actors
}
