package ui

import (
	"errors"
	"fmt"
	"log"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
)

// Keyboard shortcuts. Menu shortcuts fire even while a text box has the
// focus.
var (
	keyFind     = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	keyNewClaim = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	keyCounter  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	keyReload   = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
	keyTab      = func(k fyne.KeyName) *desktop.CustomShortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}
	}
)

func (m *mainWindow) setupMenus() {
	item := func(label string, action func(), key fyne.Shortcut) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = key
		if key != nil {
			m.win.Canvas().AddShortcut(key, func(fyne.Shortcut) { action() })
		}
		return it
	}
	quit := item("Quit", m.quit, &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault})
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New database…", m.newDatabase, nil),
		item("Open database…", m.openDatabase, nil),
		item("Back up database…", func() { m.detail.commitTags(); showBackup(m.win, m.st) }, nil),
		fyne.NewMenuItemSeparator(),
		item("Import…", func() { showImport(m.win, m.st, m.changed, m.openClaim) }, nil),
		item("Export…", func() { m.detail.commitTags(); showExport(m.win, m.st) }, nil),
		item("Export map…", m.mapView.export, nil),
		item("Extract claims from article…", func() { showExtract(m.win, m.st, m.changed) }, nil),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu("Edit",
		item("New claim…", m.newClaim, keyNewClaim),
		item("Add counter-claim…", m.newCounterClaim, keyCounter),
		item("Link existing claim as counter-claim…", m.linkExisting, nil),
		item("Delete claim…", m.confirmDelete, nil),
		fyne.NewMenuItemSeparator(),
		item("Find", m.focusSearch, keyFind),
		fyne.NewMenuItemSeparator(),
		item("Settings…", func() { showSettings(m.app, m.win) }, nil),
	)
	tab := func(i int) func() { return func() { m.tabs.SelectIndex(i) } }
	view := fyne.NewMenu("View",
		item("Claims", tab(0), keyTab(fyne.Key1)),
		item("Contradictions", tab(1), keyTab(fyne.Key2)),
		item("Actors", tab(2), keyTab(fyne.Key3)),
		item("Sources", tab(3), keyTab(fyne.Key4)),
		item("Map", tab(4), keyTab(fyne.Key5)),
		fyne.NewMenuItemSeparator(),
		item("Reload", m.reload, keyReload),
	)
	help := fyne.NewMenu("Help",
		item("Keyboard shortcuts", m.showKeys, nil),
		item("About Claims", m.showAbout, nil),
	)
	m.win.SetMainMenu(fyne.NewMainMenu(file, edit, view, help))
	m.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		// Keys typed while nothing has the focus.
		switch ev.Name {
		case fyne.KeyDelete:
			m.confirmDelete()
		case fyne.KeyDown:
			m.list.move(1)
		case fyne.KeyUp:
			m.list.move(-1)
		}
	})
}

// quit saves unsaved tags and the window size, then ends the app.
func (m *mainWindow) quit() {
	m.detail.commitTags()
	size := m.win.Canvas().Size()
	p := m.app.Preferences()
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
	m.app.Quit()
}

func (m *mainWindow) focusSearch() {
	m.tabs.Select(m.claimsTab)
	m.win.Canvas().Focus(m.search)
}

const keysHelp = `Ctrl+F	search claims
Up / Down	previous / next claim (also from the search box)
Enter	in the search box: select the first result
Escape	in the search box: clear it
Ctrl+N	new claim
Ctrl+Shift+N	add a counter-claim to the selected claim
Delete	delete the selected claim (asks first)
Alt+1 … Alt+5	Claims, Contradictions, Actors, Sources, Map
On the map	arrows pan, + / - zoom, 0 fits, Tab / Shift+Tab move between actors, Enter lists the actor's claims; drag pans, the wheel zooms
Ctrl+R	reload from the database`

func (m *mainWindow) showKeys() {
	dialog.ShowInformation("Keyboard shortcuts", strings.ReplaceAll(keysHelp, "\t", "  —  "), m.win)
}

func (m *mainWindow) showAbout() {
	dialog.ShowInformation("About Claims",
		"Claims tracks claims and their contradictions: who asserted what, where it was reported, "+
			"who denied it, and what the reviewers concluded.\n\nDatabase: "+m.st.Path(), m.win)
}

// newDatabase asks for a folder and a file name and switches to a new,
// empty database there. (A save dialog would truncate an existing file,
// even the open database, before we could refuse it.)
func (m *mainWindow) newDatabase() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			m.showError("Could not choose the folder", "", err)
			return
		}
		if dir == nil {
			return // cancelled
		}
		m.askNewDatabaseName(dir.Path())
	}, m.win)
}

// askNewDatabaseName asks for the new database's file name in dir.
func (m *mainWindow) askNewDatabaseName(dir string) *dialog.FormDialog {
	name := widget.NewEntry()
	name.SetText("claims.db")
	name.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		switch {
		case s == "" || strings.ContainsAny(s, `/\`):
			return errText("a file name, without folders")
		case db.Exists(filepath.Join(dir, s)):
			return errText("a file of that name exists; choose File → Open database… to open it")
		}
		return nil
	}
	d := dialog.NewForm("New database", "Create", "Cancel",
		[]*widget.FormItem{{Text: "File name", Widget: name, HintText: "in " + dir}},
		func(ok bool) {
			if ok {
				m.openPath(filepath.Join(dir, strings.TrimSpace(name.Text)))
			}
		}, m.win)
	name.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	return d
}

// openDatabase asks for a database file and switches to it.
func (m *mainWindow) openDatabase() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			m.showError("Could not choose the file", "", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		m.openPath(path)
	}, m.win)
	d.Show()
}

// openPath opens the database at path and switches the window to it; a
// file the store refuses is explained, with an offer to open another.
func (m *mainWindow) openPath(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if path == m.st.Path() {
		return
	}
	st, err := db.Open(path)
	if err != nil {
		log.Printf("claims: open %s: %v", path, err)
		var why string
		switch {
		case errors.Is(err, db.ErrNotClaimsDB):
			why = "It is not a Claims database."
		case errors.Is(err, db.ErrNewerSchema):
			why = "It was made by a newer version of Claims; update Claims to open it."
		case errors.Is(err, db.ErrCorrupt):
			why = "The file is damaged or cut short. If you have a backup (a .bak file beside it), open that."
		case errors.Is(err, db.ErrReadOnly):
			why = "The file or its folder is read-only. Make it writable or copy it somewhere writable."
		default:
			why = "The database could not be opened."
		}
		msg := fmt.Sprintf("%s could not be opened.\n\n%s\n\n(%v)\n\nThe file was left as it was; %s is still open. Open another file?",
			filepath.Base(path), why, err, filepath.Base(m.st.Path()))
		dialog.ShowConfirm("Cannot open database", msg, func(again bool) {
			if again {
				m.openDatabase()
			}
		}, m.win)
		return
	}
	m.switchStore(st)
}
