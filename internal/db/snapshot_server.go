package db

import (
	"context"

	"claims/internal/model"
)

// snapshotServer is Snapshot on PostgreSQL. The claims are read on one
// connection while the actors, sources, tags, subjects, links and notes
// are read on a second one that sees the same snapshot
// (pg_export_snapshot), both with pgx itself (serverRead.rows); the claims
// are ordered in Go. It gives what snapshotSlow gives (tested against it
// on a real server).
func (s *Store) snapshotServer(ctx context.Context) (*Snapshot, error) {
	r, id, err := s.beginSharedRead(ctx)
	if err != nil {
		return nil, err
	}
	defer r.close()
	snap := &Snapshot{}
	var tags, subjects map[string][]string
	sideDone := make(chan error, 1)
	go func() { sideDone <- s.readSnapshotSides(ctx, id, snap, &tags, &subjects) }()
	claims, err := readServerClaims(ctx, r)
	if sideErr := <-sideDone; err == nil {
		err = sideErr
	}
	if err != nil {
		return nil, err
	}
	for i := range claims {
		c := &claims[i]
		c.Tags, c.SubjectIDs = tags[c.ID], subjects[c.ID]
	}
	snap.Claims = claims
	return snap, nil
}

// readServerClaims reads every claim's own row, oldest first.
func readServerClaims(ctx context.Context, r *serverRead) ([]model.Claim, error) {
	n, err := claimCount(ctx, handle{r.tx, postgresSQL})
	if err != nil {
		return nil, err
	}
	out := make([]model.Claim, 0, n)
	created := make([]string, 0, n)
	err = r.rows(ctx, `SELECT `+claimColumnsServer+` FROM claims c`, 12, func(v [][]byte) error {
		c, at := claimOfRow(v)
		out = append(out, c)
		created = append(created, at)
		return nil
	})
	if err != nil {
		return nil, err
	}
	byCreated(out, created, func(c *model.Claim) string { return c.ID }, false)
	return out, nil
}

// readSnapshotSides reads everything of the snapshot but the claims' own
// rows, in the orders snapshotSlow reads them, in a transaction that sees
// snapshot.
func (s *Store) readSnapshotSides(ctx context.Context, snapshot string, snap *Snapshot, tags, subjects *map[string][]string) error {
	r, err := s.beginServerRead(ctx, snapshot)
	if err != nil {
		return err
	}
	defer r.close()
	aliases, err := r.lists(ctx, `SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias COLLATE NOCASE`)
	if err != nil {
		return err
	}
	if err := r.rows(ctx, `SELECT id, name, kind FROM actors ORDER BY id`, 3, func(v [][]byte) error {
		id := string(v[0])
		snap.Actors = append(snap.Actors, model.Actor{ID: id, Name: string(v[1]), Kind: model.ActorKind(v[2]), Aliases: aliases[id]})
		return nil
	}); err != nil {
		return err
	}
	if err := r.rows(ctx, `SELECT id, title, outlet, url, published FROM sources ORDER BY id`, 5, func(v [][]byte) error {
		snap.Sources = append(snap.Sources, model.Source{ID: string(v[0]), Title: string(v[1]), Outlet: string(v[2]), URL: string(v[3]), Published: string(v[4])})
		return nil
	}); err != nil {
		return err
	}
	if *tags, err = r.lists(ctx, `SELECT claim_id, tag FROM claim_tags ORDER BY claim_id, position`); err != nil {
		return err
	}
	if *subjects, err = r.lists(ctx, `SELECT claim_id, actor_id FROM claim_subjects ORDER BY claim_id, position`); err != nil {
		return err
	}
	if err := r.rows(ctx, `
		SELECT l.from_id, l.to_id, l.relation, l.created_at FROM links l JOIN claims f ON f.id = l.from_id
		ORDER BY l.to_id, f.created_at, f.id`, 4, func(v [][]byte) error {
		l := LinkInfo{Link: model.Link{FromID: string(v[0]), ToID: string(v[1]), Relation: model.Relation(v[2])}, CreatedAt: model.ParseTime(string(v[3]))}
		snap.Links = append(snap.Links, l)
		return nil
	}); err != nil {
		return err
	}
	return r.rows(ctx, `
		SELECT id, claim_id, author, text, created_at FROM annotations ORDER BY claim_id, created_at, id`, 5, func(v [][]byte) error {
		snap.Notes = append(snap.Notes, model.Annotation{ID: string(v[0]), ClaimID: string(v[1]), Author: string(v[2]), Text: string(v[3]),
			CreatedAt: model.ParseTime(string(v[4]))})
		return nil
	})
}
