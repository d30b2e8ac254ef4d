package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the database to dest while the store
// stays open and in use (SQLite's VACUUM INTO reads one snapshot; a
// PostgreSQL database is copied into a new SQLite file, as Copy does).
// dest must not exist yet. The copy is written beside dest first and
// renamed into place, so a failed backup leaves no half-written file.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("store: %s already exists; choose a new file for the backup", dest)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("store: unable to back up to %s: %w", dest, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return fmt.Errorf("store: unable to back up to %s: %w", dest, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	os.Remove(tmpName) // VACUUM INTO wants to create the file itself
	defer os.Remove(tmpName)
	if s.d == postgresSQL {
		file, err := Open(tmpName)
		if err != nil {
			return fmt.Errorf("store: unable to back up to %s: %w", dest, err)
		}
		err = Copy(ctx, s, file)
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		os.Remove(tmpName + "-wal")
		os.Remove(tmpName + "-shm")
		if err != nil {
			return fmt.Errorf("store: unable to back up to %s: %w", dest, err)
		}
		return os.Rename(tmpName, dest)
	}
	// A connection of its own: the read pool is query-only, and the single
	// writer connection should stay free for the window's edits.
	conn, err := sql.Open("sqlite", dsn(s.path))
	if err != nil {
		return fmt.Errorf("store: unable to back up to %s: %w", dest, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, tmpName); err != nil {
		return mapError("back up to "+dest, err)
	}
	if err := os.Rename(tmpName, dest); err != nil {
		return fmt.Errorf("store: unable to back up to %s: %w", dest, err)
	}
	return nil
}
