package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// IsServerURL reports whether dsn names a PostgreSQL database
// ("postgres://…" or "postgresql://…") rather than an SQLite file.
func IsServerURL(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Errors about reaching a PostgreSQL database, so that the window can ask
// for a password or say what to fix.
var (
	ErrPassword    = errors.New("password refused")
	ErrNoServer    = errors.New("server not reachable")
	ErrNoDatabase  = errors.New("no such database on the server")
	ErrNoPrivilege = errors.New("permission denied")
)

// Redacted is a server URL without its password, to show and to remember.
func Redacted(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, has := u.User.Password(); has {
		u.User = url.User(u.User.Username())
	}
	return u.String()
}

// WithPassword returns the server URL dsn with password set in it.
func WithPassword(dsn, password string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", fmt.Errorf("store: %q is not a server URL: %w", Redacted(dsn), err)
	}
	name := ""
	if u.User != nil {
		name = u.User.Username()
	}
	u.User = url.UserPassword(name, password)
	return u.String(), nil
}

// openPostgres opens the PostgreSQL database dsn names, with libpq's
// conventions (PG* variables, ~/.pgpass, sslmode), and brings its schema
// up to date. A database that holds another application's tables, or
// whose schema is newer, is refused and left as it is.
func openPostgres(ctx context.Context, dsn string, migrations migrationSource) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store: %s is not a usable server URL: %v", Redacted(dsn), err)
	}
	pool := sql.OpenDB(stdlib.GetConnector(*cfg))
	pool.SetMaxOpenConns(12)
	pool.SetMaxIdleConns(4)
	where := Redacted(dsn)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, serverError(where, cfg, err)
	}
	s := &Store{path: where, rw: pool, ro: pool, d: postgresSQL, dsn: dsn}
	if err := s.migratePG(ctx, migrations); err != nil {
		pool.Close()
		return nil, err
	}
	if err := pool.QueryRowContext(ctx, `SELECT current_user`).Scan(&s.serverUser); err != nil {
		pool.Close()
		return nil, serverError(where, cfg, err)
	}
	return s, nil
}

// serverError says in words what stopped a connection or a statement.
func serverError(where string, cfg *pgx.ConnConfig, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			if cfg.Password == "" {
				return fmt.Errorf("store: %s needs a password for user %q (give it in the URL, PGPASSWORD or ~/.pgpass): %w",
					where, cfg.User, ErrPassword)
			}
			return fmt.Errorf("store: %s refused the password for user %q: %w", where, cfg.User, ErrPassword)
		case "3D000":
			return fmt.Errorf("store: %s: the server has no database %q; ask its administrator to create it (createdb %s): %w",
				where, cfg.Database, cfg.Database, ErrNoDatabase)
		case "42501":
			return fmt.Errorf("store: %s: user %q may not do this (%s): %w", where, cfg.User, pe.Message, ErrNoPrivilege)
		}
		return fmt.Errorf("store: %s: %s: %w", where, pe.Message, err)
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		msg := err.Error()
		if strings.Contains(msg, "password") || strings.Contains(msg, "SASL") {
			return fmt.Errorf("store: %s needs a password for user %q (give it in the URL, PGPASSWORD or ~/.pgpass): %w",
				where, cfg.User, ErrPassword)
		}
		return fmt.Errorf("store: cannot reach the PostgreSQL server of %s (is it running, and is the address right?): %v: %w",
			where, ce.Unwrap(), ErrNoServer)
	}
	return fmt.Errorf("store: %s: %w", where, err)
}

// migratePG brings a PostgreSQL database up to the newest schema: each
// migration in its own transaction, under an advisory lock so that two
// clients opening a new database at once do not both migrate it. The
// version lives in claims_meta.
func (s *Store) migratePG(ctx context.Context, migrations migrationSource) error {
	current, err := s.pgVersion(ctx, s.rw)
	if err != nil {
		return err
	}
	if current > migrations.latest() {
		return fmt.Errorf("store: %s is %w (schema version %d; this version of Claims reads up to %d): update Claims to open it",
			s.path, ErrNewerSchema, current, migrations.latest())
	}
	for _, m := range migrations[current:] {
		err := func() error {
			tx, err := s.rw.BeginTx(ctx, nil)
			if err != nil {
				return err
			}
			defer tx.Rollback()
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(1131179379)`); err != nil {
				return err
			}
			// Another client may have migrated while this one waited.
			if now, err := s.pgVersion(ctx, tx); err != nil || now >= m.version {
				return err
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO claims_meta (key, value) VALUES ('schema_version', $1)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.Itoa(m.version)); err != nil {
				return err
			}
			return tx.Commit()
		}()
		if err != nil {
			var pe *pgconn.PgError
			if errors.As(err, &pe) && pe.Code == "42501" {
				return fmt.Errorf("store: %s needs its schema made or upgraded to version %d, and this user may not: "+
					"open it once as its owner: %w", s.path, m.version, ErrNoPrivilege)
			}
			return fmt.Errorf("store: migration %s failed on %s, database left at version %d: %w", m.name, s.path, current, err)
		}
		current = m.version
	}
	return nil
}

// pgVersion reads the schema version: 0 for an empty database; an error
// for a database that holds other tables.
func (s *Store) pgVersion(ctx context.Context, q querier) (int, error) {
	var meta sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT to_regclass('claims_meta')::text`).Scan(&meta); err != nil {
		return 0, fmt.Errorf("store: %s: %w", s.path, err)
	}
	if !meta.Valid {
		var tables int
		if err := q.QueryRowContext(ctx, `
			SELECT count(*) FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`).Scan(&tables); err != nil {
			return 0, fmt.Errorf("store: %s: %w", s.path, err)
		}
		if tables > 0 {
			return 0, fmt.Errorf("store: %s is %w: it holds %d tables of another application; use an empty database",
				s.path, ErrNotClaimsDB, tables)
		}
		return 0, nil
	}
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM claims_meta WHERE key = 'schema_version'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: %s: %w", s.path, err)
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("store: %s has a damaged schema version %q: %w", s.path, v, ErrCorrupt)
	}
	return n, nil
}

// OnServer reports whether the store is a PostgreSQL database.
func (s *Store) OnServer() bool { return s.d == postgresSQL }

// ServerUser is the user a PostgreSQL server authenticated, whom the
// history names for every change made through this store; "" for a file.
func (s *Store) ServerUser() string { return s.serverUser }

// ConnectionLost reports whether err says the server could not be reached
// or the connection broke: the write may not have been made, and trying
// it again later with the same token (WithToken) is safe.
func ConnectionLost(err error) bool {
	if err == nil {
		return false
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "57P")) {
		return true // a connection exception, or the server shutting down
	}
	return errors.Is(err, ErrNoServer) || errors.Is(err, driver.ErrBadConn) || errors.As(err, &ce) ||
		errors.As(err, &ne) || pgconn.Timeout(err) || pgconn.SafeToRetry(err) ||
		strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "broken pipe") ||
		strings.Contains(err.Error(), "connection reset") || strings.Contains(err.Error(), "unexpected EOF")
}
