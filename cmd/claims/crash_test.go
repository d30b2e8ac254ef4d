package main

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"claims/internal/db"
)

// startMain runs this test binary's main (see TestMain) as a child process.
func startMain(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CLAIMS_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// countClaims opens the database, checks it is sound and counts its claims.
func countClaims(t *testing.T, path string) int {
	t.Helper()
	st, err := db.Open(path)
	if err != nil {
		t.Fatalf("the database no longer opens: %v", err)
	}
	defer st.Close()
	if err := st.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	list, err := st.ListClaims(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// The real "claims import", killed with SIGKILL at random moments, leaves a
// sound database holding either the whole file or nothing of it.
func TestImportKilledIsAllOrNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	src, csvFile := filepath.Join(dir, "src.db"), filepath.Join(dir, "big.csv")
	const n = 3000
	if code, _, errOut := runCLI(t, "gen", "--db", src, "--claims", "3000", "--seed", "3"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := runCLI(t, "export", "--db", src, "--format", "claims", "-o", csvFile); code != 0 {
		t.Fatal(errOut)
	}

	// One undisturbed run says how long an import takes.
	full := filepath.Join(dir, "full.db")
	start := time.Now()
	cmd, stderr := startMain(t, "import", "--db", full, csvFile)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("import: %v: %s", err, stderr)
	}
	took := time.Since(start)
	if got := countClaims(t, full); got != n {
		t.Fatalf("a full import holds %d claims, want %d", got, n)
	}

	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	const kills = 20
	var whole, none int
	for i := 0; i < kills; i++ {
		target := filepath.Join(dir, "target.db")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(target + suffix)
		}
		if code, _, errOut := runCLI(t, "init", "--db", target); code != 0 {
			t.Fatal(errOut)
		}
		cmd, stderr := startMain(t, "import", "--db", target, csvFile)
		time.Sleep(time.Duration(rng.Int63n(int64(took))))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && !ws.Signaled() && !cmd.ProcessState.Success() {
			t.Fatalf("kill %d: the import failed by itself: %s", i, stderr)
		}
		switch got := countClaims(t, target); got {
		case n:
			whole++
		case 0:
			none++
		default:
			t.Fatalf("kill %d: the import left %d of %d claims", i, got, n)
		}
	}
	t.Logf("%d kills during a %v import: %d left the whole file, %d left nothing, 0 half-done", kills, took.Round(time.Millisecond), whole, none)
	if none == 0 {
		t.Error("no kill landed during the import; the test proves nothing")
	}
}
