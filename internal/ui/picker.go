package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/sahilm/fuzzy"
)

// pickItem is one choice of a picker: what it shows and what it gives.
type pickItem struct {
	label string // shown, and searched
	value string // given to onPick
	// fixed items (e.g. "No source", "New source…") come first and are
	// always listed.
	fixed bool
}

// picker is a dialog that chooses one of many items (810 sources, all
// the actors or tags) with a search box: typing narrows the list, Up and
// Down move through it, Enter picks, Escape cancels. A click picks too.
type picker struct {
	*modal
	items  []pickItem
	shown  []int // indexes into items, in the order listed
	query  *keyEntry
	list   *keyList
	sel    int
	onPick func(pickItem)
	count  *widget.Label
}

// showPicker opens a picker over items; current, when one's value, is
// selected at first.
func showPicker(w fyne.Window, title, placeholder string, items []pickItem, current string, onPick func(pickItem)) *picker {
	p := &picker{items: items, onPick: onPick}
	p.query = newKeyEntry()
	p.query.SetPlaceHolder(placeholder)
	p.query.OnChanged = func(string) { p.filter() }
	p.query.onKey = func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyDown:
			p.move(1)
		case fyne.KeyUp:
			p.move(-1)
		case fyne.KeyPageDown:
			p.move(10)
		case fyne.KeyPageUp:
			p.move(-10)
		case fyne.KeyReturn, fyne.KeyEnter:
			p.pick()
		default:
			return false
		}
		return true
	}
	p.list = newKeyList(func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.shown) {
				o.(*widget.Label).SetText(p.items[p.shown[id]].label)
			}
		})
	p.list.OnSelected = func(id widget.ListItemID) { p.sel = id }
	p.list.onKey = p.query.onKey
	p.count = widget.NewLabel("")
	p.filter()
	for i, at := range p.shown {
		if current != "" && p.items[at].value == current {
			p.sel = i
		}
	}
	p.selectRow(p.sel)
	pickBtn := newKeyButton("Choose", nil, p.pick)
	pickBtn.Importance = widget.HighImportance
	var md *modal
	md = newModal(w, title, container.NewBorder(container.NewVBox(p.query, p.count), nil, nil, nil, p.list),
		p.pick, nil, newKeyButton("Cancel", nil, func() { md.hide() }), pickBtn)
	p.modal = md
	md.show(fyne.NewSize(640, 560))
	w.Canvas().Focus(p.query)
	return p
}

// filter lists the items that match the query: the fixed ones, then the
// others that match every word of it, best first (all, in their order,
// for an empty query). A word matches a label as in the search box: its
// letters in order and close together, or as a substring.
func (p *picker) filter() {
	words := strings.Fields(p.query.Text)
	p.shown = p.shown[:0]
	var labels []string
	var rest []int
	for i, it := range p.items {
		if it.fixed {
			p.shown = append(p.shown, i)
			continue
		}
		rest = append(rest, i)
		labels = append(labels, it.label)
	}
	fixed := len(p.shown)
	if len(words) == 0 {
		p.shown = append(p.shown, rest...)
	} else {
		score := make(map[int]int)
		for wi, w := range words {
			n := len([]rune(w))
			next := make(map[int]int)
			for _, m := range fuzzy.Find(w, labels) {
				if wi > 0 {
					if _, ok := score[m.Index]; !ok {
						continue
					}
				}
				if tight(labels[m.Index], m.MatchedIndexes, n) || strings.Contains(strings.ToLower(labels[m.Index]), strings.ToLower(w)) {
					next[m.Index] = score[m.Index] + m.Score
				}
			}
			score = next
		}
		var found []int
		for i := range score {
			found = append(found, i)
		}
		slices.SortFunc(found, func(a, b int) int {
			if score[a] != score[b] {
				return score[b] - score[a]
			}
			return a - b
		})
		for _, i := range found {
			p.shown = append(p.shown, rest[i])
		}
	}
	p.count.SetText(countText(len(p.shown)-fixed, len(rest), "") + "  ·  Up/Down to move, Enter to choose, Escape to cancel")
	p.list.Refresh()
	first := 0
	if len(words) > 0 && len(p.shown) > fixed {
		first = fixed // the best match, after the fixed items
	}
	p.selectRow(first)
}

// tight is the search box's closeness check: the letters of a word of n
// letters lie within 2n characters.
func tight(s string, pos []int, n int) bool {
	if len(pos) == 0 {
		return false
	}
	return len([]rune(s[pos[0]:pos[len(pos)-1]])) <= 2*n
}

func (p *picker) selectRow(i int) {
	if len(p.shown) == 0 {
		p.sel = -1
		p.list.UnselectAll()
		return
	}
	i = min(max(i, 0), len(p.shown)-1)
	p.sel = i
	p.list.Select(i)
	p.list.ScrollTo(i)
}

func (p *picker) move(delta int) { p.selectRow(p.sel + delta) }

// pick gives the selected item and closes the dialog.
func (p *picker) pick() {
	if p.sel < 0 || p.sel >= len(p.shown) {
		return
	}
	it := p.items[p.shown[p.sel]]
	p.hide()
	p.onPick(it)
}

// countText says "12 of 810" (or "810" when all are shown), with noun.
func countText(n, all int, noun string) string {
	s := formatCount(n)
	if n != all {
		s += " of " + formatCount(all)
	}
	if noun != "" {
		s += " " + noun
	}
	return s
}

// formatCount writes n with thousands separators: 100,000.
func formatCount(n int) string {
	digits := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	var b []byte
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, digits[i])
	}
	return sign + string(b)
}
