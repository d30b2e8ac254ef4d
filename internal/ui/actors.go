package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/model"
)

// actorsView lists the actors; the selected one shows its aliases, the
// claims it made and the claims about it, and can be merged into another.
type actorsView struct {
	m        *mainWindow
	list     *widget.List
	keys     *keyList // the list, as the keyboard reaches it
	selected string   // actor id
	name     *widget.Label
	info     *widget.Label
	made     *fyne.Container
	aboutBox *fyne.Container
	merge    *keyButton
	edit     *keyButton
	del      *keyButton
	detail   *fyne.Container
	content  fyne.CanvasObject
	// counts are the claims per actor, and about is the claims about each,
	// counted by load rather than once per row drawn.
	counts map[string]int
	about  map[string]int
}

func newActorsView(m *mainWindow) *actorsView {
	v := &actorsView{m: m}
	list := newKeyList(func() int { return len(m.actors) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(m.actors) {
				a := m.actors[id]
				o.(*widget.Label).SetText(fmt.Sprintf("%s  ·  %s  ·  %s", a.Name, a.Kind, plural(v.claimsBy(a.ID), "claim")))
			}
		})
	list.onKey = func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyDelete {
			v.askDelete()
			return true
		}
		return listMoves(&list.List, len(m.actors), slices.IndexFunc(m.actors, func(a model.Actor) bool { return a.ID == v.selected }), ev)
	}
	v.list, v.keys = &list.List, list
	v.list.OnSelected = func(id widget.ListItemID) {
		if id < len(m.actors) {
			v.show(m.actors[id].ID)
		}
	}
	v.name = heading("")
	v.info = wrapped("")
	v.made = container.NewVBox()
	v.aboutBox = container.NewVBox()
	v.merge = newKeyButton("Merge into…", theme.ContentCutIcon(), v.askMerge)
	v.edit = newKeyButton("Edit…", theme.DocumentCreateIcon(), func() { v.showEdit() })
	v.del = newKeyButton("Delete", theme.DeleteIcon(), v.askDelete)
	v.detail = container.NewVBox(v.name, v.info, container.NewHBox(v.edit, v.merge, v.del, layout.NewSpacer()),
		widget.NewSeparator(), boldLabel("Claims made"), v.made,
		widget.NewSeparator(), boldLabel("Claims about this actor"), v.aboutBox)
	v.detail.Hide()
	v.content = newAdaptiveSplit(list, container.NewVScroll(container.NewPadded(v.detail)), 900, 0.35)
	return v
}

func (v *actorsView) claimsBy(actorID string) int { return v.counts[actorID] }

// claimsAbout counts the claims about the actor.
func (v *actorsView) claimsAbout(actorID string) int { return v.about[actorID] }

// load counts the claims of each actor in the window's claims and shows
// the list again (the window calls it when the tab is shown and after
// every reload while it is).
func (v *actorsView) load() {
	v.counts, v.about = make(map[string]int), make(map[string]int)
	for i := range v.m.claims {
		v.counts[v.m.claims[i].ActorID]++
		for _, s := range v.m.claims[i].SubjectIDs {
			v.about[s]++
		}
	}
	v.list.Refresh()
	if i := slices.IndexFunc(v.m.actors, func(a model.Actor) bool { return a.ID == v.selected }); i >= 0 {
		v.list.Select(i) // the row follows the actor when the order changed
		v.show(v.selected)
	} else {
		v.selected = ""
		v.list.UnselectAll()
		v.detail.Hide()
	}
}

func (v *actorsView) selectFirst() {
	if len(v.m.actors) > 0 {
		v.list.Select(0)
	}
}

func (v *actorsView) show(id string) {
	a, ok := v.m.actorByID(id)
	if !ok {
		return
	}
	v.selected = id
	v.name.SetText(a.Name)
	info := "Kind: " + string(a.Kind)
	if len(a.Aliases) > 0 {
		info += "\nAlso known as: " + strings.Join(a.Aliases, ", ")
	} else {
		info += "\nNo aliases."
	}
	v.info.SetText(info)
	if v.claimsBy(id) == 0 && v.claimsAbout(id) == 0 {
		v.del.Enable()
	} else {
		v.del.Disable()
	}
	var made, about []fyne.CanvasObject
	nMade, nAbout := 0, 0
	for _, c := range v.m.claims {
		if c.ActorID == id {
			if nMade++; nMade <= shownClaims {
				made = append(made, claimLine(v.m, c, ""))
			}
		}
		for _, s := range c.SubjectIDs {
			if s == id {
				if nAbout++; nAbout <= shownClaims {
					about = append(about, claimLine(v.m, c, c.ActorName+": "))
				}
			}
		}
	}
	if nMade > shownClaims {
		made = append(made, moreClaims(nMade, "Show all "+formatCount(nMade)+" on the Claims tab", func() {
			v.m.filters.clearAll()
			v.m.filters.actorID = id
			v.m.filters.changed()
			v.m.tabs.Select(v.m.claimsTab)
		}))
	}
	if nAbout > shownClaims {
		about = append(about, moreClaims(nAbout, "", nil))
	}
	if nMade == 0 {
		made = append(made, widget.NewLabel("None."))
	}
	if nAbout == 0 {
		about = append(about, widget.NewLabel("None."))
	}
	v.made.Objects, v.aboutBox.Objects = made, about
	v.detail.Show()
	v.detail.Refresh()
}

// shownClaims is how many claims the actors and sources tabs list for one
// actor or source; the others are a click (or Enter) away on the claims
// tab, filtered: hundreds of lines would take seconds to lay out.
const shownClaims = 25

// moreClaims says how many claims are not listed, with a button that
// lists them all elsewhere when show is set.
func moreClaims(n int, label string, show func()) fyne.CanvasObject {
	text := widget.NewLabel(fmt.Sprintf("… and %s more.", formatCount(n-shownClaims)))
	if show == nil {
		return text
	}
	return container.NewHBox(text, newKeyButton(label, theme.NavigateNextIcon(), show))
}

// claimLine is a claim's statement with its verdict and a button to open it.
func claimLine(m *mainWindow, c model.ClaimSummary, prefix string) fyne.CanvasObject {
	id := c.ID
	open := newKeyButton("", theme.NavigateNextIcon(), func() { m.openClaim(id) })
	return container.NewBorder(nil, nil, nil, open, wrapped(fmt.Sprintf("%s%s  [%s]", prefix, c.Statement, c.Verdict.Label())))
}

// askMerge picks the actor to keep, with a search, and asks for
// confirmation.
func (v *actorsView) askMerge() {
	gone, ok := v.m.actorByID(v.selected)
	if !ok {
		return
	}
	var items []pickItem
	for _, a := range v.m.actors {
		if a.ID != gone.ID {
			items = append(items, pickItem{label: a.Name, value: a.ID})
		}
	}
	showPicker(v.m.win, "Merge “"+gone.Name+"” into…", "Type the name of the actor to keep…", items, "", func(it pickItem) {
		if keep, ok := v.m.actorByID(it.value); ok {
			v.confirmMerge(keep, gone)
		}
	})
}

func (v *actorsView) confirmMerge(keep, gone model.Actor) {
	msg := fmt.Sprintf("Merge “%s” into “%s”?\n\n%d claims by %s and the claims about it move to %s; “%s” becomes one of its aliases. This cannot be undone.",
		gone.Name, keep.Name, v.claimsBy(gone.ID), gone.Name, keep.Name, gone.Name)
	ask(v.m.win, "Merge actors", msg, "Merge", func() { v.doMerge(keep.ID, gone.ID) })
}

func (v *actorsView) doMerge(keepID, goneID string) {
	if err := v.m.write("merge actors", func(ctx context.Context) error { return v.m.st.MergeActors(ctx, keepID, goneID) }); err != nil {
		v.m.showError("Could not merge the actors", "", err)
		return
	}
	v.selected = keepID
	v.m.changed()
}

// askDelete deletes the selected actor, when no claim is by it or about
// it, after asking.
func (v *actorsView) askDelete() {
	a, ok := v.m.actorByID(v.selected)
	if !ok || v.m.blocked() {
		return
	}
	if n := v.claimsBy(a.ID) + v.claimsAbout(a.ID); n > 0 {
		inform(v.m.win, "Delete actor", fmt.Sprintf("%s is named in %s. Only an actor no claim names can be deleted; to make two actors one, use Merge.",
			a.Name, plural(n, "claim")))
		return
	}
	ask(v.m.win, "Delete actor", fmt.Sprintf("Delete “%s”? No claim is by it or about it.", a.Name), "Delete", func() {
		if err := v.m.write("delete an actor", func(ctx context.Context) error { return v.m.st.DeleteActor(ctx, a.ID) }); err != nil {
			v.m.showError("Could not delete the actor", "", err)
			return
		}
		v.selected = ""
		v.m.changed()
	})
}

// plural says "1 claim", "3 claims".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// actorForm is the Edit actor dialog.
type actorForm struct {
	name, aliases *keyEntry
	kind          *keySelect
	dlg           *formModal
}

// showEdit edits the selected actor's name, kind and aliases.
func (v *actorsView) showEdit() *actorForm {
	a, ok := v.m.actorByID(v.selected)
	if !ok {
		return nil
	}
	f := &actorForm{name: newKeyEntry(), aliases: newKeyMultiLineEntry()}
	f.name.SetText(a.Name)
	f.aliases.SetText(strings.Join(a.Aliases, ", "))
	f.aliases.SetPlaceHolder("Other names, separated by commas, e.g. Kabul, Afghan authorities")
	var kinds []string
	for _, k := range model.ActorKinds() {
		kinds = append(kinds, string(k))
	}
	f.kind = newKeySelect(kinds, nil)
	f.kind.SetSelected(string(a.Kind))
	f.dlg = newFormModal(v.m.win, "Edit actor", "Save", []*widget.FormItem{
		{Text: "Name", Widget: f.name},
		{Text: "Kind", Widget: f.kind},
		{Text: "Aliases", Widget: f.aliases, HintText: "Searching for an alias finds this actor's claims"},
	}, func() bool {
		edited := model.Actor{ID: a.ID, Name: f.name.Text, Kind: model.ActorKind(f.kind.Selected)}
		for _, al := range strings.Split(f.aliases.Text, ",") {
			edited.Aliases = append(edited.Aliases, strings.TrimSpace(al))
		}
		save := func(overwrite bool) error {
			return v.m.write("save an actor", func(ctx context.Context) error { return v.m.st.EditActor(ctx, a, edited, overwrite) })
		}
		return v.m.saveForm(save, f.dlg.hide, "Could not save the actor",
			"Names and aliases must be unique: an alias may not be another actor's name or alias. To make two actors one, use Merge.")
	}, fyne.NewSize(600, 0))
	return f
}

// listMoves makes Up, Down, Page Up and Page Down select in a list of n
// rows whose selected row is current (-1 for none), as the claim list
// does, and reports whether it used the key.
func listMoves(l *widget.List, n, current int, ev *fyne.KeyEvent) bool {
	step := map[fyne.KeyName]int{fyne.KeyDown: 1, fyne.KeyUp: -1, fyne.KeyPageDown: pageRows, fyne.KeyPageUp: -pageRows}[ev.Name]
	if step == 0 || n == 0 {
		return false
	}
	row := current + step
	if current < 0 {
		row = 0
	}
	row = min(max(row, 0), n-1)
	l.Select(row)
	l.ScrollTo(row)
	return true
}
