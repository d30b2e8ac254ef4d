package db

import (
	"context"
	"encoding/json"
	"fmt"

	"claims/internal/model"
)

// CreateSource stores a new source. An empty ID is filled in.
func (s *Store) CreateSource(ctx context.Context, src *model.Source) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.CreateSource(src) })
}

// CreateSource stores a new source inside the transaction.
func (tx *Tx) CreateSource(src *model.Source) error {
	if src.ID == "" {
		src.ID = model.NewID()
	}
	if err := src.Validate(); err != nil {
		return err
	}
	t := model.FormatTime(tx.now())
	_, err := tx.exec(`
		INSERT INTO sources (id, title, outlet, url, published, text, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		src.ID, src.Title, src.Outlet, src.URL, src.Published, src.Text, t, t)
	if err != nil {
		return mapError(fmt.Sprintf("create source %q", src.Title), err)
	}
	tx.record(changeRow{entity: entSource, entityID: src.ID, field: entSource, new: src.Title})
	return nil
}

// sourceFields are the parts of a source the history records.
var sourceFields = []field[model.Source]{
	{"title", func(s *model.Source) string { return s.Title }, func(s *model.Source, v string) { s.Title = v }},
	{"outlet", func(s *model.Source) string { return s.Outlet }, func(s *model.Source, v string) { s.Outlet = v }},
	{"url", func(s *model.Source) string { return s.URL }, func(s *model.Source, v string) { s.URL = v }},
	{"publication date", func(s *model.Source) string { return s.Published }, func(s *model.Source, v string) { s.Published = v }},
	{"text", func(s *model.Source) string { return s.Text }, func(s *model.Source, v string) { s.Text = v }},
}

// EditSource saves the fields a person changed from shown to edited, and
// no other, as EditActor does.
func (s *Store) EditSource(ctx context.Context, shown, edited model.Source, overwrite bool) error {
	return s.Update(ctx, func(tx *Tx) error {
		return editEntity(tx, entSource, edited.ID, sourceFields, &shown, &edited, overwrite, tx.Source, tx.UpdateSource)
	})
}

// UpdateSource replaces a source's fields inside the transaction.
func (tx *Tx) UpdateSource(src *model.Source) error {
	if err := src.Validate(); err != nil {
		return err
	}
	old, err := tx.Source(src.ID)
	if err != nil {
		return err
	}
	var changed bool
	for _, f := range sourceFields {
		if o, n := f.get(&old), f.get(src); o != n {
			tx.record(changeRow{entity: entSource, entityID: src.ID, field: f.name, old: o, new: n})
			changed = true
		}
	}
	if !changed {
		return nil
	}
	res, err := tx.exec(`
		UPDATE sources SET title = ?, outlet = ?, url = ?, published = ?, text = ?, updated_at = ?
		WHERE id = ?`,
		src.Title, src.Outlet, src.URL, src.Published, src.Text, model.FormatTime(tx.now()), src.ID)
	return mustAffect(res, err, "update source "+src.ID)
}

// DeleteSource removes a source that no claim cites; otherwise it returns
// model.ErrInUse.
func (s *Store) DeleteSource(ctx context.Context, id string) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.DeleteSource(id) })
}

// DeleteSource removes a source no claim cites inside the transaction.
func (tx *Tx) DeleteSource(id string) error {
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM claims WHERE source_id = ?`, id).Scan(&n); err != nil {
		return mapError("count claims of source", err)
	}
	if n > 0 {
		return fmt.Errorf("store: %d claims cite this source; delete them or change their source first: %w", n, model.ErrInUse)
	}
	src, err := tx.Source(id)
	if err != nil {
		return err
	}
	res, err := tx.exec(`DELETE FROM sources WHERE id = ?`, id)
	if err := mustAffect(res, err, "delete source "+id); err != nil {
		return err
	}
	data, _ := json.Marshal(src)
	tx.record(changeRow{entity: entSource, entityID: id, field: entSource, old: src.Title, data: string(data)})
	return nil
}

const sourceColumns = `id, title, outlet, url, published, text`

// Source returns one source with its stored text.
func (s *Store) Source(ctx context.Context, id string) (model.Source, error) {
	return sourceByID(ctx, s.reads(), id)
}

func sourceByID(ctx context.Context, q querier, id string) (model.Source, error) {
	var src model.Source
	err := q.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = ?`, id).
		Scan(&src.ID, &src.Title, &src.Outlet, &src.URL, &src.Published, &src.Text)
	return src, mapError("find source "+id, err)
}

// Sources lists every source, newest publication first, then by title.
// Article text is left out; ask Source for it.
func (s *Store) Sources(ctx context.Context) ([]model.Source, error) {
	rows, err := s.reads().QueryContext(ctx, `
		SELECT id, title, outlet, url, published, '' FROM sources
		ORDER BY published DESC, title COLLATE NOCASE`)
	if err != nil {
		return nil, mapError("list sources", err)
	}
	defer rows.Close()
	var out []model.Source
	for rows.Next() {
		var src model.Source
		if err := rows.Scan(&src.ID, &src.Title, &src.Outlet, &src.URL, &src.Published, &src.Text); err != nil {
			return nil, mapError("list sources", err)
		}
		out = append(out, src)
	}
	return out, mapError("list sources", rows.Err())
}
