package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"claims/internal/db"
	"claims/internal/gen"
)

func init() {
	register(command{
		name:    "gen",
		usage:   "--db PATH --claims N [--seed S]",
		summary: "Fill a new database with N synthetic claims for load tests; the same seed gives the same data.",
		run:     runGen,
	})
}

func runGen(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["gen"], stderr)
	path := fs.String("db", "", "new database file to fill")
	n := fs.Int("claims", 10000, "number of claims to make, counter-claims included")
	seed := fs.Int64("seed", 1, "random seed")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := needDB(*path, rest); err != nil {
		return err
	}
	if *n < 1 {
		return fmt.Errorf("%w: --claims must be at least 1", errUsage)
	}
	if db.Exists(*path) {
		return fmt.Errorf("%s already exists; gen fills a new file only", *path)
	}
	st, err := openStore(*path)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	stats, err := gen.Fill(context.Background(), st, gen.Options{Claims: *n, Seed: *seed})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Wrote %d claims (%d counter-claim links), %d actors, %d sources, %d notes to %s in %.1fs.\n",
		stats.Claims, stats.Links, stats.Actors, stats.Sources, stats.Notes, *path, time.Since(start).Seconds())
	return nil
}
