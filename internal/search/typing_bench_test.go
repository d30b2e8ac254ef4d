package search_test

import (
	"context"
	"os"
	"testing"

	"claims/internal/db"
	"claims/internal/search"
)

// BenchmarkTyping types "the bombin" one key at a time into a fresh index
// over the database named by CLAIMS_BENCH_DB (one made by "claims gen").
func BenchmarkTyping(b *testing.B) {
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
	for _, q := range []string{"t", "the bombin", "frgd dcmnt"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				ix := search.New(claims, actors)
				b.StartTimer()
				for i := range q {
					ix.Search(q[:i+1], search.Filter{})
				}
			}
		})
	}
}
