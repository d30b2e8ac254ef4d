package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Check runs SQLite's integrity check and foreign-key check over the whole
// file and reports what they find; nil means the database is sound.
//
// On PostgreSQL the server keeps its pages sound and enforces the
// references itself; Check asks it the same questions about references
// all the same, and reads every table once.
func (s *Store) Check(ctx context.Context) error {
	if s.d == postgresSQL {
		return s.checkServer(ctx)
	}
	var problems []string
	err := scanRows(ctx, s.reads(), `PRAGMA integrity_check`, func(rows *sql.Rows) error {
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
	if err := s.reads().QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&orphans); err != nil {
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

func (s *Store) checkServer(ctx context.Context) error {
	var orphans int
	err := s.reads().QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = c.actor_id)) +
		(SELECT count(*) FROM claims c WHERE c.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = c.source_id)) +
		(SELECT count(*) FROM claim_subjects x WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = x.claim_id)) +
		(SELECT count(*) FROM claim_tags x WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = x.claim_id)) +
		(SELECT count(*) FROM links l WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = l.from_id)
		                                 OR NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = l.to_id)) +
		(SELECT count(*) FROM annotations n WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = n.claim_id))`).Scan(&orphans)
	if err != nil {
		return fmt.Errorf("store: check of %s failed to run: %w", s.path, err)
	}
	if orphans > 0 {
		return fmt.Errorf("store: %s is %w: %d rows refer to rows that do not exist", s.path, ErrCorrupt, orphans)
	}
	return nil
}
