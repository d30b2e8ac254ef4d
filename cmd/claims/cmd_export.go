package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"runtime/debug"

	"claims/internal/claimreview"
	"claims/internal/csvio"
	"claims/internal/db"
)

func init() {
	register(command{
		name:  "export",
		usage: "--db PATH --format claims|pairs|claimreview [-o FILE] [--bom] [--org-name NAME] [--org-url URL]",
		summary: "Write the database as annotated CSV (one row per claim, or one per contradiction pair)\n" +
			"      or as schema.org ClaimReview JSON-LD, to standard output or FILE.",
		run: runExport,
	})
}

func runExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["export"], stderr)
	path := fs.String("db", "", "database file to read")
	format := fs.String("format", "claims", "claims (one row per claim; imports back), pairs (one row per contradiction) or claimreview (JSON-LD)")
	out := fs.String("o", "", "file to write (replaced only when the export succeeds); standard output when empty")
	bom := fs.Bool("bom", false, "start CSV with a UTF-8 byte order mark, for Excel")
	orgName := fs.String("org-name", "", "ClaimReview: the reviewing organisation's name")
	orgURL := fs.String("org-url", "", "ClaimReview: the reviewing organisation's web address")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := needDB(*path, rest); err != nil {
		return err
	}
	write, err := exporter(*format, *bom, claimreview.Org{Name: *orgName, URL: *orgURL})
	if err != nil {
		return err
	}
	// Nearly everything an export allocates is the snapshot, live until
	// the last row is written: collecting while it grows only marks it
	// again and again. Let the heap grow further between collections.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	st, err := openExisting(*path)
	if err != nil {
		return err
	}
	defer st.Close()
	snap, err := st.Snapshot(context.Background())
	if err != nil {
		return err
	}
	if n := claimreview.Missing(snap); *format == "claimreview" && n > 0 {
		fmt.Fprintf(stderr, "claims: note: %d reviews have no review URL, which search engines require; set it on the claim (review url)\n", n)
	}
	if *out == "" {
		w := bufio.NewWriter(stdout)
		if err := write(w, snap); err != nil {
			return err
		}
		return w.Flush()
	}
	return csvio.WriteFileAtomic(*out, func(w io.Writer) error { return write(w, snap) })
}

// exporter picks the writer for a format name.
func exporter(format string, bom bool, org claimreview.Org) (func(io.Writer, *db.Snapshot) error, error) {
	opt := csvio.WriteOptions{BOM: bom}
	switch format {
	case "claims":
		return func(w io.Writer, s *db.Snapshot) error { return csvio.WriteClaims(w, s, opt) }, nil
	case "pairs":
		return func(w io.Writer, s *db.Snapshot) error { return csvio.WritePairs(w, s, opt) }, nil
	case "claimreview":
		if bom {
			return nil, fmt.Errorf("%w: --bom applies to the CSV formats only", errUsage)
		}
		return func(w io.Writer, s *db.Snapshot) error { return claimreview.Write(w, s, org) }, nil
	}
	return nil, fmt.Errorf("%w: --format %q is not claims, pairs or claimreview", errUsage, format)
}
