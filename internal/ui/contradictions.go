package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/model"
)

// contradictionsView is every claim ↔ counter-claim pair as a table that
// sorts by any column; the selected pair is shown in full below it.
type contradictionsView struct {
	m       *mainWindow
	pairs   []model.Pair
	sortCol int
	desc    bool
	table   *widget.Table
	summary *widget.Label
	// the selected pair, in full
	claimText, counterText *widget.Label
	openClaim, openCounter *widget.Button
	selected               int
	fullScroll             *container.Scroll
	content                fyne.CanvasObject
	loadGen                atomic.Uint64
}

type contraColumn struct {
	title string
	width float32
	value func(p model.Pair) string
}

var contraColumns = []contraColumn{
	{"Claim by", 170, func(p model.Pair) string { return p.Claim.ActorName }},
	{"Claim", 300, func(p model.Pair) string { return p.Claim.Statement }},
	{"Verdict", 110, func(p model.Pair) string { return p.Claim.Verdict.Label() }},
	{"Relation", 100, func(p model.Pair) string { return string(p.Relation) }},
	{"Counter-claim by", 170, func(p model.Pair) string { return p.Counter.ActorName }},
	{"Counter-claim", 300, func(p model.Pair) string { return p.Counter.Statement }},
	{"Verdict", 110, func(p model.Pair) string { return p.Counter.Verdict.Label() }},
}

func newContradictionsView(m *mainWindow) *contradictionsView {
	v := &contradictionsView{m: m, selected: -1}
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.pairs), len(contraColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(v.pairs) {
				o.(*widget.Label).SetText(contraColumns[id.Col].value(v.pairs[id.Row]))
			}
		})
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		return b
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		b.SetText(contraColumns[id.Col].title)
		b.Icon = nil
		if id.Col == v.sortCol {
			b.Icon = theme.MenuDropDownIcon()
			if v.desc {
				b.Icon = theme.MenuDropUpIcon()
			}
		}
		b.OnTapped = func() { v.sortBy(id.Col) }
		b.Refresh()
	}
	for i, c := range contraColumns {
		v.table.SetColumnWidth(i, c.width)
	}
	v.table.OnSelected = func(id widget.TableCellID) { v.show(id.Row) }
	v.summary = widget.NewLabel("")
	v.claimText, v.counterText = wrapped(""), wrapped("")
	v.openClaim = widget.NewButtonWithIcon("Open claim", theme.NavigateNextIcon(), func() {
		if v.selected >= 0 {
			m.openClaim(v.pairs[v.selected].Claim.ID)
		}
	})
	v.openCounter = widget.NewButtonWithIcon("Open counter-claim", theme.NavigateNextIcon(), func() {
		if v.selected >= 0 {
			m.openClaim(v.pairs[v.selected].Counter.ID)
		}
	})
	v.openClaim.Disable()
	v.openCounter.Disable()
	full := container.NewGridWithColumns(2,
		container.NewVBox(v.claimText, container.NewHBox(v.openClaim)),
		container.NewVBox(v.counterText, container.NewHBox(v.openCounter)))
	top := container.NewHBox(v.summary, layout.NewSpacer(), widget.NewLabel("Click a column title to sort"))
	v.fullScroll = container.NewVScroll(full)
	split := container.NewVSplit(v.table, v.fullScroll)
	split.Offset = 0.7
	v.content = container.NewBorder(top, nil, nil, nil, split)
	return v
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
			sortPairs(pairs, col, desc)
		}
		m.do(func() {
			if v.loadGen.Load() != gen || st != m.st {
				return
			}
			if err != nil {
				m.showError("Could not list the contradictions", "", err)
				return
			}
			v.pairs = pairs
			if col != v.sortCol || desc != v.desc {
				v.sort() // sorted by another column meanwhile
			}
			v.showPairs()
		})
	}()
}

// showPairs shows the loaded pairs, none selected.
func (v *contradictionsView) showPairs() {
	v.summary.SetText(fmt.Sprintf("%d contradictions between %d claims", len(v.pairs), v.claimCount()))
	v.selected = -1
	v.table.UnselectAll()
	v.claimText.SetText("Select a row to read both claims in full.")
	v.counterText.SetText("")
	v.openClaim.Disable()
	v.openCounter.Disable()
	v.table.Refresh()
}

func (v *contradictionsView) claimCount() int {
	ids := map[string]bool{}
	for _, p := range v.pairs {
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
	v.sort()
	v.selected = -1
	v.table.UnselectAll()
	v.table.Refresh()
}

func (v *contradictionsView) sort() { sortPairs(v.pairs, v.sortCol, v.desc) }

// sortPairs sorts pairs by column col, ignoring case, each value
// lower-cased once.
func sortPairs(pairs []model.Pair, col int, desc bool) {
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
	for i := range ks {
		pairs[i] = ks[i].pair
	}
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
}
