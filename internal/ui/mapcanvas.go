package ui

import (
	"fmt"
	"image"
	"image/draw"
	"math"
	"slices"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/contramap"
)

// mapCanvas draws the scene, panned and zoomed, and answers the mouse
// and the keys. The picture is the exported one, drawn by the same code
// (contramap.Render) for the part in view, off the UI goroutine; panning
// and zooming move and stretch the last picture at once, and a sharp one
// replaces it a moment later. Hovering only moves a ring and a label.
type mapCanvas struct {
	widget.BaseWidget
	v     *mapView
	scene *contramap.Scene

	// The view: a scene point p is at p*zoom + pan on the canvas.
	zoom float32
	pan  fyne.Position

	bg      *canvas.Rectangle
	picture *canvas.Image
	// picZoom and picPan are the view the picture was drawn for.
	picZoom float32
	picPan  fyne.Position
	legend  *canvas.Image
	message *widget.Label
	ring    *canvas.Circle
	trail   []*canvas.Line // the hovered arrow, highlighted
	tipBg   *canvas.Rectangle
	tip     *canvas.Text
	objects []fyne.CanvasObject

	hoverNode, hoverEdge int
	cursor               int // the node Tab moved to, -1 for none
	shift                bool
	focused              bool

	renderGen   atomic.Uint64
	renderTimer *time.Timer
	// renderDelay is how long the view must rest before it is drawn
	// sharp again.
	renderDelay time.Duration
	legendW     float32
	lastSize    fyne.Size
}

func newMapCanvas(v *mapView) *mapCanvas {
	c := &mapCanvas{v: v, zoom: 1, hoverNode: -1, hoverEdge: -1, cursor: -1, renderDelay: 60 * time.Millisecond}
	c.bg = canvas.NewRectangle(contramap.Paper())
	c.picture = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	c.picture.FillMode = canvas.ImageFillStretch
	c.picture.ScaleMode = canvas.ImageScaleFastest
	c.legend = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	c.legend.FillMode = canvas.ImageFillStretch
	c.message = widget.NewLabel("")
	c.message.Alignment = fyne.TextAlignCenter
	c.message.Wrapping = fyne.TextWrapWord
	c.message.Hide()
	c.ring = canvas.NewCircle(nil)
	c.ring.StrokeColor = theme.Color(theme.ColorNamePrimary)
	c.ring.StrokeWidth = 3
	c.ring.Hide()
	c.tipBg = canvas.NewRectangle(rgba(0x21, 0x21, 0x21, 0xe8))
	c.tipBg.CornerRadius = 4
	c.tip = canvas.NewText("", rgba(0xff, 0xff, 0xff, 0xff))
	c.tip.TextSize = 12
	c.tipBg.Hide()
	c.tip.Hide()
	c.objects = []fyne.CanvasObject{c.bg, c.picture, c.ring, c.legend, c.tipBg, c.tip, c.message}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer draws the picture, the hover marks and the legend.
func (c *mapCanvas) CreateRenderer() fyne.WidgetRenderer { return &mapRenderer{c: c} }

type mapRenderer struct{ c *mapCanvas }

func (r *mapRenderer) Layout(size fyne.Size) {
	c := r.c
	// What was in the middle of the view stays there when it is resized.
	if c.lastSize.Width > 0 && size != c.lastSize {
		c.pan = c.pan.Add(fyne.NewPos((size.Width-c.lastSize.Width)/2, (size.Height-c.lastSize.Height)/2))
		c.placeHover()
		c.scheduleRender()
	}
	c.lastSize = size
	c.bg.Resize(size)
	c.placePicture()
	c.message.Move(fyne.NewPos(theme.Padding()*4, size.Height/3))
	c.message.Resize(fyne.NewSize(max(size.Width-theme.Padding()*8, 10), c.message.MinSize().Height))
	if c.scene != nil && c.scene.Message == "" && size.Width != c.legendW {
		c.drawLegend(size.Width)
		c.scheduleRender()
	}
	c.placeLegend()
}

func (r *mapRenderer) MinSize() fyne.Size           { return fyne.NewSize(200, 160) }
func (r *mapRenderer) Refresh()                     { r.Layout(r.c.Size()); canvas.Refresh(r.c) }
func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.c.objects }
func (r *mapRenderer) Destroy()                     {}

// setScene shows a new drawing: fitted to the view, unless keep (a redraw
// of the same map) asks to keep the view where it is.
func (c *mapCanvas) setScene(s *contramap.Scene, keep bool) {
	c.scene = s
	c.hoverNode, c.hoverEdge, c.cursor = -1, -1, -1
	c.clearHover()
	c.legendW = 0
	if s.Message != "" {
		c.message.SetText(s.Message)
		c.message.Show()
		c.picture.Hide()
		c.legend.Hide()
		c.Refresh()
		return
	}
	c.message.Hide()
	c.picture.Show()
	c.legend.Show()
	c.drawLegend(c.Size().Width)
	c.placeLegend()
	if !keep {
		c.fit()
		return
	}
	c.Refresh()
	c.scheduleRender()
}

// fit zooms so that the whole map is in view, centred.
func (c *mapCanvas) fit() {
	if c.scene == nil || c.scene.Message != "" {
		return
	}
	size := c.Size()
	if size.Width < 10 || size.Height < 10 {
		size = fyne.NewSize(800, 500)
	}
	top := c.legendHeight()
	avail := fyne.NewSize(size.Width, max(size.Height-top, 40))
	// A little short of the edges: names set larger than the layout's
	// (when zoomed out) stand out of the map's box by a line or two.
	const room = 48
	z := min((avail.Width-room)/float32(c.scene.Width), (avail.Height-room)/float32(c.scene.Height))
	c.zoom = min(max(z, 0.05), 2)
	c.pan = fyne.NewPos((size.Width-float32(c.scene.Width)*c.zoom)/2, top+(avail.Height-float32(c.scene.Height)*c.zoom)/2)
	c.viewChanged()
}

// legendHeight is the height the legend takes at the top of the view.
func (c *mapCanvas) legendHeight() float32 {
	if c.legend.Hidden {
		return 0
	}
	return c.legend.Size().Height
}

// viewChanged moves the picture and the hover marks for the new view and
// asks for a sharp picture.
func (c *mapCanvas) viewChanged() {
	c.placePicture()
	c.placeHover()
	c.scheduleRender()
}

// placePicture stretches and moves the last picture to the current view.
func (c *mapCanvas) placePicture() {
	if c.picZoom == 0 {
		c.picture.Resize(fyne.NewSize(0, 0))
		return
	}
	k := c.zoom / c.picZoom
	size := c.Size()
	// The picture covers the view it was drawn for: its origin is the
	// view's, at the old pan; in the new view that point has moved.
	x := c.pan.X - c.picPan.X*k
	y := c.pan.Y - c.picPan.Y*k
	c.picture.Move(fyne.NewPos(x, y))
	c.picture.Resize(fyne.NewSize(size.Width*k, size.Height*k))
}

// scheduleRender draws the part of the map in view once the view has
// rested for renderDelay, off the UI goroutine.
func (c *mapCanvas) scheduleRender() {
	if c.scene == nil || c.scene.Message != "" {
		return
	}
	gen := c.renderGen.Add(1)
	m := c.v.m
	if c.renderTimer != nil && c.renderTimer.Stop() {
		m.pending.Done() // the drawing it stopped will not end it
	}
	scene, zoom, pan, size := c.scene, c.zoom, c.pan, c.Size()
	scale := float32(1)
	if cv := c.canvas(); cv != nil {
		scale = cv.Scale()
	}
	m.pending.Add(1)
	c.renderTimer = time.AfterFunc(c.renderDelay, func() {
		defer m.pending.Done()
		if c.renderGen.Load() != gen {
			return
		}
		img := renderView(scene, zoom, pan, size, scale)
		m.do(func() {
			if c.renderGen.Load() != gen || c.scene != scene {
				return
			}
			c.picture.Image = img
			c.picZoom, c.picPan = zoom, pan
			c.placePicture()
			c.picture.Refresh()
		})
	})
}

// renderView draws the part of the scene in a view of size, at the
// canvas's scale (pixels per unit).
func renderView(s *contramap.Scene, zoom float32, pan fyne.Position, size fyne.Size, scale float32) *image.RGBA {
	w, h := int(math.Ceil(float64(size.Width*scale))), int(math.Ceil(float64(size.Height*scale)))
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	draw.Draw(img, img.Bounds(), image.NewUniform(contramap.Paper()), image.Point{}, draw.Src)
	k := float64(zoom * scale)
	contramap.Render(img, s.MarksAt(float64(zoom)), k, contramap.Point{X: float64(pan.X * scale), Y: float64(pan.Y * scale)})
	return img
}

// drawLegend draws the legend for a view width wide, with the same marks
// as the exported page.
func (c *mapCanvas) drawLegend(width float32) {
	if width < 50 {
		width = 800 // not laid out yet; Layout draws it again
	}
	c.legendW = width
	scale := float32(1)
	if cv := c.canvas(); cv != nil {
		scale = cv.Scale()
	}
	marks, h := contramap.LegendMarks(c.scene.Legend, 8, 4, float64(width)-16)
	h += 8
	img := image.NewRGBA(image.Rect(0, 0, int(float64(width*scale)), int(math.Ceil(h*float64(scale)))))
	draw.Draw(img, img.Bounds(), image.NewUniform(rgba(0xff, 0xff, 0xff, 0xf0)), image.Point{}, draw.Src)
	contramap.Render(img, marks, float64(scale), contramap.Point{})
	c.legend.Image = img
	c.legend.Resize(fyne.NewSize(width, float32(h)))
	c.legend.Refresh()
}

func (c *mapCanvas) placeLegend() { c.legend.Move(fyne.NewPos(0, 0)) }

// toScene turns a canvas position into scene coordinates.
func (c *mapCanvas) toScene(p fyne.Position) contramap.Point {
	return contramap.Point{X: float64((p.X - c.pan.X) / c.zoom), Y: float64((p.Y - c.pan.Y) / c.zoom)}
}

func (c *mapCanvas) toCanvas(p contramap.Point) fyne.Position {
	return fyne.NewPos(float32(p.X)*c.zoom+c.pan.X, float32(p.Y)*c.zoom+c.pan.Y)
}

// hit finds the node, else the arrow, under a canvas position.
func (c *mapCanvas) hit(p fyne.Position) (node, edge int) {
	if c.scene == nil || c.scene.Message != "" || p.Y < c.legendHeight() {
		return -1, -1
	}
	sp := c.toScene(p)
	slack := float64(4 / c.zoom)
	if n := c.scene.NodeAt(sp, slack); n >= 0 {
		return n, -1
	}
	return -1, c.scene.EdgeAt(sp, slack+2)
}

// MouseIn is part of desktop.Hoverable.
func (c *mapCanvas) MouseIn(ev *desktop.MouseEvent) { c.MouseMoved(ev) }

// MouseMoved highlights the actor or arrow under the pointer and says
// what it is.
func (c *mapCanvas) MouseMoved(ev *desktop.MouseEvent) {
	n, e := c.hit(ev.Position)
	if n == c.hoverNode && e == c.hoverEdge {
		if n >= 0 || e >= 0 {
			c.placeTip(ev.Position)
		}
		return
	}
	c.hoverNode, c.hoverEdge = n, e
	c.placeHover()
	c.placeTip(ev.Position)
}

// MouseOut is part of desktop.Hoverable.
func (c *mapCanvas) MouseOut() {
	c.hoverNode, c.hoverEdge = -1, -1
	c.clearHover()
}

func (c *mapCanvas) clearHover() {
	c.ring.Hide()
	for _, l := range c.trail {
		l.Hide()
	}
	c.tip.Hide()
	c.tipBg.Hide()
	if c.cursor >= 0 {
		c.placeHover()
	}
	c.repaint()
}

// placeHover puts the ring on the hovered (or Tab's) actor, or lights up
// the hovered arrow.
func (c *mapCanvas) placeHover() {
	c.ring.Hide()
	for _, l := range c.trail {
		l.Hide()
	}
	if c.scene == nil {
		return
	}
	node := c.hoverNode
	if node < 0 && c.hoverEdge < 0 {
		node = c.cursor
	}
	if node >= 0 {
		if sn, ok := c.scene.SceneNode(node); ok {
			r := float32(sn.R)*c.zoom + 4
			p := c.toCanvas(sn.Centre)
			c.ring.Move(fyne.NewPos(p.X-r, p.Y-r))
			c.ring.Resize(fyne.NewSize(2*r, 2*r))
			c.ring.Show()
			c.repaint()
		}
		return
	}
	if c.hoverEdge >= 0 {
		se, ok := c.scene.SceneEdge(c.hoverEdge)
		if !ok {
			return
		}
		for len(c.trail) < len(se.Path)-1 {
			l := canvas.NewLine(rgba(0xff, 0xc1, 0x07, 0xb0))
			c.trail = append(c.trail, l)
			// Under the ring and the tip, over the picture.
			c.objects = slices.Insert(c.objects, 2, fyne.CanvasObject(l))
		}
		for i := 1; i < len(se.Path); i++ {
			l := c.trail[i-1]
			l.StrokeWidth = 6
			l.Position1, l.Position2 = c.toCanvas(se.Path[i-1]), c.toCanvas(se.Path[i])
			l.Show()
			l.Refresh()
		}
		c.Refresh()
	}
}

// placeTip writes what is under the pointer beside it.
func (c *mapCanvas) placeTip(at fyne.Position) {
	text := c.describe(c.hoverNode, c.hoverEdge)
	if text == "" {
		c.tip.Hide()
		c.tipBg.Hide()
		return
	}
	c.tip.Text = text
	ts := c.tip.MinSize()
	pos := fyne.NewPos(at.X+14, at.Y+18)
	size := c.Size()
	if pos.X+ts.Width+12 > size.Width {
		pos.X = max(at.X-ts.Width-18, 0)
	}
	if pos.Y+ts.Height+8 > size.Height {
		pos.Y = max(at.Y-ts.Height-18, 0)
	}
	c.tipBg.Move(pos)
	c.tipBg.Resize(fyne.NewSize(ts.Width+12, ts.Height+6))
	c.tip.Move(fyne.NewPos(pos.X+6, pos.Y+3))
	c.tip.Show()
	c.tipBg.Show()
	c.repaint()
}

// repaint redraws the map's marks (ring, tip). They are refreshed through
// the map itself: a mark hidden since the tab was first drawn is not yet
// known to the window's canvas, so its own Refresh repainted nothing and
// on the first visit to the tab neither Tab nor the pointer showed one.
func (c *mapCanvas) repaint() {
	if cv := c.canvas(); cv != nil {
		cv.Refresh(c)
	}
}

// describe is the tooltip of a node or an arrow.
func (c *mapCanvas) describe(node, edge int) string {
	if c.scene == nil {
		return ""
	}
	g := c.scene.Graph
	switch {
	case node >= 0:
		n := g.Nodes[node]
		how := "click to list"
		if node == c.cursor {
			how = "Enter lists its claims"
		}
		return fmt.Sprintf("%s (%s) — %s; %s — %s", n.Name, n.Kind, mapPlural(len(n.Claims), "claim"), nodeCounts(n), how)
	case edge >= 0:
		e := g.Edges[edge]
		return fmt.Sprintf("%s %s %s — %s — click to list",
			g.Nodes[e.To].Name, e.Relation, g.Nodes[e.From].Name, mapPlural(e.Count(), "pair"))
	}
	return ""
}

// Tapped lists the claims of the actor, or the pairs of the arrow,
// under the pointer.
func (c *mapCanvas) Tapped(ev *fyne.PointEvent) {
	c.grabFocus()
	n, e := c.hit(ev.Position)
	switch {
	case n >= 0:
		c.cursor = n
		c.v.showNode(n)
	case e >= 0:
		c.v.showEdge(e)
	}
}

// canvas is the window's canvas that shows the map; nil before it is shown.
func (c *mapCanvas) canvas() fyne.Canvas { return fyne.CurrentApp().Driver().CanvasForObject(c) }

func (c *mapCanvas) grabFocus() {
	if cv := c.canvas(); cv != nil {
		cv.Focus(c)
	}
}

// Dragged pans the map.
func (c *mapCanvas) Dragged(ev *fyne.DragEvent) {
	c.pan = c.pan.Add(ev.Dragged)
	c.viewChanged()
}

// DragEnd is part of fyne.Draggable.
func (c *mapCanvas) DragEnd() {}

// Scrolled zooms about the pointer.
func (c *mapCanvas) Scrolled(ev *fyne.ScrollEvent) {
	f := float32(math.Pow(1.014, float64(ev.Scrolled.DY))) // a notch (10) zooms by 15%
	c.zoomAt(ev.Position, f)
}

// zoomAt zooms by f keeping the point at p where it is.
func (c *mapCanvas) zoomAt(p fyne.Position, f float32) {
	z := min(max(c.zoom*f, 0.05), 8)
	f = z / c.zoom
	c.pan = fyne.NewPos(p.X-(p.X-c.pan.X)*f, p.Y-(p.Y-c.pan.Y)*f)
	c.zoom = z
	c.viewChanged()
}

// FocusGained is part of fyne.Focusable.
func (c *mapCanvas) FocusGained() { c.focused = true }

// FocusLost is part of fyne.Focusable.
func (c *mapCanvas) FocusLost() { c.focused = false }

// AcceptsTab keeps Tab for moving between actors.
func (c *mapCanvas) AcceptsTab() bool { return true }

// TypedRune zooms: + (or =) in, - out, 0 to fit.
func (c *mapCanvas) TypedRune(r rune) {
	centre := fyne.NewPos(c.Size().Width/2, c.Size().Height/2)
	switch r {
	case '+', '=':
		c.zoomAt(centre, 1.25)
	case '-', '_':
		c.zoomAt(centre, 0.8)
	case '0':
		c.fit()
	}
}

// KeyDown is part of desktop.Keyable: it notes Shift, for Shift+Tab.
func (c *mapCanvas) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		c.shift = true
	}
}

// KeyUp is part of desktop.Keyable.
func (c *mapCanvas) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		c.shift = false
	}
}

// panStep is how far an arrow key pans.
const panStep = 60

// TypedKey pans with the arrows, moves between actors with Tab (Shift+Tab
// back), lists the actor's claims with Enter, and lets go with Escape.
func (c *mapCanvas) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft:
		c.pan.X += panStep
		c.viewChanged()
	case fyne.KeyRight:
		c.pan.X -= panStep
		c.viewChanged()
	case fyne.KeyUp:
		c.pan.Y += panStep
		c.viewChanged()
	case fyne.KeyDown:
		c.pan.Y -= panStep
		c.viewChanged()
	case fyne.KeyPlus, fyne.KeyEqual:
		c.TypedRune('+')
	case fyne.KeyMinus:
		c.TypedRune('-')
	case fyne.Key0:
		c.fit()
	case fyne.KeyTab:
		c.moveCursor(c.shift)
	case fyne.KeyReturn, fyne.KeyEnter:
		if c.cursor >= 0 {
			c.v.showNode(c.cursor)
		}
	case fyne.KeyEscape:
		c.cursor = -1
		c.clearHover()
	}
}

// moveCursor moves Tab's ring to the next actor in the order they are
// listed (by name), or the previous one, and brings it into view. Past
// the last actor (or before the first) Tab leaves the map for the next
// (previous) control, as it leaves any other part of the window.
func (c *mapCanvas) moveCursor(back bool) {
	n := 0
	if c.scene != nil && len(c.scene.Nodes) > 0 {
		n = len(c.scene.Graph.Nodes)
	}
	if n == 0 || back && c.cursor == 0 || !back && c.cursor == n-1 {
		c.cursor = -1
		c.clearHover()
		if cv := c.canvas(); cv != nil {
			if back {
				cv.FocusPrevious()
			} else {
				cv.FocusNext()
			}
		}
		return
	}
	switch {
	case c.cursor < 0 && back:
		c.cursor = n - 1
	case c.cursor < 0:
		c.cursor = 0
	case back:
		c.cursor--
	default:
		c.cursor++
	}
	c.hoverNode, c.hoverEdge = -1, -1
	if sn, ok := c.scene.SceneNode(c.cursor); ok {
		p := c.toCanvas(sn.Centre)
		size := c.Size()
		top := c.legendHeight()
		if p.X < 40 || p.X > size.Width-40 || p.Y < top+40 || p.Y > size.Height-40 {
			c.pan = c.pan.Add(fyne.NewPos(size.Width/2-p.X, (size.Height+top)/2-p.Y))
			c.viewChanged()
		}
		c.placeHover()
		tip := c.toCanvas(sn.Centre)
		c.hoverNode = c.cursor
		c.placeTip(fyne.NewPos(tip.X+float32(sn.R)*c.zoom, tip.Y))
		c.hoverNode = -1
	}
}
