package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"claims/internal/model"
)

// copyTables are the tables Copy moves, parents first, with their columns
// and the order that makes the copy the same every time.
var copyTables = []struct {
	name, cols, order string
}{
	{"actors", "id, name, kind, created_at, updated_at", "id"},
	{"actor_aliases", "actor_id, alias", "actor_id, alias"},
	{"sources", "id, title, outlet, url, published, text, created_at, updated_at", "id"},
	{"claims", claimColumns, "id"},
	{"claim_subjects", "claim_id, actor_id, position", "claim_id, position"},
	{"claim_tags", "claim_id, tag, position", "claim_id, position"},
	{"links", "from_id, to_id, relation, created_at", "from_id, to_id"},
	{"annotations", "id, claim_id, author, text, created_at", "id"},
	{"change_sets", "id, at, reviewer, via, undoes, undone_by, token", "id"},
	{"changes", "set_id, seq, entity, entity_id, claim_id, field, old, new, data", "set_id, seq"},
}

// CopyVia is how the change set that marks a copy names it: "copy from"
// and the source's path or URL (without its password).
const CopyVia = "copy from "

// Copy copies a whole database — every actor, source (with its text),
// claim, link, note and the change history — from src into dst, keeping
// ids and times, in one transaction on dst: all of it or nothing. dst
// must be empty. Either may be an SQLite file or a PostgreSQL database.
// A last change set, "copy from SRC", marks when the copy was made, so
// that merging the copy back (MergeBaseline) knows which changes are its
// own.
func Copy(ctx context.Context, src, dst *Store) error {
	if empty, err := dst.IsEmpty(ctx); err != nil {
		return err
	} else if !empty {
		return fmt.Errorf("store: %s is not empty; copy into a new database (to merge a copy back, import it)", dst.path)
	}
	if v, err := dst.Version(ctx); err != nil {
		return err
	} else if v != 0 {
		return fmt.Errorf("store: %s already has a change history; copy into a new database", dst.path)
	}
	rq, done, err := src.readTx(ctx)
	if err != nil {
		return mapError("read "+src.path, err)
	}
	defer done()
	return dst.UpdateBulk(ctx, func(b *BulkTx) error {
		tx := b.tx
		for _, t := range copyTables {
			if err := copyTable(ctx, rq, tx, t.name, t.cols, t.order); err != nil {
				return fmt.Errorf("store: copying %s from %s to %s: %w", t.name, src.path, dst.path, err)
			}
		}
		if dst.d == postgresSQL {
			if _, err := tx.q.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('change_sets', 'id'),
				coalesce((SELECT max(id) FROM change_sets), 0) + 1, false)`); err != nil {
				return mapError("copy the change history", err)
			}
		}
		tx.origin.Via = CopyVia + src.path
		tx.mark = true
		return nil
	})
}

// copyTable moves one table's rows in batches.
func copyTable(ctx context.Context, from querier, to *Tx, table, cols, order string) error {
	rows, err := from.QueryContext(ctx, `SELECT `+cols+` FROM `+table+` ORDER BY `+order)
	if err != nil {
		return err
	}
	defer rows.Close()
	var names []string
	for _, c := range strings.Split(cols, ",") {
		names = append(names, strings.TrimSpace(c))
	}
	width := len(names)
	const perInsert = 200
	var batch [][]any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if to.copy != nil {
			err := to.copy(&bulkCopy{table: table, cols: names, rows: batch})
			batch = batch[:0]
			return err
		}
		row := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
		q := `INSERT INTO ` + table + ` (` + cols + `) VALUES ` + strings.TrimSuffix(strings.Repeat(row+", ", len(batch)), ", ")
		args := make([]any, 0, width*len(batch))
		for _, r := range batch {
			args = append(args, r...)
		}
		batch = batch[:0]
		_, err := to.q.ExecContext(ctx, q, args...)
		return err
	}
	for rows.Next() {
		vals := make([]any, width)
		ptrs := make([]any, width)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		batch = append(batch, vals)
		if to.copy == nil && len(batch) == perInsert {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}

// MergeBaseline is when the database was copied from another (Copy), if it
// was: its changes since are its own. ok is false for a database that is
// not a copy.
func (s *Store) MergeBaseline(ctx context.Context) (from string, at time.Time, ok bool, err error) {
	var via, when string
	err = s.reads().QueryRowContext(ctx, `
		SELECT via, at FROM change_sets WHERE via LIKE 'copy from %' ORDER BY id DESC LIMIT 1`).Scan(&via, &when)
	if err == sql.ErrNoRows {
		return "", time.Time{}, false, nil
	}
	if err != nil {
		return "", time.Time{}, false, mapError("read the change history", err)
	}
	return strings.TrimPrefix(via, CopyVia), model.ParseTime(when), true, nil
}
