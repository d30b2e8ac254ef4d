package main

import (
	"context"
	"fmt"
	"io"

	"claims/internal/db"
	"claims/internal/sample"
)

func init() {
	register(command{
		name:  "init",
		usage: "--db PATH|URL [--sample] [--roles]",
		summary: "Create a new claims database: a file at PATH, or the schema in an empty PostgreSQL database\n" +
			"      (postgres://…); with --sample, filled with the sample claims; with --roles (a server, as its\n" +
			"      owner), the roles DB_reviewer (read and write) and DB_viewer (read and export).",
		run: runInit,
	})
}

func runInit(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["init"], stderr)
	path := fs.String("db", "", "database file to create")
	withSample := fs.Bool("sample", false, "fill the new database with the sample claims from the articles")
	roles := fs.Bool("roles", false, "on a PostgreSQL server: make the database's reviewer and viewer roles (see \"claims grant\")")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := needDB(*path, rest); err != nil {
		return err
	}
	existed := db.IsServerURL(*path) || db.Exists(*path)
	if *roles && !db.IsServerURL(*path) {
		return fmt.Errorf("%w: --roles is for a PostgreSQL database (postgres://…); a file has no users", errUsage)
	}
	st, err := openStore(*path)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if existed {
		empty, err := st.IsEmpty(ctx)
		if err != nil {
			return err
		}
		if !empty && !*roles {
			return fmt.Errorf("%s already holds claims; choose a new file name", st.Path())
		}
	}
	if *roles {
		reviewer, viewer, err := st.CreateRoles(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Roles %s (read and write) and %s (read and export) are ready; give them with \"claims grant\".\n", reviewer, viewer)
		if !*withSample {
			return nil
		}
		if empty, err := st.IsEmpty(ctx); err != nil || !empty {
			return err
		}
	}
	if *withSample {
		if err := sample.Load(ctx, st); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Created %s with %d sample claims.\n", st.Path(), len(sample.Claims()))
		return nil
	}
	fmt.Fprintf(stdout, "Created %s.\n", st.Path())
	return nil
}
