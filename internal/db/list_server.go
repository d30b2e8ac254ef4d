package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"claims/internal/model"
)

// listClaimsServer is ListClaims on PostgreSQL: flat queries put together
// in Go. The claims are read on one connection while their tags,
// subjects, links and notes' authors are read on a second one that sees
// the same snapshot (pg_export_snapshot), so the listing is consistent and
// takes about as long as its largest query. Rows are read with pgx
// itself (serverRead.rows), not through database/sql, which converts
// every value on its way (a third of the listing's time at 100,000
// claims). The SQLite path reads concatenated rows over several
// connections, which suits an embedded engine; a server sends rows as
// they are.
func (s *Store) listClaimsServer(ctx context.Context) ([]model.ClaimSummary, error) {
	r, snapshot, err := s.beginSharedRead(ctx)
	if err != nil {
		return nil, err
	}
	defer r.close()
	side := claimSides{}
	sideDone := make(chan error, 1)
	go func() { sideDone <- s.readClaimSides(ctx, snapshot, side) }()
	out, err := readClaimRows(ctx, r)
	if sideErr := <-sideDone; err == nil {
		err = sideErr
	}
	if err != nil {
		return nil, err
	}
	side.addTo(out)
	return out, nil
}

// serverRead is a read-only transaction on one connection to a server,
// one snapshot for all its statements, whose rows can be read with pgx
// directly.
type serverRead struct {
	conn *sql.Conn
	tx   *sql.Tx
}

// beginServerRead begins a read on a connection of its own; with a snapshot
// (from pg_export_snapshot) it sees what that snapshot saw.
func (s *Store) beginServerRead(ctx context.Context, snapshot string) (*serverRead, error) {
	conn, err := s.ro.Conn(ctx)
	if err != nil {
		return nil, mapError("read", err)
	}
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		conn.Close()
		return nil, mapError("read", err)
	}
	r := &serverRead{conn, tx}
	// The snapshot's name comes from the server (hex digits and dashes);
	// SET takes no parameters.
	if snapshot != "" {
		_, err = tx.ExecContext(ctx, `SET TRANSACTION SNAPSHOT '`+snapshot+`'`)
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, readWorkMem)
	}
	if err != nil {
		r.close()
		return nil, mapError("read", err)
	}
	return r, nil
}

// beginSharedRead begins a read whose snapshot (pg_export_snapshot) a
// second read, on another connection, shares: beginServerRead(ctx,
// snapshot).
func (s *Store) beginSharedRead(ctx context.Context) (*serverRead, string, error) {
	r, err := s.beginServerRead(ctx, "")
	if err != nil {
		return nil, "", err
	}
	var snapshot string
	if err := r.tx.QueryRowContext(ctx, `SELECT pg_export_snapshot()`).Scan(&snapshot); err != nil {
		r.close()
		return nil, "", mapError("read", err)
	}
	return r, snapshot, nil
}

func (r *serverRead) close() {
	_ = r.tx.Rollback()
	_ = r.conn.Close()
}

// rows runs query (in the store's SQL, rewritten for the server) in the
// read's transaction and calls fn with each row's width values as the
// server sent them, in text form (NULL as nil). The values are only valid
// during the call: fn copies what it keeps.
func (r *serverRead) rows(ctx context.Context, query string, width int, fn func(v [][]byte) error) error {
	return mapError("read", r.conn.Raw(func(dc any) error {
		pc, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: reading rows needs a pgx connection, not %T", dc)
		}
		rows, err := pc.Conn().Query(ctx, postgresSQL.sql(query), pgx.QueryResultFormats{pgx.TextFormatCode})
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			v := rows.RawValues()
			if len(v) != width {
				return fmt.Errorf("store: a row has %d values, not %d", len(v), width)
			}
			if err := fn(v); err != nil {
				return err
			}
		}
		return rows.Err()
	}))
}

// lists reads rows of (id, value) into out, the values of each id in the
// order of the rows.
func (r *serverRead) lists(ctx context.Context, query string) (map[string][]string, error) {
	out := make(map[string][]string)
	err := r.rows(ctx, query, 2, func(v [][]byte) error {
		out[string(v[0])] = append(out[string(v[0])], string(v[1]))
		return nil
	})
	return out, err
}

// claimColumnsServer are a claim's own columns as claimOfRow reads them.
const claimColumnsServer = `c.id, c.statement, c.quote, c.actor_id, coalesce(c.source_id, ''), c.made_on, c.verdict,
		c.review_url, c.rating_explanation, c.reviewed_on, c.created_at, c.updated_at`

// claimOfRow reads the claim in the first 12 values of a row whose columns
// begin with claimColumnsServer, and returns it with its created_at as
// stored (the order's first key).
func claimOfRow(v [][]byte) (model.Claim, string) {
	var f [12]string
	for i := range f {
		f[i] = string(v[i])
	}
	return model.Claim{ID: f[0], Statement: f[1], Quote: f[2], ActorID: f[3], SourceID: f[4],
		MadeOn: f[5], Verdict: model.Verdict(f[6]), Review: model.Review{URL: f[7], Explanation: f[8], Published: f[9]},
		CreatedAt: model.ParseTime(f[10]), UpdatedAt: model.ParseTime(f[11])}, f[10]
}

// readClaimRows reads every claim with its actor's name and its source,
// newest first (then by id, descending), ordered here (byCreated).
func readClaimRows(ctx context.Context, r *serverRead) ([]model.ClaimSummary, error) {
	n, err := claimCount(ctx, handle{r.tx, postgresSQL})
	if err != nil {
		return nil, err
	}
	out := make([]model.ClaimSummary, 0, n)
	created := make([]string, 0, n) // as stored, the order's first key
	err = r.rows(ctx, `
		SELECT `+claimColumnsServer+`, a.name, coalesce(s.title, ''), coalesce(s.outlet, '')
		FROM claims c JOIN actors a ON a.id = c.actor_id LEFT JOIN sources s ON s.id = c.source_id`, 15, func(v [][]byte) error {
		c, at := claimOfRow(v)
		out = append(out, model.ClaimSummary{Claim: c, ActorName: string(v[12]), SourceTitle: string(v[13]), SourceOutlet: string(v[14])})
		created = append(created, at)
		return nil
	})
	if err != nil {
		return nil, err
	}
	byCreated(out, created, func(c *model.ClaimSummary) string { return c.ID }, true)
	return out, nil
}

// claimSide is what a claim's summary holds beside its own row.
type claimSide struct {
	tags, subjects, reviewers, counterActors []string
	counters, answers                        int
}

// claimSides are the sides of the claims that have any, by claim id. They
// are gathered beside the claims' own rows, so that putting them in place
// afterwards is one look-up a claim.
type claimSides map[string]*claimSide

func (cs claimSides) of(id []byte) *claimSide {
	c := cs[string(id)] // no copy of id to look it up
	if c == nil {
		c = &claimSide{}
		cs[string(id)] = c
	}
	return c
}

// readClaimSides reads the claims' tags, subjects, notes' authors and
// counter-claim links in a transaction that sees snapshot.
func (s *Store) readClaimSides(ctx context.Context, snapshot string, side claimSides) error {
	r, err := s.beginServerRead(ctx, snapshot)
	if err != nil {
		return err
	}
	defer r.close()
	for _, l := range []struct {
		query string
		add   func(c *claimSide, v string)
	}{
		{`SELECT claim_id, tag FROM claim_tags ORDER BY claim_id, position`,
			func(c *claimSide, v string) { c.tags = append(c.tags, v) }},
		{`SELECT claim_id, actor_id FROM claim_subjects ORDER BY claim_id, position`,
			func(c *claimSide, v string) { c.subjects = append(c.subjects, v) }},
		// The notes' authors, each once, in the order of their first note.
		{`SELECT claim_id, author FROM annotations ORDER BY claim_id, created_at, id`,
			func(c *claimSide, v string) {
				if !slices.Contains(c.reviewers, v) {
					c.reviewers = append(c.reviewers, v)
				}
			}},
	} {
		if err := r.rows(ctx, l.query, 2, func(v [][]byte) error {
			l.add(side.of(v[0]), string(v[1]))
			return nil
		}); err != nil {
			return err
		}
	}
	return r.rows(ctx, `
		SELECT l.from_id, l.to_id, a.name FROM links l
		JOIN claims c ON c.id = l.from_id JOIN actors a ON a.id = c.actor_id
		WHERE l.relation <> 'supports' ORDER BY l.created_at, l.from_id`, 3, func(v [][]byte) error {
		c := side.of(v[1])
		c.counters++
		if !slices.ContainsFunc(c.counterActors, func(a string) bool { return a == string(v[2]) }) {
			c.counterActors = append(c.counterActors, string(v[2]))
		}
		side.of(v[0]).answers++
		return nil
	})
}

// addTo puts the sides into the summaries of the claims they belong to.
func (cs claimSides) addTo(out []model.ClaimSummary) {
	for i := range out {
		c := cs[out[i].ID]
		if c == nil {
			continue
		}
		o := &out[i]
		o.Tags, o.SubjectIDs, o.Reviewers = c.tags, c.subjects, c.reviewers
		o.CounterCount, o.CounterActors, o.AnswersCount = c.counters, c.counterActors, c.answers
	}
}
