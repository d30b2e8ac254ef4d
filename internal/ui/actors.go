package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
	selected string // actor id
	name     *widget.Label
	info     *widget.Label
	made     *fyne.Container
	about    *fyne.Container
	merge    *widget.Button
	edit     *widget.Button
	detail   *fyne.Container
	content  fyne.CanvasObject
	// counts are the claims per actor, counted by load rather than once
	// per row drawn.
	counts map[string]int
}

func newActorsView(m *mainWindow) *actorsView {
	v := &actorsView{m: m}
	v.list = widget.NewList(func() int { return len(m.actors) },
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
	v.list.OnSelected = func(id widget.ListItemID) {
		if id < len(m.actors) {
			v.show(m.actors[id].ID)
		}
	}
	v.name = heading("")
	v.info = wrapped("")
	v.made = container.NewVBox()
	v.about = container.NewVBox()
	v.merge = widget.NewButtonWithIcon("Merge into another actor…", theme.ContentCutIcon(), v.askMerge)
	v.edit = widget.NewButtonWithIcon("Edit name and aliases…", theme.DocumentCreateIcon(), func() { v.showEdit() })
	v.detail = container.NewVBox(v.name, v.info, container.NewHBox(v.edit, v.merge, layout.NewSpacer()),
		widget.NewSeparator(), boldLabel("Claims made"), v.made,
		widget.NewSeparator(), boldLabel("Claims about this actor"), v.about)
	v.detail.Hide()
	split := container.NewHSplit(v.list, container.NewVScroll(container.NewPadded(v.detail)))
	split.Offset = 0.35
	v.content = split
	return v
}

func (v *actorsView) claimsBy(actorID string) int { return v.counts[actorID] }

// load counts the claims of each actor in the window's claims and shows
// the list again (the window calls it when the tab is shown and after
// every reload while it is).
func (v *actorsView) load() {
	v.counts = make(map[string]int)
	for i := range v.m.claims {
		v.counts[v.m.claims[i].ActorID]++
	}
	v.list.Refresh()
	if _, ok := v.m.actorByID(v.selected); ok {
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
	v.made.Objects, v.about.Objects = nil, nil
	for _, c := range v.m.claims {
		if c.ActorID == id {
			v.made.Add(claimLine(v.m, c, ""))
		}
		for _, s := range c.SubjectIDs {
			if s == id {
				v.about.Add(claimLine(v.m, c, c.ActorName+": "))
			}
		}
	}
	if len(v.made.Objects) == 0 {
		v.made.Add(widget.NewLabel("None."))
	}
	if len(v.about.Objects) == 0 {
		v.about.Add(widget.NewLabel("None."))
	}
	v.detail.Show()
	v.detail.Refresh()
}

// claimLine is a claim's statement with its verdict and a button to open it.
func claimLine(m *mainWindow, c model.ClaimSummary, prefix string) fyne.CanvasObject {
	id := c.ID
	open := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { m.openClaim(id) })
	return container.NewBorder(nil, nil, nil, open, wrapped(fmt.Sprintf("%s%s  [%s]", prefix, c.Statement, c.Verdict.Label())))
}

// askMerge picks the actor to keep and asks for confirmation.
func (v *actorsView) askMerge() {
	gone, ok := v.m.actorByID(v.selected)
	if !ok {
		return
	}
	var names []string
	for _, a := range v.m.actors {
		if a.ID != gone.ID {
			names = append(names, a.Name)
		}
	}
	pick := widget.NewSelect(names, nil)
	pick.PlaceHolder = "Choose the actor to keep"
	d := dialog.NewForm("Merge “"+gone.Name+"”", "Merge…", "Cancel",
		[]*widget.FormItem{{Text: "Merge into", Widget: pick,
			HintText: "Its claims, the claims about it, its name and aliases move to this actor"}},
		func(ok bool) {
			if !ok || pick.Selected == "" {
				return
			}
			for _, a := range v.m.actors {
				if a.Name == pick.Selected {
					v.confirmMerge(a, gone)
				}
			}
		}, v.m.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

func (v *actorsView) confirmMerge(keep, gone model.Actor) {
	msg := fmt.Sprintf("Merge “%s” into “%s”?\n\n%d claims by %s and the claims about it move to %s; “%s” becomes one of its aliases. This cannot be undone.",
		gone.Name, keep.Name, v.claimsBy(gone.ID), gone.Name, keep.Name, gone.Name)
	dialog.ShowConfirm("Merge actors", msg, func(ok bool) {
		if ok {
			v.doMerge(keep.ID, gone.ID)
		}
	}, v.m.win)
}

func (v *actorsView) doMerge(keepID, goneID string) {
	if err := v.m.st.MergeActors(v.m.ctx(), keepID, goneID); err != nil {
		v.m.showError("Could not merge the actors", "", err)
		return
	}
	v.selected = keepID
	v.m.changed()
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
	name, aliases *widget.Entry
	kind          *widget.Select
	dlg           *dialog.FormDialog
}

// showEdit edits the selected actor's name, kind and aliases.
func (v *actorsView) showEdit() *actorForm {
	a, ok := v.m.actorByID(v.selected)
	if !ok {
		return nil
	}
	f := &actorForm{name: widget.NewEntry(), aliases: widget.NewMultiLineEntry()}
	f.name.SetText(a.Name)
	f.aliases.SetText(strings.Join(a.Aliases, ", "))
	f.aliases.Wrapping = fyne.TextWrapWord
	f.aliases.SetPlaceHolder("Other names, separated by commas, e.g. Kabul, Afghan authorities")
	var kinds []string
	for _, k := range model.ActorKinds() {
		kinds = append(kinds, string(k))
	}
	f.kind = widget.NewSelect(kinds, nil)
	f.kind.SetSelected(string(a.Kind))
	f.dlg = dialog.NewForm("Edit actor", "Save", "Cancel", []*widget.FormItem{
		{Text: "Name", Widget: f.name},
		{Text: "Kind", Widget: f.kind},
		{Text: "Aliases", Widget: f.aliases, HintText: "Searching for an alias finds this actor's claims"},
	}, func(ok bool) {
		if !ok {
			return
		}
		edited := model.Actor{ID: a.ID, Name: f.name.Text, Kind: model.ActorKind(f.kind.Selected)}
		for _, al := range strings.Split(f.aliases.Text, ",") {
			edited.Aliases = append(edited.Aliases, strings.TrimSpace(al))
		}
		if err := v.m.st.UpdateActor(v.m.ctx(), &edited); err != nil {
			v.m.showError("Could not save the actor", "Names and aliases must be unique: an alias may not be another actor's name or alias. To make two actors one, use Merge.", err)
			return
		}
		v.m.changed()
	}, v.m.win)
	f.dlg.Resize(fyne.NewSize(560, 0))
	f.dlg.Show()
	return f
}
