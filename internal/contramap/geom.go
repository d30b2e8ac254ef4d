package contramap

import (
	"math"
	"slices"
)

// The geometry of the arrows: curves side by side between the same two
// actors, loops, cutting a line where it meets a circle or a label, arrow
// heads, distances.

// edgeLanes spreads the edges between the same two actors (either way, any
// relation) side by side: each gets an offset in lanes, 0 for a lone edge.
func edgeLanes(g *Graph) []float64 {
	lanes := make([]float64, len(g.Edges))
	groups := map[[2]int][]int{}
	var keys [][2]int
	for i, e := range g.Edges {
		k := [2]int{min(e.From, e.To), max(e.From, e.To)}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range keys {
		idx := groups[k]
		n := float64(len(idx))
		for j, i := range idx {
			lane := float64(j) - (n-1)/2
			// Lanes are measured across the line from the lower-numbered
			// actor to the other, whichever way the edge points.
			if g.Edges[i].From != k[0] {
				lane = -lane
			}
			lanes[i] = lane
		}
	}
	return lanes
}

// curvePath is a quadratic curve from a to b bowed sideways by off points
// at its middle (a straight line when off is 0), as a polyline.
func curvePath(a, b Point, off float64) []Point {
	if off == 0 {
		return []Point{a, b}
	}
	dx, dy := b.X-a.X, b.Y-a.Y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return []Point{a, b}
	}
	nx, ny := -dy/l, dx/l
	c := Point{(a.X+b.X)/2 + nx*off*2, (a.Y+b.Y)/2 + ny*off*2}
	const steps = 16
	pts := make([]Point, steps+1)
	for i := range pts {
		t := float64(i) / steps
		u := 1 - t
		pts[i] = Point{u*u*a.X + 2*u*t*c.X + t*t*b.X, u*u*a.Y + 2*u*t*c.Y + t*t*b.Y}
	}
	return pts
}

// loopPath is an actor answering its own claim: a loop on the node's
// upper right.
func loopPath(c Point, r float64) []Point {
	lr := max(7, r*0.55)
	lc := Point{c.X + (r+lr*0.4)*math.Sqrt2/2, c.Y - (r+lr*0.4)*math.Sqrt2/2}
	var pts []Point
	// Around the loop's circle, keeping the part outside the node.
	start := math.Atan2(c.Y-lc.Y, c.X-lc.X)
	for i := 0; i <= 32; i++ {
		a := start + float64(i)/32*2*math.Pi
		p := Point{lc.X + lr*math.Cos(a), lc.Y + lr*math.Sin(a)}
		if math.Hypot(p.X-c.X, p.Y-c.Y) > r+1 {
			pts = append(pts, p)
		}
	}
	return pts
}

// clipPath cuts path where it leaves the shape its start is in (inA) and
// where it enters the shape its end is in (inB).
func clipPath(path []Point, inA, inB func(Point) bool) []Point {
	i := 0
	for i < len(path)-1 && inA(path[i+1]) {
		i++
	}
	if i >= len(path)-1 {
		return nil
	}
	start := crossing(path[i], path[i+1], inA)
	j := len(path) - 1
	for j > i+1 && inB(path[j-1]) {
		j--
	}
	end := crossing(path[j], path[j-1], inB)
	if inA(end) || inB(start) {
		return nil // the shapes overlap
	}
	out := append([]Point{start}, path[i+1:j]...)
	out = append(out, end)
	if math.Hypot(end.X-start.X, end.Y-start.Y) < 1 {
		return nil
	}
	return out
}

// crossing is where the segment from p (inside a shape) to q (outside)
// leaves the shape, to a tenth of a point.
func crossing(p, q Point, inside func(Point) bool) Point {
	if !inside(p) {
		return p
	}
	lo, hi := 0.0, 1.0
	for range 24 {
		mid := (lo + hi) / 2
		if inside(Point{p.X + (q.X-p.X)*mid, p.Y + (q.Y-p.Y)*mid}) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return Point{p.X + (q.X-p.X)*hi, p.Y + (q.Y-p.Y)*hi}
}

// arrowHead is a triangle of length l and width w whose tip is the path's
// end, pointing along its last stretch.
func arrowHead(path []Point, l, w float64) []Point {
	tip := path[len(path)-1]
	back := pointBack(path, l)
	dx, dy := tip.X-back.X, tip.Y-back.Y
	d := math.Hypot(dx, dy)
	if d == 0 {
		return []Point{tip, tip, tip}
	}
	ux, uy := dx/d, dy/d
	base := Point{tip.X - ux*l, tip.Y - uy*l}
	return []Point{tip, {base.X - uy*w/2, base.Y + ux*w/2}, {base.X + uy*w/2, base.Y - ux*w/2}}
}

// pointBack is the point l before the path's end, along it.
func pointBack(path []Point, l float64) Point {
	for i := len(path) - 1; i > 0; i-- {
		a, b := path[i-1], path[i]
		d := math.Hypot(b.X-a.X, b.Y-a.Y)
		if d >= l {
			t := l / d
			return Point{b.X - (b.X-a.X)*t, b.Y - (b.Y-a.Y)*t}
		}
		l -= d
	}
	return path[0]
}

// trimEnd shortens the path by l at its end (under the arrow head).
func trimEnd(path []Point, l float64) []Point {
	out := slices.Clone(path)
	for len(out) >= 2 {
		a, b := out[len(out)-2], out[len(out)-1]
		d := math.Hypot(b.X-a.X, b.Y-a.Y)
		if d > l {
			t := l / d
			out[len(out)-1] = Point{b.X - (b.X-a.X)*t, b.Y - (b.Y-a.Y)*t}
			return out
		}
		l -= d
		out = out[:len(out)-1]
	}
	return path[:1:1]
}

// pointAlong is the point at fraction f of the path's length.
func pointAlong(path []Point, f float64) Point {
	total := 0.0
	for i := 1; i < len(path); i++ {
		total += math.Hypot(path[i].X-path[i-1].X, path[i].Y-path[i-1].Y)
	}
	want := total * f
	for i := 1; i < len(path); i++ {
		d := math.Hypot(path[i].X-path[i-1].X, path[i].Y-path[i-1].Y)
		if d >= want && d > 0 {
			t := want / d
			return Point{path[i-1].X + (path[i].X-path[i-1].X)*t, path[i-1].Y + (path[i].Y-path[i-1].Y)*t}
		}
		want -= d
	}
	return path[len(path)-1]
}

func segmentDistance(p, a, b Point) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	t := 0.0
	if l2 > 0 {
		t = min(max(((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l2, 0), 1)
	}
	return math.Hypot(p.X-(a.X+t*dx), p.Y-(a.Y+t*dy))
}
