package ui

import (
	"errors"
	"fmt"
	"log"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/model"
)

// Keyboard shortcuts. Menu shortcuts fire even while a text box has the
// focus, and do nothing while a dialog or pop-up is open. Ctrl+Z and
// Ctrl+Y are the driver's Undo and Redo shortcuts, so the menu's Undo and
// Redo (of saved changes) take them from every text box too.
var (
	keyUndo     = &fyne.ShortcutUndo{}
	keyRedo     = &fyne.ShortcutRedo{}
	keyRedoZ    = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl | fyne.KeyModifierShift}
	keyTrash    = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: ctrl | fyne.KeyModifierShift}
	keyTeamDB   = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: ctrl | fyne.KeyModifierShift}
	ctrl        = fyne.KeyModifierShortcutDefault
	keyFind     = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl}
	keyFilters  = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl | fyne.KeyModifierShift}
	keySort     = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl | fyne.KeyModifierShift}
	keyNewClaim = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl}
	keyCounter  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl | fyne.KeyModifierShift}
	keyLink     = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: ctrl}
	keyTags     = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: ctrl}
	keyNote     = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: ctrl}
	keyReload   = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: ctrl}
	keyImport   = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: ctrl}
	keyExport   = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: ctrl | fyne.KeyModifierShift}
	keyExtract  = &desktop.CustomShortcut{KeyName: fyne.KeyX, Modifier: ctrl | fyne.KeyModifierShift}
	keyOpenDB   = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: ctrl}
	keySettings = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: ctrl}
	keyBack     = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}
	keyForward  = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}
	keyQuit     = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: ctrl}
	keyHelp     = &desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: ctrl}
	keyTab      = func(k fyne.KeyName) *desktop.CustomShortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}
	}
	keyVerdict = func(k fyne.KeyName) *desktop.CustomShortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: ctrl}
	}
)

func (m *mainWindow) setupMenus() {
	item := func(label string, action func(), key fyne.Shortcut) *fyne.MenuItem {
		guarded := func() {
			if !m.blocked() {
				action()
			}
		}
		it := fyne.NewMenuItem(label, guarded)
		it.Shortcut = key
		if key != nil {
			m.win.Canvas().AddShortcut(key, func(fyne.Shortcut) { guarded() })
		}
		return it
	}
	quit := item("Quit", m.quit, keyQuit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New database…", m.newDatabase, nil),
		item("Open database…", m.openDatabase, keyOpenDB),
		item("Open team database…", func() { m.openTeamDatabase() }, keyTeamDB),
		item("Back up database…", func() { m.detail.commitTags(); showBackup(m.win, m.st) }, nil),
		fyne.NewMenuItemSeparator(),
		item("Import…", m.importFile, keyImport),
		item("Export…", m.export, keyExport),
		item("Export map…", m.mapView.export, nil),
		item("Extract claims from article…", m.extract, keyExtract),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	var verdicts []*fyne.MenuItem
	for i, v := range model.Verdicts() {
		v := v
		verdicts = append(verdicts, item(v.Label(), func() { m.detail.setVerdict(v) }, keyVerdict(fyne.KeyName(strconv.Itoa(i+1)))))
	}
	verdictMenu := fyne.NewMenuItem("Set verdict", nil)
	verdictMenu.ChildMenu = fyne.NewMenu("", verdicts...)
	m.win.Canvas().AddShortcut(keyRedoZ, func(fyne.Shortcut) {
		if !m.blocked() {
			m.redoLast()
		}
	})
	edit := fyne.NewMenu("Edit",
		item("Undo", m.undoLast, keyUndo),
		item("Redo  (also Ctrl+Shift+Z outside a text box)", m.redoLast, keyRedo),
		item("Trash…", func() { m.showTrash() }, keyTrash),
		fyne.NewMenuItemSeparator(),
		item("New claim…", m.newClaim, keyNewClaim),
		item("Add counter-claim…", m.newCounterClaim, keyCounter),
		item("Link existing claim as counter-claim…", m.linkExisting, keyLink),
		item("Delete claim…  (Delete)", m.confirmDelete, nil),
		fyne.NewMenuItemSeparator(),
		verdictMenu,
		item("Edit tags", m.focusTags, keyTags),
		item("Add a note", m.focusNote, keyNote),
		fyne.NewMenuItemSeparator(),
		item("Find", m.focusSearch, keyFind),
		item("Filters", m.focusFilters, keyFilters),
		item("Sort", m.focusSort, keySort),
		item("Clear search and filters", m.clearSearch, nil),
		fyne.NewMenuItemSeparator(),
		item("Settings…", func() { showSettings(m.app, m.win) }, keySettings),
	)
	tab := func(i int) func() { return func() { m.tabs.SelectIndex(i) } }
	view := fyne.NewMenu("View",
		item("Claims", tab(0), keyTab(fyne.Key1)),
		item("Contradictions", tab(1), keyTab(fyne.Key2)),
		item("Actors", tab(2), keyTab(fyne.Key3)),
		item("Sources", tab(3), keyTab(fyne.Key4)),
		item("Map", tab(4), keyTab(fyne.Key5)),
		fyne.NewMenuItemSeparator(),
		item("Back", m.goBack, keyBack),
		item("Forward", m.goForward, keyForward),
		fyne.NewMenuItemSeparator(),
		item("Reload", m.reload, keyReload),
	)
	help := fyne.NewMenu("Help",
		item("Keyboard shortcuts", m.showKeys, keyHelp),
		item("About Claims", m.showAbout, nil),
	)
	m.win.SetMainMenu(fyne.NewMainMenu(file, edit, view, help))
	m.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		// Keys typed while nothing has the focus: a dialog's first, else
		// the claim list's.
		if dialogKey(m.win.Canvas(), ev) || m.blocked() {
			return
		}
		switch ev.Name {
		case fyne.KeyDelete:
			m.confirmDelete()
		case fyne.KeyDown, fyne.KeyUp, fyne.KeyPageDown, fyne.KeyPageUp, fyne.KeyHome, fyne.KeyEnd:
			if m.tabs.Selected() == m.claimsTab {
				m.focusList()
				m.list.TypedKey(ev)
			}
		}
	})
}

// blocked reports whether a dialog or pop-up is open: the window's
// shortcuts then do nothing.
func (m *mainWindow) blocked() bool { return blockedBy(m.win.Canvas()) }

// quit saves unsaved tags and the window size, then ends the app.
func (m *mainWindow) quit() {
	open := topModal(m.win.Canvas())
	m.detail.commitTags()
	m.detail.commitReview()
	m.detail.keepDraft()
	if topModal(m.win.Canvas()) != open {
		// Saving what was being typed needs an answer first (someone
		// changed the same field; the input is not valid): quitting now
		// would drop it unseen. The person answers, then quits again.
		return
	}
	if msg := m.unsavedWork(); msg != "" {
		ask(m.win, "Quit without saving?", msg, "Quit without saving", m.quitNow)
		return
	}
	m.quitNow()
}

// unsavedWork says what quitting would drop: notes begun and not added,
// proposals accepted in an extraction window and not saved; "" when none.
func (m *mainWindow) unsavedWork() string {
	var parts []string
	if n := len(m.detail.drafts); n > 0 {
		parts = append(parts, fmt.Sprintf("a note begun and not added, on %s", plural(n, "claim")))
	}
	for v := range m.extracts {
		if n := v.unsavedAccepted(); n > 0 {
			parts = append(parts, fmt.Sprintf("%s accepted in “%s” and not saved", plural(n, "proposal"), v.win.Title()))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Quitting drops " + strings.Join(parts, ", and ") + "."
}

// quitNow remembers the window's size and quits.
func (m *mainWindow) quitNow() {
	size := m.win.Canvas().Size()
	p := m.app.Preferences()
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
	m.app.Quit()
}

// focusSearch goes to the search box of the tab shown: the claims tab's,
// or the contradictions tab's there.
func (m *mainWindow) focusSearch() {
	var e interface {
		fyne.Focusable
		fyne.Shortcutable
	} = m.search
	if m.tabs.SelectedIndex() == 1 {
		e = m.contra.search
	} else {
		m.tabs.Select(m.claimsTab)
	}
	m.win.Canvas().Focus(e)
	// The query there is selected, as in a browser: typing replaces it,
	// an arrow key keeps it.
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// focusList gives the claim list the keyboard.
func (m *mainWindow) focusList() {
	m.tabs.Select(m.claimsTab)
	m.win.Canvas().Focus(m.list)
}

func (m *mainWindow) focusFilters() {
	if m.tabs.SelectedIndex() == 1 {
		m.contra.filters.showPanel()
		return
	}
	m.tabs.Select(m.claimsTab)
	m.filters.showPanel()
}

func (m *mainWindow) focusSort() {
	m.tabs.Select(m.claimsTab)
	m.win.Canvas().Focus(m.sortSelect)
}

func (m *mainWindow) focusTags() {
	if m.detail.loaded {
		m.tabs.Select(m.claimsTab)
		m.detail.tags.addAtEnd()
		m.win.Canvas().Focus(m.detail.tags)
	}
}

func (m *mainWindow) focusNote() {
	if m.detail.loaded {
		m.tabs.Select(m.claimsTab)
		m.win.Canvas().Focus(m.detail.noteEntry)
		m.detail.scroll.ScrollToBottom()
	}
}

// extract opens the extraction window.
func (m *mainWindow) extract() {
	if m.rec.readOnly {
		inform(m.win, "Cannot extract", errReadOnly.Error())
		return
	}
	v := showExtract(m.win, m.st, m.changed)
	v.origin, v.wrote = m.origin(), m.wrote
	m.extracts[v] = true
	v.win.SetOnClosed(func() { delete(m.extracts, v) })
}

// keysHelp lists every key, as the README's table does.
const keysHelp = `Ctrl+F	search (on the contradictions tab: its search); the query there is selected, so typing replaces it
Enter	in the search box: select the first result (or the one Up / Down picked) and go to the list
Up / Down	previous / next claim, from the search box or the list
Page Up / Page Down, Home / End	ten claims up or down; first / last
Escape	in the search box: empty it, then go to the list; in the list: back to the search box
Ctrl+Shift+F	filters: actor, source, tag, reviewer, dates, contested, unreviewed, counter-claims
Ctrl+Shift+S	sort: best match, date made, actor, verdict, most contested
Alt+Left / Alt+Right	back / forward through the claims opened
Ctrl+1 … Ctrl+7	verdict: unreviewed, true, mostly true, mixed, misleading, false, unverifiable
Ctrl+T	add a tag after the ones there (Enter saves, Escape drops the typing)
Ctrl+E	write a note (Ctrl+Enter adds it)
Ctrl+Z / Ctrl+Y	undo / redo the last change this window saved, also from a text box (Ctrl+Shift+Z redoes too, outside one)
Ctrl+Shift+T	the Trash: deleted claims, to put back (Enter)
Ctrl+N	new claim
Ctrl+Shift+N	add a counter-claim to the selected claim
Ctrl+L	link an existing claim as a counter-claim
Delete	delete the selected claim (asks first)
Tab / Shift+Tab	next / previous control; Enter or Space presses a button
Alt+1 … Alt+5	Claims, Contradictions, Actors, Sources, Map
On the map	arrows pan, + / - zoom, 0 fits, Tab / Shift+Tab move between actors (past the last, on to the next control), Enter lists the actor's claims; drag pans, the wheel zooms
Ctrl+I / Ctrl+Shift+E	import / export (what the list shows)
Ctrl+Shift+X	extract claims from an article
Ctrl+O	open another database
Ctrl+Shift+O	open a team database (PostgreSQL)
Ctrl+,	settings
Ctrl+R	reload from the database
Ctrl+/	this list
Ctrl+Q	quit
In every dialog	Enter confirms, Escape cancels; in lists, Up / Down and Enter`

func (m *mainWindow) showKeys() {
	inform(m.win, "Keyboard shortcuts", strings.ReplaceAll(keysHelp, "\t", "  —  "))
}

func (m *mainWindow) showAbout() {
	inform(m.win, "About Claims",
		"Claims tracks claims and their contradictions: who asserted what, where it was reported, "+
			"who denied it, and what the reviewers concluded.\n\nDatabase: "+m.st.Path())
}

// newDatabase asks for a folder and a file name and switches to a new,
// empty database there.
func (m *mainWindow) newDatabase() {
	chooseFile(m.win, "New database: choose its folder", chooseFolder, filepath.Dir(m.st.Path()), "", nil, func(dir string) {
		m.askNewDatabaseName(dir)
	})
}

// askNewDatabaseName asks for the new database's file name in dir.
func (m *mainWindow) askNewDatabaseName(dir string) *formModal {
	name := newKeyEntry()
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
	return newFormModal(m.win, "New database", "Create",
		[]*widget.FormItem{{Text: "File name", Widget: name, HintText: "in " + dir}},
		func() bool {
			m.openPath(filepath.Join(dir, strings.TrimSpace(name.Text)))
			return true
		}, fyne.NewSize(560, 0))
}

// openDatabase asks for a database file and switches to it.
func (m *mainWindow) openDatabase() {
	chooseFile(m.win, "Open database", chooseOpen, filepath.Dir(m.st.Path()), "", nil, m.openPath)
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
			path, why, err, filepath.Base(m.st.Path()))
		ask(m.win, "Cannot open database", msg, "Open another…", m.openDatabase)
		return
	}
	m.switchStore(st)
}
