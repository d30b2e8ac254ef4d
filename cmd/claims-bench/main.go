// Command claims-bench measures Claims at newsroom scale: for each size it
// makes (or reuses) a database with "claims gen", then times what the
// window does at start, typing in the search box, a plain fuzzy.Find and
// fzf over the same lines, the CSV export against the sqlite3 shell's
// dump, the import, and the peak memory of a process that opens the
// database and types. It prints a table and writes a JSON file.
//
// "make bench" runs it; see docs/PERFORMANCE.md.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/draw"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sahilm/fuzzy"

	"claims/internal/catalog"
	"claims/internal/contramap"
	"claims/internal/db"
	"claims/internal/db/pgtest"
	_ "claims/internal/locale" // before Fyne (through ui): quiet its locale detection under C.UTF-8
	"claims/internal/model"
	"claims/internal/search"
)

// queries are typed one key at a time: words from the newsroom data, and
// two abbreviations as people type them.
var queries = []string{
	"the bombin", "kabul army", "denied inv", "election c", "pipeline p",
	"fabricated", "curfew del", "minister s", "frgd dcmnt", "brdr crssn",
}

// Result is one size's measurements. Times in milliseconds or seconds as
// named; a nil pointer is a measurement that could not be made, with the
// reason in Notes.
type Result struct {
	Claims int `json:"claims"`

	OpenListMS    float64   `json:"open_list_ms"`
	OpenListRunMS []float64 `json:"open_list_runs_ms"`
	// IndexMS is the search index the window builds right after it
	// lists the claims (typing before it is ready waits for it).
	IndexMS     float64   `json:"index_ms"`
	IndexRunsMS []float64 `json:"index_runs_ms"`

	FilterP50MS     float64   `json:"filter_p50_ms"`
	FilterP95MS     float64   `json:"filter_p95_ms"`
	FilterMaxMS     float64   `json:"filter_max_ms"`
	FilterRunsP95MS []float64 `json:"filter_runs_p95_ms"`
	Keystrokes      int       `json:"filter_keystrokes_per_run"`
	// FilteredP50MS and FilteredP95MS are the same keystrokes with the
	// window's filters set (contested claims made from 2021 on) and the
	// list sorted by the date made: benchFilter and benchOrder.
	FilteredP50MS     float64   `json:"filtered_p50_ms"`
	FilteredP95MS     float64   `json:"filtered_p95_ms"`
	FilteredRunsP95MS []float64 `json:"filtered_runs_p95_ms"`

	PlainFindMS    float64  `json:"filter_plain_find_ms"`
	PlainFindP95MS float64  `json:"filter_plain_find_p95_ms"`
	FzfMS          *float64 `json:"fzf_filter_ms"`     // whole queries, median
	FzfP95MS       *float64 `json:"fzf_filter_p95_ms"` // whole queries

	ExportS     *float64 `json:"export_claims_s"`
	SqliteDumpS *float64 `json:"sqlite3_dump_s"`
	ExportRatio *float64 `json:"export_vs_dump_ratio"`
	ImportS     *float64 `json:"import_s"`
	ExportBytes int64    `json:"export_bytes,omitempty"`
	PeakRSSMB   float64  `json:"peak_rss_mb"`
	// UIKeystrokeMS and UIScrollPageMS are the window's event goroutine's
	// share of a keystroke (after the search) and of scrolling one screen
	// of new rows: BenchmarkKeystrokeOnUIGoroutine and
	// BenchmarkScrollOnUIGoroutine of internal/ui, run with go test.
	UIKeystrokeMS  *float64 `json:"ui_keystroke_ms"`
	UIScrollPageMS *float64 `json:"ui_scroll_page_ms"`

	// The contradiction map of the most contested actors, as the Map tab
	// draws it: the links read, the graph aggregated, laid out by
	// Graphviz and drawn for a 1280×800 view. MapMS is their sum (median
	// of the rounds after the first); MapFirstMS the first round, which
	// also starts Graphviz's WebAssembly module.
	MapMS        float64   `json:"map_ms"`
	MapRunsMS    []float64 `json:"map_runs_ms"`
	MapFirstMS   float64   `json:"map_first_ms"`
	MapLinksMS   float64   `json:"map_links_ms"`
	MapBuildMS   float64   `json:"map_build_ms"`
	MapLayoutMS  float64   `json:"map_layout_ms"`
	MapRenderMS  float64   `json:"map_render_ms"`
	MapActors    int       `json:"map_actors"`
	MapEdges     int       `json:"map_edges"`
	UIMapPanMS   *float64  `json:"ui_map_pan_ms"`
	UIMapZoomMS  *float64  `json:"ui_map_zoom_ms"`
	UIMapHoverMS *float64  `json:"ui_map_hover_ms"`
	DatabaseMB   float64   `json:"database_mb"`
	IndexedTexts int       `json:"indexed_lines"`

	Notes []string `json:"notes,omitempty"`
}

// Machine describes where the run happened.
type Machine struct {
	CPU        string  `json:"cpu"`
	Cores      int     `json:"cores"`
	MemoryGB   float64 `json:"memory_gb"`
	Go         string  `json:"go"`
	OS         string  `json:"os"`
	LoadBefore string  `json:"load_before"`
	LoadAfter  string  `json:"load_after"`
	Started    string  `json:"started_utc"`
	Seconds    float64 `json:"duration_s"`
}

// Report is the JSON file.
type Report struct {
	Machine Machine            `json:"machine"`
	Rounds  int                `json:"rounds"`
	Queries []string           `json:"queries"`
	Sizes   map[string]*Result `json:"sizes"`
	Targets map[string]string  `json:"targets_at_100k"`
	// Server is the same sizes on PostgreSQL; Load the load run on the
	// largest.
	Server map[string]*ServerResult `json:"postgres,omitempty"`
	Load   *LoadResult              `json:"load_run,omitempty"`
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("claims-bench: ")
	sizes := flag.String("claims", "10000,100000", "database sizes, comma-separated")
	dir := flag.String("dir", "bench", "folder for the cached databases and the results")
	out := flag.String("o", "", "JSON results file (default DIR/results.json)")
	bin := flag.String("claims-bin", "", "the claims binary (default: built into DIR)")
	rounds := flag.Int("rounds", 3, "repetitions of each measurement; medians are reported")
	child := flag.String("child", "", "internal: open this database and type, for the memory measurement")
	flag.BoolVar(&quick, "quick", false, "measure only open+list, typing and memory (for quick comparisons; the table's other rows stay empty)")
	server := flag.Bool("server", true, "also measure on a PostgreSQL server the bench starts (and the load run)")
	loadClients := flag.Int("load-clients", 20, "reviewer clients in the load run (0: no load run)")
	loadSeconds := flag.Int("load-seconds", 60, "how long the load run lasts")
	flag.Parse()
	// Collect garbage as the window does.
	catalog.TuneMemory()
	if *child != "" {
		if err := startAndType(*child); err != nil {
			log.Fatal(err)
		}
		kb, err := peakRSSKB()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(kb)
		return
	}
	if *out == "" {
		*out = filepath.Join(*dir, "results.json")
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatal(err)
	}
	if *bin == "" {
		*bin = filepath.Join(*dir, "claims")
		if err := run("go", "build", "-o", *bin, "./cmd/claims"); err != nil {
			log.Fatal(err)
		}
	}
	start := time.Now()
	rep := Report{Machine: machine(), Rounds: *rounds, Queries: queries, Sizes: map[string]*Result{},
		Targets: map[string]string{"filter_p95_ms": "<= 16", "filtered_p95_ms": "<= 16", "open_list_ms": "<= 500", "peak_rss_mb": "<= 250",
			"map_ms": "<= 1000", "ui_map_pan_ms": "<= 16.7", "ui_map_zoom_ms": "<= 16.7", "ui_map_hover_ms": "<= 16.7",
			"export_claims_s": "<= 2 x sqlite3_dump_s", "import_s": "<= 2",
			"postgres.open_list_ms": "<= 1000", "postgres.import_s": "<= 3", "postgres.export_claims_s": "<= 2",
			"postgres.filter_p95_ms": "<= 16", "load_run.lost_updates": "0", "load_run.propagation_p95_ms": "<= 1000"}}
	var order []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			log.Fatalf("bad size %q", s)
		}
		order = append(order, n)
		r, err := measure(*dir, *bin, n, *rounds)
		if err != nil {
			log.Fatal(err)
		}
		rep.Sizes[strconv.Itoa(n)] = r
	}
	if *server && !quick {
		defer pgtest.Stop()
		rep.Server = map[string]*ServerResult{}
		fatal := func(err error) {
			pgtest.Stop() // log.Fatal skips the deferred stop
			log.Fatal(err)
		}
		for _, n := range order {
			r, err := measureServer(*dir, *bin, n, *rounds)
			if err != nil {
				fatal(err)
			}
			rep.Server[strconv.Itoa(n)] = r
		}
		if *loadClients > 0 {
			l, err := runLoad(slices.Max(order), *loadClients, time.Duration(*loadSeconds)*time.Second)
			if err != nil {
				fatal(err)
			}
			rep.Load = l
		}
	}
	rep.Machine.LoadAfter = loadavg()
	rep.Machine.Seconds = math.Round(time.Since(start).Seconds())
	b, _ := json.MarshalIndent(rep, "", "  ")
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	printTable(os.Stdout, rep, order)
	serverTable(rep, order)
	fmt.Printf("\nwrote %s\n", *out)
}

// uiBenchmarks runs internal/ui's event-goroutine benchmarks over the
// database at path with go test (from the repository's root, where make
// bench runs) and keeps their times per operation.
func uiBenchmarks(r *Result, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "OnUIGoroutine$", "-benchtime", "200x", "-count", "1", "./internal/ui/")
	cmd.Env = append(os.Environ(), "CLAIMS_BENCH_DB="+abs)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go test: %w", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || f[3] != "ns/op" {
			continue
		}
		ns, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			continue
		}
		v := math.Round(ns/1e4) / 100
		switch {
		case strings.HasPrefix(f[0], "BenchmarkKeystrokeOnUIGoroutine"):
			r.UIKeystrokeMS = &v
		case strings.HasPrefix(f[0], "BenchmarkScrollOnUIGoroutine"):
			r.UIScrollPageMS = &v
		case strings.HasPrefix(f[0], "BenchmarkMapPanOnUIGoroutine"):
			r.UIMapPanMS = &v
		case strings.HasPrefix(f[0], "BenchmarkMapZoomOnUIGoroutine"):
			r.UIMapZoomMS = &v
		case strings.HasPrefix(f[0], "BenchmarkMapHoverOnUIGoroutine"):
			r.UIMapHoverMS = &v
		}
	}
	if r.UIKeystrokeMS == nil || r.UIScrollPageMS == nil {
		return errors.New("go test printed no result")
	}
	return nil
}

// quick skips the baselines, the export and the import.
var quick bool

func run(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

func measure(dir, bin string, n, rounds int) (*Result, error) {
	path := filepath.Join(dir, fmt.Sprintf("claims-%d.db", n))
	if !db.Exists(path) {
		log.Printf("making %s", path)
		if err := run(bin, "gen", "--db", path, "--claims", strconv.Itoa(n), "--seed", "1"); err != nil {
			return nil, fmt.Errorf("claims gen: %w", err)
		}
	}
	r := &Result{Claims: n}
	if fi, err := os.Stat(path); err == nil {
		r.DatabaseMB = round(float64(fi.Size())/(1<<20), 1)
	}

	// What the window does at start.
	log.Printf("%d: open, list, index", n)
	var claims []model.ClaimSummary
	var actors []model.Actor
	for range rounds {
		runtime.GC()
		t0 := time.Now()
		st, l, err := openAndList(path)
		if err != nil {
			return nil, err
		}
		r.OpenListRunMS = append(r.OpenListRunMS, ms(time.Since(t0)))
		t0 = time.Now()
		catalog.NewIndex(l)
		r.IndexRunsMS = append(r.IndexRunsMS, ms(time.Since(t0)))
		st.Close()
		claims, actors = l.Claims, l.Actors
	}
	r.OpenListMS, r.IndexMS = median(r.OpenListRunMS), median(r.IndexRunsMS)

	// Typing, through the window's search code.
	log.Printf("%d: typing", n)
	var p50s, p95s, maxes []float64
	for range rounds {
		lat, err := typeQueries(claims, actors)
		if err != nil {
			return nil, err
		}
		r.Keystrokes = len(lat)
		p50s = append(p50s, percentile(lat, 50))
		p95s = append(p95s, percentile(lat, 95))
		maxes = append(maxes, slices.Max(lat))
	}
	r.FilterP50MS, r.FilterP95MS, r.FilterMaxMS = median(p50s), median(p95s), median(maxes)
	r.FilterRunsP95MS = p95s

	log.Printf("%d: typing with filters and a sort", n)
	p50s, p95s = nil, nil
	for range rounds {
		lat, err := typeQueriesWith(claims, actors, benchFilter, benchOrder)
		if err != nil {
			return nil, err
		}
		p50s = append(p50s, percentile(lat, 50))
		p95s = append(p95s, percentile(lat, 95))
	}
	r.FilteredP50MS, r.FilteredP95MS = median(p50s), median(p95s)
	r.FilteredRunsP95MS = p95s
	log.Printf("%d: the contradiction map", n)
	if err := measureMap(r, path, claims, actors, rounds); err != nil {
		r.Notes = append(r.Notes, "map_ms: "+err.Error())
	}

	log.Printf("%d: the window's event goroutine", n)
	if err := uiBenchmarks(r, path); err != nil {
		r.Notes = append(r.Notes, "event goroutine benchmarks: "+err.Error())
	}

	if quick {
		r.Notes = append(r.Notes, "--quick: no baselines, export or import")
		return r, peakMemory(r, path, rounds)
	}

	// The same strings, one line per claim, for fuzzy.Find and fzf.
	lines := claimLines(claims, actors)
	r.IndexedTexts = len(lines)
	var plain []float64
	for _, q := range queries {
		for i := range q {
			t0 := time.Now()
			fuzzy.Find(q[:i+1], lines)
			plain = append(plain, ms(time.Since(t0)))
		}
	}
	r.PlainFindMS, r.PlainFindP95MS = percentile(plain, 50), percentile(plain, 95)

	if fzf, err := exec.LookPath("fzf"); err != nil {
		r.Notes = append(r.Notes, "fzf_filter_ms: fzf is not installed")
	} else {
		log.Printf("%d: fzf", n)
		file := filepath.Join(dir, fmt.Sprintf("lines-%d.txt", n))
		if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			return nil, err
		}
		// fzf reads every line for each run, as a filter does; the whole
		// queries only, as each run costs a process and a full read.
		var lat []float64
		for _, q := range queries {
			for _, i := range []int{len(q) - 1} {
				in, err := os.Open(file)
				if err != nil {
					return nil, err
				}
				cmd := exec.Command(fzf, "--filter", q[:i+1])
				cmd.Stdin, cmd.Stdout = in, io.Discard
				t0 := time.Now()
				err = cmd.Run()
				d := time.Since(t0)
				in.Close()
				var exit *exec.ExitError
				if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) { // 1: no match
					return nil, fmt.Errorf("fzf: %w", err)
				}
				lat = append(lat, ms(d))
			}
		}
		p50, p95 := percentile(lat, 50), percentile(lat, 95)
		r.FzfMS, r.FzfP95MS = &p50, &p95
		os.Remove(file)
	}

	// Export against the sqlite3 shell's dump, and import.
	log.Printf("%d: export, dump, import", n)
	csv := filepath.Join(dir, fmt.Sprintf("export-%d.csv", n))
	exportRuns, err := timeRuns(rounds, func() error {
		return quiet(bin, "export", "--db", path, "--format", "claims", "-o", csv)
	})
	if err != nil {
		r.Notes = append(r.Notes, "export_claims_s: "+err.Error())
	} else {
		r.ExportS = ptr(median(exportRuns))
		if fi, err := os.Stat(csv); err == nil {
			r.ExportBytes = fi.Size()
		}
	}
	if sq, err := exec.LookPath("sqlite3"); err != nil {
		r.Notes = append(r.Notes, "sqlite3_dump_s: sqlite3 is not installed")
	} else {
		dumpRuns, err := timeRuns(rounds, func() error {
			cmd := exec.Command(sq, "-csv", path, "SELECT * FROM claims")
			cmd.Stdout = io.Discard
			return cmd.Run()
		})
		if err != nil {
			r.Notes = append(r.Notes, "sqlite3_dump_s: "+err.Error())
		} else {
			r.SqliteDumpS = ptr(median(dumpRuns))
		}
	}
	if r.ExportS != nil && r.SqliteDumpS != nil && *r.SqliteDumpS > 0 {
		r.ExportRatio = ptr(round(*r.ExportS / *r.SqliteDumpS, 2))
	}
	if r.ExportS != nil {
		target := filepath.Join(dir, fmt.Sprintf("import-%d.db", n))
		importRuns, err := timeRuns(rounds, func() error {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(target + suffix)
			}
			return quiet(bin, "import", "--db", target, csv)
		})
		if err != nil {
			r.Notes = append(r.Notes, "import_s: "+err.Error())
		} else {
			r.ImportS = ptr(median(importRuns))
		}
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(target + suffix)
		}
	} else {
		r.Notes = append(r.Notes, "import_s: no export to import")
	}
	os.Remove(csv)

	return r, peakMemory(r, path, rounds)
}

// measureMap times what the Map tab does to draw the map of the most
// contested actors over the listed claims: read the links, aggregate,
// lay out (Graphviz) and draw the part in a 1280×800 view, fitted. The
// first round also starts Graphviz; the median is of the others.
func measureMap(r *Result, path string, claims []model.ClaimSummary, actors []model.Actor, rounds int) error {
	st, err := db.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	var links, builds, layouts, renders []float64
	for i := range rounds + 1 {
		runtime.GC()
		t0 := time.Now()
		ls, err := st.Links(ctx)
		if err != nil {
			return err
		}
		t1 := time.Now()
		g := contramap.Build(claims, ls, actors, contramap.Options{Top: contramap.DefaultTop, MaxEdges: contramap.DefaultMaxEdges})
		t2 := time.Now()
		s, err := contramap.Draw(ctx, g, nil, "Who answers whom", "")
		if err != nil {
			return err
		}
		t3 := time.Now()
		img := image.NewRGBA(image.Rect(0, 0, 1280, 800))
		draw.Draw(img, img.Bounds(), image.NewUniform(contramap.Paper()), image.Point{}, draw.Src)
		z := min(1280/s.Width, 800/s.Height)
		contramap.Render(img, s.MarksAt(z), z, contramap.Point{X: (1280 - s.Width*z) / 2, Y: (800 - s.Height*z) / 2})
		t4 := time.Now()
		r.MapActors, r.MapEdges = len(g.Nodes), len(g.Edges)
		total := ms(t4.Sub(t0))
		if i == 0 {
			r.MapFirstMS = total
			continue
		}
		r.MapRunsMS = append(r.MapRunsMS, total)
		links, builds = append(links, ms(t1.Sub(t0))), append(builds, ms(t2.Sub(t1)))
		layouts, renders = append(layouts, ms(t3.Sub(t2))), append(renders, ms(t4.Sub(t3)))
	}
	r.MapMS = median(r.MapRunsMS)
	r.MapLinksMS, r.MapBuildMS = median(links), median(builds)
	r.MapLayoutMS, r.MapRenderMS = median(layouts), median(renders)
	return nil
}

// peakMemory measures the peak memory of a process doing what the window
// does, then typing. The child reports its own peak (VmHWM): the kernel's
// figure for a child's rusage also counts the parent's peak, which the
// child shared from the fork until it started, and the bench itself holds
// far more than the window does.
func peakMemory(r *Result, path string, rounds int) error {
	log.Printf("%d: peak memory", r.Claims)
	var rss []float64
	for range rounds {
		self, _ := os.Executable()
		cmd := exec.Command(self, "--child", path)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("memory child: %w", err)
		}
		kb, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
		if err != nil {
			return fmt.Errorf("memory child: its peak %q: %w", out, err)
		}
		rss = append(rss, round(kb/1024, 1))
	}
	r.PeakRSSMB = median(rss)
	return nil
}

// peakRSSKB is this process's peak resident memory in KiB, as Linux counts
// it (VmHWM in /proc/self/status).
func peakRSSKB() (float64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
		}
	}
	return 0, errors.New("no VmHWM in /proc/self/status")
}

// openAndList is what the window does at start before it shows the list:
// open the database, then catalog.Load (list the claims, actors and sources).
// The window keeps the store open; so does the caller, who closes it.
func openAndList(path string) (*db.Store, catalog.Loaded, error) {
	st, err := db.Open(path)
	if err != nil {
		return nil, catalog.Loaded{}, err
	}
	l, err := catalog.Load(context.Background(), st)
	if err != nil {
		st.Close()
		return nil, catalog.Loaded{}, err
	}
	return st, l, nil
}

// typeQueries types each query one key at a time into a fresh index (so
// no query profits from the one before) and returns the time of every
// keystroke's search, in milliseconds.
func typeQueries(claims []model.ClaimSummary, actors []model.Actor) ([]float64, error) {
	return typeQueriesWith(claims, actors, search.Filter{}, search.ByRelevance)
}

// benchFilter and benchOrder are the filters and the sort of the second
// typing measurement: contested claims made from 2021 on (about a third
// of the generated ones), newest first.
var (
	benchFilter = search.Filter{Contested: true, From: "2021"}
	benchOrder  = search.ByDateNewest
)

// typeQueriesWith types the queries with filter f set and the list sorted
// by o, as the window does.
func typeQueriesWith(claims []model.ClaimSummary, actors []model.Actor, f search.Filter, o search.Order) ([]float64, error) {
	var lat []float64
	for _, q := range queries {
		ix := search.New(claims, actors)
		runtime.GC()
		for i := range q {
			t0 := time.Now()
			if err := keystrokeWith(ix, q[:i+1], f, o); err != nil {
				return nil, err
			}
			lat = append(lat, ms(time.Since(t0)))
		}
	}
	return lat, nil
}

// startAndType does what the window does at start, then types every
// query into its one index, emptying the box between queries.
func startAndType(path string) error {
	st, l, err := openAndList(path)
	if err != nil {
		return err
	}
	defer st.Close()
	ix := catalog.NewIndex(l)
	for _, q := range queries {
		for i := range q {
			if err := keystroke(ix, q[:i+1]); err != nil {
				return err
			}
		}
		if err := keystroke(ix, ""); err != nil {
			return err
		}
	}
	return nil
}

// visibleRows is how many rows of the claim list a full-screen window
// shows at once.
const visibleRows = 30

// keystroke is what the window does when the search box changes: search
// (off the UI goroutine), then draw the visible rows, each of which works
// out its highlights from the results.
func keystroke(ix *search.Index, q string) error {
	return keystrokeWith(ix, q, search.Filter{}, search.ByRelevance)
}

// keystrokeWith is keystroke with the filters f and the sort o.
func keystrokeWith(ix *search.Index, q string, f search.Filter, o search.Order) error {
	found, err := ix.SearchContext(context.Background(), q, f)
	if err != nil {
		return err
	}
	found = found.Sorted(o)
	for i := range min(found.Len(), visibleRows) {
		_ = found.Hit(i)
	}
	return nil
}

// claimLines is one line per claim with every text the index searches.
func claimLines(claims []model.ClaimSummary, actors []model.Actor) []string {
	aliases := map[string][]string{}
	for _, a := range actors {
		aliases[a.ID] = append(aliases[a.ID], a.Aliases...)
	}
	lines := make([]string, len(claims))
	for i, c := range claims {
		parts := []string{c.Statement, c.ActorName, c.Quote, c.SourceTitle, c.SourceOutlet}
		parts = append(parts, c.Tags...)
		parts = append(parts, aliases[c.ActorID]...)
		lines[i] = strings.ReplaceAll(strings.Join(parts, " | "), "\n", " ")
	}
	return lines
}

func quiet(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	var buf strings.Builder
	cmd.Stdout, cmd.Stderr = io.Discard, &buf
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(buf.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return fmt.Errorf("%s %s: %v: %s", filepath.Base(name), args[0], err, msg)
	}
	return nil
}

func timeRuns(rounds int, fn func() error) ([]float64, error) {
	var runs []float64
	for range rounds {
		t0 := time.Now()
		if err := fn(); err != nil {
			return nil, err
		}
		runs = append(runs, round(time.Since(t0).Seconds(), 3))
	}
	return runs, nil
}

func machine() Machine {
	m := Machine{Cores: runtime.NumCPU(), Go: runtime.Version(), LoadBefore: loadavg(),
		Started: time.Now().UTC().Format(time.RFC3339)}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var kb float64
			if _, err := fmt.Sscanf(sc.Text(), "MemTotal: %f kB", &kb); err == nil {
				m.MemoryGB = round(kb/(1<<20), 1)
			}
		}
		f.Close()
	}
	m.OS = runtime.GOOS + "/" + runtime.GOARCH
	if b, err := os.ReadFile("/etc/os-release"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "PRETTY_NAME="); ok {
				m.OS = strings.Trim(v, `"`) + " " + runtime.GOARCH
			}
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.OS += ", Linux " + strings.TrimSpace(string(b))
	}
	return m
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

func printTable(w io.Writer, rep Report, order []int) {
	fmt.Fprintf(w, "\n%s, %d cores, %.0f GB, %s, %s\nload average before %s, after %s; medians of %d rounds\n\n",
		rep.Machine.CPU, rep.Machine.Cores, rep.Machine.MemoryGB, rep.Machine.Go, rep.Machine.OS,
		rep.Machine.LoadBefore, rep.Machine.LoadAfter, rep.Rounds)
	fmt.Fprintf(w, "%-32s", "claims")
	for _, n := range order {
		fmt.Fprintf(w, "%14d", n)
	}
	fmt.Fprintln(w)
	row := func(name string, get func(*Result) string) {
		fmt.Fprintf(w, "%-32s", name)
		for _, n := range order {
			fmt.Fprintf(w, "%14s", get(rep.Sizes[strconv.Itoa(n)]))
		}
		fmt.Fprintln(w)
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	p := func(v *float64) string {
		if v == nil {
			return "n/a"
		}
		return f(*v)
	}
	row("open_list_ms", func(r *Result) string { return f(r.OpenListMS) })
	row("index_ms (after the list shows)", func(r *Result) string { return f(r.IndexMS) })
	row("filter_p50_ms", func(r *Result) string { return f(r.FilterP50MS) })
	row("filter_p95_ms", func(r *Result) string { return f(r.FilterP95MS) })
	row("filter_max_ms", func(r *Result) string { return f(r.FilterMaxMS) })
	row("filtered_p50_ms (filters+sort)", func(r *Result) string { return f(r.FilteredP50MS) })
	row("filtered_p95_ms (filters+sort)", func(r *Result) string { return f(r.FilteredP95MS) })
	row("filter_plain_find_ms (p50)", func(r *Result) string { return f(r.PlainFindMS) })
	row("fzf_filter_ms (p50, whole q)", func(r *Result) string { return p(r.FzfMS) })
	row("export_claims_s", func(r *Result) string { return p(r.ExportS) })
	row("sqlite3_dump_s", func(r *Result) string { return p(r.SqliteDumpS) })
	row("export / dump", func(r *Result) string { return p(r.ExportRatio) })
	row("import_s", func(r *Result) string { return p(r.ImportS) })
	row("peak_rss_mb", func(r *Result) string { return f(r.PeakRSSMB) })
	row("ui_keystroke_ms (event loop)", func(r *Result) string { return p(r.UIKeystrokeMS) })
	row("ui_scroll_page_ms (event loop)", func(r *Result) string { return p(r.UIScrollPageMS) })
	row("map_ms (links+build+layout+draw)", func(r *Result) string { return f(r.MapMS) })
	row("  map_first_ms (starts Graphviz)", func(r *Result) string { return f(r.MapFirstMS) })
	row("  map_links_ms", func(r *Result) string { return f(r.MapLinksMS) })
	row("  map_build_ms", func(r *Result) string { return f(r.MapBuildMS) })
	row("  map_layout_ms (Graphviz)", func(r *Result) string { return f(r.MapLayoutMS) })
	row("  map_render_ms (1280x800 view)", func(r *Result) string { return f(r.MapRenderMS) })
	row("  map actors / edges", func(r *Result) string { return fmt.Sprintf("%d/%d", r.MapActors, r.MapEdges) })
	row("ui_map_pan_ms (event loop)", func(r *Result) string { return p(r.UIMapPanMS) })
	row("ui_map_zoom_ms (event loop)", func(r *Result) string { return p(r.UIMapZoomMS) })
	row("ui_map_hover_ms (event loop)", func(r *Result) string { return p(r.UIMapHoverMS) })
	row("database_mb", func(r *Result) string { return f(r.DatabaseMB) })
	for _, n := range order {
		for _, note := range rep.Sizes[strconv.Itoa(n)].Notes {
			fmt.Fprintf(w, "note (%d): %s\n", n, note)
		}
	}
}

func ms(d time.Duration) float64 { return round(float64(d)/float64(time.Millisecond), 2) }

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

func ptr(v float64) *float64 { return &v }

func median(v []float64) float64 { return percentile(v, 50) }

// percentile is the nearest-rank percentile of v.
func percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[min(max(i, 0), len(s)-1)]
}
