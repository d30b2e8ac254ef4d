package csvio_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"claims/internal/csvio"
	"claims/internal/csvio/csviotest"
	"claims/internal/db"
	"claims/internal/model"
)

func importBytes(t *testing.T, st *db.Store, data []byte, opt csvio.Options) (csvio.Result, error) {
	t.Helper()
	b, err := csvio.Read(bytes.NewReader(data), opt)
	if err != nil {
		return csvio.Result{}, err
	}
	return csvio.Import(context.Background(), st, b, nil)
}

// TestRoundTrip: export → import into an empty database → export gives the
// same bytes, with and without a BOM.
func TestRoundTrip(t *testing.T) {
	first := exportClaims(t, csviotest.Build(t))
	for _, bom := range []bool{false, true} {
		in := first
		if bom {
			in = append([]byte("\uFEFF"), first...)
		}
		st := csviotest.Open(t)
		res, err := importBytes(t, st, in, csvio.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.ClaimsCreated != 8 || res.ActorsCreated != 8 || res.SourcesCreated != 4 || res.Links != 6 || res.NotesAdded != 4 {
			t.Errorf("first import: %v", res)
		}
		if second := exportClaims(t, st); !bytes.Equal(first, second) {
			t.Errorf("bom=%v: re-export differs:\n%s\n---\n%s", bom, first, second)
		}
	}
}

// TestImportTwiceChangesNothing: importing the same file again reports
// every claim unchanged, adds nothing, and the export stays the same.
func TestImportTwiceChangesNothing(t *testing.T) {
	st := csviotest.Build(t)
	before := exportClaims(t, st)
	for i := 0; i < 2; i++ {
		res, err := importBytes(t, st, before, csvio.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := csvio.Result{Rows: 8, ClaimsUnchanged: 8, NotesSkipped: 4}
		if !reflect.DeepEqual(res, want) {
			t.Errorf("import %d: %v, want %v", i+1, res, want)
		}
	}
	if after := exportClaims(t, st); !bytes.Equal(before, after) {
		t.Error("importing the database's own export changed it")
	}
}

// TestImportMergesEdits: a verdict changed in the spreadsheet updates the
// claim; a row whose claim is newer in the database is kept.
func TestImportMergesEdits(t *testing.T) {
	st := csviotest.Build(t)
	file := string(exportClaims(t, st))
	edited := strings.Replace(file, "Kabul denies any role in the bombing and rejects the allegation.,Afghan soil is not used against any country.,Afghan government,government,\"Afghan authorities\nKabul\",actor-afghanistan,Government of Pakistan,source-besham,Pakistan says attack on Chinese engineers was planned in Afghanistan,Example Wire,https://example.org/news/besham,2024-03-27,2024-03-27,unreviewed",
		"Kabul denies any role in the bombing and rejects the allegation.,Afghan soil is not used against any country.,Afghan government,government,\"Afghan authorities\nKabul\",actor-afghanistan,Government of Pakistan,source-besham,Pakistan says attack on Chinese engineers was planned in Afghanistan,Example Wire,https://example.org/news/besham,2024-03-27,2024-03-27,mostly-true", 1)
	if edited == file {
		t.Fatal("edit did not apply")
	}
	ctx := context.Background()
	if err := st.SetVerdict(ctx, csviotest.USDenial, model.True); err != nil { // newer in the database
		t.Fatal(err)
	}
	res, err := importBytes(t, st, []byte(edited), csvio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.ClaimsUpdated != 1 || res.ClaimsKept != 1 || res.ClaimsUnchanged != 6 {
		t.Errorf("result %v", res)
	}
	c, _ := st.Claim(ctx, csviotest.KabulDenial)
	us, _ := st.Claim(ctx, csviotest.USDenial)
	if c.Verdict != model.MostlyTrue || us.Verdict != model.True {
		t.Errorf("verdicts after merge: Kabul %s, US %s", c.Verdict, us.Verdict)
	}
}

// TestMalformedRowsLeaveDatabaseUnchanged: each broken file is refused with
// its line, the column and the reason, and nothing is written.
func TestMalformedRowsLeaveDatabaseUnchanged(t *testing.T) {
	good := string(exportClaims(t, csviotest.Build(t)))
	// A file whose rows are all new claims, so that a partial write would
	// show in the export.
	file := strings.ReplaceAll(good, "01HV00000000000000000000", "01HW00000000000000000000")
	file = strings.ReplaceAll(file, "actor-", "other-actor-")
	tests := []struct {
		name     string
		old, new string
		mark     string // the expected line is where this starts; "" = new
		column   string
		reason   string
	}{
		{"wrong column count", "2024-03-27T09:06:00.000Z,2024-03-27T09:06:00.000Z", "2024-03-27T09:06:00.000Z,2024-03-27T09:06:00.000Z,extra",
			"01HW0000000000000000000007,Pakistani", "", fmt.Sprintf("has %d columns", len(csvio.ClaimsColumns())+1)},
		{"bad verdict", ",,,,,mostly-true,", ",,,,,rubbish,", "rubbish", "verdict", "rubbish"},
		{"bad date", "2024-03-27,2024-03-26,", "2024-03-27,March 26,", "March 26", "date made", "not a date"},
		{"bad publication date", "2022-04,2022-04,", "2022-13,2022-04,", "", "publication date", "not a date"},
		{"unterminated quote", "\n01HW0000000000000000000008,", "\n01HW0000000000000000000008,\"never closed,", "01HW0000000000000000000008,\"never", "", "not closed"},
		{"stray quote", "Afghan soil is not", "Afghan \"soil\" is not", "01HW0000000000000000000002,Kabul", "", "quote"},
		{"invalid UTF-8", "Kabul denies any role", "Kabul denies \xff role", "", "counter-claims", "UTF-8"},
		{"missing actor", "Pakistan military,military,,other-actor-military", ",military,,", "01HW0000000000000000000005,The military", "actor", "required"},
		{"unknown counter-claim", "01HW0000000000000000000008,,,2024", "01HW0000000000000000000077,,,2024", "", "counter-claim ids", "no claim has id"},
		{"bad url", "https://example.org/news/besham,2024-03-27,2024-03-27", "javascript:alert(1),2024-03-27,2024-03-27", "", "url", "http"},
		{"bad time", "2024-03-27T09:04:00.000Z,2024-03-27T09:04:00.000Z", "2024-03-27T09:04:00.000Z,yesterday", "yesterday", "updated at", "not a time"},
		{"bad note", "| A. Reviewer | No evidence", "| No evidence", "2024-03-27T09:20", "notes", "TIME | author | text"},
		{"duplicate id", "01HW0000000000000000000005,", "01HW0000000000000000000004,", "01HW0000000000000000000004,The military", "id", "also on line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := strings.Replace(file, tt.old, tt.new, 1)
			if bad == file {
				t.Fatal("the corruption did not apply")
			}
			mark := tt.mark
			if mark == "" {
				mark = tt.new
			}
			line := 1 + strings.Count(bad[:strings.Index(bad, mark)], "\n")
			st := csviotest.Build(t)
			before := exportClaims(t, st)
			_, err := importBytes(t, st, []byte(bad), csvio.Options{})
			var re *csvio.RowError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, want a RowError", err)
			}
			if re.Line != line || re.Column != tt.column || !strings.Contains(re.Reason, tt.reason) {
				t.Errorf("got line %d column %q reason %q; want line %d column %q reason containing %q",
					re.Line, re.Column, re.Reason, line, tt.column, tt.reason)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("line %d", line)) {
				t.Errorf("message %q does not say the line", err)
			}
			if after := exportClaims(t, st); !bytes.Equal(before, after) {
				t.Error("the database changed")
			}
		})
	}
}

// TestInjectionPayloadsRoundTrip: OWASP payloads in every text column of an
// imported file are stored as text, exported guarded, and read back the same.
func TestInjectionPayloadsRoundTrip(t *testing.T) {
	payloads := []string{"=cmd|' /C calc'!A0", "+SUM(1,1)", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1", "'=already guarded"}
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	var b strings.Builder
	b.WriteString("statement,quote,actor,subjects,source title,outlet,notes,tags\r\n")
	for i, p := range payloads {
		q := quote(p + " " + string(rune('a'+i)))
		tag := quote(strings.ToLower(strings.NewReplacer(",", "", ";", "").Replace(p)))
		b.WriteString(strings.Join([]string{q, q, q, q, q, q, q, tag}, ",") + "\r\n")
	}
	st := csviotest.Open(t)
	if _, err := importBytes(t, st, []byte(b.String()), csvio.Options{}); err != nil {
		t.Fatal(err)
	}
	out := exportClaims(t, st)
	st2 := csviotest.Open(t)
	if _, err := importBytes(t, st2, out, csvio.Options{}); err != nil {
		t.Fatal(err)
	}
	if again := exportClaims(t, st2); !bytes.Equal(out, again) {
		t.Errorf("payload export does not round-trip:\n%s\n---\n%s", out, again)
	}
	claims, _ := st2.ListClaims(context.Background())
	found := 0
	for _, c := range claims {
		for _, p := range payloads {
			if strings.HasPrefix(c.Statement, strings.TrimSpace(p)) {
				found++
			}
		}
	}
	if found < len(payloads) {
		t.Errorf("only %d of %d payload statements came back as text", found, len(payloads))
	}
}

// TestMappedTSVWithoutHeader imports the synthetic header-less TSV through a
// column mapping and a verdict override.
func TestMappedTSVWithoutHeader(t *testing.T) {
	data, err := os.ReadFile("testdata/factchecks.tsv")
	if err != nil {
		t.Fatal(err)
	}
	st := csviotest.Build(t)
	vm, err := csvio.ParseVerdictMap("Four Pinocchios=false; Needs a look=unreviewed")
	if err != nil {
		t.Fatal(err)
	}
	b, err := csvio.ReadTable(bytes.NewReader(data), csvio.Options{TSV: true, NoHeader: true}, 0)
	if err != nil {
		t.Fatal(err)
	}
	m, err := csvio.ParseMapping("statement=2,actor=3,verdict=4,made-on=5,url=6,outlet=7,tags=8,notes=9", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	opt := csvio.Options{TSV: true, NoHeader: true, Mapping: m, Verdict: vm}
	batch, err := csvio.Parse(b, opt)
	if err != nil {
		t.Fatal(err)
	}
	res, err := csvio.Import(context.Background(), st, batch, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 6 || res.ClaimsCreated != 6 || res.NotesAdded != 2 {
		t.Errorf("result %v", res)
	}
	// "Kabul" is an alias of the fixture's Afghan government: no new actor.
	if res.ActorsCreated != 3 {
		t.Errorf("%d actors created, want 3 (Kabul and Islamabad are aliases)", res.ActorsCreated)
	}
	ctx := context.Background()
	claims, _ := st.ListClaims(ctx)
	want := map[string]model.Verdict{
		"Synthetic claim one":   model.False,      // pants-fire
		"Synthetic claim two":   model.Mixed,      // half-true
		"Synthetic claim three": model.Misleading, // mostly-false
		"Synthetic claim four":  model.False,      // Four Pinocchios, by override
		"Synthetic claim five":  model.Unreviewed, // Needs a look, by override
		"Synthetic claim six":   model.False,      // Pants on Fire!
	}
	for _, c := range claims {
		for prefix, v := range want {
			if strings.HasPrefix(c.Statement, prefix) {
				if c.Verdict != v {
					t.Errorf("%q verdict %s, want %s", c.Statement, c.Verdict, v)
				}
				if prefix == "Synthetic claim three" && !strings.Contains(c.Statement, `said "nothing" about`) {
					t.Errorf("TSV quotes not kept as they are: %q", c.Statement)
				}
				if prefix == "Synthetic claim one" && (c.ActorName != "Afghan government" || c.MadeOn != "2024-03-28") {
					t.Errorf("claim one: actor %q, made on %q", c.ActorName, c.MadeOn)
				}
				delete(want, prefix)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("claims not imported: %v", want)
	}
	// Importing the same file again merges by actor and statement.
	batch, _ = csvio.Parse(b, opt)
	res, err = csvio.Import(ctx, st, batch, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.ClaimsCreated != 0 || res.ClaimsUnchanged != 6 || res.NotesAdded != 0 || res.ActorsCreated != 0 || res.SourcesCreated != 0 {
		t.Errorf("second import: %v", res)
	}
	// An unknown label aborts, naming the label and its line.
	b2, _ := csvio.ReadTable(bytes.NewReader(data), csvio.Options{TSV: true, NoHeader: true}, 0)
	_, err = csvio.Parse(b2, csvio.Options{TSV: true, NoHeader: true, Mapping: m})
	var ul *csvio.UnknownLabelsError
	if !errors.As(err, &ul) || len(ul.Labels) != 1 || ul.Labels[0].Line != 5 || ul.Labels[0].Label != "Needs a look" {
		t.Errorf("unknown label: %v", err)
	}
}

func TestGuessMapping(t *testing.T) {
	m := csvio.GuessMapping([]string{"Claim", "Claimant", "Claim Date", "Textual Rating", "URL", "Publisher Name", "Something"})
	want := csvio.Mapping{csvio.FStatement: 0, csvio.FActor: 1, csvio.FMadeOn: 2, csvio.FVerdict: 3, csvio.FURL: 4, csvio.FOutlet: 5}
	if m.String() != want.String() {
		t.Errorf("guess %s, want %s", m, want)
	}
	m2, err := csvio.ParseMapping("statement=Something,verdict=-", []string{"Claim", "Claimant", "Claim Date", "Textual Rating", "URL", "Publisher Name", "Something"}, m)
	if err != nil || m2[csvio.FStatement] != 6 {
		t.Errorf("override: %v %v", m2, err)
	}
	if _, ok := m2[csvio.FVerdict]; ok {
		t.Error("verdict=- did not unmap")
	}
	if _, err := csvio.ParseMapping("nonsense=1", nil, nil); err == nil {
		t.Error("unknown field accepted")
	}
}

// TestLargeBatch exercises the path large imports take (the database's
// claims read up front): a spreadsheet of 600 rows with a repeated row,
// imported twice, then round-tripped through the app's own shape.
func TestLargeBatch(t *testing.T) {
	var b strings.Builder
	b.WriteString("claim,claimant,rating\n")
	for i := 0; i < 600; i++ {
		fmt.Fprintf(&b, "Synthetic statement %d,Actor %d,%s\n", i, i%7, []string{"true", "pants-fire", "half-true"}[i%3])
	}
	b.WriteString("Synthetic statement 5,Actor 5,Half True\n") // the same as row 5
	st := csviotest.Open(t)
	res, err := importBytes(t, st, []byte(b.String()), csvio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.ClaimsCreated != 600 || res.ClaimsUnchanged != 1 || res.ActorsCreated != 7 {
		t.Errorf("first import: %v", res)
	}
	res, err = importBytes(t, st, []byte(b.String()), csvio.Options{})
	if err != nil || res.ClaimsUnchanged != 601 || res.ClaimsCreated != 0 {
		t.Errorf("second import: %v %v", res, err)
	}
	out := exportClaims(t, st)
	st2 := csviotest.Open(t)
	if _, err := importBytes(t, st2, out, csvio.Options{}); err != nil {
		t.Fatal(err)
	}
	if again := exportClaims(t, st2); !bytes.Equal(out, again) {
		t.Error("600-row export does not round-trip")
	}
	res, err = importBytes(t, st2, out, csvio.Options{})
	if err != nil || res.ClaimsUnchanged != 600 {
		t.Errorf("re-import of the export: %v %v", res, err)
	}
}
