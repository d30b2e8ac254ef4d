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
// through the results without leaving the box; Enter selects the first
// result and gives the list the focus; Escape empties the box, and in an
// empty box gives the list the focus.
type searchEntry struct {
	widget.Entry
	m *mainWindow
	// chose is set when Up or Down picked a result since the query last
	// changed: Enter then keeps it rather than going back to the first.
	chose bool
}

func newSearchEntry(m *mainWindow) *searchEntry {
	e := &searchEntry{m: m}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Search claims, quotes, actors, sources, tags…  (Ctrl+F)")
	e.OnChanged = func(string) {
		e.chose = false
		m.runSearch()
	}
	e.OnSubmitted = func(string) {
		if !e.chose || m.list.selectedRow() < 0 {
			m.list.move(0)
		}
		if m.found.Len() > 0 {
			m.focusList() // Up, Down, Delete act on the results; Escape comes back
		}
	}
	return e
}

// searchSteps are the rows the search box's keys move the list by.
var searchSteps = map[fyne.KeyName]int{fyne.KeyDown: 1, fyne.KeyUp: -1, fyne.KeyPageDown: pageRows, fyne.KeyPageUp: -pageRows}

// TypedKey moves through the list on Up and Down, and types otherwise.
func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyUp, fyne.KeyPageDown, fyne.KeyPageUp:
		e.chose = true
		e.m.list.move(searchSteps[ev.Name])
	case fyne.KeyEscape:
		if e.Text == "" {
			e.m.focusList()
			return
		}
		e.SetText("")
	default:
		e.Entry.TypedKey(ev)
	}
}

// pageRows is how far Page Up and Page Down move in the list.
const pageRows = 10

// claimList is the virtualised list of search hits. A click selects the
// claim and gives the list the keyboard: Up and Down select the previous
// and next claim, Page Up and Page Down ten further, Home and End the
// first and last; Delete deletes the selected one (asking first); Escape
// goes back to the search box.
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
			m.selectClaim(m.found.Claim(id).ID, true)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// Tapped gives the list the focus when a click lands on it outside a row
// (the rows take the focus for it themselves).
func (l *claimList) Tapped(*fyne.PointEvent) { l.m.focusList() }

// TypedKey makes Up and Down select, not just move the focus ring.
func (l *claimList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		l.move(1)
	case fyne.KeyUp:
		l.move(-1)
	case fyne.KeyPageDown:
		l.move(pageRows)
	case fyne.KeyPageUp:
		l.move(-pageRows)
	case fyne.KeyHome:
		l.moveTo(0)
	case fyne.KeyEnd:
		l.moveTo(l.m.found.Len() - 1)
	case fyne.KeyDelete:
		l.m.confirmDelete()
	case fyne.KeyEscape:
		l.m.focusSearch()
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
	row := l.selectedRow()
	if row < 0 || delta == 0 {
		row = 0
	} else {
		row += delta
	}
	l.moveTo(row)
}

// moveTo selects the claim of a row (kept within the list).
func (l *claimList) moveTo(row int) {
	if l.m.found.Len() == 0 {
		return
	}
	row = min(max(row, 0), l.m.found.Len()-1)
	l.Select(row)
	l.ScrollTo(row)
}

// selectQuietly selects a row without reporting it, as the list follows
// the window.
func (l *claimList) selectQuietly(row int) {
	l.updating = true
	defer func() { l.updating = false }()
	l.Select(row)
	l.ScrollTo(row)
}

// showHits redraws the list after a search and keeps the selected claim
// selected when it is still among the hits; it returns its row, or -1.
func (l *claimList) showHits() int {
	l.updating = true
	defer func() { l.updating = false }()
	row := l.selectedRow()
	if row >= 0 {
		l.Select(row)
		l.ScrollTo(row)
	} else {
		l.UnselectAll()
	}
	l.Refresh()
	return row
}

// listState is what the list shows when it has no claim to show: an empty
// database offers to record, import or extract claims; a search that
// finds nothing says so and offers to clear it.
type listState struct {
	m        *mainWindow
	content  *fyne.Container
	message  *widget.Label
	empty    *fyne.Container // the buttons for an empty database
	clearBtn *keyButton
}

func newListState(m *mainWindow) *listState {
	s := &listState{m: m}
	// Not wrapped: a wrapping label in a centring container asks for one
	// line; the messages hold their own line breaks.
	s.message = widget.NewLabel("")
	s.message.Alignment = fyne.TextAlignCenter
	newClaim := newKeyButton("New claim  (Ctrl+N)", theme.ContentAddIcon(), func() { m.newClaim() })
	newClaim.Importance = widget.HighImportance
	s.empty = container.NewVBox(newClaim,
		newKeyButton("Import a CSV file…  (Ctrl+I)", theme.FolderOpenIcon(), m.importFile),
		newKeyButton("Extract claims from an article…  (Ctrl+Shift+X)", theme.DocumentIcon(), m.extract))
	s.clearBtn = newKeyButton("Clear the search and the filters", theme.ContentClearIcon(), m.clearSearch)
	s.content = container.NewCenter(container.NewVBox(s.message, container.NewCenter(container.NewVBox(s.empty, s.clearBtn))))
	s.content.Hide()
	return s
}

// update shows the right message for the list's state (all claims: how
// many the database holds).
func (s *listState) update(all int) {
	switch {
	case s.m.found.Len() > 0:
		s.content.Hide()
		return
	case all == 0:
		s.message.SetText("This database holds no claims yet.\nRecord one, import a CSV file, or let the app\npropose the claims an article reports.")
		s.empty.Show()
		s.clearBtn.Hide()
	default:
		what := "the filters"
		if q := strings.TrimSpace(s.m.search.Text); q != "" {
			what = "“" + ellipsis(q, 40) + "”"
			if s.m.filters.active() > 0 {
				what += " with the filters set"
			}
		}
		s.message.SetText("No claim matches " + what + ".\nEscape in the search box empties it.")
		s.empty.Hide()
		s.clearBtn.Show()
	}
	s.content.Show()
	s.content.Refresh()
}

// highlightColor draws matched characters: orange reads on the dark and
// light backgrounds and on the blue of a selected row, where the primary
// colour would vanish.
const highlightColor = theme.ColorNameWarning

// claimRow is one row: the verdict (a coloured chip with its name), a
// counter-claim mark, the actor and the number of counter-claims on top,
// the statement below, with the matched characters highlighted.
type claimRow struct {
	widget.BaseWidget
	verdict, counter *chip
	chips            *fyne.Container
	content          *fyne.Container // the row's layout of chips, head and body
	head, body       *widget.RichText
	statement        string
	pos              []int // matched byte offsets in statement
	// shown is what the row shows (see rowKey): the list redraws its
	// rows several times a keystroke (select, scroll, refresh), and laying
	// out the same text again costs a text shaping per line.
	shown string
	// actor, actorPos and info are the head line: the actor's name, its
	// matched offsets, and the counter-claims after it.
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
	b.WriteByte(0)
	b.WriteString(string(c.Verdict))
	b.WriteByte(0)
	b.WriteString(strconv.Itoa(c.AnswersCount))
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
	r := &claimRow{head: widget.NewRichText(), body: widget.NewRichText(), verdict: newChip(), counter: newChip()}
	r.counter.setOutline("counter-claim", theme.Color(theme.ColorNamePrimary))
	r.counter.Hide()
	r.chips = container.New(&chipsLayout{}, r.verdict, r.counter)
	r.content = container.New(&rowLayout{}, r.chips, r.head, r.body)
	// fitHead and fitBody cut the lines themselves: RichText's ellipsis
	// would shape them again on every refresh, and does not cut a line of
	// several styled segments.
	r.ExtendBaseWidget(r)
	return r
}

func (r *claimRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

func (r *claimRow) set(h search.Hit) {
	c := h.Claim
	var info string
	switch c.CounterCount {
	case 0:
	case 1:
		info = " · 1 counter-claim"
	default:
		info = fmt.Sprintf(" · %d counter-claims", c.CounterCount)
	}
	if len(h.Also) > 0 {
		info += " · matched " + strings.Join(h.Also, ", ")
	}
	key := rowKey(h, info)
	if key == r.shown {
		return
	}
	r.shown = key
	was := r.chips.MinSize().Width
	r.verdict.setVerdict(c.Verdict)
	if c.AnswersCount > 0 {
		r.counter.Show()
	} else {
		r.counter.Hide()
	}
	if r.chips.MinSize().Width != was {
		// The head line starts after the chips.
		r.content.Layout.Layout(r.content.Objects, r.content.Size())
	}
	r.chips.Refresh()
	r.actor, r.actorPos, r.info = c.ActorName, h.ActorPos, info
	r.fitHead()
	r.statement, r.pos = c.Statement, h.StatementPos
	r.fitBody()
}

// headWidth is the width the head line has beside the chips.
func (r *claimRow) headWidth() float32 {
	return r.Size().Width - 2*theme.InnerPadding() - 4 - r.chips.MinSize().Width - chipGap
}

// fitHead shows the actor (bold, its matches highlighted) and the
// counter-claims after it, cut with "…" where the row's width ends: the
// line's end first, then the actor's name.
func (r *claimRow) fitHead() {
	actor, pos, info := r.actor, r.actorPos, r.info
	if avail := r.headWidth(); r.Size().Width > 0 {
		bold := fyne.TextStyle{Bold: true}
		if cut := fitCut(actor, max(avail, 1), true); cut < len(actor) {
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

// text is what the row shows, for tests: the chips, the head line and
// the statement.
func (r *claimRow) text() string {
	chips := r.verdict.label
	if r.counter.Visible() {
		chips += " [" + r.counter.label + "]"
	}
	return chips + " " + r.head.String() + "\n" + r.body.String()
}

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

// chipGap is the space between the chips and the head line.
const chipGap = 4

// rowLayout stacks the two lines of a row tightly: the chips and the
// head line, then the statement.
type rowLayout struct{}

func (*rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	chips, head, body := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	return fyne.NewSize(max(chips.Width+head.Width, body.Width), max(head.Height, chips.Height)+body.Height-2*theme.Padding())
}

func (*rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	chips, head, body := objs[0], objs[1], objs[2]
	y := -theme.Padding() / 2
	hh := head.MinSize().Height
	cs := chips.MinSize()
	chips.Move(fyne.NewPos(theme.InnerPadding(), y+(hh-cs.Height)/2))
	chips.Resize(cs)
	x := cs.Width + chipGap
	head.Move(fyne.NewPos(x, y))
	head.Resize(fyne.NewSize(max(size.Width-x, 0), hh))
	y += hh - theme.Padding()
	body.Move(fyne.NewPos(0, y))
	body.Resize(fyne.NewSize(size.Width, body.MinSize().Height))
}

// chipsLayout puts the visible chips side by side.
type chipsLayout struct{}

func (*chipsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		if o.Visible() {
			ms := o.MinSize()
			if w > 0 {
				w += chipGap
			}
			w += ms.Width
			h = max(h, ms.Height)
		}
	}
	return fyne.NewSize(w, h)
}

func (*chipsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for _, o := range objs {
		if o.Visible() {
			ms := o.MinSize()
			o.Move(fyne.NewPos(x, (size.Height-ms.Height)/2))
			o.Resize(ms)
			x += ms.Width + chipGap
		}
	}
}
