package ui

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenMargin is the share of the screen's free area a window may take:
// a little is left for the title bar and the edges the desktop draws.
const screenMargin = 0.94

// fitToScreen shrinks w, once it is on screen, to the free area of the
// primary screen (where a new window opens), so that a size remembered on a larger monitor or
// the first-run default never puts part of the window past a laptop's
// edge. It must run on the main goroutine (fyne.Do) after the window
// exists; Fyne's driver has then set up GLFW.
func fitToScreen(w fyne.Window) {
	mon := glfw.GetPrimaryMonitor()
	scale := w.Canvas().Scale()
	if mon == nil || scale <= 0 {
		return
	}
	_, _, sw, sh := mon.GetWorkarea()
	if sw <= 0 || sh <= 0 {
		return
	}
	limit := fyne.NewSize(float32(sw)*screenMargin/scale, float32(sh)*screenMargin/scale)
	if size, fits := fitWithin(w.Canvas().Size(), limit); !fits {
		w.Resize(size)
	}
}

// fitWithin is size made no larger than limit, and whether it already was.
func fitWithin(size, limit fyne.Size) (fyne.Size, bool) {
	fitted := fyne.NewSize(min(size.Width, limit.Width), min(size.Height, limit.Height))
	return fitted, fitted == size
}
