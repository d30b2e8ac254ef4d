package csvio_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"claims/internal/csvio"
	"claims/internal/db"
	"claims/internal/gen"
)

// benchClaims is how many claims the export and import benchmarks use:
// 10,000, or CLAIMS_BENCH_CLAIMS (for example 100000).
func benchClaims() int {
	if n, err := strconv.Atoi(os.Getenv("CLAIMS_BENCH_CLAIMS")); err == nil && n > 0 {
		return n
	}
	return 10000
}

var benchData struct {
	once sync.Once
	db   []byte // a database filled by gen.Fill, checkpointed and closed
	csv  []byte // its claims export
	err  error
}

// benchFixture fills a database with gen once per test binary (kept in
// memory) and exports it, then writes a copy of the database into the
// benchmark's own temporary folder, so that each benchmark times only what
// it measures.
func benchFixture(b *testing.B) (string, []byte) {
	b.Helper()
	benchData.once.Do(func() {
		path := filepath.Join(b.TempDir(), "gen.db")
		benchData.err = func() error {
			st, err := db.Open(path)
			if err != nil {
				return err
			}
			_, err = gen.Fill(context.Background(), st, gen.Options{Claims: benchClaims(), Seed: 1})
			var buf bytes.Buffer
			if err == nil {
				err = exportAll(st, &buf)
			}
			benchData.csv = buf.Bytes()
			return errors.Join(err, st.Close())
		}()
		if benchData.err == nil {
			benchData.db, benchData.err = os.ReadFile(path)
		}
	})
	if benchData.err != nil {
		b.Fatal(benchData.err)
	}
	path := filepath.Join(b.TempDir(), "gen.db")
	if err := os.WriteFile(path, benchData.db, 0o644); err != nil {
		b.Fatal(err)
	}
	return path, benchData.csv
}

// exportAll does what "claims export --format claims" does.
func exportAll(st *db.Store, w io.Writer) error {
	snap, err := st.Snapshot(context.Background())
	if err != nil {
		return err
	}
	return csvio.WriteClaims(w, snap, csvio.WriteOptions{})
}

// BenchmarkExportClaims times what "claims export --format claims" does:
// read the database and write the claims shape.
func BenchmarkExportClaims(b *testing.B) {
	path, want := benchFixture(b)
	st, err := db.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.SetBytes(int64(len(want)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := exportAll(st, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportClaims times what "claims import" of that export into an
// empty database does: read and check the file, then write it in one
// transaction.
func BenchmarkImportClaims(b *testing.B) {
	_, data := benchFixture(b)
	b.SetBytes(int64(len(data)))
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(dir, "import-"+strconv.Itoa(i)+".db")
		st, err := db.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		batch, err := csvio.Read(bytes.NewReader(data), csvio.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := csvio.Import(context.Background(), st, batch, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		for _, s := range []string{"", "-wal", "-shm"} {
			os.Remove(path + s)
		}
		b.StartTimer()
	}
}

// BenchmarkReadClaims times reading and checking that export, without
// writing it: the part of an import done before the database is touched.
func BenchmarkReadClaims(b *testing.B) {
	_, data := benchFixture(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := csvio.Read(bytes.NewReader(data), csvio.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
