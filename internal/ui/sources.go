package ui

import (
	"context"
	"net/url"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/model"
)

// sourcesView lists the articles; the selected one shows its details, the
// claims that cite it and its stored text.
type sourcesView struct {
	m        *mainWindow
	list     *widget.List
	keys     *keyList // the list, as the keyboard reaches it
	selected string   // source id
	title    *widget.Label
	info     *widget.Label
	link     *widget.Hyperlink
	claims   *fyne.Container
	text     *widget.Label
	detail   *fyne.Container
	edit     *keyButton
	content  fyne.CanvasObject
}

func newSourcesView(m *mainWindow) *sourcesView {
	v := &sourcesView{m: m}
	list := newKeyList(func() int { return len(m.sources) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(m.sources) {
				o.(*widget.Label).SetText(sourceLabel(m.sources[id]))
			}
		})
	list.onKey = func(ev *fyne.KeyEvent) bool {
		return listMoves(&list.List, len(m.sources), slices.IndexFunc(m.sources, func(s model.Source) bool { return s.ID == v.selected }), ev)
	}
	v.list, v.keys = &list.List, list
	v.list.OnSelected = func(id widget.ListItemID) {
		if id < len(m.sources) {
			v.show(m.sources[id].ID)
		}
	}
	v.title = heading("")
	v.title.Wrapping = fyne.TextWrapWord
	v.info = wrapped("")
	v.link = widget.NewHyperlink("", nil)
	v.link.Truncation = fyne.TextTruncateEllipsis
	v.claims = container.NewVBox()
	v.text = wrapped("")
	v.edit = newKeyButton("Edit source…", theme.DocumentCreateIcon(), func() {
		if src, err := m.st.Source(m.ctx(), v.selected); err == nil {
			v.showForm(&src)
		}
	})
	v.detail = container.NewVBox(v.title, v.info, v.link, container.NewHBox(v.edit),
		widget.NewSeparator(), boldLabel("Claims from this source"), v.claims,
		widget.NewSeparator(), boldLabel("Stored text"), v.text)
	v.detail.Hide()
	add := newKeyButton("New source…", theme.ContentAddIcon(), func() { v.showForm(nil) })
	v.content = newAdaptiveSplit(container.NewBorder(container.NewHBox(add), nil, nil, nil, list),
		container.NewVScroll(container.NewPadded(v.detail)), 900, 0.35)
	return v
}

func (v *sourcesView) load() {
	v.list.Refresh()
	if i := slices.IndexFunc(v.m.sources, func(s model.Source) bool { return s.ID == v.selected }); i >= 0 {
		v.list.Select(i) // the row follows the source when the order changed
		v.show(v.selected)
		return
	}
	v.selected = ""
	v.list.UnselectAll()
	v.detail.Hide()
}

func (v *sourcesView) selectFirst() {
	if len(v.m.sources) > 0 {
		v.list.Select(0)
	}
}

func (v *sourcesView) show(id string) {
	src, err := v.m.st.Source(v.m.ctx(), id) // with its text
	if err != nil {
		v.m.showError("Could not read the source", "", err)
		return
	}
	v.selected = id
	v.title.SetText(src.Title)
	var info []string
	if src.Outlet != "" {
		info = append(info, "Outlet: "+src.Outlet)
	}
	if src.Published != "" {
		info = append(info, "Published: "+src.Published)
	}
	if len(info) == 0 {
		info = append(info, "No outlet or date recorded.")
	}
	v.info.SetText(strings.Join(info, "\n"))
	if u, err := url.Parse(src.URL); err == nil && model.IsWebURL(src.URL) {
		v.link.SetText(src.URL)
		v.link.SetURL(u)
		v.link.Show()
	} else {
		v.link.Hide()
	}
	var lines []fyne.CanvasObject
	n := 0
	for _, c := range v.m.claims {
		if c.SourceID == id {
			if n++; n <= shownClaims {
				lines = append(lines, claimLine(v.m, c, c.ActorName+": "))
			}
		}
	}
	if n > shownClaims {
		lines = append(lines, moreClaims(n, "Show all "+formatCount(n)+" on the Claims tab", func() {
			v.m.filters.clearAll()
			v.m.filters.sourceID = id
			v.m.filters.changed()
			v.m.tabs.Select(v.m.claimsTab)
		}))
	}
	if n == 0 {
		lines = append(lines, widget.NewLabel("None."))
	}
	v.claims.Objects = lines
	if strings.TrimSpace(src.Text) == "" {
		v.text.SetText("No text stored for this source.")
	} else {
		v.text.SetText(src.Text)
	}
	v.detail.Show()
	v.detail.Refresh()
}

// sourceForm is the New source and Edit source dialog.
type sourceForm struct {
	title, outlet, url, published, text *keyEntry
	dlg                                 *formModal
}

// showForm edits src, or, when src is nil, records a new source.
func (v *sourcesView) showForm(src *model.Source) *sourceForm {
	f := &sourceForm{title: newKeyEntry(), outlet: newKeyEntry(), url: newKeyEntry(),
		published: newKeyEntry(), text: newKeyMultiLineEntry()}
	f.title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errText("the headline is required")
		}
		return nil
	}
	f.url.Validator = func(s string) error {
		if s = strings.TrimSpace(s); s != "" && !model.IsWebURL(s) {
			return errText("a web address starting with http:// or https://")
		}
		return nil
	}
	f.published.Validator = func(s string) error { return model.ValidateDate("date", strings.TrimSpace(s)) }
	f.url.SetPlaceHolder("https://… (optional)")
	f.published.SetPlaceHolder("YYYY, YYYY-MM or YYYY-MM-DD (optional)")
	f.text.SetPlaceHolder("Paste the article text here (optional; Ctrl+Enter saves)")
	f.text.SetMinRowsVisible(8)
	title := "New source"
	if src != nil {
		title = "Edit source"
		f.title.SetText(src.Title)
		f.outlet.SetText(src.Outlet)
		f.url.SetText(src.URL)
		f.published.SetText(src.Published)
		f.text.SetText(src.Text)
	}
	f.dlg = newFormModal(v.m.win, title, "Save", []*widget.FormItem{
		{Text: "Title", Widget: f.title},
		{Text: "Outlet", Widget: f.outlet},
		{Text: "URL", Widget: f.url},
		{Text: "Published", Widget: f.published},
		{Text: "Text", Widget: f.text},
	}, func() bool {
		s := model.Source{Title: f.title.Text, Outlet: f.outlet.Text, URL: f.url.Text, Published: f.published.Text, Text: f.text.Text}
		if src != nil {
			s.ID = src.ID
			shown := *src
			v.selected = s.ID
			return v.m.saveForm(func(overwrite bool) error {
				return v.m.write("save a source", func(ctx context.Context) error { return v.m.st.EditSource(ctx, shown, s, overwrite) })
			}, f.dlg.hide, "Could not save the source", "")
		}
		if err := v.m.write("add a source", func(ctx context.Context) error { return v.m.st.CreateSource(ctx, &s) }); err != nil {
			v.m.showError("Could not save the source", "", err)
			return false
		}
		v.selected = s.ID
		v.m.changed()
		return true
	}, fyne.NewSize(720, 560))
	return f
}
