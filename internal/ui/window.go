package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/model"
	"claims/internal/search"
)

const (
	allVerdicts = "All verdicts"
	allActors   = "All actors"
)

// mainWindow is the reviewer's window: the claims tab (search box, claim
// list, detail pane) and the contradictions, actors and sources tabs.
//
// Its fields are touched on the UI goroutine only. Loading and searching
// run on other goroutines and hand their results back through fyne.Do;
// a result whose generation is no longer the newest is dropped.
type mainWindow struct {
	app fyne.App
	win fyne.Window
	st  *db.Store

	claims  []model.ClaimSummary
	actors  []model.Actor
	sources []model.Source
	// index searches claims; nil until the first load (or the load after
	// switching databases) has built it, and a search waits for it.
	index *search.Index
	// found is what the newest search found; its rows' highlights are
	// worked out as the list draws them.
	found *search.Results
	// selected is the claim the detail pane shows ("" for none).
	selected string

	loadGen, searchGen atomic.Uint64
	cancelSearch       context.CancelFunc // of the newest search
	pending            sync.WaitGroup     // loads and searches under way
	// results, when set, receives the results of loads and searches
	// instead of fyne.DoAndWait, and wait applies them on the calling
	// goroutine. Tests set it: the test driver would otherwise run them
	// on the background goroutine, beside the test's own widget calls.
	results chan func()

	search        *searchEntry
	verdictFilter *widget.Select
	actorFilter   *widget.Select
	count         *widget.Label
	list          *claimList
	detail        *detailPane
	contra        *contradictionsView
	actorsView    *actorsView
	sourcesView   *sourcesView
	mapView       *mapView
	mapTab        *container.TabItem
	tabs          *container.AppTabs
	claimsTab     *container.TabItem
}

// newMainWindow builds the window's content over st and starts loading.
// Options adjust the window before loading starts.
func newMainWindow(a fyne.App, w fyne.Window, st *db.Store, options ...func(*mainWindow)) *mainWindow {
	m := &mainWindow{app: a, win: w, st: st} // index: nil until the first load builds it
	for _, o := range options {
		o(m)
	}

	m.search = newSearchEntry(m)
	m.verdictFilter = widget.NewSelect(verdictOptions(allVerdicts), func(string) { m.runSearch() })
	m.verdictFilter.SetSelected(allVerdicts)
	m.actorFilter = widget.NewSelect([]string{allActors}, func(string) { m.runSearch() })
	m.actorFilter.SetSelected(allActors)
	m.count = widget.NewLabel("")
	m.list = newClaimList(m)
	m.detail = newDetailPane(m)

	top := container.NewVBox(m.search,
		container.NewBorder(nil, nil, container.NewHBox(m.verdictFilter, m.actorFilter), nil, m.count))
	m.count.Alignment = fyne.TextAlignTrailing
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, m.list), m.detail.content)
	split.Offset = 0.42

	m.contra = newContradictionsView(m)
	m.actorsView = newActorsView(m)
	m.sourcesView = newSourcesView(m)
	m.mapView = newMapView(m)
	m.claimsTab = container.NewTabItem("Claims", split)
	m.mapTab = container.NewTabItem("Map", m.mapView.content)
	m.tabs = container.NewAppTabs(m.claimsTab,
		container.NewTabItem("Contradictions", m.contra.content),
		container.NewTabItem("Actors", m.actorsView.content),
		container.NewTabItem("Sources", m.sourcesView.content),
		m.mapTab)
	m.tabs.OnSelected = func(*container.TabItem) { m.refreshTab() }
	w.SetContent(m.tabs)
	m.setupMenus()
	m.setTitle()
	m.reload()
	return m
}

func verdictOptions(first string) []string {
	opts := []string{first}
	for _, v := range model.Verdicts() {
		opts = append(opts, v.Label())
	}
	return opts
}

func (m *mainWindow) setTitle() {
	m.win.SetTitle("Claims — " + filepath.Base(m.st.Path()))
}

// wait blocks until every load and search started so far has finished
// and reached the window. Tests call it after typing.
func (m *mainWindow) wait() {
	for {
		m.pending.Wait()
		if m.results == nil {
			return
		}
		select {
		case fn := <-m.results:
			fn() // may start more work, which the next round waits for
		default:
			return
		}
	}
}

// do hands fn, the result of background work, to the UI goroutine.
func (m *mainWindow) do(fn func()) {
	if m.results != nil {
		m.results <- fn
		return
	}
	fyne.DoAndWait(fn)
}

// reload reads the claims, actors and sources again, off the UI
// goroutine, and shows them; then it builds the search index and runs
// the current search. With the search box empty and no filter, the list
// shows the claims as soon as they are read (at 100,000 claims the index
// takes a tenth of a second more); otherwise the previous results stay
// until the new index gives the new ones.
func (m *mainWindow) reload() {
	gen := m.loadGen.Add(1)
	st := m.st
	m.pending.Add(1)
	go func() {
		defer m.pending.Done()
		l, err := Load(context.Background(), st)
		current := func() bool { return m.loadGen.Load() == gen && st == m.st }
		m.do(func() {
			if !current() {
				return // a newer load, or another database, took over
			}
			if err != nil {
				m.showError("Could not read the database", "Check that the file is still there and readable, then choose View → Reload.", err)
				return
			}
			m.claims, m.actors, m.sources = l.Claims, l.Actors, l.Sources
			m.updateActorFilter()
			if m.list != nil && m.search.Text == "" && m.filter() == (search.Filter{}) {
				m.searchGen.Add(1) // a search of the old index would show the old claims
				m.showFound(search.Listing(l.Claims), len(l.Claims))
			}
			if m.selected != "" {
				m.detail.show(m.selected)
			}
			m.refreshTab()
		})
		if err != nil {
			return
		}
		ix := NewIndex(l)
		m.do(func() {
			if !current() {
				return
			}
			m.index = ix
			m.runSearch()
		})
	}()
}

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

// updateActorFilter lists the actors in the actor filter, keeping the
// chosen one when it still exists.
func (m *mainWindow) updateActorFilter() {
	opts := []string{allActors}
	found := false
	for _, a := range m.actors {
		opts = append(opts, a.Name)
		found = found || a.Name == m.actorFilter.Selected
	}
	m.actorFilter.Options = opts
	if !found {
		m.actorFilter.Selected = allActors
	}
	m.actorFilter.Refresh()
}

func (m *mainWindow) filter() search.Filter {
	var f search.Filter
	for _, v := range model.Verdicts() {
		if v.Label() == m.verdictFilter.Selected {
			f.Verdict = v
		}
	}
	for _, a := range m.actors {
		if a.Name == m.actorFilter.Selected {
			f.ActorID = a.ID
		}
	}
	return f
}

// runSearch searches the index for what the search box holds, off the UI
// goroutine; only the newest search reaches the list.
func (m *mainWindow) runSearch() {
	if m.list == nil || m.index == nil {
		return // still building the window
	}
	gen := m.searchGen.Add(1)
	ix, q, f := m.index, m.search.Text, m.filter()
	// A newer keystroke cancels this search, which then stops within a
	// few thousand texts instead of finishing for nothing.
	ctx, cancel := context.WithCancel(context.Background())
	if m.cancelSearch != nil {
		m.cancelSearch()
	}
	m.cancelSearch = cancel
	m.pending.Add(1)
	go func() {
		defer m.pending.Done()
		defer cancel()
		if m.searchGen.Load() != gen {
			return
		}
		found, err := ix.SearchContext(ctx, q, f)
		if err != nil {
			return // superseded
		}
		m.do(func() {
			if m.searchGen.Load() != gen || ix != m.index {
				return
			}
			m.applyHits(found)
		})
	}()
}

func (m *mainWindow) applyHits(found *search.Results) { m.showFound(found, m.index.Len()) }

// showFound lists the claims found out of all claims.
func (m *mainWindow) showFound(found *search.Results, all int) {
	m.found = found
	m.count.SetText(fmt.Sprintf("%d of %d claims", found.Len(), all))
	m.list.showHits()
	if m.tabs.Selected() == m.mapTab {
		m.mapView.load() // the map draws the claims the list shows
	}
}

// selectClaim shows the claim in the detail pane.
func (m *mainWindow) selectClaim(id string) {
	if id == m.selected {
		return
	}
	m.detail.commitTags()
	m.selected = id
	if id == "" {
		m.detail.clear()
		return
	}
	m.detail.show(id)
}

// openClaim shows the claim on the claims tab, clearing the search and
// filters when they hide it.
func (m *mainWindow) openClaim(id string) {
	m.tabs.Select(m.claimsTab)
	visible := false
	for i := range m.found.Len() {
		if m.found.Claim(i).ID == id {
			visible = true
			break
		}
	}
	m.selectClaim(id)
	if !visible {
		m.verdictFilter.Selected = allVerdicts
		m.verdictFilter.Refresh()
		m.actorFilter.Selected = allActors
		m.actorFilter.Refresh()
		m.search.SetText("") // runs the search, which selects the row
		return
	}
	m.list.showHits()
}

// changed is called after the database was changed from the window: it
// reloads the views.
func (m *mainWindow) changed() { m.reload() }

// refreshTab refreshes the tab on show, from the loaded data.
func (m *mainWindow) refreshTab() {
	switch m.tabs.Selected().Text {
	case "Contradictions":
		m.contra.load()
	case "Actors":
		m.actorsView.load()
	case "Sources":
		m.sourcesView.load()
	case "Map":
		m.mapView.load()
	}
}

// showError tells the person what happened and what to do, and logs it.
func (m *mainWindow) showError(what, todo string, err error) {
	log.Printf("claims: %s: %v", what, err)
	msg := what + ".\n\n" + describe(err)
	if todo != "" {
		msg += "\n\n" + todo
	}
	d := dialog.NewInformation("Something went wrong", msg, m.win)
	d.Show()
}

// describe turns a store error into a sentence for a person.
func describe(err error) string {
	switch {
	case errors.Is(err, model.ErrInvalid):
		return "The input is not valid: " + err.Error()
	case errors.Is(err, model.ErrNotFound):
		return "It no longer exists (another window or an import may have removed it): " + err.Error()
	case errors.Is(err, model.ErrConflict):
		return "It clashes with something already stored: " + err.Error()
	case errors.Is(err, model.ErrInUse):
		return "It is still in use: " + err.Error()
	}
	return err.Error()
}

// switchStore makes st the window's database, closing the old one.
func (m *mainWindow) switchStore(st *db.Store) {
	m.detail.commitTags()
	old := m.st
	m.st = st
	m.selected = ""
	m.index = nil // the old database's: nothing is searched until the new one's is built
	m.detail.clear()
	m.app.Preferences().SetString(prefLastDB, st.Path())
	m.setTitle()
	m.search.SetText("")
	m.reload()
	go func() {
		if err := old.Close(); err != nil {
			log.Printf("claims: closing %s: %v", old.Path(), err)
		}
	}()
}

// ctx is the context of the window's store calls.
func (m *mainWindow) ctx() context.Context { return context.Background() }

// actorByID returns a loaded actor.
func (m *mainWindow) actorByID(id string) (model.Actor, bool) {
	for _, a := range m.actors {
		if a.ID == id {
			return a, true
		}
	}
	return model.Actor{}, false
}
