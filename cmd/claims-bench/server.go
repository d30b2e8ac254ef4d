package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"claims/internal/db/pgtest"
	"claims/internal/model"
)

// ServerResult is one size's measurements on a PostgreSQL server the
// bench starts on this machine (loopback, its own data folder): what the
// window does at start, typing, and the commands' import and export.
type ServerResult struct {
	Claims        int       `json:"claims"`
	OpenListMS    float64   `json:"open_list_ms"`
	OpenListRunMS []float64 `json:"open_list_runs_ms"`
	FilterP95MS   float64   `json:"filter_p95_ms"`
	ImportS       float64   `json:"import_s"`
	ImportRunsS   []float64 `json:"import_runs_s"`
	ExportS       float64   `json:"export_claims_s"`
	ExportRunsS   []float64 `json:"export_runs_s"`
	CopyS         float64   `json:"copy_from_sqlite_s"`
}

// measureServer imports the size's generated claims into a new server
// database (claims import, as a person would), then times the window's
// open and list, typing over what it listed, and claims export.
func measureServer(dir, bin string, n, rounds int) (*ServerResult, error) {
	srv, err := pgtest.Run()
	if err != nil {
		return nil, fmt.Errorf("starting PostgreSQL: %w (install it with scripts/deps.sh --server)", err)
	}
	file := filepath.Join(dir, fmt.Sprintf("claims-%d.db", n))
	csv := filepath.Join(dir, fmt.Sprintf("claims-%d.csv", n))
	if _, err := os.Stat(csv); err != nil {
		if err := quiet(bin, "export", "--db", file, "-o", csv); err != nil {
			return nil, fmt.Errorf("export for the server import: %w", err)
		}
	}
	r := &ServerResult{Claims: n}
	name := fmt.Sprintf("bench_%d", n)
	var url string
	log.Printf("%d on PostgreSQL: import", n)
	for range rounds {
		if url, err = srv.CreateDatabase(name); err != nil {
			return nil, err
		}
		if err := quiet(bin, "init", "--db", url); err != nil {
			return nil, err
		}
		runs, err := timeRuns(1, func() error { return quiet(bin, "import", "--db", url, "--no-duplicates", csv) })
		if err != nil {
			return nil, fmt.Errorf("claims import into the server: %w", err)
		}
		r.ImportRunsS = append(r.ImportRunsS, runs[0])
	}
	r.ImportS = median(r.ImportRunsS)

	log.Printf("%d on PostgreSQL: copy from the SQLite file", n)
	copyURL, err := srv.CreateDatabase(name + "_copy")
	if err != nil {
		return nil, err
	}
	runs, err := timeRuns(1, func() error { return quiet(bin, "copy", "--from", file, "--to", copyURL) })
	if err != nil {
		return nil, fmt.Errorf("claims copy: %w", err)
	}
	r.CopyS = runs[0]

	// Measured on the database as it is once the server has caught up with
	// the import (autovacuum's ANALYZE, about a minute after a bulk load):
	// what a reviewer opening the team database later finds.
	if err := srv.Do(name, "VACUUM (ANALYZE)"); err != nil {
		return nil, err
	}
	log.Printf("%d on PostgreSQL: open, list, type", n)
	var claims []model.ClaimSummary
	var actors []model.Actor
	for range rounds {
		runtime.GC()
		t0 := time.Now()
		st, l, err := openAndList(url)
		if err != nil {
			return nil, err
		}
		r.OpenListRunMS = append(r.OpenListRunMS, ms(time.Since(t0)))
		st.Close()
		claims, actors = l.Claims, l.Actors
	}
	r.OpenListMS = median(r.OpenListRunMS)
	lat, err := typeQueries(claims, actors)
	if err != nil {
		return nil, err
	}
	r.FilterP95MS = percentile(lat, 95)

	log.Printf("%d on PostgreSQL: export", n)
	out := filepath.Join(dir, "server-export.csv")
	defer os.Remove(out)
	runs, err = timeRuns(rounds, func() error { return quiet(bin, "export", "--db", url, "-o", out) })
	if err != nil {
		return nil, fmt.Errorf("claims export from the server: %w", err)
	}
	for _, v := range runs {
		r.ExportRunsS = append(r.ExportRunsS, v)
	}
	r.ExportS = median(r.ExportRunsS)
	return r, nil
}

// runLoad runs the load run on the server copy of the size's claims, its
// clients over TCP with a password, as a desk's reviewers connect.
func runLoad(n, clients int, d time.Duration) (*LoadResult, error) {
	srv, err := pgtest.Run()
	if err != nil {
		return nil, err
	}
	name := fmt.Sprintf("bench_%d_copy", n)
	log.Printf("load run: %d clients for %s on %s (%d claims)", clients, d, name, n)
	return loadRun(srv.URL("postgres", "postgres", name), clients, d)
}

// serverTable prints the server's rows under the SQLite table.
func serverTable(rep Report, order []int) {
	if len(rep.Server) == 0 && rep.Load == nil {
		return
	}
	fmt.Printf("\nOn PostgreSQL (a server the bench starts on this machine, loopback)\n%-32s", "claims")
	for _, n := range order {
		fmt.Printf("%14d", n)
	}
	fmt.Println()
	row := func(name string, get func(*ServerResult) float64) {
		fmt.Printf("%-32s", name)
		for _, n := range order {
			if r := rep.Server[strconv.Itoa(n)]; r != nil {
				fmt.Printf("%14s", strconv.FormatFloat(get(r), 'f', -1, 64))
			} else {
				fmt.Printf("%14s", "n/a")
			}
		}
		fmt.Println()
	}
	row("open_list_ms", func(r *ServerResult) float64 { return r.OpenListMS })
	row("filter_p95_ms", func(r *ServerResult) float64 { return r.FilterP95MS })
	row("import_s", func(r *ServerResult) float64 { return r.ImportS })
	row("export_claims_s", func(r *ServerResult) float64 { return r.ExportS })
	row("copy_from_sqlite_s", func(r *ServerResult) float64 { return r.CopyS })
	if l := rep.Load; l != nil {
		fmt.Printf("\nload run: %d clients for %.0f s on %d claims: %d writes acknowledged, %d reads, %d conflicts shown, %d errors, %d lost;\n"+
			"a change reached the other clients in p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d deliveries)\n",
			l.Clients, l.Seconds, l.Claims, l.Writes, l.Reads, l.Conflicts, l.Errors, l.Lost,
			l.PropagationP50MS, l.PropagationP95MS, l.PropagationMaxMS, l.Propagations)
	}
}
