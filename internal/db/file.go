package db

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// sqliteMagic opens every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// inspectFile decides, by reading the file and without changing it, whether
// path may be opened as a claims database whose newest schema version is
// latest. A missing or empty file is fine: Open will create it.
func inspectFile(path string, latest int) error {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		if dir, err := os.Stat(filepath.Dir(path)); err != nil {
			return fmt.Errorf("store: unable to create %s: %w", path, err)
		} else if dir.Mode().Perm()&0o222 == 0 {
			return fmt.Errorf("store: unable to create %s: the folder is %w", path, ErrReadOnly)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: unable to read %s: %w", path, err)
	}
	if fi.IsDir() {
		return fmt.Errorf("store: %s is a folder, not a database file", path)
	}
	// Decide from the permission bits, not from a failed write: the app may
	// run as root, which writes to read-only files regardless.
	if fi.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("store: %s is %w: make it writable or open a copy", path, ErrReadOnly)
	}
	if dir, err := os.Stat(filepath.Dir(path)); err == nil && dir.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("store: the folder of %s is %w (the database keeps its journal files beside it): move the file to a writable folder", path, ErrReadOnly)
	}
	if fi.Size() == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("store: unable to read %s: %w", path, err)
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || string(h[:16]) != sqliteMagic {
		return fmt.Errorf("store: %s is %w: it is not an SQLite database file", path, ErrNotClaimsDB)
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	changeCounter := binary.BigEndian.Uint32(h[24:28])
	validFor := binary.BigEndian.Uint32(h[92:96])
	// The page count in the header is trustworthy when its change counter
	// matches; a file shorter than it claims was cut off. Not so while a
	// write-ahead log is beside it: a checkpoint interrupted by a crash may
	// have written page 1 before the pages after it, and SQLite completes
	// it from the log on the next open.
	if changeCounter == validFor && fi.Size() < pages*pageSize && !Exists(path+"-wal") {
		return fmt.Errorf("store: %s is %w: it holds %d bytes but its header promises %d",
			path, ErrCorrupt, fi.Size(), pages*pageSize)
	}
	// Read the ids through SQLite rather than from the header bytes: a
	// database in WAL mode may hold its newest header in the log.
	info, err := readIdentity(path)
	if isBusy(err) {
		return fmt.Errorf("store: %s is in use by another program that keeps it locked; try again in a moment: %v", path, err)
	}
	if err != nil {
		return fmt.Errorf("store: %s is %w: %v", path, ErrCorrupt, err)
	}
	switch {
	case info.appID == ApplicationID && info.version > latest:
		return fmt.Errorf("store: %s is %w (schema version %d; this version reads up to %d): update Claims to open it",
			path, ErrNewerSchema, info.version, latest)
	case info.appID == ApplicationID:
		return nil
	case info.appID != 0 || info.objects > 0:
		return fmt.Errorf("store: %s is %w: it is the SQLite database of another application", path, ErrNotClaimsDB)
	}
	// A blank SQLite file, which we may adopt.
	return nil
}

type identity struct {
	appID   uint32
	version int
	objects int
}

// readIdentity opens path strictly read-only and reads its application id,
// schema version and the number of tables, indexes, views and triggers.
func readIdentity(path string) (identity, error) {
	var id identity
	// Waits, as every connection does, while another process holds the
	// file (a writer checkpointing, a window closing it): busy is not
	// damaged.
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: path}).EscapedPath(), RawQuery: "mode=ro&" + busyTimeout}
	conn, err := sql.Open("sqlite", u.String())
	if err != nil {
		return id, err
	}
	defer conn.Close()
	var appID int64
	err = conn.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)`).
		Scan(&appID, &id.version, &id.objects)
	id.appID = uint32(appID)
	return id, err
}

// isBusy reports whether err is SQLite's "database is locked": another
// connection holds the file longer than the busy timeout.
func isBusy(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "SQLITE_BUSY") || strings.Contains(err.Error(), "database is locked"))
}
