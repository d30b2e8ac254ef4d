package main

import (
	"context"
	"fmt"
	"io"
)

func init() {
	register(command{
		name:    "backup",
		usage:   "--db PATH --to FILE",
		summary: "Write a consistent copy of the database to FILE, even while the app has it open.",
		run:     runBackup,
	})
}

func runBackup(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["backup"], stderr)
	path := fs.String("db", "", "database file to back up")
	to := fs.String("to", "", "new file to write the copy to (must not exist)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := requireDB(*path); err != nil {
		return err
	}
	if *to == "" {
		return fmt.Errorf("%w: --to FILE is required", errUsage)
	}
	if err := noArgs(rest); err != nil {
		return err
	}
	st, err := openExisting(*path)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(context.Background(), *to); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Backed up %s to %s.\n", *path, *to)
	return nil
}
