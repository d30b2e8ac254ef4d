package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The window works at any width from 720 pixels. Below breakAt an
// adaptiveSplit puts its two panes one above the other instead of side by
// side, and its minimum width is that of the wider pane alone, so the
// window may be as narrow as the narrow layout allows whatever layout it
// shows now.

// adaptiveSplit is a split of two panes, side by side when it is at least
// breakAt wide, else the first above the second. The divider moves as in
// a container.Split; each layout keeps its own position.
type adaptiveSplit struct {
	widget.BaseWidget
	split   *container.Split
	breakAt float32
	// offsets are the divider's positions, side by side and stacked.
	wideOffset, tallOffset float64
	onMode                 func(wide bool)
}

func newAdaptiveSplit(first, second fyne.CanvasObject, breakAt float32, wideOffset float64) *adaptiveSplit {
	a := &adaptiveSplit{split: container.NewHSplit(first, second), breakAt: breakAt,
		wideOffset: wideOffset, tallOffset: 0.4}
	a.split.Offset = wideOffset
	a.ExtendBaseWidget(a)
	return a
}

// wide reports whether the panes are side by side.
func (a *adaptiveSplit) wide() bool { return a.split.Horizontal }

// setWide puts the panes side by side or one above the other.
func (a *adaptiveSplit) setWide(wide bool) {
	if wide == a.split.Horizontal {
		return
	}
	if a.split.Horizontal {
		a.wideOffset = a.split.Offset
	} else {
		a.tallOffset = a.split.Offset
	}
	a.split.Horizontal = wide
	a.split.Offset = a.tallOffset
	if wide {
		a.split.Offset = a.wideOffset
	}
	a.split.Refresh()
	if a.onMode != nil {
		a.onMode(wide)
	}
}

func (a *adaptiveSplit) CreateRenderer() fyne.WidgetRenderer { return &adaptiveRenderer{a: a} }

type adaptiveRenderer struct{ a *adaptiveSplit }

func (r *adaptiveRenderer) Layout(size fyne.Size) {
	r.a.setWide(size.Width >= r.a.breakAt)
	r.a.split.Resize(size)
	r.a.split.Move(fyne.NewPos(0, 0))
}

// MinSize is the stacked layout's: as wide as the wider pane, as high as
// both.
func (r *adaptiveRenderer) MinSize() fyne.Size {
	l, t := r.a.split.Leading.MinSize(), r.a.split.Trailing.MinSize()
	return fyne.NewSize(max(l.Width, t.Width), l.Height+t.Height+theme.Padding())
}

func (r *adaptiveRenderer) Refresh()                     { r.a.split.Refresh() }
func (r *adaptiveRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.a.split} }
func (r *adaptiveRenderer) Destroy()                     {}

// widthWatch is a container that reports its width when it is laid out,
// so that what it holds can change its layout with it (the detail pane
// puts the counter-claims beside the claim when there is room).
type widthWatch struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onWidth func(w float32)
}

func newWidthWatch(content fyne.CanvasObject, onWidth func(float32)) *widthWatch {
	w := &widthWatch{content: content, onWidth: onWidth}
	w.ExtendBaseWidget(w)
	return w
}

func (w *widthWatch) CreateRenderer() fyne.WidgetRenderer { return &watchRenderer{w: w} }

type watchRenderer struct{ w *widthWatch }

func (r *watchRenderer) Layout(size fyne.Size) {
	r.w.onWidth(size.Width)
	r.w.content.Resize(size)
	r.w.content.Move(fyne.NewPos(0, 0))
}

func (r *watchRenderer) MinSize() fyne.Size           { return r.w.content.MinSize() }
func (r *watchRenderer) Refresh()                     { r.w.content.Refresh() }
func (r *watchRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.w.content} }
func (r *watchRenderer) Destroy()                     {}
