package search

import (
	"context"
	"os"
	"testing"

	"claims/internal/db"
)

// BenchmarkForms looks up every text for the forms of a word, uncached,
// over the database named by CLAIMS_BENCH_DB: what the first keystroke
// that completes "denied" or "fabricated" adds to a search.
func BenchmarkForms(b *testing.B) {
	path := os.Getenv("CLAIMS_BENCH_DB")
	if path == "" {
		b.Skip("set CLAIMS_BENCH_DB to a database made with claims gen")
	}
	ctx := context.Background()
	st, err := db.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	claims, err := st.ListClaims(ctx)
	if err != nil {
		b.Fatal(err)
	}
	actors, _ := st.Actors(ctx)
	st.Close()
	ix := New(claims, actors)
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
