package gen_test

import (
	"context"
	"path/filepath"
	"testing"

	"claims/internal/db"
	"claims/internal/gen"
)

// BenchmarkFill10k measures the store's write path: 10,000 claims with
// their subjects, tags, links and notes in one transaction.
func BenchmarkFill10k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		st, err := db.Open(filepath.Join(b.TempDir(), "g.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := gen.Fill(context.Background(), st, gen.Options{Claims: 10000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
