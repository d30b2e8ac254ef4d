package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"claims/internal/db"
	"claims/internal/model"
)

// liarTSV is shaped like the PolitiFact LIAR data: no header; id, label,
// statement, subjects, speaker slug, job, state, party, five counts,
// context.
const liarTSV = "21.json\tfalse\tSays the county cut school funding by a third.\teducation,budget\tjane-doe\tSenator\tTexas\tdemocrat\t0\t1\t0\t0\t0\ta mailer\n" +
	"22.json\thalf-true\tUnemployment fell faster here than anywhere else.\tjobs,economy\trick-perry\tGovernor\tTexas\trepublican\t1\t0\t0\t0\t0\ta speech\n" +
	"23.json\tbarely-true\tThe new bridge will cost ten billion dollars.\ttransportation\tjohn-smith\tMayor\tOhio\trepublican\t0\t0\t0\t0\t0\ta debate\n"

// dump is every claim's statement, verdict, tags and source, sorted, read
// back through the list command and sqlite's own tables via the store.
func dump(t *testing.T, path string) string {
	t.Helper()
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	list, err := st.ListClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, c := range list {
		lines = append(lines, fmt.Sprintf("%s|%s|%s|%v|%s", c.ActorName, c.Statement, c.Verdict, c.Tags, c.SourceTitle))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

var setNumber = regexp.MustCompile(`change set (\d+)`)

func TestLIARScenarioKeepsEveryVerdictTagAndSource(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "liar.db")
	file := filepath.Join(dir, "test.tsv")
	if err := os.WriteFile(file, []byte(liarTSV), 0o644); err != nil {
		t.Fatal(err)
	}
	must := func(args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s %s", args, code, out, errOut)
		}
		return out
	}
	must("init", "--db", path)
	must("import", "--db", path, "--no-header", "--map", "statement=3,actor=5,verdict=2,tags=4,source-title=14", file)

	// A reviewer changes a verdict in the window.
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := st.ListClaims(context.Background())
	var perry string
	for _, c := range list {
		if c.ActorName == "rick-perry" {
			perry = c.ID
		}
	}
	if err := st.SetVerdict(db.WithOrigin(context.Background(), db.Origin{Reviewer: "Ayesha", Via: "window"}), perry, model.False); err != nil {
		t.Fatal(err)
	}
	st.Close()
	afterFirst := dump(t, path)
	if !strings.Contains(afterFirst, "[education budget]|a mailer") || !strings.Contains(afterFirst, "anywhere else.|false|") {
		t.Fatalf("after the first import and the edit:\n%s", afterFirst)
	}

	// The same file with only statement and speaker mapped changes nothing.
	out := must("import", "--db", path, "--no-header", "--map", "statement=3,actor=5", file)
	if !strings.Contains(out, "3 unchanged") || !strings.Contains(out, "Nothing in the database changed") {
		t.Errorf("reduced import said: %s", out)
	}
	if got := dump(t, path); got != afterFirst {
		t.Errorf("a reduced mapping changed the database:\n%s\nwant\n%s", got, afterFirst)
	}

	// The history shows who did what to the claim, tab-separated.
	out = must("history", "--db", path, "--claim", perry)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "time\treviewer\tset\tclaim\tfield\told\tnew\tvia" || len(lines) != 3 {
		t.Fatalf("history:\n%s", out)
	}
	if f := strings.Split(lines[2], "\t"); len(f) != 8 || f[1] != "Ayesha" || f[3] != perry || f[4] != "verdict" ||
		f[5] != "mixed" || f[6] != "false" || f[7] != "window" {
		t.Errorf("history line %q", lines[2])
	}

	// A file that changes a verdict the reviewer set is a conflict: nothing
	// is written, and each conflict is named.
	changed := filepath.Join(dir, "changed.tsv")
	os.WriteFile(changed, []byte(strings.Replace(liarTSV, "half-true", "true", 1)), 0o644)
	args := []string{"import", "--db", path, "--no-header", "--map", "statement=3,actor=5,verdict=2", changed}
	code, _, errOut := runCLI(t, args...)
	if code != 1 || !strings.Contains(errOut, "line 2") || !strings.Contains(errOut, "verdict") || !strings.Contains(errOut, "Ayesha") ||
		!strings.Contains(errOut, "--prefer") || strings.Count(strings.ToLower(errOut), "nothing was imported") != 1 {
		t.Fatalf("conflicting import: exit %d %s", code, errOut)
	}
	if got := dump(t, path); got != afterFirst {
		t.Error("a refused import changed the database")
	}
	out = must(append(args[:len(args)-1], "--prefer", "file", changed)...)
	m := setNumber.FindStringSubmatch(out)
	if m == nil || !strings.Contains(dump(t, path), "anywhere else.|true|") {
		t.Fatalf("--prefer file: %s\n%s", out, dump(t, path))
	}
	// Undo of that import restores the state before it; undoing twice is refused.
	out = must("undo", "--db", path, m[1])
	if got := dump(t, path); got != afterFirst {
		t.Errorf("after undo:\n%s\nwant\n%s", got, afterFirst)
	}
	if code, _, errOut := runCLI(t, "undo", "--db", path, m[1]); code != 1 || !strings.Contains(errOut, "undone already") {
		t.Errorf("second undo: exit %d %s", code, errOut)
	}
	redo := setNumber.FindAllStringSubmatch(out, -1)
	if len(redo) < 2 {
		t.Fatalf("undo said: %s", out)
	}
	if code, _, errOut := runCLI(t, "undo", "--db", path, "99"); code != 1 || !strings.Contains(errOut, "no change set 99") {
		t.Errorf("undo of no set: exit %d %s", code, errOut)
	}
	if code, _, _ := runCLI(t, "undo", "--db", path, "x"); code != 2 {
		t.Errorf("undo x: exit %d", code)
	}
}

func TestTrashCLI(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	if code, _, errOut := runCLI(t, "init", "--sample", "--db", path); code != 0 {
		t.Fatal(errOut)
	}
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := st.ListClaims(context.Background())
	victim := list[0]
	if err := st.DeleteClaim(db.WithOrigin(context.Background(), db.Origin{Reviewer: "Bilal", Via: "window"}), victim.ID); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, _ := runCLI(t, "trash", "--db", path)
	if f := strings.Split(strings.TrimSpace(out), "\t"); code != 0 || len(f) != 5 || f[1] != "Bilal" || f[2] != victim.ID {
		t.Fatalf("trash: exit %d %q", code, out)
	}
	if code, out, errOut := runCLI(t, "trash", "--db", path, "--restore", victim.ID); code != 0 {
		t.Fatalf("restore: %s %s", out, errOut)
	}
	if code, out, _ := runCLI(t, "trash", "--db", path); code != 0 || out != "" {
		t.Errorf("trash after restoring: %q", out)
	}
	if code, _, errOut := runCLI(t, "trash", "--db", path, "--restore", victim.ID); code != 1 || !strings.Contains(errOut, "exists already") {
		t.Errorf("restoring twice: exit %d %s", code, errOut)
	}
}

// Two imports run by two processes at once on one file: both land, each
// as its own change set, and nothing is lost.
func TestTwoProcessesImportAtOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.db")
	if code, _, errOut := runCLI(t, "init", "--db", path); code != 0 {
		t.Fatal(errOut)
	}
	var files []string
	for p := range 2 {
		var b strings.Builder
		b.WriteString("claim,claimant,rating\n")
		for i := range 800 {
			fmt.Fprintf(&b, "Statement %d from process %d,Speaker %d,false\n", i, p, i%13)
		}
		f := filepath.Join(dir, fmt.Sprintf("p%d.csv", p))
		os.WriteFile(f, []byte(b.String()), 0o644)
		files = append(files, f)
	}
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for _, f := range files {
		cmd := exec.Command(os.Args[0], "import", "--db", path, "--no-duplicates", f)
		cmd.Env = append(os.Environ(), "CLAIMS_TEST_MAIN=1", "CLAIMS_REVIEWER=proc-"+filepath.Base(f))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &out)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("process %d: %v: %s", i, err, outs[i])
		}
	}
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, _ := st.ListClaims(context.Background())
	sets, _ := st.Sets(context.Background(), 0)
	if len(list) != 1600 || len(sets) != 2 || sets[0].Reviewer == sets[1].Reviewer || !strings.HasPrefix(sets[0].Reviewer, "proc-") {
		t.Errorf("%d claims, sets %+v", len(list), sets)
	}
	if err := st.Check(context.Background()); err != nil {
		t.Error(err)
	}
}
