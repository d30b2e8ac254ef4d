package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

type contradictionsView struct {
	m       *mainWindow
	content fyne.CanvasObject
}

func newContradictionsView(m *mainWindow) *contradictionsView {
	return &contradictionsView{m: m, content: widget.NewLabel("Contradictions")}
}

func (v *contradictionsView) load() {}
