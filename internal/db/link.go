package db

import (
	"context"
	"fmt"

	"claims/internal/model"
)

// Link records that claim l.FromID answers claim l.ToID with l.Relation,
// replacing the relation when the two are already linked.
func (s *Store) Link(ctx context.Context, l model.Link) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.Link(l) })
}

// AddLink records a new link, as the window makes one between two claims
// it showed as not linked. When someone linked the two since with another
// relation, nothing is saved and the error is a *StaleError (field
// "relation", with who made it); Link saves over it. The same relation is
// no change.
func (s *Store) AddLink(ctx context.Context, l model.Link) error {
	return s.Update(ctx, func(tx *Tx) error {
		stored, err := tx.LinkRelation(l.FromID, l.ToID)
		if err != nil {
			return err
		}
		if stored != "" && stored != l.Relation {
			by, _, err := lastChangeWhere(tx.ctx, tx.q, `c.entity = ? AND c.entity_id = ? AND c.claim_id = ?`, entLink, l.FromID, l.ToID)
			if err != nil {
				return err
			}
			return &StaleError{Entity: entLink, ID: l.FromID + " → " + l.ToID,
				Fields: []StaleField{{Field: "relation", Mine: string(l.Relation), Stored: string(stored), By: by}}}
		}
		return tx.Link(l)
	})
}

// Link records a link inside the transaction.
func (tx *Tx) Link(l model.Link) error {
	if err := l.Validate(); err != nil {
		return err
	}
	old, err := tx.LinkRelation(l.FromID, l.ToID)
	if err != nil || old == l.Relation {
		return err
	}
	_, err = tx.exec(`
		INSERT INTO links (from_id, to_id, relation, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (from_id, to_id) DO UPDATE SET relation = excluded.relation`,
		l.FromID, l.ToID, string(l.Relation), model.FormatTime(tx.now()))
	if err != nil {
		return mapError("link claims", notFoundIfInUse(err, fmt.Sprintf("claim %s or %s", l.FromID, l.ToID)))
	}
	tx.record(changeRow{entity: entLink, entityID: l.FromID, claimID: l.ToID, field: entLink, old: string(old), new: string(l.Relation)})
	return nil
}

// Unlink removes the link from fromID to toID.
func (s *Store) Unlink(ctx context.Context, fromID, toID string) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.Unlink(fromID, toID) })
}

// Unlink removes a link inside the transaction.
func (tx *Tx) Unlink(fromID, toID string) error {
	old, err := tx.LinkRelation(fromID, toID)
	if err != nil {
		return err
	}
	res, err := tx.exec(`DELETE FROM links WHERE from_id = ? AND to_id = ?`, fromID, toID)
	if err := mustAffect(res, err, "unlink claims"); err != nil {
		return err
	}
	tx.record(changeRow{entity: entLink, entityID: fromID, claimID: toID, field: entLink, old: string(old)})
	return nil
}

// Links lists every link, oldest first.
func (s *Store) Links(ctx context.Context) ([]model.Link, error) {
	rows, err := s.reads().QueryContext(ctx, `SELECT from_id, to_id, relation FROM links ORDER BY created_at, from_id, to_id`)
	if err != nil {
		return nil, mapError("list links", err)
	}
	defer rows.Close()
	var out []model.Link
	for rows.Next() {
		var l model.Link
		var rel string
		if err := rows.Scan(&l.FromID, &l.ToID, &rel); err != nil {
			return nil, mapError("list links", err)
		}
		l.Relation = model.Relation(rel)
		out = append(out, l)
	}
	return out, mapError("list links", rows.Err())
}

// Contradictions lists every pair of a claim and a claim that denies,
// disputes or contradicts it, in the order the links were made.
func (s *Store) Contradictions(ctx context.Context) ([]model.Pair, error) {
	claims, err := s.ListClaims(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]model.ClaimSummary, len(claims))
	for _, c := range claims {
		byID[c.ID] = c
	}
	links, err := s.Links(ctx)
	if err != nil {
		return nil, err
	}
	var out []model.Pair
	for _, l := range links {
		claim, ok1 := byID[l.ToID]
		counter, ok2 := byID[l.FromID]
		if !l.Relation.Opposes() || !ok1 || !ok2 {
			continue
		}
		out = append(out, model.Pair{Claim: claim, Relation: l.Relation, Counter: counter})
	}
	return out, nil
}
