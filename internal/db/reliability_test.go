package db_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"claims/internal/db"
	"claims/internal/db/pgtest"
	"claims/internal/model"
)

// The tests below start this test binary again as a child process that
// writes to a database; CLAIMS_DB_CHILD says what the child does.
func TestMain(m *testing.M) {
	switch os.Getenv("CLAIMS_DB_CHILD") {
	case "":
		pgtest.Main(m)
	case "writer":
		os.Exit(childWriter(os.Getenv("CLAIMS_DB_PATH"), os.Getenv("CLAIMS_DB_NAME"), atoi(os.Getenv("CLAIMS_DB_COUNT"))))
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// childWriter writes count groups (forever when count is 0), each in one
// transaction: a claim, three counter-claims that deny it, and a note.
func childWriter(path, name string, count int) int {
	st, err := db.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	ctx := context.Background()
	for i := 0; count == 0 || i < count; i++ {
		err := st.Update(ctx, func(tx *db.Tx) error {
			a, err := tx.FindActor(name)
			if errors.Is(err, model.ErrNotFound) {
				a = model.Actor{Name: name}
				err = tx.CreateActor(&a)
			}
			if err != nil {
				return err
			}
			claim := model.Claim{Statement: fmt.Sprintf("%s claim %d", name, i), ActorID: a.ID}
			if err := tx.CreateClaim(&claim); err != nil {
				return err
			}
			for j := 0; j < 3; j++ {
				c := model.Claim{Statement: fmt.Sprintf("%s denial %d.%d", name, i, j), ActorID: a.ID}
				if err := tx.CreateClaim(&c); err != nil {
					return err
				}
				if err := tx.Link(model.Link{FromID: c.ID, ToID: claim.ID, Relation: model.Denies}); err != nil {
					return err
				}
			}
			return tx.AddNote(&model.Annotation{ClaimID: claim.ID, Author: name, Text: "checked"})
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return 0
}

func startWriter(t *testing.T, path, name string, count int) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CLAIMS_DB_CHILD=writer", "CLAIMS_DB_PATH="+path,
		"CLAIMS_DB_NAME="+name, "CLAIMS_DB_COUNT="+strconv.Itoa(count))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// checkGroups opens the file with a plain connection and checks SQLite's
// integrity and that every group was written whole or not at all.
func checkGroups(t *testing.T, path string) (groups int) {
	t.Helper()
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var integrity string
	if err := conn.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check = %q, %v", integrity, err)
	}
	var claims, links, notes int
	err = conn.QueryRow(`SELECT (SELECT count(*) FROM claims), (SELECT count(*) FROM links), (SELECT count(*) FROM annotations)`).
		Scan(&claims, &links, &notes)
	if err != nil {
		t.Fatal(err)
	}
	if claims != 4*notes || links != 3*notes {
		t.Fatalf("a group was half-written: %d claims, %d links, %d notes", claims, links, notes)
	}
	return notes
}

// Killing a writer at random moments never damages the file nor leaves
// half a transaction behind.
func TestKilledWriterLeavesWholeTransactions(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	st, err := db.Open(path) // the schema exists before the first kill
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	const kills = 20
	last := 0
	for i := 0; i < kills; i++ {
		cmd, stderr := startWriter(t, path, "writer", 0)
		time.Sleep(time.Duration(100+rng.Intn(300)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("kill %d: the writer ended before it was killed: %v: %s", i, err, stderr)
		}
		groups := checkGroups(t, path)
		if groups < last {
			t.Fatalf("kill %d: committed groups went from %d to %d", i, last, groups)
		}
		last = groups
	}
	if last == 0 {
		t.Fatal("the writer never committed anything; the test proves nothing")
	}
	t.Logf("%d kills survived, %d whole groups committed", kills, last)
}

// Two processes writing the same file at once both finish, and nothing is
// lost: the busy timeout makes each wait for the other.
func TestTwoWritersLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := filepath.Join(t.TempDir(), "two.db")
	st, err := db.Open(path) // create the schema before the race starts
	if err != nil {
		t.Fatal(err)
	}
	const each = 150
	var wg sync.WaitGroup
	for _, name := range []string{"alpha", "beta"} {
		cmd, stderr := startWriter(t, path, name, each)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := cmd.Wait(); err != nil {
				t.Errorf("writer %s: %v: %s", name, err, stderr)
			}
		}()
	}
	// Meanwhile this process reads and writes too, as an open window would.
	ctx := context.Background()
	a := model.Actor{Name: "reviewer"}
	if err := st.CreateActor(ctx, &a); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		c := model.Claim{Statement: fmt.Sprintf("window claim %d", i), ActorID: a.ID}
		if err := st.CreateClaim(ctx, &c); err != nil {
			t.Fatalf("the window's write failed: %v", err)
		}
		if _, err := st.ListClaims(ctx); err != nil {
			t.Fatalf("the window's read failed: %v", err)
		}
	}
	wg.Wait()
	list, err := st.ListClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if want := 2*each*4 + 50; len(list) != want {
		t.Errorf("%d claims, want %d", len(list), want)
	}
}

func TestBackupWhileInUse(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openTestDB(t)
	a := mustActor(t, st, "Government of Pakistan", model.KindGovernment, "Pakistan")
	mustClaim(t, st, a, "Afghanistan harbours militants")

	// Keep writing while the backup runs.
	stop := make(chan struct{})
	done := make(chan error)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			c := model.Claim{Statement: fmt.Sprintf("claim %d", i), ActorID: a.ID}
			if err := st.CreateClaim(ctx, &c); err != nil {
				done <- err
				return
			}
		}
	}()
	dest := filepath.Join(dir, "backup.db")
	err := st.Backup(ctx, dest)
	close(stop)
	if werr := <-done; werr != nil {
		t.Fatalf("writing during the backup: %v", werr)
	}
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.Open(dest)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer b.Close()
	if got, err := b.FindActor(ctx, "pakistan"); err != nil || got.ID != a.ID {
		t.Errorf("backup lacks the actor: %v", err)
	}
	if err := st.Backup(ctx, dest); err == nil {
		t.Error("a backup overwrote an existing file")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".backup.db.*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestReadOnlyFilesAreRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.db")
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	before, _ := os.ReadFile(path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Open(path); !errors.Is(err, db.ErrReadOnly) {
		t.Errorf("read-only file: %v, want ErrReadOnly", err)
	}
	os.Chmod(path, 0o644)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	if _, err := db.Open(path); !errors.Is(err, db.ErrReadOnly) {
		t.Errorf("file in a read-only folder: %v, want ErrReadOnly", err)
	}
	if _, err := db.Open(filepath.Join(dir, "new.db")); !errors.Is(err, db.ErrReadOnly) {
		t.Errorf("new file in a read-only folder: %v, want ErrReadOnly", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the refused file changed")
	}
}

// Every past schema version has a fixture made by the release that wrote it;
// each must open with all its data.
func TestFixturesOfEverySchemaVersionUpgrade(t *testing.T) {
	ctx := context.Background()
	for v := 1; v <= db.LatestVersion(); v++ {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			src := filepath.Join("testdata", fmt.Sprintf("schema-v%d.db", v))
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatalf("no fixture for schema version %d: %v", v, err)
			}
			path := filepath.Join(t.TempDir(), "fixture.db")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			st, err := db.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			list, err := st.ListClaims(ctx)
			if err != nil {
				t.Fatal(err)
			}
			links, _ := st.Links(ctx)
			actors, _ := st.Actors(ctx)
			// The fixtures hold the sample data of their day.
			if len(list) != 14 || len(links) != 8 || len(actors) != 11 {
				t.Errorf("after opening: %d claims, %d links, %d actors; want 14, 8, 11", len(list), len(links), len(actors))
			}
			if kabul, err := st.FindActor(ctx, "Kabul"); err != nil || kabul.Name != "Afghan government" {
				t.Errorf("alias lookup after upgrade: %v %v", kabul.Name, err)
			}
			baks, _ := filepath.Glob(path + ".v*.bak")
			if (v < db.LatestVersion()) != (len(baks) == 1) {
				t.Errorf("backups beside an upgraded v%d database: %v", v, baks)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	st := openTestDB(t)
	a := mustActor(t, st, "A", model.KindOther)
	mustClaim(t, st, a, "s")
	if err := st.Check(context.Background()); err != nil {
		t.Errorf("a sound database: %v", err)
	}
}
