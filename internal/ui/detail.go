package ui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/model"
)

// detailPane shows one claim: what was said, by whom, where; its
// counter-claims beside it when the pane is wide enough, under it when
// not; the verdict, tags and notes, which save as they are changed. The
// statement is shown once.
type detailPane struct {
	m       *mainWindow
	d       model.ClaimDetail
	loaded  bool
	content fyne.CanvasObject // the pane
	stack   *fyne.Container   // the empty message, or the claim in a scroll
	body    *fyne.Container   // the claim, inside scroll
	scroll  *container.Scroll
	empty   *widget.Label
	// wide is set while the counter-claims stand beside the claim.
	wide bool

	back, forward              *keyButton
	addCounter, link, deleteIt *keyButton
	statement                  *widget.Label
	quote                      *widget.Label
	facts                      *fyne.Container // actor, subjects, source, dates
	verdict                    *keySelect
	verdictChip                *chip
	verdictRow                 *fyne.Container // the chip's width changes with the verdict
	tags                       *tagsEntry
	claimCol, counterCol       *fyne.Container
	columns                    *fyne.Container // the two columns, side by side or stacked
	counters                   *fyne.Container
	answers                    *fyne.Container
	notes                      *fyne.Container
	noteEntry                  *keyEntry
	addNote                    *keyButton
	// drafts are notes begun and not added, by database and claim
	// (draftKey): moving to another claim, or another database, keeps the
	// one being written, and coming back shows it again.
	drafts     map[string]string
	timeline   *timelineSection
	review     *reviewFields
	history    *fyne.Container
	allHistory bool // show every change, not the newest few
	// counterCards are the counter-claims shown, for tests.
	counterCards []*claimCard

	settingVerdict bool // set while show fills the selector
}

// wideDetail is the pane width from which the counter-claims stand
// beside the claim.
const wideDetail = 720

func newDetailPane(m *mainWindow) *detailPane {
	d := &detailPane{m: m, drafts: map[string]string{}}
	d.back = newKeyButton("", theme.NavigateBackIcon(), m.goBack)
	d.forward = newKeyButton("", theme.NavigateNextIcon(), m.goForward)
	d.addCounter = newKeyButton("Counter-claim", theme.ContentAddIcon(), func() { m.newCounterClaim() })
	d.link = newKeyButton("Link…", theme.MailForwardIcon(), func() { m.linkExisting() })
	d.deleteIt = newKeyButton("Delete", theme.DeleteIcon(), m.confirmDelete)
	d.deleteIt.Importance = widget.DangerImportance
	d.statement = widget.NewLabel("")
	d.statement.Wrapping = fyne.TextWrapWord
	d.statement.TextStyle.Bold = true
	d.statement.SizeName = theme.SizeNameSubHeadingText
	d.quote = widget.NewLabel("")
	d.quote.Wrapping = fyne.TextWrapWord
	d.quote.TextStyle.Italic = true
	d.facts = container.New(layout.NewFormLayout())
	d.verdict = newKeySelect(verdictOptions("")[1:], d.onVerdictChanged)
	d.verdictChip = newChip()
	d.tags = newTagsEntry(d.commitTags)
	d.tags.OnSubmitted = func(string) {
		d.commitTags()
		m.focusList()
	}
	d.tags.onEscape = func() { // drops the typing: leaving by Escape saves nothing
		d.tags.load(d.tags.saved)
		m.focusList()
	}
	d.counters = container.NewVBox()
	d.timeline = newTimelineSection()
	d.answers = container.NewVBox()
	d.notes = container.NewVBox()
	d.noteEntry = newKeyMultiLineEntry()
	d.noteEntry.SetPlaceHolder("Add a note: what you checked, whom you asked, what is still open…  (Ctrl+Enter adds it)")
	d.noteEntry.SetMinRowsVisible(3)
	d.noteEntry.OnSubmitted = func(string) { d.onAddNote() }
	d.noteEntry.onEscape = m.focusList
	d.addNote = newKeyButton("Add note", theme.ContentAddIcon(), d.onAddNote)
	d.review = newReviewFields(d.commitReview, m.focusList)
	d.history = container.NewVBox()

	verdict := container.NewHBox(boldLabel("Verdict"), container.NewCenter(d.verdictChip), d.verdict)
	d.verdictRow = verdict
	tags := container.NewBorder(nil, nil, boldLabel("Tags"), nil, d.tags)
	nav := container.NewHBox(d.back, d.forward, layout.NewSpacer(), d.addCounter, d.link, d.deleteIt)
	d.claimCol = container.NewVBox(d.statement, d.quote, verdict, tags, d.facts, d.review.content)
	d.counterCol = container.NewVBox(d.counters, d.timeline.box, d.answers)
	d.columns = container.NewVBox(d.claimCol, d.counterCol)
	d.body = container.NewVBox(
		nav, d.columns,
		widget.NewSeparator(), heading("Notes"), d.notes, d.noteEntry, container.NewHBox(layout.NewSpacer(), d.addNote),
		widget.NewSeparator(), heading("History"), d.history,
	)
	d.scroll = container.NewVScroll(container.NewPadded(d.body))
	// Not wrapped: a wrapping label in a centring container would ask for
	// one line per character.
	d.empty = widget.NewLabel("Select a claim to see its counter-claims, verdict and notes.\nCtrl+F searches, Ctrl+N records a new claim.")
	d.empty.Alignment = fyne.TextAlignCenter
	d.stack = container.NewStack(container.NewCenter(d.empty))
	d.content = newWidthWatch(d.stack, d.fitWidth)
	d.updateNav()
	return d
}

// fitWidth puts the counter-claims beside the claim when the pane is wide
// enough, and under it when not.
func (d *detailPane) fitWidth(w float32) {
	wide := w >= wideDetail
	if wide == d.wide {
		return
	}
	d.wide = wide
	if wide {
		d.columns.Layout = layout.NewGridLayoutWithColumns(2)
	} else {
		d.columns.Layout = layout.NewVBoxLayout()
	}
	d.columns.Refresh()
}

// updateNav enables Back and Forward when there is a claim to go to.
func (d *detailPane) updateNav() {
	m := d.m
	if m.histPos > 0 {
		d.back.Enable()
	} else {
		d.back.Disable()
	}
	if m.histPos < len(m.history)-1 {
		d.forward.Enable()
	} else {
		d.forward.Disable()
	}
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
	d.keepDraft()
	d.loaded = false
	d.d = model.ClaimDetail{}
	d.stack.Objects = []fyne.CanvasObject{container.NewCenter(d.empty)}
	d.stack.Refresh()
}

// show reads the claim from the store and shows it.
func (d *detailPane) show(id string) {
	cd, err := d.m.st.ClaimDetail(d.m.ctx(), id)
	if err != nil && d.m.st.OnServer() && db.ConnectionLost(err) {
		d.m.setOffline(true) // keep what is shown; the watch shows it again when the server is back
		return
	}
	if err != nil {
		d.m.selected = ""
		d.clear()
		if !errors.Is(err, model.ErrNotFound) { // gone: deleted meanwhile, nothing to say
			d.m.showError("Could not show the claim", "", err)
		}
		return
	}
	sameClaim := d.loaded && d.d.Claim.ID == id
	if !sameClaim {
		d.keepDraft()
	}
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
	d.verdictChip.setVerdict(c.Verdict)
	d.verdictRow.Refresh()
	d.settingVerdict = false
	if !sameClaim || !d.tags.dirty() {
		d.tags.load(c.Tags)
	}
	if !sameClaim || !d.review.dirty() {
		d.review.load(c.Review)
	}
	if !sameClaim {
		d.allHistory = false
	}
	d.showCounters()
	d.timeline.show(cd)
	d.showNotes()
	d.showHistory()
	if !sameClaim {
		d.noteEntry.SetText(d.drafts[d.draftKey(id)])
	}
	if len(d.stack.Objects) != 1 || d.stack.Objects[0] != d.scroll {
		d.stack.Objects = []fyne.CanvasObject{d.scroll}
		d.stack.Refresh()
	}
	if !sameClaim {
		d.scroll.ScrollToTop()
	}
	d.updateNav()
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
		recorded += ", updated " + updated
	}
	add("Recorded", wrapped(recorded))
	d.facts.Objects = objs
	d.facts.Refresh()
}

// claimCard is one linked claim: how it answers (or is answered), who
// said it, what, its verdict and buttons to open it or remove the link.
type claimCard struct {
	relation, actor, statement *widget.Label
	verdict                    *chip
	open, unlink               *keyButton
	box                        fyne.CanvasObject
}

func newClaimCard(relation string, c model.Claim, actorName string, buttons ...*keyButton) *claimCard {
	k := &claimCard{
		relation:  widget.NewLabel(relation),
		actor:     boldLabel(actorName),
		statement: wrapped(c.Statement),
		verdict:   newChip(),
	}
	k.verdict.setVerdict(c.Verdict)
	k.relation.Importance = widget.HighImportance
	k.relation.TextStyle.Bold = true
	k.actor.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, nil, k.relation, nil, k.actor)
	if relation == "" {
		top = container.NewBorder(nil, nil, nil, nil, k.actor)
	}
	indent := canvas.NewRectangle(color.Transparent)
	indent.SetMinSize(fyne.NewSize(theme.InnerPadding()-theme.Padding(), 0))
	bottom := container.NewHBox(indent, container.NewCenter(k.verdict), layout.NewSpacer())
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

// showCounters lists the counter-claims, each with its relation, actor
// and verdict, then the supporting claims and the claims this one
// answers.
func (d *detailPane) showCounters() {
	cd := d.d
	d.counterCards = nil
	counters := cd.Counters()
	objs := []fyne.CanvasObject{heading(counterTitle(len(counters)))}
	for _, r := range counters {
		k := d.relatedCard(r, true)
		d.counterCards = append(d.counterCards, k)
		objs = append(objs, k.box)
	}
	if len(counters) == 0 {
		objs = append(objs, wrapped("When someone denies, disputes or contradicts this claim, record what they said with “Counter-claim” (Ctrl+Shift+N), or link a claim already here (Ctrl+L)."))
	}
	d.counters.Objects = objs

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
	d.answers.Refresh()
}

// relatedCard shows a linked claim with buttons to open it and to remove
// the link. answersThis tells the direction of the link.
func (d *detailPane) relatedCard(r model.Related, answersThis bool) *claimCard {
	other := r.Claim
	open := newKeyButton("Open", theme.NavigateNextIcon(), func() { d.m.openClaim(other.ID) })
	unlink := newKeyButton("Unlink", theme.ContentRemoveIcon(), func() {
		from, to := other.ID, d.d.Claim.ID
		if !answersThis {
			from, to = to, from
		}
		d.m.confirmUnlink(from, to, r.ActorName)
	})
	if d.m.rec.readOnly {
		unlink.Disable()
	}
	k := newClaimCard(relationVerb(r.Relation), other, r.ActorName, open, unlink)
	k.open, k.unlink = open, unlink
	return k
}

// setEditable enables the pane's controls that change the claim, or, in a
// viewer's window, disables them: what cannot be changed does not look as
// if it could. (Its keys still say why when pressed.)
func (d *detailPane) setEditable(ok bool) {
	ws := []fyne.Disableable{d.addCounter, d.link, d.deleteIt, d.verdict, d.tags, d.noteEntry, d.addNote,
		d.review.url, d.review.date, d.review.explanation}
	for _, k := range d.counterCards {
		ws = append(ws, k.unlink)
	}
	for _, w := range ws {
		if ok {
			w.Enable()
		} else {
			w.Disable()
		}
	}
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
	edited := d.d.Claim
	edited.Verdict = v
	d.save("the verdict", d.d.Claim, edited, func() {
		d.settingVerdict = true
		d.verdict.SetSelected(d.d.Claim.Verdict.Label())
		d.settingVerdict = false
	})
}

// save writes the fields of edited that differ from shown, and no others
// (Store.EditClaim). shown is the claim as the person saw it when the edit
// began: for a field typed into, the value the typing started from, even
// when the pane was refreshed meanwhile. When someone changed one of the
// same fields since, it shows both versions and lets the person keep
// theirs or save over it; undo puts the widget back when the save does
// not happen.
func (d *detailPane) save(what string, shown, edited model.Claim, undo func()) {
	err := d.m.write("save "+what, func(ctx context.Context) error { return d.m.st.EditClaim(ctx, shown, edited) })
	var stale *db.StaleError
	switch {
	case errors.As(err, &stale):
		id := shown.ID
		mine := func() {
			cur, err := d.m.st.Claim(d.m.ctx(), id)
			if err != nil {
				d.m.showError("Could not save "+what, "", err)
				return
			}
			next := cur
			for _, f := range model.ChangedFields(&shown, &edited) {
				f.Set(&next, f.Get(&edited))
			}
			if err := d.m.write("save "+what, func(ctx context.Context) error { return d.m.st.EditClaim(ctx, cur, next) }); err != nil {
				d.m.showError("Could not save "+what, "", err)
			}
			d.m.changed()
		}
		showStale(d.m.win, stale, func(f, v string) string { return d.m.fieldText(model.ClaimField(f), v) }, mine, d.m.changed)
	case err != nil:
		d.m.showError("Could not save "+what, "Try again; if it keeps failing, reopen the database.", err)
		undo()
	default:
		d.d.Claim = edited
		d.verdictChip.setVerdict(d.d.Claim.Verdict)
		d.verdictRow.Refresh()
		d.m.changed()
	}
}

// fieldText is a claim field's stored value as a person reads it: actor
// and source ids as names.
func (m *mainWindow) fieldText(f model.ClaimField, v string) string {
	switch f {
	case model.FieldActor:
		if a, ok := m.actorByID(v); ok {
			return a.Name
		}
	case model.FieldSource:
		for _, s := range m.sources {
			if s.ID == v {
				return s.Title
			}
		}
	case model.FieldVerdict:
		return model.Verdict(v).Label()
	}
	return v
}

// setVerdict sets the shown claim's verdict, as choosing it does.
func (d *detailPane) setVerdict(v model.Verdict) {
	if d.loaded {
		d.verdict.SetSelected(v.Label())
	}
}

// commitTags saves the tags entry when it was edited.
func (d *detailPane) commitTags() {
	if !d.loaded || !d.tags.dirty() {
		return
	}
	norm, err := model.NormaliseTags(d.tags.values())
	if err != nil {
		d.m.showError("Could not save the tags", "Tags are separated by commas and may not contain semicolons or line breaks.", err)
		return
	}
	shown, edited := d.d.Claim, d.d.Claim
	shown.Tags = d.tags.saved // what the typing started from
	edited.Tags = norm
	d.tags.load(norm) // saved, or shown again by the reload after a refusal
	d.save("the tags", shown, edited, func() { d.tags.load(d.d.Claim.Tags) })
}

// commitReview saves the review fields when they were edited.
func (d *detailPane) commitReview() {
	if !d.loaded || !d.review.dirty() {
		return
	}
	shown, edited := d.d.Claim, d.d.Claim
	shown.Review = d.review.saved // what the typing started from
	edited.Review = d.review.values()
	if err := edited.Review.Validate(); err != nil {
		d.m.showError("Could not save the review", "The review URL starts with http:// or https://; the date reads like 2024, 2024-03 or 2024-03-26.", err)
		return
	}
	d.review.load(edited.Review)
	d.save("the review", shown, edited, func() { d.review.load(d.d.Claim.Review) })
}

// showHistory lists the claim's recorded changes, newest first: the
// newest few, or all of them.
func (d *detailPane) showHistory() {
	changes, err := d.m.st.History(d.m.ctx(), d.d.Claim.ID)
	if err != nil {
		d.history.Objects = []fyne.CanvasObject{wrapped("The history could not be read: " + err.Error())}
		d.history.Refresh()
		return
	}
	const few = 6
	var objs []fyne.CanvasObject
	for i := len(changes) - 1; i >= 0; i-- {
		if !d.allHistory && len(objs) == few {
			more := newKeyButton(fmt.Sprintf("Show all %d changes", len(changes)), nil, func() {
				d.allHistory = true
				d.showHistory()
			})
			objs = append(objs, container.NewHBox(more))
			break
		}
		l := wrapped(d.m.historyText(changes[i], d.d.Claim.ID))
		l.SizeName = theme.SizeNameCaptionText
		objs = append(objs, l)
	}
	if len(changes) == 0 {
		objs = append(objs, wrapped("No change recorded (the claim was made before the history was kept)."))
	}
	d.history.Objects = objs
	d.history.Refresh()
}

// keepDraft keeps the note being written on the claim shown, or forgets
// an emptied one.
func (d *detailPane) keepDraft() {
	if !d.loaded {
		return
	}
	if k := d.draftKey(d.d.Claim.ID); strings.TrimSpace(d.noteEntry.Text) != "" {
		d.drafts[k] = d.noteEntry.Text
	} else {
		delete(d.drafts, k)
	}
}

func (d *detailPane) draftKey(claimID string) string { return d.m.st.Path() + "\n" + claimID }

func (d *detailPane) onAddNote() {
	text := strings.TrimSpace(d.noteEntry.Text)
	if !d.loaded {
		return
	}
	if text == "" {
		d.m.win.Canvas().Focus(d.noteEntry)
		return
	}
	claimID, draft := d.d.Claim.ID, d.draftKey(d.d.Claim.ID)
	askReviewer(d.m.app, d.m.win, func(name string) {
		n := &model.Annotation{ClaimID: claimID, Author: name, Text: text}
		if err := d.m.write("add a note", func(ctx context.Context) error { return d.m.st.AddNote(ctx, n) }); err != nil {
			d.m.showError("Could not add the note", "", err)
			return
		}
		delete(d.drafts, draft)
		if d.d.Claim.ID == claimID {
			d.noteEntry.SetText("")
		}
		d.m.changed()
		d.m.focusList()
	})
}

// tagsEntry is the tags box: comma-separated tags, saved on Enter (which
// then gives the list the focus back) and when the box loses focus.
type tagsEntry struct {
	keyEntry
	saved    []string
	onCommit func()
}

func newTagsEntry(onCommit func()) *tagsEntry {
	e := &tagsEntry{onCommit: onCommit}
	e.owner = e
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("comma-separated, e.g. pakistan, ttp (Ctrl+T; Enter saves)")
	e.onFocusLost = onCommit
	return e
}

func (e *tagsEntry) load(tags []string) {
	e.saved = slices.Clone(tags)
	e.SetText(strings.Join(tags, ", "))
}

// addAtEnd readies the box for one more tag: a comma after the tags there
// and the cursor after it. Ctrl+T left the cursor before the first tag,
// so "checked" typed there made "security" into "checkedsecurity".
func (e *tagsEntry) addAtEnd() {
	if t := strings.TrimRight(e.Text, " "); t != "" && !strings.HasSuffix(t, ",") {
		e.SetText(t + ", ")
	}
	e.CursorRow, e.CursorColumn = 0, utf8.RuneCountInString(e.Text)
	e.Refresh()
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

// confirmDelete asks before deleting the selected claim (Enter deletes,
// Escape keeps it).
func (m *mainWindow) confirmDelete() {
	if m.selected == "" || !m.detail.loaded || blockedBy(m.win.Canvas()) {
		return
	}
	c := m.detail.d.Claim
	msg := fmt.Sprintf("Delete this claim by %s?\n\n“%s”\n\nIt goes to the Trash (Edit → Trash…) with its notes and links, and can be put back; the claims that answer it stay.",
		m.detail.d.Actor.Name, ellipsis(c.Statement, 160))
	ask(m.win, "Delete claim", msg, "Delete", func() { m.deleteClaim(c.ID) })
}

func (m *mainWindow) deleteClaim(id string) {
	if err := m.write("delete a claim", func(ctx context.Context) error { return m.st.DeleteClaim(ctx, id) }); err != nil {
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
	ask(m.win, "Unlink claims", fmt.Sprintf("Remove the link to %s's claim?\n\nBoth claims stay; only the link goes.", actor),
		"Unlink", func() { m.unlink(fromID, toID) })
}

func (m *mainWindow) unlink(fromID, toID string) {
	if err := m.write("unlink claims", func(ctx context.Context) error { return m.st.Unlink(ctx, fromID, toID) }); err != nil {
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
