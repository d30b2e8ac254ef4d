package db

import (
	"context"
	"database/sql"
	"slices"

	"claims/internal/model"
)

// listClaimsServer is ListClaims on PostgreSQL: four flat queries in one
// snapshot, put together in Go. (The SQLite path reads concatenated rows
// over several connections, which suits an embedded engine; a server
// sends rows as they are.)
func (s *Store) listClaimsServer(ctx context.Context) ([]model.ClaimSummary, error) {
	q, done, err := s.readTx(ctx)
	if err != nil {
		return nil, mapError("list claims", err)
	}
	defer done()
	var out []model.ClaimSummary
	at := map[string]int{}
	err = scanRows(ctx, q, `
		SELECT c.id, c.statement, c.quote, c.actor_id, coalesce(c.source_id, ''), c.made_on, c.verdict,
		       c.review_url, c.rating_explanation, c.reviewed_on, c.created_at, c.updated_at,
		       a.name, coalesce(s.title, ''), coalesce(s.outlet, '')
		FROM claims c JOIN actors a ON a.id = c.actor_id LEFT JOIN sources s ON s.id = c.source_id
		ORDER BY c.created_at DESC, c.id DESC`, func(rows *sql.Rows) error {
		var cs model.ClaimSummary
		var verdict, created, updated string
		err := rows.Scan(&cs.ID, &cs.Statement, &cs.Quote, &cs.ActorID, &cs.SourceID, &cs.MadeOn, &verdict,
			&cs.Review.URL, &cs.Review.Explanation, &cs.Review.Published, &created, &updated,
			&cs.ActorName, &cs.SourceTitle, &cs.SourceOutlet)
		cs.Verdict = model.Verdict(verdict)
		cs.CreatedAt, cs.UpdatedAt = model.ParseTime(created), model.ParseTime(updated)
		at[cs.ID] = len(out)
		out = append(out, cs)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, l := range []struct {
		query string
		add   func(c *model.ClaimSummary, v string)
	}{
		{`SELECT claim_id, tag FROM claim_tags ORDER BY claim_id, position`,
			func(c *model.ClaimSummary, v string) { c.Tags = append(c.Tags, v) }},
		{`SELECT claim_id, actor_id FROM claim_subjects ORDER BY claim_id, position`,
			func(c *model.ClaimSummary, v string) { c.SubjectIDs = append(c.SubjectIDs, v) }},
	} {
		if err := scanRows(ctx, q, l.query, func(rows *sql.Rows) error {
			var id, v string
			if err := rows.Scan(&id, &v); err != nil {
				return err
			}
			if i, ok := at[id]; ok {
				l.add(&out[i], v)
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	err = scanRows(ctx, q, `
		SELECT l.from_id, l.to_id, a.name FROM links l
		JOIN claims c ON c.id = l.from_id JOIN actors a ON a.id = c.actor_id
		WHERE l.relation <> 'supports' ORDER BY l.created_at, l.from_id`, func(rows *sql.Rows) error {
		var from, to, name string
		if err := rows.Scan(&from, &to, &name); err != nil {
			return err
		}
		if i, ok := at[to]; ok {
			c := &out[i]
			c.CounterCount++
			if !slices.Contains(c.CounterActors, name) {
				c.CounterActors = append(c.CounterActors, name)
			}
		}
		if i, ok := at[from]; ok {
			out[i].AnswersCount++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Reviewers: the notes' authors, each once, in the order of their
	// first note.
	err = scanRows(ctx, q, `SELECT claim_id, author FROM annotations ORDER BY claim_id, created_at, id`, func(rows *sql.Rows) error {
		var id, author string
		if err := rows.Scan(&id, &author); err != nil {
			return err
		}
		if i, ok := at[id]; ok && !slices.Contains(out[i].Reviewers, author) {
			out[i].Reviewers = append(out[i].Reviewers, author)
		}
		return nil
	})
	return out, err
}
