package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/model"
	"claims/internal/search"
)

const (
	anyone   = "Anyone"
	anyValue = "any"
)

// filterBar is the filters of one list of claims (the claims tab and the
// contradictions tab each have one): the verdict in a row of its own
// beside the search box, the others in a panel that "Filters" shows.
// Every change calls onChange. Its Filter is a search.Filter, so what the
// list shows is what an export of it writes.
type filterBar struct {
	m        *mainWindow
	onChange func()

	verdict              *keySelect
	actor, source, tag   *keyButton
	reviewer             *keySelect
	from, to             *keyEntry
	contested, unreviewd *keyCheck
	answers              *keyCheck
	clear                *keyButton
	toggle               *keyButton
	panel                *fyne.Container
	flow                 *flowLayout

	actorID, sourceID, tagValue string
	// relayout lays out again the view that holds the panel, whose height
	// changes as it shows or hides.
	relayout func()
	// setting is set while clear or a reload sets the widgets, so that
	// one change is reported once.
	setting bool
}

func newFilterBar(m *mainWindow, onChange func()) *filterBar {
	b := &filterBar{m: m, onChange: onChange, setting: true}
	defer func() { b.setting = false }()
	b.verdict = newKeySelect(verdictOptions(allVerdicts), func(string) { b.changed() })
	b.verdict.SetSelected(allVerdicts)
	b.actor = newKeyButton("", theme.AccountIcon(), b.pickActor)
	b.source = newKeyButton("", theme.DocumentIcon(), b.pickSource)
	b.tag = newKeyButton("", nil, b.pickTag)
	for _, btn := range []*keyButton{b.actor, b.source, b.tag} {
		btn.Alignment = widget.ButtonAlignLeading
	}
	b.reviewer = newKeySelect([]string{anyone}, func(string) { b.changed() })
	b.reviewer.SetSelected(anyone)
	date := func(placeholder string) *keyEntry {
		e := newKeyEntry()
		e.SetPlaceHolder(placeholder)
		e.Validator = func(s string) error { return model.ValidateDate("date", strings.TrimSpace(s)) }
		e.OnChanged = func(string) { b.changed() }
		return e
	}
	b.from, b.to = date("from: 2024, 2024-03…"), date("to: 2024-12-31…")
	b.contested = newKeyCheck("Contested (has counter-claims)", func(bool) { b.changed() })
	b.unreviewd = newKeyCheck("Unreviewed (no verdict, no notes)", func(bool) { b.changed() })
	b.answers = newKeyCheck("Counter-claims (answer another claim)", func(bool) { b.changed() })
	b.clear = newKeyButton("Clear filters", theme.ContentClearIcon(), b.reset)
	b.toggle = newKeyButton("Filters", theme.MenuDropDownIcon(), b.togglePanel)
	cell := func(label string, w fyne.CanvasObject) fyne.CanvasObject {
		if label == "" {
			return w
		}
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, w)
	}
	b.flow = &flowLayout{cell: 300}
	b.panel = container.New(b.flow,
		cell("Actor", b.actor), cell("Source", b.source), cell("Tag", b.tag), cell("Reviewer", b.reviewer),
		cell("Made", b.from), cell("to", b.to), b.contested, b.unreviewd, b.answers, b.clear)
	b.panel.Hide()
	b.showValues()
	return b
}

// escapeTo makes Escape in any filter run leave (the list takes the
// keyboard back).
func (b *filterBar) escapeTo(leave func()) {
	for _, btn := range []*keyButton{b.actor, b.source, b.tag, b.clear, b.toggle} {
		btn.onEscape = leave
	}
	for _, s := range []*keySelect{b.verdict, b.reviewer} {
		s.onEscape = leave
	}
	for _, c := range []*keyCheck{b.contested, b.unreviewd, b.answers} {
		c.onEscape = leave
	}
	b.from.onEscape, b.to.onEscape = leave, leave
}

// Filter is what the widgets say; an unfinished date is left out.
func (b *filterBar) Filter() search.Filter {
	f := search.Filter{ActorID: b.actorID, SourceID: b.sourceID, Tag: b.tagValue,
		Contested: b.contested.Checked, Unreviewed: b.unreviewd.Checked, Answers: b.answers.Checked}
	for _, v := range model.Verdicts() {
		if v.Label() == b.verdict.Selected {
			f.Verdict = v
		}
	}
	if b.reviewer.Selected != anyone {
		f.Reviewer = b.reviewer.Selected
	}
	if d := strings.TrimSpace(b.from.Text); model.ValidateDate("", d) == nil {
		f.From = d
	}
	if d := strings.TrimSpace(b.to.Text); model.ValidateDate("", d) == nil {
		f.To = d
	}
	return f
}

func (b *filterBar) changed() {
	if b.setting {
		return
	}
	b.showValues()
	b.onChange()
}

// active counts the filters set.
func (b *filterBar) active() int {
	f := b.Filter()
	n := 0
	for _, set := range []bool{f.Verdict != "", f.ActorID != "", f.SourceID != "", f.Tag != "", f.Reviewer != "",
		f.From != "" || f.To != "", f.Contested, f.Unreviewed, f.Answers} {
		if set {
			n++
		}
	}
	return n
}

// showValues writes the chosen actor, source and tag on their buttons and
// the number of filters set on the Filters button.
func (b *filterBar) showValues() {
	label := func(prefix, value string) string {
		if value == "" {
			return anyValue
		}
		return ellipsis(value, 40)
	}
	name := ""
	if a, ok := b.m.actorByID(b.actorID); ok {
		name = a.Name
	}
	b.actor.SetText(label("Actor", name))
	title := ""
	for _, s := range b.m.sources {
		if s.ID == b.sourceID {
			title = s.Title
		}
	}
	b.source.SetText(label("Source", title))
	b.tag.SetText(label("Tag", b.tagValue))
	text := "Filters"
	if n := b.active() - b.verdictSet(); n > 0 {
		text = fmt.Sprintf("Filters (%d)", n)
	}
	b.toggle.SetText(text)
}

func (b *filterBar) verdictSet() int {
	if b.verdict.Selected != allVerdicts && b.verdict.Selected != "" {
		return 1
	}
	return 0
}

// reset clears every filter and reports the change.
func (b *filterBar) reset() {
	b.clearAll()
	b.changed()
}

// clearAll clears every filter without reporting it.
func (b *filterBar) clearAll() {
	b.setting = true
	b.verdict.SetSelected(allVerdicts)
	b.reviewer.SetSelected(anyone)
	b.from.SetText("")
	b.to.SetText("")
	b.contested.SetChecked(false)
	b.unreviewd.SetChecked(false)
	b.answers.SetChecked(false)
	b.actorID, b.sourceID, b.tagValue = "", "", ""
	b.setting = false
	b.showValues()
}

// togglePanel shows or hides the filters beyond the verdict; shown, the
// first of them takes the focus.
func (b *filterBar) togglePanel() {
	if b.panel.Visible() {
		b.panel.Hide()
		b.toggle.SetIcon(theme.MenuDropDownIcon())
	} else {
		b.panel.Show()
		b.toggle.SetIcon(theme.MenuDropUpIcon())
		b.m.win.Canvas().Focus(b.actor)
	}
	if b.relayout != nil {
		b.relayout()
	}
}

// showPanel shows the filters and focuses the first.
func (b *filterBar) showPanel() {
	if !b.panel.Visible() {
		b.togglePanel()
		return
	}
	b.m.win.Canvas().Focus(b.actor)
}

// update lists the reviewers the claims name, keeping the one chosen,
// and drops a chosen actor or source that no longer exists.
func (b *filterBar) update(reviewers []string) {
	b.setting = true
	defer func() { b.setting = false }()
	opts := append([]string{anyone}, reviewers...)
	b.reviewer.Options = opts
	if !slices.Contains(opts, b.reviewer.Selected) {
		b.reviewer.Selected = anyone
	}
	b.reviewer.Refresh()
	if _, ok := b.m.actorByID(b.actorID); !ok {
		b.actorID = ""
	}
	if !slices.ContainsFunc(b.m.sources, func(s model.Source) bool { return s.ID == b.sourceID }) {
		b.sourceID = ""
	}
	b.showValues()
}

func (b *filterBar) pickActor() {
	items := []pickItem{{label: "Any actor", fixed: true}}
	for _, a := range b.m.actors {
		label := a.Name
		if len(a.Aliases) > 0 {
			label += "  (" + strings.Join(a.Aliases, ", ") + ")"
		}
		items = append(items, pickItem{label: label, value: a.ID})
	}
	showPicker(b.m.win, "Filter by actor", "Type a name or alias…", items, b.actorID, func(it pickItem) {
		b.actorID = it.value
		b.changed()
		b.m.win.Canvas().Focus(b.actor)
	})
}

func (b *filterBar) pickSource() {
	items := []pickItem{{label: "Any source", fixed: true}}
	for _, s := range b.m.sources {
		items = append(items, pickItem{label: sourceLabel(s), value: s.ID})
	}
	showPicker(b.m.win, "Filter by source", "Type words of the title or the outlet…", items, b.sourceID, func(it pickItem) {
		b.sourceID = it.value
		b.changed()
		b.m.win.Canvas().Focus(b.source)
	})
}

func (b *filterBar) pickTag() {
	items := []pickItem{{label: "Any tag", fixed: true}}
	for _, t := range b.m.tags {
		items = append(items, pickItem{label: t, value: t})
	}
	showPicker(b.m.win, "Filter by tag", "Type a tag…", items, b.tagValue, func(it pickItem) {
		b.tagValue = it.value
		b.changed()
		b.m.win.Canvas().Focus(b.tag)
	})
}

// flowLayout places its objects in rows of cols cells of equal width,
// each row as high as its tallest object. Its host (topLayout) sets cols
// from the width it has before it measures it, so that its height is
// that of the rows it will lay out.
type flowLayout struct {
	cell float32 // the narrowest a cell should be
	cols int
}

// fit sets the number of columns for a width.
func (f *flowLayout) fit(width float32) {
	pad := theme.Padding()
	f.cols = max(1, int((width+pad)/(f.cell+pad)))
}

func (f *flowLayout) visible(objs []fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range objs {
		if o.Visible() {
			out = append(out, o)
		}
	}
	return out
}

func (f *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	cols := max(f.cols, 1)
	w := max((size.Width-pad*float32(cols-1))/float32(cols), 0)
	y := float32(0)
	vis := f.visible(objs)
	for i := 0; i < len(vis); i += cols {
		row := vis[i:min(i+cols, len(vis))]
		h := float32(0)
		for _, o := range row {
			h = max(h, o.MinSize().Height)
		}
		for j, o := range row {
			o.Move(fyne.NewPos(float32(j)*(w+pad), y))
			o.Resize(fyne.NewSize(w, h))
		}
		y += h + pad
	}
}

func (f *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	cols := max(f.cols, 1)
	pad := theme.Padding()
	vis := f.visible(objs)
	var w, h float32
	for i := 0; i < len(vis); i += cols {
		rowH := float32(0)
		for _, o := range vis[i:min(i+cols, len(vis))] {
			ms := o.MinSize()
			w = max(w, ms.Width)
			rowH = max(rowH, ms.Height)
		}
		h += rowH + pad
	}
	return fyne.NewSize(w, max(h-pad, 0))
}

// topLayout lays out a header (objs[0]) at its minimum height above a body
// (objs[1]) that takes the rest, first fitting the header's flow layouts
// to the width.
type topLayout struct{ flows []*flowLayout }

func (t *topLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, f := range t.flows {
		f.fit(size.Width)
	}
	head := objs[0].MinSize().Height
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, head))
	pad := theme.Padding()
	objs[1].Move(fyne.NewPos(0, head+pad))
	objs[1].Resize(fyne.NewSize(size.Width, max(size.Height-head-pad, 0)))
}

func (t *topLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+theme.Padding()+b.Height)
}
