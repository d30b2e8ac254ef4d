package db

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"claims/internal/model"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// BulkTx is a write transaction for loading many rows at once (an import
// of a large file). It offers the lookups and writes of Tx that an import
// uses, with the same results and errors, but:
//
//   - the database's claims, links, notes and the ids of its actors and
//     sources are read once, up front, and looked up in memory;
//   - new sources, claims (with their subjects and tags), links and notes
//     are queued and written with multi-row INSERTs, each table in the
//     order of its primary key;
//   - SQLite's foreign-key enforcement, a B-tree lookup per reference, is
//     replaced by a check in Go against the ids the database holds and the
//     transaction has created (nothing a BulkTx does deletes an actor, a
//     source or a claim, so those sets only grow); a dangling reference is
//     refused with the error SQLite's check would have given;
//   - when the database holds no claims, the non-unique indexes of the
//     claim tables are dropped at the start and built again, from their
//     stored definitions, before the commit: sorting once is much cheaper
//     than inserting into them row by row;
//   - the rows are written by a goroutine of its own while the caller
//     prepares the next ones, with INSERT OR FAIL (no statement journal);
//   - the page cache is made large enough that the transaction's pages are
//     not spilled to the log before the commit, and temporary storage is
//     kept in memory.
//
// It is still one transaction: everything is committed together or, on
// any error, nothing is, and a process killed mid-way leaves the database
// as it was.
type BulkTx struct {
	tx *Tx

	actors map[string]bool // ids of the actors in the database
	// existing is the database's claims as load read them, handed to the
	// first Claims call.
	existing map[string]model.Claim
	sources  map[string]bool // ids of the sources in the database
	claims   map[string]bool // ids of the claims in the database or queued
	// byStatement finds a claim by actor and statement as FindClaim does:
	// actor id, NUL, the statement folded like SQLite's NOCASE. It is
	// built on the first FindClaim (files with ids never ask), from
	// unindexed, the claims known until then.
	byStatement map[string][]claimKey
	keyOf       map[string]string // claim id → its key in byStatement
	unindexed   []statementOf
	links       map[[2]string]linkState // (from, to) → relation
	notes       map[noteKey][]string    // → the notes' stored times

	// The queue of new rows, handed to the writer goroutine in batches.
	q      bulkBatch
	made   map[string]model.Source // sources created in the transaction
	writer *bulkWriter
	// deferred holds the statements that build the dropped indexes again.
	deferred []string
	// copy, on PostgreSQL, writes rows with COPY instead of INSERTs.
	copy func(*bulkCopy) error
}

type claimKey struct{ created, id string }

// statementOf is a claim as FindClaim looks it up.
type statementOf struct {
	actorID, statement string
	created            time.Time
	id                 string
}

// bulkBatch is a batch of new rows to write.
type bulkBatch struct {
	at      time.Time // the transaction's time, stamped on new sources
	sources []model.Source
	claims  []model.Claim
	links   []LinkInfo
	notes   []model.Annotation
}

func (q *bulkBatch) len() int { return len(q.sources) + len(q.claims) + len(q.links) + len(q.notes) }

type linkState struct {
	rel    model.Relation
	queued int // index in q.links + 1; 0 once the link is handed to the writer or in the database
}

type noteKey struct{ claim, author, text string }

// bulkCacheKiB is the page cache a bulk transaction asks for (SQLite takes
// the memory only as pages are used).
const bulkCacheKiB = 512 << 10

// UpdateBulk runs fn in one write transaction through a BulkTx: everything
// fn does is committed together, or, when fn returns an error, nothing is.
func (s *Store) UpdateBulk(ctx context.Context, fn func(*BulkTx) error) (err error) {
	conn, err := s.rw.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: unable to begin: %w", err)
	}
	defer conn.Close()
	if s.d == postgresSQL {
		return s.runBulk(ctx, conn, fn)
	}
	var cache, temp int
	if err := conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err != nil {
		return mapError("begin bulk load", err)
	}
	if err := conn.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&temp); err != nil {
		return mapError("begin bulk load", err)
	}
	// Foreign keys can only be switched between transactions. The
	// connection goes back to the pool with them on, or not at all. The
	// statement journals of the multi-row INSERTs and the sorter that
	// builds indexes stay in memory (they are scratch space, not the log
	// that makes the commit safe).
	defer func() {
		_, rerr := conn.ExecContext(context.Background(), fmt.Sprintf(`PRAGMA foreign_keys = ON; PRAGMA cache_size = %d; PRAGMA temp_store = %d`, cache, temp))
		var on bool
		if rerr == nil {
			rerr = conn.QueryRowContext(context.Background(), `PRAGMA foreign_keys`).Scan(&on)
		}
		if rerr == nil && !on {
			rerr = errors.New("they are still off")
		}
		if rerr != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn }) // drop the connection
			if err == nil {
				err = fmt.Errorf("store: unable to restore foreign keys after a bulk load: %v", rerr)
			}
		}
	}()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA foreign_keys = OFF; PRAGMA cache_size = -%d; PRAGMA temp_store = MEMORY`, bulkCacheKiB)); err != nil {
		return mapError("begin bulk load", err)
	}
	return s.runBulk(ctx, conn, fn)
}

// runBulk runs fn through a BulkTx in one transaction on conn. On
// PostgreSQL the queued rows go in with COPY; the server checks the
// references itself.
func (s *Store) runBulk(ctx context.Context, conn *sql.Conn, fn func(*BulkTx) error) error {
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: unable to begin: %w", err)
	}
	tx := s.newTx(ctx, sqlTx)
	b := &BulkTx{tx: tx}
	if s.d == postgresSQL {
		b.copy = func(c *bulkCopy) error { return copyRows(ctx, conn, c) }
		tx.copy = b.copy
	}
	fail := func(err error) error {
		if b.writer != nil {
			_ = b.writer.stop() // let it finish what it is doing before the rollback
		}
		_ = sqlTx.Rollback()
		return err
	}
	if err := b.load(); err != nil {
		return fail(err)
	}
	if err := fn(b); err != nil {
		return fail(err)
	}
	if err := b.finish(); err != nil {
		return fail(err)
	}
	return tx.commit()
}

// load reads what the lookups need, and drops the claim tables' plain
// indexes when there are no claims yet.
func (b *BulkTx) load() error {
	ctx, q := b.tx.ctx, b.tx.q
	ids := func(query string) (map[string]bool, error) {
		out := make(map[string]bool)
		err := scanSnapText(ctx, q, query, func(id string) error { out[id] = true; return nil })
		return out, err
	}
	var err error
	if b.actors, err = ids(`SELECT id FROM actors`); err != nil {
		return err
	}
	if b.sources, err = ids(`SELECT id FROM sources`); err != nil {
		return err
	}
	existing, err := allClaims(ctx, q)
	if err != nil {
		return err
	}
	b.claims = make(map[string]bool, len(existing))
	b.existing = make(map[string]model.Claim, len(existing))
	for _, c := range existing {
		b.existing[c.ID] = c
		b.claims[c.ID] = true
		b.unindexed = append(b.unindexed, statementOf{c.ActorID, c.Statement, c.CreatedAt, c.ID})
	}
	b.links = make(map[[2]string]linkState)
	var f [3]string
	if err := scanSnapText(ctx, q, `SELECT from_id || char(31) || to_id || char(31) || relation FROM links`, func(s string) error {
		if err := splitSnapFields(s, f[:]); err != nil {
			return err
		}
		b.links[[2]string{f[0], f[1]}] = linkState{rel: model.Relation(f[2])}
		return nil
	}); err != nil {
		return err
	}
	b.notes = make(map[noteKey][]string)
	b.made = make(map[string]model.Source)
	var g [4]string
	if err := scanSnapText(ctx, q, `SELECT claim_id || char(31) || author || char(31) || text || char(31) || created_at FROM annotations`, func(s string) error {
		if err := splitSnapFields(s, g[:]); err != nil {
			return err
		}
		k := noteKey{g[0], g[1], g[2]}
		b.notes[k] = append(b.notes[k], g[3])
		return nil
	}); err != nil {
		return err
	}
	if len(existing) > 0 || b.copy != nil {
		return nil
	}
	// No claims, so no subjects, tags, links or notes either: their plain
	// indexes are cheaper to build once at the end.
	type index struct{ name, sql string }
	var plain []index
	rows, err := q.QueryContext(ctx, `
		SELECT name, sql FROM sqlite_master
		WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
		  AND tbl_name IN ('claims', 'claim_subjects', 'claim_tags', 'links', 'annotations')`)
	if err != nil {
		return mapError("begin bulk load", err)
	}
	for rows.Next() {
		var ix index
		if err := rows.Scan(&ix.name, &ix.sql); err != nil {
			rows.Close()
			return mapError("begin bulk load", err)
		}
		plain = append(plain, ix)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return mapError("begin bulk load", err)
	}
	for _, ix := range plain {
		if _, err := q.ExecContext(ctx, `DROP INDEX "`+strings.ReplaceAll(ix.name, `"`, `""`)+`"`); err != nil {
			return mapError("begin bulk load", err)
		}
		b.deferred = append(b.deferred, ix.sql)
	}
	return nil
}

// finish writes what is queued and builds the dropped indexes again.
func (b *BulkTx) finish() error {
	if err := b.flush(); err != nil {
		return err
	}
	if err := b.writer.stop(); err != nil {
		return err
	}
	b.writer = nil
	for _, q := range b.deferred {
		if _, err := b.tx.q.ExecContext(b.tx.ctx, q); err != nil {
			return mapError("build index", err)
		}
	}
	b.deferred = nil
	return nil
}

// foldNoCase folds s as SQLite's NOCASE collation compares it: ASCII
// letters only.
func foldNoCase(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// indexStatement records a claim for FindClaim under its actor and
// statement, replacing what was recorded for it before.
func (b *BulkTx) indexStatement(actorID, statement, created, id string) {
	if old, ok := b.keyOf[id]; ok {
		list := b.byStatement[old]
		for i, c := range list {
			if c.id == id {
				b.byStatement[old] = slices.Delete(list, i, i+1)
				break
			}
		}
	}
	k := actorID + "\x00" + foldNoCase(statement)
	b.byStatement[k] = append(b.byStatement[k], claimKey{created, id})
	b.keyOf[id] = k
}

// noteStatement records a created or changed claim for FindClaim.
func (b *BulkTx) noteStatement(c *model.Claim) {
	if b.byStatement != nil {
		b.indexStatement(c.ActorID, c.Statement, model.FormatTime(c.CreatedAt), c.ID)
	} else {
		b.unindexed = append(b.unindexed, statementOf{c.ActorID, c.Statement, c.CreatedAt, c.ID})
	}
}

// Actor returns the actor with id, or an error wrapping model.ErrNotFound.
func (b *BulkTx) Actor(id string) (model.Actor, error) {
	if !b.actors[id] {
		return model.Actor{}, fmt.Errorf("store: unable to find actor %s: %w", id, model.ErrNotFound)
	}
	return b.tx.Actor(id)
}

// FindActor finds an actor by name or alias, as Tx.FindActor does.
func (b *BulkTx) FindActor(name string) (model.Actor, error) { return b.tx.FindActor(name) }

// CreateActor stores a new actor with its aliases, as Tx.CreateActor does.
func (b *BulkTx) CreateActor(a *model.Actor) error {
	if err := b.tx.CreateActor(a); err != nil {
		return err
	}
	b.actors[a.ID] = true
	return nil
}

// Source returns the source with id, with its text, or an error wrapping
// model.ErrNotFound.
func (b *BulkTx) Source(id string) (model.Source, error) {
	if src, ok := b.made[id]; ok {
		return src, nil
	}
	if !b.sources[id] {
		return model.Source{}, fmt.Errorf("store: unable to find source %s: %w", id, model.ErrNotFound)
	}
	return b.tx.Source(id)
}

// FindSource finds a source as Tx.FindSource does.
func (b *BulkTx) FindSource(url, title, outlet, published string) (model.Source, error) {
	if err := b.flush(); err != nil {
		return model.Source{}, err
	}
	return b.tx.FindSource(url, title, outlet, published)
}

// CreateSource queues a new source, with Tx.CreateSource's defaults and
// checks.
func (b *BulkTx) CreateSource(src *model.Source) error {
	if src.ID == "" {
		src.ID = model.NewID()
	}
	if err := src.Validate(); err != nil {
		return err
	}
	if b.sources[src.ID] {
		return mapError(fmt.Sprintf("create source %q", src.Title), fmt.Errorf("UNIQUE constraint failed: sources.id (%s)", src.ID))
	}
	b.sources[src.ID] = true
	b.made[src.ID] = *src
	b.q.sources = append(b.q.sources, *src)
	b.tx.record(changeRow{entity: entSource, entityID: src.ID, field: entSource, new: src.Title})
	return b.sendIfFull()
}

// UpdateSource replaces a source's fields, as Tx.UpdateSource does.
func (b *BulkTx) UpdateSource(src *model.Source) error {
	if err := b.flush(); err != nil {
		return err
	}
	if err := b.tx.UpdateSource(src); err != nil {
		return err
	}
	if _, ok := b.made[src.ID]; ok {
		b.made[src.ID] = *src
	}
	return nil
}

// Claims returns every claim, with tags and subjects, by id, as Tx.Claims
// does. The caller owns the map.
func (b *BulkTx) Claims() (map[string]model.Claim, error) {
	if m := b.existing; m != nil && len(m) == len(b.claims) { // nothing created since load
		b.existing = nil
		return m, nil
	}
	b.existing = nil
	if err := b.flush(); err != nil {
		return nil, err
	}
	return b.tx.Claims()
}

// Claim returns the claim with id, as Tx.Claim does.
func (b *BulkTx) Claim(id string) (model.Claim, error) {
	if err := b.flush(); err != nil {
		return model.Claim{}, err
	}
	return b.tx.Claim(id)
}

// ClaimExists reports whether a claim with id exists (or is queued).
func (b *BulkTx) ClaimExists(id string) (bool, error) { return b.claims[id], nil }

// FindClaims returns the ids of the claims by actorID whose statement is
// statement (ignoring case), oldest first, as Tx.FindClaims does.
func (b *BulkTx) FindClaims(actorID, statement string) ([]string, error) {
	if b.byStatement == nil {
		b.byStatement = make(map[string][]claimKey, len(b.unindexed))
		b.keyOf = make(map[string]string, len(b.unindexed))
		for _, c := range b.unindexed {
			b.indexStatement(c.actorID, c.statement, model.FormatTime(c.created), c.id)
		}
		b.unindexed = nil
	}
	found := slices.Clone(b.byStatement[actorID+"\x00"+foldNoCase(strings.TrimSpace(statement))])
	slices.SortFunc(found, func(x, y claimKey) int {
		return cmp.Or(strings.Compare(x.created, y.created), strings.Compare(x.id, y.id))
	})
	ids := make([]string, len(found))
	for i, c := range found {
		ids[i] = c.id
	}
	return ids, nil
}

// Changes returns the recorded changes to an entity, as Tx.Changes does.
func (b *BulkTx) Changes(entity, id string) ([]Change, error) { return b.tx.Changes(entity, id) }

// FindOrCreateActor finds or makes an actor, as Tx.FindOrCreateActor does.
func (b *BulkTx) FindOrCreateActor(a model.Actor) (model.Actor, bool, error) {
	found, created, err := b.tx.FindOrCreateActor(a)
	if created {
		b.actors[found.ID] = true
	}
	return found, created, err
}

// checkClaimRefs refuses a claim whose actor, source or subjects do not
// exist, with the errors SQLite's foreign keys give through Tx.
func (b *BulkTx) checkClaimRefs(c *model.Claim, action string) error {
	if !b.actors[c.ActorID] || (c.SourceID != "" && !b.sources[c.SourceID]) {
		return mapError(action, fmt.Errorf("claim refers to actor %q or source %q, which do not exist: %w", c.ActorID, c.SourceID, model.ErrNotFound))
	}
	for _, id := range c.SubjectIDs {
		if !b.actors[id] {
			return mapError("add subject", fmt.Errorf("subject actor %s does not exist: %w", id, model.ErrNotFound))
		}
	}
	return nil
}

// CreateClaim queues a new claim, with Tx.CreateClaim's defaults (an id,
// creation time now, update time the creation time) and checks.
func (b *BulkTx) CreateClaim(c *model.Claim) error {
	if err := newClaimDefaults(c, b.tx.now()); err != nil {
		return err
	}
	if b.claims[c.ID] {
		return mapError("create claim", fmt.Errorf("UNIQUE constraint failed: claims.id (%s)", c.ID))
	}
	if err := b.checkClaimRefs(c, "create claim"); err != nil {
		return err
	}
	b.claims[c.ID] = true
	b.noteStatement(c)
	b.q.claims = append(b.q.claims, *c)
	b.tx.record(changeRow{entity: entClaim, entityID: c.ID, claimID: c.ID, field: entClaim, new: c.Statement})
	return b.sendIfFull()
}

// PutClaim creates or replaces the claim, as Tx.PutClaim does.
func (b *BulkTx) PutClaim(c *model.Claim) error {
	if err := b.flush(); err != nil {
		return err
	}
	probe := *c
	if err := probe.Validate(); err != nil {
		return err
	}
	action := "update claim " + c.ID
	if !b.claims[c.ID] {
		action = "create claim"
	}
	if err := b.checkClaimRefs(&probe, action); err != nil {
		return err
	}
	if err := b.tx.PutClaim(c); err != nil {
		return err
	}
	b.existing = nil // the claims read at load no longer hold this one as it is
	b.claims[c.ID] = true
	b.noteStatement(c)
	return nil
}

// LinkRelation returns the relation of the link from fromID to toID, or ""
// when the two are not linked.
func (b *BulkTx) LinkRelation(fromID, toID string) (model.Relation, error) {
	return b.links[[2]string{fromID, toID}].rel, nil
}

// Link records that l.FromID answers l.ToID, replacing the relation when
// the two are already linked, as Tx.Link does; new links are queued.
func (b *BulkTx) Link(l model.Link) error {
	if err := l.Validate(); err != nil {
		return err
	}
	if !b.claims[l.FromID] || !b.claims[l.ToID] {
		return mapError("link claims", fmt.Errorf("claim %s or %s does not exist: %w", l.FromID, l.ToID, model.ErrNotFound))
	}
	k := [2]string{l.FromID, l.ToID}
	st, ok := b.links[k]
	if ok && st.rel == l.Relation {
		return nil
	}
	switch {
	case !ok:
		b.q.links = append(b.q.links, LinkInfo{Link: l, CreatedAt: b.tx.now()})
		b.links[k] = linkState{rel: l.Relation, queued: len(b.q.links)}
		b.tx.record(changeRow{entity: entLink, entityID: l.FromID, claimID: l.ToID, field: entLink, new: string(l.Relation)})
	case st.queued > 0:
		b.q.links[st.queued-1].Relation = l.Relation
		b.tx.record(changeRow{entity: entLink, entityID: l.FromID, claimID: l.ToID, field: entLink, old: string(st.rel), new: string(l.Relation)})
		st.rel = l.Relation
		b.links[k] = st
	default:
		// In the database, or on its way: change it there.
		if err := b.flush(); err != nil {
			return err
		}
		if err := b.tx.Link(l); err != nil {
			return err
		}
		st.rel = l.Relation
		b.links[k] = st
	}
	return b.sendIfFull()
}

// HasNote reports whether the claim already has a note by author with
// text, as Tx.HasNote does.
func (b *BulkTx) HasNote(claimID, author, text string, at time.Time) (bool, error) {
	times, ok := b.notes[noteKey{claimID, strings.TrimSpace(author), strings.TrimSpace(text)}]
	if !ok || at.IsZero() {
		return ok, nil
	}
	want := model.FormatTime(at)
	for _, t := range times {
		if t == want {
			return true, nil
		}
	}
	return false, nil
}

// AddNote queues a note, with Tx.AddNote's defaults and checks.
func (b *BulkTx) AddNote(n *model.Annotation) error {
	if err := newNoteDefaults(n, b.tx.now()); err != nil {
		return err
	}
	if !b.claims[n.ClaimID] {
		return mapError("add note", fmt.Errorf("claim %s does not exist: %w", n.ClaimID, model.ErrNotFound))
	}
	k := noteKey{n.ClaimID, n.Author, n.Text}
	b.notes[k] = append(b.notes[k], model.FormatTime(n.CreatedAt))
	b.q.notes = append(b.q.notes, *n)
	b.tx.record(noteChange(n, false))
	return b.sendIfFull()
}

// bulkBatchRows is how many queued rows make a batch for the writer:
// large enough that each table's rows go in in long runs of key order,
// small enough that the writer starts early.
var bulkBatchRows = 1 << 14

// sendIfFull hands the queue to the writer once it is large.
func (b *BulkTx) sendIfFull() error {
	if b.q.len() < bulkBatchRows {
		return nil
	}
	return b.send()
}

// send hands the queue to the writer goroutine, which writes it while the
// caller goes on preparing rows. Queued links are no longer changed in
// place once handed over.
func (b *BulkTx) send() error {
	if b.writer == nil {
		b.writer = newBulkWriter(b.tx, b.copy)
	}
	if err := b.writer.failed(); err != nil {
		return err
	}
	if b.q.len() == 0 {
		return nil
	}
	for _, l := range b.q.links {
		k := [2]string{l.FromID, l.ToID}
		st := b.links[k]
		st.queued = 0
		b.links[k] = st
	}
	b.q.at = b.tx.now()
	b.writer.add(b.q)
	b.q = bulkBatch{}
	return nil
}

// flush writes everything queued and waits until it is written, so that
// SQL run next sees it.
func (b *BulkTx) flush() error {
	if err := b.send(); err != nil {
		return err
	}
	return b.writer.wait()
}

// bulkWriter runs batches of INSERT statements on its own goroutine, with
// its own prepared statements (a database/sql transaction serialises the
// calls of both goroutines on its connection). The statements and their
// arguments are built by the caller, so the writer spends its time in
// SQLite.
type bulkWriter struct {
	tx    *Tx
	copy  func(*bulkCopy) error // nil: INSERTs
	work  chan []bulkExec
	stmts map[string]*sql.Stmt
	busy  sync.WaitGroup
	mu    sync.Mutex
	err   error
}

// bulkExec is one multi-row INSERT with its arguments, or, on
// PostgreSQL, one COPY.
type bulkExec struct {
	action, query string
	args          []any
	copy          *bulkCopy
}

// bulkCopy is rows for one table, to write with COPY.
type bulkCopy struct {
	table string
	cols  []string
	rows  [][]any
}

func newBulkWriter(tx *Tx, copy func(*bulkCopy) error) *bulkWriter {
	w := &bulkWriter{tx: tx, copy: copy, work: make(chan []bulkExec, 1), stmts: make(map[string]*sql.Stmt)}
	go func() {
		for batch := range w.work {
			if w.failed() == nil {
				if err := w.run(batch); err != nil {
					w.mu.Lock()
					w.err = err
					w.mu.Unlock()
				}
			}
			w.busy.Done()
		}
	}()
	return w
}

func (w *bulkWriter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

func (w *bulkWriter) add(batch bulkBatch) {
	execs := batch.statements(w.copy != nil)
	w.busy.Add(1)
	w.work <- execs
}

// wait blocks until every batch handed over is written.
func (w *bulkWriter) wait() error {
	w.busy.Wait()
	return w.failed()
}

// stop ends the goroutine once its work is done.
func (w *bulkWriter) stop() error {
	err := w.wait()
	close(w.work)
	return err
}

func (w *bulkWriter) run(batch []bulkExec) error {
	for _, e := range batch {
		if e.copy != nil {
			if err := w.copy(e.copy); err != nil {
				return mapError(e.action, err)
			}
			continue
		}
		st, ok := w.stmts[e.query]
		if !ok {
			var err error
			if st, err = w.tx.tx.PrepareContext(w.tx.ctx, e.query); err != nil {
				return mapError(e.action, err)
			}
			w.stmts[e.query] = st
		}
		if _, err := st.ExecContext(w.tx.ctx, e.args...); err != nil {
			return mapError(e.action, err)
		}
	}
	return nil
}

// bulkRows is how many rows one INSERT statement carries.
const bulkRows = 128

// insertRows appends the multi-row INSERTs that write n rows of width
// values each: head is "INSERT OR FAIL INTO t (a, b)", and fill appends
// row i's values. OR FAIL stops at a broken constraint without undoing the
// statement's earlier rows, so SQLite keeps no statement journal; the
// error rolls the whole transaction back anyway.
func insertRows(out []bulkExec, copy bool, action, head string, width, n int, fill func(args []any, i int) []any) []bulkExec {
	if copy {
		return copyRowsOf(out, action, head, width, n, fill)
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
	full := head + " VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", bulkRows), ", ")
	for lo := 0; lo < n; lo += bulkRows {
		hi := min(lo+bulkRows, n)
		args := make([]any, 0, (hi-lo)*width)
		for i := lo; i < hi; i++ {
			args = fill(args, i)
		}
		q := full
		if hi-lo < bulkRows {
			q = head + " VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", hi-lo), ", ")
		}
		out = append(out, bulkExec{action: action, query: q, args: args})
	}
	return out
}

// statements turns a batch into INSERTs, each table in the order of its
// primary key, so that the key's index grows in long runs.
func (batch *bulkBatch) statements(copy bool) []bulkExec {
	var out []bulkExec
	srcs := batch.sources
	slices.SortFunc(srcs, func(a, b model.Source) int { return strings.Compare(a.ID, b.ID) })
	t := model.FormatTime(batch.at)
	out = insertRows(out, copy, "create source", `INSERT OR FAIL INTO sources (id, title, outlet, url, published, text, created_at, updated_at)`,
		8, len(srcs), func(args []any, i int) []any {
			s := &srcs[i]
			return append(args, s.ID, s.Title, s.Outlet, s.URL, s.Published, s.Text, t, t)
		})
	claims := make([]*model.Claim, len(batch.claims))
	for i := range batch.claims {
		claims[i] = &batch.claims[i]
	}
	slices.SortFunc(claims, func(a, b *model.Claim) int { return strings.Compare(a.ID, b.ID) })
	out = insertRows(out, copy, "create claim", `INSERT OR FAIL INTO claims (`+claimColumns+`)`,
		12, len(claims), func(args []any, i int) []any {
			c := claims[i]
			created := model.FormatTime(c.CreatedAt)
			updated := created
			if !c.UpdatedAt.Equal(c.CreatedAt) {
				updated = model.FormatTime(c.UpdatedAt)
			}
			return append(args, c.ID, c.Statement, c.Quote, c.ActorID, nullable(c.SourceID), c.MadeOn, string(c.Verdict),
				c.Review.URL, c.Review.Explanation, c.Review.Published, created, updated)
		})
	type item struct {
		claim, v string
		pos      int
	}
	var subjects, tags []item
	for _, c := range claims {
		for j, id := range c.SubjectIDs {
			subjects = append(subjects, item{c.ID, id, j})
		}
		for j, tag := range c.Tags {
			tags = append(tags, item{c.ID, tag, j})
		}
	}
	for _, l := range []struct {
		action, head string
		items        []item
	}{
		{"add subject", `INSERT OR FAIL INTO claim_subjects (claim_id, actor_id, position)`, subjects},
		{"add tag", `INSERT OR FAIL INTO claim_tags (claim_id, tag, position)`, tags},
	} {
		out = insertRows(out, copy, l.action, l.head, 3, len(l.items), func(args []any, i int) []any {
			return append(args, l.items[i].claim, l.items[i].v, l.items[i].pos)
		})
	}
	links := batch.links
	slices.SortFunc(links, func(a, b LinkInfo) int {
		return cmp.Or(strings.Compare(a.FromID, b.FromID), strings.Compare(a.ToID, b.ToID))
	})
	out = insertRows(out, copy, "link claims", `INSERT OR FAIL INTO links (from_id, to_id, relation, created_at)`, 4, len(links), func(args []any, i int) []any {
		l := &links[i]
		return append(args, l.FromID, l.ToID, string(l.Relation), model.FormatTime(l.CreatedAt))
	})
	notes := batch.notes
	slices.SortFunc(notes, func(a, b model.Annotation) int { return strings.Compare(a.ID, b.ID) })
	return insertRows(out, copy, "add note", `INSERT OR FAIL INTO annotations (id, claim_id, author, text, created_at)`, 5, len(notes), func(args []any, i int) []any {
		n := &notes[i]
		return append(args, n.ID, n.ClaimID, n.Author, n.Text, model.FormatTime(n.CreatedAt))
	})
}

// copyRowsOf is insertRows for COPY: one bulkExec with every row, for the
// table and columns head names.
func copyRowsOf(out []bulkExec, action, head string, width, n int, fill func(args []any, i int) []any) []bulkExec {
	if n == 0 {
		return out
	}
	_, rest, _ := strings.Cut(head, " INTO ")
	table, cols, _ := strings.Cut(rest, " (")
	c := &bulkCopy{table: strings.TrimSpace(table), rows: make([][]any, n)}
	for _, col := range strings.Split(strings.TrimSuffix(strings.TrimSpace(cols), ")"), ",") {
		c.cols = append(c.cols, strings.TrimSpace(col))
	}
	for i := range n {
		c.rows[i] = fill(make([]any, 0, width), i)
	}
	return append(out, bulkExec{action: action, copy: c})
}

// copyRows writes c with PostgreSQL's COPY on conn, inside the transaction
// open on it.
func copyRows(ctx context.Context, conn *sql.Conn, c *bulkCopy) error {
	return conn.Raw(func(dc any) error {
		pc, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: COPY needs a pgx connection, not %T", dc)
		}
		_, err := pc.Conn().CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows))
		return err
	})
}
