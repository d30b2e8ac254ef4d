package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"claims/internal/csvio"
	"claims/internal/db"
)

// conflictsDialog lists the values an import would change that someone
// changed in the app since the file was written: for each, the database's
// value with who stored it and when, and the file's. The person chooses,
// row by row (Space toggles the row selected) or for all, and imports
// again with those choices; nothing was written before.
type conflictsDialog struct {
	list      *keyList
	conflicts []csvio.Conflict
	takeFile  []bool
	sel       int
	dlg       *modal
}

func showConflicts(w fyne.Window, file string, conflicts []csvio.Conflict, onImport func(map[csvio.ConflictKey]string)) *conflictsDialog {
	c := &conflictsDialog{conflicts: conflicts, takeFile: make([]bool, len(conflicts))}
	c.list = newKeyList(func() int { return len(c.conflicts) },
		func() fyne.CanvasObject {
			head := widget.NewLabel("")
			head.TextStyle.Bold = true
			head.Truncation = fyne.TextTruncateEllipsis
			stored := widget.NewLabel("")
			stored.Truncation = fyne.TextTruncateEllipsis
			inFile := widget.NewLabel("")
			inFile.Truncation = fyne.TextTruncateEllipsis
			choice := widget.NewCheck("Take the file's value", nil)
			return container.NewVBox(head, stored, inFile, choice)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			cf := c.conflicts[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("Line %d · %s of “%s”", cf.Line, cf.Field, clipText(cf.Statement, 70)))
			who := ""
			if cf.StoredBy.ID != 0 {
				who = fmt.Sprintf(" — %s, %s", cf.StoredBy.Reviewer, cf.StoredBy.At.Local().Format("2 Jan 2006 15:04"))
			}
			box.Objects[1].(*widget.Label).SetText("In the database: " + orNone(cf.Stored) + who)
			box.Objects[2].(*widget.Label).SetText("In the file: " + orNone(cf.File))
			check := box.Objects[3].(*widget.Check)
			check.OnChanged = nil
			check.SetChecked(c.takeFile[i])
			check.OnChanged = func(on bool) { c.takeFile[i] = on }
		})
	c.list.OnSelected = func(i widget.ListItemID) { c.sel = i }
	c.list.onKey = func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeySpace && c.sel >= 0 && c.sel < len(c.takeFile) {
			c.takeFile[c.sel] = !c.takeFile[c.sel]
			c.list.RefreshItem(c.sel)
			return true
		}
		return false
	}
	all := func(file bool) func() {
		return func() {
			for i := range c.takeFile {
				c.takeFile[i] = file
			}
			c.list.Refresh()
		}
	}
	run := func() {
		decide := map[csvio.ConflictKey]string{}
		for i, cf := range c.conflicts {
			decide[cf.Key()] = csvio.PreferDB
			if c.takeFile[i] {
				decide[cf.Key()] = csvio.PreferFile
			}
		}
		c.dlg.hide()
		onImport(decide)
	}
	intro := widget.NewLabel(fmt.Sprintf("Nothing was imported from %s yet. %d value(s) in it were also changed in the database "+
		"after the file was written. Choose which to keep, row by row (Space) or for all, then import.", file, len(conflicts)))
	intro.Wrapping = fyne.TextWrapWord
	importBtn := newKeyButton("Import with these choices", nil, run)
	importBtn.Importance = widget.HighImportance
	top := container.NewVBox(intro, container.NewHBox(
		newKeyButton("Keep every database value", nil, all(false)),
		newKeyButton("Take every file value", nil, all(true))))
	c.dlg = newModal(w, "Changed on both sides", container.NewBorder(top, nil, nil, nil, c.list), run, nil,
		newKeyButton("Cancel", nil, func() { c.dlg.hide() }), importBtn)
	c.dlg.show(fyne.NewSize(820, 600))
	if len(conflicts) > 0 {
		c.list.Select(0)
		w.Canvas().Focus(c.list)
	}
	return c
}

// showStale says that a save was refused because someone changed the same
// fields since the claim, actor or source was shown: both versions, and
// who made the other. "Save mine" saves again over what is stored now;
// "Keep theirs" shows it as it is. names turns a stored value into what a
// person reads (nil: as stored).
func showStale(w fyne.Window, se *db.StaleError, names func(field, value string) string, saveMine, keepTheirs func()) *modal {
	var b strings.Builder
	fmt.Fprintf(&b, "Someone changed this %s after it was shown here. Nothing was saved.\n", se.Entity)
	for _, f := range se.Fields {
		who := ""
		if f.By.ID != 0 {
			who = fmt.Sprintf(" (%s, %s)", f.By.Reviewer, f.By.At.Local().Format("2 Jan 2006 15:04"))
		}
		// Whole values: the person decides on the difference, which may
		// be at the end of a long one.
		stored, mine := f.Stored, f.Mine
		if names != nil {
			stored, mine = names(f.Field, stored), names(f.Field, mine)
		}
		theirs, yours := differing(stored, mine)
		fmt.Fprintf(&b, "\n%s\n    theirs: %s%s\n    yours:  %s\n", strings.ToUpper(string(f.Field[:1]))+string(f.Field[1:]),
			theirs, who, yours)
	}
	var md *modal
	mine := newKeyButton("Save mine", nil, func() { md.hide(); saveMine() })
	theirs := newKeyButton("Keep theirs", nil, func() { md.hide(); keepTheirs() })
	theirs.Importance = widget.HighImportance
	md = newModal(w, "Changed by someone else", container.NewVScroll(messageBox(b.String())), func() { md.hide(); keepTheirs() },
		func() { md.hide(); keepTheirs() }, mine, theirs)
	md.show(fyne.NewSize(620, messageHeight(b.String())+120))
	return md
}

// differing is two values of a field as a person compares them: lists
// (tags) joined with "; ", whole when short; when long (an article's text,
// a long statement), from a little before the first difference on, so
// that the difference is in view.
func differing(a, b string) (string, string) {
	ra, rb := []rune(strings.ReplaceAll(a, "\n", "; ")), []rune(strings.ReplaceAll(b, "\n", "; "))
	const long, before, span = 400, 60, 300
	from := 0
	if len(ra) > long || len(rb) > long {
		for from < len(ra) && from < len(rb) && ra[from] == rb[from] {
			from++
		}
		from = max(0, from-before)
	}
	show := func(r []rune) string {
		if len(r) == 0 {
			return "(empty)"
		}
		if len(r) <= long {
			return "“" + string(r) + "”"
		}
		lo, hi := min(from, len(r)), min(from+span, len(r))
		out := "“" + string(r[lo:hi]) + "”"
		if lo > 0 {
			out = "…" + out
		}
		if hi < len(r) {
			out += "…"
		}
		return out + fmt.Sprintf(" (%d characters)", len(r))
	}
	return show(ra), show(rb)
}

// saveForm saves an actor's or a source's form, or a new link, through
// save, which checks what was shown against what is stored
// (Store.EditActor, EditSource, AddLink).
// When someone changed the same fields since the form opened, the stale
// dialog, over the form, asks whose to keep; either answer closes the
// form (closeForm). It reports whether the form may close now.
func (m *mainWindow) saveForm(save func(overwrite bool) error, closeForm func(), failed, todo string) bool {
	var stale *db.StaleError
	switch err := save(false); {
	case errors.As(err, &stale):
		// The form stays until the answer: closing a dialog closes the
		// ones opened over it too.
		showStale(m.win, stale, nil, func() {
			closeForm()
			if err := save(true); err != nil {
				m.showError(failed, todo, err)
			}
			m.changed()
		}, func() {
			closeForm()
			m.changed()
		})
		return false
	case err != nil:
		m.showError(failed, todo, err)
		return false
	}
	m.changed()
	return true
}
