package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

type actorsView struct {
	m       *mainWindow
	content fyne.CanvasObject
}

func newActorsView(m *mainWindow) *actorsView {
	return &actorsView{m: m, content: widget.NewLabel("Actors")}
}

func (v *actorsView) load() {}
func (v *actorsView) selectFirst() {}
