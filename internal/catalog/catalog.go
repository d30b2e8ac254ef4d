// Package catalog reads what the reviewer's window lists — every claim
// with its actor, source and counter-claims in brief, the actors and the
// sources — and builds the search index over it, with the memory settings
// the window runs with. It has no Fyne, so command-line tools and the
// benchmarks load and index exactly as the window does.
package catalog

import (
	"context"
	"errors"
	"runtime/debug"
	"sync"

	"claims/internal/db"
	"claims/internal/model"
	"claims/internal/search"
)

// GCPercent is the garbage collector's target the window runs with: the
// heap may grow by half its live size between collections, not double
// (Go's default, 100). At 100,000 claims the live heap (the listed claims
// and the search index) is about 100 MB, and every keystroke allocates a
// few more for the words it matches.
const GCPercent = 50

// TuneMemory sets the garbage collector as the window runs it. The window
// calls it at start; so does cmd/claims-bench, which measures what the
// window does.
func TuneMemory() { debug.SetGCPercent(GCPercent) }

// Loaded is what the window reads from the store when it opens a
// database and after every change.
type Loaded struct {
	Claims  []model.ClaimSummary
	Actors  []model.Actor
	Sources []model.Source
}

// Load reads the claims, actors and sources, as the window does (off its
// UI goroutine) before it lists them: the actors and sources are read
// beside the claims, on a connection of their own.
func Load(ctx context.Context, st *db.Store) (Loaded, error) {
	defer relaxGC()()
	var l Loaded
	var errActors, errSources error
	done := make(chan struct{})
	go func() {
		defer close(done)
		l.Actors, errActors = st.Actors(ctx)
		l.Sources, errSources = st.Sources(ctx)
	}()
	claims, err := st.ListClaims(ctx)
	<-done
	if err := errors.Join(err, errActors, errSources); err != nil {
		return Loaded{}, err
	}
	l.Claims = claims
	return l, nil
}

// NewIndex builds the search index over what Load read, as the window
// does right after listing the claims.
func NewIndex(l Loaded) *search.Index {
	defer relaxGC()()
	return search.New(l.Claims, l.Actors)
}

// loadGCPercent is the collector's target while loading: nearly all a
// load allocates stays live (the claims and the index), so collecting as
// the heap grows from nothing to 100 MB would scan it again and again
// for little garbage (about a fifth of the load's CPU time at 100,000
// claims).
const loadGCPercent = 400

var (
	loadsMu   sync.Mutex
	loads     int // under way
	gcPercent int // to go back to when the last load ends
)

// relaxGC sets loadGCPercent while a load is under way and returns the
// function that ends it, restoring the collector's target after the last
// of several loads at once.
func relaxGC() func() {
	loadsMu.Lock()
	if loads == 0 {
		gcPercent = debug.SetGCPercent(loadGCPercent)
	}
	loads++
	loadsMu.Unlock()
	return func() {
		loadsMu.Lock()
		if loads--; loads == 0 {
			debug.SetGCPercent(gcPercent)
		}
		loadsMu.Unlock()
	}
}
