package ui

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/model"
)

// detailPane shows one claim: what was said, by whom, where; its
// counter-claims side by side; the verdict, tags and notes, which save as
// they are changed.
type detailPane struct {
	m       *mainWindow
	d       model.ClaimDetail
	loaded  bool
	content *fyne.Container // the pane
	body    *fyne.Container // the claim, inside a scroll
	scroll  *container.Scroll
	empty   *widget.Label

	statement *widget.Label
	quote     *widget.Label
	facts     *fyne.Container // actor, subjects, source, dates
	verdict   *widget.Select
	tags      *tagsEntry
	counters  *fyne.Container
	timeline  *timelineSection
	answers   *fyne.Container
	notes     *fyne.Container
	noteEntry *widget.Entry
	addNote   *widget.Button
	// counterCards are the counter-claims shown, for tests.
	counterCards []*claimCard

	settingVerdict bool // set while show fills the selector
}

func newDetailPane(m *mainWindow) *detailPane {
	d := &detailPane{m: m}
	d.statement = widget.NewLabel("")
	d.statement.Wrapping = fyne.TextWrapWord
	d.statement.TextStyle.Bold = true
	d.statement.SizeName = theme.SizeNameSubHeadingText
	d.quote = widget.NewLabel("")
	d.quote.Wrapping = fyne.TextWrapWord
	d.quote.TextStyle.Italic = true
	d.facts = container.New(layout.NewFormLayout())
	labels := verdictOptions("")[1:]
	d.verdict = widget.NewSelect(labels, d.onVerdictChanged)
	d.tags = newTagsEntry(d.commitTags)
	d.counters = container.NewVBox()
	d.timeline = newTimelineSection()
	d.answers = container.NewVBox()
	d.notes = container.NewVBox()
	d.noteEntry = widget.NewMultiLineEntry()
	d.noteEntry.SetPlaceHolder("Add a note: what you checked, whom you asked, what is still open…")
	d.noteEntry.Wrapping = fyne.TextWrapWord
	d.noteEntry.SetMinRowsVisible(3)
	d.addNote = widget.NewButtonWithIcon("Add note", theme.ContentAddIcon(), d.onAddNote)

	// Verdict and tags share one row, so that the claim and its
	// counter-claims fit on a 1280×800 screen without scrolling.
	review := container.NewBorder(nil, nil,
		container.NewHBox(boldLabel("Verdict"), d.verdict, boldLabel("Tags")), nil, d.tags)
	actions := container.NewHBox(
		widget.NewButtonWithIcon("Add counter-claim", theme.ContentAddIcon(), func() { m.newCounterClaim() }),
		widget.NewButtonWithIcon("Link existing claim…", theme.MailForwardIcon(), func() { m.linkExisting() }),
		layout.NewSpacer(),
		&widget.Button{Text: "Delete claim", Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: m.confirmDelete},
	)
	// The facts (who, about whom, where, when) sit in the contradictions
	// section under the claim's own card, beside its counter-claims.
	d.body = container.NewVBox(
		d.statement, d.quote, review,
		widget.NewSeparator(), heading("Contradictions"), d.counters, actions, d.timeline.box,
		widget.NewSeparator(), heading("Notes"), d.notes, d.noteEntry, container.NewHBox(layout.NewSpacer(), d.addNote),
	)
	d.scroll = container.NewVScroll(container.NewPadded(d.body))
	// Not wrapped: a wrapping label in a centring container would ask for
	// one line per character.
	d.empty = widget.NewLabel("Select a claim to see its counter-claims, verdict and notes.\nCtrl+F searches, Ctrl+N records a new claim.")
	d.empty.Alignment = fyne.TextAlignCenter
	d.content = container.NewStack(container.NewCenter(d.empty))
	return d
}

func heading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func boldLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// clear shows no claim.
func (d *detailPane) clear() {
	d.loaded = false
	d.d = model.ClaimDetail{}
	d.content.Objects = []fyne.CanvasObject{container.NewCenter(d.empty)}
	d.content.Refresh()
}

// show reads the claim from the store and shows it.
func (d *detailPane) show(id string) {
	cd, err := d.m.st.ClaimDetail(d.m.ctx(), id)
	if err != nil {
		d.m.selected = ""
		d.clear()
		if !errors.Is(err, model.ErrNotFound) { // gone: deleted meanwhile, nothing to say
			d.m.showError("Could not show the claim", "", err)
		}
		return
	}
	sameClaim := d.loaded && d.d.Claim.ID == id
	d.d, d.loaded = cd, true
	c := cd.Claim
	d.statement.SetText(c.Statement)
	if c.Quote != "" {
		d.quote.SetText("“" + c.Quote + "”")
		d.quote.Show()
	} else {
		d.quote.Hide()
	}
	d.showFacts()

	d.settingVerdict = true
	d.verdict.SetSelected(c.Verdict.Label())
	d.settingVerdict = false
	if !sameClaim || !d.tags.dirty() {
		d.tags.load(c.Tags)
	}
	d.showCounters()
	d.timeline.show(cd)
	d.showNotes()
	if !sameClaim {
		d.noteEntry.SetText("")
	}
	if len(d.content.Objects) != 1 || d.content.Objects[0] != d.scroll {
		d.content.Objects = []fyne.CanvasObject{d.scroll}
		d.content.Refresh()
	}
	if !sameClaim {
		d.scroll.ScrollToTop()
	}
}

func (d *detailPane) showFacts() {
	cd := d.d
	var objs []fyne.CanvasObject
	add := func(key string, value fyne.CanvasObject) { objs = append(objs, boldLabel(key), value) }
	actor := cd.Actor.Name
	if len(cd.Actor.Aliases) > 0 {
		actor += "  (also: " + strings.Join(cd.Actor.Aliases, ", ") + ")"
	}
	add("Said by", wrapped(actor))
	if len(cd.Subjects) > 0 {
		var names []string
		for _, s := range cd.Subjects {
			names = append(names, s.Name)
		}
		add("About", wrapped(strings.Join(names, ", ")))
	}
	if src := cd.Source; src != nil {
		line := src.Title
		var extra []string
		if src.Outlet != "" {
			extra = append(extra, src.Outlet)
		}
		if src.Published != "" {
			extra = append(extra, src.Published)
		}
		if len(extra) > 0 {
			line += " — " + strings.Join(extra, ", ")
		}
		box := container.NewVBox(wrapped(line))
		if src.URL != "" {
			if u, err := url.Parse(src.URL); err == nil && model.IsWebURL(src.URL) {
				link := widget.NewHyperlink(src.URL, u)
				link.Truncation = fyne.TextTruncateEllipsis
				box.Add(link)
			} else {
				box.Add(wrapped(src.URL + " (not a web address; not opened)"))
			}
		}
		add("Source", box)
	} else {
		add("Source", wrapped("none recorded"))
	}
	if cd.Claim.MadeOn != "" {
		add("Made on", wrapped(cd.Claim.MadeOn))
	}
	const stamp = "2006-01-02 15:04"
	recorded := cd.Claim.CreatedAt.Local().Format(stamp)
	if updated := cd.Claim.UpdatedAt.Local().Format(stamp); updated != recorded {
		recorded += ",\nupdated " + updated
	}
	add("Recorded", wrapped(recorded))
	d.facts.Objects = objs
	d.facts.Refresh()
}

// claimCard is one claim in the contradictions section.
type claimCard struct {
	relation, actor, statement, verdict *widget.Label
	open, unlink                        *widget.Button
	box                                 fyne.CanvasObject
}

func newClaimCard(relation string, c model.Claim, actorName string, buttons ...*widget.Button) *claimCard {
	k := &claimCard{
		relation:  widget.NewLabel(relation),
		actor:     boldLabel(actorName),
		statement: wrapped(c.Statement),
		verdict:   widget.NewLabel("Verdict: " + c.Verdict.Label()),
	}
	k.relation.Importance = widget.HighImportance
	k.relation.TextStyle.Bold = true
	k.actor.Wrapping = fyne.TextWrapWord
	k.verdict.Importance = verdictImportance(c.Verdict)
	top := container.NewBorder(nil, nil, k.relation, nil, k.actor)
	if relation == "" {
		top = container.NewBorder(nil, nil, nil, nil, k.actor)
	}
	bottom := container.NewHBox(k.verdict, layout.NewSpacer())
	for _, b := range buttons {
		bottom.Add(b)
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	k.box = container.NewStack(bg, container.NewVBox(top, k.statement, bottom))
	return k
}

func verdictImportance(v model.Verdict) widget.Importance {
	switch v {
	case model.True, model.MostlyTrue:
		return widget.SuccessImportance
	case model.False, model.Misleading:
		return widget.DangerImportance
	case model.Mixed:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// counterTitle heads the counter-claims column: "3 counter-claims".
func counterTitle(n int) string {
	switch n {
	case 0:
		return "No counter-claim yet"
	case 1:
		return "1 counter-claim"
	}
	return fmt.Sprintf("%d counter-claims", n)
}

// relationVerb says how a counter-claim answers the claim: "denies".
func relationVerb(r model.Relation) string { return strings.ToUpper(string(r)) }

// showCounters lays the claim and its counter-claims side by side: the
// claim on the left with its facts; on the right each counter-claim with
// its relation, actor and verdict, then the supporting claims and the
// claims this one answers.
func (d *detailPane) showCounters() {
	cd := d.d
	d.counterCards = nil
	counters := cd.Counters()
	right := []fyne.CanvasObject{boldLabel(counterTitle(len(counters)))}
	for _, r := range counters {
		k := d.relatedCard(r, true)
		d.counterCards = append(d.counterCards, k)
		right = append(right, k.box)
	}
	if len(counters) == 0 {
		right = append(right, wrapped("When someone denies, disputes or contradicts this claim, record what they said with “Add counter-claim”, or link a claim already here."))
	}
	this := newClaimCard("", cd.Claim, cd.Actor.Name)
	left := container.NewVBox(boldLabel("This claim"), this.box, d.facts)
	// The supporting claims and the claims this one answers follow the
	// counter-claims in the right-hand column.
	right = append(right, d.answers)
	d.counters.Objects = []fyne.CanvasObject{container.NewGridWithColumns(2, left, container.NewVBox(right...))}

	var more []fyne.CanvasObject
	var supports []fyne.CanvasObject
	for _, r := range cd.AnsweredBy {
		if !r.Relation.Opposes() {
			supports = append(supports, d.relatedCard(r, true).box)
		}
	}
	if len(supports) > 0 {
		more = append(more, boldLabel("Supported by"))
		more = append(more, supports...)
	}
	if len(cd.Answers) > 0 {
		more = append(more, boldLabel("This claim answers"))
		for _, r := range cd.Answers {
			more = append(more, d.relatedCard(r, false).box)
		}
	}
	d.answers.Objects = more
	d.counters.Refresh()
}

// relatedCard shows a linked claim with buttons to open it and to remove
// the link. answersThis tells the direction of the link.
func (d *detailPane) relatedCard(r model.Related, answersThis bool) *claimCard {
	other := r.Claim
	open := widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), func() { d.m.openClaim(other.ID) })
	unlink := widget.NewButtonWithIcon("Unlink", theme.ContentRemoveIcon(), func() {
		from, to := other.ID, d.d.Claim.ID
		if !answersThis {
			from, to = to, from
		}
		d.m.confirmUnlink(from, to, r.ActorName)
	})
	k := newClaimCard(relationVerb(r.Relation), other, r.ActorName, open, unlink)
	k.open, k.unlink = open, unlink
	return k
}

func (d *detailPane) showNotes() {
	var objs []fyne.CanvasObject
	if len(d.d.Notes) == 0 {
		objs = append(objs, wrapped("No notes yet."))
	}
	for _, n := range d.d.Notes {
		head := widget.NewLabel(n.Author + " · " + n.CreatedAt.Local().Format("2006-01-02 15:04"))
		head.TextStyle.Bold = true
		objs = append(objs, head, wrapped(n.Text))
	}
	d.notes.Objects = objs
	d.notes.Refresh()
}

func (d *detailPane) onVerdictChanged(label string) {
	if d.settingVerdict || !d.loaded {
		return
	}
	v, err := model.ParseVerdict(label)
	if err != nil || v == d.d.Claim.Verdict {
		return
	}
	if err := d.m.st.SetVerdict(d.m.ctx(), d.d.Claim.ID, v); err != nil {
		d.m.showError("Could not save the verdict", "Try again; if it keeps failing, reopen the database.", err)
		d.settingVerdict = true
		d.verdict.SetSelected(d.d.Claim.Verdict.Label())
		d.settingVerdict = false
		return
	}
	d.d.Claim.Verdict = v
	d.m.changed()
}

// commitTags saves the tags entry when it was edited.
func (d *detailPane) commitTags() {
	if !d.loaded || !d.tags.dirty() {
		return
	}
	tags := d.tags.values()
	if err := d.m.st.SetTags(d.m.ctx(), d.d.Claim.ID, tags); err != nil {
		d.m.showError("Could not save the tags", "Tags are separated by commas and may not contain semicolons or line breaks.", err)
		return
	}
	norm, _ := model.NormaliseTags(tags)
	d.d.Claim.Tags = norm
	d.tags.load(norm)
	d.m.changed()
}

func (d *detailPane) onAddNote() {
	text := strings.TrimSpace(d.noteEntry.Text)
	if !d.loaded {
		return
	}
	if text == "" {
		d.m.win.Canvas().Focus(d.noteEntry)
		return
	}
	claimID := d.d.Claim.ID
	askReviewer(d.m.app, d.m.win, func(name string) {
		n := &model.Annotation{ClaimID: claimID, Author: name, Text: text}
		if err := d.m.st.AddNote(d.m.ctx(), n); err != nil {
			d.m.showError("Could not add the note", "", err)
			return
		}
		if d.d.Claim.ID == claimID {
			d.noteEntry.SetText("")
		}
		d.m.changed()
	})
}

// tagsEntry is the tags box: comma-separated tags, saved on Enter and when
// the box loses focus.
type tagsEntry struct {
	widget.Entry
	saved    []string
	onCommit func()
}

func newTagsEntry(onCommit func()) *tagsEntry {
	e := &tagsEntry{onCommit: onCommit}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("comma-separated, e.g. pakistan, ttp — saved when you press Enter or leave the box")
	e.OnSubmitted = func(string) { onCommit() }
	return e
}

// FocusLost saves the tags.
func (e *tagsEntry) FocusLost() {
	e.Entry.FocusLost()
	e.onCommit()
}

func (e *tagsEntry) load(tags []string) {
	e.saved = slices.Clone(tags)
	e.SetText(strings.Join(tags, ", "))
}

func (e *tagsEntry) values() []string {
	var out []string
	for _, t := range strings.Split(e.Text, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func (e *tagsEntry) dirty() bool {
	norm, err := model.NormaliseTags(e.values())
	return err != nil || !slices.Equal(norm, e.saved)
}

// confirmDelete asks before deleting the selected claim.
func (m *mainWindow) confirmDelete() {
	if m.selected == "" || !m.detail.loaded {
		return
	}
	c := m.detail.d.Claim
	msg := fmt.Sprintf("Delete this claim by %s?\n\n“%s”\n\nIts notes and links go with it; the claims that answer it stay.",
		m.detail.d.Actor.Name, ellipsis(c.Statement, 160))
	dialog.ShowConfirm("Delete claim", msg, func(ok bool) {
		if ok {
			m.deleteClaim(c.ID)
		}
	}, m.win)
}

func (m *mainWindow) deleteClaim(id string) {
	if err := m.st.DeleteClaim(m.ctx(), id); err != nil {
		m.showError("Could not delete the claim", "", err)
		return
	}
	if m.selected == id {
		m.selected = ""
		m.detail.clear()
	}
	m.changed()
}

func (m *mainWindow) confirmUnlink(fromID, toID, actor string) {
	dialog.ShowConfirm("Unlink claims", fmt.Sprintf("Remove the link to %s's claim?\n\nBoth claims stay; only the link goes.", actor),
		func(ok bool) {
			if ok {
				m.unlink(fromID, toID)
			}
		}, m.win)
}

func (m *mainWindow) unlink(fromID, toID string) {
	if err := m.st.Unlink(m.ctx(), fromID, toID); err != nil {
		m.showError("Could not unlink the claims", "", err)
		return
	}
	m.changed()
}

// ellipsis shortens s to at most n runes.
func ellipsis(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
