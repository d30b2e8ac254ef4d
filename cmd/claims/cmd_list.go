package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"claims/internal/db"
)

func init() {
	register(command{
		name:  "list",
		usage: "--db PATH",
		summary: "Print one tab-separated line per claim, newest first: id, actor, statement, verdict,\n" +
			"      number of counter-claims, the counter-claims' actors (comma-separated).",
		run: runList,
	})
}

func runList(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["list"], stderr)
	path := fs.String("db", "", "database file to read")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	st, err := openDB(*path, rest)
	if err != nil {
		return err
	}
	defer st.Close()
	claims, err := st.ListClaims(context.Background())
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	for _, c := range claims {
		fields := []string{c.ID, c.ActorName, c.Statement, string(c.Verdict),
			strconv.Itoa(c.CounterCount), strings.Join(c.CounterActors, ", ")}
		for i, f := range fields {
			fields[i] = oneLine(f)
		}
		fmt.Fprintln(w, strings.Join(fields, "\t"))
	}
	return w.Flush()
}

// openExisting opens a database that must already exist, so that a typo in
// the path is reported instead of creating an empty file.
func openExisting(path string) (*db.Store, error) {
	if !db.IsServerURL(path) && !db.Exists(path) {
		return nil, fmt.Errorf("no claims database at %s; create one with \"claims init --db %s\"", path, path)
	}
	return openStore(path)
}

// openDB opens the existing database of a command that takes --db and no
// arguments.
func openDB(path string, rest []string) (*db.Store, error) {
	if err := needDB(path, rest); err != nil {
		return nil, err
	}
	return openExisting(path)
}

// openStore opens (or creates) a database whose writes the history
// records as made from the command line by the reviewer CLAIMS_REVIEWER
// names, or else by the login name.
func openStore(path string) (*db.Store, error) {
	st, err := db.Open(path)
	if err != nil {
		return nil, err
	}
	st.SetOrigin(db.Origin{Reviewer: strings.TrimSpace(os.Getenv("CLAIMS_REVIEWER")), Via: "cli"})
	return st, nil
}

// via is a context whose writes the history records as made by how (e.g.
// "import of claims.csv"), leaving in *set the change set they made.
func via(how string, set *int64) context.Context {
	return db.WithSetID(db.WithOrigin(context.Background(), db.Origin{Via: how}), set)
}

// oneLine keeps a field on its line in tab-separated output.
var oneLine = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ").Replace
