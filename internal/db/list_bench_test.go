package db_test

import (
	"context"
	"os"
	"testing"

	"claims/internal/db"
)

// BenchmarkOpenAndList opens the database named by CLAIMS_BENCH_DB (for
// example one made by "claims gen") and lists every claim, as the window
// does at start.
func BenchmarkOpenAndList(b *testing.B) {
	path := os.Getenv("CLAIMS_BENCH_DB")
	if path == "" {
		b.Skip("set CLAIMS_BENCH_DB to a database made with claims gen")
	}
	for i := 0; i < b.N; i++ {
		st, err := db.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		list, err := st.ListClaims(context.Background())
		if err != nil || len(list) == 0 {
			b.Fatal(err)
		}
		st.Close()
	}
}
