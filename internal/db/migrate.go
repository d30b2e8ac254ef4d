package db

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var embedded embed.FS

// migrationFS holds the schema migrations compiled into the binary, for
// SQLite; pgMigrations the same versions for PostgreSQL.
var (
	migrationFS  = mustMigrations(embedded, "migrations", "")
	pgMigrations = mustMigrations(embedded, "migrations", "postgres")
)

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrationSource is the ordered list of migrations, version 1 first.
type migrationSource []migration

func (m migrationSource) latest() int {
	if len(m) == 0 {
		return 0
	}
	return m[len(m)-1].version
}

// LatestVersion is the schema version this build writes.
func LatestVersion() int { return migrationFS.latest() }

// loadMigrations reads files named NNNN_description.sql from dir in fsys.
// Versions must run 1, 2, 3… without gaps. Both engines take the same
// versions; for engine (e.g. "postgres") a file NNNN_description.ENGINE.sql
// replaces NNNN_description.sql where the dialects differ.
func loadMigrations(fsys fs.FS, dir, engine string) (migrationSource, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	base, own := map[int]migration{}, map[int]migration{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		stem, variant, _ := strings.Cut(strings.TrimSuffix(name, ".sql"), ".")
		if variant != "" && variant != engine {
			continue
		}
		num, _, _ := strings.Cut(stem, "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", name)
		}
		into := base
		if variant != "" {
			into = own
		}
		if old, dup := into[v]; dup {
			return nil, fmt.Errorf("migration %s: version %d is also %s", name, v, old.name)
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		into[v] = migration{version: v, name: name, sql: string(b)}
	}
	byVersion := base
	for v, m := range own {
		byVersion[v] = m
	}
	var out migrationSource
	for _, m := range byVersion {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.name, i+1)
		}
	}
	return out, nil
}

func mustMigrations(fsys fs.FS, dir, engine string) migrationSource {
	m, err := loadMigrations(fsys, dir, engine)
	if err != nil {
		panic("db: " + err.Error())
	}
	return m
}

// migrate brings the database up to the newest schema, one migration per
// transaction, recording progress in PRAGMA user_version. Before it changes
// a database that already holds a schema, it writes a backup copy beside the
// file.
func migrate(ctx context.Context, db *sql.DB, dbPath string, migrations migrationSource) error {
	var current int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
		return openError(dbPath, err)
	}
	if current >= migrations.latest() {
		return nil
	}
	if current > 0 {
		backup := fmt.Sprintf("%s.v%d-%s.bak", dbPath, current, time.Now().UTC().Format("20060102T150405Z"))
		if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, backup); err != nil {
			return fmt.Errorf("store: unable to back up %s to %s before upgrading it: %w", dbPath, backup, err)
		}
	}
	for _, m := range migrations[current:] {
		if err := applyMigration(ctx, db, m); err != nil {
			return fmt.Errorf("store: migration %s failed, database left at version %d: %w", m.name, current, err)
		}
		current = m.version
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, m.version)); err != nil {
		return err
	}
	return tx.Commit()
}
