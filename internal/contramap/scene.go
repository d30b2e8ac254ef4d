package contramap

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"claims/internal/model"
)

// MarkKind is what a Mark draws.
type MarkKind int

// The marks a scene is made of.
const (
	MarkPath    MarkKind = iota // an open polyline, stroked
	MarkPolygon                 // a closed polygon, filled (and stroked if Stroke is set)
	MarkCircle                  // a circle, filled and stroked
	MarkRect                    // a rounded rectangle, filled and stroked
	MarkText                    // one line of text
)

// Anchor is where a text's position is on its baseline.
type Anchor int

// Text anchors.
const (
	AnchorStart Anchor = iota
	AnchorMiddle
)

// Mark is one shape of the picture, in scene coordinates (points, y down).
// A zero-alpha Fill or Stroke is not drawn.
type Mark struct {
	Kind   MarkKind
	Points []Point // MarkPath, MarkPolygon
	Centre Point   // MarkCircle; MarkText: the baseline point at Anchor
	R      float64 // MarkCircle: radius; MarkRect: corner radius
	Rect   Rect    // MarkRect
	Fill   color.NRGBA
	Stroke color.NRGBA
	Width  float64   // stroke width
	Dash   []float64 // dash pattern (on, off, …), nil for solid
	Text   string
	Size   float64 // font size in points
	Bold   bool
	Anchor Anchor
	// dashOffset is where in its dash pattern a piece of a longer line
	// starts (Render draws long lines in pieces).
	dashOffset float64
}

// Rect is a rectangle: top-left corner and size.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether p is inside r.
func (r Rect) Contains(p Point) bool {
	return p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H
}

// SceneNode is where a node was drawn, for finding what the pointer is on.
type SceneNode struct {
	Index  int // into Graph.Nodes
	Centre Point
	R      float64
	Label  Rect
	// labelMarks are the label's marks in Scene.Marks: [start, end).
	labelMarks [2]int
	lines      []string
}

// SceneEdge is where an edge was drawn.
type SceneEdge struct {
	Index int     // into Graph.Edges
	Path  []Point // the line, tail to arrow tip
	Label Rect    // the count's box; empty when the count is not written
}

// Scene is one drawing of the map: the graph's marks in their own
// coordinates (Width × Height, the graph's bounding box with a margin),
// and a page — title, caption and legend above the graph — for the
// exported picture. The window draws Marks (panned and zoomed) and
// LegendMarks; the SVG and PNG writers draw the page.
type Scene struct {
	Graph         *Graph
	Width, Height float64
	Marks         []Mark // the graph: edges, counts, nodes, labels, in drawing order
	Nodes         []SceneNode
	Edges         []SceneEdge
	Positions     Positions // the layout it was drawn from
	// Message, when set, is all the scene shows: why there is no map.
	Message string

	Title   string
	Caption []string // what is shown and what was left out
	Legend  []LegendItem

	countMarks [2]int // the edges' counts in Marks: [start, end)
}

// LegendItem is one entry of the legend: a kind's colour or a relation's
// line.
type LegendItem struct {
	Label    string
	Kind     model.ActorKind // set for a node swatch
	Relation model.Relation  // set for an edge swatch
	Note     bool            // a line of text only
}

// Font sizes, in points.
const (
	nodeLabelSize = 11
	countSize     = 9
	legendSize    = 10
	titleSize     = 15
	captionSize   = 10
	margin        = 16
	labelGap      = 3
)

// KindColour is the fill of an actor kind's nodes (the Okabe–Ito palette,
// which stays apart for colour-blind readers).
func KindColour(k model.ActorKind) color.NRGBA {
	switch k {
	case model.KindGovernment:
		return rgb(0x00, 0x72, 0xB2)
	case model.KindPerson:
		return rgb(0xE6, 0x9F, 0x00)
	case model.KindMilitary:
		return rgb(0x00, 0x9E, 0x73)
	case model.KindParty:
		return rgb(0xCC, 0x79, 0xA7)
	case model.KindGroup:
		return rgb(0xD5, 0x5E, 0x00)
	case model.KindOrganisation:
		return rgb(0x56, 0xB4, 0xE9)
	case model.KindOutlet:
		return rgb(0xF0, 0xE4, 0x42)
	}
	return rgb(0x99, 0x99, 0x99)
}

// RelationStyle is how a relation's edges are drawn: colour and dash
// pattern (solid for denies), so that a grey printout still tells them
// apart.
func RelationStyle(r model.Relation) (color.NRGBA, []float64) {
	switch r {
	case model.Denies:
		return rgb(0xB2, 0x18, 0x2B), nil
	case model.Disputes:
		return rgb(0xD9, 0x6A, 0x00), []float64{7, 4}
	case model.Contradicts:
		return rgb(0x6A, 0x3D, 0x9A), []float64{2, 3}
	case model.Supports:
		return rgb(0x1B, 0x78, 0x37), []float64{12, 3, 2, 3}
	}
	return rgb(0x55, 0x55, 0x55), nil
}

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{r, g, b, 0xff} }

var (
	ink      = rgb(0x21, 0x21, 0x21)
	inkSoft  = rgb(0x55, 0x55, 0x55)
	paper    = rgb(0xff, 0xff, 0xff)
	halo     = color.NRGBA{0xff, 0xff, 0xff, 0xe0}
	focusRim = rgb(0x00, 0x00, 0x00)
)

// Paper is the picture's background colour.
func Paper() color.NRGBA { return paper }

// NodeGeometry is a node's circle radius and label as drawn, and its
// footprint for the layout.
type NodeGeometry struct {
	R      float64
	Lines  []string // the label: the name on one or two lines
	LabelW float64
	Size   Size
}

// labelWidth is how wide a node's label may be before it takes a second
// line.
const labelWidth = 150

// lineHeight is the distance between two lines of a node's label.
const lineHeight = nodeLabelSize * 1.2

// Geometry works out every node's circle (area by number of claims) and
// label, and so its footprint.
func Geometry(g *Graph) []NodeGeometry {
	most := 1
	for _, n := range g.Nodes {
		most = max(most, len(n.Claims))
	}
	out := make([]NodeGeometry, len(g.Nodes))
	for i, n := range g.Nodes {
		r := 6 + 20*math.Sqrt(float64(len(n.Claims))/float64(most))
		bold := i == g.Focus
		lines := labelLines(n.Name, bold)
		w := 0.0
		for _, l := range lines {
			w = max(w, TextWidth(l, nodeLabelSize, bold))
		}
		h := float64(len(lines))*lineHeight + 3
		out[i] = NodeGeometry{R: r, Lines: lines, LabelW: w,
			Size: Size{W: max(2*r, w) + 6, H: 2*r + labelGap + h + 2}}
	}
	return out
}

// labelLines breaks a name into at most two lines of labelWidth, the
// second cut short with an ellipsis when the name is longer still.
func labelLines(name string, bold bool) []string {
	name = strings.Join(strings.Fields(name), " ")
	if TextWidth(name, nodeLabelSize, bold) <= labelWidth {
		return []string{name}
	}
	words := strings.Fields(name)
	first := words[0]
	i := 1
	for ; i < len(words); i++ {
		try := first + " " + words[i]
		if TextWidth(try, nodeLabelSize, bold) > labelWidth {
			break
		}
		first = try
	}
	second := strings.Join(words[i:], " ")
	if second == "" {
		// One long word: cut it.
		return []string{fitWidth(name, bold)}
	}
	first = fitWidth(first, bold)
	return []string{first, fitWidth(second, bold)}
}

// fitWidth cuts s short with an ellipsis to fit labelWidth.
func fitWidth(s string, bold bool) string {
	if TextWidth(s, nodeLabelSize, bold) <= labelWidth {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n > 1; n-- {
		t := strings.TrimSpace(string(r[:n])) + "…"
		if TextWidth(t, nodeLabelSize, bold) <= labelWidth {
			return t
		}
	}
	return string(r[:1]) + "…"
}

// circleCentre is where a node's circle is in its footprint, whose centre
// is fp (scene coordinates): at the top, the label under it.
func circleCentre(fp Point, geo NodeGeometry) Point {
	return Point{fp.X, fp.Y - geo.Size.H/2 + 1 + geo.R}
}

// NewScene draws g, laid out at pos (from Layout, over Geometry's sizes),
// as marks. title heads the exported page; filters describes the claim
// set, for the caption ("" when everything).
func NewScene(g *Graph, geo []NodeGeometry, pos Positions, title, filters string) *Scene {
	s := &Scene{Graph: g, Positions: pos, Title: title}
	s.Caption = caption(g, filters)
	if msg := g.Empty(); msg != "" {
		s.Message = msg
		s.Width, s.Height = 480, 120
		return s
	}

	// Graphviz's y points up; the scene's down. Shift the bounding box of
	// the footprints to the margin.
	centres := make([]Point, len(g.Nodes))
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i, n := range g.Nodes {
		p := pos[n.ActorID]
		fp := Point{p.X, -p.Y}
		minX, maxX = min(minX, fp.X-geo[i].Size.W/2), max(maxX, fp.X+geo[i].Size.W/2)
		minY, maxY = min(minY, fp.Y-geo[i].Size.H/2), max(maxY, fp.Y+geo[i].Size.H/2)
		centres[i] = fp
	}
	// Loops stand out above and to the right of their node.
	pad := margin + 24.0
	for i := range centres {
		fp := Point{centres[i].X - minX + pad, centres[i].Y - minY + pad}
		centres[i] = circleCentre(fp, geo[i])
	}
	s.Width, s.Height = maxX-minX+2*pad, maxY-minY+2*pad
	boxes := make([]Rect, len(g.Nodes))
	for i := range g.Nodes {
		c, r, lw := centres[i], geo[i].R, geo[i].LabelW
		boxes[i] = Rect{c.X - lw/2 - 2, c.Y + r + labelGap, lw + 4, float64(len(geo[i].Lines))*lineHeight + 3}
	}
	// An edge ends where it meets its node's circle or label.
	shape := func(i int, gap float64) func(Point) bool {
		c, r := centres[i], geo[i].R+gap
		b := Rect{boxes[i].X - gap, boxes[i].Y - gap, boxes[i].W + 2*gap, boxes[i].H + 2*gap}
		return func(p Point) bool { return math.Hypot(p.X-c.X, p.Y-c.Y) < r || b.Contains(p) }
	}

	// Edges first, so that nodes and labels cover their ends.
	maxCount := 1
	for _, e := range g.Edges {
		maxCount = max(maxCount, e.Count())
	}
	writeCounts := len(g.Edges) <= 80
	lanes := edgeLanes(g)
	var labels []Mark
	for i, e := range g.Edges {
		col, dash := RelationStyle(e.Relation)
		width := 1.3 + 1.7*math.Log2(float64(e.Count()))
		width = min(width, 7)
		var path []Point
		if e.From == e.To {
			path = loopPath(centres[e.From], geo[e.From].R)
		} else {
			path = curvePath(centres[e.From], centres[e.To], lanes[i]*14)
			path = clipPath(path, shape(e.From, 2), shape(e.To, 1))
		}
		if len(path) < 2 {
			continue
		}
		head := arrowHead(path, 7+width*1.3, 4+width)
		shaft := trimEnd(path, (7+width*1.3)*0.8)
		s.Marks = append(s.Marks,
			Mark{Kind: MarkPath, Points: shaft, Stroke: col, Width: width, Dash: dash},
			Mark{Kind: MarkPolygon, Points: head, Fill: col})
		se := SceneEdge{Index: i, Path: path}
		if writeCounts || e.Count() >= 2 {
			text := fmt.Sprint(e.Count())
			mid := pointAlong(path, 0.5)
			w := TextWidth(text, countSize, true) + 6
			se.Label = Rect{mid.X - w/2, mid.Y - countSize*0.75, w, countSize * 1.5}
			labels = append(labels,
				Mark{Kind: MarkRect, Rect: se.Label, R: 3, Fill: halo, Stroke: col, Width: 0.8},
				Mark{Kind: MarkText, Centre: Point{mid.X, mid.Y + textAscent(countSize)/2}, Text: text, Size: countSize, Bold: true, Fill: col, Anchor: AnchorMiddle})
		}
		s.Edges = append(s.Edges, se)
	}
	s.countMarks = [2]int{len(s.Marks), len(s.Marks) + len(labels)}
	s.Marks = append(s.Marks, labels...)

	for i, n := range g.Nodes {
		c, r := centres[i], geo[i].R
		rim, w := ink, 1.0
		if i == g.Focus {
			rim, w = focusRim, 3
		}
		fill := KindColour(n.Kind)
		s.Marks = append(s.Marks, Mark{Kind: MarkCircle, Centre: c, R: r, Fill: fill, Stroke: rim, Width: w})
		box := boxes[i]
		top := box.Y
		first := len(s.Marks)
		s.Marks = append(s.Marks, Mark{Kind: MarkRect, Rect: box, R: 2, Fill: halo})
		for j, line := range geo[i].Lines {
			s.Marks = append(s.Marks, Mark{Kind: MarkText, Centre: Point{c.X, top + nodeLabelSize + float64(j)*lineHeight},
				Text: line, Size: nodeLabelSize, Bold: i == g.Focus, Fill: ink, Anchor: AnchorMiddle})
		}
		s.Nodes = append(s.Nodes, SceneNode{Index: i, Centre: c, R: r, Label: box,
			labelMarks: [2]int{first, len(s.Marks)}, lines: geo[i].Lines})
	}
	s.Legend = legendItems(g)
	return s
}

// Sizes below which text on screen is not read but guessed at, in pixels.
const (
	minLabelPx = 9
	minCountPx = 7
)

// MarksAt is what to draw at zoom (pixels per point). When the actors'
// names would be too small to read, they are set at a readable size for
// as many actors as fit without overlapping one another, the most
// contested first (hover or zoom shows the others); counts too small to
// read are left out.
func (s *Scene) MarksAt(zoom float64) []Mark {
	if zoom*nodeLabelSize >= minLabelPx || len(s.Nodes) == 0 {
		return s.Marks
	}
	skip := make([]bool, len(s.Marks))
	for _, n := range s.Nodes {
		for i := n.labelMarks[0]; i < n.labelMarks[1]; i++ {
			skip[i] = true
		}
	}
	if zoom*countSize < minCountPx {
		for i := s.countMarks[0]; i < s.countMarks[1]; i++ {
			skip[i] = true
		}
	}
	out := make([]Mark, 0, len(s.Marks))
	for i, m := range s.Marks {
		if i == s.countMarks[1] && zoom*countSize < minCountPx && s.countMarks[1] > s.countMarks[0] && len(s.Edges) <= 80 {
			// Few arrows: their counts, set larger, still fit.
			out = append(out, s.countsAt(minCountPx/zoom, 1/zoom)...)
		}
		if !skip[i] {
			out = append(out, m)
		}
	}
	// The names at minLabelPx, in points at this zoom.
	size := minLabelPx / zoom
	order := make([]int, len(s.Nodes))
	for i := range order {
		order[i] = i
	}
	g := s.Graph
	isFocus := func(i int) int {
		if s.Nodes[i].Index == g.Focus {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(order, func(a, b int) int {
		na, nb := g.Nodes[s.Nodes[a].Index], g.Nodes[s.Nodes[b].Index]
		return cmp.Or(cmp.Compare(isFocus(b), isFocus(a)),
			cmp.Compare(nb.Contested(), na.Contested()), cmp.Compare(len(nb.Claims), len(na.Claims)))
	})
	var placed []Rect
	for _, i := range order {
		n := s.Nodes[i]
		bold := n.Index == g.Focus
		lh := size * 1.2
		w := 0.0
		for _, l := range n.lines {
			w = max(w, TextWidth(l, nodeLabelSize, bold)*size/nodeLabelSize)
		}
		box := Rect{n.Centre.X - w/2 - 1/zoom, n.Centre.Y + n.R + labelGap/zoom, w + 2/zoom, float64(len(n.lines))*lh + 2/zoom}
		free := true
		for _, p := range placed {
			if overlaps(p, box) {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		placed = append(placed, box)
		out = append(out, Mark{Kind: MarkRect, Rect: box, R: 1 / zoom, Fill: halo})
		for j, l := range n.lines {
			out = append(out, Mark{Kind: MarkText, Centre: Point{n.Centre.X, box.Y + size + float64(j)*lh}, Text: l, Size: size, Bold: bold, Fill: ink, Anchor: AnchorMiddle})
		}
	}
	return out
}

// countsAt is every arrow's count set at size points, its box's edge
// line w wide.
func (s *Scene) countsAt(size, w float64) []Mark {
	var out []Mark
	for _, se := range s.Edges {
		if se.Label.W == 0 {
			continue
		}
		e := s.Graph.Edges[se.Index]
		col, _ := RelationStyle(e.Relation)
		text := fmt.Sprint(e.Count())
		mid := Point{se.Label.X + se.Label.W/2, se.Label.Y + se.Label.H/2}
		bw := TextWidth(text, countSize, true)*size/countSize + 6*w
		box := Rect{mid.X - bw/2, mid.Y - size*0.75, bw, size * 1.5}
		out = append(out,
			Mark{Kind: MarkRect, Rect: box, R: 3 * w, Fill: halo, Stroke: col, Width: 0.8 * w},
			Mark{Kind: MarkText, Centre: Point{mid.X, mid.Y + textAscent(size)/2}, Text: text, Size: size, Bold: true, Fill: col, Anchor: AnchorMiddle})
	}
	return out
}

// caption says what the map shows and what it leaves out.
func caption(g *Graph, filters string) []string {
	var lines []string
	what := "all claims"
	if filters != "" {
		what = filters
	}
	pairs := 0
	for _, e := range g.Edges {
		pairs += e.Count()
	}
	lines = append(lines, fmt.Sprintf("%s actors, %s answers between them (%s edges) — from %s (%s claims)",
		thousands(len(g.Nodes)), thousands(pairs), thousands(len(g.Edges)), what, thousands(g.Claims)))
	var left []string
	if kept := len(g.Nodes) + g.HiddenActors; kept < g.AllActors && g.Focus < 0 {
		left = append(left, fmt.Sprintf("the %s most contested of %s actors", thousands(kept), thousands(g.AllActors)))
	}
	if g.Focus >= 0 && len(g.Nodes) > 0 {
		left = append(left, "centred on "+g.Nodes[g.Focus].Name)
	}
	if g.HiddenEdges > 0 {
		least := ""
		if g.MinEdgePairs > 1 {
			least = fmt.Sprintf(" (%d or more)", g.MinEdgePairs)
		}
		left = append(left, fmt.Sprintf("the %s edges with the most answers drawn%s; %s others not",
			thousands(len(g.Edges)), least, thousands(g.HiddenEdges)))
	}
	if g.HiddenActors > 0 {
		who := thousands(g.HiddenActors) + " actors whose answers are"
		if g.HiddenActors == 1 {
			who = "1 actor whose answers are"
		}
		left = append(left, who+" all among those not drawn left out")
	}
	if len(left) > 0 {
		line := strings.Join(left, "; ")
		lines = append(lines, strings.ToUpper(line[:1])+line[1:])
	}
	return lines
}

// legendItems lists the kinds and relations the map uses, then how to read
// it.
func legendItems(g *Graph) []LegendItem {
	var items []LegendItem
	kinds := map[model.ActorKind]bool{}
	for _, n := range g.Nodes {
		kinds[n.Kind] = true
	}
	for _, k := range model.ActorKinds() {
		if kinds[k] {
			items = append(items, LegendItem{Label: kindLabel(k), Kind: k})
		}
	}
	rels := map[model.Relation]bool{}
	for _, e := range g.Edges {
		rels[e.Relation] = true
	}
	for _, r := range model.Relations() {
		if rels[r] {
			items = append(items, LegendItem{Label: string(r), Relation: r})
		}
	}
	items = append(items, LegendItem{Label: "arrow: from the actor whose claim is answered to the actor answering it; number: claim pairs; circle area: claims", Note: true})
	return items
}

func kindLabel(k model.ActorKind) string {
	if k == model.KindGroup {
		return "militant group"
	}
	return string(k)
}

// LegendMarks lays the legend out in rows no wider than width, from
// (x, y); it returns the marks and the height they take.
func LegendMarks(items []LegendItem, x, y, width float64) ([]Mark, float64) {
	var marks []Mark
	const row = legendSize * 1.9
	cx, cy := x, y
	for _, it := range items {
		tw := TextWidth(it.Label, legendSize, false)
		w := tw + 8
		switch {
		case it.Note:
			w = tw
		case it.Relation != "":
			w += 34
		default:
			w += 16
		}
		if cx > x && cx+w > x+width {
			cx, cy = x, cy+row
		}
		base := cy + row/2 + textAscent(legendSize)/2
		mid := cy + row/2
		tx := cx
		switch {
		case it.Relation != "":
			col, dash := RelationStyle(it.Relation)
			marks = append(marks,
				Mark{Kind: MarkPath, Points: []Point{{cx, mid}, {cx + 22, mid}}, Stroke: col, Width: 2, Dash: dash},
				Mark{Kind: MarkPolygon, Points: []Point{{cx + 30, mid}, {cx + 21, mid - 4.5}, {cx + 21, mid + 4.5}}, Fill: col})
			tx += 34
		case it.Note:
		default:
			marks = append(marks, Mark{Kind: MarkCircle, Centre: Point{cx + 6, mid}, R: 6, Fill: KindColour(it.Kind), Stroke: ink, Width: 1})
			tx += 16
		}
		fill := ink
		if it.Note {
			fill = inkSoft
		}
		marks = append(marks, Mark{Kind: MarkText, Centre: Point{tx, base}, Text: it.Label, Size: legendSize, Fill: fill})
		cx += w + 14
	}
	return marks, cy + row - y
}

// Page is the exported picture: the title, the caption and the legend
// above the graph (or the message), as marks on a page Width × Height.
func (s *Scene) Page() (marks []Mark, width, height float64) {
	width = max(s.Width, 640)
	y := float64(margin)
	add := func(text string, size float64, bold bool, fill color.NRGBA) {
		y += size * 1.2
		marks = append(marks, Mark{Kind: MarkText, Centre: Point{margin, y}, Text: text, Size: size, Bold: bold, Fill: fill})
		y += size * 0.35
	}
	if s.Title != "" {
		add(s.Title, titleSize, true, ink)
	}
	for _, c := range s.Caption {
		for _, line := range wrapText(c, captionSize, width-2*margin) {
			add(line, captionSize, false, inkSoft)
		}
	}
	if s.Message != "" {
		y += 10
		for _, line := range wrapText(s.Message, 13, width-2*margin) {
			add(line, 13, false, ink)
		}
		return marks, width, y + margin
	}
	y += 6
	legend, h := LegendMarks(s.Legend, margin, y, width-2*margin)
	marks = append(marks, legend...)
	y += h + 4
	marks = append(marks, Mark{Kind: MarkPath, Points: []Point{{margin, y}, {width - margin, y}}, Stroke: rgb(0xcc, 0xcc, 0xcc), Width: 1})
	off := Point{(width - s.Width) / 2, y}
	for _, m := range s.Marks {
		marks = append(marks, m.Shift(off))
	}
	return marks, width, y + s.Height
}

// Shift returns m moved by d.
func (m Mark) Shift(d Point) Mark {
	if m.Points != nil {
		pts := make([]Point, len(m.Points))
		for i, p := range m.Points {
			pts[i] = Point{p.X + d.X, p.Y + d.Y}
		}
		m.Points = pts
	}
	m.Centre = Point{m.Centre.X + d.X, m.Centre.Y + d.Y}
	m.Rect.X += d.X
	m.Rect.Y += d.Y
	return m
}

// wrapText breaks s into lines no wider than width at size.
func wrapText(s string, size, width float64) []string {
	var lines []string
	var line string
	for _, w := range strings.Fields(s) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if line != "" && TextWidth(try, size, false) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// NodeAt returns the node under p (scene coordinates): its circle or its
// label; -1 for none.
func (s *Scene) NodeAt(p Point, slack float64) int {
	best, bestD := -1, math.Inf(1)
	for i, n := range s.Nodes {
		d := math.Hypot(p.X-n.Centre.X, p.Y-n.Centre.Y)
		if d <= n.R+slack && d < bestD {
			best, bestD = i, d
		}
	}
	if best >= 0 {
		return s.Nodes[best].Index
	}
	for _, n := range s.Nodes {
		if n.Label.Contains(p) {
			return n.Index
		}
	}
	return -1
}

// EdgeAt returns the edge within slack of p (scene coordinates), or -1.
func (s *Scene) EdgeAt(p Point, slack float64) int {
	best, bestD := -1, slack
	for _, e := range s.Edges {
		if e.Label.W > 0 && e.Label.Contains(p) {
			return e.Index
		}
		for i := 1; i < len(e.Path); i++ {
			if d := segmentDistance(p, e.Path[i-1], e.Path[i]); d <= bestD {
				best, bestD = e.Index, d
			}
		}
	}
	return best
}

// SceneNode returns where node i was drawn.
func (s *Scene) SceneNode(i int) (SceneNode, bool) {
	for _, n := range s.Nodes {
		if n.Index == i {
			return n, true
		}
	}
	return SceneNode{}, false
}

// SceneEdge returns where edge i was drawn.
func (s *Scene) SceneEdge(i int) (SceneEdge, bool) {
	for _, e := range s.Edges {
		if e.Index == i {
			return e, true
		}
	}
	return SceneEdge{}, false
}

// ellipsis shortens s to at most n runes.
func ellipsis(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// thousands writes n with thousands separators: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
