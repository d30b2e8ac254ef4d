package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// mapBenchWindow is benchWindow on the Map tab, its map drawn, with the
// sharp redraw after each move held off: what is measured is the event
// goroutine's share of a frame (the redraw runs on another goroutine).
func mapBenchWindow(b *testing.B) *mapCanvas {
	m := benchWindow(b)
	m.tabs.Select(m.mapTab)
	m.wait()
	c := m.mapView.canvas
	if c.scene == nil || c.scene.Message != "" {
		b.Fatal("no map was drawn")
	}
	c.renderDelay = time.Hour
	b.Cleanup(func() {
		if c.renderTimer != nil && c.renderTimer.Stop() {
			m.pending.Done()
		}
	})
	return c
}

// BenchmarkMapPanOnUIGoroutine drags the map of the database named by
// CLAIMS_BENCH_DB by 40 units, back and forth: one frame of a drag.
func BenchmarkMapPanOnUIGoroutine(b *testing.B) {
	c := mapBenchWindow(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d := float32(40)
		if i%2 == 1 {
			d = -40
		}
		c.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: d, DY: d / 2}})
	}
}

// BenchmarkMapZoomOnUIGoroutine turns the wheel one notch in, then out,
// over the middle of the map.
func BenchmarkMapZoomOnUIGoroutine(b *testing.B) {
	c := mapBenchWindow(b)
	at := fyne.NewPos(c.Size().Width/2, c.Size().Height/2)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		dy := float32(120)
		if i%2 == 1 {
			dy = -120
		}
		c.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.Delta{DY: dy}})
	}
}

// BenchmarkMapHoverOnUIGoroutine moves the pointer between an actor, an
// arrow and an empty corner: the hit test, the ring or the lit arrow, and
// the tooltip.
func BenchmarkMapHoverOnUIGoroutine(b *testing.B) {
	c := mapBenchWindow(b)
	s := c.scene
	node := c.toCanvas(s.Nodes[len(s.Nodes)/2].Centre)
	e := s.Edges[len(s.Edges)/2]
	edge := c.toCanvas(e.Path[len(e.Path)/2])
	spots := []fyne.Position{node, edge, fyne.NewPos(2, c.Size().Height-2)}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: spots[i%len(spots)]}})
	}
}
