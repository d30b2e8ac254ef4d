package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Check runs SQLite's integrity check and foreign-key check over the whole
// file and reports what they find; nil means the database is sound.
func (s *Store) Check(ctx context.Context) error {
	var problems []string
	err := scanRows(ctx, s.ro, `PRAGMA integrity_check`, func(rows *sql.Rows) error {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: integrity check of %s failed to run: %w", s.path, err)
	}
	var orphans int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&orphans); err != nil {
		return fmt.Errorf("store: foreign-key check of %s failed to run: %w", s.path, err)
	}
	if orphans > 0 {
		problems = append(problems, fmt.Sprintf("%d rows refer to rows that do not exist", orphans))
	}
	if len(problems) > 0 {
		return fmt.Errorf("store: %s is %w: %s", s.path, ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}
