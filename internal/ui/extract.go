package ui

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/dedupe"
	"claims/internal/extract"
	"claims/internal/model"
)

// showExtract lets the reviewer turn an article into proposed claims: paste
// it, open a .txt, .md or .html file, or take a stored source's text; see
// the proposed spans highlighted; accept, edit or reject each proposal
// (with a warning where it looks like a claim already recorded); and save
// the accepted ones linked to a source. onDone runs after claims were
// saved.
func showExtract(w fyne.Window, st *db.Store, onDone func()) *extractView {
	a := fyne.CurrentApp()
	ew := a.NewWindow("Extract claims from an article")
	v := newExtractView(ew, st, onDone)
	ew.SetContent(v.content())
	// As large as the main window, which fits the screen (fitToScreen);
	// 1200×800 before it has a size.
	size := w.Canvas().Size()
	if size.Width < 600 || size.Height < 400 {
		size = fyne.NewSize(1200, 800)
	}
	ew.Resize(size)
	ew.SetCloseIntercept(v.close)
	ew.Show()
	ew.Canvas().Focus(v.input) // ready for the article to be pasted
	v.loadSources()
	return v
}

// extractView is the extraction window. Its fields are touched on the UI
// goroutine only; extraction, file reading and saving run on other
// goroutines and hand their results back through do.
type extractView struct {
	win    fyne.Window
	st     *db.Store
	onDone func()
	// do hands the result of background work to the UI goroutine;
	// fyne.Do in the app, replaced by tests.
	do func(func())
	// pending counts background work under way; tests wait for it.
	pending sync.WaitGroup
	// origin signs the save's change set ("extract"); wrote is told its
	// number, for the main window's Undo. Both may be nil.
	origin context.Context
	wrote  func(set int64)

	sources []model.Source
	source  *model.Source // the stored source being reviewed, if any
	actors  []model.Actor
	text    string // the plain text the proposals point into
	props   []extract.Proposal
	dups    [][]dedupe.Match
	rows    []*proposalRow
	names   []string // the known actors' names, for the actor boxes
	cur     int      // the proposal the review keys act on

	input      *keyEntry
	preview    *widget.RichText
	tabs       *container.AppTabs
	rowsBox    *fyne.Container
	rowsScroll *container.Scroll
	status     *widget.Label
	title      *keyEntry
	sourceSel  *widget.Select
	findBtn    *widget.Button
	saveBtn    *widget.Button
	addBtn     *widget.Button
}

// proposalRow holds the widgets with which one proposal is reviewed.
type proposalRow struct {
	accept    *widget.Check
	actor     *widget.SelectEntry
	statement *keyEntry
	relation  *widget.Select
	// answers picks the proposal this one answers when relation is set:
	// option k is proposal targets[k].
	answers *widget.Select
	targets []int
	head    *widget.Label
	// saveAs, for a proposal that looks like recorded claims, chooses
	// between a new claim (option 0) and recorded claim i (option i+1,
	// recorded[i]).
	saveAs   *widget.Select
	recorded []string
}

const extractSaveNew = "a new claim"

// recordedID is the recorded claim the reviewer chose to stand for the
// proposal, or "" for a new claim.
func (r *proposalRow) recordedID() string {
	if r.saveAs == nil || r.saveAs.SelectedIndex() <= 0 {
		return ""
	}
	return r.recorded[r.saveAs.SelectedIndex()-1]
}

const extractNoRelation = "— (a claim of its own)"

func newExtractView(w fyne.Window, st *db.Store, onDone func()) *extractView {
	v := &extractView{win: w, st: st, onDone: onDone, do: fyne.Do}
	// The window's own entries: Tab leaves them (a plain multi-line
	// entry kept it, typing tab characters, and the keyboard was caught).
	v.input = newKeyMultiLineEntry()
	v.input.SetPlaceHolder("Paste the article here, or open a file or a stored source above, then press Find claims.")
	v.preview = widget.NewRichText()
	v.preview.Wrapping = fyne.TextWrapWord
	v.rowsBox = container.NewVBox()
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.title = newKeyEntry()
	v.title.SetPlaceHolder("Title of the article's source (Enter saves the accepted claims)")
	v.title.OnSubmitted = func(string) { v.onSave() }
	v.sourceSel = widget.NewSelect(nil, v.onSourceChosen)
	v.sourceSel.PlaceHolder = "Use a stored source's text…"
	v.findBtn = widget.NewButtonWithIcon("Find claims", theme.SearchIcon(), v.onFind)
	v.findBtn.Importance = widget.HighImportance
	v.saveBtn = widget.NewButtonWithIcon("Save accepted claims", theme.DocumentSaveIcon(), v.onSave)
	v.saveBtn.Disable()
	v.addBtn = widget.NewButtonWithIcon("Add selected text", theme.ContentAddIcon(), v.addSelected)
	v.addBtn.Disable()
	return v
}

func (v *extractView) content() fyne.CanvasObject {
	open := widget.NewButtonWithIcon("Open file…", theme.FolderOpenIcon(), v.onOpenFile)
	top := container.NewBorder(nil, nil, container.NewHBox(open), v.findBtn, v.sourceSel)
	v.tabs = container.NewAppTabs(
		container.NewTabItem("Article text", v.input),
		container.NewTabItem("Highlighted proposals", container.NewVScroll(v.preview)),
	)
	all := widget.NewButton("Accept all", func() { v.setAll(true) })
	none := widget.NewButton("Reject all", func() { v.setAll(false) })
	v.rowsScroll = container.NewVScroll(container.NewPadded(v.rowsBox))
	right := container.NewBorder(
		container.NewHBox(widget.NewLabelWithStyle("Proposed claims", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), all, none, v.addBtn),
		nil, nil, nil, v.rowsScroll)
	split := container.NewHSplit(v.tabs, right)
	split.Offset = 0.45
	v.addKeys()
	cancel := widget.NewButton("Close", v.close)
	bottom := container.NewVBox(v.status,
		container.NewBorder(nil, nil, widget.NewLabel("Source title:"), container.NewHBox(cancel, v.saveBtn), v.title))
	return container.NewBorder(top, bottom, nil, nil, split)
}

// The review keys, with Alt so that they work while an entry has the
// focus: Alt+Down and Alt+Up move between proposals, Alt+A accepts and
// Alt+R rejects the current one (and move on), Alt+P pairs it with the
// claim it most likely answers (again: the one before that), Alt+N adds
// the selected article text as a claim. The window's own: Ctrl+O opens an
// article file, Ctrl+Enter finds the claims, Ctrl+S saves the accepted
// ones, Ctrl+W closes.
var (
	extractKeyOpen   = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: ctrl}
	extractKeyFind   = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: ctrl}
	extractKeySave   = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl}
	extractKeyClose  = &desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: ctrl}
	extractKeyNext   = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	extractKeyPrev   = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
	extractKeyAccept = &desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierAlt}
	extractKeyReject = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierAlt}
	extractKeyPair   = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierAlt}
	extractKeyAdd    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierAlt}
)

const extractKeysHelp = "Keys: Alt+↓/↑ move, Alt+A accept, Alt+R reject, Alt+P pair, Alt+N add the selection, Ctrl+S save (the Review menu lists them)."

// addKeys gives every action of the window a key, in its menus: the
// driver offers a key to the menus before the focused widget, so the keys
// work while a text box has the focus (a key only the canvas knew went to
// the text box and was lost). The canvas knows them too, for when nothing
// is focused, and for tests.
func (v *extractView) addKeys() {
	c := v.win.Canvas()
	// Enter and Escape answer this window's dialogs.
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { dialogKey(c, ev) })
	item := func(label string, key fyne.Shortcut, fn func()) *fyne.MenuItem {
		guarded := func() {
			if !blockedBy(c) { // not behind one of the window's dialogs
				fn()
			}
		}
		c.AddShortcut(key, func(fyne.Shortcut) { guarded() })
		it := fyne.NewMenuItem(label, guarded)
		it.Shortcut = key
		return it
	}
	closeItem := item("Close", extractKeyClose, v.close)
	closeItem.IsQuit = true // this window's Close, not the app's Quit
	v.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu("File",
			item("Open an article file…", extractKeyOpen, v.onOpenFile),
			item("Find claims", extractKeyFind, v.onFind),
			item("Save accepted claims", extractKeySave, v.onSave),
			fyne.NewMenuItemSeparator(),
			closeItem),
		fyne.NewMenu("Review",
			item("Next proposal", extractKeyNext, func() { v.moveTo(v.cur + 1) }),
			item("Previous proposal", extractKeyPrev, func() { v.moveTo(v.cur - 1) }),
			item("Accept and go on", extractKeyAccept, func() { v.acceptCurrent(true) }),
			item("Reject and go on", extractKeyReject, func() { v.acceptCurrent(false) }),
			item("Pair with the claim it answers", extractKeyPair, v.pairCurrent),
			item("Add the selected text as a claim", extractKeyAdd, v.addSelected))))
}

// unsavedAccepted counts the proposals accepted and not saved yet.
func (v *extractView) unsavedAccepted() int {
	n := 0
	if !v.saveBtn.Disabled() {
		for _, r := range v.rows {
			if r.accept.Checked {
				n++
			}
		}
	}
	return n
}

// close closes the window; accepted proposals not saved yet are asked
// about first, since closing drops them.
func (v *extractView) close() {
	n := v.unsavedAccepted()
	if n == 0 {
		v.win.Close()
		return
	}
	ask(v.win, "Close without saving?", fmt.Sprintf("%s accepted and not saved: closing drops them.", plural(n, "proposal")),
		"Close without saving", v.win.Close)
}

// moveTo makes proposal i the current one.
func (v *extractView) moveTo(i int) {
	if len(v.rows) == 0 {
		return
	}
	old := v.cur
	v.cur = max(0, min(i, len(v.rows)-1))
	v.updateHead(old)
	v.updateHead(v.cur)
	v.showCurrent()
}

// showCurrent scrolls the proposals so that the current one's head is in
// sight: the review keys move through proposals below the fold too.
func (v *extractView) showCurrent() {
	if v.rowsScroll == nil || v.cur >= len(v.rowsBox.Objects) {
		return
	}
	box := v.rowsBox.Objects[v.cur]
	top := box.Position().Y + v.rowsBox.Position().Y
	view := v.rowsScroll.Size().Height
	if top < v.rowsScroll.Offset.Y || top+min(box.Size().Height, view) > v.rowsScroll.Offset.Y+view {
		v.rowsScroll.ScrollToOffset(fyne.NewPos(0, top))
	}
}

// acceptCurrent ticks or unticks the current proposal and moves on.
func (v *extractView) acceptCurrent(on bool) {
	if v.cur >= len(v.rows) {
		return
	}
	v.rows[v.cur].accept.SetChecked(on)
	v.moveTo(v.cur + 1)
}

// pairCurrent pairs the current proposal with the claim it most likely
// answers: the nearest proposal before it by another actor that answers
// nothing itself (then the ones after it); pressed again, the next such
// claim. A proposal with no relation yet becomes a denial.
func (v *extractView) pairCurrent() {
	if v.cur >= len(v.rows) {
		return
	}
	r := v.rows[v.cur]
	var cands []int
	for _, t := range append(reversed(v.cur), after(v.cur, len(v.rows))...) {
		if o, _ := v.rows[t].answered(); o < 0 && !strings.EqualFold(v.rows[t].actor.Text, r.actor.Text) {
			cands = append(cands, t)
		}
	}
	if len(cands) == 0 {
		v.status.SetText(fmt.Sprintf("#%d has no claim by another actor to answer.", v.cur+1))
		return
	}
	next := cands[0]
	if k, _ := r.answered(); k >= 0 {
		next = cands[(slices.Index(cands, k)+1)%len(cands)]
	}
	if r.relation.Selected == extractNoRelation || r.relation.Selected == "" {
		r.relation.SetSelected(string(model.Denies))
	}
	r.answers.SetSelectedIndex(slices.Index(r.targets, next))
	v.updateHead(v.cur)
	v.status.SetText(fmt.Sprintf("#%d %s #%d. Alt+P again for the next claim it may answer.", v.cur+1, r.relation.Selected, next+1))
}

// reversed lists n-1 … 0; after lists n+1 … end-1.
func reversed(n int) []int {
	var out []int
	for k := n - 1; k >= 0; k-- {
		out = append(out, k)
	}
	return out
}

func after(n, end int) []int {
	var out []int
	for k := n + 1; k < end; k++ {
		out = append(out, k)
	}
	return out
}

// nearestSpeaker is the actor of the proposal nearest the text at
// offset, the ones before it first: whom words the rules missed most
// likely belong to.
func (v *extractView) nearestSpeaker(at int) string {
	best, dist := "", -1
	for i, p := range v.props {
		if p.Start < 0 || i >= len(v.rows) || strings.TrimSpace(v.rows[i].actor.Text) == "" {
			continue
		}
		d := at - p.End
		if d < 0 {
			d = (p.Start - at) * 2 // after the selection: counts double
		}
		if dist < 0 || d < dist {
			best, dist = v.rows[i].actor.Text, d
		}
	}
	return best
}

// loadSources fills the list of stored sources, off the UI goroutine.
func (v *extractView) loadSources() {
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		srcs, err := v.st.Sources(context.Background())
		v.do(func() {
			if err != nil {
				log.Printf("extract: listing sources: %v", err)
				v.status.SetText("The stored sources could not be listed: " + err.Error())
				return
			}
			v.setSources(srcs)
		})
	}()
}

func (v *extractView) setSources(srcs []model.Source) {
	v.sources = srcs
	var names []string
	for _, s := range srcs {
		names = append(names, extractSourceLabel(s))
	}
	v.sourceSel.SetOptions(names)
}

func extractSourceLabel(s model.Source) string {
	l := s.Title
	if s.Outlet != "" {
		l += " — " + s.Outlet
	}
	return l
}

// onSourceChosen loads a stored source's text into the article box.
func (v *extractView) onSourceChosen(label string) {
	var chosen *model.Source
	for i := range v.sources {
		if extractSourceLabel(v.sources[i]) == label {
			chosen = &v.sources[i]
		}
	}
	if chosen == nil {
		return
	}
	id := chosen.ID
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		src, err := v.st.Source(context.Background(), id)
		v.do(func() {
			if err != nil {
				inform(v.win, "Cannot read the source", fmt.Sprintf("The source could not be read: %v", err))
				return
			}
			if strings.TrimSpace(src.Text) == "" {
				v.status.SetText("“" + src.Title + "” has no stored text. Paste the article and its claims will be linked to this source.")
			} else {
				v.status.SetText("Loaded the text of “" + src.Title + "”. Press Find claims.")
				v.input.SetText(src.Text)
			}
			v.source = &src
			v.title.SetText(src.Title)
			v.title.Disable()
			v.tabs.SelectIndex(0)
		})
	}()
}

// onOpenFile reads a .txt, .md or .html file into the article box, as
// plain text.
func (v *extractView) onOpenFile() {
	chooseFile(v.win, "Open an article", chooseOpen, "", "", []string{".txt", ".md", ".markdown", ".html", ".htm"}, func(path string) {
		name := filepath.Base(path)
		v.pending.Add(1)
		go func() {
			defer v.pending.Done()
			text, err := readArticle(path)
			v.do(func() {
				if err != nil {
					inform(v.win, "Cannot open the article", fmt.Sprintf("%s could not be read: %v", name, err))
					return
				}
				v.loadText(name, text)
			})
		}()
	})
}

// maxArticle is the most of an article file that is read (8 MiB).
const maxArticle = 8 << 20

// readArticle reads an article file as plain text; a file over maxArticle
// is refused rather than cut.
func readArticle(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxArticle+1))
	if err != nil {
		return "", err
	}
	if len(b) > maxArticle {
		return "", fmt.Errorf("it is larger than %d MiB; an article is much shorter", maxArticle>>20)
	}
	return extract.Plain(filepath.Base(path), b), nil
}

// loadText puts an article's text in the box with a provisional title; its
// claims will go to a new source.
func (v *extractView) loadText(title, text string) {
	v.source = nil
	v.sourceSel.ClearSelected()
	v.title.Enable()
	v.title.SetText(title)
	v.input.SetText(text)
	v.tabs.SelectIndex(0)
	v.status.SetText("Loaded " + title + ". Press Find claims.")
}

// extraction is the result of finding claims in a text.
type extraction struct {
	text   string
	actors []model.Actor
	props  []extract.Proposal
	dups   [][]dedupe.Match
}

// extractText finds the claims in raw (pasted text, HTML or Markdown is
// reduced to plain text) and the existing claims each one may duplicate.
// It reads the store and may take a while: call it off the UI goroutine.
func extractText(ctx context.Context, st *db.Store, raw string) (extraction, error) {
	var r extraction
	r.text = extract.Plain("", []byte(raw))
	actors, err := st.Actors(ctx)
	if err != nil {
		return r, err
	}
	existing, err := st.ListClaims(ctx)
	if err != nil {
		return r, err
	}
	r.actors = actors
	r.props = extract.Extract(r.text, actors)
	ix := dedupe.NewIndex(existing)
	for _, p := range r.props {
		r.dups = append(r.dups, ix.Find(p.Statement, p.Actor.ID, 3))
	}
	return r, nil
}

func (v *extractView) onFind() {
	raw := v.input.Text
	if strings.TrimSpace(raw) == "" {
		v.status.SetText("There is no text yet: paste an article, open a file or choose a stored source.")
		return
	}
	v.findBtn.Disable()
	v.status.SetText("Finding claims…")
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		r, err := extractText(context.Background(), v.st, raw)
		v.do(func() {
			v.findBtn.Enable()
			if err != nil {
				log.Printf("extract: %v", err)
				inform(v.win, "Cannot find claims", fmt.Sprintf("The claims could not be proposed: %v", err))
				return
			}
			v.show(r)
		})
	}()
}

// show lists the proposals for review and highlights their quotes.
func (v *extractView) show(r extraction) {
	v.text, v.actors, v.props, v.dups = r.text, r.actors, r.props, r.dups
	if r.text != v.input.Text {
		v.input.SetText(r.text)
	}
	var names []string
	for _, a := range r.actors {
		names = append(names, a.Name)
	}
	sort.Strings(names)
	v.names = names
	v.addBtn.Enable()
	v.rows = nil
	v.cur = 0
	v.rowsBox.RemoveAll()
	for i, p := range r.props {
		row, box := v.newRow(i, p, names)
		v.rows = append(v.rows, row)
		v.rowsBox.Add(box)
		v.updateHead(i)
	}
	v.preview.Segments = highlightSegments(r.text, r.props)
	v.preview.Refresh()
	v.tabs.SelectIndex(1)
	if len(r.props) == 0 {
		v.status.SetText("No attributed claims found. You can still record claims by hand from the main window.")
		v.saveBtn.Disable()
		return
	}
	counters := 0
	for _, p := range r.props {
		if p.IsCounter() {
			counters++
		}
	}
	unsure := 0
	for _, p := range r.props {
		if p.Actor.Name == "" {
			unsure++
		}
	}
	msg := fmt.Sprintf("%d proposals, %d of them counter-claims. Untick what is wrong, edit the rest, then save.", len(r.props), counters)
	if unsure > 0 {
		msg += fmt.Sprintf(" %d have no actor: the rules found no speaker they could ground; give one or untick them.", unsure)
	}
	v.status.SetText(msg + " " + extractKeysHelp)
	v.saveBtn.Enable()
}

// newRow builds the review widgets of proposal i.
func (v *extractView) newRow(i int, p extract.Proposal, actorNames []string) (*proposalRow, fyne.CanvasObject) {
	row := &proposalRow{}
	row.accept = widget.NewCheck("Accept", nil)
	row.accept.SetChecked(true)
	row.actor = widget.NewSelectEntry(actorNames)
	row.actor.SetText(p.Actor.Name)
	row.statement = newKeyMultiLineEntry()
	row.statement.SetText(p.Statement)
	row.statement.SetMinRowsVisible(2)
	// Which proposal this one answers, and how: proposed by the
	// extractor, and the reviewer's to change (a denial it did not pair
	// is paired here, before saving).
	row.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var targets []string
	for k, q := range v.props {
		if k != i {
			row.targets = append(row.targets, k)
			targets = append(targets, fmt.Sprintf("#%d %s", k+1, ellipsis(q.Actor.Name, 40)))
		}
	}
	row.answers = widget.NewSelect(targets, func(string) { v.updateHead(i) })
	row.answers.PlaceHolder = "the claim it answers"
	row.relation = widget.NewSelect(append([]string{extractNoRelation}, extractRelationNames()...), func(rel string) {
		if rel == extractNoRelation || len(row.targets) == 0 {
			row.answers.Disable()
		} else {
			row.answers.Enable()
			if row.answers.SelectedIndex() < 0 {
				// The nearest proposal before this one, as a denial
				// usually follows what it denies.
				row.answers.SetSelectedIndex(max(0, min(i-1, len(row.targets)-1)))
			}
		}
		v.updateHead(i)
	})
	if p.IsCounter() {
		row.answers.SetSelectedIndex(slices.Index(row.targets, p.Answers))
		row.relation.SetSelected(string(p.Relation))
	} else {
		row.relation.SetSelected(extractNoRelation)
	}
	actorNote := "known actor"
	if !p.Actor.Known() {
		actorNote = "new actor: " + string(p.Actor.Kind)
	}
	quote := widget.NewLabelWithStyle("“"+p.Quote+"”", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	quote.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{
		container.NewHBox(row.accept, row.head),
		container.NewBorder(nil, nil, widget.NewLabel("Actor"), widget.NewLabel(actorNote), row.actor),
		row.statement,
		container.NewGridWithColumns(2,
			container.NewBorder(nil, nil, widget.NewLabel("Relation"), nil, row.relation),
			container.NewBorder(nil, nil, widget.NewLabel("of"), nil, row.answers)),
		quote,
	}
	if i < len(v.dups) && len(v.dups[i]) > 0 {
		options := []string{extractSaveNew}
		for k, d := range v.dups[i] {
			l := widget.NewLabel(fmt.Sprintf("Possible duplicate %d (%.0f%% alike): %s — %s", k+1, d.Score*100, d.Claim.ActorName, d.Claim.Statement))
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.WarningImportance
			items = append(items, l)
			options = append(options, fmt.Sprintf("recorded claim %d (%s), linked instead", k+1, d.Claim.ActorName))
			row.recorded = append(row.recorded, d.Claim.ID)
		}
		row.saveAs = widget.NewSelect(options, nil)
		row.saveAs.SetSelectedIndex(0)
		items = append(items, container.NewBorder(nil, nil, widget.NewLabel("Save as"), nil, row.saveAs))
	}
	items = append(items, widget.NewSeparator())
	return row, container.NewVBox(items...)
}

func extractRelationNames() []string {
	var out []string
	for _, r := range model.Relations() {
		out = append(out, string(r))
	}
	return out
}

func (v *extractView) setAll(on bool) {
	for _, r := range v.rows {
		r.accept.SetChecked(on)
	}
}

// addSelected proposes the words selected in the article text as a claim
// of its own, for the reviewer to give its actor: one the rules missed.
// Existing rows may then be set to answer it. (It is not checked against
// the recorded claims; New claim in the main window is.)
func (v *extractView) addSelected() {
	sel := strings.TrimSpace(v.input.SelectedText())
	if sel == "" {
		v.tabs.SelectIndex(0)
		v.status.SetText("Select the words of the claim in the article text, then press Add selected text.")
		return
	}
	p := extract.Proposal{Statement: sel, Quote: sel, Start: -1, End: -1, Answers: -1, Verb: "added by the reviewer"}
	if at := strings.Index(v.text, sel); at >= 0 {
		p.Start, p.End = at, at+len(sel)
	}
	i := len(v.props)
	v.props = append(v.props, p)
	v.dups = append(v.dups, nil)
	for k, r := range v.rows {
		r.targets = append(r.targets, i)
		r.answers.Options = append(r.answers.Options, fmt.Sprintf("#%d (added)", i+1))
		r.answers.Refresh()
		if len(r.targets) == 1 && r.relation.Selected != extractNoRelation {
			r.answers.Enable()
		}
		v.updateHead(k)
	}
	speaker := ""
	if p.Start >= 0 {
		speaker = v.nearestSpeaker(p.Start)
	}
	row, box := v.newRow(i, p, v.names)
	row.actor.SetText(speaker)
	v.rows = append(v.rows, row)
	v.rowsBox.Add(box)
	v.moveTo(i)
	v.preview.Segments = highlightSegments(v.text, v.props)
	v.preview.Refresh()
	v.saveBtn.Enable()
	who := "give it its actor"
	if speaker != "" {
		who = fmt.Sprintf("its actor is the nearest speaker, %s: change it if wrong", speaker)
	}
	v.status.SetText(fmt.Sprintf("Added #%d from the selection: %s (and pair it with Alt+P if it answers a claim), then save.", i+1, who))
}

// answered is the proposal the row answers and how, as the reviewer left
// them, or -1 and "" for a claim of its own.
func (r *proposalRow) answered() (int, model.Relation) {
	k := r.answers.SelectedIndex()
	if r.relation.Selected == extractNoRelation || r.relation.Selected == "" || k < 0 {
		return -1, ""
	}
	return r.targets[k], model.Relation(r.relation.Selected)
}

// updateHead numbers row i and says what it answers.
func (v *extractView) updateHead(i int) {
	if i >= len(v.rows) || v.rows[i] == nil {
		return // still being built: show sets it
	}
	r := v.rows[i]
	head := fmt.Sprintf("#%d", i+1)
	if i == v.cur {
		head = "» " + head
	}
	if k, rel := r.answered(); k >= 0 {
		head += fmt.Sprintf(" %s #%d (%s)", rel, k+1, v.props[k].Actor.Name)
	}
	r.head.SetText(head)
}

// reviewed returns the accepted proposals as edited and, for each, the
// recorded claim chosen to stand for it ("" for a new claim).
func (v *extractView) reviewed() ([]extract.Proposal, []string) {
	keep := make([]bool, len(v.props))
	edited := make([]extract.Proposal, len(v.props))
	var recorded []string
	for i, p := range v.props {
		r := v.rows[i]
		keep[i] = r.accept.Checked && strings.TrimSpace(r.statement.Text) != "" && strings.TrimSpace(r.actor.Text) != ""
		p.Statement = strings.TrimSpace(r.statement.Text)
		p.Actor = v.actorNamed(strings.TrimSpace(r.actor.Text), p.Actor)
		p.Answers, p.Relation = r.answered()
		edited[i] = p
		if keep[i] {
			recorded = append(recorded, r.recordedID())
		}
	}
	return extract.Select(edited, keep), recorded
}

// actorNamed is the actor the reviewer typed: the proposed one when
// unchanged, a known actor by name or alias, else a new one.
func (v *extractView) actorNamed(name string, proposed extract.Actor) extract.Actor {
	if name == proposed.Name {
		return proposed
	}
	for _, a := range v.actors {
		if strings.EqualFold(a.Name, name) {
			return extract.Actor{ID: a.ID, Name: a.Name, Kind: a.Kind, Mention: proposed.Mention}
		}
		for _, al := range a.Aliases {
			if strings.EqualFold(al, name) {
				return extract.Actor{ID: a.ID, Name: a.Name, Kind: a.Kind, Mention: proposed.Mention}
			}
		}
	}
	kind := proposed.Kind
	if proposed.Known() || kind == "" {
		kind = model.KindOther
	}
	return extract.Actor{Name: name, Kind: kind, Mention: proposed.Mention}
}

func (v *extractView) onSave() {
	props, recorded := v.reviewed()
	if len(props) == 0 {
		v.status.SetText("Nothing is accepted: tick the proposals to save.")
		return
	}
	src := v.newSource()
	if src.ID == "" && strings.TrimSpace(src.Title) == "" {
		v.status.SetText("Give the source a title first (the article's headline, for instance).")
		return
	}
	v.saveBtn.Disable()
	v.status.SetText("Saving…")
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		base := v.origin
		if base == nil {
			base = context.Background()
		}
		var set int64
		ctx := db.WithSetID(db.WithOrigin(base, db.Origin{Reviewer: reviewerOf(base), Via: "extract"}), &set)
		saved, err := saveProposals(ctx, v.st, src, props, recorded)
		v.do(func() {
			if set != 0 && v.wrote != nil {
				v.wrote(set)
			}
			v.saved(saved, err)
		})
	}()
}

// newSource is the source the claims are linked to: the stored one the
// text came from, else a new one with the title given and the text.
func (v *extractView) newSource() model.Source {
	if v.source != nil {
		return *v.source
	}
	return model.Source{Title: strings.TrimSpace(v.title.Text), Text: v.text}
}

// saveProposals stores the proposals in one transaction; recorded[i], when
// set, is the recorded claim that stands for proposal i.
func saveProposals(ctx context.Context, st *db.Store, src model.Source, props []extract.Proposal, recorded []string) (extract.Saved, error) {
	var saved extract.Saved
	err := st.Update(ctx, func(tx *db.Tx) error {
		var err error
		saved, err = extract.SaveUsing(tx, &src, props, recorded)
		return err
	})
	return saved, err
}

func (v *extractView) saved(s extract.Saved, err error) {
	v.saveBtn.Enable()
	if err != nil {
		log.Printf("extract: saving: %v", err)
		v.status.SetText("Nothing was saved.")
		inform(v.win, "Not saved", fmt.Sprintf("The claims were not saved (nothing was): %v", err))
		return
	}
	msg := fmt.Sprintf("Saved %s and %s.", plural(len(s.ClaimIDs)-s.Recorded, "claim"), plural(s.Links, "link"))
	if s.Recorded > 0 {
		msg += fmt.Sprintf(" %s already recorded linked instead of saved again.", plural(s.Recorded, "claim"))
	}
	if len(s.NewActors) > 0 {
		var names []string
		for _, a := range s.NewActors {
			names = append(names, a.Name)
		}
		msg += " New actors: " + strings.Join(names, ", ") + "."
	}
	v.status.SetText(msg)
	v.saveBtn.Disable()
	if v.onDone != nil {
		v.onDone()
	}
	inform(v.win, "Claims saved", msg)
}

// extractMark is a highlighted span of the article with the numbers of the
// proposals that quote it.
type extractMark struct {
	start, end int
	labels     []string
	counter    bool
}

// highlightSegments renders text with the proposals' quotes highlighted
// and numbered: claims in the primary colour, counter-claims in the error
// colour. Each line of the text is a paragraph.
func highlightSegments(text string, props []extract.Proposal) []widget.RichTextSegment {
	var marks []extractMark
	for i, p := range props {
		if p.Start < 0 || p.End > len(text) || p.Start >= p.End {
			continue
		}
		found := false
		for k := range marks {
			if marks[k].start == p.Start && marks[k].end == p.End {
				marks[k].labels = append(marks[k].labels, fmt.Sprint(i+1))
				found = true
			}
		}
		if !found {
			marks = append(marks, extractMark{p.Start, p.End, []string{fmt.Sprint(i + 1)}, p.IsCounter()})
		}
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].start < marks[j].start })

	plain := widget.RichTextStyle{Inline: true}
	var segs []widget.RichTextSegment
	add := func(s string, style widget.RichTextStyle) {
		if s != "" {
			segs = append(segs, &widget.TextSegment{Text: s, Style: style})
		}
	}
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		before := len(segs)
		cursor := lineStart
		for _, m := range marks {
			if m.end <= cursor || m.start >= lineEnd {
				continue
			}
			hs, he := max(m.start, cursor), min(m.end, lineEnd)
			add(text[cursor:hs], plain)
			style := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
			if m.counter {
				style.ColorName = theme.ColorNameError
			}
			add(text[hs:he], style)
			if m.end <= lineEnd {
				add(" ["+strings.Join(m.labels, ",")+"]", widget.RichTextStyle{Inline: true, ColorName: style.ColorName, SizeName: theme.SizeNameCaptionText})
			}
			cursor = he
		}
		add(text[cursor:lineEnd], plain)
		if len(segs) > before {
			// The line's last piece ends the paragraph.
			last := segs[len(segs)-1].(*widget.TextSegment)
			last.Style.Inline = false
		}
		lineStart = lineEnd + 1
	}
	return segs
}
