package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"claims/internal/model"
)

// sourcesView lists the articles; the selected one shows its details, the
// claims that cite it and its stored text.
type sourcesView struct {
	m        *mainWindow
	list     *widget.List
	selected string // source id
	title    *widget.Label
	info     *widget.Label
	link     *widget.Hyperlink
	claims   *fyne.Container
	text     *widget.Label
	detail   *fyne.Container
	content  fyne.CanvasObject
}

func newSourcesView(m *mainWindow) *sourcesView {
	v := &sourcesView{m: m}
	v.list = widget.NewList(func() int { return len(m.sources) },
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
	v.detail = container.NewVBox(v.title, v.info, v.link,
		widget.NewSeparator(), boldLabel("Claims from this source"), v.claims,
		widget.NewSeparator(), boldLabel("Stored text"), v.text)
	v.detail.Hide()
	split := container.NewHSplit(v.list, container.NewVScroll(container.NewPadded(v.detail)))
	split.Offset = 0.35
	v.content = split
	return v
}

func (v *sourcesView) load() {
	v.list.Refresh()
	found := false
	for _, s := range v.m.sources {
		found = found || s.ID == v.selected
	}
	if found {
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
	v.claims.Objects = nil
	for _, c := range v.m.claims {
		if c.SourceID == id {
			v.claims.Add(claimLine(v.m, c, c.ActorName+": "))
		}
	}
	if len(v.claims.Objects) == 0 {
		v.claims.Add(widget.NewLabel("None."))
	}
	if strings.TrimSpace(src.Text) == "" {
		v.text.SetText("No text stored for this source.")
	} else {
		v.text.SetText(src.Text)
	}
	v.detail.Show()
	v.detail.Refresh()
}
