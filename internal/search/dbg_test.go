package search_test

import (
	"context"
	"testing"

	"claims/internal/db"
	"claims/internal/search"
)

func BenchmarkDbgSpace(b *testing.B) {
	ctx := context.Background()
	st, _ := db.Open("/work/main/bench/claims-100000.db")
	claims, _ := st.ListClaims(ctx)
	actors, _ := st.Actors(ctx)
	st.Close()
	ix := search.New(claims, actors)
	ix.Search("the", search.Filter{})
	b.ResetTimer()
	for b.Loop() {
		ix.Search("the ", search.Filter{})
	}
}
