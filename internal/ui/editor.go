package ui

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/dedupe"
	"claims/internal/model"
	"claims/internal/search"
)

const (
	noSource  = "No source"
	newSource = "New source…"
)

// claimEditor is the New claim and Add counter-claim dialog. It saves the
// claim, any new actors and source, and the link, in one transaction.
// Every field is reached with Tab; the actor boxes complete names with
// Up, Down and Enter; Enter (Ctrl+Enter in the statement and the quote)
// saves and Escape cancels.
type claimEditor struct {
	m *mainWindow
	// answering is the claim a counter-claim answers; nil for a new claim.
	answering *model.ClaimDetail

	statement, quote                     *keyEntry
	madeOn, tags                         *keyEntry
	actor                                *actorPicker
	subjects                             *subjectsPicker
	source                               *keyButton
	sourceChoice                         string // noSource, newSource or a source id
	srcTitle, srcOutlet, srcURL, srcDate *keyEntry
	srcBox                               *fyne.Container
	verdict, relation                    *keySelect
	errLabel                             *widget.Label
	frame                                *fyne.Container // the form's scroll, the error and the hint
	// dups lists existing claims that look like the one being written,
	// shown on the first Save; dupsShown is the statement they were
	// found for (editing it asks again).
	dups         *fyne.Container
	dupsShown    string
	save, cancel *keyButton
	dlg          *modal
	scroll       *container.Scroll
}

// newClaim opens the New claim dialog.
func (m *mainWindow) newClaim() { m.openEditor(nil) }

// newCounterClaim opens the dialog for a claim answering the selected one.
func (m *mainWindow) newCounterClaim() {
	if !m.detail.loaded {
		inform(m.win, "Add counter-claim", "Select the claim that is denied or disputed first.")
		return
	}
	d := m.detail.d
	m.openEditor(&d)
}

func (m *mainWindow) openEditor(answering *model.ClaimDetail) *claimEditor {
	m.detail.commitTags()
	e := &claimEditor{m: m, answering: answering, sourceChoice: noSource}
	e.statement = newKeyMultiLineEntry()
	e.statement.SetMinRowsVisible(2)
	e.statement.SetPlaceHolder("What is asserted, in your words")
	e.quote = newKeyMultiLineEntry()
	e.quote.SetMinRowsVisible(2)
	e.quote.SetPlaceHolder("The verbatim words from the source (optional)")
	e.actor = newActorPicker(m.actors)
	e.subjects = newSubjectsPicker(m.actors)
	e.madeOn = newKeyEntry()
	e.madeOn.SetPlaceHolder("YYYY, YYYY-MM or YYYY-MM-DD (optional)")
	e.tags = newKeyEntry()
	e.tags.SetPlaceHolder("comma-separated, e.g. pakistan, ttp (optional)")

	e.srcTitle, e.srcOutlet, e.srcURL, e.srcDate = newKeyEntry(), newKeyEntry(), newKeyEntry(), newKeyEntry()
	e.srcTitle.SetPlaceHolder("Headline of the article (required)")
	e.srcOutlet.SetPlaceHolder("e.g. Dawn (optional)")
	e.srcURL.SetPlaceHolder("https://… (optional)")
	e.srcDate.SetPlaceHolder("Publication date, YYYY-MM-DD (optional)")
	e.srcBox = container.New(layout.NewFormLayout(),
		widget.NewLabel("Title"), e.srcTitle, widget.NewLabel("Outlet"), e.srcOutlet,
		widget.NewLabel("URL"), e.srcURL, widget.NewLabel("Published"), e.srcDate)
	e.srcBox.Hide()
	e.source = newKeyButton(noSource, theme.MenuDropDownIcon(), e.pickSource)
	e.source.Alignment = widget.ButtonAlignLeading
	e.source.IconPlacement = widget.ButtonIconTrailingText
	e.verdict = newKeySelect(verdictOptions("")[1:], nil)
	e.verdict.SetSelected(model.Unreviewed.Label())
	var rels []string
	for _, r := range model.Relations() {
		rels = append(rels, string(r))
	}
	e.relation = newKeySelect(rels, nil)
	e.relation.SetSelected(string(model.Denies))
	e.errLabel = widget.NewLabel("")
	e.errLabel.Importance = widget.DangerImportance
	e.errLabel.Wrapping = fyne.TextWrapWord
	e.errLabel.Hide()
	e.dups = container.NewVBox()
	e.dups.Hide()
	e.dupsShown = "\x00" // no statement checked yet

	title := "New claim"
	var head []fyne.CanvasObject
	items := []fyne.CanvasObject{}
	row := func(label string, w fyne.CanvasObject) { items = append(items, boldLabel(label), w) }
	if answering != nil {
		title = "Add counter-claim"
		head = append(head, wrapped(fmt.Sprintf("Answering %s: “%s”", answering.Actor.Name, ellipsis(answering.Claim.Statement, 200))))
		row("Relation", container.NewHBox(e.relation))
		// The counter-claim is usually about the one who made the claim.
		e.subjects.entry.SetText(answering.Actor.Name)
		e.subjects.entry.CursorColumn = len([]rune(answering.Actor.Name))
		if answering.Claim.SourceID != "" {
			e.setSource(answering.Claim.SourceID)
		}
	}
	row("Said by", e.actor.content)
	row("Statement", e.statement)
	row("Quote", e.quote)
	row("About", e.subjects.content)
	row("Source", e.source)
	srcLabel := widget.NewLabel("")
	items = append(items, srcLabel, e.srcBox) // a row hidden until "New source…" is chosen
	row("Made on", e.madeOn)
	row("Tags", e.tags)
	row("Verdict", container.NewHBox(e.verdict))
	form := container.New(layout.NewFormLayout(), items...)

	e.save = newKeyButton("Save", theme.DocumentSaveIcon(), e.onSave)
	e.save.Importance = widget.HighImportance
	e.cancel = newKeyButton("Cancel", nil, func() { e.dlg.hide() })
	body := container.NewVBox(append(head, form, e.dups)...)
	e.scroll = container.NewVScroll(body)
	// Suggestions and the new-source fields change the form's height.
	e.actor.onResize = e.scroll.Refresh
	e.subjects.onResize = e.scroll.Refresh
	srcLabel.Hide()
	e.statement.OnChanged = func(string) {
		if !e.dups.Hidden {
			e.dups.Hide()
			e.save.SetText("Save")
			e.scroll.Refresh()
		}
	}
	hint := widget.NewLabel("Tab: next field · Enter: save (Ctrl+Enter in the statement and quote) · Escape: cancel")
	hint.SizeName = theme.SizeNameCaptionText
	hint.Wrapping = fyne.TextWrapWord
	// The mistake that stopped a save stands above the hint, out of the
	// scroll: at the foot of a form taller than the dialog it was out of
	// sight, and Enter seemed to do nothing.
	content := container.NewBorder(nil, container.NewVBox(e.errLabel, hint), nil, nil, e.scroll)
	e.frame = content
	e.dlg = newModal(m.win, title, content, e.onSave, nil, e.cancel, e.save)
	e.dlg.show(fyne.NewSize(780, 680))
	m.win.Canvas().Focus(e.actor.entry)
	return e
}

// pickSource chooses the source in a picker with a search box.
func (e *claimEditor) pickSource() {
	items := []pickItem{{label: noSource, value: noSource, fixed: true}, {label: newSource, value: newSource, fixed: true}}
	for _, s := range e.m.sources {
		items = append(items, pickItem{label: sourceLabel(s), value: s.ID})
	}
	showPicker(e.m.win, "Source of the claim", "Type words of the title or the outlet…", items, e.sourceChoice, func(it pickItem) {
		e.setSource(it.value)
		if it.value == newSource {
			e.m.win.Canvas().Focus(e.srcTitle)
		} else {
			e.m.win.Canvas().Focus(e.source)
		}
	})
}

// setSource shows the choice: none, a new source, or a recorded one.
func (e *claimEditor) setSource(choice string) {
	e.sourceChoice = choice
	label := choice
	for _, s := range e.m.sources {
		if s.ID == choice {
			label = sourceLabel(s)
		}
	}
	e.source.SetText(label)
	e.srcBox.Hidden = choice != newSource
	if e.scroll != nil {
		e.scroll.Refresh()
	}
}

func sourceLabel(s model.Source) string {
	l := s.Title
	if s.Outlet != "" {
		l += " — " + s.Outlet
	}
	if s.Published != "" {
		l += " (" + s.Published + ")"
	}
	return ellipsis(l, 90)
}

func (e *claimEditor) fail(msg string) {
	e.errLabel.SetText(msg)
	e.errLabel.Show()
	e.frame.Layout.Layout(e.frame.Objects, e.frame.Size()) // the form gives up the room it takes
	e.frame.Refresh()
}

func (e *claimEditor) onSave() {
	if e.save.Disabled() {
		return // the look for duplicates is under way
	}
	e.errLabel.Hide() // a mistake from the last try, now perhaps put right
	actorName := strings.TrimSpace(e.actor.entry.Text)
	if actorName == "" {
		e.fail("Who said it? Type the actor's name (or an alias) in “Said by”.")
		return
	}
	if strings.TrimSpace(e.statement.Text) == "" {
		e.fail("The statement is empty: write what is asserted.")
		return
	}
	if e.sourceChoice == newSource && strings.TrimSpace(e.srcTitle.Text) == "" {
		e.fail("The new source needs a title.")
		return
	}
	// Mistakes found here come before the look for duplicates, which
	// runs in the background.
	if err := model.ValidateDate("date made", strings.TrimSpace(e.madeOn.Text)); err != nil {
		e.fail("Not saved. " + describe(err))
		return
	}
	var tags []string
	for _, t := range strings.Split(e.tags.Text, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	if _, err := model.NormaliseTags(tags); err != nil {
		e.fail("Not saved. " + describe(err))
		return
	}
	if e.warnDuplicates(actorName) {
		return
	}
	verdict, _ := model.ParseVerdict(e.verdict.Selected)
	c := &model.Claim{
		ID:        model.NewID(),
		Statement: e.statement.Text,
		Quote:     e.quote.Text,
		MadeOn:    strings.TrimSpace(e.madeOn.Text),
		Verdict:   verdict,
		Tags:      tags,
	}
	var newActors []string
	err := e.m.write("save a claim", func(ctx context.Context) error {
		return e.m.st.Update(ctx, func(tx *db.Tx) error {
			resolve := func(name string, kind model.ActorKind) (string, error) {
				a, made, err := tx.FindOrCreateActor(model.Actor{Name: name, Kind: kind})
				if made {
					newActors = append(newActors, a.Name)
				}
				return a.ID, err
			}
			id, err := resolve(actorName, model.ActorKind(e.actor.kind.Selected))
			if err != nil {
				return err
			}
			c.ActorID = id
			for _, name := range e.subjects.names() {
				id, err := resolve(name, e.subjects.kindOf(name))
				if err != nil {
					return err
				}
				c.SubjectIDs = append(c.SubjectIDs, id)
			}
			switch e.sourceChoice {
			case noSource, "":
			case newSource:
				src := &model.Source{Title: e.srcTitle.Text, Outlet: e.srcOutlet.Text, URL: e.srcURL.Text, Published: e.srcDate.Text}
				if err := tx.CreateSource(src); err != nil {
					return err
				}
				c.SourceID = src.ID
			default:
				c.SourceID = e.sourceChoice
			}
			if err := tx.CreateClaim(c); err != nil {
				return err
			}
			if e.answering != nil {
				return tx.Link(model.Link{FromID: c.ID, ToID: e.answering.Claim.ID, Relation: model.Relation(e.relation.Selected)})
			}
			return nil
		})
	})
	if err != nil {
		e.fail("Not saved. " + describe(err))
		return
	}
	e.dlg.hide()
	if e.answering == nil {
		e.m.openClaim(c.ID)
	}
	// A counter-claim leaves the answered claim selected: the reload shows
	// the new counter-claim beside it.
	e.m.changed()
}

// warnDuplicates, on the first Save of a statement, looks for existing
// claims that look like the same assertion (dedupe) off the UI goroutine
// (half a second at 100,000 claims) and reports whether it took over the
// Save: with none found it saves; otherwise it shows them, and the
// reviewer can open one, link it instead (for a counter-claim), or press
// Save anyway.
func (e *claimEditor) warnDuplicates(actorName string) bool {
	statement := strings.TrimSpace(e.statement.Text)
	if statement == e.dupsShown {
		return false
	}
	var skip string
	if e.answering != nil {
		skip = e.answering.Claim.ID
	}
	m, claims := e.m, e.m.claims
	e.save.Disable()
	m.pending.Add(1)
	go func() {
		defer m.pending.Done()
		var actorID string
		if a, err := m.st.FindActor(m.ctx(), actorName); err == nil {
			actorID = a.ID
		}
		var matches []dedupe.Match
		for _, d := range dedupe.Scan(statement, actorID, claims, 4) {
			if d.Claim.ID != skip && len(matches) < 3 {
				matches = append(matches, d)
			}
		}
		m.do(func() {
			e.save.Enable()
			e.dupsShown = statement
			if len(matches) == 0 {
				e.dups.Hide()
				e.onSave()
				return
			}
			e.showDuplicates(matches)
		})
	}()
	return true
}

// showDuplicates lists the recorded claims like the one being saved.
func (e *claimEditor) showDuplicates(matches []dedupe.Match) {
	objs := []fyne.CanvasObject{boldLabel("This looks like a claim already recorded:")}
	for _, d := range matches {
		text := wrapped(fmt.Sprintf("%s: “%s”  (%.0f%% alike, %s)", d.Claim.ActorName, ellipsis(d.Claim.Statement, 160), d.Score*100, d.Claim.Verdict.Label()))
		buttons := container.NewHBox(newKeyButton("Open it", theme.NavigateNextIcon(), func() {
			e.dlg.hide()
			e.m.openClaim(d.Claim.ID)
		}))
		if e.answering != nil {
			buttons.Add(newKeyButton("Link it instead", theme.MailForwardIcon(), func() { e.linkInstead(d.Claim.ID) }))
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, buttons, text))
	}
	objs = append(objs, wrapped("Open or link the existing claim rather than recording it twice, or press “Save anyway”."))
	e.dups.Objects = objs
	e.dups.Show()
	e.dups.Refresh()
	e.save.SetText("Save anyway")
	e.scroll.Refresh()
	e.scroll.ScrollToBottom() // the warning is under the form: bring it into sight
}

// linkInstead links an existing claim to the claim being answered, with
// the relation chosen, instead of saving a new counter-claim.
func (e *claimEditor) linkInstead(id string) {
	l := model.Link{FromID: id, ToID: e.answering.Claim.ID, Relation: model.Relation(e.relation.Selected)}
	if err := e.m.write("link claims", func(ctx context.Context) error { return e.m.st.AddLink(ctx, l) }); err != nil {
		e.fail("Not linked. " + describe(err))
		return
	}
	e.dlg.hide()
	e.m.changed()
}

// completer is an entry that completes names as they are typed: the
// names that match are listed under it; Up and Down move through the
// list, Enter (or a click) takes the one marked and puts the cursor after
// it, and Escape closes the list. With multi set, the entry holds names
// separated by commas and completes the one being typed.
type completer struct {
	entry    *keyEntry
	list     *fyne.Container
	matches  []string
	sel      int
	multi    bool
	suggest  func(part string) []search.ActorMatch
	onChange func()
	onResize func()
	// picking is set while a pick sets the entry's text.
	picking bool
}

func newCompleter(multi bool, suggest func(string) []search.ActorMatch) *completer {
	c := &completer{entry: newKeyEntry(), list: container.NewVBox(), multi: multi, suggest: suggest, sel: -1}
	c.entry.OnChanged = func(string) {
		if !c.picking {
			c.update()
		}
		if c.onChange != nil {
			c.onChange()
		}
	}
	c.entry.onKey = c.key
	return c
}

// part is the name being typed: the whole text, or its last name.
func (c *completer) part() string {
	t := c.entry.Text
	if c.multi {
		if i := strings.LastIndex(t, ","); i >= 0 {
			t = t[i+1:]
		}
	}
	return strings.TrimSpace(t)
}

// update lists the names that match what is typed.
func (c *completer) update() {
	c.matches, c.sel = nil, -1
	c.list.Objects = nil
	for _, am := range c.suggest(c.part()) {
		label := am.Actor.Name
		if am.Via != "" {
			label += " (" + am.Via + ")"
		}
		name := am.Actor.Name
		i := len(c.matches)
		b := newKeyButton(ellipsis(label, 70), nil, func() { c.pick(i) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		c.matches = append(c.matches, name)
		c.list.Add(b)
	}
	if len(c.matches) > 0 {
		c.sel = 0
	}
	c.mark()
	if c.onResize != nil {
		c.onResize()
	}
}

// mark shows which suggestion Enter takes.
func (c *completer) mark() {
	for i, o := range c.list.Objects {
		b := o.(*keyButton)
		b.Importance = widget.LowImportance
		if i == c.sel {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	c.list.Refresh()
}

// key moves through the suggestions and takes one.
func (c *completer) key(ev *fyne.KeyEvent) bool {
	if len(c.matches) == 0 {
		return false
	}
	switch ev.Name {
	case fyne.KeyDown:
		c.sel = min(c.sel+1, len(c.matches)-1)
	case fyne.KeyUp:
		c.sel = max(c.sel-1, 0)
	case fyne.KeyReturn, fyne.KeyEnter:
		if c.sel < 0 {
			return false
		}
		c.pick(c.sel)
		return true
	case fyne.KeyEscape:
		c.close()
		return true
	default:
		return false
	}
	c.mark()
	return true
}

// pick puts suggestion i in the entry, the cursor after it, and closes
// the list.
func (c *completer) pick(i int) {
	if i < 0 || i >= len(c.matches) {
		return
	}
	name := c.matches[i]
	text := name
	if c.multi {
		if j := strings.LastIndex(c.entry.Text, ","); j >= 0 {
			text = c.entry.Text[:j+1] + " " + name
		}
	}
	c.picking = true
	c.entry.SetText(text)
	c.picking = false
	c.entry.CursorRow, c.entry.CursorColumn = 0, len([]rune(text))
	c.entry.Refresh()
	c.close()
	if a := fyne.CurrentApp(); a != nil {
		if cv := canvasOf(c.entry); cv != nil {
			cv.Focus(c.entry)
		}
	}
	if c.onChange != nil {
		c.onChange()
	}
}

// close hides the suggestions.
func (c *completer) close() {
	c.matches, c.sel = nil, -1
	c.list.Objects = nil
	c.list.Refresh()
	if c.onResize != nil {
		c.onResize()
	}
}

// actorPicker is the "Said by" box: it completes actor names and aliases
// and, for a name it does not know, says a new actor will be made and
// asks its kind.
type actorPicker struct {
	*completer
	actors   []model.Actor
	newActor *fyne.Container
	newLabel *widget.Label
	kind     *keySelect
	content  *fyne.Container
}

// actorSuggestions are the actors matching a name being typed, none when
// it names one exactly.
func actorSuggestions(actors []model.Actor) func(string) []search.ActorMatch {
	return func(part string) []search.ActorMatch {
		if part == "" {
			return nil
		}
		if _, exact := search.ExactActor(part, actors); exact {
			return nil
		}
		return search.Actors(part, actors, 6)
	}
}

func newActorPicker(actors []model.Actor) *actorPicker {
	p := &actorPicker{completer: newCompleter(false, actorSuggestions(actors)), actors: actors}
	p.entry.SetPlaceHolder("A name or alias, e.g. Kabul (Enter takes the marked one)")
	var kinds []string
	for _, k := range model.ActorKinds() {
		kinds = append(kinds, string(k))
	}
	p.kind = newKeySelect(kinds, nil)
	p.kind.SetSelected(string(model.KindOther))
	p.newLabel = widget.NewLabel("")
	p.newActor = container.NewHBox(p.newLabel, p.kind)
	p.newActor.Hide()
	p.onChange = p.showKnown
	p.content = container.NewVBox(p.entry, p.list, p.newActor)
	return p
}

// showKnown says whether the name is a known actor or a new one.
func (p *actorPicker) showKnown() {
	text := strings.TrimSpace(p.entry.Text)
	known, exact := search.ExactActor(text, p.actors)
	switch {
	case text == "":
		p.newActor.Hide()
	case exact:
		p.newLabel.SetText("Known actor: " + known.Name)
		p.kind.Hide()
		p.newActor.Show()
	default:
		p.newLabel.SetText(fmt.Sprintf("New actor “%s”, kind:", ellipsis(text, 40)))
		p.kind.Show()
		p.newActor.Show()
	}
	if p.onResize != nil {
		p.onResize()
	}
}

// isNew reports whether saving creates a new actor.
func (p *actorPicker) isNew() bool { return p.newActor.Visible() && p.kind.Visible() }

// subjectsPicker is the "About" box: names or aliases separated by
// commas, completed like "Said by"; each name it does not know is listed
// below it as a new actor, with its kind to choose, before it is saved.
type subjectsPicker struct {
	*completer
	actors  []model.Actor
	news    *fyne.Container
	kinds   map[string]*keySelect // by lower-cased new name
	content *fyne.Container
}

func newSubjectsPicker(actors []model.Actor) *subjectsPicker {
	p := &subjectsPicker{completer: newCompleter(true, actorSuggestions(actors)), actors: actors,
		news: container.NewVBox(), kinds: map[string]*keySelect{}}
	p.entry.SetPlaceHolder("Names or aliases, separated by commas (optional)")
	p.onChange = p.showNew
	p.content = container.NewVBox(p.entry, p.list, p.news)
	return p
}

// names are the names typed, each once.
func (p *subjectsPicker) names() []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range strings.Split(p.entry.Text, ",") {
		n = strings.TrimSpace(n)
		if n != "" && !seen[strings.ToLower(n)] {
			seen[strings.ToLower(n)] = true
			out = append(out, n)
		}
	}
	return out
}

// unknown are the names typed that name no actor.
func (p *subjectsPicker) unknown() []string {
	var out []string
	for _, n := range p.names() {
		if _, ok := search.ExactActor(n, p.actors); !ok {
			out = append(out, n)
		}
	}
	return out
}

// kindOf is the kind chosen for a new actor.
func (p *subjectsPicker) kindOf(name string) model.ActorKind {
	if s, ok := p.kinds[strings.ToLower(name)]; ok {
		return model.ActorKind(s.Selected)
	}
	return model.KindOther
}

// showNew lists the new actors saving will make, each with its kind.
func (p *subjectsPicker) showNew() {
	p.news.Objects = nil
	var kinds []string
	for _, k := range model.ActorKinds() {
		kinds = append(kinds, string(k))
	}
	for _, n := range p.unknown() {
		if p.part() == n && len(p.matches) > 0 {
			continue // still being typed, with suggestions open
		}
		key := strings.ToLower(n)
		sel, ok := p.kinds[key]
		if !ok {
			sel = newKeySelect(kinds, nil)
			sel.SetSelected(string(model.KindOther))
			p.kinds[key] = sel
		}
		p.news.Add(container.NewHBox(widget.NewLabel(fmt.Sprintf("New actor “%s”, kind:", ellipsis(n, 40))), sel))
	}
	p.news.Refresh()
	if p.onResize != nil {
		p.onResize()
	}
}

// linkDialog links an existing claim to the selected one as a
// counter-claim (or supporting claim).
type linkDialog struct {
	m        *mainWindow
	target   model.ClaimDetail
	query    *keyEntry
	list     *keyList
	found    *search.Results
	picked   string
	relation *keySelect
	link     *keyButton
	dlg      *modal
	gen      atomic.Uint64 // of the newest search
	cancel   context.CancelFunc
}

func (m *mainWindow) linkExisting() {
	if !m.detail.loaded {
		inform(m.win, "Link existing claim", "Select the claim that is denied or disputed first.")
		return
	}
	m.openLinkDialog()
}

func (m *mainWindow) openLinkDialog() *linkDialog {
	l := &linkDialog{m: m, target: m.detail.d}
	l.query = newKeyEntry()
	l.query.SetPlaceHolder("Search for the claim that answers this one (Up/Down choose, Enter links)")
	l.list = newKeyList(func() int { return l.found.Len() }, newClaimRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*claimRow).set(l.found.Hit(id)) })
	l.list.OnSelected = func(id widget.ListItemID) {
		l.picked = l.found.Claim(id).ID
		l.link.Enable()
	}
	move := func(ev *fyne.KeyEvent) bool {
		row := -1
		for i := range l.found.Len() {
			if l.found.Claim(i).ID == l.picked {
				row = i
			}
		}
		switch ev.Name {
		case fyne.KeyDown:
			row++
		case fyne.KeyUp:
			row--
		default:
			return false
		}
		if n := l.found.Len(); n > 0 {
			row = min(max(row, 0), n-1)
			l.list.Select(row)
			l.list.ScrollTo(row)
		}
		return true
	}
	l.query.onKey = move
	l.list.onKey = move
	var rels []string
	for _, r := range model.Relations() {
		rels = append(rels, string(r))
	}
	l.relation = newKeySelect(rels, nil)
	l.relation.SetSelected(string(model.Denies))
	l.link = newKeyButton("Link", theme.MailForwardIcon(), l.onLink)
	l.link.Importance = widget.HighImportance
	l.link.Disable()
	l.query.OnChanged = func(string) { l.search() }
	l.search()
	top := container.NewVBox(
		wrapped(fmt.Sprintf("Which claim answers %s: “%s”?", l.target.Actor.Name, ellipsis(l.target.Claim.Statement, 160))),
		l.query)
	bottom := container.NewHBox(widget.NewLabel("The chosen claim"), l.relation, widget.NewLabel("this one"))
	l.dlg = newModal(m.win, "Link existing claim", container.NewBorder(top, bottom, nil, nil, l.list), l.onLink, nil,
		newKeyButton("Cancel", nil, func() { l.dlg.hide() }), l.link)
	l.dlg.show(fyne.NewSize(760, 560))
	m.win.Canvas().Focus(l.query)
	return l
}

// search lists the claims matching the query, leaving out the target and
// the claims already linked to it. It searches off the UI goroutine, as
// the main search box does (tens of milliseconds at 100,000 claims); a
// newer keystroke cancels it.
func (l *linkDialog) search() {
	skip := map[string]bool{l.target.Claim.ID: true}
	for _, r := range l.target.AnsweredBy {
		skip[r.Claim.ID] = true
	}
	m, ix, q := l.m, l.m.index, l.query.Text
	if ix == nil {
		return // the first index is still being built (a tenth of a second); the next keystroke searches
	}
	gen := l.gen.Add(1)
	ctx, cancel := context.WithCancel(context.Background())
	if l.cancel != nil {
		l.cancel()
	}
	l.cancel = cancel
	m.pending.Add(1)
	go func() {
		defer m.pending.Done()
		defer cancel()
		found, err := ix.SearchContext(ctx, q, search.Filter{})
		if err != nil {
			return // superseded
		}
		found = found.Without(func(c *model.ClaimSummary) bool { return skip[c.ID] })
		m.do(func() {
			if l.gen.Load() != gen {
				return
			}
			l.found = found
			l.picked = ""
			l.list.UnselectAll()
			l.link.Disable()
			l.list.Refresh()
		})
	}()
}

func (l *linkDialog) onLink() {
	if l.picked == "" {
		return
	}
	link := model.Link{FromID: l.picked, ToID: l.target.Claim.ID, Relation: model.Relation(l.relation.Selected)}
	// The two were shown as not linked: someone linking them meanwhile
	// with another relation is shown, not replaced (Store.AddLink).
	save := func(overwrite bool) error {
		return l.m.write("link claims", func(ctx context.Context) error {
			if overwrite {
				return l.m.st.Link(ctx, link)
			}
			return l.m.st.AddLink(ctx, link)
		})
	}
	if l.m.saveForm(save, l.dlg.hide, "Could not link the claims", "") {
		l.dlg.hide()
	}
}
