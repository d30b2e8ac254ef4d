package db

import (
	"context"
	"encoding/json"
	"time"

	"claims/internal/model"
)

// AddNote appends a reviewer's note to a claim's history. Notes are never
// edited; an empty ID and a zero time are filled in.
func (s *Store) AddNote(ctx context.Context, n *model.Annotation) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.AddNote(n) })
}

// newNoteDefaults fills a new note's empty id and time (at) and
// validates it.
func newNoteDefaults(n *model.Annotation, at time.Time) error {
	if n.ID == "" {
		n.ID = model.NewID()
	}
	if n.CreatedAt.IsZero() {
		n.CreatedAt = at
	}
	return n.Validate()
}

// AddNote appends a note inside the transaction.
func (tx *Tx) AddNote(n *model.Annotation) error {
	if err := newNoteDefaults(n, tx.now()); err != nil {
		return err
	}
	if err := tx.insertNote(n); err != nil {
		return err
	}
	tx.record(noteChange(n, false))
	return nil
}

// noteChange records a note added, or removed with what is needed to put
// it back (an added note is in the annotations table for as long as
// undoing its addition may need it).
func noteChange(n *model.Annotation, removed bool) changeRow {
	r := changeRow{entity: entNote, entityID: n.ID, claimID: n.ClaimID, field: entNote, new: n.Text}
	if removed {
		data, _ := json.Marshal(n)
		r.old, r.new, r.data = r.new, "", string(data)
	}
	return r
}

// insertNote writes a note as it is, without recording it.
func (tx *Tx) insertNote(n *model.Annotation) error {
	_, err := tx.exec(
		`INSERT INTO annotations (id, claim_id, author, text, created_at) VALUES (?, ?, ?, ?, ?)`,
		n.ID, n.ClaimID, n.Author, n.Text, model.FormatTime(n.CreatedAt))
	if err != nil {
		return mapError("add note", notFoundIfInUse(err, "claim "+n.ClaimID))
	}
	return nil
}

// Notes lists a claim's notes, oldest first.
func (s *Store) Notes(ctx context.Context, claimID string) ([]model.Annotation, error) {
	return notesOf(ctx, s.reads(), claimID)
}

func notesOf(ctx context.Context, q querier, claimID string) ([]model.Annotation, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT id, claim_id, author, text, created_at FROM annotations
		WHERE claim_id = ? ORDER BY created_at, id`, claimID)
	if err != nil {
		return nil, mapError("list notes", err)
	}
	defer rows.Close()
	var out []model.Annotation
	for rows.Next() {
		var n model.Annotation
		var at string
		if err := rows.Scan(&n.ID, &n.ClaimID, &n.Author, &n.Text, &at); err != nil {
			return nil, mapError("list notes", err)
		}
		n.CreatedAt = model.ParseTime(at)
		out = append(out, n)
	}
	return out, mapError("list notes", rows.Err())
}
