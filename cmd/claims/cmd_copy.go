package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"claims/internal/csvio"
	"claims/internal/db"
	"claims/internal/model"
)

func init() {
	register(command{
		name:  "copy",
		usage: "--from PATH|URL --to PATH|URL [--prefer file|db]",
		summary: "Copy a whole database between SQLite files and PostgreSQL databases, ids and history kept, all or\n" +
			"      nothing, into an empty one; or merge a copy back into the database it was copied from, by the\n" +
			"      import's rules (conflicts stop it unless --prefer says which side wins: file = the copy).",
		run: runCopy,
	})
	register(command{
		name:    "grant",
		usage:   "--db URL USER reviewer|viewer",
		summary: "On a PostgreSQL database, make the server user USER a reviewer (read and write) or a viewer (read and export).",
		run:     runGrant,
	})
}

func runCopy(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["copy"], stderr)
	from := fs.String("from", "", "the database to copy: a file or a postgres:// URL")
	to := fs.String("to", "", "where to copy it: a new file, an empty PostgreSQL database, or the database the copy came from")
	prefer := fs.String("prefer", "", "when merging: settle conflicts with the copy's values (file) or the target's (db)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *from == "" || *to == "" {
		return fmt.Errorf("%w: --from and --to are required", errUsage)
	}
	if err := noArgs(rest); err != nil {
		return err
	}
	switch *prefer {
	case "", csvio.PreferFile, csvio.PreferDB:
	default:
		return fmt.Errorf("%w: --prefer %q is not file or db", errUsage, *prefer)
	}
	src, err := openExisting(*from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openStore(*to)
	if err != nil {
		return err
	}
	defer dst.Close()
	ctx := context.Background()
	empty, err := dst.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if v, err := dst.Version(ctx); err != nil {
		return err
	} else if empty && v == 0 {
		if err := db.Copy(ctx, src, dst); err != nil {
			return err
		}
		list, _ := dst.ListClaims(ctx)
		fmt.Fprintf(stdout, "Copied %s to %s: %d claims, with their history.\n", src.Path(), dst.Path(), len(list))
		return nil
	}
	return mergeBack(ctx, src, dst, *prefer, stdout)
}

// mergeBack imports the copy src into dst by the import's rules. When src
// was copied from dst, every row's baseline is the moment of the copy:
// what changed in either since is told apart field by field.
func mergeBack(ctx context.Context, src, dst *db.Store, prefer string, stdout io.Writer) error {
	snap, err := src.Snapshot(ctx)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := csvio.WriteClaims(&buf, snap, csvio.WriteOptions{}); err != nil {
		return err
	}
	opt := csvio.Options{Prefer: prefer}
	if from, at, ok, err := src.MergeBaseline(ctx); err != nil {
		return err
	} else if ok && from == dst.Path() {
		opt.Baseline = at
	}
	batch, err := csvio.Read(&buf, opt)
	if err != nil {
		return fmt.Errorf("reading %s: %w", src.Path(), err)
	}
	var set int64
	res, err := csvio.Import(via("merge of "+src.Path(), &set), dst, batch, nil)
	if err != nil {
		if errors.Is(err, model.ErrConflict) {
			return fmt.Errorf("merging %s into %s: %w\nNothing was merged. Say which to keep with --prefer file (the copy's values) or --prefer db.", src.Path(), dst.Path(), err)
		}
		return fmt.Errorf("merging %s into %s: %w (nothing was merged)", src.Path(), dst.Path(), err)
	}
	fmt.Fprintf(stdout, "Merged %s into %s: %s.\n", src.Path(), dst.Path(), res)
	printImportNotes(stdout, res, batch, "")
	if set != 0 {
		fmt.Fprintf(stdout, "Recorded as change set %d; \"claims undo --db %s %d\" reverts it.\n", set, dst.Path(), set)
	}
	return nil
}

func runGrant(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["grant"], stderr)
	path := fs.String("db", "", "the PostgreSQL database (postgres://…), as its owner")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := requireDB(*path); err != nil {
		return err
	}
	if len(rest) != 2 || (rest[1] != db.RoleReviewer && rest[1] != db.RoleViewer) {
		return fmt.Errorf("%w: give a user and reviewer or viewer", errUsage)
	}
	if !db.IsServerURL(*path) {
		return fmt.Errorf("%w: %s is a file; roles are for a PostgreSQL database (postgres://…)", errUsage, *path)
	}
	st, err := openExisting(*path)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Grant(context.Background(), rest[0], rest[1]); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s is now a %s of %s.\n", rest[0], rest[1], st.Path())
	return nil
}
