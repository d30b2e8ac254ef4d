package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claims/internal/db"
	"claims/internal/db/pgtest"
	"claims/internal/model"
)

// Every command works on a PostgreSQL database: init with roles, grant,
// list, import, export, history, undo, check, backup; and a copy taken
// offline merges back by the import's rules.
func TestTeamDatabaseCLI(t *testing.T) {
	srv := pgtest.Start(t)
	url := pgtest.NewDatabase(t)
	name := pgtest.DatabaseName(url)
	dir := t.TempDir()
	must := func(args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
		return out
	}
	out := must("init", "--db", url, "--sample", "--roles")
	if !strings.Contains(out, name+"_reviewer") || !strings.Contains(out, "14 sample claims") {
		t.Errorf("init: %s", out)
	}
	srv.Exec(t, "", "CREATE ROLE cli_ayesha LOGIN PASSWORD 'pw'", "CREATE ROLE cli_victor LOGIN PASSWORD 'pw'")
	t.Cleanup(func() {
		srv.Exec(t, name, "DROP OWNED BY cli_ayesha, cli_victor CASCADE")
		srv.Exec(t, "", "DROP ROLE IF EXISTS cli_ayesha", "DROP ROLE IF EXISTS cli_victor")
	})
	must("grant", "--db", url, "cli_ayesha", "reviewer")
	must("grant", "--db", url, "cli_victor", "viewer")
	if code, _, errOut := runCLI(t, "grant", "--db", url, "cli_victor", "admin"); code != 2 {
		t.Errorf("grant of an unknown role: exit %d %s", code, errOut)
	}
	ayesha := srv.URL("cli_ayesha", "pw", name)
	victor := srv.URL("cli_victor", "pw", name)

	if lines := strings.Count(must("list", "--db", victor), "\n"); lines != 14 {
		t.Errorf("a viewer lists %d claims", lines)
	}
	csv := filepath.Join(dir, "more.csv")
	writeFile(t, csv, "claim,claimant,rating\nThe dam will be finished next year.,Water ministry,false\n")
	code, _, errOut := runCLI(t, "import", "--db", victor, "--no-duplicates", csv)
	if code != 1 || !strings.Contains(errOut, "not change it") {
		t.Errorf("a viewer's import: exit %d %s", code, errOut)
	}
	out = must("import", "--db", ayesha, "--no-duplicates", csv)
	set := setNumber.FindStringSubmatch(out)
	if set == nil {
		t.Fatalf("import: %s", out)
	}
	hist := must("history", "--db", url)
	if !strings.Contains(hist, "\tcli_ayesha\t"+set[1]+"\t") || !strings.Contains(hist, "import of more.csv") {
		t.Errorf("history does not sign the import with the server user:\n%s", hist)
	}
	exported := filepath.Join(dir, "x.csv")
	must("export", "--db", victor, "-o", exported)
	must("check", "--db", url)
	must("undo", "--db", ayesha, set[1])
	if lines := strings.Count(must("list", "--db", url), "\n"); lines != 14 {
		t.Errorf("after undoing the import: %d claims", lines)
	}

	// Offline: a copy in a file, edited; meanwhile the team edits too.
	offline := filepath.Join(dir, "offline.db")
	out = must("copy", "--from", url, "--to", offline)
	if !strings.Contains(out, "14 claims") {
		t.Errorf("copy: %s", out)
	}
	st, err := db.Open(offline)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := st.ListClaims(context.Background())
	first, second := list[0].ID, list[1].ID
	must2 := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must2(st.SetVerdict(context.Background(), first, model.False))       // both edit this one
	must2(st.SetTags(context.Background(), second, []string{"offline"})) // only the copy edits this one
	st.Close()
	team, err := db.Open(ayesha)
	if err != nil {
		t.Fatal(err)
	}
	must2(team.SetVerdict(context.Background(), first, model.True))
	must2(team.SetVerdict(context.Background(), second, model.Mixed)) // only the team edits this field
	team.Close()

	code, _, errOut = runCLI(t, "copy", "--from", offline, "--to", ayesha)
	if code != 1 || !strings.Contains(errOut, "1 value(s)") || !strings.Contains(errOut, "verdict") ||
		!strings.Contains(errOut, "Nothing was merged") || strings.Contains(errOut, "imported") {
		t.Fatalf("merging back over a conflict: exit %d %s", code, errOut)
	}
	must("copy", "--from", offline, "--to", ayesha, "--prefer", "db")
	team, _ = db.Open(url)
	defer team.Close()
	a, _ := team.Claim(context.Background(), first)
	b, _ := team.Claim(context.Background(), second)
	if a.Verdict != model.True || b.Verdict != model.Mixed || fmt.Sprint(b.Tags) != "[offline]" {
		t.Errorf("after the merge: %s %s %v", a.Verdict, b.Verdict, b.Tags)
	}

	// A backup of a server database is an SQLite file that opens.
	backup := filepath.Join(dir, "team-backup.db")
	must("backup", "--db", url, "--to", backup)
	if lines := strings.Count(must("list", "--db", backup), "\n"); lines != 14 {
		t.Errorf("the backup lists %d claims", lines)
	}
	// A wrong password says so.
	code, _, errOut = runCLI(t, "list", "--db", srv.URL("cli_ayesha", "nope", name))
	if code != 1 || !strings.Contains(errOut, "refused the password") || strings.Contains(errOut, "nope") {
		t.Errorf("wrong password: exit %d %s", code, errOut)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
