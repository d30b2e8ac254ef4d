package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

type sourcesView struct {
	m       *mainWindow
	content fyne.CanvasObject
}

func newSourcesView(m *mainWindow) *sourcesView {
	return &sourcesView{m: m, content: widget.NewLabel("Sources")}
}

func (v *sourcesView) load() {}
func (v *sourcesView) selectFirst() {}
