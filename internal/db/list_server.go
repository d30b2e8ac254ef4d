package db

import (
	"context"
	"database/sql"
	"slices"

	"claims/internal/model"
)

// listClaimsServer is ListClaims on PostgreSQL: flat queries put together
// in Go. The claims are read on one connection while their tags,
// subjects, links and notes' authors are read on a second one that sees
// the same snapshot (pg_export_snapshot), so the listing is consistent and
// takes about as long as its largest query. (The SQLite path reads
// concatenated rows over several connections, which suits an embedded
// engine; a server sends rows as they are.)
func (s *Store) listClaimsServer(ctx context.Context) ([]model.ClaimSummary, error) {
	q, done, err := s.readTx(ctx)
	if err != nil {
		return nil, mapError("list claims", err)
	}
	defer done()
	var snapshot string
	if err := q.QueryRowContext(ctx, `SELECT pg_export_snapshot()`).Scan(&snapshot); err != nil {
		return nil, mapError("list claims", err)
	}
	side := claimSides{}
	sideDone := make(chan error, 1)
	go func() { sideDone <- s.readClaimSides(ctx, snapshot, side) }()
	out, err := readClaimRows(ctx, q)
	if sideErr := <-sideDone; err == nil {
		err = sideErr
	}
	if err != nil {
		return nil, err
	}
	side.addTo(out)
	return out, nil
}

// readClaimRows reads every claim with its actor's name and its source,
// newest first (then by id, descending), ordered here (byCreated).
func readClaimRows(ctx context.Context, q handle) ([]model.ClaimSummary, error) {
	n, err := claimCount(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make([]model.ClaimSummary, 0, n)
	created := make([]string, 0, n) // as stored, the order's first key
	err = scanRows(ctx, q, `
		SELECT c.id, c.statement, c.quote, c.actor_id, coalesce(c.source_id, ''), c.made_on, c.verdict,
		       c.review_url, c.rating_explanation, c.reviewed_on, c.created_at, c.updated_at,
		       a.name, coalesce(s.title, ''), coalesce(s.outlet, '')
		FROM claims c JOIN actors a ON a.id = c.actor_id LEFT JOIN sources s ON s.id = c.source_id`, func(rows *sql.Rows) error {
		var cs model.ClaimSummary
		var verdict, createdAt, updated string
		err := rows.Scan(&cs.ID, &cs.Statement, &cs.Quote, &cs.ActorID, &cs.SourceID, &cs.MadeOn, &verdict,
			&cs.Review.URL, &cs.Review.Explanation, &cs.Review.Published, &createdAt, &updated,
			&cs.ActorName, &cs.SourceTitle, &cs.SourceOutlet)
		cs.Verdict = model.Verdict(verdict)
		cs.CreatedAt, cs.UpdatedAt = model.ParseTime(createdAt), model.ParseTime(updated)
		out = append(out, cs)
		created = append(created, createdAt)
		return err
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

func (cs claimSides) of(id string) *claimSide {
	c := cs[id]
	if c == nil {
		c = &claimSide{}
		cs[id] = c
	}
	return c
}

// readClaimSides reads the claims' tags, subjects, notes' authors and
// counter-claim links in a transaction that sees snapshot.
func (s *Store) readClaimSides(ctx context.Context, snapshot string, side claimSides) error {
	tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return mapError("list claims", err)
	}
	defer func() { _ = tx.Rollback() }()
	// The snapshot's name comes from the server (hex digits and dashes);
	// SET takes no parameters.
	if _, err := tx.ExecContext(ctx, `SET TRANSACTION SNAPSHOT '`+snapshot+`'`); err != nil {
		return mapError("list claims", err)
	}
	if _, err := tx.ExecContext(ctx, readWorkMem); err != nil {
		return mapError("list claims", err)
	}
	q := handle{tx, s.d}
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
		if err := scanRows(ctx, q, l.query, func(rows *sql.Rows) error {
			var id, v string
			err := rows.Scan(&id, &v)
			l.add(side.of(id), v)
			return err
		}); err != nil {
			return err
		}
	}
	return scanRows(ctx, q, `
		SELECT l.from_id, l.to_id, a.name FROM links l
		JOIN claims c ON c.id = l.from_id JOIN actors a ON a.id = c.actor_id
		WHERE l.relation <> 'supports' ORDER BY l.created_at, l.from_id`, func(rows *sql.Rows) error {
		var from, to, actor string
		if err := rows.Scan(&from, &to, &actor); err != nil {
			return err
		}
		c := side.of(to)
		c.counters++
		if !slices.Contains(c.counterActors, actor) {
			c.counterActors = append(c.counterActors, actor)
		}
		side.of(from).answers++
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
