package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"claims/internal/model"
)

// CreateClaim stores a new claim with its subjects and tags. An empty ID is
// filled in; zero timestamps are set to now.
func (s *Store) CreateClaim(ctx context.Context, c *model.Claim) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.CreateClaim(c) })
}

// newClaimDefaults fills a new claim's empty id and times (created at,
// updated when created) and validates it: what every way of creating a
// claim does first.
func newClaimDefaults(c *model.Claim, at time.Time) error {
	if c.ID == "" {
		c.ID = model.NewID()
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = at
	}
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.CreatedAt
	}
	return c.Validate()
}

// claimColumns are the claim's own columns, written in this order by every
// INSERT of a claim.
const claimColumns = `id, statement, quote, actor_id, source_id, made_on, verdict,
	review_url, rating_explanation, reviewed_on, created_at, updated_at`

// claimArgs are c's values for claimColumns.
func claimArgs(c *model.Claim) []any {
	return []any{c.ID, c.Statement, c.Quote, c.ActorID, nullable(c.SourceID), c.MadeOn, string(c.Verdict),
		c.Review.URL, c.Review.Explanation, c.Review.Published, model.FormatTime(c.CreatedAt), model.FormatTime(c.UpdatedAt)}
}

// CreateClaim stores a new claim inside the transaction.
func (tx *Tx) CreateClaim(c *model.Claim) error {
	if err := newClaimDefaults(c, tx.now()); err != nil {
		return err
	}
	_, err := tx.exec(`INSERT INTO claims (`+claimColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, claimArgs(c)...)
	if err != nil {
		return mapError("create claim", explainClaimRefs(err, c))
	}
	tx.record(changeRow{entity: entClaim, entityID: c.ID, claimID: c.ID, field: entClaim, new: c.Statement})
	return tx.addClaimLists(c)
}

// UpdateClaim replaces a claim's fields, subjects and tags. When anything
// changed, the changes are recorded and the claim is stamped as updated
// now; c.CreatedAt and c.UpdatedAt are set to the stored times.
func (s *Store) UpdateClaim(ctx context.Context, c *model.Claim) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.UpdateClaim(c) })
}

// UpdateClaim replaces a claim inside the transaction.
func (tx *Tx) UpdateClaim(c *model.Claim) error {
	if err := c.Validate(); err != nil {
		return err
	}
	old, err := tx.Claim(c.ID)
	if err != nil {
		return err
	}
	return tx.replaceClaim(&old, c)
}

// PutClaim creates the claim, or, when a claim with its ID exists, updates
// it as UpdateClaim does. It is how imports merge rows by id.
func (tx *Tx) PutClaim(c *model.Claim) error {
	exists, err := tx.ClaimExists(c.ID)
	if err != nil {
		return err
	}
	if !exists {
		return tx.CreateClaim(c)
	}
	return tx.UpdateClaim(c)
}

// replaceClaim writes c, validated, over old, recording each field that
// changed.
func (tx *Tx) replaceClaim(old, c *model.Claim) error {
	changed := model.ChangedFields(old, c)
	c.CreatedAt, c.UpdatedAt = old.CreatedAt, old.UpdatedAt
	if len(changed) == 0 {
		return nil
	}
	c.UpdatedAt = tx.now()
	res, err := tx.exec(`
		UPDATE claims SET statement = ?, quote = ?, actor_id = ?, source_id = ?, made_on = ?, verdict = ?,
		       review_url = ?, rating_explanation = ?, reviewed_on = ?, updated_at = ?
		WHERE id = ?`,
		c.Statement, c.Quote, c.ActorID, nullable(c.SourceID), c.MadeOn, string(c.Verdict),
		c.Review.URL, c.Review.Explanation, c.Review.Published, model.FormatTime(c.UpdatedAt), c.ID)
	if err := mustAffect(res, explainClaimRefs(err, c), "update claim "+c.ID); err != nil {
		return err
	}
	lists := false
	for _, f := range changed {
		tx.record(changeRow{entity: entClaim, entityID: c.ID, claimID: c.ID, field: string(f), old: f.Get(old), new: f.Get(c)})
		lists = lists || f == model.FieldTags || f == model.FieldSubjects
	}
	if !lists {
		return nil
	}
	return tx.setClaimLists(c)
}

// setClaimLists replaces a claim's subjects and tags.
func (tx *Tx) setClaimLists(c *model.Claim) error {
	for _, q := range []string{`DELETE FROM claim_subjects WHERE claim_id = ?`, `DELETE FROM claim_tags WHERE claim_id = ?`} {
		if _, err := tx.exec(q, c.ID); err != nil {
			return mapError("replace subjects and tags", err)
		}
	}
	return tx.addClaimLists(c)
}

// addClaimLists stores the subjects and tags of a claim that has none yet.
func (tx *Tx) addClaimLists(c *model.Claim) error {
	for i, id := range c.SubjectIDs {
		if _, err := tx.exec(
			`INSERT INTO claim_subjects (claim_id, actor_id, position) VALUES (?, ?, ?)`, c.ID, id, i); err != nil {
			return mapError("add subject", notFoundIfInUse(err, "subject actor "+id))
		}
	}
	for i, tag := range c.Tags {
		if _, err := tx.exec(
			`INSERT INTO claim_tags (claim_id, tag, position) VALUES (?, ?, ?)`, c.ID, tag, i); err != nil {
			return mapError("add tag", err)
		}
	}
	return nil
}

// explainClaimRefs turns a foreign-key failure on a claim row into a
// not-found error naming the missing actor or source.
func explainClaimRefs(err error, c *model.Claim) error {
	if !isForeignKey(err) {
		return err
	}
	return fmt.Errorf("claim refers to actor %q or source %q, which do not exist: %w", c.ActorID, c.SourceID, model.ErrNotFound)
}

// notFoundIfInUse reads a foreign-key failure on insert as "what it refers
// to does not exist".
func notFoundIfInUse(err error, what string) error {
	if !isForeignKey(err) {
		return err
	}
	return fmt.Errorf("%s does not exist: %w", what, model.ErrNotFound)
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// SetVerdict records the reviewers' verdict on a claim.
func (s *Store) SetVerdict(ctx context.Context, id string, v model.Verdict) error {
	if !v.Valid() {
		return fmt.Errorf("store: verdict %q: %w", v, model.ErrInvalid)
	}
	return s.Update(ctx, func(tx *Tx) error {
		c, err := tx.Claim(id)
		if err != nil {
			return err
		}
		c.Verdict = v
		return tx.UpdateClaim(&c)
	})
}

// SetTags replaces a claim's tags.
func (s *Store) SetTags(ctx context.Context, id string, tags []string) error {
	tags, err := model.NormaliseTags(tags)
	if err != nil {
		return err
	}
	return s.Update(ctx, func(tx *Tx) error {
		c, err := tx.Claim(id)
		if err != nil {
			return err
		}
		c.Tags = tags
		return tx.UpdateClaim(&c)
	})
}

// summarySelect reads ClaimSummary rows; scanSummary reads them back.
const summarySelect = `
	SELECT c.id, c.statement, c.quote, c.actor_id, coalesce(c.source_id, ''), c.made_on, c.verdict,
	       c.review_url, c.rating_explanation, c.reviewed_on,
	       c.created_at, c.updated_at, a.name, coalesce(s.title, ''), coalesce(s.outlet, ''),
	       coalesce((SELECT group_concat(tag, char(31) ORDER BY position) FROM claim_tags WHERE claim_id = c.id), ''),
	       coalesce((SELECT group_concat(actor_id, char(31) ORDER BY position) FROM claim_subjects WHERE claim_id = c.id), ''),
	       (SELECT count(*) FROM links WHERE to_id = c.id AND relation <> 'supports'),
	       coalesce((SELECT group_concat(name, char(31) ORDER BY first) FROM (
	           SELECT ca.name AS name, min(l.created_at || l.from_id) AS first
	           FROM links l JOIN claims cc ON cc.id = l.from_id JOIN actors ca ON ca.id = cc.actor_id
	           WHERE l.to_id = c.id AND l.relation <> 'supports' GROUP BY ca.id) AS firsts), ''),
	       (SELECT count(*) FROM links WHERE from_id = c.id AND relation <> 'supports'),
	       coalesce((SELECT group_concat(author, char(31) ORDER BY first) FROM (
	           SELECT author, min(created_at || char(31) || id) AS first
	           FROM annotations WHERE claim_id = c.id GROUP BY author) AS authors), '')
	FROM claims c JOIN actors a ON a.id = c.actor_id LEFT JOIN sources s ON s.id = c.source_id`

func scanSummary(rows *sql.Rows) (model.ClaimSummary, error) {
	var cs model.ClaimSummary
	var verdict, created, updated, tags, subjects, counters, reviewers string
	err := rows.Scan(&cs.ID, &cs.Statement, &cs.Quote, &cs.ActorID, &cs.SourceID, &cs.MadeOn, &verdict,
		&cs.Review.URL, &cs.Review.Explanation, &cs.Review.Published, &created, &updated, &cs.ActorName, &cs.SourceTitle, &cs.SourceOutlet, &tags, &subjects,
		&cs.CounterCount, &counters, &cs.AnswersCount, &reviewers)
	cs.Verdict = model.Verdict(verdict)
	cs.CreatedAt, cs.UpdatedAt = model.ParseTime(created), model.ParseTime(updated)
	cs.Tags, cs.SubjectIDs, cs.CounterActors = splitList(tags), splitList(subjects), splitList(counters)
	cs.Reviewers = splitList(reviewers)
	return cs, err
}

// scanRows runs query with args and calls fn for each row.
func scanRows(ctx context.Context, q querier, query string, fn func(*sql.Rows) error, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return mapError("list", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return mapError("list", err)
		}
	}
	return mapError("list", rows.Err())
}

type counterInfo struct {
	count   int
	actors  []string
	answers int // claims this one denies, disputes or contradicts
}

// listCounters reads, for every claim that has counter-claims, how many
// there are and their actors' names, distinct, in link order, and for
// every counter-claim how many claims it answers, with one query that
// joins and sorts. ListClaims does that work in memory and
// falls back on this when a link names a claim it did not list.
func listCounters(ctx context.Context, q querier) (map[string]counterInfo, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT l.to_id, l.from_id, a.name FROM links l
		JOIN claims c ON c.id = l.from_id JOIN actors a ON a.id = c.actor_id
		WHERE l.relation <> 'supports'
		ORDER BY l.created_at, l.from_id`)
	if err != nil {
		return nil, mapError("list counter-claims", err)
	}
	defer rows.Close()
	out := make(map[string]counterInfo)
	names := make(map[string]string)
	for rows.Next() {
		var to, from, name string
		if err := rows.Scan(&to, &from, &name); err != nil {
			return nil, mapError("list counter-claims", err)
		}
		if shared, ok := names[name]; ok {
			name = shared
		} else {
			names[name] = name
		}
		ci := out[to]
		ci.count++
		if !slices.Contains(ci.actors, name) {
			ci.actors = append(ci.actors, name)
		}
		out[to] = ci
		fi := out[from]
		fi.answers++
		out[from] = fi
	}
	return out, mapError("list counter-claims", rows.Err())
}

// listSummaries reads the claims matching tail (a WHERE/ORDER BY clause)
// with a subquery per row: right for one claim, slow for all of them.
func listSummaries(ctx context.Context, q querier, tail string, args ...any) ([]model.ClaimSummary, error) {
	rows, err := q.QueryContext(ctx, summarySelect+" "+tail, args...)
	if err != nil {
		return nil, mapError("list claims", err)
	}
	defer rows.Close()
	var out []model.ClaimSummary
	for rows.Next() {
		cs, err := scanSummary(rows)
		if err != nil {
			return nil, mapError("list claims", err)
		}
		out = append(out, cs)
	}
	return out, mapError("list claims", rows.Err())
}

// Claim returns one claim.
func (s *Store) Claim(ctx context.Context, id string) (model.Claim, error) {
	list, err := listSummaries(ctx, s.reads(), `WHERE c.id = ?`, id)
	if err != nil {
		return model.Claim{}, err
	}
	if len(list) == 0 {
		return model.Claim{}, fmt.Errorf("store: no claim %q: %w", id, model.ErrNotFound)
	}
	return list[0].Claim, nil
}

// ClaimDetail returns a claim with its actor, subjects, source, the claims
// that answer it, the claims it answers and its notes, read in one snapshot.
func (s *Store) ClaimDetail(ctx context.Context, id string) (model.ClaimDetail, error) {
	var d model.ClaimDetail
	tx, done, err := s.readTx(ctx)
	if err != nil {
		return d, mapError("read claim", err)
	}
	defer done()
	list, err := listSummaries(ctx, tx, `WHERE c.id = ?`, id)
	if err != nil {
		return d, err
	}
	if len(list) == 0 {
		return d, fmt.Errorf("store: no claim %q: %w", id, model.ErrNotFound)
	}
	d.Claim = list[0].Claim
	if d.Actor, err = actorByID(ctx, tx, d.Claim.ActorID); err != nil {
		return d, err
	}
	for _, sid := range d.Claim.SubjectIDs {
		a, err := actorByID(ctx, tx, sid)
		if err != nil {
			return d, err
		}
		d.Subjects = append(d.Subjects, a)
	}
	if d.Claim.SourceID != "" {
		src, err := sourceByID(ctx, tx, d.Claim.SourceID)
		if err != nil {
			return d, err
		}
		d.Source = &src
	}
	if d.AnsweredBy, err = related(ctx, tx, "l.to_id = ?", "l.from_id", id); err != nil {
		return d, err
	}
	if d.Answers, err = related(ctx, tx, "l.from_id = ?", "l.to_id", id); err != nil {
		return d, err
	}
	d.Notes, err = notesOf(ctx, tx, id)
	return d, err
}

// related lists the claims on the other end (otherCol) of the links that
// match where.
func related(ctx context.Context, q querier, where, otherCol, id string) ([]model.Related, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT l.relation, c.id, c.statement, c.quote, c.actor_id, coalesce(c.source_id, ''), c.made_on,
		       c.verdict, c.created_at, c.updated_at, a.name
		FROM links l JOIN claims c ON c.id = `+otherCol+` JOIN actors a ON a.id = c.actor_id
		WHERE `+where+` ORDER BY l.created_at, c.id`, id)
	if err != nil {
		return nil, mapError("list linked claims", err)
	}
	defer rows.Close()
	var out []model.Related
	for rows.Next() {
		var r model.Related
		var rel, verdict, created, updated string
		if err := rows.Scan(&rel, &r.Claim.ID, &r.Claim.Statement, &r.Claim.Quote, &r.Claim.ActorID,
			&r.Claim.SourceID, &r.Claim.MadeOn, &verdict, &created, &updated, &r.ActorName); err != nil {
			return nil, mapError("list linked claims", err)
		}
		r.Relation, r.Claim.Verdict = model.Relation(rel), model.Verdict(verdict)
		r.Claim.CreatedAt, r.Claim.UpdatedAt = model.ParseTime(created), model.ParseTime(updated)
		out = append(out, r)
	}
	return out, mapError("list linked claims", rows.Err())
}

// StaleField is a field that someone changed after the window showed it,
// to something other than what the window now saves.
type StaleField struct {
	Field  string    // a model.ClaimField, or an actor's or a source's field
	Shown  string    // what the window showed
	Mine   string    // what the window saves
	Stored string    // what is stored now
	By     ChangeSet // who stored it, and when, when the history knows
}

// StaleError is the stale-save check's refusal: the claim, actor or source
// changed under the editor. Nothing was saved.
type StaleError struct {
	Entity string // claim, actor or source
	ID     string
	Fields []StaleField
}

func (e *StaleError) Error() string {
	var parts []string
	for _, f := range e.Fields {
		s := f.Field
		if f.By.ID != 0 {
			s += fmt.Sprintf(" (changed by %s at %s)", f.By.Reviewer, f.By.At.Local().Format("2006-01-02 15:04"))
		}
		parts = append(parts, s)
	}
	return fmt.Sprintf("store: %s %s was changed since it was shown: %s", e.Entity, e.ID, strings.Join(parts, ", "))
}

// Is makes errors.Is(err, model.ErrConflict) true.
func (e *StaleError) Is(target error) bool { return target == model.ErrConflict }

// claimFields are a claim's own fields, as the history names them.
var claimFields = func() []field[model.Claim] {
	var out []field[model.Claim]
	for _, f := range model.ClaimFields() {
		out = append(out, field[model.Claim]{string(f), f.Get, f.Set})
	}
	return out
}()

// editFields is the stale-save check of one entity: next is cur with the
// fields that changed from shown to edited set to edited's. A field that
// someone else changed since (stored differs from both shown and edited)
// is stale unless overwrite is set; with any stale field nothing is to be
// saved and the error is a *StaleError.
func editFields[T any](tx *Tx, entity, id string, fields []field[T], shown, edited, cur *T, overwrite bool) (T, error) {
	next := *cur
	stale := &StaleError{Entity: entity, ID: id}
	for _, f := range fields {
		mine := f.get(edited)
		if f.get(shown) == mine {
			continue
		}
		if stored := f.get(cur); !overwrite && stored != f.get(shown) && stored != mine {
			by, _, err := lastChange(tx.ctx, tx.q, entity, id, f.name)
			if err != nil {
				return next, err
			}
			stale.Fields = append(stale.Fields, StaleField{Field: f.name, Shown: f.get(shown), Mine: mine, Stored: stored, By: by})
		}
		f.set(&next, mine)
	}
	if len(stale.Fields) > 0 {
		return next, stale
	}
	return next, nil
}

// editEntity reads the entity id as stored (read), applies the fields that
// changed from shown to edited with the stale-save check (editFields) and
// writes the result (write).
func editEntity[T any](tx *Tx, entity, id string, fields []field[T], shown, edited *T, overwrite bool,
	read func(string) (T, error), write func(*T) error) error {
	cur, err := read(id)
	if err != nil {
		return err
	}
	next, err := editFields(tx, entity, id, fields, shown, edited, &cur, overwrite)
	if err != nil {
		return err
	}
	return write(&next)
}

// EditClaim saves the fields a person changed from shown (the claim as the
// window showed it) to edited, and no other: what someone else changed
// meanwhile in other fields stays. When someone changed one of the same
// fields to a different value since it was shown, nothing is saved and
// the error is a *StaleError naming each such field, its stored value and
// who stored it; save again with shown set to the stored claim to
// overwrite.
func (s *Store) EditClaim(ctx context.Context, shown, edited model.Claim) error {
	if err := edited.Validate(); err != nil {
		return err
	}
	return s.Update(ctx, func(tx *Tx) error {
		return editEntity(tx, entClaim, edited.ID, claimFields, &shown, &edited, false, tx.Claim, tx.UpdateClaim)
	})
}
