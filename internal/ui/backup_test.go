package ui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"claims/internal/db"
	"claims/internal/sample"
)

func TestBackupName(t *testing.T) {
	got := backupName("/home/r/claims.db", time.Date(2026, 11, 23, 14, 5, 0, 0, time.UTC))
	if got != "claims-backup-2026-11-23-1405.db" {
		t.Errorf("backupName = %q", got)
	}
}

func TestBackupToWritesAnOpenableCopy(t *testing.T) {
	dir := t.TempDir()
	st, err := db.Open(filepath.Join(dir, "claims.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := sample.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(dir, "copy.db")
	done := make(chan error)
	backupTo(st, dest, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	cp, err := db.Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	list, err := cp.ListClaims(context.Background())
	if err != nil || len(list) != len(sample.Claims()) {
		t.Errorf("copy holds %d claims (%v), want %d", len(list), err, len(sample.Claims()))
	}
}
