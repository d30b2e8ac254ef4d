package db

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"claims/internal/model"
)

// The roles a team database offers, as "claims grant" names them.
const (
	RoleReviewer = "reviewer" // reads and writes
	RoleViewer   = "viewer"   // reads and exports
)

// ErrNotOnServer is the error of what only a server database does.
var ErrNotOnServer = errors.New("only a PostgreSQL database has users and roles")

var safeName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// roleName is the server role behind a Claims role in this database:
// "<database>_reviewer" or "<database>_viewer". Roles belong to the whole
// server, so each database has its own.
func (s *Store) roleName(ctx context.Context, role string) (string, error) {
	var dbname string
	if err := s.reads().QueryRowContext(ctx, `SELECT current_database()`).Scan(&dbname); err != nil {
		return "", mapError("read the database's name", err)
	}
	name := strings.ToLower(dbname) + "_" + role
	if !safeName.MatchString(name) {
		return "", fmt.Errorf("store: the database's name %q does not make a role name; use letters, digits and _", dbname)
	}
	return name, nil
}

// CreateRoles makes the database's two roles, reviewer (read and write)
// and viewer (read and export), with the privileges the server enforces,
// and returns their server names. Run it as the database's owner. It may
// be run again: it adds what is missing.
func (s *Store) CreateRoles(ctx context.Context) (reviewer, viewer string, err error) {
	if s.d != postgresSQL {
		return "", "", ErrNotOnServer
	}
	if reviewer, err = s.roleName(ctx, RoleReviewer); err != nil {
		return
	}
	if viewer, err = s.roleName(ctx, RoleViewer); err != nil {
		return
	}
	data := `actors, actor_aliases, sources, claims, claim_subjects, claim_tags, links, annotations, change_sets, changes`
	steps := []string{
		fmt.Sprintf(`DO $$ BEGIN CREATE ROLE %s NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`, reviewer),
		fmt.Sprintf(`DO $$ BEGIN CREATE ROLE %s NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`, viewer),
		fmt.Sprintf(`GRANT USAGE ON SCHEMA %s TO %s, %s`, `current_schema()`, reviewer, viewer),
		fmt.Sprintf(`GRANT SELECT ON claims_meta, %s TO %s, %s`, data, reviewer, viewer),
		fmt.Sprintf(`GRANT INSERT, UPDATE, DELETE ON %s TO %s`, data, reviewer),
		fmt.Sprintf(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA %s TO %s`, `current_schema()`, reviewer),
	}
	for _, st := range steps {
		if strings.Contains(st, "current_schema()") {
			var schema string
			if err := s.reads().QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
				return "", "", mapError("read the schema", err)
			}
			st = strings.ReplaceAll(st, "current_schema()", `"`+strings.ReplaceAll(schema, `"`, `""`)+`"`)
		}
		if _, err := s.rw.ExecContext(ctx, st); err != nil {
			return "", "", fmt.Errorf("store: unable to make the roles (run this as the database's owner): %w", mapError("make roles", err))
		}
	}
	return reviewer, viewer, nil
}

// Grant makes the server user user a reviewer or a viewer of this
// database (and no longer the other).
func (s *Store) Grant(ctx context.Context, user, role string) error {
	if s.d != postgresSQL {
		return ErrNotOnServer
	}
	if role != RoleReviewer && role != RoleViewer {
		return fmt.Errorf("store: role %q is not %s or %s: %w", role, RoleReviewer, RoleViewer, model.ErrInvalid)
	}
	if !safeName.MatchString(user) {
		return fmt.Errorf("store: %q is not a user name (letters, digits and _): %w", user, model.ErrInvalid)
	}
	give, err := s.roleName(ctx, role)
	if err != nil {
		return err
	}
	other := RoleViewer
	if role == RoleViewer {
		other = RoleReviewer
	}
	take, err := s.roleName(ctx, other)
	if err != nil {
		return err
	}
	for _, st := range []string{
		fmt.Sprintf(`REVOKE %s FROM %s`, take, user),
		fmt.Sprintf(`GRANT %s TO %s`, give, user),
	} {
		if _, err := s.rw.ExecContext(ctx, st); err != nil {
			return fmt.Errorf("store: unable to grant %s to %s (do the roles exist? \"claims init --roles\" makes them): %w",
				role, user, mapError("grant", err))
		}
	}
	return nil
}

// CanWrite reports whether the connected user may change the database: on
// a server, whether the server would let them write claims; a file the
// store opened is always writable (read-only files are refused).
func (s *Store) CanWrite(ctx context.Context) (bool, error) {
	if s.d != postgresSQL {
		return true, nil
	}
	var ok bool
	err := s.reads().QueryRowContext(ctx, `SELECT has_table_privilege('claims', 'INSERT')`).Scan(&ok)
	return ok, mapError("read the privileges", err)
}
