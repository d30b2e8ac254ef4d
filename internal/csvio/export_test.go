package csvio_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claims/internal/csvio"
	"claims/internal/csvio/csviotest"
	"claims/internal/db"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func snapshot(t *testing.T, st *db.Store) *db.Snapshot {
	t.Helper()
	snap, err := st.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func export(t *testing.T, st *db.Store, write func(*bytes.Buffer, *db.Snapshot) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, snapshot(t, st)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func exportClaims(t *testing.T, st *db.Store) []byte {
	return export(t, st, func(b *bytes.Buffer, s *db.Snapshot) error { return csvio.WriteClaims(b, s, csvio.WriteOptions{}) })
}

func TestGoldenClaims(t *testing.T) {
	golden(t, "claims.golden", exportClaims(t, csviotest.Build(t)))
}

func TestGoldenPairs(t *testing.T) {
	st := csviotest.Build(t)
	golden(t, "pairs.golden", export(t, st, func(b *bytes.Buffer, s *db.Snapshot) error {
		return csvio.WritePairs(b, s, csvio.WriteOptions{})
	}))
}

func TestBOM(t *testing.T) {
	st := csviotest.Build(t)
	plain := exportClaims(t, st)
	withBOM := export(t, st, func(b *bytes.Buffer, s *db.Snapshot) error {
		return csvio.WriteClaims(b, s, csvio.WriteOptions{BOM: true})
	})
	if !bytes.Equal(withBOM, append([]byte("\uFEFF"), plain...)) {
		t.Error("the BOM export is not the plain export with a BOM in front")
	}
}

// TestExportIsRFC4180 reads the exports back with encoding/csv: every record
// has the header's width, records end in CRLF, and the Khan row has its
// three counter-claims.
func TestExportIsRFC4180(t *testing.T) {
	st := csviotest.Build(t)
	out := exportClaims(t, st)
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Error("last record does not end in CRLF")
	}
	recs, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 9 {
		t.Fatalf("%d records, want header + 8 claims", len(recs))
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, r := range recs {
		if r[0] == csviotest.KhanCharge {
			ids, counters := r[col["counter-claim ids"]], r[col["counter-claims"]]
			if n := len(strings.Split(ids, "\n")); n != 3 {
				t.Errorf("Khan's charge lists %d counter-claim ids, want 3: %q", n, ids)
			}
			if !strings.HasPrefix(counters, "denies | United States government | ") {
				t.Errorf("counter-claims cell = %q", counters)
			}
		}
	}
}

// TestInjectionNeutralised: no cell of any export starts with a character a
// spreadsheet runs as a formula.
func TestInjectionNeutralised(t *testing.T) {
	st := csviotest.Build(t)
	for name, write := range map[string]func(*bytes.Buffer, *db.Snapshot) error{
		"claims": func(b *bytes.Buffer, s *db.Snapshot) error { return csvio.WriteClaims(b, s, csvio.WriteOptions{}) },
		"pairs":  func(b *bytes.Buffer, s *db.Snapshot) error { return csvio.WritePairs(b, s, csvio.WriteOptions{}) },
	} {
		out := export(t, st, write)
		recs, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		guarded := 0
		for _, r := range recs {
			for i, cell := range r {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: column %q cell %q starts with a formula character", name, recs[0][i], cell)
				}
				if strings.HasPrefix(cell, "'") {
					guarded++
				}
			}
		}
		if guarded == 0 {
			t.Errorf("%s: no cell was guarded; the fixture has formula-looking cells", name)
		}
	}
}

func TestNeutraliseRestore(t *testing.T) {
	for _, s := range []string{"", "plain", "=cmd|' /C calc'!A0", "+SUM(1,1)", "-2+3", "@SUM(1)", "\tx", "\rx",
		"'", "'=x", "''=x", "'plain", "'Twas", "=", "'''", "-"} {
		n := csvio.Neutralise(s)
		if got := csvio.Restore(n); got != s {
			t.Errorf("Restore(Neutralise(%q)) = %q", s, got)
		}
		if n != "" && strings.ContainsRune("=+-@\t\r", rune(n[0])) {
			t.Errorf("Neutralise(%q) = %q still starts with a trigger", s, n)
		}
	}
}
