package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"claims/internal/csvio"
	"claims/internal/db"
	"claims/internal/dedupe"
	"claims/internal/model"
)

func init() {
	register(command{
		name:  "import",
		usage: "--db PATH [--format csv|tsv] [--no-header] [--map FIELD=COL,...] [--verdict-map LABEL=VERDICT;...] [--dates mdy|dmy] [--no-duplicates] FILE",
		summary: "Import claims from a CSV or TSV file: the app's own export (merged by id) or another tool's\n" +
			"      spreadsheet through a column mapping. All rows or none; prints what was created and\n" +
			"      which new claims look like claims already in the database.",
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
	opt := csvio.Options{TSV: tsv, NoHeader: *noHeader, MapSpec: strings.Join(maps, ","), Verdict: vm,
		NoteAuthor: *noteAuthor, DateOrder: order}
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
	st, err := db.Open(*path)
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
	res, err := csvio.Import(ctx, st, batch, nil)
	if err != nil {
		return fmt.Errorf("%s: %w (nothing was imported)", file, err)
	}
	fmt.Fprintf(stdout, "Imported %s: %s.\n", file, res)
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
