package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"claims/internal/contramap"
	"claims/internal/csvio"
	"claims/internal/db"
	"claims/internal/model"
)

func init() {
	register(command{
		name:  "map",
		usage: "--db PATH [--actor NAME [--depth 1|2]] [--tag T] [--from DATE] [--to DATE] [--verdict V] [--top N] -o FILE.svg|.png|.dot",
		summary: "Draw who answers whom — actors as circles, an arrow from the actor whose claim is answered\n" +
			"      to the actor answering it, per relation with its count — as SVG, PNG or Graphviz DOT.\n" +
			"      With nothing to draw (no claims, no answers) the picture says why, and so does standard error.",
		run: runMap,
	})
}

func runMap(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["map"], stderr)
	path := fs.String("db", "", "database file to read")
	out := fs.String("o", "", "file to write: .svg, .png or .dot (required)")
	actor := fs.String("actor", "", "centre the map on this actor (name or alias) and its neighbours")
	depth := fs.Int("depth", 1, "with --actor: neighbours 1 or 2 steps out")
	tag := fs.String("tag", "", "only claims with this tag")
	from := fs.String("from", "", "only claims made on or after this date (2024, 2024-03 or 2024-03-26)")
	to := fs.String("to", "", "only claims made on or before this date")
	verdict := fs.String("verdict", "", "only claims with this verdict (true, mostly-true, mixed, misleading, false, unverifiable, unreviewed)")
	top := fs.Int("top", contramap.DefaultTop, "at most this many actors: the most contested")
	maxEdges := fs.Int("max-edges", contramap.DefaultMaxEdges, "at most this many edges: those with the most answers (0: all)")
	scale := fs.Float64("scale", 2, "PNG only: pixels per point (2 is about 144 dots per inch)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := needDB(*path, rest); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: -o FILE is required (.svg, .png or .dot)", errUsage)
	}
	format := strings.ToLower(filepath.Ext(*out))
	if format != ".svg" && format != ".png" && format != ".dot" && format != ".gv" {
		return fmt.Errorf("%w: -o %s: the file name must end in .svg, .png or .dot", errUsage, *out)
	}
	if *depth != 1 && *depth != 2 {
		return fmt.Errorf("%w: --depth must be 1 or 2", errUsage)
	}
	if *depth != 1 && *actor == "" {
		return fmt.Errorf("%w: --depth applies with --actor only", errUsage)
	}
	if *top < 1 {
		return fmt.Errorf("%w: --top must be at least 1", errUsage)
	}
	if *maxEdges < 0 {
		return fmt.Errorf("%w: --max-edges must be 0 (all) or more", errUsage)
	}
	if *scale <= 0 || *scale > 8 {
		return fmt.Errorf("%w: --scale must be more than 0 and at most 8", errUsage)
	}
	f := contramap.Filter{Tag: strings.TrimSpace(*tag), From: strings.TrimSpace(*from), To: strings.TrimSpace(*to)}
	if *verdict != "" {
		v, err := model.ParseVerdict(*verdict)
		if err != nil {
			return fmt.Errorf("%w: --verdict: %v", errUsage, err)
		}
		f.Verdict = v
	}
	if err := f.Validate(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}

	st, err := openExisting(*path)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	opt := contramap.Options{Top: *top, MaxEdges: *maxEdges, Depth: *depth}
	if !f.IsZero() {
		opt.Keep = f.Keep
	}
	if *actor != "" {
		a, err := st.FindActor(ctx, *actor)
		if errors.Is(err, model.ErrNotFound) {
			return fmt.Errorf("no actor is called %q (by name or alias); \"claims list --db %s\" shows who is there", *actor, *path)
		}
		if err != nil {
			return err
		}
		opt.Focus = a.ID
	}
	g, err := buildMap(ctx, st, opt)
	if err != nil {
		return err
	}
	title := "Who answers whom — " + filepath.Base(*path)
	scene, err := contramap.Draw(ctx, g, nil, title, f.Describe())
	if err != nil {
		return err
	}
	if scene.Message != "" {
		// The picture says so too: a report gets a page that explains
		// itself rather than an empty canvas or no file.
		fmt.Fprintf(stderr, "claims: nothing to map; %s says why: %s\n", *out, scene.Message)
	}
	return csvio.WriteFileAtomic(*out, func(w io.Writer) error {
		switch format {
		case ".svg":
			return scene.WriteSVG(w)
		case ".png":
			var buf bytes.Buffer // encode first: a failed encode leaves no half file
			if err := scene.WritePNG(&buf, *scale); err != nil {
				return err
			}
			_, err := w.Write(buf.Bytes())
			return err
		}
		return scene.WriteDOT(w)
	})
}

// buildMap reads the claims, links and actors and aggregates them.
func buildMap(ctx context.Context, st *db.Store, opt contramap.Options) (*contramap.Graph, error) {
	claims, err := st.ListClaims(ctx)
	if err != nil {
		return nil, err
	}
	links, err := st.Links(ctx)
	if err != nil {
		return nil, err
	}
	actors, err := st.Actors(ctx)
	if err != nil {
		return nil, err
	}
	return contramap.Build(claims, links, actors, opt), nil
}
