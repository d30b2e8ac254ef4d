package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os/user"
	"strings"
	"sync"
	"time"

	"claims/internal/model"
)

// Origin says who makes a transaction's changes and how; the change
// history records it with every change set.
type Origin struct {
	Reviewer string // the reviewer's name
	Via      string // "window", "import of claims.csv", "extract", "cli" …
}

type originKey struct{}

// WithOrigin returns a context whose writes are recorded as made by o.
func WithOrigin(ctx context.Context, o Origin) context.Context {
	return context.WithValue(ctx, originKey{}, o)
}

// OriginOf is the Origin WithOrigin put in ctx, if any.
func OriginOf(ctx context.Context) (Origin, bool) {
	o, ok := ctx.Value(originKey{}).(Origin)
	return o, ok
}

type setIDKey struct{}

type tokenKey struct{}

// WithToken returns a context whose write carries token, a name the
// caller makes up for it: when the write is tried again with the same
// token (after a connection was lost mid-commit, say), a write already
// committed is not applied twice, and Update returns as if it had just
// succeeded.
func WithToken(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, tokenKey{}, token)
}

// WithSetID returns a context that, once a write made with it has
// committed, leaves in *id the number of the change set it recorded (0
// when it changed nothing). The window keeps these for Edit → Undo.
func WithSetID(ctx context.Context, id *int64) context.Context {
	return context.WithValue(ctx, setIDKey{}, id)
}

// defaultOrigin is who writes when neither the context nor the store says:
// the login name, from the command line.
var defaultOrigin = sync.OnceValue(func() Origin {
	name := "unknown"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	return Origin{Reviewer: name, Via: "cli"}
})

// SetOrigin sets who the store's writes are recorded as made by when their
// context does not say (WithOrigin). Empty parts keep the default: the
// login name, via "cli". On a PostgreSQL database the reviewer is always
// the user the server authenticated.
func (s *Store) SetOrigin(o Origin) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.origin = o
}

// originOf is who makes the writes of a transaction run with ctx.
func (s *Store) originOf(ctx context.Context) Origin {
	o, _ := ctx.Value(originKey{}).(Origin)
	s.mu.Lock()
	def := s.origin
	s.mu.Unlock()
	if o.Reviewer == "" {
		o.Reviewer = def.Reviewer
	}
	if o.Via == "" {
		o.Via = def.Via
	}
	if o.Reviewer == "" {
		o.Reviewer = defaultOrigin().Reviewer
	}
	if s.serverUser != "" {
		o.Reviewer = s.serverUser // the server says who is connected; a typed name does not
	}
	if o.Via == "" {
		o.Via = defaultOrigin().Via
	}
	return o
}

// The entities the history speaks of.
const (
	entClaim  = "claim"
	entLink   = "link"
	entNote   = "note"
	entActor  = "actor"
	entSource = "source"
)

// changeRow is one recorded change, waiting in its transaction.
type changeRow struct {
	entity, entityID, claimID, field, old, new, data string
}

// now is the transaction's time: every change it records, and every
// updated-at it stamps, carry it. Times of change sets only grow, even
// when the clock steps back, so "changed after" means "in a later set".
func (tx *Tx) now() time.Time {
	if !tx.at.IsZero() {
		return tx.at
	}
	at := model.Now()
	var last string
	err := tx.queryRow(`SELECT at FROM change_sets ORDER BY id DESC LIMIT 1`).Scan(&last)
	if err == nil {
		if prev := model.ParseTime(last); !at.After(prev) {
			at = prev.Add(time.Millisecond)
		}
	}
	tx.at = at
	return at
}

// record keeps a change for the transaction's change set.
func (tx *Tx) record(r changeRow) { tx.changes = append(tx.changes, r) }

// writeHistory writes the transaction's change set and its changes, when
// it made any, just before the commit.
func (tx *Tx) writeHistory() error {
	if len(tx.changes) == 0 && !tx.mark {
		return nil
	}
	at := model.FormatTime(tx.now())
	var undoes any
	if tx.undoes != 0 {
		undoes = tx.undoes
	}
	var token any
	if t, _ := tx.ctx.Value(tokenKey{}).(string); t != "" {
		token = t
	}
	if err := tx.queryRow(`INSERT INTO change_sets (at, reviewer, via, undoes, token) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		at, tx.origin.Reviewer, tx.origin.Via, undoes, token).Scan(&tx.setID); err != nil {
		return mapError("record the change history", err)
	}
	if tx.undoes != 0 {
		if _, err := tx.exec(`UPDATE change_sets SET undone_by = ? WHERE id = ?`, tx.setID, tx.undoes); err != nil {
			return mapError("record the change history", err)
		}
	}
	const width, perInsert = 9, 400
	if tx.copy != nil && len(tx.changes) > perInsert {
		c := &bulkCopy{table: "changes", cols: []string{"set_id", "seq", "entity", "entity_id", "claim_id", "field", "old", "new", "data"}}
		for i, r := range tx.changes {
			c.rows = append(c.rows, []any{tx.setID, i + 1, r.entity, r.entityID, r.claimID, r.field, r.old, r.new, r.data})
		}
		return mapError("record the change history", tx.copy(c))
	}
	for lo := 0; lo < len(tx.changes); lo += perInsert {
		rows := tx.changes[lo:min(lo+perInsert, len(tx.changes))]
		q := `INSERT INTO changes (set_id, seq, entity, entity_id, claim_id, field, old, new, data) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?), ", len(rows)), ", ")
		args := make([]any, 0, width*len(rows))
		for i, r := range rows {
			args = append(args, tx.setID, lo+i+1, r.entity, r.entityID, r.claimID, r.field, r.old, r.new, r.data)
		}
		if _, err := tx.exec(q, args...); err != nil { // prepared once a transaction for full runs
			return mapError("record the change history", err)
		}
	}
	return nil
}

// ChangeSet is one thing a person did: a save, an import, an undo.
type ChangeSet struct {
	ID       int64
	At       time.Time
	Reviewer string
	Via      string
	Undoes   int64 // the set this one reverted, or 0
	UndoneBy int64 // the set that reverted this one, or 0
	Changes  int   // how many changes it holds
}

// Change is one recorded change, with its set.
type Change struct {
	Set      ChangeSet
	Seq      int
	Entity   string // claim, link, note, actor or source
	EntityID string
	ClaimID  string // the claim concerned; "" for actors and sources
	Field    string // a model.ClaimField, or the entity for its existence, or another entity's field
	Old, New string // as stored: ids for actors and sources
	// OldText and NewText are Old and New as a person reads them: actor and
	// source ids as names and titles (as they are now, or the id when
	// gone), relations and notes as they are.
	OldText, NewText string
	data             string
}

// Describe says in a few words what the change was, e.g. `verdict:
// unreviewed → false` or `claim created`.
func (c Change) Describe() string {
	switch {
	case c.Field == c.Entity && c.Old == "":
		return c.Entity + " added: " + c.NewText
	case c.Field == c.Entity && c.New == "":
		return c.Entity + " removed: " + c.OldText
	}
	return fmt.Sprintf("%s: %s → %s", c.Field, orNone(c.OldText), orNone(c.NewText))
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return strings.ReplaceAll(s, "\n", "; ")
}

const changeSelect = `
	SELECT s.id, s.at, s.reviewer, s.via, coalesce(s.undoes, 0), coalesce(s.undone_by, 0),
	       c.seq, c.entity, c.entity_id, c.claim_id, c.field, c.old, c.new, c.data
	FROM changes c JOIN change_sets s ON s.id = c.set_id`

func scanChanges(ctx context.Context, q querier, query string, args ...any) ([]Change, error) {
	var out []Change
	err := scanRows(ctx, q, query, func(rows *sql.Rows) error {
		var c Change
		var at string
		if err := rows.Scan(&c.Set.ID, &at, &c.Set.Reviewer, &c.Set.Via, &c.Set.Undoes, &c.Set.UndoneBy,
			&c.Seq, &c.Entity, &c.EntityID, &c.ClaimID, &c.Field, &c.Old, &c.New, &c.data); err != nil {
			return err
		}
		c.Set.At = model.ParseTime(at)
		out = append(out, c)
		return nil
	}, args...)
	return out, err
}

// History lists the recorded changes, oldest first: every change when
// claimID is "", otherwise those to that claim (its fields, tags, notes,
// and the links to and from it).
func (s *Store) History(ctx context.Context, claimID string) ([]Change, error) {
	tx, done, err := s.readTx(ctx)
	if err != nil {
		return nil, mapError("read the history", err)
	}
	defer done()
	var list []Change
	if claimID == "" {
		list, err = scanChanges(ctx, tx, changeSelect+` ORDER BY c.set_id, c.seq`)
	} else {
		list, err = scanChanges(ctx, tx, changeSelect+`
			WHERE c.claim_id = ? OR (c.entity = 'link' AND c.entity_id = ?)
			ORDER BY c.set_id, c.seq`, claimID, claimID)
	}
	if err != nil {
		return nil, err
	}
	return list, describeChanges(ctx, tx, list)
}

// describeChanges fills OldText and NewText: actor and source ids become
// the names and titles they have now.
func describeChanges(ctx context.Context, q querier, list []Change) error {
	names := map[string]string{}
	lookup := func(query, id string) string {
		if id == "" {
			return ""
		}
		k := query[:12] + id
		if n, ok := names[k]; ok {
			return n
		}
		n := id
		if err := q.QueryRowContext(ctx, query, id).Scan(&n); err != nil {
			n = id + " (deleted)"
		}
		names[k] = n
		return n
	}
	actor := func(id string) string { return lookup(`SELECT name FROM actors WHERE id = ?`, id) }
	source := func(id string) string { return lookup(`SELECT title FROM sources WHERE id = ?`, id) }
	text := func(c *Change, v string) string {
		if c.Entity != entClaim {
			return v
		}
		switch model.ClaimField(c.Field) {
		case model.FieldActor:
			return actor(v)
		case model.FieldSource:
			return source(v)
		case model.FieldSubjects:
			var out []string
			for _, id := range strings.Split(v, "\n") {
				if id != "" {
					out = append(out, actor(id))
				}
			}
			return strings.Join(out, "\n")
		}
		return v
	}
	for i := range list {
		c := &list[i]
		c.OldText, c.NewText = text(c, c.Old), text(c, c.New)
	}
	return nil
}

// Sets lists the change sets, newest first, at most limit of them (all
// when limit is 0).
func (s *Store) Sets(ctx context.Context, limit int) ([]ChangeSet, error) {
	rest := " ORDER BY s.id DESC"
	if limit > 0 {
		rest += fmt.Sprintf(" LIMIT %d", limit)
	}
	return s.sets(ctx, rest)
}

// Set is change set id, with the number of changes it holds; ErrNotFound
// when there is none.
func (s *Store) Set(ctx context.Context, id int64) (ChangeSet, error) {
	list, err := s.sets(ctx, " WHERE s.id = ?", id)
	if err == nil && len(list) == 0 {
		err = fmt.Errorf("store: there is no change set %d: %w", id, model.ErrNotFound)
	}
	if err != nil {
		return ChangeSet{}, err
	}
	return list[0], nil
}

// sets reads change sets; rest is what follows the FROM clause.
func (s *Store) sets(ctx context.Context, rest string, args ...any) ([]ChangeSet, error) {
	q := `SELECT s.id, s.at, s.reviewer, s.via, coalesce(s.undoes, 0), coalesce(s.undone_by, 0),
	             (SELECT count(*) FROM changes c WHERE c.set_id = s.id)
	      FROM change_sets s` + rest
	var out []ChangeSet
	err := scanRows(ctx, s.reads(), q, func(rows *sql.Rows) error {
		var cs ChangeSet
		var at string
		err := rows.Scan(&cs.ID, &at, &cs.Reviewer, &cs.Via, &cs.Undoes, &cs.UndoneBy, &cs.Changes)
		cs.At = model.ParseTime(at)
		out = append(out, cs)
		return err
	}, args...)
	return out, err
}

// versionQuery reads the number of the newest change set.
const versionQuery = `SELECT coalesce(max(id), 0) FROM change_sets`

// Version is the number of the newest change set: it grows with every
// write, by this process or another, so a window that saw version v and
// reads a larger one knows to refresh.
func (s *Store) Version(ctx context.Context) (int64, error) {
	var v int64
	err := s.reads().QueryRowContext(ctx, versionQuery).Scan(&v)
	return v, mapError("read the database version", err)
}

// lastChange is the change set that last changed field of the claim,
// actor or source id (entity), or made it.
func lastChange(ctx context.Context, q querier, entity, id, field string) (ChangeSet, bool, error) {
	return lastChangeWhere(ctx, q, `c.entity = ? AND c.entity_id = ? AND (c.field = ? OR c.field = ?)`, entity, id, field, entity)
}

// lastChangeWhere is the newest change set holding a change that where
// (on changes c) picks.
func lastChangeWhere(ctx context.Context, q querier, where string, args ...any) (cs ChangeSet, ok bool, err error) {
	var at string
	err = q.QueryRowContext(ctx, `
		SELECT s.id, s.at, s.reviewer, s.via FROM changes c JOIN change_sets s ON s.id = c.set_id
		WHERE `+where+` ORDER BY c.set_id DESC LIMIT 1`, args...).Scan(&cs.ID, &at, &cs.Reviewer, &cs.Via)
	if errors.Is(err, sql.ErrNoRows) {
		return cs, false, nil
	}
	if err != nil {
		return cs, false, mapError("read the history", err)
	}
	cs.At = model.ParseTime(at)
	return cs, true, nil
}

// Changes lists the recorded changes to one claim's own fields and its
// existence (entity "claim"), or to one actor's or source's, oldest first.
// The transaction's own changes are not among them: they are written with
// the commit. It is what an import compares a file's values with.
func (tx *Tx) Changes(entity, id string) ([]Change, error) {
	return scanChanges(tx.ctx, tx.q, changeSelect+`
		WHERE c.entity = ? AND c.entity_id = ? ORDER BY c.set_id, c.seq`, entity, id)
}

// The entities Changes takes.
const (
	EntityClaim  = entClaim
	EntitySource = entSource
	EntityActor  = entActor
)
