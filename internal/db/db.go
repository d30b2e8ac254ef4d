// Package db is the claim store: one SQLite file holding actors, sources,
// claims, the links between claims and reviewers' notes. It is the only
// package that speaks SQL.
//
// Exported Store methods each own one transaction. Work that must succeed or
// fail as a whole (an import, a merge) runs through Store.Update, whose Tx
// offers the same operations inside one transaction.
package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"claims/internal/model"

	"github.com/jackc/pgx/v5/pgconn"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID is written into the SQLite header of every Claims database
// (PRAGMA application_id) so that other SQLite files are recognised and
// refused. It spells "Clms".
const ApplicationID = 0x436C6D73

// Errors about the database file itself, so that the UI can say what is
// wrong and offer to open another file.
var (
	ErrNotClaimsDB = errors.New("not a Claims database")
	ErrNewerSchema = errors.New("made by a newer version of Claims")
	ErrCorrupt     = errors.New("damaged or truncated")
	ErrReadOnly    = errors.New("read-only")
)

// Store is an open claims database.
type Store struct {
	path string
	rw   *sql.DB // one connection: SQLite has one writer at a time
	ro   *sql.DB // readers, which WAL lets run beside the writer

	d          dialect // the SQL the engine speaks
	dsn        string  // a server's URL, with its password; "" for a file
	serverUser string  // the server's name for who is connected; "" for a file

	mu     sync.Mutex
	origin Origin // who writes when the context does not say (SetOrigin)
}

// Open opens the claims database at path, creating it when the file does
// not exist or is empty, and brings its schema up to date. A file that is
// not a Claims database, was made by a newer version, or is damaged is
// refused with ErrNotClaimsDB, ErrNewerSchema or ErrCorrupt, and left
// exactly as it was.
//
// A "postgres://" URL opens that PostgreSQL database instead (see
// openPostgres); everything else works the same on both.
func Open(path string) (*Store, error) {
	if IsServerURL(path) {
		return openPostgres(context.Background(), path, pgMigrations)
	}
	return open(context.Background(), path, migrationFS)
}

func open(ctx context.Context, path string, migrations migrationSource) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: no database path given")
	}
	if err := inspectFile(path, migrations.latest()); err != nil {
		return nil, err
	}
	rw, err := sql.Open("sqlite", dsn(path, "_txlock=immediate", "_pragma=journal_mode(WAL)", "_pragma=synchronous(NORMAL)"))
	if err != nil {
		return nil, fmt.Errorf("store: unable to open %s: %w", path, err)
	}
	rw.SetMaxOpenConns(1)
	rw.SetConnMaxIdleTime(0)
	if err := rw.PingContext(ctx); err != nil {
		rw.Close()
		return nil, openError(path, err)
	}
	if err := migrate(ctx, rw, path, migrations); err != nil {
		rw.Close()
		return nil, err
	}
	// Readers map the file into memory: listing 100,000 claims then costs
	// no read system calls.
	ro, err := sql.Open("sqlite", dsn(path, "_pragma=query_only(1)", "_pragma=mmap_size(1073741824)"))
	if err != nil {
		rw.Close()
		return nil, fmt.Errorf("store: unable to open %s: %w", path, err)
	}
	ro.SetMaxOpenConns(4)
	return &Store{path: path, rw: rw, ro: ro}, nil
}

// dsn builds a modernc.org/sqlite data source name with the pragmas every
// connection needs: foreign keys and a busy timeout, so that a second writer
// waits instead of failing with "database is locked".
func dsn(path string, extra ...string) string {
	params := append([]string{"_pragma=foreign_keys(1)", busyTimeout}, extra...)
	return path + "?" + strings.Join(params, "&")
}

// busyTimeout is how long a connection waits for another one holding the
// file before it fails with "database is locked".
const busyTimeout = "_pragma=busy_timeout(10000)"

func openError(path string, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only") || strings.Contains(msg, "unable to open"):
		return fmt.Errorf("store: unable to open %s for writing (is the file or its folder read-only?): %w", path, err)
	case strings.Contains(msg, "malformed") || strings.Contains(msg, "not a database"):
		return fmt.Errorf("store: %s is %w: %v", path, ErrCorrupt, err)
	}
	return fmt.Errorf("store: unable to open %s: %w", path, err)
}

// Path is the file the store was opened from, or the server URL without
// its password.
func (s *Store) Path() string { return s.path }

// Close checkpoints the write-ahead log and closes the database.
func (s *Store) Close() error {
	if s.d == postgresSQL {
		return s.rw.Close()
	}
	_, _ = s.rw.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return errors.Join(s.ro.Close(), s.rw.Close())
}

// Update runs fn in one write transaction: everything fn does is committed
// together, or, when fn returns an error, nothing is. The changes it makes
// are recorded as one change set, made by the context's Origin.
func (s *Store) Update(ctx context.Context, fn func(*Tx) error) error {
	err := s.update(ctx, fn)
	// A server connection that broke before the write reached the server
	// (the server restarted, say) is replaced and the write tried again.
	for try := 1; try <= 4 && s.d == postgresSQL && retryable(err); try++ {
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(try*try) * 100 * time.Millisecond):
		}
		err = s.update(ctx, fn)
	}
	return err
}

// retryable reports whether err says a write never reached the server, so
// that trying it again on a new connection cannot apply it twice.
func retryable(err error) bool {
	var nb *notBegun
	return err != nil && (pgconn.SafeToRetry(err) || errors.Is(err, driver.ErrBadConn) || errors.As(err, &nb))
}

// notBegun is a transaction that could not even begin because its
// connection had gone (the server restarted): nothing of it was done.
type notBegun struct{ err error }

func (e *notBegun) Error() string { return "store: unable to begin: " + e.err.Error() }
func (e *notBegun) Unwrap() error { return e.err }

func (s *Store) update(ctx context.Context, fn func(*Tx) error) error {
	sqlTx, err := s.rw.BeginTx(ctx, nil)
	if err != nil {
		if s.d == postgresSQL && ConnectionLost(err) {
			return &notBegun{err}
		}
		return fmt.Errorf("store: unable to begin: %w", err)
	}
	tx := s.newTx(ctx, sqlTx)
	if done, err := tx.appliedBefore(); done || err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	if err := fn(tx); err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	return tx.commit()
}

// appliedBefore reports whether the write's token (WithToken) names a
// change set already committed: the write was made, and its caller did
// not hear of it.
func (tx *Tx) appliedBefore() (bool, error) {
	t, _ := tx.ctx.Value(tokenKey{}).(string)
	if t == "" {
		return false, nil
	}
	err := tx.queryRow(`SELECT id FROM change_sets WHERE token = ?`, t).Scan(&tx.setID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, mapError("look up the write", err)
	}
	if p, ok := tx.ctx.Value(setIDKey{}).(*int64); ok && p != nil {
		*p = tx.setID
	}
	return true, nil
}

func (s *Store) newTx(ctx context.Context, sqlTx *sql.Tx) *Tx {
	return &Tx{ctx: ctx, tx: sqlTx, q: handle{sqlTx, s.d}, stmts: make(map[string]*sql.Stmt), origin: s.originOf(ctx)}
}

// reads is the pool of readers, speaking the engine's dialect.
func (s *Store) reads() handle { return handle{s.ro, s.d} }

// readTx begins a read-only transaction: one consistent view for reads
// that must agree. done ends it.
func (s *Store) readTx(ctx context.Context) (handle, func(), error) {
	opt := &sql.TxOptions{ReadOnly: true}
	if s.d == postgresSQL {
		opt.Isolation = sql.LevelRepeatableRead // one snapshot for every statement
	}
	tx, err := s.ro.BeginTx(ctx, opt)
	if err != nil {
		return handle{}, nil, err
	}
	if s.d == postgresSQL {
		if _, err := tx.ExecContext(ctx, readWorkMem); err != nil {
			_ = tx.Rollback()
			return handle{}, nil, err
		}
	}
	return handle{tx, s.d}, func() { _ = tx.Rollback() }, nil
}

// readWorkMem is the sort memory of a read transaction on a server: its
// default (4 MB) sorts the lists of 100,000 claims on disk.
const readWorkMem = `SET LOCAL work_mem = '64MB'`

// commit writes the change set and commits. On a server the commit also
// tells every listening window (Watch) that the database changed.
func (tx *Tx) commit() error {
	if err := tx.writeHistory(); err != nil {
		_ = tx.tx.Rollback()
		return err
	}
	if tx.setID != 0 && tx.q.d == postgresSQL {
		if _, err := tx.q.ExecContext(tx.ctx, `SELECT pg_notify('claims_changes', ?)`, strconv.FormatInt(tx.setID, 10)); err != nil {
			_ = tx.tx.Rollback()
			return mapError("tell the other windows", err)
		}
	}
	if err := tx.tx.Commit(); err != nil {
		return fmt.Errorf("store: unable to commit: %w", err)
	}
	if p, ok := tx.ctx.Value(setIDKey{}).(*int64); ok && p != nil {
		*p = tx.setID
	}
	return nil
}

// Tx is a write transaction opened by Store.Update.
type Tx struct {
	ctx   context.Context
	tx    *sql.Tx
	q     handle               // tx in the engine's dialect
	stmts map[string]*sql.Stmt // prepared once per transaction; closed with it

	origin  Origin
	at      time.Time   // the transaction's time (now); zero until first asked
	changes []changeRow // recorded, written with the commit
	setID   int64       // the change set, once written
	undoes  int64       // the set this transaction reverts, if it is an undo
	slugs   slugIndex   // actors by SlugKey, read on first use
	// copy, when set (a bulk load on PostgreSQL), writes many rows at once
	// with COPY.
	copy func(*bulkCopy) error
	mark bool // write a change set even without changes (it marks a copy)
}

// stmt returns query prepared in this transaction, preparing it on first
// use: bulk work (imports, merges) runs the same few statements many times.
func (tx *Tx) stmt(query string) (*sql.Stmt, error) {
	if st, ok := tx.stmts[query]; ok {
		return st, nil
	}
	st, err := tx.tx.PrepareContext(tx.ctx, tx.q.d.sql(query))
	if err != nil {
		return nil, err
	}
	tx.stmts[query] = st
	return st, nil
}

// exec runs a prepared statement in the transaction.
func (tx *Tx) exec(query string, args ...any) (sql.Result, error) {
	st, err := tx.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(tx.ctx, args...)
}

// queryRow runs a prepared single-row query in the transaction.
func (tx *Tx) queryRow(query string, args ...any) *sql.Row {
	st, err := tx.stmt(query)
	if err != nil {
		// Let the error surface from Scan, as QueryRow does.
		return tx.q.QueryRowContext(tx.ctx, query, args...)
	}
	return st.QueryRowContext(tx.ctx, args...)
}

// querier is what both a pool and a transaction offer, so read helpers
// serve Store methods and Tx methods alike.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// mapError turns driver errors into the domain's sentinel errors, in one
// place: a missing row is model.ErrNotFound, a broken uniqueness rule is
// model.ErrConflict, a broken reference is model.ErrInUse.
func mapError(action string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, model.ErrInvalid) || errors.Is(err, model.ErrNotFound) ||
		errors.Is(err, model.ErrConflict) || errors.Is(err, model.ErrInUse) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: unable to %s: %w", action, model.ErrNotFound)
	}
	switch {
	case isUnique(err):
		return fmt.Errorf("store: unable to %s: %w (%v)", action, model.ErrConflict, err)
	case isForeignKey(err):
		return fmt.Errorf("store: unable to %s: %w (%v)", action, model.ErrInUse, err)
	case isPermission(err):
		return fmt.Errorf("store: unable to %s: you may read this database but not change it (%v): %w", action, err, ErrNoPrivilege)
	}
	return fmt.Errorf("store: unable to %s: %w", action, err)
}

// isUnique, isForeignKey and isPermission tell a broken uniqueness rule, a
// broken reference and a refused privilege from other errors, on either
// engine.
func isUnique(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505"
	}
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

func isForeignKey(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23503"
	}
	return err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed")
}

func isPermission(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501"
}

// IsEmpty reports whether the database holds no claims, actors or sources.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.reads().QueryRowContext(ctx,
		`SELECT (SELECT count(*) FROM claims) + (SELECT count(*) FROM actors) + (SELECT count(*) FROM sources)`).Scan(&n)
	if err != nil {
		return false, mapError("count rows", err)
	}
	return n == 0, nil
}

// Exists reports whether path names an existing, non-empty file.
func Exists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Size() > 0
}
