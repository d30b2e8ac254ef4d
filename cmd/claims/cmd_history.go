package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"claims/internal/db"
	"claims/internal/model"
)

func init() {
	register(command{
		name:  "history",
		usage: "--db PATH [--claim ID]",
		summary: "Print the change history, oldest first, tab-separated with a header: time, reviewer, set,\n" +
			"      claim, field, old, new, via. --claim shows one claim's (its fields, tags, notes, links).",
		run: runHistory,
	})
	register(command{
		name:  "undo",
		usage: "--db PATH SET",
		summary: "Revert change set SET (an import, an extraction, a save) as a new change set. Refuses,\n" +
			"      naming the fields, when a later change touched what SET changed. Undoing an undo redoes.",
		run: runUndo,
	})
	register(command{
		name:    "trash",
		usage:   "--db PATH [--restore ID]",
		summary: "List the deleted claims (deleted at, by, id, actor, statement), or put one back with --restore.",
		run:     runTrash,
	})
}

func runHistory(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["history"], stderr)
	path := fs.String("db", "", "database file to read")
	claim := fs.String("claim", "", "show only this claim's history")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	st, err := openDB(*path, rest)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if *claim != "" {
		if _, err := st.Claim(ctx, *claim); errors.Is(err, model.ErrNotFound) {
			if list, _ := st.History(ctx, *claim); len(list) == 0 {
				return fmt.Errorf("no claim %q, and the history does not name it", *claim)
			}
		}
	}
	list, err := st.History(ctx, *claim)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	fmt.Fprintln(w, "time\treviewer\tset\tclaim\tfield\told\tnew\tvia")
	for _, c := range list {
		fields := []string{c.Set.At.UTC().Format(model.TimeLayout), c.Set.Reviewer, strconv.FormatInt(c.Set.ID, 10),
			c.ClaimID, historyField(c), c.OldText, c.NewText, c.Set.Via}
		for i, f := range fields {
			fields[i] = oneLine(strings.ReplaceAll(f, "\n", "; "))
		}
		fmt.Fprintln(w, strings.Join(fields, "\t"))
	}
	return w.Flush()
}

// historyField names what a change changed, as the history command
// prints it: a claim's field, "link from ID", "note", or the actor's or
// source's id and field.
func historyField(c db.Change) string {
	switch c.Entity {
	case db.EntityClaim:
		return c.Field
	case "link":
		return "link from " + c.EntityID
	case "note":
		return "note"
	}
	if c.Field == c.Entity {
		return c.Entity + " " + c.EntityID
	}
	return c.Entity + " " + c.EntityID + " " + c.Field
}

func runUndo(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["undo"], stderr)
	path := fs.String("db", "", "database file")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := requireDB(*path); err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("%w: give the number of one change set (see \"claims history\")", errUsage)
	}
	id, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("%w: %q is not a change set number", errUsage, rest[0])
	}
	st, err := openExisting(*path)
	if err != nil {
		return err
	}
	defer st.Close()
	undo, err := st.Undo(context.Background(), id)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Undid change set %d; the undo is change set %d (\"claims undo --db %s %d\" redoes it).\n", id, undo, *path, undo)
	return nil
}

func runTrash(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["trash"], stderr)
	path := fs.String("db", "", "database file")
	restore := fs.String("restore", "", "put the deleted claim with this `ID` back")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	st, err := openDB(*path, rest)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if *restore != "" {
		if err := st.RestoreClaim(ctx, *restore); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Put claim %s back.\n", *restore)
		return nil
	}
	list, err := st.Trash(ctx)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	for _, t := range list {
		fmt.Fprintln(w, strings.Join([]string{t.Deleted.At.UTC().Format(model.TimeLayout), oneLine(t.Deleted.Reviewer),
			t.ID, oneLine(t.ActorName), oneLine(t.Statement)}, "\t"))
	}
	return w.Flush()
}
