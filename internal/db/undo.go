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

// UndoConflict is a value a change set wrote that a later change has
// touched since, so that undoing the set would overwrite that later work.
type UndoConflict struct {
	Entity, EntityID, ClaimID string
	Field                     string
	SetTo                     string    // what the set wrote
	Now                       string    // what is there now
	By                        ChangeSet // the later set that changed it, when the history knows
}

// UndoError says why a change set cannot be undone.
type UndoError struct {
	Set       int64
	Conflicts []UndoConflict
}

func (e *UndoError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cannot undo change set %d: later changes touched what it changed:", e.Set)
	for i, c := range e.Conflicts {
		if i == 8 {
			fmt.Fprintf(&b, "; and %d more", len(e.Conflicts)-i)
			break
		}
		sep := " "
		if i > 0 {
			sep = "; "
		}
		what := c.Entity + " " + c.EntityID
		if c.Entity == entLink {
			what = "link " + c.EntityID + " → " + c.ClaimID
		}
		fmt.Fprintf(&b, "%s%s %s", sep, what, c.Field)
		if c.By.ID != 0 {
			fmt.Fprintf(&b, " (changed in set %d by %s, %s)", c.By.ID, c.By.Reviewer, c.By.At.Format("2006-01-02 15:04"))
		}
	}
	return b.String()
}

// Is makes errors.Is(err, model.ErrConflict) true.
func (e *UndoError) Is(target error) bool { return target == model.ErrConflict }

// Undo reverts change set id as a new change set, which it returns. It
// refuses with an *UndoError, changing nothing, when a later change touched
// what the set changed; with model.ErrConflict when the set was undone
// already; with model.ErrNotFound when there is no such set. Undoing an
// undo is a redo.
func (s *Store) Undo(ctx context.Context, id int64) (int64, error) {
	var undoSet int64
	var target ChangeSet
	err := s.Update(ctx, func(tx *Tx) error {
		var err error
		if target, err = tx.changeSet(id); err != nil {
			return err
		}
		if target.UndoneBy != 0 {
			return fmt.Errorf("store: change set %d was undone already, by set %d: %w", id, target.UndoneBy, model.ErrConflict)
		}
		tx.undoes = id
		tx.origin.Via = fmt.Sprintf("undo of set %d", id)
		if strings.HasPrefix(target.Via, "undo of set ") { // undoing an undo makes the change again
			tx.origin.Via = fmt.Sprintf("redo of set %d", target.Undoes)
		}
		return tx.undo(id)
	})
	if err != nil {
		return 0, err
	}
	// The set's number, read back (WithSetID may be in ctx too).
	err = s.reads().QueryRowContext(ctx, `SELECT coalesce(undone_by, 0) FROM change_sets WHERE id = ?`, id).Scan(&undoSet)
	return undoSet, mapError("read the change history", err)
}

func (tx *Tx) changeSet(id int64) (ChangeSet, error) {
	var cs ChangeSet
	var at string
	err := tx.queryRow(`SELECT id, at, reviewer, via, coalesce(undoes, 0), coalesce(undone_by, 0) FROM change_sets WHERE id = ?`, id).
		Scan(&cs.ID, &at, &cs.Reviewer, &cs.Via, &cs.Undoes, &cs.UndoneBy)
	if errors.Is(err, sql.ErrNoRows) {
		return cs, fmt.Errorf("store: there is no change set %d: %w", id, model.ErrNotFound)
	}
	cs.At = model.ParseTime(at)
	return cs, mapError("read the change history", err)
}

// undo reverts the changes of set id, newest first, checking each against
// what is there now.
func (tx *Tx) undo(id int64) error {
	list, err := scanChanges(tx.ctx, tx.q, changeSelect+` WHERE c.set_id = ? ORDER BY c.seq DESC`, id)
	if err != nil {
		return err
	}
	var conflicts []UndoConflict
	for _, c := range list {
		if len(conflicts) > 0 && (c.Entity == entActor || c.Entity == entSource) && c.Field == c.Entity && c.Old == "" {
			continue // it can only go once the claims before it did, and some cannot
		}
		cf, err := tx.revert(c)
		if err != nil {
			return err
		}
		conflicts = append(conflicts, cf...)
	}
	if len(conflicts) > 0 {
		return &UndoError{Set: id, Conflicts: conflicts}
	}
	return nil
}

// revert undoes one change, or says what stands in its way.
func (tx *Tx) revert(c Change) ([]UndoConflict, error) {
	conflict := func(now string) ([]UndoConflict, error) {
		by, err := tx.laterChange(c)
		return []UndoConflict{{Entity: c.Entity, EntityID: c.EntityID, ClaimID: c.ClaimID, Field: c.Field,
			SetTo: c.New, Now: now, By: by}}, err
	}
	switch c.Entity {
	case entClaim:
		return tx.revertClaim(c, conflict)
	case entLink:
		rel, err := tx.LinkRelation(c.EntityID, c.ClaimID)
		if err != nil {
			return nil, err
		}
		switch string(rel) {
		case c.Old:
			return nil, nil // as the undo would leave it already
		case c.New:
		default:
			return conflict(string(rel))
		}
		if c.Old == "" {
			return nil, tx.Unlink(c.EntityID, c.ClaimID)
		}
		for _, id := range []string{c.EntityID, c.ClaimID} {
			if ok, err := tx.ClaimExists(id); err != nil || !ok {
				if err != nil {
					return nil, err
				}
				return conflict("(claim " + id + " is deleted)")
			}
		}
		return nil, tx.Link(model.Link{FromID: c.EntityID, ToID: c.ClaimID, Relation: model.Relation(c.Old)})
	case entNote:
		return tx.revertNote(c, conflict)
	case entActor:
		return tx.revertActor(c, conflict)
	case entSource:
		return tx.revertSource(c, conflict)
	}
	return nil, fmt.Errorf("store: change set %d holds a change to %q, which this version cannot undo", c.Set.ID, c.Entity)
}

func (tx *Tx) revertClaim(c Change, conflict func(string) ([]UndoConflict, error)) ([]UndoConflict, error) {
	exists, err := tx.ClaimExists(c.EntityID)
	if err != nil {
		return nil, err
	}
	switch {
	case c.Field == entClaim && c.Old == "": // made: move it to the Trash
		if !exists {
			return conflict("(deleted)")
		}
		later, err := tx.laterChanges(c)
		if err != nil || len(later) > 0 {
			return later, err
		}
		return nil, tx.DeleteClaim(c.EntityID)
	case c.Field == entClaim: // deleted: put it back, unless that was done
		if exists {
			return nil, nil
		}
		return nil, tx.restoreClaim(c.data)
	}
	if !exists {
		return conflict("(deleted)")
	}
	cur, err := tx.Claim(c.EntityID)
	if err != nil {
		return nil, err
	}
	f := model.ClaimField(c.Field)
	switch f.Get(&cur) {
	case c.Old:
		return nil, nil
	case c.New:
	default:
		return conflict(f.Get(&cur))
	}
	f.Set(&cur, c.Old)
	return nil, tx.UpdateClaim(&cur)
}

func (tx *Tx) revertNote(c Change, conflict func(string) ([]UndoConflict, error)) ([]UndoConflict, error) {
	var n model.Annotation
	var at string
	err := tx.queryRow(`SELECT id, claim_id, author, text, created_at FROM annotations WHERE id = ?`, c.EntityID).
		Scan(&n.ID, &n.ClaimID, &n.Author, &n.Text, &at)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, mapError("look up note", err)
	}
	n.CreatedAt = model.ParseTime(at)
	if c.Old == "" { // added: take it away
		if !exists {
			return conflict("(removed)")
		}
		if _, err := tx.exec(`DELETE FROM annotations WHERE id = ?`, c.EntityID); err != nil {
			return nil, mapError("remove note", err)
		}
		tx.record(noteChange(&n, true))
		return nil, nil
	}
	if exists {
		return conflict("(exists)")
	}
	if err := json.Unmarshal([]byte(c.data), &n); err != nil {
		return nil, fmt.Errorf("store: the history's copy of note %s is unreadable: %w", c.EntityID, err)
	}
	if ok, err := tx.ClaimExists(n.ClaimID); err != nil || !ok {
		if err != nil {
			return nil, err
		}
		return conflict("(its claim is deleted)")
	}
	if err := tx.insertNote(&n); err != nil {
		return nil, err
	}
	tx.record(noteChange(&n, false))
	return nil, nil
}

func (tx *Tx) revertActor(c Change, conflict func(string) ([]UndoConflict, error)) ([]UndoConflict, error) {
	return revertEntity(c, conflict, entity[model.Actor]{
		read: tx.Actor, fields: actorFields, update: tx.UpdateActor,
		remove: tx.DeleteActor, inUse: "(named in claims made since)",
		create: func(a *model.Actor) error { return tx.CreateActor(a) },
	})
}

func (tx *Tx) revertSource(c Change, conflict func(string) ([]UndoConflict, error)) ([]UndoConflict, error) {
	return revertEntity(c, conflict, entity[model.Source]{
		read: tx.Source, fields: sourceFields, update: tx.UpdateSource,
		remove: tx.DeleteSource, inUse: "(cited by claims made since)",
		create: func(src *model.Source) error { return tx.CreateSource(src) },
	})
}

// entity is what undoing a change to an actor or a source needs of it.
type entity[T any] struct {
	read   func(id string) (T, error)
	fields []field[T]
	update func(*T) error
	remove func(id string) error
	create func(*T) error
	inUse  string // what stands in the way of removing one
}

// field is one recorded part of an actor or a source.
type field[T any] struct {
	name string
	get  func(*T) string
	set  func(*T, string)
}

// revertEntity undoes change c to an actor or a source: its making (it is
// removed, unless something uses it now), its removal (it is made again
// from what the history kept), or a field (set back, unless it changed
// since).
func revertEntity[T any](c Change, conflict func(string) ([]UndoConflict, error), e entity[T]) ([]UndoConflict, error) {
	cur, err := e.read(c.EntityID)
	exists := err == nil
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return nil, err
	}
	switch {
	case c.Field == c.Entity && c.Old == "": // made
		if !exists {
			return conflict("(deleted)")
		}
		if err := e.remove(c.EntityID); errors.Is(err, model.ErrInUse) {
			return conflict(e.inUse)
		} else if err != nil {
			return nil, err
		}
		return nil, nil
	case c.Field == c.Entity: // removed
		if exists {
			return conflict("(exists)")
		}
		var again T
		if err := json.Unmarshal([]byte(c.data), &again); err != nil {
			return nil, fmt.Errorf("store: the history's copy of %s %s is unreadable: %w", c.Entity, c.EntityID, err)
		}
		return nil, e.create(&again)
	}
	if !exists {
		return conflict("(deleted)")
	}
	for _, f := range e.fields {
		if f.name != c.Field {
			continue
		}
		switch f.get(&cur) {
		case c.Old:
			return nil, nil
		case c.New:
		default:
			return conflict(f.get(&cur))
		}
		f.set(&cur, c.Old)
		return nil, e.update(&cur)
	}
	return nil, fmt.Errorf("store: the history names %s field %q, which this version cannot undo", c.Entity, c.Field)
}

// laterChange is the newest change after c's set to the same value.
func (tx *Tx) laterChange(c Change) (ChangeSet, error) {
	list, err := scanChanges(tx.ctx, tx.q, changeSelect+`
		WHERE c.set_id > ? AND c.entity = ? AND c.entity_id = ? AND c.claim_id = ? AND (c.field = ? OR c.field = c.entity)
		ORDER BY c.set_id DESC LIMIT 1`, c.Set.ID, c.Entity, c.EntityID, c.ClaimID, c.Field)
	if err != nil || len(list) == 0 {
		return ChangeSet{}, err
	}
	return list[0].Set, nil
}

// laterChanges lists, as conflicts, what later sets did to a claim that c
// made and is still there to see: a field whose value is not what it was
// after c's set, a note or link added since. Removing the claim would take
// that work with it.
func (tx *Tx) laterChanges(c Change) ([]UndoConflict, error) {
	list, err := scanChanges(tx.ctx, tx.q, changeSelect+`
		WHERE c.set_id > ? AND (c.claim_id = ? OR (c.entity = 'link' AND c.entity_id = ?))
		ORDER BY c.set_id, c.seq`, c.Set.ID, c.EntityID, c.EntityID)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	cur, err := tx.Claim(c.EntityID)
	if err != nil {
		return nil, err
	}
	var out []UndoConflict
	seen := map[string]bool{}
	for _, l := range list {
		k := l.Entity + "\x00" + l.EntityID + "\x00" + l.ClaimID + "\x00" + l.Field
		if seen[k] {
			continue // the first later change holds the value c's set left
		}
		seen[k] = true
		var now string
		switch l.Entity {
		case entClaim:
			now = model.ClaimField(l.Field).Get(&cur)
		case entLink:
			rel, err := tx.LinkRelation(l.EntityID, l.ClaimID)
			if err != nil {
				return nil, err
			}
			now = string(rel)
		case entNote:
			if err := tx.queryRow(`SELECT coalesce((SELECT text FROM annotations WHERE id = ?), '')`, l.EntityID).Scan(&now); err != nil {
				return nil, mapError("look up note", err)
			}
		}
		if now == l.Old {
			continue // changed since, and changed back
		}
		field := l.Field
		if l.Entity != entClaim {
			field = l.Entity
		}
		probe := l
		probe.Set.ID = c.Set.ID
		by, err := tx.laterChange(probe)
		if err != nil {
			return nil, err
		}
		out = append(out, UndoConflict{Entity: entClaim, EntityID: c.EntityID, ClaimID: c.EntityID, Field: field, Now: now, By: by})
	}
	return out, nil
}
