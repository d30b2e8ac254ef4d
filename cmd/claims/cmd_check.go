package main

import (
	"context"
	"fmt"
	"io"
)

func init() {
	register(command{
		name:    "check",
		usage:   "--db PATH",
		summary: "Check the database file for damage (SQLite's integrity and foreign-key checks).",
		run:     runCheck,
	})
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["check"], stderr)
	path := fs.String("db", "", "database file to check")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	st, err := openDB(*path, rest)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Check(context.Background()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: ok\n", *path)
	return nil
}
