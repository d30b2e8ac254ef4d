package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Dialogs and the keyboard. Fyne's dialogs take no keys: Enter and Escape
// do nothing, and the keys typed while nothing in a dialog has the focus
// go to the window behind it. Every dialog of the window is therefore a
// modal (built by newModal and the helpers below): Enter runs its confirm
// action and Escape its cancel action, whether nothing has the focus
// (the window's typed-key handler asks dialogKey) or one of its own
// widgets has it (keyEntry, keySelect, keyCheck, keyButton and keyList
// ask dialogKey before doing their own work). The window's shortcuts check
// blocked and do nothing while any dialog or pop-up menu is open.

// modal is one open dialog: Enter runs ok (when set), Escape runs cancel.
type modal struct {
	title  string
	canvas fyne.Canvas
	dlg    *dialog.CustomDialog
	ok     func()
	cancel func()
}

// modals are the open dialogs of each canvas, the newest last. They are
// used on the UI goroutine only.
var modals = map[fyne.Canvas][]*modal{}

// topModal is the newest open dialog of c, or nil.
func topModal(c fyne.Canvas) *modal {
	if s := modals[c]; len(s) > 0 {
		return s[len(s)-1]
	}
	return nil
}

// canvasOf is the canvas that shows o, or the canvas of the window that
// has the keyboard, or nil.
func canvasOf(o fyne.CanvasObject) fyne.Canvas {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	if c := a.Driver().CanvasForObject(o); c != nil {
		return c
	}
	for _, w := range a.Driver().AllWindows() {
		if f := w.Canvas().Focused(); f != nil && f.(fyne.CanvasObject) == o {
			return w.Canvas()
		}
	}
	return nil
}

// dialogKey gives Escape and Enter to the newest dialog of c: Escape
// cancels it; Enter confirms it when it has a confirm action. It reports
// whether it used the key.
func dialogKey(c fyne.Canvas, ev *fyne.KeyEvent) bool {
	md := topModal(c)
	if md == nil {
		return false
	}
	switch ev.Name {
	case fyne.KeyEscape:
		md.cancel()
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if md.ok != nil {
			md.ok()
			return true
		}
	}
	return false
}

// newModal builds a dialog of content with the buttons given (the
// confirming one last); ok runs on Enter (nil: Enter does nothing of its
// own), cancel on Escape (nil: hide the dialog). Show it with show.
func newModal(w fyne.Window, title string, content fyne.CanvasObject, ok, cancel func(), buttons ...fyne.CanvasObject) *modal {
	d := dialog.NewCustomWithoutButtons(title, content, w)
	md := &modal{title: title, canvas: w.Canvas(), dlg: d, ok: ok, cancel: cancel}
	if md.cancel == nil {
		md.cancel = d.Hide
	}
	if len(buttons) > 0 {
		d.SetButtons(buttons)
	}
	d.SetOnClosed(func() {
		s := modals[md.canvas]
		if i := slices.Index(s, md); i >= 0 {
			modals[md.canvas] = slices.Delete(s, i, i+1)
		}
		if len(modals[md.canvas]) == 0 {
			delete(modals, md.canvas)
		}
	})
	return md
}

// show shows the dialog, sized to want but no bigger than the window.
func (md *modal) show(want fyne.Size) {
	modals[md.canvas] = append(modals[md.canvas], md)
	if !want.IsZero() {
		md.dlg.Resize(fitIn(md.canvas, want))
	}
	md.dlg.Show()
}

// hide closes the dialog.
func (md *modal) hide() { md.dlg.Hide() }

// fitIn is want, no larger than the canvas less a margin.
func fitIn(c fyne.Canvas, want fyne.Size) fyne.Size {
	size := c.Size()
	if size.IsZero() {
		return want
	}
	return fyne.NewSize(min(want.Width, size.Width-24), min(want.Height, size.Height-24))
}

// blockedBy reports whether a dialog or pop-up covers the canvas: the
// window's shortcuts then do nothing.
func blockedBy(c fyne.Canvas) bool { return c.Overlays().Top() != nil }

// messageBox is a message as dialogs show it: wrapped, scrolling when
// long, at a width that reads well.
func messageBox(msg string) fyne.CanvasObject {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// inform shows a message with a Close button; Enter and Escape close it.
func inform(w fyne.Window, title, msg string) *modal {
	var md *modal
	closeBtn := newKeyButton("Close", nil, func() { md.hide() })
	closeBtn.Importance = widget.HighImportance
	md = newModal(w, title, container.NewVScroll(messageBox(msg)), func() { md.hide() }, nil, closeBtn)
	md.show(fyne.NewSize(560, messageHeight(msg)))
	return md
}

// messageHeight is a dialog height that fits msg at the message width.
func messageHeight(msg string) float32 {
	lines := 1
	col := 0
	for _, r := range msg {
		col++
		if r == '\n' || col > 64 {
			lines++
			col = 0
		}
	}
	return min(float32(lines)*theme.TextSize()*1.6+140, 640)
}

// ask shows a question: the button yes (Enter) runs onYes; Cancel
// (Escape) closes the dialog.
func ask(w fyne.Window, title, msg, yes string, onYes func()) *modal {
	var md *modal
	confirm := func() {
		md.hide()
		onYes()
	}
	yesBtn := newKeyButton(yes, nil, confirm)
	yesBtn.Importance = widget.HighImportance
	md = newModal(w, title, container.NewVScroll(messageBox(msg)), confirm, nil,
		newKeyButton("Cancel", nil, func() { md.hide() }), yesBtn)
	md.show(fyne.NewSize(560, messageHeight(msg)))
	return md
}

// formModal is a dialog holding a form: its confirm button (Enter) runs
// submit when every field is valid, and stays disabled while one is not.
type formModal struct {
	*modal
	form    *widget.Form
	scroll  *container.Scroll // the form, scrolling when the window is too short for it
	confirm *keyButton
}

// formChrome is the height a dialog adds to its content: title, padding,
// buttons.
const formChrome = 150

// newFormModal shows items in a dialog; submit runs on confirm with every
// field valid, and the dialog closes when it returns true.
func newFormModal(w fyne.Window, title, confirmLabel string, items []*widget.FormItem, submit func() bool, want fyne.Size) *formModal {
	f := &formModal{form: widget.NewForm(items...)}
	run := func() {
		if f.form.Validate() != nil {
			return
		}
		if submit() {
			f.hide()
		}
	}
	f.confirm = newKeyButton(confirmLabel, nil, run)
	f.confirm.Importance = widget.HighImportance
	f.form.SetOnValidationChanged(func(err error) {
		if err != nil {
			f.confirm.Disable()
		} else {
			f.confirm.Enable()
		}
	})
	if f.form.Validate() != nil {
		f.confirm.Disable()
	}
	f.scroll = container.NewVScroll(f.form)
	f.modal = newModal(w, title, f.scroll, run, nil,
		newKeyButton("Cancel", nil, func() { f.hide() }), f.confirm)
	if want.Height == 0 {
		// As tall as the form with the title and the buttons (a scroll
		// alone asks for almost nothing), no taller than the window.
		want.Height = f.form.MinSize().Height + formChrome
	}
	f.show(want)
	for _, it := range items {
		if fw, ok := it.Widget.(fyne.Focusable); ok {
			w.Canvas().Focus(fw)
			if e, ok := fw.(*keyEntry); ok {
				e.CursorRow, e.CursorColumn = 0, len([]rune(e.Text))
				e.Refresh()
			}
			break
		}
	}
	return f
}

// keyEntry is an Entry that gives Escape, and Enter when it has nothing
// of its own to do with it, to the dialog it is in; Ctrl+Enter confirms
// the dialog from a multi-line entry too. onKey, when set, sees every key
// first (completion lists use it) and reports whether it used it.
type keyEntry struct {
	widget.Entry
	// owner is the widget that embeds this one, when one does: the
	// canvas knows it, not the entry inside it.
	owner fyne.CanvasObject
	onKey func(ev *fyne.KeyEvent) bool
	// onEscape runs on Escape outside a dialog (nil: nothing).
	onEscape func()
	// onFocusLost runs when the entry loses the focus.
	onFocusLost func()
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func newKeyMultiLineEntry() *keyEntry {
	e := &keyEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab says no even for a multi-line entry: Tab moves to the next
// field everywhere, as the dialogs' hints say; nothing here is written
// with tab characters.
func (e *keyEntry) AcceptsTab() bool { return false }

// TypedKey implements fyne.Focusable.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(ev) {
		return
	}
	switch ev.Name {
	case fyne.KeyEscape:
		if dialogKey(canvasOf(e.self()), ev) {
			return
		}
		if e.onEscape != nil {
			e.onEscape()
			return
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine && e.OnSubmitted == nil && dialogKey(canvasOf(e.self()), ev) {
			return
		}
	}
	e.Entry.TypedKey(ev)
}

func (e *keyEntry) self() fyne.CanvasObject {
	if e.owner != nil {
		return e.owner
	}
	return e
}

// TypedShortcut confirms the dialog on Ctrl+Enter.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if isCtrlEnter(s) {
		if e.MultiLine && e.OnSubmitted != nil {
			e.OnSubmitted(e.Text)
			return
		}
		if dialogKey(canvasOf(e.self()), &fyne.KeyEvent{Name: fyne.KeyReturn}) {
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost implements fyne.Focusable.
func (e *keyEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

func isCtrlEnter(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	return ok && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
}

// keySelect is a Select that gives Escape and Enter to its dialog;
// outside one, Escape runs onEscape when set.
type keySelect struct {
	widget.Select
	onEscape func()
}

func newKeySelect(options []string, changed func(string)) *keySelect {
	s := &keySelect{}
	s.Options, s.OnChanged = options, changed
	// A Select is as wide as its place holder: the longest option then
	// shows whole.
	s.PlaceHolder = "(Select one)"
	for _, o := range options {
		if len([]rune(o)) > len([]rune(s.PlaceHolder)) {
			s.PlaceHolder = o
		}
	}
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey implements fyne.Focusable.
func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	if (ev.Name == fyne.KeyEscape || ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && dialogKey(canvasOf(s), ev) {
		return
	}
	if ev.Name == fyne.KeyEscape && s.onEscape != nil {
		s.onEscape()
		return
	}
	s.Select.TypedKey(ev)
}

// keyCheck is a Check that gives Escape and Enter to its dialog;
// outside one, Escape runs onEscape when set.
type keyCheck struct {
	widget.Check
	onEscape func()
}

func newKeyCheck(label string, changed func(bool)) *keyCheck {
	c := &keyCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey implements fyne.Focusable.
func (c *keyCheck) TypedKey(ev *fyne.KeyEvent) {
	if dialogKey(canvasOf(c), ev) {
		return
	}
	if ev.Name == fyne.KeyEscape && c.onEscape != nil {
		c.onEscape()
		return
	}
	c.Check.TypedKey(ev)
}

// keyButton is a Button that Enter presses as well as Space, and that
// gives Escape to its dialog; outside one, Escape runs onEscape when set.
type keyButton struct {
	widget.Button
	onEscape func()
}

func newKeyButton(label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey implements fyne.Focusable.
func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	case fyne.KeyEscape:
		if !dialogKey(canvasOf(b), ev) && b.onEscape != nil {
			b.onEscape()
		}
	default:
		b.Button.TypedKey(ev)
	}
}

// keyList is a List whose owner sees its keys first (onKey reports
// whether it used one), and that gives Escape and Enter to its dialog.
type keyList struct {
	widget.List
	onKey func(ev *fyne.KeyEvent) bool
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey implements fyne.Focusable.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	if l.onKey != nil && l.onKey(ev) || dialogKey(canvasOf(l), ev) {
		return
	}
	l.List.TypedKey(ev)
}

// buttonRow lays buttons out at the trailing edge.
func buttonRow(objs ...fyne.CanvasObject) *fyne.Container {
	return container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, objs...)...)
}
