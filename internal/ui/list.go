package ui

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/search"
)

// searchEntry is the search box: typing searches; Up and Down move
// through the results without leaving the box.
type searchEntry struct {
	widget.Entry
	m *mainWindow
}

func newSearchEntry(m *mainWindow) *searchEntry {
	e := &searchEntry{m: m}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Search claims, quotes, actors, sources, tags…  (Ctrl+F)")
	e.OnChanged = func(string) { m.runSearch() }
	e.OnSubmitted = func(string) { m.list.move(0) }
	return e
}

// TypedKey moves through the list on Up and Down, and types otherwise.
func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		e.m.list.move(1)
	case fyne.KeyUp:
		e.m.list.move(-1)
	case fyne.KeyEscape:
		e.SetText("")
	default:
		e.Entry.TypedKey(ev)
	}
}

// claimList is the virtualised list of search hits. Up and Down select
// the previous and next claim; Delete deletes the selected one.
type claimList struct {
	widget.List
	m *mainWindow
	// updating is set while the list's selection follows the window's,
	// so that OnSelected does not echo it back.
	updating bool
}

func newClaimList(m *mainWindow) *claimList {
	l := &claimList{m: m}
	l.Length = func() int { return m.found.Len() }
	l.CreateItem = newClaimRow
	// A row's highlights are worked out when it is drawn: the search
	// itself only ranks the claims.
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < m.found.Len() {
			o.(*claimRow).set(m.found.Hit(id))
		}
	}
	l.OnSelected = func(id widget.ListItemID) {
		if !l.updating && id < m.found.Len() {
			m.selectClaim(m.found.Claim(id).ID)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey makes Up and Down select, not just move the focus ring.
func (l *claimList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		l.move(1)
	case fyne.KeyUp:
		l.move(-1)
	case fyne.KeyDelete:
		l.m.confirmDelete()
	default:
		l.List.TypedKey(ev)
	}
}

// selectedRow is the row of the selected claim, or -1.
func (l *claimList) selectedRow() int {
	sel := l.m.selected
	if sel == "" {
		return -1
	}
	// Ids made at about the same time share their first characters: the
	// last one tells most apart without comparing the whole id (100,000
	// results are looked through on every keystroke).
	last := sel[len(sel)-1]
	for i := range l.m.found.Len() {
		if id := l.m.found.Claim(i).ID; len(id) == len(sel) && id[len(id)-1] == last && id == sel {
			return i
		}
	}
	return -1
}

// move selects the claim delta rows from the selected one; with no
// selection, or delta 0, the first.
func (l *claimList) move(delta int) {
	if l.m.found.Len() == 0 {
		return
	}
	row := l.selectedRow()
	if row < 0 || delta == 0 {
		row = 0
	} else {
		row = min(max(row+delta, 0), l.m.found.Len()-1)
	}
	l.Select(row)
	l.ScrollTo(row)
}

// showHits redraws the list after a search and keeps the selected claim
// selected when it is still among the hits.
func (l *claimList) showHits() {
	l.updating = true
	defer func() { l.updating = false }()
	if row := l.selectedRow(); row >= 0 {
		l.Select(row)
		l.ScrollTo(row)
	} else {
		l.UnselectAll()
	}
	l.Refresh()
}

// highlightColor draws matched characters: orange reads on the dark and
// light backgrounds and on the blue of a selected row, where the primary
// colour would vanish.
const highlightColor = theme.ColorNameWarning

// claimRow is one row: the actor, verdict and counter-claim count on top,
// the statement below, with the matched characters highlighted.
type claimRow struct {
	widget.BaseWidget
	head, body *widget.RichText
	statement  string
	pos        []int // matched byte offsets in statement
	// shown is what the row shows (see rowKey): the list redraws its
	// rows several times a keystroke (select, scroll, refresh), and laying
	// out the same text again costs a text shaping per line.
	shown string
	// actor, actorPos and info are the head line: the actor's name, its
	// matched offsets, and the verdict and counter-claims after it.
	actor    string
	actorPos []int
	info     string
}

// rowKey is everything of a hit that the row draws.
func rowKey(h search.Hit, info string) string {
	c := h.Claim
	var b strings.Builder
	b.WriteString(c.ID)
	b.WriteByte(0)
	b.WriteString(c.ActorName)
	b.WriteByte(0)
	b.WriteString(c.Statement)
	b.WriteByte(0)
	b.WriteString(info)
	for _, ps := range [][]int{h.ActorPos, h.StatementPos} {
		b.WriteByte(0)
		for _, p := range ps {
			b.WriteString(strconv.Itoa(p))
			b.WriteByte(',')
		}
	}
	return b.String()
}

func newClaimRow() fyne.CanvasObject {
	r := &claimRow{head: widget.NewRichText(), body: widget.NewRichText()}
	// fitHead and fitBody cut the lines themselves: RichText's ellipsis
	// would shape them again on every refresh, and does not cut a line of
	// several styled segments.
	r.ExtendBaseWidget(r)
	return r
}

func (r *claimRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(&rowLayout{}, r.head, r.body))
}

func (r *claimRow) set(h search.Hit) {
	c := h.Claim
	info := "   " + c.Verdict.Label()
	switch c.CounterCount {
	case 0:
	case 1:
		info += " · 1 counter-claim"
	default:
		info += fmt.Sprintf(" · %d counter-claims", c.CounterCount)
	}
	if len(h.Also) > 0 {
		info += " · matched " + strings.Join(h.Also, ", ")
	}
	key := rowKey(h, info)
	if key == r.shown {
		return
	}
	r.shown = key
	r.actor, r.actorPos, r.info = c.ActorName, h.ActorPos, info
	r.fitHead()
	r.statement, r.pos = c.Statement, h.StatementPos
	r.fitBody()
}

// fitHead shows the actor (bold, its matches highlighted) and the verdict
// line after it, cut with "…" where the row's width ends: the line's
// end first, then the actor's name.
func (r *claimRow) fitHead() {
	actor, pos, info := r.actor, r.actorPos, r.info
	if avail := r.Size().Width - 2*theme.InnerPadding() - 4; avail > 0 {
		bold := fyne.TextStyle{Bold: true}
		if cut := fitCut(actor, avail, true); cut < len(actor) {
			actor, pos, info = actor[:cut]+"…", keepBefore(pos, cut), ""
		} else if rest := avail - measured(actor, bold); rest <= 0 {
			info = ""
		} else if cut := fitCut(info, rest, false); cut < len(info) {
			info = info[:cut] + "…"
		}
	}
	segs := highlight(actor, pos, fyne.TextStyle{Bold: true})
	if info != "" {
		segs = append(segs, &widget.TextSegment{Text: info,
			Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}})
	}
	r.head.Segments = segs
	r.head.Refresh()
}

// keepBefore is the offsets in pos before cut.
func keepBefore(pos []int, cut int) []int {
	kept := pos[:0:0]
	for _, p := range pos {
		if p < cut {
			kept = append(kept, p)
		}
	}
	return kept
}

// Resize fits the statement to the new width.
func (r *claimRow) Resize(size fyne.Size) {
	resized := size != r.Size()
	r.BaseWidget.Resize(size)
	if resized {
		r.fitHead()
		r.fitBody()
	}
}

// fitBody shows as much of the statement as the row's width holds, with
// the first match in view and "…" where it is cut.
func (r *claimRow) fitBody() {
	text, pos := clipToMatch(r.statement, r.pos, 70)
	avail := r.Size().Width - 2*theme.InnerPadding() - 4
	if avail > 0 {
		// Measured bold when some letters are: a highlighted letter is
		// drawn bold, and bold is the wider.
		if cut := fitCut(text, avail, len(pos) > 0); cut < len(text) {
			text, pos = text[:cut]+"…", keepBefore(pos, cut)
		}
	}
	r.body.Segments = highlight(text, pos, fyne.TextStyle{})
	r.body.Refresh()
}

// fitCuts remembers fitCut's answers: while a word is typed the same
// statements come back at the same width, and each measurement shapes
// the text. It is only used on the UI goroutine.
var fitCuts = map[fitKey]int{}

// widths remembers measured's answers; used on the UI goroutine only.
var widths = map[fitKey]float32{}

// measured is the width of text in style at the theme's text size.
func measured(text string, style fyne.TextStyle) float32 {
	k := fitKey{text: text, size: theme.TextSize(), bold: style.Bold}
	w, ok := widths[k]
	if !ok {
		w = fyne.MeasureText(text, k.size, style).Width
		if len(widths) >= 4096 {
			clear(widths)
		}
		widths[k] = w
	}
	return w
}

// runeWidths are the widths of single runes, for fitCut; used on the UI
// goroutine only.
var runeWidths = map[runeKey]float32{}

type runeKey struct {
	r     rune
	style fyne.TextStyle
	size  float32
}

func runeWidth(r rune, style fyne.TextStyle) float32 {
	k := runeKey{r, style, theme.TextSize()}
	w, ok := runeWidths[k]
	if !ok {
		w = fyne.MeasureText(string(r), k.size, style).Width
		if len(runeWidths) < 1<<14 {
			runeWidths[k] = w
		}
	}
	return w
}

type fitKey struct {
	text        string
	width, size float32
	bold        bool
}

// fitCut is the length of the longest prefix of text, ending on a rune
// boundary, that fits width with "…" after it, or len(text) when all of
// text fits.
func fitCut(text string, width float32, bold bool) int {
	k := fitKey{text, width, theme.TextSize(), bold}
	if cut, ok := fitCuts[k]; ok {
		return cut
	}
	style := fyne.TextStyle{Bold: bold}
	measure := func(s string) float32 { return fyne.MeasureText(s, theme.TextSize(), style).Width }
	cut := len(text)
	if measured(text, style) > width {
		// Where the cut falls by the widths of the runes one by one (each
		// measured once for the whole list), then checked on the real
		// text, whose letters may sit closer: a shaping or two instead of
		// one per step of a search.
		sum := runeWidth('…', style)
		cut = 0
		for i, r := range text {
			if sum += runeWidth(r, style); sum > width {
				break
			}
			cut = i + utf8.RuneLen(r)
		}
		for cut > 0 && measure(text[:cut]+"…") > width {
			_, size := utf8.DecodeLastRuneInString(text[:cut])
			cut -= size
		}
	}
	if len(fitCuts) >= 4096 {
		clear(fitCuts)
	}
	fitCuts[k] = cut
	return cut
}

// clipToMatch keeps a match deep inside a long statement in view: when
// the first matched character lies more than lead bytes in, the text
// before the word a little ahead of it is replaced by "…", and the
// offsets are shifted to match.
func clipToMatch(s string, pos []int, lead int) (string, []int) {
	if len(pos) == 0 || pos[0] <= lead {
		return s, pos
	}
	start := pos[0] - lead/2
	for start > 0 && !utf8.RuneStart(s[start]) {
		start--
	}
	if i := strings.IndexByte(s[start:pos[0]], ' '); i >= 0 {
		start += i + 1
	}
	const dots = "…"
	shifted := make([]int, len(pos))
	for i, p := range pos {
		shifted[i] = p - start + len(dots)
	}
	return dots + s[start:], shifted
}

// text is what the row shows, for tests.
func (r *claimRow) text() string { return r.head.String() + "\n" + r.body.String() }

// highlight splits s into inline segments, the runes at the byte offsets
// pos drawn bold in the primary colour.
func highlight(s string, pos []int, base fyne.TextStyle) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	add := func(text string, hit bool) {
		if text == "" {
			return
		}
		st := widget.RichTextStyle{Inline: true, TextStyle: base}
		if hit {
			st.TextStyle.Bold = true
			st.ColorName = highlightColor
		}
		segs = append(segs, &widget.TextSegment{Text: text, Style: st})
	}
	hit := make(map[int]bool, len(pos))
	for _, p := range pos {
		hit[p] = true
	}
	start, inHit := 0, false
	for i := range s {
		if hit[i] != inHit {
			add(s[start:i], inHit)
			start, inHit = i, hit[i]
		}
	}
	add(s[start:], inHit)
	if len(segs) == 0 {
		segs = append(segs, &widget.TextSegment{Text: " ", Style: widget.RichTextStyle{Inline: true}})
	}
	return segs
}

// highlighted returns the highlighted runs of a row's RichText, for tests.
func highlighted(rt *widget.RichText) []string {
	var out []string
	for _, s := range rt.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style.ColorName == highlightColor {
			out = append(out, ts.Text)
		}
	}
	return out
}

// rowLayout stacks the two lines of a row tightly.
type rowLayout struct{}

func (*rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h, w := float32(0), float32(0)
	for _, o := range objs {
		ms := o.MinSize()
		h += ms.Height
		w = max(w, ms.Width)
	}
	return fyne.NewSize(w, h-2*theme.Padding())
}

func (*rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := -theme.Padding() / 2
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - theme.Padding()
	}
}
