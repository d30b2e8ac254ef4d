package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"claims/internal/csvio"
	"claims/internal/dedupe"
	"claims/internal/model"
)

func init() {
	register(command{
		name:  "import",
		usage: "--db PATH [--format csv|tsv] [--no-header] [--map FIELD=COL,...] [--verdict-map LABEL=VERDICT;...] [--dates mdy|dmy] [--prefer file|db] [--skip-bad-rows FILE] [--no-duplicates] FILE",
		summary: "Import claims from a CSV or TSV file: the app's own export (merged by id) or another tool's\n" +
			"      spreadsheet through a column mapping. Only the fields the file gives are written; a value\n" +
			"      changed in the app since the file was written is kept, or, when the file changes it too,\n" +
			"      is a conflict that stops the import unless --prefer settles it. All rows or none (or the\n" +
			"      good rows, with --skip-bad-rows); one change set that \"claims undo\" reverts.",
		run: runImport,
	})
}

// stringList is a flag that may be given more than once.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ";") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func runImport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["import"], stderr)
	path := fs.String("db", "", "database file to import into (created when missing)")
	format := fs.String("format", "", "csv or tsv; by default tsv for .tsv/.tab files, csv for .csv, else guessed from the first line")
	noHeader := fs.Bool("no-header", false, "the first row is data, not column names")
	var maps, verdicts stringList
	fs.Var(&maps, "map", "which column holds which field: field=N (1-based) or field=Header name, comma-separated;\n"+
		"fields: statement, quote, actor, actor-kind, actor-aliases, subjects, source-title, outlet, url,\n"+
		"publication-date, date-made, verdict, tags, notes, id, counter-claim-ids (may repeat)")
	fs.Var(&verdicts, "verdict-map", "rating labels: LABEL=VERDICT pairs separated by ';' (may repeat); \"*=unreviewed\" catches every unknown label")
	noteAuthor := fs.String("note-author", "", "author of notes that other tools' files give as plain text (default \"import\")")
	dates := fs.String("dates", "auto", "how other tools' dates like 6/11/2008 read: mdy (11 June), dmy (6 November), or auto\n"+
		"(worked out from a date such as 6/13/2008 that reads only one way)")
	noDups := fs.Bool("no-duplicates", false, "skip the check of the new claims against those already in the database")
	prefer := fs.String("prefer", "", "settle conflicts (values changed both in the app since the file was written and in the\n"+
		"file): \"file\" writes the file's, \"db\" keeps the database's; without it a conflict stops the import")
	skipBad := fs.String("skip-bad-rows", "", "import the good rows and write the refused ones, with why, to this `FILE`\n"+
		"(mend them there and import it as it is); without it one bad row stops the import")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := requireDB(*path); err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("%w: give one FILE to import", errUsage)
	}
	file := rest[0]
	var tsv bool
	switch strings.ToLower(*format) {
	case "":
		head := make([]byte, 4096)
		if f, err := os.Open(file); err == nil {
			n, _ := f.Read(head)
			head = head[:n]
			f.Close()
		}
		tsv = csvio.LooksTabSeparated(file, head)
	case "csv":
	case "tsv":
		tsv = true
	default:
		return fmt.Errorf("%w: --format %q is not csv or tsv", errUsage, *format)
	}
	vm, err := csvio.ParseVerdictMap(verdicts...)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	order, err := csvio.ParseDateOrder(*dates)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	switch *prefer {
	case "", csvio.PreferFile, csvio.PreferDB:
	default:
		return fmt.Errorf("%w: --prefer %q is not file or db", errUsage, *prefer)
	}
	opt := csvio.Options{TSV: tsv, NoHeader: *noHeader, MapSpec: strings.Join(maps, ","), Verdict: vm,
		NoteAuthor: *noteAuthor, DateOrder: order, Prefer: *prefer, SkipBad: *skipBad != ""}
	if *noHeader && opt.MapSpec == "" {
		return fmt.Errorf("%w: a file without a header needs --map to say which column holds what", errUsage)
	}

	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	// The parsed file stays live until the transaction commits; collect
	// less often while it is built (see runExport).
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	// Parse and check every row before the database is touched.
	batch, err := csvio.Read(f, opt)
	if err != nil {
		return fmt.Errorf("%s: %w (nothing was imported)", file, err)
	}
	for _, w := range batch.Warnings {
		fmt.Fprintf(stderr, "claims: warning: %s: %s\n", file, w)
	}
	st, err := openStore(*path)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	// The claims already there, for the duplicate check: listed before
	// the import so that the new ones are told apart.
	var before []model.ClaimSummary
	if !*noDups {
		if before, err = st.ListClaims(ctx); err != nil {
			return err
		}
	}
	var set int64
	res, err := csvio.Import(via("import of "+filepath.Base(file), &set), st, batch, nil)
	if errors.Is(err, model.ErrConflict) {
		return fmt.Errorf("%s: %w\nNothing was imported. Say which to keep with --prefer file or --prefer db.", file, err)
	}
	if err != nil {
		return fmt.Errorf("%s: %w (nothing was imported)", file, err)
	}
	if *skipBad != "" {
		if err := csvio.WriteFileAtomic(*skipBad, func(w io.Writer) error { return csvio.WriteRefused(w, batch, tsv) }); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "Imported %s: %s.\n", file, res)
	printImportNotes(stdout, res, batch, *skipBad)
	if set != 0 {
		fmt.Fprintf(stdout, "Recorded as change set %d; \"claims undo --db %s %d\" reverts it.\n", set, *path, set)
	} else {
		fmt.Fprintln(stdout, "Nothing in the database changed.")
	}
	if len(before) == 0 || len(res.Created) == 0 {
		return nil
	}
	reports, err := dedupe.NewIndex(before).FindAll(ctx, res.NewClaims(), 3, nil)
	if err != nil {
		return err
	}
	printDuplicates(stdout, res.Created, reports)
	return nil
}

// printImportNotes lists what a person should read after an import: rows
// left out, rows merged, values kept, conflicts settled.
func printImportNotes(w io.Writer, res csvio.Result, b *csvio.Batch, refusedFile string) {
	if len(b.Refused) > 0 {
		fmt.Fprintf(w, "%d rows were left out and written, with why, to %s:\n", len(b.Refused), refusedFile)
		for i, r := range b.Refused {
			if i == 10 {
				fmt.Fprintf(w, "  … and %d more\n", len(b.Refused)-i)
				break
			}
			fmt.Fprintf(w, "  %s\n", r.Reason)
		}
	} else if refusedFile != "" {
		fmt.Fprintf(w, "No row was left out (%s holds only the header).\n", refusedFile)
	}
	for _, m := range res.Merged {
		what := ""
		if len(m.Replaced) > 0 {
			what = "; its " + strings.Join(m.Replaced, ", ") + " replaced that row's"
		}
		fmt.Fprintf(w, "line %d went into the same claim as line %d (%s): same actor and statement, and no source or date to tell them apart%s\n",
			m.Line, m.Into, m.ClaimID, what)
	}
	if len(res.Kept) > 0 {
		fmt.Fprintf(w, "%d values were kept as the database has them: they changed after the file was written, and the file holds them as they were:\n", len(res.Kept))
		for i, k := range res.Kept {
			if i == 10 {
				fmt.Fprintf(w, "  … and %d more\n", len(res.Kept)-i)
				break
			}
			fmt.Fprintf(w, "  line %d, claim %s: %s\n", k.Line, k.ClaimID, k.Field)
		}
	}
	for _, c := range res.Conflicts {
		how := "the file's value written"
		if c.Settled == csvio.PreferDB {
			how = "the database's value kept"
		}
		fmt.Fprintf(w, "conflict settled, %s: %s\n", how, c)
	}
}

// printDuplicates lists the new claims that look like claims already in
// the database, with the line of the file each came from.
func printDuplicates(w io.Writer, created []csvio.Created, reports []dedupe.Report) {
	if len(reports) == 0 {
		fmt.Fprintf(w, "None of the %d new claims looks like a claim already in the database.\n", len(created))
		return
	}
	verb := "look"
	if len(reports) == 1 {
		verb = "looks"
	}
	fmt.Fprintf(w, "%d of the %d new claims %s like claims already in the database; find them in the window to link or delete them:\n",
		len(reports), len(created), verb)
	for _, r := range reports {
		c := created[r.Query]
		fmt.Fprintf(w, "  line %d, new claim %s: %q\n", c.Line, c.ID, c.Statement)
		for _, m := range r.Matches {
			fmt.Fprintf(w, "      like %s (%s): %q, %.0f%% alike\n", m.Claim.ID, m.Claim.ActorName, m.Claim.Statement, 100*m.Score)
		}
	}
}
