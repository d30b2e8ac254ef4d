package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"claims/internal/model"
)

// deletedClaim is what the history keeps of a deleted claim, so that it can
// be put back whole: the claim with its subjects and tags, the actors and
// source it named (in case they are gone by then), its links both ways
// and its notes.
type deletedClaim struct {
	Claim    model.Claim
	Actor    model.Actor
	Subjects []model.Actor
	Source   *model.Source `json:",omitempty"` // without its text
	Links    []LinkInfo
	Notes    []model.Annotation
}

// DeleteClaim moves a claim to the Trash with its notes, tags and links.
// The claims that answered it stay: they are claims in their own right.
// RestoreClaim puts it back.
func (s *Store) DeleteClaim(ctx context.Context, id string) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.DeleteClaim(id) })
}

// DeleteClaim moves a claim to the Trash inside the transaction.
func (tx *Tx) DeleteClaim(id string) error {
	c, err := tx.Claim(id)
	if err != nil {
		return err
	}
	d := deletedClaim{Claim: c}
	if d.Actor, err = tx.Actor(c.ActorID); err != nil {
		return err
	}
	for _, sid := range c.SubjectIDs {
		a, err := tx.Actor(sid)
		if err != nil {
			return err
		}
		d.Subjects = append(d.Subjects, a)
	}
	if c.SourceID != "" {
		src, err := tx.Source(c.SourceID)
		if err != nil {
			return err
		}
		src.Text = ""
		d.Source = &src
	}
	if err := scanRows(tx.ctx, tx.q, `
		SELECT from_id, to_id, relation, created_at FROM links WHERE from_id = ? OR to_id = ?
		ORDER BY created_at, from_id, to_id`, func(rows *sql.Rows) error {
		var l LinkInfo
		var rel, at string
		err := rows.Scan(&l.FromID, &l.ToID, &rel, &at)
		l.Relation, l.CreatedAt = model.Relation(rel), model.ParseTime(at)
		d.Links = append(d.Links, l)
		return err
	}, id, id); err != nil {
		return err
	}
	if d.Notes, err = notesOf(tx.ctx, tx.q, id); err != nil {
		return err
	}
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("store: unable to keep claim %s in the Trash: %w", id, err)
	}
	// The links go with the claim; each shows in the history of the claim
	// at its other end.
	for _, l := range d.Links {
		tx.record(changeRow{entity: entLink, entityID: l.FromID, claimID: l.ToID, field: entLink, old: string(l.Relation)})
	}
	tx.record(changeRow{entity: entClaim, entityID: id, claimID: id, field: entClaim, old: c.Statement, data: string(data)})
	res, err := tx.exec(`DELETE FROM claims WHERE id = ?`, id)
	return mustAffect(res, err, "delete claim "+id)
}

// Trashed is a claim in the Trash.
type Trashed struct {
	ID        string
	Statement string
	ActorName string
	Deleted   ChangeSet // the set that deleted it
}

// Trash lists the deleted claims that have not been put back, the most
// recently deleted first.
func (s *Store) Trash(ctx context.Context) ([]Trashed, error) {
	var out []Trashed
	err := scanRows(ctx, s.reads(), `
		SELECT c.entity_id, c.old, c.data, s.id, s.at, s.reviewer, s.via
		FROM changes c JOIN change_sets s ON s.id = c.set_id
		WHERE c.entity = 'claim' AND c.field = 'claim' AND c.new = ''
		  AND NOT EXISTS (SELECT 1 FROM claims WHERE id = c.entity_id)
		  AND c.set_id = (SELECT max(d.set_id) FROM changes d
		                  WHERE d.entity = 'claim' AND d.field = 'claim' AND d.new = '' AND d.entity_id = c.entity_id)
		ORDER BY c.set_id DESC, c.seq DESC`, func(rows *sql.Rows) error {
		var t Trashed
		var data, at string
		if err := rows.Scan(&t.ID, &t.Statement, &data, &t.Deleted.ID, &at, &t.Deleted.Reviewer, &t.Deleted.Via); err != nil {
			return err
		}
		t.Deleted.At = model.ParseTime(at)
		var d deletedClaim
		if json.Unmarshal([]byte(data), &d) == nil {
			t.ActorName = d.Actor.Name
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// RestoreClaim puts a deleted claim back from the Trash, with its tags,
// subjects, notes and the links to claims that still exist. An actor or
// source it named that has been deleted since is made again.
func (s *Store) RestoreClaim(ctx context.Context, id string) error {
	return s.Update(ctx, func(tx *Tx) error {
		// The history says how the claim came back, not that it was
		// added anew.
		tx.origin.Via = "restore from the Trash"
		var data string
		err := tx.queryRow(`
			SELECT data FROM changes WHERE entity = 'claim' AND field = 'claim' AND new = '' AND entity_id = ?
			ORDER BY set_id DESC LIMIT 1`, id).Scan(&data)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: claim %s is not in the Trash: %w", id, model.ErrNotFound)
		}
		if err != nil {
			return mapError("read the Trash", err)
		}
		return tx.restoreClaim(data)
	})
}

// restoreClaim makes a deleted claim again from what DeleteClaim kept.
func (tx *Tx) restoreClaim(data string) error {
	var d deletedClaim
	if err := json.Unmarshal([]byte(data), &d); err != nil {
		return fmt.Errorf("store: the Trash's copy of this claim is unreadable: %w", err)
	}
	c := d.Claim
	if ok, err := tx.ClaimExists(c.ID); err != nil {
		return err
	} else if ok {
		return fmt.Errorf("store: claim %s exists already; it was put back before: %w", c.ID, model.ErrConflict)
	}
	var err error
	if c.ActorID, err = tx.actorAgain(d.Actor); err != nil {
		return err
	}
	c.SubjectIDs = c.SubjectIDs[:0]
	for _, a := range d.Subjects {
		id, err := tx.actorAgain(a)
		if err != nil {
			return err
		}
		c.SubjectIDs = append(c.SubjectIDs, id)
	}
	if d.Source != nil {
		if c.SourceID, err = tx.sourceAgain(*d.Source); err != nil {
			return err
		}
	}
	c.UpdatedAt = tx.now()
	if err := tx.CreateClaim(&c); err != nil {
		return err
	}
	for _, n := range d.Notes {
		if err := tx.insertNote(&n); err != nil {
			return err
		}
	}
	for _, l := range d.Links {
		other := l.FromID
		if other == c.ID {
			other = l.ToID
		}
		if ok, err := tx.ClaimExists(other); err != nil {
			return err
		} else if !ok {
			continue // the other end is gone too; putting it back brings the link
		}
		if err := tx.Link(l.Link); err != nil {
			return err
		}
	}
	return nil
}

// actorAgain returns the id of the actor a, as kept with a deleted claim:
// the same actor when it still exists, else one with its name, else a new
// one made from what was kept.
func (tx *Tx) actorAgain(a model.Actor) (string, error) {
	if _, err := tx.Actor(a.ID); err == nil {
		return a.ID, nil
	} else if !errors.Is(err, model.ErrNotFound) {
		return "", err
	}
	if found, err := tx.FindActor(a.Name); err == nil {
		return found.ID, nil
	} else if !errors.Is(err, model.ErrNotFound) {
		return "", err
	}
	a.Aliases = nil // they may name someone else by now
	if err := tx.CreateActor(&a); err != nil {
		return "", err
	}
	return a.ID, nil
}

// sourceAgain is actorAgain for a source.
func (tx *Tx) sourceAgain(src model.Source) (string, error) {
	if _, err := tx.Source(src.ID); err == nil {
		return src.ID, nil
	} else if !errors.Is(err, model.ErrNotFound) {
		return "", err
	}
	if err := tx.CreateSource(&src); err != nil {
		return "", err
	}
	return src.ID, nil
}
