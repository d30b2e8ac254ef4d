package csvio

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"claims/internal/db"
	"claims/internal/dedupe"
	"claims/internal/model"
)

// Result counts what an import did.
type Result struct {
	Rows            int
	ClaimsCreated   int
	ClaimsUpdated   int
	ClaimsUnchanged int
	ClaimsKept      int // the database's copy was newer than the file's
	ActorsCreated   int
	SourcesCreated  int
	SourcesUpdated  int
	Links           int // links made or whose relation changed
	NotesAdded      int
	NotesSkipped    int // already there
	// Created lists the claims the import created, in file order, for
	// a check against the claims that were there before (package dedupe).
	Created []Created
}

// Created is a claim an import created, and the line of its row.
type Created struct {
	Line int
	dedupe.Query
}

// NewClaims are the claims the import created, to check with
// dedupe.Index.FindAll against the claims that were there before.
func (r Result) NewClaims() []dedupe.Query {
	qs := make([]dedupe.Query, len(r.Created))
	for i, c := range r.Created {
		qs[i] = c.Query
	}
	return qs
}

func (r Result) String() string {
	s := fmt.Sprintf("%d rows: %d claims created, %d updated, %d unchanged", r.Rows, r.ClaimsCreated, r.ClaimsUpdated, r.ClaimsUnchanged)
	if r.ClaimsKept > 0 {
		s += fmt.Sprintf(", %d kept (newer in the database)", r.ClaimsKept)
	}
	return s + fmt.Sprintf("; %d actors created; %d sources created, %d updated; %d links; %d notes added, %d already there",
		r.ActorsCreated, r.SourcesCreated, r.SourcesUpdated, r.Links, r.NotesAdded, r.NotesSkipped)
}

// Import writes the batch into st in one transaction: all of it, or, on
// any error or when ctx is cancelled, none of it. progress, when not nil,
// is called now and then with the work done out of total. A large batch
// goes through a db.BulkTx, which gives the same result much faster.
func Import(ctx context.Context, st *db.Store, b *Batch, progress func(done, total int)) (Result, error) {
	var res Result
	apply := func(tx store) (err error) {
		res, err = b.apply(ctx, tx, progress)
		return err
	}
	var err error
	if len(b.Rows) >= bulkThreshold {
		err = st.UpdateBulk(ctx, func(tx *db.BulkTx) error { return apply(tx) })
	} else {
		err = st.Update(ctx, func(tx *db.Tx) error { return apply(tx) })
	}
	if err != nil {
		return Result{}, err
	}
	return res, nil
}

// Apply writes the batch through tx: actors are matched by id, then by name
// or alias, and created when unknown; sources by id, then by URL (or title,
// outlet and date); claims merged by id (rows without one by actor and
// statement); links and notes added when missing. It stops at the first
// error, which the caller's rollback undoes.
func (b *Batch) Apply(ctx context.Context, tx *db.Tx, progress func(done, total int)) (Result, error) {
	return b.apply(ctx, tx, progress)
}

// store is what Apply needs of a transaction: a db.Tx, or a db.BulkTx,
// which answers the same calls from memory and writes in batches.
type store interface {
	Actor(id string) (model.Actor, error)
	FindActor(name string) (model.Actor, error)
	CreateActor(a *model.Actor) error
	Source(id string) (model.Source, error)
	FindSource(url, title, outlet, published string) (model.Source, error)
	CreateSource(src *model.Source) error
	UpdateSource(src *model.Source) error
	Claims() (map[string]model.Claim, error)
	Claim(id string) (model.Claim, error)
	ClaimExists(id string) (bool, error)
	FindClaim(actorID, statement string) (string, error)
	CreateClaim(c *model.Claim) error
	PutClaim(c *model.Claim) error
	LinkRelation(fromID, toID string) (model.Relation, error)
	Link(l model.Link) error
	HasNote(claimID, author, text string, at time.Time) (bool, error)
	AddNote(n *model.Annotation) error
}

var (
	_ store = (*db.Tx)(nil)
	_ store = (*db.BulkTx)(nil)
)

func (b *Batch) apply(ctx context.Context, tx store, progress func(done, total int)) (Result, error) {
	a := applier{tx: tx, actors: map[string]string{}, sources: map[string]string{}, srcDone: map[string]bool{}, known: map[string]bool{}}
	for i := range b.Rows {
		if b.Rows[i].Claim.ID == "" {
			a.idless = true
			break
		}
	}
	res := &a.res
	res.Rows = len(b.Rows)
	total := 2 * len(b.Rows)
	report := func(done int) {
		if progress != nil && (done%200 == 0 || done == total) {
			progress(done, total)
		}
	}
	if len(b.Rows) >= bulkThreshold {
		var err error
		if a.existing, err = tx.Claims(); err != nil {
			return *res, err
		}
		for id := range a.existing {
			a.known[id] = true
		}
	}
	// Claim actors first, with their kinds and aliases, so that an actor
	// named as a subject before it makes a claim is created in full.
	for i := range b.Rows {
		if _, err := a.actor(b.Rows[i].Actor); err != nil {
			return *res, rowFail(&b.Rows[i], FActor, err)
		}
	}
	claimIDs := make([]string, len(b.Rows))
	for i := range b.Rows {
		if err := ctx.Err(); err != nil {
			return *res, err
		}
		id, err := a.claim(&b.Rows[i])
		if err != nil {
			return *res, err
		}
		claimIDs[i] = id
		a.known[id] = true
		report(i + 1)
	}
	for i := range b.Rows {
		if err := ctx.Err(); err != nil {
			return *res, err
		}
		if err := a.links(&b.Rows[i], claimIDs[i]); err != nil {
			return *res, err
		}
		report(len(b.Rows) + i + 1)
	}
	return *res, nil
}

// bulkThreshold is the batch size from which Apply reads all claims up
// front rather than one by one.
const bulkThreshold = 500

type applier struct {
	tx      store
	res     Result
	actors  map[string]string // lower-case name or id → actor id
	sources map[string]string // source key → id
	srcDone map[string]bool   // sources by id already compared
	known   map[string]bool   // claim ids known to exist
	// existing holds the database's claims, read up front for large
	// imports (a few flat queries instead of one per row); nil otherwise.
	existing map[string]model.Claim
	idless   bool // some row has no id
}

func rowFail(row *Row, f Field, err error) error {
	return rowErr(row.lineOf(f), f, err)
}

// actor resolves an actor reference to an id, creating the actor when no
// id, name or alias matches.
func (a *applier) actor(ref model.Actor) (string, error) {
	if ref.ID != "" {
		if id, ok := a.actors["id:"+ref.ID]; ok {
			return id, nil
		}
		if found, err := a.tx.Actor(ref.ID); err == nil {
			a.actors["id:"+ref.ID] = found.ID
			return found.ID, nil
		} else if !errors.Is(err, model.ErrNotFound) {
			return "", err
		}
	}
	k := strings.ToLower(ref.Name)
	if id, ok := a.actors[k]; ok {
		return id, nil
	}
	found, err := a.tx.FindActor(ref.Name)
	if err == nil {
		a.actors[k] = found.ID
		return found.ID, nil
	}
	if !errors.Is(err, model.ErrNotFound) {
		return "", err
	}
	// A new actor; aliases that already name someone are dropped.
	var aliases []string
	for _, al := range ref.Aliases {
		if _, err := a.tx.FindActor(al); errors.Is(err, model.ErrNotFound) {
			aliases = append(aliases, al)
		} else if err != nil {
			return "", err
		}
	}
	act := model.Actor{ID: ref.ID, Name: ref.Name, Kind: ref.Kind, Aliases: aliases}
	if err := a.tx.CreateActor(&act); err != nil {
		return "", err
	}
	a.res.ActorsCreated++
	a.actors[k] = act.ID
	if ref.ID != "" {
		a.actors["id:"+ref.ID] = act.ID
	}
	return act.ID, nil
}

// source resolves a source to an id, creating or updating it.
func (a *applier) source(src model.Source) (string, error) {
	if src.ID != "" {
		if a.srcDone[src.ID] {
			return src.ID, nil
		}
		a.srcDone[src.ID] = true
		old, err := a.tx.Source(src.ID)
		switch {
		case err == nil:
			if old.Title != src.Title || old.Outlet != src.Outlet || old.URL != src.URL || old.Published != src.Published {
				src.Text = old.Text
				if err := a.tx.UpdateSource(&src); err != nil {
					return "", err
				}
				a.res.SourcesUpdated++
			}
			return src.ID, nil
		case !errors.Is(err, model.ErrNotFound):
			return "", err
		}
		if err := a.tx.CreateSource(&src); err != nil {
			return "", err
		}
		a.res.SourcesCreated++
		return src.ID, nil
	}
	k := "url:" + src.URL
	if src.URL == "" {
		k = "t:" + strings.ToLower(src.Title) + "\x1f" + src.Outlet + "\x1f" + src.Published
	}
	if id, ok := a.sources[k]; ok {
		return id, nil
	}
	found, err := a.tx.FindSource(src.URL, src.Title, src.Outlet, src.Published)
	if err == nil {
		a.sources[k] = found.ID
		return found.ID, nil
	}
	if !errors.Is(err, model.ErrNotFound) {
		return "", err
	}
	if err := a.tx.CreateSource(&src); err != nil {
		return "", err
	}
	a.res.SourcesCreated++
	a.sources[k] = src.ID
	return src.ID, nil
}

// claim resolves the row's references and creates, replaces or keeps the
// claim, returning its id.
func (a *applier) claim(row *Row) (string, error) {
	c := row.Claim // a copy: the batch stays as read
	var err error
	if c.ActorID, err = a.actor(row.Actor); err != nil {
		return "", rowFail(row, FActor, err)
	}
	c.SubjectIDs = nil
	for _, name := range row.Subjects {
		id, err := a.actor(model.Actor{Name: name})
		if err != nil {
			return "", rowFail(row, FSubjects, err)
		}
		c.SubjectIDs = append(c.SubjectIDs, id)
	}
	if row.Source != nil {
		if c.SourceID, err = a.source(*row.Source); err != nil {
			return "", rowFail(row, FSourceTitle, err)
		}
	}
	if c.ID == "" {
		if c.ID, err = a.tx.FindClaim(c.ActorID, c.Statement); err != nil {
			return "", rowFail(row, FStatement, err)
		}
	}
	var old model.Claim
	exists := false
	if c.ID != "" {
		if a.existing != nil {
			old, exists = a.existing[c.ID]
		} else {
			// A cheap check first: most rows are new.
			if exists, err = a.tx.ClaimExists(c.ID); err != nil {
				return "", rowFail(row, FID, err)
			}
			if exists {
				if old, err = a.tx.Claim(c.ID); err != nil {
					return "", rowFail(row, FID, err)
				}
			}
		}
	}
	if !exists {
		if err := a.tx.CreateClaim(&c); err != nil {
			return "", rowFail(row, FStatement, err)
		}
		a.res.ClaimsCreated++
		a.res.Created = append(a.res.Created, Created{Line: row.Line, Query: dedupe.Query{ID: c.ID, ActorID: c.ActorID, Statement: c.Statement}})
		a.remember(c)
		return c.ID, nil
	}
	probe := c
	if err := probe.Validate(); err != nil {
		return "", rowFail(row, FStatement, err)
	}
	if sameClaim(old, probe) {
		a.res.ClaimsUnchanged++
		return c.ID, nil
	}
	switch {
	case !c.UpdatedAt.IsZero() && old.UpdatedAt.After(c.UpdatedAt):
		// Edited in the database since the file was written: keep it.
		a.res.ClaimsKept++
		return c.ID, nil
	case !c.UpdatedAt.After(old.UpdatedAt):
		// Edited in the spreadsheet without touching "updated at".
		c.UpdatedAt = time.Time{}
	}
	if err := a.tx.PutClaim(&c); err != nil {
		return "", rowFail(row, FStatement, err)
	}
	a.res.ClaimsUpdated++
	a.remember(c)
	return c.ID, nil
}

// remember keeps the up-front copy of the database's claims current. Only
// a row without an id can come back to a claim this import wrote (through
// FindClaim; ids are unique in a file), so a file whose rows all have ids
// needs no copy of what it writes.
func (a *applier) remember(c model.Claim) {
	if a.existing != nil && a.idless {
		a.existing[c.ID] = c
	}
}

func sameClaim(a, b model.Claim) bool {
	return a.Statement == b.Statement && a.Quote == b.Quote && a.ActorID == b.ActorID && a.SourceID == b.SourceID &&
		a.MadeOn == b.MadeOn && a.Verdict == b.Verdict && slices.Equal(a.Tags, b.Tags) && slices.Equal(a.SubjectIDs, b.SubjectIDs)
}

// links adds the row's links and notes once every claim exists.
func (a *applier) links(row *Row, claimID string) error {
	link := func(l model.Link, col Field) error {
		if l.FromID == claimID {
			return rowFail(row, col, fmt.Errorf("%w: a claim cannot answer itself", model.ErrInvalid))
		}
		if !a.known[l.FromID] {
			ok, err := a.tx.ClaimExists(l.FromID)
			if err != nil {
				return rowFail(row, col, err)
			}
			if !ok {
				return rowFail(row, col, fmt.Errorf("%w: no claim has id %q, in the file or the database", model.ErrNotFound, l.FromID))
			}
			a.known[l.FromID] = true
		}
		rel, err := a.tx.LinkRelation(l.FromID, l.ToID)
		if err != nil {
			return rowFail(row, col, err)
		}
		if rel == l.Relation {
			return nil
		}
		if err := a.tx.Link(l); err != nil {
			return rowFail(row, col, err)
		}
		a.res.Links++
		return nil
	}
	for _, l := range row.Counters {
		l.ToID = claimID
		if err := link(l, FCounterIDs); err != nil {
			return err
		}
	}
	for _, id := range row.Supporters {
		if err := link(model.Link{FromID: id, ToID: claimID, Relation: model.Supports}, FSupporterIDs); err != nil {
			return err
		}
	}
	for _, n := range row.Notes {
		has, err := a.tx.HasNote(claimID, n.Author, n.Text, n.CreatedAt)
		if err != nil {
			return rowFail(row, FNotes, err)
		}
		if has {
			a.res.NotesSkipped++
			continue
		}
		n.ID, n.ClaimID = "", claimID
		if err := a.tx.AddNote(&n); err != nil {
			return rowFail(row, FNotes, err)
		}
		a.res.NotesAdded++
	}
	return nil
}
