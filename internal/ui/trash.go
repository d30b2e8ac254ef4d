package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
)

// trashDialog lists the deleted claims; Restore (or Enter) puts the one
// selected back, with its tags, notes and links.
type trashDialog struct {
	m     *mainWindow
	items []db.Trashed
	sel   int
	list  *keyList
	dlg   *modal
	empty *widget.Label
}

// showTrash opens Edit → Trash.
func (m *mainWindow) showTrash() *trashDialog {
	t := &trashDialog{m: m, sel: -1}
	t.empty = widget.NewLabel("The Trash is empty: no claim has been deleted, or every one was put back.")
	t.empty.Wrapping = fyne.TextWrapWord
	t.list = newKeyList(func() int { return len(t.items) },
		func() fyne.CanvasObject {
			head := widget.NewLabel("")
			head.TextStyle.Bold = true
			head.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(head, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			it := t.items[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(it.Statement)
			box.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s · deleted %s by %s", it.ActorName,
				it.Deleted.At.Local().Format("2 Jan 2006 15:04"), it.Deleted.Reviewer))
		})
	t.list.OnSelected = func(i widget.ListItemID) { t.sel = i }
	restore := newKeyButton("Restore", theme.ContentUndoIcon(), t.restore)
	restore.Importance = widget.HighImportance
	// Not centred: a wrapping label in a centring container asks for one
	// line per character.
	body := container.NewStack(t.list, container.NewVBox(t.empty))
	t.dlg = newModal(m.win, "Trash", container.NewBorder(
		widget.NewLabel("Deleted claims, the most recent first. Restore puts one back with its tags, notes and links (Enter)."),
		nil, nil, nil, body), t.restore, nil, newKeyButton("Close", nil, func() { t.dlg.hide() }), restore)
	t.dlg.show(fyne.NewSize(760, 520))
	t.load()
	return t
}

func (t *trashDialog) load() {
	items, err := t.m.st.Trash(t.m.ctx())
	if err != nil {
		t.m.showError("Could not read the Trash", "", err)
		return
	}
	t.items = items
	t.empty.Hidden = len(items) > 0
	t.list.Refresh()
	if len(items) > 0 {
		t.list.Select(0)
		t.m.win.Canvas().Focus(t.list)
	}
}

// restore puts the selected claim back and opens it.
func (t *trashDialog) restore() {
	if t.sel < 0 || t.sel >= len(t.items) {
		return
	}
	it := t.items[t.sel]
	err := t.m.write("restore a claim", func(ctx context.Context) error { return t.m.st.RestoreClaim(ctx, it.ID) })
	if err != nil {
		t.m.showError("Could not restore the claim", "", err)
		return
	}
	t.dlg.hide()
	t.m.changed()
	t.m.openClaim(it.ID)
}

// historyText is one change as the detail pane's History lists it, for
// the claim shown: a link names the claim at its other end.
func (m *mainWindow) historyText(c db.Change, shown string) string {
	what := c.Describe()
	if c.Entity == "link" {
		other, thisAnswers := c.EntityID, false
		if c.EntityID == shown {
			other, thisAnswers = c.ClaimID, true
		}
		who := "a claim no longer listed"
		if cs, ok := m.claimSummary(other); ok {
			who = fmt.Sprintf("%s’s claim “%s”", cs.ActorName, clipText(cs.Statement, 60))
		}
		rel := c.New
		switch {
		case c.Old != "" && c.New != "":
			what = fmt.Sprintf("link to %s: %s → %s", who, c.Old, c.New)
		case thisAnswers:
			if rel == "" {
				rel = c.Old
				what = fmt.Sprintf("link removed: this claim no longer %s %s", rel, who)
			} else {
				what = fmt.Sprintf("linked: this claim %s %s", rel, who)
			}
		default:
			if rel == "" {
				what = fmt.Sprintf("link removed: %s no longer %s this claim", who, c.Old)
			} else {
				what = fmt.Sprintf("linked: %s %s this claim", who, rel)
			}
		}
	}
	return fmt.Sprintf("%s · %s (%s) — %s", c.Set.At.Local().Format("2 Jan 2006 15:04"), c.Set.Reviewer, c.Set.Via,
		strings.ReplaceAll(what, "\n", "; "))
}
