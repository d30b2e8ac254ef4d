package db

import (
	"context"
	"database/sql"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// dialect is the SQL an engine speaks. The store's queries are written
// once, in SQLite's dialect with ? placeholders; for PostgreSQL they are
// rewritten (pgSQL) where the two differ. Statements that differ more than
// a rewrite can say are chosen by engine where they are made.
type dialect int

const (
	sqliteSQL dialect = iota
	postgresSQL
)

// sql returns query as the engine takes it.
func (d dialect) sql(query string) string {
	if d == sqliteSQL {
		return query
	}
	if q, ok := pgCache.Load(query); ok {
		return q.(string)
	}
	q := pgSQL(query)
	pgCache.Store(query, q)
	return q
}

var pgCache sync.Map // query → rewritten query

var (
	pgEqualNoCase = regexp.MustCompile(`([\w.]+) = (\?\d*) COLLATE NOCASE`)
	pgNoCase      = regexp.MustCompile(`([\w.]+) COLLATE NOCASE`)
	pgChar        = regexp.MustCompile(`\bchar\((\d+)\)`)
)

// pgSQL rewrites a query from SQLite's dialect to PostgreSQL's:
//
//   - "x = ? COLLATE NOCASE" compares lower(x) = lower(?), and "x COLLATE
//     NOCASE" elsewhere (ORDER BY) is lower(x): SQLite's NOCASE folds ASCII
//     letters only, and so does lower() on the C collation the store's
//     PostgreSQL databases are made with;
//   - group_concat is string_agg, char(N) is chr(N);
//   - INSERT OR FAIL is a plain INSERT (PostgreSQL fails on a conflict);
//   - ? placeholders are numbered $1, $2 …, and ?N is $N. Text in single
//     quotes is left alone.
func pgSQL(q string) string {
	q = pgEqualNoCase.ReplaceAllString(q, "lower($1) = lower($2)")
	q = pgNoCase.ReplaceAllString(q, "lower($1)")
	q = strings.ReplaceAll(q, "group_concat(", "string_agg(")
	q = pgChar.ReplaceAllString(q, "chr($1)")
	q = strings.ReplaceAll(q, "INSERT OR FAIL INTO", "INSERT INTO")
	var b strings.Builder
	n, quoted := 0, false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			quoted = !quoted
		case c == '?' && !quoted:
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			if j > i+1 {
				b.WriteString("$" + q[i+1:j])
			} else {
				n++
				b.WriteString("$" + strconv.Itoa(n))
			}
			i = j - 1
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// handle is a pool, a connection or a transaction that speaks the
// engine's dialect: every query through it is rewritten for the engine.
type handle struct {
	q querier
	d dialect
}

func (h handle) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return h.q.ExecContext(ctx, h.d.sql(query), args...)
}

func (h handle) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return h.q.QueryContext(ctx, h.d.sql(query), args...)
}

func (h handle) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return h.q.QueryRowContext(ctx, h.d.sql(query), args...)
}
