package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"claims/internal/db"
	"claims/internal/dedupe"
	"claims/internal/extract"
	"claims/internal/model"
)

func init() {
	register(command{
		name:  "extract",
		usage: "--db PATH [--save] FILE|-",
		summary: "Propose the claims an article (.txt, .md or .html; - reads standard input) attributes to\n" +
			"      someone, with the denials it reports. Prints one tab-separated line per proposal: actor,\n" +
			"      statement, relation, counter-actor (whose claim it answers), quote; the actor is empty when the\n" +
			"      rules found no speaker they could ground. Nothing is saved unless --save is given; then the\n" +
			"      article becomes a source, unknown actors are created, counter-claims are linked, proposals\n" +
			"      without an actor are left out, and likely duplicates of existing claims are reported on\n" +
			"      standard error.",
		run: runExtract,
	})
}

// stdin is where "claims extract -" reads the article; tests replace it.
var stdin io.Reader = os.Stdin

// maxArticle is the largest article extract reads: more is surely not one
// news article.
const maxArticle = 8 << 20

func runExtract(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["extract"], stderr)
	path := fs.String("db", "", "database whose actors are matched (and where --save stores the claims)")
	save := fs.Bool("save", false, "save the proposals as claims, linked to a new source for the article")
	title := fs.String("title", "", "title of the new source (default: the file name)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := requireDB(*path); err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("%w: give one article file, or - for standard input", errUsage)
	}
	name := rest[0]
	raw, err := readArticle(name)
	if err != nil {
		return err
	}
	text := extract.Plain(name, raw)
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("%s holds no text", displayName(name))
	}

	st, err := openExisting(*path)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	actors, err := st.Actors(ctx)
	if err != nil {
		return err
	}
	props := extract.Extract(text, actors)

	w := bufio.NewWriter(stdout)
	for _, p := range props {
		counterActor := ""
		if p.Answers >= 0 {
			counterActor = props[p.Answers].Actor.Name
		}
		fields := []string{p.Actor.Name, p.Statement, string(p.Relation), counterActor, p.Quote}
		for i, f := range fields {
			fields[i] = oneLine(f)
		}
		fmt.Fprintln(w, strings.Join(fields, "\t"))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if !*save {
		return nil
	}
	if len(props) == 0 {
		fmt.Fprintln(stderr, "claims extract: no claims found; nothing saved")
		return nil
	}
	// A proposal whose speaker the rules could not ground has no actor:
	// the review window asks for one; the command line leaves it out.
	keep := make([]bool, len(props))
	unsure := 0
	for i, p := range props {
		keep[i] = p.Actor.Name != "" || p.Actor.ID != ""
		if !keep[i] {
			unsure++
		}
	}
	if unsure > 0 {
		props = extract.Select(props, keep)
		fmt.Fprintf(stderr, "claims extract: %d proposals have no actor and are not saved (give them one in the review window)\n", unsure)
	}
	if len(props) == 0 {
		fmt.Fprintln(stderr, "claims extract: no claims with an actor; nothing saved")
		return nil
	}
	existing, err := st.ListClaims(ctx)
	if err != nil {
		return err
	}
	warnDuplicates(stderr, props, existing)

	src := model.Source{Title: *title, Text: text}
	if src.Title == "" {
		src.Title = displayName(name)
	}
	var saved extract.Saved
	var set int64
	err = st.Update(via("extract of "+displayName(name), &set), func(tx *db.Tx) error {
		var err error
		saved, err = extract.Save(tx, &src, props)
		return err
	})
	if err != nil {
		return fmt.Errorf("nothing was saved: %w", err)
	}
	var created []string
	for _, a := range saved.NewActors {
		created = append(created, fmt.Sprintf("%s (%s)", a.Name, a.Kind))
	}
	fmt.Fprintf(stderr, "claims extract: saved %d claims and %d links from source %q (%s)",
		len(saved.ClaimIDs), saved.Links, src.Title, saved.SourceID)
	if len(created) > 0 {
		fmt.Fprintf(stderr, "; new actors: %s", strings.Join(created, ", "))
	}
	if set != 0 {
		fmt.Fprintf(stderr, "; change set %d (\"claims undo --db %s %d\" reverts it)", set, st.Path(), set)
	}
	fmt.Fprintln(stderr)
	return nil
}

// warnDuplicates reports, for each proposal, the existing claims that look
// like the same assertion.
func warnDuplicates(stderr io.Writer, props []extract.Proposal, existing []model.ClaimSummary) {
	ix := dedupe.NewIndex(existing)
	for i, p := range props {
		for _, m := range ix.Find(p.Statement, p.Actor.ID, 3) {
			fmt.Fprintf(stderr, "claims extract: warning: proposal %d (%s: %q) looks like existing claim %s (%s: %q), similarity %.2f\n",
				i+1, p.Actor.Name, p.Statement, m.Claim.ID, m.Claim.ActorName, m.Claim.Statement, m.Score)
		}
	}
}

func readArticle(name string) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("unable to read the article: %w", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxArticle+1))
	if err != nil {
		return nil, fmt.Errorf("unable to read the article: %w", err)
	}
	if len(b) > maxArticle {
		return nil, fmt.Errorf("%s is larger than %d MB; that is not one article", displayName(name), maxArticle>>20)
	}
	return b, nil
}

// displayName is the provisional title of an article's source.
func displayName(name string) string {
	if name == "-" {
		return "Article from standard input"
	}
	return filepath.Base(name)
}
