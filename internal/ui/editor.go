package ui

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
type claimEditor struct {
	m *mainWindow
	// answering is the claim a counter-claim answers; nil for a new claim.
	answering *model.ClaimDetail

	statement, quote, subjects, madeOn   *widget.Entry
	actor                                *actorPicker
	source                               *widget.Select
	srcTitle, srcOutlet, srcURL, srcDate *widget.Entry
	srcBox                               *fyne.Container
	verdict, relation                    *widget.Select
	errLabel                             *widget.Label
	// dups lists existing claims that look like the one being written,
	// shown on the first Save; dupsShown is the statement they were
	// found for (editing it asks again).
	dups         *fyne.Container
	dupsShown    string
	save, cancel *widget.Button
	dlg          dialog.Dialog
	sources      []model.Source // in the order of the source options after the first two
}

// newClaim opens the New claim dialog.
func (m *mainWindow) newClaim() { m.openEditor(nil) }

// newCounterClaim opens the dialog for a claim answering the selected one.
func (m *mainWindow) newCounterClaim() {
	if !m.detail.loaded {
		dialog.ShowInformation("Add counter-claim", "Select the claim that is denied or disputed first.", m.win)
		return
	}
	d := m.detail.d
	m.openEditor(&d)
}

func (m *mainWindow) openEditor(answering *model.ClaimDetail) *claimEditor {
	m.detail.commitTags()
	e := &claimEditor{m: m, answering: answering}
	e.statement = widget.NewMultiLineEntry()
	e.statement.Wrapping = fyne.TextWrapWord
	e.statement.SetMinRowsVisible(2)
	e.statement.SetPlaceHolder("What is asserted, in your words")
	e.quote = widget.NewMultiLineEntry()
	e.quote.Wrapping = fyne.TextWrapWord
	e.quote.SetMinRowsVisible(2)
	e.quote.SetPlaceHolder("The verbatim words from the source (optional)")
	e.actor = newActorPicker(m.actors)
	e.subjects = widget.NewEntry()
	e.subjects.SetPlaceHolder("Names or aliases, separated by commas (optional)")
	e.madeOn = widget.NewEntry()
	e.madeOn.SetPlaceHolder("YYYY, YYYY-MM or YYYY-MM-DD (optional)")

	opts := []string{noSource, newSource}
	e.sources = m.sources
	for _, s := range m.sources {
		opts = append(opts, sourceLabel(s))
	}
	e.srcTitle, e.srcOutlet, e.srcURL, e.srcDate = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	e.srcTitle.SetPlaceHolder("Headline of the article (required)")
	e.srcOutlet.SetPlaceHolder("e.g. Dawn (optional)")
	e.srcURL.SetPlaceHolder("https://… (optional)")
	e.srcDate.SetPlaceHolder("Publication date, YYYY-MM-DD (optional)")
	e.srcBox = container.New(layout.NewFormLayout(),
		widget.NewLabel("Title"), e.srcTitle, widget.NewLabel("Outlet"), e.srcOutlet,
		widget.NewLabel("URL"), e.srcURL, widget.NewLabel("Published"), e.srcDate)
	e.srcBox.Hide()
	e.source = widget.NewSelect(opts, nil)
	e.source.SetSelected(noSource)
	e.verdict = widget.NewSelect(verdictOptions("")[1:], nil)
	e.verdict.SetSelected(model.Unreviewed.Label())
	var rels []string
	for _, r := range model.Relations() {
		rels = append(rels, string(r))
	}
	e.relation = widget.NewSelect(rels, nil)
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
		e.subjects.SetText(answering.Actor.Name)
		if answering.Claim.SourceID != "" {
			for i, s := range e.sources {
				if s.ID == answering.Claim.SourceID {
					e.source.SetSelected(opts[i+2])
				}
			}
		}
	}
	row("Said by", e.actor.content)
	row("Statement", e.statement)
	row("Quote", e.quote)
	row("About", e.subjects)
	row("Source", e.source)
	srcLabel := widget.NewLabel("")
	items = append(items, srcLabel, e.srcBox) // a row hidden until "New source…" is chosen
	row("Made on", e.madeOn)
	row("Verdict", container.NewHBox(e.verdict))
	form := container.New(layout.NewFormLayout(), items...)

	e.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), e.onSave)
	e.save.Importance = widget.HighImportance
	e.cancel = widget.NewButton("Cancel", func() { e.dlg.Hide() })
	body := container.NewVBox(append(head, form, e.errLabel, e.dups)...)
	scroll := container.NewVScroll(body)
	// Suggestions and the new-source fields change the form's height.
	e.actor.onResize = scroll.Refresh
	srcLabel.Hide()
	e.source.OnChanged = func(s string) {
		e.srcBox.Hidden = s != newSource
		scroll.Refresh()
	}
	e.statement.OnChanged = func(string) {
		if !e.dups.Hidden {
			e.dups.Hide()
			e.save.SetText("Save")
			scroll.Refresh()
		}
	}
	content := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), e.cancel, e.save), nil, nil, scroll)
	e.dlg = dialog.NewCustomWithoutButtons(title, content, m.win)
	e.dlg.Resize(fyne.NewSize(760, 640))
	e.dlg.Show()
	m.win.Canvas().Focus(e.actor.entry)
	return e
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
}

func (e *claimEditor) onSave() {
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
	if e.source.Selected == newSource && strings.TrimSpace(e.srcTitle.Text) == "" {
		e.fail("The new source needs a title.")
		return
	}
	// Mistakes found here come before the look for duplicates, which
	// runs in the background.
	if err := model.ValidateDate("date made", strings.TrimSpace(e.madeOn.Text)); err != nil {
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
		MadeOn:    e.madeOn.Text,
		Verdict:   verdict,
	}
	var newActors []string
	err := e.m.st.Update(e.m.ctx(), func(tx *db.Tx) error {
		resolve := func(name string, kind model.ActorKind) (string, error) {
			if a, err := tx.FindActor(name); err == nil {
				return a.ID, nil
			}
			a := &model.Actor{Name: name, Kind: kind}
			if err := tx.CreateActor(a); err != nil {
				return "", err
			}
			newActors = append(newActors, a.Name)
			return a.ID, nil
		}
		id, err := resolve(actorName, model.ActorKind(e.actor.kind.Selected))
		if err != nil {
			return err
		}
		c.ActorID = id
		for _, name := range strings.Split(e.subjects.Text, ",") {
			if name = strings.TrimSpace(name); name == "" {
				continue
			}
			id, err := resolve(name, model.KindOther)
			if err != nil {
				return err
			}
			c.SubjectIDs = append(c.SubjectIDs, id)
		}
		switch e.source.Selected {
		case noSource, "":
		case newSource:
			src := &model.Source{Title: e.srcTitle.Text, Outlet: e.srcOutlet.Text, URL: e.srcURL.Text, Published: e.srcDate.Text}
			if err := tx.CreateSource(src); err != nil {
				return err
			}
			c.SourceID = src.ID
		default:
			for i, s := range e.sources {
				if sourceLabel(s) == e.source.Selected {
					c.SourceID = e.sources[i].ID
				}
			}
		}
		if err := tx.CreateClaim(c); err != nil {
			return err
		}
		if e.answering != nil {
			return tx.Link(model.Link{FromID: c.ID, ToID: e.answering.Claim.ID, Relation: model.Relation(e.relation.Selected)})
		}
		return nil
	})
	if err != nil {
		e.fail("Not saved. " + describe(err))
		return
	}
	e.dlg.Hide()
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
		buttons := container.NewHBox(widget.NewButtonWithIcon("Open it", theme.NavigateNextIcon(), func() {
			e.dlg.Hide()
			e.m.openClaim(d.Claim.ID)
		}))
		if e.answering != nil {
			buttons.Add(widget.NewButtonWithIcon("Link it instead", theme.MailForwardIcon(), func() { e.linkInstead(d.Claim.ID) }))
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, buttons, text))
	}
	objs = append(objs, wrapped("Open or link the existing claim rather than recording it twice, or press “Save anyway”."))
	e.dups.Objects = objs
	e.dups.Show()
	e.dups.Refresh()
	e.save.SetText("Save anyway")
}

// linkInstead links an existing claim to the claim being answered, with
// the relation chosen, instead of saving a new counter-claim.
func (e *claimEditor) linkInstead(id string) {
	l := model.Link{FromID: id, ToID: e.answering.Claim.ID, Relation: model.Relation(e.relation.Selected)}
	if err := e.m.st.Link(e.m.ctx(), l); err != nil {
		e.fail("Not linked. " + describe(err))
		return
	}
	e.dlg.Hide()
	e.m.changed()
}

// actorPicker is an entry that completes actor names and aliases fuzzily
// and offers to create a new actor when the name is unknown.
type actorPicker struct {
	actors      []model.Actor
	entry       *widget.Entry
	suggestions *fyne.Container
	newActor    *fyne.Container
	newLabel    *widget.Label
	kind        *widget.Select
	content     *fyne.Container
	onResize    func()
}

func newActorPicker(actors []model.Actor) *actorPicker {
	p := &actorPicker{actors: actors, entry: widget.NewEntry(), suggestions: container.NewVBox()}
	p.entry.SetPlaceHolder("Who asserts it: a name or alias, e.g. Kabul")
	var kinds []string
	for _, k := range model.ActorKinds() {
		kinds = append(kinds, string(k))
	}
	p.kind = widget.NewSelect(kinds, nil)
	p.kind.SetSelected(string(model.KindOther))
	p.newLabel = widget.NewLabel("")
	p.newActor = container.NewHBox(p.newLabel, p.kind)
	p.newActor.Hide()
	p.entry.OnChanged = func(string) { p.update() }
	p.content = container.NewVBox(p.entry, p.suggestions, p.newActor)
	return p
}

// update offers the actors that match what was typed.
func (p *actorPicker) update() {
	text := strings.TrimSpace(p.entry.Text)
	p.suggestions.Objects = nil
	if _, exact := search.ExactActor(text, p.actors); !exact {
		for _, am := range search.Actors(text, p.actors, 6) {
			label := am.Actor.Name
			if am.Via != "" {
				label += " (" + am.Via + ")"
			}
			label = ellipsis(label, 70)
			name := am.Actor.Name
			b := widget.NewButton(label, func() { p.entry.SetText(name) })
			b.Importance = widget.LowImportance
			b.Alignment = widget.ButtonAlignLeading
			p.suggestions.Add(b)
		}
	}
	p.suggestions.Refresh()
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

// linkDialog links an existing claim to the selected one as a
// counter-claim (or supporting claim).
type linkDialog struct {
	m        *mainWindow
	target   model.ClaimDetail
	query    *widget.Entry
	list     *widget.List
	found    *search.Results
	picked   string
	relation *widget.Select
	link     *widget.Button
	dlg      dialog.Dialog
	gen      atomic.Uint64 // of the newest search
	cancel   context.CancelFunc
}

func (m *mainWindow) linkExisting() {
	if !m.detail.loaded {
		dialog.ShowInformation("Link existing claim", "Select the claim that is denied or disputed first.", m.win)
		return
	}
	m.openLinkDialog()
}

func (m *mainWindow) openLinkDialog() *linkDialog {
	l := &linkDialog{m: m, target: m.detail.d}
	l.query = widget.NewEntry()
	l.query.SetPlaceHolder("Search for the claim that answers this one")
	l.list = widget.NewList(func() int { return l.found.Len() }, newClaimRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*claimRow).set(l.found.Hit(id)) })
	l.list.OnSelected = func(id widget.ListItemID) {
		l.picked = l.found.Claim(id).ID
		l.link.Enable()
	}
	var rels []string
	for _, r := range model.Relations() {
		rels = append(rels, string(r))
	}
	l.relation = widget.NewSelect(rels, nil)
	l.relation.SetSelected(string(model.Denies))
	l.link = widget.NewButtonWithIcon("Link", theme.MailForwardIcon(), l.onLink)
	l.link.Importance = widget.HighImportance
	l.link.Disable()
	l.query.OnChanged = func(string) { l.search() }
	l.search()
	top := container.NewVBox(
		wrapped(fmt.Sprintf("Which claim answers %s: “%s”?", l.target.Actor.Name, ellipsis(l.target.Claim.Statement, 160))),
		l.query)
	bottom := container.NewHBox(widget.NewLabel("The chosen claim"), l.relation, widget.NewLabel("this one"),
		layout.NewSpacer(), widget.NewButton("Cancel", func() { l.dlg.Hide() }), l.link)
	l.dlg = dialog.NewCustomWithoutButtons("Link existing claim", container.NewBorder(top, bottom, nil, nil, l.list), m.win)
	l.dlg.Resize(fyne.NewSize(760, 560))
	l.dlg.Show()
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
	err := l.m.st.Link(l.m.ctx(), model.Link{FromID: l.picked, ToID: l.target.Claim.ID, Relation: model.Relation(l.relation.Selected)})
	if err != nil {
		l.m.showError("Could not link the claims", "", err)
		return
	}
	l.dlg.Hide()
	l.m.changed()
}
