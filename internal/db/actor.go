package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"claims/internal/model"
)

// CreateActor stores a new actor with its aliases. An empty ID is filled in.
func (s *Store) CreateActor(ctx context.Context, a *model.Actor) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.CreateActor(a) })
}

// CreateActor stores a new actor inside the transaction.
func (tx *Tx) CreateActor(a *model.Actor) error {
	if a.ID == "" {
		a.ID = model.NewID()
	}
	if err := a.Validate(); err != nil {
		return err
	}
	if err := tx.nameFree(a); err != nil {
		return err
	}
	t := model.FormatTime(tx.now())
	if _, err := tx.exec(
		`INSERT INTO actors (id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		a.ID, a.Name, string(a.Kind), t, t); err != nil {
		return mapError(fmt.Sprintf("create actor %q", a.Name), err)
	}
	if err := tx.setAliases(a); err != nil {
		return err
	}
	tx.record(changeRow{entity: entActor, entityID: a.ID, field: entActor, new: a.Name})
	tx.slugs.add(a)
	return nil
}

// EditActor saves the fields a person changed from shown (the actor as the
// form showed it) to edited, and no other, as EditClaim does for a claim:
// when someone changed one of the same fields since, nothing is saved and
// the error is a *StaleError, unless overwrite says to save over it.
func (s *Store) EditActor(ctx context.Context, shown, edited model.Actor, overwrite bool) error {
	return s.Update(ctx, func(tx *Tx) error {
		return editEntity(tx, entActor, edited.ID, actorFields, &shown, &edited, overwrite, tx.Actor, tx.UpdateActor)
	})
}

// UpdateActor replaces an actor's name, kind and aliases inside the transaction.
func (tx *Tx) UpdateActor(a *model.Actor) error {
	if err := a.Validate(); err != nil {
		return err
	}
	old, err := tx.Actor(a.ID)
	if err != nil {
		return err
	}
	if err := tx.nameFree(a); err != nil {
		return err
	}
	res, err := tx.exec(
		`UPDATE actors SET name = ?, kind = ?, updated_at = ? WHERE id = ?`,
		a.Name, string(a.Kind), model.FormatTime(tx.now()), a.ID)
	if err := mustAffect(res, err, "update actor "+a.ID); err != nil {
		return err
	}
	if err := tx.setAliases(a); err != nil {
		return err
	}
	// Read back: aliases come back in their stored order.
	now, err := tx.Actor(a.ID)
	if err != nil {
		return err
	}
	for _, f := range actorFields {
		if o, n := f.get(&old), f.get(&now); o != n {
			tx.record(changeRow{entity: entActor, entityID: a.ID, field: f.name, old: o, new: n})
		}
	}
	tx.slugs.add(&now)
	return nil
}

// actorFields are the parts of an actor the history records.
var actorFields = []field[model.Actor]{
	{"name", func(a *model.Actor) string { return a.Name }, func(a *model.Actor, v string) { a.Name = v }},
	{"kind", func(a *model.Actor) string { return string(a.Kind) }, func(a *model.Actor, v string) { a.Kind = model.ActorKind(v) }},
	{"aliases", func(a *model.Actor) string { return strings.Join(a.Aliases, "\n") }, func(a *model.Actor, v string) {
		a.Aliases = nil
		if v != "" {
			a.Aliases = strings.Split(v, "\n")
		}
	}},
}

// nameFree refuses a's name when another actor already has it, in words
// a person can act on: the database's own refusal names a constraint and
// a code (and on PostgreSQL ends the transaction).
func (tx *Tx) nameFree(a *model.Actor) error {
	other, err := tx.otherActorNamed(a.Name, a.ID)
	if err == nil && other != "" {
		return fmt.Errorf("store: another actor is already called %q: %w", other, model.ErrConflict)
	}
	return err
}

// otherActorNamed is the name of the actor other than id that is called
// name (in any case), or "" when there is none.
func (tx *Tx) otherActorNamed(name, id string) (string, error) {
	var other string
	err := tx.queryRow(`SELECT name FROM actors WHERE name = ? COLLATE NOCASE AND id <> ?`, name, id).Scan(&other)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return other, mapError("check the actor's name", err)
}

func (tx *Tx) setAliases(a *model.Actor) error {
	if _, err := tx.exec(`DELETE FROM actor_aliases WHERE actor_id = ?`, a.ID); err != nil {
		return mapError("replace aliases", err)
	}
	for _, al := range a.Aliases {
		// An alias may not be another actor's name either.
		if other, err := tx.otherActorNamed(al, a.ID); err != nil {
			return err
		} else if other != "" {
			return fmt.Errorf("store: alias %q is already the name of actor %q: %w", al, other, model.ErrConflict)
		}
		if _, err := tx.exec(`INSERT INTO actor_aliases (actor_id, alias) VALUES (?, ?)`, a.ID, al); err != nil {
			if isUnique(err) {
				owner, _ := tx.actorByName(al)
				return fmt.Errorf("store: alias %q already belongs to %q: %w", al, owner.Name, model.ErrConflict)
			}
			return mapError("add alias", err)
		}
	}
	return nil
}

// DeleteActor removes an actor that no claim refers to; otherwise it
// returns model.ErrInUse (merge the actor into another instead).
func (s *Store) DeleteActor(ctx context.Context, id string) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.DeleteActor(id) })
}

// DeleteActor removes an unused actor inside the transaction.
func (tx *Tx) DeleteActor(id string) error {
	var n int
	if err := tx.queryRow(
		`SELECT (SELECT count(*) FROM claims WHERE actor_id = ?) + (SELECT count(*) FROM claim_subjects WHERE actor_id = ?)`,
		id, id).Scan(&n); err != nil {
		return mapError("count claims of actor", err)
	}
	if n > 0 {
		return fmt.Errorf("store: actor is named in %d claims; merge it into another actor instead: %w", n, model.ErrInUse)
	}
	a, err := tx.Actor(id)
	if err != nil {
		return err
	}
	res, err := tx.exec(`DELETE FROM actors WHERE id = ?`, id)
	if err := mustAffect(res, err, "delete actor "+id); err != nil {
		return err
	}
	data, _ := json.Marshal(a)
	tx.record(changeRow{entity: entActor, entityID: id, field: entActor, old: a.Name, data: string(data)})
	tx.slugs.remove(id)
	return nil
}

// Actor returns one actor with its aliases.
func (s *Store) Actor(ctx context.Context, id string) (model.Actor, error) {
	return actorByID(ctx, s.reads(), id)
}

func actorByID(ctx context.Context, q querier, id string) (model.Actor, error) {
	var a model.Actor
	var kind string
	err := q.QueryRowContext(ctx, `SELECT id, name, kind FROM actors WHERE id = ?`, id).Scan(&a.ID, &a.Name, &kind)
	if err != nil {
		return a, mapError("find actor "+id, err)
	}
	a.Kind = model.ActorKind(kind)
	a.Aliases, err = aliasesOf(ctx, q, id)
	return a, err
}

func aliasesOf(ctx context.Context, q querier, id string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias COLLATE NOCASE`, id)
	if err != nil {
		return nil, mapError("list aliases", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var al string
		if err := rows.Scan(&al); err != nil {
			return nil, mapError("list aliases", err)
		}
		out = append(out, al)
	}
	return out, mapError("list aliases", rows.Err())
}

// Actors lists every actor with its aliases, by name.
func (s *Store) Actors(ctx context.Context) ([]model.Actor, error) {
	return listActors(ctx, s.reads())
}

func listActors(ctx context.Context, q querier) ([]model.Actor, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT a.id, a.name, a.kind, coalesce(group_concat(al.alias, char(31) ORDER BY al.alias COLLATE NOCASE), '')
		FROM actors a LEFT JOIN actor_aliases al ON al.actor_id = a.id
		GROUP BY a.id ORDER BY a.name COLLATE NOCASE`)
	if err != nil {
		return nil, mapError("list actors", err)
	}
	defer rows.Close()
	var out []model.Actor
	for rows.Next() {
		var a model.Actor
		var kind, aliases string
		if err := rows.Scan(&a.ID, &a.Name, &kind, &aliases); err != nil {
			return nil, mapError("list actors", err)
		}
		a.Kind = model.ActorKind(kind)
		a.Aliases = splitList(aliases)
		out = append(out, a)
	}
	return out, mapError("list actors", rows.Err())
}

// FindActor finds the actor whose name or one of whose aliases is name,
// ignoring case and surrounding space: "kabul" finds the Afghan government.
func (s *Store) FindActor(ctx context.Context, name string) (model.Actor, error) {
	return findActor(ctx, s.reads(), name)
}

// FindActor finds an actor by name or alias inside the transaction.
func (tx *Tx) FindActor(name string) (model.Actor, error) { return findActor(tx.ctx, tx.q, name) }

func (tx *Tx) actorByName(name string) (model.Actor, error) { return findActor(tx.ctx, tx.q, name) }

func findActor(ctx context.Context, q querier, name string) (model.Actor, error) {
	name = strings.TrimSpace(name)
	var id string
	err := q.QueryRowContext(ctx, `
		SELECT id FROM actors WHERE name = ? COLLATE NOCASE
		UNION ALL
		SELECT actor_id FROM actor_aliases WHERE alias = ? COLLATE NOCASE
		LIMIT 1`, name, name).Scan(&id)
	if err == sql.ErrNoRows {
		return model.Actor{}, fmt.Errorf("store: no actor is called %q: %w", name, model.ErrNotFound)
	}
	if err != nil {
		return model.Actor{}, mapError("find actor", err)
	}
	return actorByID(ctx, q, id)
}

// MergeActors folds actor goneID into keepID: its claims, the claims about
// it, its name and aliases all move to keepID, then goneID is deleted. It
// is one transaction, and one change set that Undo can revert.
func (s *Store) MergeActors(ctx context.Context, keepID, goneID string) error {
	if keepID == goneID {
		return fmt.Errorf("store: cannot merge an actor into itself: %w", model.ErrInvalid)
	}
	return s.Update(ctx, func(tx *Tx) error {
		keep, err := tx.Actor(keepID)
		if err != nil {
			return err
		}
		gone, err := tx.Actor(goneID)
		if err != nil {
			return err
		}
		var ids []string
		if err := scanRows(tx.ctx, tx.q, `
			SELECT id FROM claims WHERE actor_id = ?1
			UNION SELECT claim_id FROM claim_subjects WHERE actor_id = ?1`, func(rows *sql.Rows) error {
			var id string
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		}, goneID); err != nil {
			return err
		}
		for _, id := range ids {
			c, err := tx.Claim(id)
			if err != nil {
				return err
			}
			if c.ActorID == goneID {
				c.ActorID = keepID
			}
			for i, sid := range c.SubjectIDs {
				if sid == goneID {
					c.SubjectIDs[i] = keepID // Validate drops a second keepID
				}
			}
			if err := tx.UpdateClaim(&c); err != nil {
				return err
			}
		}
		if err := tx.DeleteActor(goneID); err != nil {
			return err
		}
		keep.Aliases = append(keep.Aliases, gone.Name)
		keep.Aliases = append(keep.Aliases, gone.Aliases...)
		return tx.UpdateActor(&keep)
	})
}

// mustAffect turns "no row changed" into model.ErrNotFound.
func mustAffect(res sql.Result, err error, action string) error {
	if err != nil {
		return mapError(action, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return mapError(action, err)
	}
	if n == 0 {
		return fmt.Errorf("store: unable to %s: %w", action, model.ErrNotFound)
	}
	return nil
}

// splitList splits a group_concat made with char(31), the unit separator,
// which cannot occur in validated text fields.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\x1f")
}
