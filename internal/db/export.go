package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"

	"claims/internal/model"
)

// The fast snapshot reads each table with one flat, unordered query whose
// rows are single text values, the fields joined by the unit separator
// (char(31)) and, for the tags and subjects, whole tables folded into one
// value with the record separator (char(30)) between rows: at 100,000
// claims that is several times cheaper than scanning nine columns per row
// or letting SQLite sort. The order the export needs is then made in Go.
// Validation keeps both separators out of every text field (they are
// control characters); a row that does not split into the expected number
// of fields makes Snapshot fall back to the plain queries.
const (
	snapFieldSep  = "\x1f"
	snapRecordSep = "\x1e"
)

// errSnapshotSplit says a concatenated row did not split as expected.
var errSnapshotSplit = errors.New("store: a row does not split into its fields")

// sharedReadTxs opens n read transactions on the reader pool that all see the
// same committed state: the write lock is held while each one makes its
// first read (which is when a WAL reader fixes its snapshot), so no commit
// can land between them. The caller rolls them back.
func (s *Store) sharedReadTxs(ctx context.Context, n int) ([]*sql.Tx, error) {
	lock, err := s.rw.BeginTx(ctx, nil) // BEGIN IMMEDIATE: writers wait
	if err != nil {
		return nil, mapError("read snapshot", err)
	}
	defer lock.Rollback()
	var txs []*sql.Tx
	for range n {
		tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err == nil {
			var one int
			err = tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM claims LIMIT 1)`).Scan(&one)
			txs = append(txs, tx)
		}
		if err != nil {
			for _, tx := range txs {
				tx.Rollback()
			}
			return nil, mapError("read snapshot", err)
		}
	}
	return txs, nil
}

// snapshotFast is Snapshot through flat concatenated queries on three
// connections sharing one snapshot. It returns errSnapshotSplit when a row does
// not split cleanly.
func (s *Store) snapshotFast(ctx context.Context) (*Snapshot, error) {
	txs, err := s.sharedReadTxs(ctx, 3)
	if err != nil {
		return nil, err
	}
	defer func() {
		for _, tx := range txs {
			tx.Rollback()
		}
	}()
	var (
		claims   []snapClaim
		tags     map[string][]string
		subjects map[string][]string
		snap     = &Snapshot{}
		links    []snapLink
		notes    []snapNote
		errs     [3]error
		wg       sync.WaitGroup
	)
	// Claims oldest first: stored times are fixed-width text that sorts
	// like the time, so this is the SQL "ORDER BY created_at, id". The
	// keys are sorted, not the claims, which are large to move; when every
	// time is in the stored layout they compare as milliseconds.
	type key struct {
		ms      int64
		created string
		id      string
		i       int
	}
	var keys []key
	wg.Add(2)
	go func() {
		defer wg.Done()
		if claims, errs[0] = readSnapClaims(ctx, txs[0]); errs[0] != nil {
			return
		}
		keys = make([]key, len(claims))
		stored := true
		for i := range claims {
			c := &claims[i]
			t, ok := model.ParseTimeLayout(c.created)
			stored = stored && ok
			c.CreatedAt = t
			keys[i] = key{t.UnixMilli(), c.created, c.ID, i}
		}
		cmpKeys := func(a, b key) int { return cmp.Or(cmp.Compare(a.ms, b.ms), strings.Compare(a.id, b.id)) }
		if !stored {
			cmpKeys = func(a, b key) int { return cmp.Or(strings.Compare(a.created, b.created), strings.Compare(a.id, b.id)) }
		}
		if !slices.IsSortedFunc(keys, cmpKeys) {
			slices.SortFunc(keys, cmpKeys)
		}
	}()
	go func() {
		defer wg.Done()
		q := txs[2]
		var err error
		if subjects, err = readSnapLists(ctx, q, `SELECT group_concat(claim_id || char(31) || actor_id || char(31) || position, char(30)) FROM claim_subjects`); err != nil {
			errs[2] = err
			return
		}
		snap.Actors, snap.Sources, errs[2] = readSnapActorsAndSources(ctx, q)
	}()
	errs[1] = func() error {
		q := txs[1]
		var err error
		if tags, err = readSnapLists(ctx, q, `SELECT group_concat(claim_id || char(31) || tag || char(31) || position, char(30)) FROM claim_tags`); err != nil {
			return err
		}
		if links, err = readSnapLinks(ctx, q); err != nil {
			return err
		}
		notes, err = readSnapNotes(ctx, q)
		return err
	}()
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, err
	}

	// The claims in order with their lists and times, in two halves, beside
	// the links: by to, then by the answering claim's place in that order
	// (its creation time, then id); links whose answering claim is missing
	// are left out, as the join did.
	snap.Claims = make([]model.Claim, len(claims))
	fill := func(lo, hi int) {
		defer wg.Done()
		for i := lo; i < hi; i++ {
			c := &claims[keys[i].i]
			c.Tags, c.SubjectIDs = tags[c.ID], subjects[c.ID]
			c.UpdatedAt = model.ParseTime(c.updated)
			snap.Claims[i] = c.Claim
		}
	}
	half := len(keys) / 2
	wg.Add(2)
	go fill(0, half)
	go fill(half, len(keys))
	at := make(map[string]int, len(keys))
	for i, k := range keys {
		at[k.id] = i
	}
	kept := links[:0]
	for _, l := range links {
		if i, ok := at[l.FromID]; ok {
			l.fromAt = i
			kept = append(kept, l)
		}
	}
	slices.SortFunc(kept, func(a, b snapLink) int {
		return cmp.Or(strings.Compare(a.ToID, b.ToID), cmp.Compare(a.fromAt, b.fromAt))
	})
	snap.Links = make([]LinkInfo, len(kept))
	for i, l := range kept {
		snap.Links[i] = l.LinkInfo
	}
	wg.Wait()

	// Notes by claim, then time and id.
	slices.SortFunc(notes, func(a, b snapNote) int {
		return cmp.Or(strings.Compare(a.ClaimID, b.ClaimID), strings.Compare(a.created, b.created), strings.Compare(a.ID, b.ID))
	})
	snap.Notes = make([]model.Annotation, len(notes))
	for i, n := range notes {
		snap.Notes[i] = n.Annotation
		snap.Notes[i].CreatedAt = model.ParseTime(n.created)
	}
	return snap, nil
}

type snapClaim struct {
	model.Claim
	created, updated string // as stored
}

type snapLink struct {
	LinkInfo
	fromAt int // the answering claim's place in the export order
}

type snapNote struct {
	model.Annotation
	created string
}

// splitSnapFields splits a concatenated row into exactly len(out) fields.
func splitSnapFields(s string, out []string) error {
	if !listSplit(s, out) {
		return errSnapshotSplit
	}
	return nil
}

// scanText runs a query of one text column and calls fn for each value.
func scanSnapText(ctx context.Context, q querier, query string, fn func(string) error) error {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return mapError("read snapshot", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v sql.NullString
		if err := rows.Scan(&v); err != nil {
			return mapError("read snapshot", err)
		}
		if err := fn(v.String); err != nil {
			return err
		}
	}
	return mapError("read snapshot", rows.Err())
}

func readSnapClaims(ctx context.Context, q querier) ([]snapClaim, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM claims`).Scan(&n); err != nil {
		return nil, mapError("read snapshot", err)
	}
	out := make([]snapClaim, 0, n)
	var f [12]string
	err := scanSnapText(ctx, q, `
		SELECT id || char(31) || statement || char(31) || quote || char(31) || actor_id || char(31) ||
		       coalesce(source_id, '') || char(31) || made_on || char(31) || verdict || char(31) ||
		       review_url || char(31) || rating_explanation || char(31) || reviewed_on || char(31) ||
		       created_at || char(31) || updated_at
		FROM claims`, func(s string) error {
		if err := splitSnapFields(s, f[:]); err != nil {
			return err
		}
		out = append(out, snapClaim{
			Claim: model.Claim{ID: f[0], Statement: f[1], Quote: f[2], ActorID: f[3], SourceID: f[4],
				MadeOn: f[5], Verdict: model.Verdict(f[6]),
				Review: model.Review{URL: f[7], Explanation: f[8], Published: f[9]}},
			created: f[10], updated: f[11]})
		return nil
	})
	return out, err
}

// readSnapLists reads (owner id, value, position) rows folded into one
// value by query, and returns each owner's values in position order. Rows
// come in the order they were written, which is position order; when one
// does not, the lists are sorted by position.
func readSnapLists(ctx context.Context, q querier, query string) (map[string][]string, error) {
	var out map[string][]string
	var f [3]string
	err := scanSnapText(ctx, q, query, func(all string) error {
		out = make(map[string][]string, strings.Count(all, snapRecordSep)+1)
		var pos map[string][]int // only once a list is out of order
		for all != "" {
			rec := all
			if j := strings.IndexByte(all, snapRecordSep[0]); j >= 0 {
				rec, all = all[:j], all[j+1:]
			} else {
				all = ""
			}
			if err := splitSnapFields(rec, f[:]); err != nil {
				return err
			}
			p, err := strconv.Atoi(f[2])
			if err != nil {
				return errSnapshotSplit
			}
			list := out[f[0]]
			if ps, ok := pos[f[0]]; ok {
				pos[f[0]] = append(ps, p)
			} else if p != len(list) {
				if pos == nil {
					pos = make(map[string][]int)
				}
				ps := make([]int, len(list), len(list)+1)
				for i := range ps {
					ps[i] = i
				}
				pos[f[0]] = append(ps, p)
			}
			out[f[0]] = append(list, f[1])
		}
		for id, ps := range pos {
			vs := out[id]
			idx := make([]int, len(vs))
			for i := range idx {
				idx[i] = i
			}
			slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(ps[a], ps[b]) })
			sorted := make([]string, len(vs))
			for i, j := range idx {
				sorted[i] = vs[j]
			}
			out[id] = sorted
		}
		return nil
	})
	return out, err
}

// readSnapActorsAndSources reads the two small tables as Snapshot orders them.
func readSnapActorsAndSources(ctx context.Context, q querier) ([]model.Actor, []model.Source, error) {
	aliases, err := bulkLists(ctx, q, `SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias COLLATE NOCASE`)
	if err != nil {
		return nil, nil, err
	}
	var actors []model.Actor
	var f [3]string
	if err := scanSnapText(ctx, q, `SELECT id || char(31) || name || char(31) || kind FROM actors ORDER BY id`, func(s string) error {
		if err := splitSnapFields(s, f[:]); err != nil {
			return err
		}
		actors = append(actors, model.Actor{ID: f[0], Name: f[1], Kind: model.ActorKind(f[2]), Aliases: aliases[f[0]]})
		return nil
	}); err != nil {
		return nil, nil, err
	}
	var sources []model.Source
	var g [5]string
	if err := scanSnapText(ctx, q, `SELECT id || char(31) || title || char(31) || outlet || char(31) || url || char(31) || published FROM sources ORDER BY id`, func(s string) error {
		if err := splitSnapFields(s, g[:]); err != nil {
			return err
		}
		sources = append(sources, model.Source{ID: g[0], Title: g[1], Outlet: g[2], URL: g[3], Published: g[4]})
		return nil
	}); err != nil {
		return nil, nil, err
	}
	return actors, sources, nil
}

func readSnapLinks(ctx context.Context, q querier) ([]snapLink, error) {
	var out []snapLink
	var f [4]string
	err := scanSnapText(ctx, q, `SELECT from_id || char(31) || to_id || char(31) || relation || char(31) || created_at FROM links`, func(s string) error {
		if err := splitSnapFields(s, f[:]); err != nil {
			return err
		}
		out = append(out, snapLink{LinkInfo: LinkInfo{
			Link:      model.Link{FromID: f[0], ToID: f[1], Relation: model.Relation(f[2])},
			CreatedAt: model.ParseTime(f[3])}})
		return nil
	})
	return out, err
}

func readSnapNotes(ctx context.Context, q querier) ([]snapNote, error) {
	var out []snapNote
	var f [5]string
	err := scanSnapText(ctx, q, `SELECT id || char(31) || claim_id || char(31) || author || char(31) || text || char(31) || created_at FROM annotations`, func(s string) error {
		if err := splitSnapFields(s, f[:]); err != nil {
			return err
		}
		out = append(out, snapNote{Annotation: model.Annotation{ID: f[0], ClaimID: f[1], Author: f[2], Text: f[3]}, created: f[4]})
		return nil
	})
	return out, err
}

// snapshotTime is parseTime with a fast path for the stored layout.
