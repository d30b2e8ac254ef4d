package csvio_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"claims/internal/csvio"
	"claims/internal/db"
	"claims/internal/model"
)

// FuzzImport feeds arbitrary files and column mappings to the importer.
// Whatever the input: no panic; a refused file says why (with a line number
// for row errors); and an import that fails leaves the database empty.
func FuzzImport(f *testing.F) {
	// The golden export and the header-less TSV fixture are realistic seeds.
	for _, seed := range []struct {
		file          string
		mapSpec       string
		tsv, noHeader bool
	}{
		{"testdata/claims.golden", "", false, false},
		{"testdata/pairs.golden", "", false, false},
		{"testdata/factchecks.tsv", "statement=2,actor=3,verdict=4", true, true},
	} {
		data, err := os.ReadFile(seed.file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, seed.mapSpec, seed.tsv, seed.noHeader)
	}
	f.Add([]byte("statement,actor,verdict\nAfghanistan planned it,Pakistan,false\n"), "", false, false)
	f.Add([]byte("x\ty\tpants-fire\n"), "statement=1,actor=2,verdict=3", true, true)
	f.Add([]byte("\xef\xbb\xbfclaim,speaker\n\"multi\nline\",\"=cmd|' /C calc'!A0\"\n"), "statement=claim,actor=speaker", false, false)
	f.Add([]byte("statement,actor\r\n\"unterminated,x\n"), "", false, false)
	f.Add([]byte("a,b\n1,2,3\n"), "statement=1", false, false)
	f.Add([]byte("statement,actor,date made\nx,y,2024-02-30\n"), "", false, false)
	f.Add([]byte("statement,actor\n\xff\xfe,y\n"), "", false, false)
	f.Fuzz(func(t *testing.T, data []byte, mapSpec string, tsv, noHeader bool) {
		b, err := csvio.Read(bytes.NewReader(data), csvio.Options{TSV: tsv, NoHeader: noHeader, MapSpec: mapSpec})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without a message")
			}
			var re *csvio.RowError
			if errors.As(err, &re) && re.Line < 1 {
				t.Fatalf("row error without a line: %v", err)
			}
			return
		}
		st, err := db.Open(filepath.Join(t.TempDir(), "f.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		ctx := context.Background()
		if _, err := csvio.Import(ctx, st, b, nil); err != nil {
			if empty, _ := st.IsEmpty(ctx); !empty {
				t.Fatalf("a failed import (%v) left rows behind", err)
			}
			return
		}
		if err := st.Check(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzVerdictMap parses arbitrary --verdict-map specs and maps arbitrary
// labels: the answer is a verdict on the scale or an error, never a panic.
func FuzzVerdictMap(f *testing.F) {
	f.Add("Four Pinocchios=false;Three Pinocchios=misleading", "Four Pinocchios")
	f.Add("*=unreviewed", "who knows")
	f.Add("", "Pants on Fire!")
	f.Add("=;;==", "half-true")
	f.Add("x=y", "MOSTLY_FALSE")
	f.Fuzz(func(t *testing.T, spec, label string) {
		vm, err := csvio.ParseVerdictMap(spec)
		if err != nil {
			return
		}
		v, err := vm.Verdict(label)
		if err == nil && !v.Valid() {
			t.Fatalf("label %q mapped to %q, which is not on the scale", label, v)
		}
		if err != nil && !errors.Is(err, model.ErrInvalid) && err.Error() == "" {
			t.Fatalf("an error without a message")
		}
	})
}
