package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claims/internal/csvio/csviotest"
	"claims/internal/db"
)

// fixtureDB writes the csvio test fixture to a database file and returns
// its path.
func fixtureDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fixture.db")
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := csviotest.Fill(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExportImportRoundTripCLI(t *testing.T) {
	src := fixtureDB(t)
	dir := t.TempDir()
	code, first, errOut := runCLI(t, "export", "--db", src, "--format", "claims")
	if code != 0 || errOut != "" {
		t.Fatalf("export: exit %d, stderr %q", code, errOut)
	}
	file := filepath.Join(dir, "claims.csv")
	if code, _, errOut := runCLI(t, "export", "--db", src, "-o", file, "--bom"); code != 0 {
		t.Fatalf("export -o: exit %d: %s", code, errOut)
	}
	data, _ := os.ReadFile(file)
	if !bytes.Equal(data, append([]byte("\uFEFF"), first...)) {
		t.Error("-o --bom file is not the stdout export with a BOM")
	}
	empty := filepath.Join(dir, "empty.db")
	code, out, errOut := runCLI(t, "import", "--db", empty, file)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "8 claims created") || !strings.Contains(out, "8 actors created") || !strings.Contains(out, "4 notes added") {
		t.Errorf("import output %q", out)
	}
	_, second, _ := runCLI(t, "export", "--db", empty)
	if second != first {
		t.Errorf("round trip through the CLI changed the export:\n%s\n---\n%s", first, second)
	}
	code, out, _ = runCLI(t, "import", "--db", empty, file)
	if code != 0 || !strings.Contains(out, "0 claims created, 0 updated, 8 unchanged") || !strings.Contains(out, "0 notes added") {
		t.Errorf("second import: exit %d, %q", code, out)
	}
}

func TestExportFormatsCLI(t *testing.T) {
	src := fixtureDB(t)
	code, out, errOut := runCLI(t, "export", "--db", src, "--format", "pairs")
	if code != 0 || !strings.HasPrefix(out, "claim id,claim actor,") || strings.Count(out, "\r\n") != 6 {
		t.Errorf("pairs: exit %d %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "export", "--db", src, "--format", "claimreview", "--org-name", "Example Desk", "--org-url", "https://example.org")
	var doc map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || !strings.Contains(out, `"name": "Example Desk"`) {
		t.Errorf("claimreview: exit %d %q %q", code, out[:min(len(out), 200)], errOut)
	}
}

func TestExportFailureLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(target, []byte("previous export"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "export", "--db", filepath.Join(dir, "missing.db"), "-o", target)
	if code == 0 || errOut == "" {
		t.Errorf("export of a missing database: exit %d %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "export", "--db", fixtureDB(t), "--format", "xml", "-o", target)
	if code != 2 || !strings.Contains(errOut, "--format") {
		t.Errorf("bad format: exit %d %q", code, errOut)
	}
	if data, _ := os.ReadFile(target); string(data) != "previous export" {
		t.Errorf("the earlier file was touched: %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left-over files: %v", entries)
	}
}

func TestImportMappedTSVCLI(t *testing.T) {
	dbPath := fixtureDB(t)
	tsv := filepath.Join("..", "..", "internal", "csvio", "testdata", "factchecks.tsv")
	args := []string{"import", "--db", dbPath, "--no-header", "--map", "statement=2,actor=3,verdict=4,date-made=5,url=6,outlet=7,tags=8,notes=9"}
	// Without the override "Needs a look" is unknown: nothing is imported.
	code, _, errOut := runCLI(t, append(args, tsv)...)
	if code != 1 || !strings.Contains(errOut, `"Needs a look": 1 row, first on line 5`) || !strings.Contains(errOut, "nothing was imported") {
		t.Fatalf("unknown label: exit %d %q", code, errOut)
	}
	code, out, errOut := runCLI(t, append(args, "--verdict-map", "Needs a look=unreviewed", tsv)...)
	if code != 0 || !strings.Contains(out, "6 claims created") {
		t.Fatalf("mapped import: exit %d %q %q", code, out, errOut)
	}
	code, out, _ = runCLI(t, "list", "--db", dbPath)
	if code != 0 || strings.Count(out, "Synthetic claim") != 6 {
		t.Errorf("list after import: %q", out)
	}
}

func TestImportErrorsCLI(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("statement,actor,verdict\nA claim,Someone,true\n\"unterminated,Someone,false\n"), 0o644)
	dbPath := fixtureDB(t)
	_, before, _ := runCLI(t, "export", "--db", dbPath)
	code, _, errOut := runCLI(t, "import", "--db", dbPath, bad)
	if code != 1 || !strings.Contains(errOut, "line 3") {
		t.Errorf("unterminated quote: exit %d %q", code, errOut)
	}
	if _, after, _ := runCLI(t, "export", "--db", dbPath); after != before {
		t.Error("a failed import changed the database")
	}
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"import", bad}, "--db"},
		{[]string{"import", "--db", dbPath}, "FILE"},
		{[]string{"import", "--db", dbPath, "--no-header", bad}, "--map"},
		{[]string{"import", "--db", dbPath, "--format", "xls", bad}, "csv or tsv"},
	} {
		if code, _, errOut := runCLI(t, tt.args...); code != 2 || !strings.Contains(errOut, tt.says) {
			t.Errorf("%v: exit %d %q", tt.args, code, errOut)
		}
	}
}

// TestImportReportsDuplicatesCLI: a new claim that repeats one already in
// the sample database is reported with its line and the claim it repeats;
// an unrelated one is not, and --no-duplicates skips the check.
func TestImportReportsDuplicatesCLI(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "claims.db")
	if code, _, errOut := runCLI(t, "init", "--sample", "--db", dbPath); code != 0 {
		t.Fatalf("init: %s", errOut)
	}
	file := filepath.Join(dir, "partner.csv")
	os.WriteFile(file, []byte("statement,actor\n"+
		"\"Afghanistan planned the March suicide bombing that killed five Chinese engineers\",Government of Pakistan\n"+
		"The city council approved a new budget for road repairs,City council\n"), 0o644)
	code, out, errOut := runCLI(t, "import", "--db", dbPath, file)
	if code != 0 {
		t.Fatalf("import: exit %d %q", code, errOut)
	}
	if !strings.Contains(out, "1 of the 2 new claims looks like") || !strings.Contains(out, "line 2, new claim") ||
		!strings.Contains(out, "like sample-claim-pk-bombing (Government of Pakistan)") {
		t.Errorf("no duplicate report for line 2:\n%s", out)
	}
	if strings.Contains(out, "line 3") {
		t.Errorf("the council's claim reported as a duplicate:\n%s", out)
	}

	other := filepath.Join(dir, "other.csv")
	os.WriteFile(other, []byte("statement,actor\n\"Afghanistan planned the March suicide bombing that killed five Chinese engineers and their driver\",Government of Pakistan\n"), 0o644)
	code, out, _ = runCLI(t, "import", "--db", dbPath, "--no-duplicates", other)
	if code != 0 || !strings.Contains(out, "1 claims created") || strings.Contains(out, "like") {
		t.Errorf("--no-duplicates: exit %d\n%s", code, out)
	}
}
