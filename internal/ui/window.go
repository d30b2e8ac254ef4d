package ui

import (
	"context"
	"errors"
	"log"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"claims/internal/catalog"
	"claims/internal/db"
	"claims/internal/model"
	"claims/internal/search"
)

const allVerdicts = "All verdicts"

// mainWindow is the reviewer's window: the claims tab (search box,
// filters, claim list, detail pane) and the contradictions, actors and
// sources tabs.
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
	// tags and reviewers are the distinct values the claims hold, sorted,
	// for the filters.
	tags, reviewers []string
	// index searches claims; nil until the first load (or the load after
	// switching databases) has built it, and a search waits for it.
	index *search.Index
	// found is what the newest search found, in the order chosen; its
	// rows' highlights are worked out as the list draws them.
	found *search.Results
	order search.Order
	// selected is the claim the detail pane shows ("" for none).
	selected string
	// history is the claims opened, oldest first; histPos is the one
	// shown (Alt+Left and Alt+Right move through them).
	history []string
	histPos int
	// opening is a claim opened that the results do not hold yet (just
	// saved, before the reload lists it): the detail pane keeps it rather
	// than follow the results.
	opening string

	loadGen, searchGen atomic.Uint64
	cancelSearch       context.CancelFunc // of the newest search
	pending            sync.WaitGroup     // loads and searches under way
	// results, when set, receives the results of loads and searches
	// instead of fyne.DoAndWait, and wait applies them on the calling
	// goroutine. Tests set it: the test driver would otherwise run them
	// on the background goroutine, beside the test's own widget calls.
	results chan func()

	search      *searchEntry
	filters     *filterBar
	sortSelect  *keySelect
	count       *widget.Label
	list        *claimList
	listState   *listState
	detail      *detailPane
	claimsSplit *adaptiveSplit
	contra      *contradictionsView
	actorsView  *actorsView
	sourcesView *sourcesView
	mapView     *mapView
	mapTab      *container.TabItem
	tabs        *container.AppTabs
	claimsTab   *container.TabItem
	// banner says, above the tabs, what the person should know all the
	// time: a viewer's window is read only; the server is out of reach.
	banner *widget.Label
	// status says, under the tabs, what an undo or redo just did, until
	// the window's next change.
	status *widget.Label
	root   *fyne.Container // the banner above the tabs, the status under them
	// rec is the window's own changes (for Undo) and what it knows of
	// the others' (record.go).
	rec record
	// extracts are the extraction windows open, asked about on quitting.
	extracts map[*extractView]bool
}

// maxHistory is how many opened claims Back remembers.
const maxHistory = 200

// newMainWindow builds the window's content over st and starts loading.
// Options adjust the window before loading starts.
func newMainWindow(a fyne.App, w fyne.Window, st *db.Store, options ...func(*mainWindow)) *mainWindow {
	m := &mainWindow{app: a, win: w, st: st, extracts: map[*extractView]bool{}} // index: nil until the first load builds it
	for _, o := range options {
		o(m)
	}

	m.search = newSearchEntry(m)
	m.filters = newFilterBar(m, m.runSearch)
	m.filters.escapeTo(m.focusList)
	var orders []string
	for _, o := range search.Orders() {
		orders = append(orders, orderLabel(o))
	}
	m.sortSelect = newKeySelect(orders, func(s string) {
		for _, o := range search.Orders() {
			if orderLabel(o) == s {
				m.order = o
			}
		}
		m.runSearch()
	})
	m.sortSelect.SetSelected(orderLabel(search.ByRelevance))
	m.sortSelect.onEscape = m.focusList
	m.count = widget.NewLabel("")
	m.count.Alignment = fyne.TextAlignTrailing
	m.list = newClaimList(m)
	m.listState = newListState(m)
	m.detail = newDetailPane(m)

	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, m.count, m.search),
		container.NewHBox(m.filters.verdict, widget.NewLabel("Sort"), m.sortSelect, m.filters.toggle),
		m.filters.panel)
	m.claimsSplit = newAdaptiveSplit(container.NewStack(m.list, m.listState.content), m.detail.content, 1000, 0.42)
	claims := container.New(&topLayout{flows: []*flowLayout{m.filters.flow}}, top, m.claimsSplit)
	m.filters.relayout = claims.Refresh

	m.contra = newContradictionsView(m)
	m.actorsView = newActorsView(m)
	m.sourcesView = newSourcesView(m)
	m.mapView = newMapView(m)
	m.claimsTab = container.NewTabItem("Claims", claims)
	m.mapTab = container.NewTabItem("Map", m.mapView.content)
	m.tabs = container.NewAppTabs(m.claimsTab,
		container.NewTabItem("Contradictions", m.contra.content),
		container.NewTabItem("Actors", m.actorsView.content),
		container.NewTabItem("Sources", m.sourcesView.content),
		m.mapTab)
	m.tabs.OnSelected = func(*container.TabItem) {
		m.refreshTab()
		m.focusTab()
	}
	m.banner = widget.NewLabel("")
	m.banner.Wrapping = fyne.TextWrapWord
	m.banner.Importance = widget.WarningImportance
	m.banner.Hide()
	m.status = widget.NewLabel("")
	m.status.Wrapping = fyne.TextWrapWord
	m.status.Hide()
	m.root = container.NewBorder(m.banner, m.status, nil, nil, m.tabs)
	w.SetContent(m.root)
	m.checkWritable()
	m.setupMenus()
	m.setTitle()
	m.reload()
	return m
}

// orderLabel names a sort order in the sort menu.
func orderLabel(o search.Order) string {
	switch o {
	case search.ByRelevance:
		return "Best match"
	case search.ByDateNewest:
		return "Newest made"
	case search.ByDateOldest:
		return "Oldest made"
	case search.ByActor:
		return "Actor A–Z"
	case search.ByVerdict:
		return "Verdict"
	case search.ByCounters:
		return "Most contested"
	}
	return o.String()
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
// the current search. With the search box empty, no filter and the
// newest first, the list shows the claims as soon as they are read (at
// 100,000 claims the index takes a tenth of a second more); otherwise
// the previous results stay until the new index gives the new ones.
func (m *mainWindow) reload() {
	gen := m.loadGen.Add(1)
	st := m.st
	m.pending.Add(1)
	go func() {
		defer m.pending.Done()
		l, err := catalog.Load(context.Background(), st)
		current := func() bool { return m.loadGen.Load() == gen && st == m.st }
		m.do(func() {
			if !current() {
				return // a newer load, or another database, took over
			}
			if err != nil {
				if st.OnServer() && db.ConnectionLost(err) {
					m.setOffline(true) // the watch reloads when the server is back
					return
				}
				m.showError("Could not read the database", "Check that the file is still there and readable, then choose View → Reload.", err)
				return
			}
			m.claims, m.actors, m.sources = l.Claims, l.Actors, l.Sources
			if m.list != nil && m.search.Text == "" && m.filters.Filter() == (search.Filter{}) && m.order == search.ByRelevance {
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
		ix := catalog.NewIndex(l)
		tags, reviewers := distinctValues(l.Claims)
		m.do(func() {
			if !current() {
				return
			}
			m.index = ix
			m.tags, m.reviewers = tags, reviewers
			m.filters.update(reviewers)
			m.contra.filters.update(reviewers)
			m.runSearch()
		})
	}()
}

// distinctValues are the tags and the reviewers the claims hold, each
// once, sorted.
func distinctValues(claims []model.ClaimSummary) (tags, reviewers []string) {
	seenT, seenR := map[string]bool{}, map[string]bool{}
	for i := range claims {
		for _, t := range claims[i].Tags {
			if !seenT[t] {
				seenT[t] = true
				tags = append(tags, t)
			}
		}
		for _, r := range claims[i].Reviewers {
			if !seenR[r] {
				seenR[r] = true
				reviewers = append(reviewers, r)
			}
		}
	}
	slices.Sort(tags)
	slices.SortFunc(reviewers, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return tags, reviewers
}

// runSearch searches the index for what the search box holds, with the
// filters, and sorts the result, off the UI goroutine; only the newest
// search reaches the list.
func (m *mainWindow) runSearch() {
	if m.list == nil || m.index == nil {
		return // still building the window
	}
	gen := m.searchGen.Add(1)
	ix, q, f, order := m.index, m.search.Text, m.filters.Filter(), m.order
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
		found = found.Sorted(order)
		m.do(func() {
			if m.searchGen.Load() != gen || ix != m.index {
				return
			}
			m.applyHits(found)
		})
	}()
}

func (m *mainWindow) applyHits(found *search.Results) { m.showFound(found, m.index.Len()) }

// showFound lists the claims found out of all claims, and keeps the
// detail pane on one of them: the one shown when it is still found, else
// the first (none when nothing is).
func (m *mainWindow) showFound(found *search.Results, all int) {
	m.found = found
	m.count.SetText(formatCount(found.Len()) + " of " + formatCount(all) + " claims")
	row := m.list.showHits()
	m.listState.update(all)
	if m.tabs.Selected() == m.mapTab {
		m.mapView.load() // the map draws the claims the list shows
	}
	switch {
	case row >= 0:
		m.opening = ""
	case m.selected != "" && m.selected == m.opening:
		// Opened, and not listed yet: the reload will list it.
	case found.Len() == 0:
		m.selectClaim("", false)
	default:
		m.list.selectQuietly(0)
		m.selectClaim(found.Claim(0).ID, false)
	}
}

// selectClaim shows the claim in the detail pane; record adds it to the
// history that Back goes through (the claims a person opens, not those
// the list selects as it follows a search).
func (m *mainWindow) selectClaim(id string, record bool) {
	if record && id != "" {
		m.remember(id)
	}
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

// remember adds id to the history after the claim shown, dropping the
// claims one had gone back from.
func (m *mainWindow) remember(id string) {
	if len(m.history) > 0 && m.history[m.histPos] == id {
		return
	}
	if len(m.history) > 0 {
		m.history = m.history[:m.histPos+1]
	}
	m.history = append(m.history, id)
	if len(m.history) > maxHistory {
		m.history = m.history[len(m.history)-maxHistory:]
	}
	m.histPos = len(m.history) - 1
	m.detail.updateNav()
}

// goBack and goForward open the claim before or after the one shown in
// the history, skipping claims deleted meanwhile.
func (m *mainWindow) goBack()    { m.goHistory(-1) }
func (m *mainWindow) goForward() { m.goHistory(1) }

func (m *mainWindow) goHistory(step int) {
	for i := m.histPos + step; i >= 0 && i < len(m.history); i += step {
		if m.exists(m.history[i]) {
			m.histPos = i
			m.openClaimAt(m.history[i], false)
			m.detail.updateNav()
			return
		}
	}
}

// exists reports whether a claim of this id is loaded.
func (m *mainWindow) exists(id string) bool {
	return slices.ContainsFunc(m.claims, func(c model.ClaimSummary) bool { return c.ID == id })
}

// openClaim shows the claim on the claims tab, clearing the search and
// filters when they hide it, and records it in the history.
func (m *mainWindow) openClaim(id string) { m.openClaimAt(id, true) }

func (m *mainWindow) openClaimAt(id string, record bool) {
	m.tabs.Select(m.claimsTab)
	visible := false
	for i := range m.found.Len() {
		if m.found.Claim(i).ID == id {
			visible = true
			break
		}
	}
	m.selectClaim(id, record)
	if !visible {
		m.opening = id
		m.filters.clearAll()
		m.search.SetText("")
		m.runSearch() // selects the row
		return
	}
	m.list.showHits()
}

// clearSearch empties the search box and clears every filter.
func (m *mainWindow) clearSearch() {
	m.filters.clearAll()
	m.search.SetText("")
	m.runSearch()
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

// focusTab gives the keyboard to the tab shown: its list or table, with
// a row selected.
func (m *mainWindow) focusTab() {
	c := m.win.Canvas()
	switch m.tabs.SelectedIndex() {
	case 0:
		c.Focus(m.list)
	case 1:
		c.Focus(m.contra.table)
	case 2:
		c.Focus(m.actorsView.keys)
		if m.actorsView.selected == "" {
			m.actorsView.selectFirst()
		}
	case 3:
		c.Focus(m.sourcesView.keys)
		if m.sourcesView.selected == "" {
			m.sourcesView.selectFirst()
		}
	case 4:
		c.Focus(m.mapView.canvas)
	}
}

// showError tells the person what happened and what to do, and logs it.
func (m *mainWindow) showError(what, todo string, err error) {
	log.Printf("claims: %s: %v", what, err)
	if errors.Is(err, errReadOnly) || errors.Is(err, db.ErrNoPrivilege) {
		// Not a fault: trying again would be refused again.
		inform(m.win, "Read only", what+": nothing was changed.\n\n"+viewerText)
		return
	}
	msg := what + ".\n\n" + describe(err)
	if todo != "" {
		msg += "\n\n" + todo
	}
	inform(m.win, "Something went wrong", msg)
}

// describe turns a store error into a sentence for a person.
func describe(err error) string {
	switch {
	case errors.Is(err, model.ErrInvalid):
		// The check's own words say what is wrong ("date made "2018-13"
		// is not a date like …"); what wraps them adds nothing for a person.
		msg := err.Error()
		if i := strings.LastIndex(msg, model.ErrInvalid.Error()+": "); i >= 0 {
			msg = msg[i+len(model.ErrInvalid.Error())+2:]
		}
		return capitalise(msg) + "."
	case errors.Is(err, model.ErrNotFound):
		return "It no longer exists (another window or an import may have removed it): " + err.Error()
	case errors.Is(err, model.ErrConflict) && strings.HasPrefix(err.Error(), "store: ") &&
		strings.HasSuffix(err.Error(), ": "+model.ErrConflict.Error()):
		// The store's own sentence ("store: another actor is already
		// called …: conflict") says it; the rest is for logs.
		msg := strings.TrimSuffix(strings.TrimPrefix(err.Error(), "store: "), ": "+model.ErrConflict.Error())
		return capitalise(msg) + "."
	case errors.Is(err, model.ErrConflict):
		return "It clashes with something already stored: " + err.Error()
	case errors.Is(err, model.ErrInUse):
		return "It is still in use: " + err.Error()
	}
	return err.Error()
}

// setBanner shows msg above the tabs, or hides the banner when it is "".
func (m *mainWindow) setBanner(msg string) { m.setLine(m.banner, msg) }

// setStatus says at the foot of the window what the window last did that
// the claim shown may not show (an undo of a whole import); "" hides it.
func (m *mainWindow) setStatus(msg string) { m.setLine(m.status, msg) }

// setLine shows msg in the banner or the status line, or hides it.
func (m *mainWindow) setLine(l *widget.Label, msg string) {
	if msg == l.Text && l.Visible() == (msg != "") {
		return
	}
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
	// The tabs make room for the line, or take it back, now: a
	// container lays itself out again only when resized or refreshed.
	m.root.Layout.Layout(m.root.Objects, m.root.Size())
}

// checkWritable asks the store whether this window may change the
// database (a viewer of a team database may not) and says so.
func (m *mainWindow) checkWritable() {
	ok, err := m.st.CanWrite(m.ctx())
	if err != nil {
		log.Printf("claims: reading the privileges: %v", err)
	}
	m.rec.readOnly = err == nil && !ok
	m.setBanner(m.readOnlyText())
	m.detail.setEditable(!m.rec.readOnly)
}

// switchStore makes st the window's database, closing the old one.
func (m *mainWindow) switchStore(st *db.Store) {
	m.detail.commitTags()
	m.detail.commitReview()
	m.detail.keepDraft() // under the database left, for when it is opened again
	m.detail.loaded = false
	old := m.st
	m.st = st
	watching := m.rec.stop != nil
	if watching {
		m.rec.stop()
	}
	m.rec = record{}
	m.checkWritable()
	if watching {
		m.watchStore()
	}
	m.selected = ""
	m.history, m.histPos = nil, 0
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
