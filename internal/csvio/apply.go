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

// Result counts what an import did, and lists what a person should read:
// rows merged into one claim, values kept because the app changed them
// since the file was written, and conflicts.
type Result struct {
	Rows            int
	ClaimsCreated   int
	ClaimsUpdated   int
	ClaimsUnchanged int
	ClaimsKept      int // claims with a value kept because the app changed it since the file was written
	ActorsCreated   int
	SourcesCreated  int
	SourcesUpdated  int
	Links           int // links made or whose relation changed
	NotesAdded      int
	NotesSkipped    int // already there
	// Created lists the claims the import created, in file order, for
	// a check against the claims that were there before (package dedupe).
	Created []Created
	// Merged lists rows without an id that went into the same claim as an
	// earlier row of the file (same actor and statement, and no source or
	// date that tells them apart).
	Merged []Merged
	// Kept lists the values the app changed after the file was written,
	// which the file still holds as they were: the app's are kept.
	Kept []Kept
	// Conflicts lists the values both the app and the file changed, each
	// with how it was settled (Options.Prefer, Options.Decide).
	Conflicts []Conflict
}

// Created is a claim an import created, and the line of its row.
type Created struct {
	Line int
	dedupe.Query
}

// Merged is a row that went into the claim an earlier row of the same
// file made or matched.
type Merged struct {
	Line, Into int    // this row's line and the earlier row's
	ClaimID    string // the claim both went into
	Replaced   []string
}

// Kept is a value an import left as the app has it.
type Kept struct {
	Line    int
	ClaimID string
	Field   string
}

// Conflict is a value that someone changed in the app after the claim
// was last imported or exported, and that the file changes to something
// else.
type Conflict struct {
	Line      int
	ClaimID   string
	Statement string // the claim's, to recognise it by
	Field     string // a claim field, or "source title" …
	Stored    string // what the database holds, as a person reads it
	File      string // what the file says
	// StoredBy is the change set that stored the value, when the history
	// knows it (databases from before the history do not).
	StoredBy db.ChangeSet
	// Settled says which value the import wrote: "file", "db", or "" when
	// nothing settled it and the import wrote nothing.
	Settled string
}

// Key is what Options.Decide is keyed by.
func (c Conflict) Key() ConflictKey { return ConflictKey{c.ClaimID, c.Field} }

// ConflictKey names one conflict: a claim (or a source, for source
// fields) and a field.
type ConflictKey struct{ ID, Field string }

// ConflictError is an import refused because values conflict and nothing
// said which to keep. Nothing was written. Its message lists the
// conflicts; how to settle them is the caller's to say.
type ConflictError struct{ Conflicts []Conflict }

func (e *ConflictError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d value(s) were changed in the app after the file was written, and the file changes them too:", len(e.Conflicts))
	for i, c := range e.Conflicts {
		if i == 20 {
			fmt.Fprintf(&b, "\n  … and %d more", len(e.Conflicts)-i)
			break
		}
		fmt.Fprintf(&b, "\n  %s", c)
	}
	return b.String()
}

// Is makes errors.Is(err, model.ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == model.ErrConflict }

func (c Conflict) String() string {
	who := ""
	if c.StoredBy.ID != 0 {
		who = fmt.Sprintf(" (%s, %s)", c.StoredBy.Reviewer, c.StoredBy.At.Local().Format("2006-01-02 15:04"))
	}
	return fmt.Sprintf("line %d, claim %s %q, %s: stored %q%s, file %q", c.Line, c.ClaimID, clip(c.Statement, 50), c.Field,
		clip(c.Stored, 60), who, clip(c.File, 60))
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", "; ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
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
		s += fmt.Sprintf(", %d with values kept (changed in the database since the file was written)", r.ClaimsKept)
	}
	s += fmt.Sprintf("; %d actors created; %d sources created, %d updated; %d links; %d notes added, %d already there",
		r.ActorsCreated, r.SourcesCreated, r.SourcesUpdated, r.Links, r.NotesAdded, r.NotesSkipped)
	switch n := len(r.Merged); {
	case n == 1:
		s += "; 1 row merged into the claim of an earlier row"
	case n > 1:
		s += fmt.Sprintf("; %d rows merged into the claim of an earlier row", n)
	}
	switch n := len(r.Conflicts); {
	case n == 1:
		s += "; 1 conflict settled"
	case n > 1:
		s += fmt.Sprintf("; %d conflicts settled", n)
	}
	return s
}

// Import writes the batch into st in one transaction: all of it, or, on
// any error, a conflict nothing settles, or when ctx is cancelled, none of
// it. progress, when not nil, is called now and then with the work done
// out of total. A large batch goes through a db.BulkTx, which gives the
// same result much faster. The import is one change set in the history.
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

// Apply writes the batch through tx: actors are matched by id, then by name,
// alias or slug, and created when unknown; sources by id, then by URL (or
// title, outlet and date); claims merged by id (rows without one by actor
// and statement, where source and date agree), only in the fields the file
// gives; links and notes added when missing. It stops at the first error,
// which the caller's rollback undoes.
func (b *Batch) Apply(ctx context.Context, tx *db.Tx, progress func(done, total int)) (Result, error) {
	return b.apply(ctx, tx, progress)
}

// store is what Apply needs of a transaction: a db.Tx, or a db.BulkTx,
// which answers the same calls from memory and writes in batches.
type store interface {
	Actor(id string) (model.Actor, error)
	FindOrCreateActor(a model.Actor) (model.Actor, bool, error)
	Source(id string) (model.Source, error)
	FindSource(url, title, outlet, published string) (model.Source, error)
	CreateSource(src *model.Source) error
	UpdateSource(src *model.Source) error
	Claims() (map[string]model.Claim, error)
	Claim(id string) (model.Claim, error)
	ClaimExists(id string) (bool, error)
	FindClaims(actorID, statement string) ([]string, error)
	Changes(entity, id string) ([]db.Change, error)
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
	a := applier{tx: tx, opt: b.opt, actors: map[string]string{}, sources: map[string]string{}, srcDone: map[string]bool{},
		known: map[string]bool{}, fileLine: map[string]int{}}
	if b.opt.SkipBad {
		if err := b.refuseDangling(tx); err != nil {
			return a.res, err
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
		if row := &b.Rows[i]; row.given.has(model.FieldActor) || row.Claim.ID == "" {
			if _, err := a.actor(row.Actor); err != nil {
				return *res, rowFail(row, FActor, err)
			}
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
	for _, c := range res.Conflicts {
		if c.Settled == "" {
			return *res, &ConflictError{Conflicts: res.Conflicts}
		}
	}
	return *res, nil
}

// refuseDangling leaves out, under Options.SkipBad, the rows that link to
// a claim neither the file nor the database has (and then the rows that
// link to those), before anything is written.
func (b *Batch) refuseDangling(tx store) error {
	inFile := map[string]bool{}
	for i := range b.Rows {
		if id := b.Rows[i].Claim.ID; id != "" {
			inFile[id] = true
		}
	}
	stored := map[string]bool{}
	missing := func(id string) (bool, error) {
		if inFile[id] {
			return false, nil
		}
		ok, seen := stored[id]
		if !seen {
			var err error
			if ok, err = tx.ClaimExists(id); err != nil {
				return false, err
			}
			stored[id] = ok
		}
		return !ok, nil
	}
	for changed := true; changed; {
		changed = false
		kept := b.Rows[:0]
		for i := range b.Rows {
			row := b.Rows[i]
			var why string
			for _, id := range row.linkIDs() {
				gone, err := missing(id)
				if err != nil {
					return err
				}
				if gone {
					why = fmt.Sprintf("line %d: it names claim %q, which neither the file (after the rows left out) nor the database has", row.Line, id)
					break
				}
			}
			if why == "" {
				kept = append(kept, row)
				continue
			}
			b.Refused = append(b.Refused, Refused{Line: row.Line, Reason: why, Cells: row.cells})
			delete(inFile, row.Claim.ID)
			changed = true
		}
		b.Rows = kept
	}
	slices.SortFunc(b.Refused, func(x, y Refused) int { return x.Line - y.Line })
	return nil
}

// linkIDs are the ids of the claims a row links to.
func (r *Row) linkIDs() []string {
	ids := slices.Clone(r.Supporters)
	for _, l := range r.Counters {
		ids = append(ids, l.FromID)
	}
	return ids
}

// bulkThreshold is the batch size from which Apply reads all claims up
// front rather than one by one.
const bulkThreshold = 500

type applier struct {
	tx      store
	opt     Options
	res     Result
	actors  map[string]string // lower-case name or id → actor id
	sources map[string]string // source key → id
	srcDone map[string]bool   // sources by id already compared
	known   map[string]bool   // claim ids known to exist
	// existing holds the database's claims, read up front for large
	// imports (a few flat queries instead of one per row); nil otherwise.
	// It is kept up to date with what the import writes.
	existing map[string]model.Claim
	// fileLine is the line of the first row that created or matched each
	// claim the import has touched.
	fileLine map[string]int
}

func rowFail(row *Row, f Field, err error) error {
	return rowErr(row.lineOf(f), f, err)
}

// actor resolves an actor reference to an id, creating the actor when no
// id, name, alias or slug matches.
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
	act, created, err := a.tx.FindOrCreateActor(ref)
	if err != nil {
		return "", err
	}
	if created {
		a.res.ActorsCreated++
	}
	a.actors[k] = act.ID
	if ref.ID != "" {
		a.actors["id:"+ref.ID] = act.ID
	}
	return act.ID, nil
}

// source resolves a source to an id, creating it, or, for a source with
// an id, updating the fields the app has not changed since the row's
// baseline.
func (a *applier) source(row *Row, src model.Source) (string, error) {
	if src.ID != "" {
		if a.srcDone[src.ID] {
			return src.ID, nil
		}
		a.srcDone[src.ID] = true
		old, err := a.tx.Source(src.ID)
		switch {
		case err == nil:
			return src.ID, a.mergeSource(row, old, src)
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

// mergeSource writes the file's description of a stored source where the
// app has not changed it since the row's baseline.
func (a *applier) mergeSource(row *Row, old, src model.Source) error {
	fields := []struct {
		name       string
		stored, in string
		set        func(*model.Source, string)
	}{
		{"source title", old.Title, src.Title, func(s *model.Source, v string) { s.Title = v }},
		{"outlet", old.Outlet, src.Outlet, func(s *model.Source, v string) { s.Outlet = v }},
		{"url", old.URL, src.URL, func(s *model.Source, v string) { s.URL = v }},
		{"publication date", old.Published, src.Published, func(s *model.Source, v string) { s.Published = v }},
	}
	next := old
	var changes []db.Change
	var err error
	for _, f := range fields {
		if f.stored == f.in {
			continue
		}
		if changes == nil {
			if changes, err = a.tx.Changes(db.EntitySource, old.ID); err != nil {
				return err
			}
		}
		history := strings.TrimPrefix(f.name, "source ") // the name the history uses
		base := a.baseline(row)
		var after []db.Change
		for _, c := range changes {
			if c.Field == history && !base.IsZero() && c.Set.At.After(base) {
				after = append(after, c)
			}
		}
		switch {
		case (!base.IsZero() && len(after) == 0) || f.stored == "":
			f.set(&next, f.in)
		case len(after) > 0 && f.in == after[0].Old:
			a.res.Kept = append(a.res.Kept, Kept{Line: row.Line, ClaimID: old.ID, Field: f.name})
		default:
			cf := Conflict{Line: row.Line, ClaimID: old.ID, Statement: old.Title, Field: f.name, Stored: f.stored, File: f.in}
			if len(after) > 0 {
				cf.StoredBy = after[len(after)-1].Set
			}
			if a.settle(&cf) == "file" {
				f.set(&next, f.in)
			}
		}
	}
	if next == old {
		return nil
	}
	if err := a.tx.UpdateSource(&next); err != nil {
		return err
	}
	a.res.SourcesUpdated++
	return nil
}

// baseline is the moment the row shows its claim as it was, when the
// file says: Options.Baseline, else the row's "updated at"; zero when
// neither says.
func (a *applier) baseline(row *Row) time.Time {
	if !a.opt.Baseline.IsZero() {
		return a.opt.Baseline
	}
	return row.Claim.UpdatedAt
}

// settle decides a conflict by Options.Decide, then Options.Prefer, and
// lists it.
func (a *applier) settle(cf *Conflict) string {
	cf.Settled = a.opt.Prefer
	if d, ok := a.opt.Decide[cf.Key()]; ok {
		cf.Settled = d
	}
	a.res.Conflicts = append(a.res.Conflicts, *cf)
	return cf.Settled
}

// claim resolves the row's references and creates the claim, or writes
// into the claim it matches the fields the row gives, returning its id.
func (a *applier) claim(row *Row) (string, error) {
	c := row.Claim // a copy: the batch stays as read
	g := row.given
	var err error
	if g.has(model.FieldActor) || c.ID == "" {
		if c.ActorID, err = a.actor(row.Actor); err != nil {
			return "", rowFail(row, FActor, err)
		}
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
		if c.SourceID, err = a.source(row, *row.Source); err != nil {
			return "", rowFail(row, FSourceTitle, err)
		}
	}
	old, exists, err := a.find(row, &c)
	if err != nil {
		return "", err
	}
	if !exists {
		if c.ActorID == "" { // a row with an id but no actor makes a new claim
			if c.ActorID, err = a.actor(row.Actor); err != nil {
				return "", rowFail(row, FActor, err)
			}
		}
		if err := a.tx.CreateClaim(&c); err != nil {
			return "", rowFail(row, FStatement, err)
		}
		a.res.ClaimsCreated++
		a.res.Created = append(a.res.Created, Created{Line: row.Line, Query: dedupe.Query{ID: c.ID, ActorID: c.ActorID, Statement: c.Statement}})
		a.remember(c, row.Line)
		return c.ID, nil
	}
	// The row's values as they would be stored, to compare.
	probe := c
	if !g.has(model.FieldActor) {
		probe.ActorID = old.ActorID
	}
	probe.ID = old.ID
	if err := probe.Validate(); err != nil {
		return "", rowFail(row, FStatement, err)
	}
	next, kept, err := a.merge(row, old, probe)
	if err != nil {
		return "", err
	}
	if kept {
		a.res.ClaimsKept++
	}
	if len(model.ChangedFields(&old, &next)) == 0 {
		if !kept {
			a.res.ClaimsUnchanged++
		}
		a.remember(old, row.Line)
		return old.ID, nil
	}
	if err := a.tx.PutClaim(&next); err != nil {
		return "", rowFail(row, FStatement, err)
	}
	a.res.ClaimsUpdated++
	a.remember(next, row.Line)
	return next.ID, nil
}

// find looks up the stored claim a row means: by id, or, for a row without
// one, the oldest claim by the same actor with the same statement whose
// source and date agree with the row's where both have one.
func (a *applier) find(row *Row, c *model.Claim) (model.Claim, bool, error) {
	if c.ID != "" {
		old, ok, err := a.stored(c.ID)
		if err != nil {
			err = rowFail(row, FID, err)
		}
		return old, ok, err
	}
	ids, err := a.tx.FindClaims(c.ActorID, c.Statement)
	if err != nil {
		return model.Claim{}, false, rowFail(row, FStatement, err)
	}
	for _, id := range ids {
		old, ok, err := a.stored(id)
		if err != nil {
			return model.Claim{}, false, rowFail(row, FStatement, err)
		}
		if !ok ||
			(c.SourceID != "" && old.SourceID != "" && c.SourceID != old.SourceID) ||
			(c.MadeOn != "" && old.MadeOn != "" && c.MadeOn != old.MadeOn) {
			continue
		}
		if into, ok := a.fileLine[id]; ok {
			a.res.Merged = append(a.res.Merged, Merged{Line: row.Line, Into: into, ClaimID: id})
		}
		return old, true, nil
	}
	return model.Claim{}, false, nil
}

// stored returns the claim with id as it is now, and whether it exists.
func (a *applier) stored(id string) (model.Claim, bool, error) {
	if a.existing != nil {
		old, ok := a.existing[id]
		return old, ok, nil
	}
	if ok, err := a.tx.ClaimExists(id); err != nil || !ok {
		return model.Claim{}, false, err
	}
	old, err := a.tx.Claim(id)
	return old, err == nil, err
}

// remember notes that the import wrote or matched claim c on line, and
// keeps the up-front copy of the database's claims current.
func (a *applier) remember(c model.Claim, line int) {
	if _, ok := a.fileLine[c.ID]; !ok {
		a.fileLine[c.ID] = line
	}
	if a.existing != nil {
		a.existing[c.ID] = c
	}
}

// merge works out the claim to store from the stored one and the row's
// values (in), field by field, over the fields the row gives:
//
//   - a field the file leaves as it is stored, or does not give, stays;
//   - a field the app has not changed since the row's baseline takes the
//     file's value (an edit in the spreadsheet, or news from another tool);
//   - a field the app changed since, which the file still holds as it was
//     then, keeps the app's value (listed in Kept);
//   - a field both changed is a conflict, settled by Options.Prefer or
//     Options.Decide, or left for the person to settle.
//
// The baseline is the moment the row shows the claim as it was: its
// "updated at", when the file has one (the app's own export), else the
// last import that wrote or made the claim. A claim no import ever touched
// holds only the app's values: each that is set is the app's.
func (a *applier) merge(row *Row, old, in model.Claim) (next model.Claim, kept bool, err error) {
	next = old
	var changes []db.Change
	loaded := false
	for _, f := range model.ClaimFields() {
		if !row.given.has(f) || f.Get(&in) == f.Get(&old) {
			continue
		}
		if _, ok := a.fileLine[old.ID]; ok {
			// An earlier row of this file wrote this claim: the later row wins,
			// and the merge report says what it replaced.
			f.Set(&next, f.Get(&in))
			if n := len(a.res.Merged); n > 0 && a.res.Merged[n-1].Line == row.Line {
				a.res.Merged[n-1].Replaced = append(a.res.Merged[n-1].Replaced, string(f))
			}
			continue
		}
		if !loaded {
			if changes, err = a.tx.Changes(db.EntityClaim, old.ID); err != nil {
				return next, kept, rowFail(row, FID, err)
			}
			loaded = true
		}
		switch d, by := decide(a.baseline(row), old, changes, f, f.Get(&in)); d {
		case takeFile:
			f.Set(&next, f.Get(&in))
		case keepApp:
			kept = true
			a.res.Kept = append(a.res.Kept, Kept{Line: row.Line, ClaimID: old.ID, Field: string(f)})
		default:
			cf := Conflict{Line: row.Line, ClaimID: old.ID, Statement: old.Statement, Field: string(f),
				Stored: a.readable(f, f.Get(&old)), File: a.readable(f, f.Get(&in)), StoredBy: by}
			if a.settle(&cf) == "file" {
				f.Set(&next, f.Get(&in))
			}
		}
	}
	return next, kept, nil
}

type decision int

const (
	takeFile decision = iota
	keepApp
	conflict
)

// decide settles one field the file and the database disagree on (see
// merge). by is who stored the database's value, when the history knows.
func decide(rowUpdated time.Time, old model.Claim, changes []db.Change, f model.ClaimField, in string) (decision, db.ChangeSet) {
	stored := f.Get(&old)
	base, known := rowUpdated, !rowUpdated.IsZero()
	if !known {
		for i := len(changes) - 1; i >= 0; i-- {
			if strings.HasPrefix(changes[i].Set.Via, "import") {
				base, known = changes[i].Set.At, true
				break
			}
		}
	}
	var last db.ChangeSet // the newest change to f, or the claim's making
	var after []db.Change // changes to f after the baseline
	recorded := false     // the claim's last update is in the history
	for _, c := range changes {
		if c.Field == string(f) || c.Field == "claim" {
			last = c.Set
		}
		if c.Field == string(f) && known && c.Set.At.After(base) {
			after = append(after, c)
		}
		recorded = recorded || c.Set.At.Equal(old.UpdatedAt)
	}
	blank := stored == "" || (f == model.FieldVerdict && stored == string(model.Unreviewed))
	switch {
	case !known:
		if blank {
			return takeFile, last
		}
		return conflict, last
	case len(after) == 0:
		// Unchanged since the baseline, unless the claim changed without a
		// record (in a database from before the history).
		if old.UpdatedAt.After(base) && !recorded && !blank {
			return conflict, last
		}
		return takeFile, last
	case in == after[0].Old:
		return keepApp, after[len(after)-1].Set
	}
	return conflict, after[len(after)-1].Set
}

// readable is a stored or file value as a person reads it: actor and
// source ids as names and titles.
func (a *applier) readable(f model.ClaimField, v string) string {
	switch f {
	case model.FieldActor:
		if act, err := a.tx.Actor(v); err == nil {
			return act.Name
		}
	case model.FieldSubjects:
		var names []string
		for _, id := range strings.Split(v, "\n") {
			if act, err := a.tx.Actor(id); err == nil {
				names = append(names, act.Name)
			} else if id != "" {
				names = append(names, id)
			}
		}
		return strings.Join(names, "\n")
	case model.FieldSource:
		if src, err := a.tx.Source(v); err == nil {
			return src.Title
		}
	}
	return v
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
