package csvio_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"claims/internal/csvio"
	"claims/internal/csvio/csviotest"
)

// Hostile files: each is refused with its line and reason, or read
// correctly; a refused file changes nothing in the database.
func TestHostileInput(t *testing.T) {
	mapped := csvio.Options{MapSpec: "statement=statement,actor=actor,verdict=verdict"}
	tsv := csvio.Options{TSV: true, NoHeader: true, MapSpec: "statement=1,actor=2,verdict=3"}
	big := strings.Repeat("x", 1<<20) // a 1 MB cell
	for _, tt := range []struct {
		name    string
		data    string
		opt     csvio.Options
		wantErr string // "" when the file must import
		claims  int    // claims the import must create
	}{
		{"invalid UTF-8", "statement,actor,verdict\nok,Pakistan,false\nbad \xff\xfe,Kabul,false\n", mapped, "line 3", 0},
		{"BOM", "\uFEFFstatement,actor,verdict\nok,Pakistan,false\n", mapped, "", 1},
		{"BOM inside a later cell", "statement,actor,verdict\n\uFEFFok,Pakistan,false\n", mapped, "", 1},
		{"CR, LF and CRLF mixed", "statement,actor,verdict\r\none,Pakistan,false\ntwo,Kabul,true\r\nthree,Kabul,mixed\n", mapped, "", 3},
		{"quotes and newlines inside cells", "statement,actor,verdict\n\"He said \"\"no\"\",\nthen left\",Kabul,false\n", mapped, "", 1},
		{"a 1 MB cell", "statement,actor,verdict\n" + big[:1000] + "," + "Kabul,false\nq,Kabul,false\n", mapped, "", 2},
		{"a 1 MB statement is over the limit", "statement,actor,verdict\nfine,Kabul,false\n" + big + ",Kabul,false\n", mapped, "line 3", 0},
		{"duplicated header", "statement,statement,actor\na,b,Kabul\n", csvio.Options{}, `line 1, column "statement": columns 1 and 2`, 0},
		{"duplicated header, column chosen", "statement,statement,actor\na,b,Kabul\n", csvio.Options{MapSpec: "statement=2"}, "", 1},
		{"no header and no mapping", "a,b,c\n", csvio.Options{NoHeader: true}, "statement", 0},
		{"missing actor column", "statement,verdict\nsomething,false\nother,true\n", mapped, "actor", 0},
		{"unknown verdict", "statement,actor,verdict\nok,Kabul,false\nalso,Kabul,sort of\n", mapped, "line 3", 0},
		{"unknown verdict in TSV", "ok\tKabul\tfalse\nalso\tKabul\tsort of\n", tsv, "line 2", 0},
		{"ragged row", "statement,actor,verdict\nok,Kabul,false\ntoo,many,cells,here\n", mapped, "line 3", 0},
		{"unterminated quote", "statement,actor,verdict\n\"never closed,Kabul,false\n", mapped, "line 2", 0},
		{"empty file", "", csvio.Options{}, "", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := csviotest.Open(t)
			ctx := context.Background()
			b, err := csvio.Read(bytes.NewReader([]byte(tt.data)), tt.opt)
			var res csvio.Result
			if err == nil {
				res, err = csvio.Import(ctx, st, b, nil)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one mentioning %q", err, tt.wantErr)
				}
				if empty, _ := st.IsEmpty(ctx); !empty {
					t.Error("a refused file left rows behind")
				}
				return
			}
			if err != nil && tt.claims > 0 {
				t.Fatal(err)
			}
			if res.ClaimsCreated != tt.claims {
				t.Errorf("created %d claims, want %d (%v)", res.ClaimsCreated, tt.claims, err)
			}
		})
	}
}

// A million rows with one bad row at the end: the error names that line
// and nothing is written.
func TestMillionRowsWithABadLastRow(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("reads a million rows")
	}
	var buf bytes.Buffer
	const n = 1_000_000
	for i := 1; i < n; i++ {
		fmt.Fprintf(&buf, "claim %d\tKabul\tfalse\n", i)
	}
	buf.WriteString("last claim\tKabul\tnot a verdict\n")
	st := csviotest.Open(t)
	b, err := csvio.Read(&buf, csvio.Options{TSV: true, NoHeader: true, MapSpec: "statement=1,actor=2,verdict=3"})
	if err == nil {
		_, err = csvio.Import(context.Background(), st, b, nil)
	}
	var ul *csvio.UnknownLabelsError
	if !errors.As(err, &ul) || len(ul.Labels) != 1 || ul.Labels[0].Line != n {
		t.Fatalf("err = %v, want the unknown label on line %d", err, n)
	}
	if empty, _ := st.IsEmpty(context.Background()); !empty {
		t.Error("rows were written")
	}
}
