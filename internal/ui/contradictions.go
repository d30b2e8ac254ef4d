package ui

import (
	"cmp"
	"context"
	"fmt"
	"image/color"
	"slices"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/model"
	"claims/internal/search"
)

// contradictionsView is every claim ↔ counter-claim pair as a table that
// sorts by any column (click a title, or Ctrl+Shift+S then a column),
// narrowed by a search box and the same filters as the claims tab: a pair
// is listed when its claim or its counter-claim matches. A row is
// selected whole; Up and Down move, Enter opens the claim, Ctrl+Enter
// the counter-claim, and the selected pair is shown in full below.
type contradictionsView struct {
	m *mainWindow
	// chose is set when Up or Down in the search box picked a pair since
	// the query last changed: Enter keeps it.
	chose   bool
	all     []model.Pair // as loaded, sorted
	pairs   []model.Pair // the ones shown
	sortCol int
	desc    bool
	table   *pairTable
	summary *widget.Label
	search  *keyEntry
	filters *filterBar
	// the selected pair, in full
	claimText, counterText *widget.Label
	openClaim, openCounter *keyButton
	selected               int
	fullScroll             *container.Scroll
	content                fyne.CanvasObject
	loadGen, searchGen     atomic.Uint64
}

type contraColumn struct {
	title string
	width float32
	value func(p model.Pair) string
}

var contraColumns = []contraColumn{
	{"Claim by", 150, func(p model.Pair) string { return p.Claim.ActorName }},
	{"Claim", 280, func(p model.Pair) string { return p.Claim.Statement }},
	{"Verdict", 110, func(p model.Pair) string { return p.Claim.Verdict.Label() }},
	{"Relation", 100, func(p model.Pair) string { return string(p.Relation) }},
	{"Counter-claim by", 150, func(p model.Pair) string { return p.Counter.ActorName }},
	{"Counter-claim", 280, func(p model.Pair) string { return p.Counter.Statement }},
	{"Verdict", 110, func(p model.Pair) string { return p.Counter.Verdict.Label() }},
}

// contraRowLines is how many lines of text a row shows before "…".
const contraRowLines = 3

func newContradictionsView(m *mainWindow) *contradictionsView {
	v := &contradictionsView{m: m, selected: -1}
	v.table = newPairTable(v)
	v.summary = widget.NewLabel("")
	v.search = newKeyEntry()
	v.search.SetPlaceHolder("Search either claim of each pair… (Ctrl+F)")
	v.search.OnChanged = func(string) {
		v.chose = false
		v.apply()
	}
	v.search.onKey = func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyDown:
			v.chose = true
			v.move(1)
		case fyne.KeyUp:
			v.chose = true
			v.move(-1)
		case fyne.KeyReturn, fyne.KeyEnter:
			if !v.chose { // the first pair, unless Up or Down chose one
				v.move(0)
			}
			m.win.Canvas().Focus(v.table)
		default:
			return false
		}
		return true
	}
	v.search.onEscape = func() {
		if v.search.Text != "" {
			v.search.SetText("")
			return
		}
		m.win.Canvas().Focus(v.table)
	}
	v.filters = newFilterBar(m, v.apply)
	v.filters.escapeTo(func() { m.win.Canvas().Focus(v.table) })
	v.claimText, v.counterText = wrapped(""), wrapped("")
	v.openClaim = newKeyButton("Open claim (Enter)", theme.NavigateNextIcon(), func() { v.open(false) })
	v.openCounter = newKeyButton("Open counter-claim (Ctrl+Enter)", theme.NavigateNextIcon(), func() { v.open(true) })
	v.openClaim.Disable()
	v.openCounter.Disable()
	full := container.NewAdaptiveGrid(2,
		container.NewVBox(v.claimText, container.NewHBox(v.openClaim)),
		container.NewVBox(v.counterText, container.NewHBox(v.openCounter)))
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, v.summary, v.search),
		container.NewHBox(v.filters.verdict, v.filters.toggle, widget.NewLabel("Click a column title to sort; drag its edge to widen it")),
		v.filters.panel)
	v.fullScroll = container.NewVScroll(full)
	split := container.NewVSplit(v.table, v.fullScroll)
	split.Offset = 0.7
	content := container.New(&topLayout{flows: []*flowLayout{v.filters.flow}}, top, split)
	v.filters.relayout = content.Refresh
	v.content = content
	return v
}

// open opens the selected pair's claim, or its counter-claim.
func (v *contradictionsView) open(counter bool) {
	if v.selected < 0 || v.selected >= len(v.pairs) {
		return
	}
	p := v.pairs[v.selected]
	if counter {
		v.m.openClaim(p.Counter.ID)
	} else {
		v.m.openClaim(p.Claim.ID)
	}
}

// move selects the pair delta rows from the selected one (the first for
// delta 0 or none selected).
func (v *contradictionsView) move(delta int) {
	if len(v.pairs) == 0 {
		return
	}
	row := v.selected + delta
	if v.selected < 0 || delta == 0 {
		row = 0
	}
	row = min(max(row, 0), len(v.pairs)-1)
	v.table.Select(widget.TableCellID{Row: row, Col: 0})
	v.table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
}

// load reads the pairs from the store off the UI goroutine (at 100,000
// claims that takes most of a second) and shows them when they arrive,
// unless a newer load or another database took over meanwhile.
func (v *contradictionsView) load() {
	m := v.m
	gen := v.loadGen.Add(1)
	st, col, desc := m.st, v.sortCol, v.desc
	m.pending.Add(1)
	go func() {
		defer m.pending.Done()
		pairs, err := st.Contradictions(m.ctx())
		if err == nil {
			pairs = sortPairs(pairs, col, desc)
		}
		m.do(func() {
			if v.loadGen.Load() != gen || st != m.st {
				return
			}
			if err != nil {
				m.showError("Could not list the contradictions", "", err)
				return
			}
			v.all = pairs
			if col != v.sortCol || desc != v.desc {
				v.all = sortPairs(v.all, v.sortCol, v.desc) // sorted by another column meanwhile
			}
			v.apply()
		})
	}()
}

// apply shows the pairs that pass the search and the filters: those whose
// claim or counter-claim the index finds. The search runs off the UI
// goroutine, as the claims tab's does.
func (v *contradictionsView) apply() {
	m := v.m
	q, f := strings.TrimSpace(v.search.Text), v.filters.Filter()
	gen := v.searchGen.Add(1)
	all, ix := v.all, m.index
	if q == "" && f == (search.Filter{}) || ix == nil {
		v.showPairs(all)
		return
	}
	m.pending.Add(1)
	go func() {
		defer m.pending.Done()
		found, err := ix.SearchContext(context.Background(), q, f)
		if err != nil {
			return
		}
		hit := make(map[string]bool, found.Len())
		for i := range found.Len() {
			hit[found.Claim(i).ID] = true
		}
		var shown []model.Pair
		for _, p := range all {
			if hit[p.Claim.ID] || hit[p.Counter.ID] {
				shown = append(shown, p)
			}
		}
		m.do(func() {
			if v.searchGen.Load() == gen {
				v.showPairs(shown)
			}
		})
	}()
}

// showPairs shows pairs, the first selected.
func (v *contradictionsView) showPairs(pairs []model.Pair) {
	v.pairs = pairs
	text := fmt.Sprintf("%s contradictions between %s claims", formatCount(len(v.all)), formatCount(claimCount(v.all)))
	if len(pairs) != len(v.all) {
		text = fmt.Sprintf("%s of %s contradictions", formatCount(len(pairs)), formatCount(len(v.all)))
	}
	v.summary.SetText(text)
	if c, ok := v.content.(*fyne.Container); ok {
		c.Refresh() // the summary's width changed
	}
	v.selected = -1
	v.table.UnselectAll()
	v.claimText.SetText("Select a row to read both claims in full.")
	if len(pairs) == 0 && len(v.all) > 0 {
		v.claimText.SetText("No contradiction matches the search and the filters.")
	}
	v.counterText.SetText("")
	v.openClaim.Disable()
	v.openCounter.Disable()
	v.table.Refresh()
	if len(pairs) > 0 {
		v.move(0)
	}
}

func claimCount(pairs []model.Pair) int {
	ids := map[string]bool{}
	for _, p := range pairs {
		ids[p.Claim.ID], ids[p.Counter.ID] = true, true
	}
	return len(ids)
}

// sortBy sorts by column col, reversing the order when it already is.
func (v *contradictionsView) sortBy(col int) {
	if col == v.sortCol {
		v.desc = !v.desc
	} else {
		v.sortCol, v.desc = col, false
	}
	v.all = sortPairs(v.all, v.sortCol, v.desc)
	v.apply()
}

// sortPairs returns pairs sorted by column col, ignoring case, each value
// lower-cased once. It sorts a copy: a search running off the UI goroutine
// may still be reading pairs.
func sortPairs(pairs []model.Pair, col int, desc bool) []model.Pair {
	val := contraColumns[col].value
	type keyed struct {
		key  string
		pair model.Pair
	}
	ks := make([]keyed, len(pairs))
	for i, p := range pairs {
		ks[i] = keyed{strings.ToLower(val(p)), p}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		c := cmp.Compare(a.key, b.key)
		if desc {
			return -c
		}
		return c
	})
	sorted := make([]model.Pair, len(ks))
	for i := range ks {
		sorted[i] = ks[i].pair
	}
	return sorted
}

func (v *contradictionsView) show(row int) {
	if row < 0 || row >= len(v.pairs) {
		return
	}
	v.selected = row
	p := v.pairs[row]
	v.claimText.SetText(fmt.Sprintf("%s (%s):\n%s", p.Claim.ActorName, p.Claim.Verdict.Label(), p.Claim.Statement))
	v.counterText.SetText(fmt.Sprintf("%s %s it (%s):\n%s", p.Counter.ActorName, p.Relation, p.Counter.Verdict.Label(), p.Counter.Statement))
	v.openClaim.Enable()
	v.openCounter.Enable()
	v.fullScroll.Refresh() // the texts' wrapped height changed
	v.table.Refresh()      // the row's highlight
}

// pairTable is the contradictions table: whole rows are selected and
// highlighted; cells wrap their text over up to three lines; Up and Down
// select the previous and next row, Enter opens the claim and Ctrl+Enter
// the counter-claim.
type pairTable struct {
	widget.Table
	v *contradictionsView
}

func newPairTable(v *contradictionsView) *pairTable {
	t := &pairTable{v: v}
	// Each row is as high as three lines of wrapped text.
	lineH := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height
	cellH := lineH*contraRowLines + 2*theme.InnerPadding()
	t.Length = func() (int, int) { return len(v.pairs), len(contraColumns) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		l.Truncation = fyne.TextTruncateEllipsis
		bg := canvas.NewRectangle(color.Transparent)
		bg.SetMinSize(fyne.NewSize(0, cellH))
		return container.NewStack(bg, l)
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*fyne.Container)
		bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
		if id.Row < len(v.pairs) {
			l.SetText(contraColumns[id.Col].value(v.pairs[id.Row]))
		}
		fill := color.Color(color.Transparent)
		if id.Row == v.selected {
			fill = theme.Color(theme.ColorNameSelection)
		}
		if bg.FillColor != fill {
			bg.FillColor = fill
			bg.Refresh()
		}
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		b.IconPlacement = widget.ButtonIconTrailingText
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		b.SetText(contraColumns[id.Col].title)
		b.Icon = nil
		if id.Col == v.sortCol {
			// ▲ while the column ascends (A to Z), ▼ while it descends.
			b.Icon = theme.MenuDropUpIcon()
			if v.desc {
				b.Icon = theme.MenuDropDownIcon()
			}
		}
		b.OnTapped = func() { v.sortBy(id.Col) }
		b.Refresh()
	}
	t.OnSelected = func(id widget.TableCellID) { v.show(id.Row) }
	t.ExtendBaseWidget(t)
	for i, c := range contraColumns {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// TypedKey selects rows with Up and Down and opens the claim on Enter.
func (t *pairTable) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		t.v.move(1)
	case fyne.KeyUp:
		t.v.move(-1)
	case fyne.KeyPageDown:
		t.v.move(pageRows)
	case fyne.KeyPageUp:
		t.v.move(-pageRows)
	case fyne.KeyReturn, fyne.KeyEnter:
		t.v.open(false)
	case fyne.KeyEscape:
		t.v.m.win.Canvas().Focus(t.v.search)
	default:
		t.Table.TypedKey(ev)
	}
}

// TypedShortcut opens the counter-claim on Ctrl+Enter.
func (t *pairTable) TypedShortcut(s fyne.Shortcut) {
	if isCtrlEnter(s) {
		t.v.open(true)
	}
}
