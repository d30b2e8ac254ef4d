package main

import (
	"claims/internal/db/pgtest"

	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command line in-process and returns its exit code and
// output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestInitSampleAndList(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	if code, out, errOut := runCLI(t, "init", "--sample", "--db", path); code != 0 {
		t.Fatalf("init exit %d: %s %s", code, out, errOut)
	}
	code, out, errOut := runCLI(t, "list", "--db", path)
	if code != 0 {
		t.Fatalf("list exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var bombing, khan []string
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 6 {
			t.Fatalf("line has %d fields, want 6: %q", len(f), l)
		}
		switch {
		case f[1] == "Government of Pakistan" && strings.Contains(f[2], "Chinese engineers"):
			bombing = f
		case f[1] == "Imran Khan":
			khan = f
		}
	}
	if bombing == nil || bombing[4] != "1" || bombing[5] != "Afghan government" || bombing[3] != "unreviewed" {
		t.Errorf("bombing allegation line = %q", bombing)
	}
	if khan == nil || khan[4] != "3" {
		t.Fatalf("Khan line = %q", khan)
	}
	for _, who := range []string{"United States government", "Pakistan military", "Imran Khan's political opponents"} {
		if !strings.Contains(khan[5], who) {
			t.Errorf("Khan's counter-claim actors %q lack %q", khan[5], who)
		}
	}
}

func TestInitRefusesADatabaseWithClaims(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	if code, _, _ := runCLI(t, "init", "--sample", "--db", path); code != 0 {
		t.Fatal("first init failed")
	}
	code, _, errOut := runCLI(t, "init", "--sample", "--db", path)
	if code == 0 || !strings.Contains(errOut, "already holds claims") {
		t.Errorf("second init: exit %d, stderr %q", code, errOut)
	}
}

func TestErrorsGoToStderrWithNonZeroExit(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"list"}, 2, "--db PATH is required"},
		{[]string{"list", "--db", filepath.Join(dir, "missing.db")}, 1, "claims init"},
		{[]string{"list", "--db", text}, 1, "not a Claims database"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"list", "--db", text, "--bogus"}, 2, "flag provided but not defined"},
	} {
		code, out, errOut := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.says) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d saying %q", tt.args, code, out, errOut, tt.code, tt.says)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("list created the missing database")
	}
}

func TestHelpListsCommands(t *testing.T) {
	code, out, _ := runCLI(t, "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"claims init --db PATH|URL [--sample] [--roles]", "claims list --db PATH", "claims [--db PATH]", "sample claims",
		"claims history --db PATH [--claim ID]", "claims undo --db PATH SET", "claims trash", "claims copy --from", "claims grant --db URL"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
	if code, _, errOut := runCLI(t, "list", "--help"); code != 0 || !strings.Contains(errOut, "Usage: claims list") {
		t.Errorf("list --help: exit %d, %q", code, errOut)
	}
}

// TestMain lets a test run the real binary's main in a child process, with
// its own environment, by setting CLAIMS_TEST_MAIN=1.
func TestMain(m *testing.M) {
	if os.Getenv("CLAIMS_TEST_MAIN") == "1" {
		main()
		return
	}
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

// Command-line use prints nothing but its answer, even under the C.UTF-8
// locale that servers and containers use.
func TestCommandLineIsQuietUnderCLocale(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{{"init", "--db", path}, {"list", "--db", path}} {
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), "CLAIMS_TEST_MAIN=1", "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v: %s", args, err, errOut.String())
		}
		if errOut.Len() != 0 {
			t.Errorf("%v wrote to stderr: %s", args, errOut.String())
		}
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	path, copyPath := filepath.Join(dir, "x.db"), filepath.Join(dir, "copy.db")
	if code, _, errOut := runCLI(t, "init", "--sample", "--db", path); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := runCLI(t, "backup", "--db", path, "--to", copyPath); code != 0 {
		t.Fatalf("backup: %s", errOut)
	}
	_, orig, _ := runCLI(t, "list", "--db", path)
	_, copied, _ := runCLI(t, "list", "--db", copyPath)
	if orig != copied || orig == "" {
		t.Errorf("the copy lists differently:\n%s\nvs\n%s", copied, orig)
	}
	if code, _, errOut := runCLI(t, "backup", "--db", path, "--to", copyPath); code == 0 || !strings.Contains(errOut, "already exists") {
		t.Errorf("backup over an existing file: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "backup", "--db", path); code != 2 || !strings.Contains(errOut, "--to") {
		t.Errorf("backup without --to: exit %d, %q", code, errOut)
	}
}
