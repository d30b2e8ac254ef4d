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
)

// sqliteMagic opens every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// inspectFile decides, by reading the file and without changing it, whether
// path may be opened as a claims database whose newest schema version is
// latest. A missing or empty file is fine: Open will create it.
func inspectFile(path string, latest int) error {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: unable to read %s: %w", path, err)
	}
	if fi.IsDir() {
		return fmt.Errorf("store: %s is a folder, not a database file", path)
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
	// matches; a file shorter than it claims was cut off.
	if changeCounter == validFor && fi.Size() < pages*pageSize {
		return fmt.Errorf("store: %s is %w: it holds %d bytes but its header promises %d",
			path, ErrCorrupt, fi.Size(), pages*pageSize)
	}
	version := int(int32(binary.BigEndian.Uint32(h[60:64])))
	appID := binary.BigEndian.Uint32(h[68:72])
	switch {
	case appID == ApplicationID && version > latest:
		return fmt.Errorf("store: %s is %w (schema version %d; this version reads up to %d): update Claims to open it",
			path, ErrNewerSchema, version, latest)
	case appID == ApplicationID:
		return nil
	case appID != 0:
		return fmt.Errorf("store: %s is %w: it is the SQLite database of another application", path, ErrNotClaimsDB)
	}
	// No application id: either a blank SQLite file, which we may adopt, or
	// another program's database.
	n, err := countSchemaObjects(path)
	if err != nil {
		return fmt.Errorf("store: %s is %w: %v", path, ErrCorrupt, err)
	}
	if n > 0 {
		return fmt.Errorf("store: %s is %w: it is the SQLite database of another application", path, ErrNotClaimsDB)
	}
	return nil
}

// countSchemaObjects opens path strictly read-only and counts its tables,
// indexes, views and triggers.
func countSchemaObjects(path string) (int, error) {
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: path}).EscapedPath(), RawQuery: "mode=ro"}
	conn, err := sql.Open("sqlite", u.String())
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	var n int
	err = conn.QueryRow(`SELECT count(*) FROM sqlite_master`).Scan(&n)
	return n, err
}
