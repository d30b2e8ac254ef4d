package search_test

import (
	"context"
	"testing"

	"claims/internal/search"
)

// BenchmarkTyping types queries one key at a time into a fresh index
// over the database named by CLAIMS_BENCH_DB (one made by "claims gen"),
// drawing the first 30 rows of each result as the window's list does.
func BenchmarkTyping(b *testing.B) {
	ctx := context.Background()
	claims, actors := search.BenchData(b)
	for _, q := range []string{"t", "the bombin", "frgd dcmnt", "denied inv", "kabul army", "fabricated"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				ix := search.New(claims, actors)
				b.StartTimer()
				for i := range q {
					// What the window does: search, then draw the rows in view.
					found, err := ix.SearchContext(ctx, q[:i+1], search.Filter{})
					if err != nil {
						b.Fatal(err)
					}
					for j := range min(found.Len(), 30) {
						found.Hit(j)
					}
				}
			}
		})
	}
}
