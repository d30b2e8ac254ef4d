package db

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"claims/internal/model"
)

func pragma(t *testing.T, path, name string) string {
	t.Helper()
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var v string
	if err := conn.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestOpenCreatesMigratedWALDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got, want := pragma(t, path, "user_version"), fmt.Sprint(LatestVersion()); got != want {
		t.Errorf("user_version = %s, want %s", got, want)
	}
	if got := pragma(t, path, "journal_mode"); got != "wal" {
		t.Errorf("journal_mode = %s, want wal", got)
	}
	if got := pragma(t, path, "application_id"); got != "1131179379" {
		t.Errorf("application_id = %s", got)
	}
	// Reopening an up-to-date database migrates nothing and backs up nothing.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if baks, _ := filepath.Glob(path + ".*.bak"); len(baks) != 0 {
		t.Errorf("reopening wrote backups %v", baks)
	}
}

func TestOpenAdoptsEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("an empty file should become a new database: %v", err)
	}
	s.Close()
}

func TestOpenRefusesOtherFilesUntouched(t *testing.T) {
	dir := t.TempDir()
	otherApp := filepath.Join(dir, "other.sqlite")
	conn, err := sql.Open("sqlite", otherApp)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x')`); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	good := filepath.Join(dir, "good.db")
	s, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	a := model.Actor{Name: "A"}
	if err := s.CreateActor(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	s.Close()
	goodBytes, _ := os.ReadFile(good)
	truncated := filepath.Join(dir, "truncated.db")
	if err := os.WriteFile(truncated, goodBytes[:len(goodBytes)/2], 0o644); err != nil {
		t.Fatal(err)
	}

	newer := filepath.Join(dir, "newer.db")
	if err := os.WriteFile(newer, goodBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	conn, _ = sql.Open("sqlite", newer)
	if _, err := conn.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("Pakistan has accused Afghanistan...\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	short := filepath.Join(dir, "short.db")
	if err := os.WriteFile(short, []byte("SQLite"), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		name, path string
		want       error
		says       string
	}{
		{"text file", text, ErrNotClaimsDB, "not an SQLite database"},
		{"tiny file", short, ErrNotClaimsDB, "not an SQLite database"},
		{"another application's database", otherApp, ErrNotClaimsDB, "another application"},
		{"newer schema", newer, ErrNewerSchema, "update Claims"},
		{"truncated", truncated, ErrCorrupt, "header promises"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before, err := os.ReadFile(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Open(tt.path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), tt.path) {
				t.Errorf("Open = %v, want %v naming the file and saying %q", err, tt.want, tt.says)
			}
			after, _ := os.ReadFile(tt.path)
			if !bytes.Equal(before, after) {
				t.Error("the refused file was modified")
			}
		})
	}
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("opening a folder: %v", err)
	}
}

func TestMigrationUpgradesAndBacksUp(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	v2 := migrationFS[:2]
	s, err := open(ctx, path, v2)
	if err != nil {
		t.Fatal(err)
	}
	a := model.Actor{Name: "Imran Khan", Kind: model.KindPerson}
	if err := s.CreateActor(ctx, &a); err != nil {
		t.Fatal(err)
	}
	s.Close()

	next, err := loadMigrations(fstest.MapFS{
		"m/0001_initial.sql":  {Data: []byte(v2[0].sql)},
		"m/0002_history.sql":  {Data: []byte(v2[1].sql)},
		"m/0003_reviewed.sql": {Data: []byte(`ALTER TABLE claims ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT ''`)},
	}, "m", "")
	if err != nil {
		t.Fatal(err)
	}
	s, err = open(ctx, path, next)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.FindActor(ctx, "imran khan")
	s.Close()
	if err != nil || got.ID != a.ID {
		t.Errorf("data lost in the upgrade: %v, %v", got, err)
	}
	if v := pragma(t, path, "user_version"); v != "3" {
		t.Errorf("user_version = %s, want 3", v)
	}
	baks, _ := filepath.Glob(path + ".v2-*.bak")
	if len(baks) != 1 {
		t.Fatalf("backups = %v, want one", baks)
	}
	if v := pragma(t, baks[0], "user_version"); v != "2" {
		t.Errorf("backup is at version %s, want 2", v)
	}

	// A failing migration leaves the database at its last good version.
	broken, _ := loadMigrations(fstest.MapFS{
		"m/0001_initial.sql": {Data: []byte(v2[0].sql)},
		"m/0002_bad.sql":     {Data: []byte(`CREATE TABLE actors (id TEXT)`)},
	}, "m", "")
	path2 := filepath.Join(t.TempDir(), "b.db")
	if _, err := open(ctx, path2, broken); err == nil || !strings.Contains(err.Error(), "0002_bad.sql") {
		t.Errorf("broken migration: %v", err)
	}
	if v := pragma(t, path2, "user_version"); v != "1" {
		t.Errorf("after a failed migration user_version = %s, want 1", v)
	}
}

func TestLoadMigrationsRejectsGaps(t *testing.T) {
	_, err := loadMigrations(fstest.MapFS{
		"m/0001_a.sql": {Data: []byte("SELECT 1")},
		"m/0003_c.sql": {Data: []byte("SELECT 1")},
	}, "m", "")
	if err == nil {
		t.Error("a gap in migration numbers was accepted")
	}
}

func TestCheckFindsBrokenReferences(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Another program, with foreign keys off, leaves a link to nowhere.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO links (from_id, to_id, relation, created_at) VALUES ('ghost-a', 'ghost-b', 'denies', '2026-01-01T00:00:00.000Z')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	err = s.Check(context.Background())
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "refer to rows that do not exist") {
		t.Errorf("Check = %v, want ErrCorrupt about missing rows", err)
	}
}

// A file another connection holds locked for a moment (a writer
// checkpointing, a window closing it) opens once it is free; it is not
// reported as damaged.
func TestOpenWaitsForALockedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	holder, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	holder.SetMaxOpenConns(1)
	if _, err := holder.Exec(`PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE`); err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(300 * time.Millisecond)
		holder.Exec(`COMMIT; PRAGMA locking_mode = NORMAL`)
		holder.Exec(`SELECT count(*) FROM sqlite_master`) // NORMAL takes effect at the next access
		holder.Close()
	}()
	st, err = Open(path)
	if err != nil {
		t.Fatalf("opening a file locked for a moment: %v", err)
	}
	st.Close()
}
