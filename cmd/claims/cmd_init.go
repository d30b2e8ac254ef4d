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
		name:    "init",
		usage:   "--db PATH [--sample]",
		summary: "Create a new claims database at PATH; with --sample, filled with the sample claims.",
		run:     runInit,
	})
}

func runInit(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["init"], stderr)
	path := fs.String("db", "", "database file to create")
	withSample := fs.Bool("sample", false, "fill the new database with the sample claims from the articles")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := requireDB(*path); err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, rest[0])
	}
	existed := db.Exists(*path)
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
		if !empty {
			return fmt.Errorf("%s already holds claims; choose a new file name", *path)
		}
	}
	if *withSample {
		if err := sample.Load(ctx, st); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Created %s with %d sample claims.\n", *path, len(sample.Claims()))
		return nil
	}
	fmt.Fprintf(stdout, "Created %s.\n", *path)
	return nil
}
