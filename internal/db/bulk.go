package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"claims/internal/model"
)

// Snapshot is the whole database read in one read transaction: what an
// export writes. Source text is left out.
type Snapshot struct {
	Actors  []model.Actor  // by id
	Sources []model.Source // by id, without Text
	// Claims are oldest first (created at, then id): the order every
	// export writes, stable across an export and re-import.
	Claims []model.Claim
	Links  []LinkInfo         // by to, then from's created at and id
	Notes  []model.Annotation // by claim, then created at and id
}

// LinkInfo is a link with the time it was made.
type LinkInfo struct {
	model.Link
	CreatedAt time.Time
}

// Snapshot reads everything an export needs in one consistent snapshot of
// the database, so a writer working beside it never splits the picture.
func (s *Store) Snapshot(ctx context.Context) (*Snapshot, error) {
	if s.d == postgresSQL {
		return s.snapshotServer(ctx)
	}
	snap, err := s.snapshotFast(ctx)
	if errors.Is(err, errSnapshotSplit) {
		return s.snapshotSlow(ctx)
	}
	return snap, err
}

// snapshotSlow reads the snapshot with plain ordered queries in one read
// transaction: the reference the fast path is tested against, and what
// Snapshot falls back to when a stored value holds a separator.
func (s *Store) snapshotSlow(ctx context.Context) (*Snapshot, error) {
	tx, done, err := s.readTx(ctx)
	if err != nil {
		return nil, mapError("read snapshot", err)
	}
	defer done()
	snap := &Snapshot{}

	aliases, err := bulkLists(ctx, tx, `SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	if err := bulkScan(ctx, tx, `SELECT id, name, kind FROM actors ORDER BY id`, func(rows *sql.Rows) error {
		var a model.Actor
		var kind string
		err := rows.Scan(&a.ID, &a.Name, &kind)
		a.Kind = model.ActorKind(kind)
		a.Aliases = aliases[a.ID]
		snap.Actors = append(snap.Actors, a)
		return err
	}); err != nil {
		return nil, err
	}
	if err := bulkScan(ctx, tx, `SELECT id, title, outlet, url, published FROM sources ORDER BY id`, func(rows *sql.Rows) error {
		var src model.Source
		err := rows.Scan(&src.ID, &src.Title, &src.Outlet, &src.URL, &src.Published)
		snap.Sources = append(snap.Sources, src)
		return err
	}); err != nil {
		return nil, err
	}
	if snap.Claims, err = allClaims(ctx, tx); err != nil {
		return nil, err
	}
	if err := bulkScan(ctx, tx, `
		SELECT l.from_id, l.to_id, l.relation, l.created_at FROM links l JOIN claims f ON f.id = l.from_id
		ORDER BY l.to_id, f.created_at, f.id`, func(rows *sql.Rows) error {
		var l LinkInfo
		var rel, created string
		err := rows.Scan(&l.FromID, &l.ToID, &rel, &created)
		l.Relation, l.CreatedAt = model.Relation(rel), model.ParseTime(created)
		snap.Links = append(snap.Links, l)
		return err
	}); err != nil {
		return nil, err
	}
	if err := bulkScan(ctx, tx, `
		SELECT id, claim_id, author, text, created_at FROM annotations ORDER BY claim_id, created_at, id`,
		func(rows *sql.Rows) error {
			var n model.Annotation
			var at string
			err := rows.Scan(&n.ID, &n.ClaimID, &n.Author, &n.Text, &at)
			n.CreatedAt = model.ParseTime(at)
			snap.Notes = append(snap.Notes, n)
			return err
		}); err != nil {
		return nil, err
	}
	return snap, nil
}

// Actor returns the actor with id inside the transaction, or an error
// wrapping model.ErrNotFound.
func (tx *Tx) Actor(id string) (model.Actor, error) { return actorByID(tx.ctx, tx.q, id) }

// Source returns the source with id, with its text, inside the transaction,
// or an error wrapping model.ErrNotFound.
func (tx *Tx) Source(id string) (model.Source, error) { return sourceByID(tx.ctx, tx.q, id) }

// FindSource finds a source by URL when url is not empty, otherwise by
// title, outlet and publication date (title ignoring case). It returns an
// error wrapping model.ErrNotFound when none matches.
func (tx *Tx) FindSource(url, title, outlet, published string) (model.Source, error) {
	var id string
	var err error
	if url != "" {
		err = tx.q.QueryRowContext(tx.ctx, `SELECT id FROM sources WHERE url = ? ORDER BY id LIMIT 1`, url).Scan(&id)
	} else {
		err = tx.q.QueryRowContext(tx.ctx, `
			SELECT id FROM sources WHERE title = ? COLLATE NOCASE AND outlet = ? AND published = ? AND url = ''
			ORDER BY id LIMIT 1`, title, outlet, published).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return model.Source{}, fmt.Errorf("store: no source matches: %w", model.ErrNotFound)
	}
	if err != nil {
		return model.Source{}, mapError("find source", err)
	}
	return sourceByID(tx.ctx, tx.q, id)
}

// Claim returns the claim with id, with its subjects and tags, inside the
// transaction, or an error wrapping model.ErrNotFound.
func (tx *Tx) Claim(id string) (model.Claim, error) {
	list, err := listSummaries(tx.ctx, tx.q, `WHERE c.id = ?`, id)
	if err != nil {
		return model.Claim{}, err
	}
	if len(list) == 0 {
		return model.Claim{}, fmt.Errorf("store: no claim %q: %w", id, model.ErrNotFound)
	}
	return list[0].Claim, nil
}

// FindClaims returns the ids of the claims by actorID whose statement is
// statement (ignoring case), oldest first. Imports use it to merge rows
// that carry no id.
func (tx *Tx) FindClaims(actorID, statement string) ([]string, error) {
	var ids []string
	err := scanRows(tx.ctx, tx.q, `
		SELECT id FROM claims WHERE actor_id = ? AND statement = ? COLLATE NOCASE
		ORDER BY created_at, id`, func(rows *sql.Rows) error {
		var id string
		err := rows.Scan(&id)
		ids = append(ids, id)
		return err
	}, actorID, strings.TrimSpace(statement))
	return ids, err
}

// LinkRelation returns the relation of the link from fromID to toID, or ""
// when the two are not linked.
func (tx *Tx) LinkRelation(fromID, toID string) (model.Relation, error) {
	var rel string
	err := tx.q.QueryRowContext(tx.ctx, `SELECT relation FROM links WHERE from_id = ? AND to_id = ?`, fromID, toID).Scan(&rel)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return model.Relation(rel), mapError("read link", err)
}

// HasNote reports whether the claim already has a note by author with text
// (both compared after trimming). When at is not zero the note must also
// have been written at that time (to the millisecond).
func (tx *Tx) HasNote(claimID, author, text string, at time.Time) (bool, error) {
	q := `SELECT EXISTS (SELECT 1 FROM annotations WHERE claim_id = ? AND author = ? AND text = ?`
	args := []any{claimID, strings.TrimSpace(author), strings.TrimSpace(text)}
	if !at.IsZero() {
		q += ` AND created_at = ?`
		args = append(args, model.FormatTime(at))
	}
	var ok bool
	err := tx.q.QueryRowContext(tx.ctx, q+`)`, args...).Scan(&ok)
	return ok, mapError("look up note", err)
}

// bulkScan runs query and calls fn for each row. (The snapshot keeps its
// own helpers so that it does not depend on the list code's internals.)
func bulkScan(ctx context.Context, q querier, query string, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return mapError("read snapshot", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return mapError("read snapshot", err)
		}
	}
	return mapError("read snapshot", rows.Err())
}

// bulkLists reads (owner id, value) rows, already in order, into lists.
func bulkLists(ctx context.Context, q querier, query string) (map[string][]string, error) {
	out := make(map[string][]string)
	err := bulkScan(ctx, q, query, func(rows *sql.Rows) error {
		var id, v string
		if err := rows.Scan(&id, &v); err != nil {
			return err
		}
		out[id] = append(out[id], v)
		return nil
	})
	return out, err
}

// ClaimExists reports whether a claim with id exists.
func (tx *Tx) ClaimExists(id string) (bool, error) {
	var ok bool
	err := tx.q.QueryRowContext(tx.ctx, `SELECT EXISTS (SELECT 1 FROM claims WHERE id = ?)`, id).Scan(&ok)
	return ok, mapError("look up claim", err)
}

// allClaims reads every claim with its tags and subjects, oldest first.
func allClaims(ctx context.Context, q querier) ([]model.Claim, error) {
	tags, err := bulkLists(ctx, q, `SELECT claim_id, tag FROM claim_tags ORDER BY claim_id, position`)
	if err != nil {
		return nil, err
	}
	subjects, err := bulkLists(ctx, q, `SELECT claim_id, actor_id FROM claim_subjects ORDER BY claim_id, position`)
	if err != nil {
		return nil, err
	}
	n, err := claimCount(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make([]model.Claim, 0, n)
	stamps := make([]string, 0, n) // created_at as stored, the order's first key
	err = bulkScan(ctx, q, `
		SELECT id, statement, quote, actor_id, coalesce(source_id, ''), made_on, verdict,
		       review_url, rating_explanation, reviewed_on, created_at, updated_at
		FROM claims`, func(rows *sql.Rows) error {
		var c model.Claim
		var verdict, created, updated string
		err := rows.Scan(&c.ID, &c.Statement, &c.Quote, &c.ActorID, &c.SourceID, &c.MadeOn, &verdict,
			&c.Review.URL, &c.Review.Explanation, &c.Review.Published, &created, &updated)
		c.Verdict = model.Verdict(verdict)
		c.CreatedAt, c.UpdatedAt = model.ParseTime(created), model.ParseTime(updated)
		c.Tags, c.SubjectIDs = tags[c.ID], subjects[c.ID]
		out = append(out, c)
		stamps = append(stamps, created)
		return err
	})
	if err != nil {
		return nil, err
	}
	byCreated(out, stamps, func(c *model.Claim) string { return c.ID }, false)
	return out, nil
}

// Claims reads every claim, with tags and subjects, inside the transaction,
// in three flat queries: how a large import looks up the claims it merges.
func (tx *Tx) Claims() (map[string]model.Claim, error) {
	list, err := allClaims(tx.ctx, tx.q)
	if err != nil {
		return nil, err
	}
	out := make(map[string]model.Claim, len(list))
	for _, c := range list {
		out[c.ID] = c
	}
	return out, nil
}
