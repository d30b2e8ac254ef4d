package ui

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// What a file chooser chooses.
type chooseMode int

const (
	chooseOpen   chooseMode = iota // an existing file
	chooseSave                     // a file name to write (asking before replacing a file)
	chooseFolder                   // a folder
)

// prefLastDir is the folder the last file chooser ended in.
const prefLastDir = "files.last_dir"

// fileChooser is the window's file dialog, made for the keyboard (Fyne's
// own takes neither Enter nor Escape, and fills the terminal with notes
// about folders the computer does not define). The name box takes a file
// name, or a folder or a whole path; Enter there opens a folder or
// chooses. Down moves into the folder's list, where Up and Down move,
// Enter opens a folder or chooses a file and Backspace goes up a folder.
// Escape cancels.
type fileChooser struct {
	*modal
	w        fyne.Window
	mode     chooseMode
	exts     []string // the file name endings listed (all when empty)
	dir      string
	entries  []os.DirEntry
	where    *widget.Label
	name     *keyEntry
	list     *keyList
	sel      int
	onChoose func(path string)
	problem  *widget.Label
}

// chooseFile opens a file chooser in dir (the last folder used when
// empty) with name in the name box; onChoose gets the absolute path.
func chooseFile(w fyne.Window, title string, mode chooseMode, dir, name string, exts []string, onChoose func(path string)) *fileChooser {
	fc := &fileChooser{w: w, mode: mode, exts: exts, onChoose: onChoose, sel: -1}
	if dir == "" {
		dir = fyne.CurrentApp().Preferences().String(prefLastDir)
	}
	if fi, err := os.Stat(dir); dir == "" || err != nil || !fi.IsDir() {
		dir, _ = os.UserHomeDir()
	}
	fc.where = widget.NewLabel("")
	fc.where.Wrapping = fyne.TextWrapBreak
	fc.where.TextStyle.Bold = true
	fc.problem = widget.NewLabel("")
	fc.problem.Importance = widget.DangerImportance
	fc.problem.Wrapping = fyne.TextWrapWord
	fc.problem.Hide()
	fc.name = newKeyEntry()
	fc.name.SetText(name)
	switch mode {
	case chooseSave:
		fc.name.SetPlaceHolder("File name, or a folder to open")
	case chooseFolder:
		fc.name.SetPlaceHolder("A folder to open (Enter) — or choose this one")
	default:
		fc.name.SetPlaceHolder("File name or path, or a folder to open")
	}
	fc.name.OnSubmitted = func(string) { fc.submitName() }
	fc.name.onKey = func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyDown && len(fc.entries) > 0 {
			w.Canvas().Focus(fc.list)
			fc.selectRow(max(fc.sel, 0))
			return true
		}
		return false
	}
	fc.list = newKeyList(func() int { return len(fc.entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(fc.entries) {
				return
			}
			e := fc.entries[id]
			row := o.(*fyne.Container)
			icon, label := theme.FileIcon(), e.Name()
			if e.IsDir() {
				icon, label = theme.FolderIcon(), label+string(filepath.Separator)
			}
			row.Objects[1].(*widget.Icon).SetResource(icon)
			row.Objects[0].(*widget.Label).SetText(label)
		})
	fc.list.OnSelected = func(id widget.ListItemID) {
		fc.sel = id
		if id < len(fc.entries) && !fc.entries[id].IsDir() && mode != chooseFolder {
			fc.name.SetText(fc.entries[id].Name())
		}
	}
	fc.list.onKey = func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyDown:
			fc.selectRow(fc.sel + 1)
		case fyne.KeyUp:
			if fc.sel <= 0 {
				w.Canvas().Focus(fc.name)
				return true
			}
			fc.selectRow(fc.sel - 1)
		case fyne.KeyPageDown:
			fc.selectRow(fc.sel + 10)
		case fyne.KeyPageUp:
			fc.selectRow(fc.sel - 10)
		case fyne.KeyBackspace:
			fc.open(filepath.Dir(fc.dir))
		case fyne.KeyReturn, fyne.KeyEnter:
			fc.enterRow()
		default:
			return false
		}
		return true
	}
	up := newKeyButton("Up a folder", theme.MoveUpIcon(), func() { fc.open(filepath.Dir(fc.dir)) })
	home := newKeyButton("Home", theme.HomeIcon(), func() {
		if h, err := os.UserHomeDir(); err == nil {
			fc.open(h)
		}
	})
	confirmLabel := map[chooseMode]string{chooseOpen: "Open", chooseSave: "Save", chooseFolder: "Choose this folder"}[mode]
	confirm := newKeyButton(confirmLabel, nil, fc.submitName)
	confirm.Importance = widget.HighImportance
	var md *modal
	cancel := newKeyButton("Cancel", nil, func() { md.hide() })
	label := map[chooseMode]string{chooseOpen: "File", chooseSave: "Save as", chooseFolder: "Folder"}[mode]
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(home, up), fc.where),
		container.NewBorder(nil, nil, boldLabel(label), nil, fc.name),
		fc.problem)
	hint := widget.NewLabel("Down: into the list · Enter: open a folder or choose · Backspace: up a folder · Escape: cancel")
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	md = newModal(w, title, container.NewBorder(top, hint, nil, nil, fc.list), nil, nil, cancel, confirm)
	fc.modal = md
	fc.open(dir)
	md.show(fyne.NewSize(720, 600))
	w.Canvas().Focus(fc.name)
	fc.name.CursorColumn = len([]rune(fc.name.Text))
	fc.name.Refresh()
	return fc
}

// open lists the folder dir.
func (fc *fileChooser) open(dir string) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	all, err := os.ReadDir(dir)
	if err != nil {
		fc.fail("This folder cannot be read: " + err.Error())
		return
	}
	fc.problem.Hide()
	fc.dir = dir
	fc.entries = fc.entries[:0]
	for _, e := range all {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		isDir := e.IsDir()
		if !isDir && e.Type()&os.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(dir, e.Name())); err == nil {
				isDir = fi.IsDir()
			}
		}
		if isDir || fc.mode != chooseFolder && fc.listed(e.Name()) {
			fc.entries = append(fc.entries, e)
		}
	}
	slices.SortFunc(fc.entries, func(a, b os.DirEntry) int {
		if a.IsDir() != b.IsDir() {
			if a.IsDir() {
				return -1
			}
			return 1
		}
		return cmp.Compare(strings.ToLower(a.Name()), strings.ToLower(b.Name()))
	})
	fc.where.SetText(dir)
	fc.sel = -1
	fc.list.UnselectAll()
	fc.list.Refresh()
	fc.list.ScrollToTop()
}

// listed reports whether a file of this name is listed.
func (fc *fileChooser) listed(name string) bool {
	if len(fc.exts) == 0 {
		return true
	}
	for _, e := range fc.exts {
		if strings.HasSuffix(strings.ToLower(name), e) {
			return true
		}
	}
	return false
}

func (fc *fileChooser) selectRow(i int) {
	if len(fc.entries) == 0 {
		return
	}
	i = min(max(i, 0), len(fc.entries)-1)
	fc.list.Select(i)
	fc.list.ScrollTo(i)
}

// enterRow opens the selected folder or chooses the selected file.
func (fc *fileChooser) enterRow() {
	if fc.sel < 0 || fc.sel >= len(fc.entries) {
		fc.submitName()
		return
	}
	e := fc.entries[fc.sel]
	path := filepath.Join(fc.dir, e.Name())
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		fc.open(path)
		if len(fc.entries) > 0 {
			fc.selectRow(0)
		}
		return
	}
	fc.choose(path)
}

// submitName opens the folder the name box names, or chooses the file.
func (fc *fileChooser) submitName() {
	name := strings.TrimSpace(fc.name.Text)
	if strings.HasPrefix(name, "~"+string(filepath.Separator)) {
		if h, err := os.UserHomeDir(); err == nil {
			name = filepath.Join(h, name[2:])
		}
	}
	path := fc.dir
	if name != "" {
		path = name
		if !filepath.IsAbs(name) {
			path = filepath.Join(fc.dir, name)
		}
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		if fc.mode == chooseFolder && (name == "" || path == fc.dir) {
			fc.choose(path)
			return
		}
		fc.open(path)
		fc.name.SetText("")
	case name == "":
		fc.fail("Type a file name, or choose one in the list.")
	case fc.mode == chooseFolder:
		fc.fail("There is no folder " + path + ".")
	case fc.mode == chooseOpen && err != nil:
		fc.fail("There is no file " + path + ".")
	default:
		fc.choose(path)
	}
}

// choose ends the dialog with path, asking first before a save replaces
// a file.
func (fc *fileChooser) choose(path string) {
	if fc.mode == chooseFolder {
		if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
			fc.fail(path + " is not a folder.")
			return
		}
	}
	done := func() {
		fyne.CurrentApp().Preferences().SetString(prefLastDir, filepath.Dir(path))
		if fc.mode == chooseFolder {
			fyne.CurrentApp().Preferences().SetString(prefLastDir, path)
		}
		fc.hide()
		fc.onChoose(path)
	}
	if fc.mode == chooseSave {
		if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
			ask(fc.w, "Replace the file?", path+" exists. Replace it?", "Replace", done)
			return
		}
		if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
			fc.fail("There is no folder " + filepath.Dir(path) + ".")
			return
		}
	}
	done()
}

func (fc *fileChooser) fail(msg string) {
	fc.problem.SetText(msg)
	fc.problem.Show()
}
