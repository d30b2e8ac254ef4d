package contramap

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"github.com/srwiley/rasterx"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Render draws marks onto img, each scene point p at p*scale + off in the
// image. Marks wholly outside the image are skipped, so drawing a corner
// of a large map costs little. It is what the PNG writer and the window's
// map both draw with.
//
// rasterx's scanner covers its whole image on every stroke and fill, so
// each mark is drawn through a scanner over its own box (a sub-image of
// img): the cost of a mark is its size, not the picture's.
func Render(img *image.RGBA, marks []Mark, scale float64, off Point) {
	b := img.Bounds()
	scanner := rasterx.NewScannerGV(1, 1, img, b)
	filler := rasterx.NewFiller(1, 1, scanner)
	dasher := rasterx.NewDasher(1, 1, scanner)
	// shift is where the current mark's box starts in the image.
	var shift Point
	tr := func(p Point) Point { return Point{p.X*scale + off.X - shift.X, p.Y*scale + off.Y - shift.Y} }
	fp := func(p Point) fixed.Point26_6 { q := tr(p); return rasterx.ToFixedP(q.X, q.Y) }
	// The stroke's width and dashes apply as the path is added: set them
	// first, add the path, then stroke.
	setStroke := func(m Mark) {
		var dash []float64
		for _, d := range m.Dash {
			dash = append(dash, d*scale)
		}
		width := max(m.Width*scale, 0.5)
		dasher.SetStroke(fixed.Int26_6(width*64), 4*64, rasterx.RoundCap, nil, rasterx.RoundGap, rasterx.ArcClip, dash, m.dashOffset*scale)
	}
	stroke := func(m Mark) {
		dasher.SetColor(m.Stroke)
		dasher.Draw()
		dasher.Clear()
	}
	fill := func(c color.NRGBA) {
		filler.SetColor(c)
		filler.Draw()
		filler.Clear()
	}
	for _, m := range splitLong(marks, scale) {
		if m.Kind == MarkText {
			shift = Point{}
			drawText(img, m, tr(m.Centre), m.Size*scale)
			continue
		}
		box := bounds(m, scale, off)
		pr := image.Rect(int(math.Floor(box.X))-2, int(math.Floor(box.Y))-2,
			int(math.Ceil(box.X+box.W))+2, int(math.Ceil(box.Y+box.H))+2).Intersect(b)
		if pr.Empty() {
			continue
		}
		sub := img.SubImage(pr).(*image.RGBA)
		scanner.Dest, scanner.Targ = sub, sub.Bounds()
		filler.SetBounds(pr.Dx(), pr.Dy())
		shift = Point{float64(pr.Min.X), float64(pr.Min.Y)}
		switch m.Kind {
		case MarkPath, MarkPolygon:
			if len(m.Points) < 2 {
				continue
			}
			if m.Fill.A > 0 {
				filler.Start(fp(m.Points[0]))
				for _, p := range m.Points[1:] {
					filler.Line(fp(p))
				}
				filler.Stop(true)
				fill(m.Fill)
			}
			if m.Stroke.A > 0 {
				setStroke(m)
				dasher.Start(fp(m.Points[0]))
				for _, p := range m.Points[1:] {
					dasher.Line(fp(p))
				}
				dasher.Stop(m.Kind == MarkPolygon)
				stroke(m)
			}
		case MarkCircle:
			c := tr(m.Centre)
			r := m.R * scale
			if m.Fill.A > 0 {
				rasterx.AddCircle(c.X, c.Y, r, filler)
				fill(m.Fill)
			}
			if m.Stroke.A > 0 {
				setStroke(m)
				rasterx.AddCircle(c.X, c.Y, r, dasher)
				stroke(m)
			}
		case MarkRect:
			a := tr(Point{m.Rect.X, m.Rect.Y})
			z := tr(Point{m.Rect.X + m.Rect.W, m.Rect.Y + m.Rect.H})
			r := m.R * scale
			if m.Fill.A > 0 {
				rasterx.AddRoundRect(a.X, a.Y, z.X, z.Y, r, r, 0, rasterx.RoundGap, filler)
				fill(m.Fill)
			}
			if m.Stroke.A > 0 {
				setStroke(m)
				rasterx.AddRoundRect(a.X, a.Y, z.X, z.Y, r, r, 0, rasterx.RoundGap, dasher)
				stroke(m)
			}
		}
	}
}

// pieceLength is the longest stretch of a line drawn at once, in pixels.
const pieceLength = 96

// splitLong cuts stroked lines longer than pieceLength pixels (at scale)
// into pieces, each starting where the dash pattern left off, so that each
// is drawn over a small box.
func splitLong(marks []Mark, scale float64) []Mark {
	out := marks
	copied := false
	for i, m := range marks {
		if m.Kind != MarkPath || m.Stroke.A == 0 || len(m.Points) < 2 {
			if copied {
				out = append(out, m)
			}
			continue
		}
		total := 0.0
		for j := 1; j < len(m.Points); j++ {
			total += math.Hypot(m.Points[j].X-m.Points[j-1].X, m.Points[j].Y-m.Points[j-1].Y)
		}
		if total*scale <= pieceLength*1.5 {
			if copied {
				out = append(out, m)
			}
			continue
		}
		if !copied {
			out = append(make([]Mark, 0, len(marks)+64), marks[:i]...)
			copied = true
		}
		step := pieceLength / scale
		var piece []Point
		at, start := 0.0, 0.0 // length so far; where the piece began
		piece = append(piece, m.Points[0])
		flush := func() {
			if len(piece) >= 2 {
				p := m
				p.Points = piece
				p.dashOffset = start
				out = append(out, p)
			}
		}
		for j := 1; j < len(m.Points); j++ {
			a, b := m.Points[j-1], m.Points[j]
			d := math.Hypot(b.X-a.X, b.Y-a.Y)
			for d > 0 {
				room := step - (at - start)
				if d <= room {
					piece = append(piece, b)
					at += d
					break
				}
				t := room / d
				c := Point{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t}
				piece = append(piece, c)
				at += room
				flush()
				piece, start = []Point{c}, at
				a, d = c, d-room
			}
		}
		flush()
	}
	return out
}

// drawText sets one line of text with its baseline at p.
func drawText(img *image.RGBA, m Mark, p Point, size float64) {
	if size < 3 {
		return // too small to read: leave it out rather than smudge
	}
	b := img.Bounds()
	if p.Y < float64(b.Min.Y) || p.Y-size*1.2 > float64(b.Max.Y) || p.X > float64(b.Max.X)+size*float64(len(m.Text)) || p.X < float64(b.Min.X)-size*float64(len(m.Text)) {
		return
	}
	// Sizes are rounded to a quarter point so that zooming does not make
	// a face for every scale.
	size = math.Round(size*4) / 4
	facesMu.Lock()
	defer facesMu.Unlock()
	if len(faces) > 96 {
		clear(faces)
	}
	f := face(size, m.Bold)
	d := font.Drawer{Dst: img, Src: image.NewUniform(m.Fill), Face: f}
	x := p.X
	if m.Anchor == AnchorMiddle {
		x -= fixedToFloat(d.MeasureString(m.Text)) / 2
	}
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(p.Y * 64)}
	d.DrawString(m.Text)
}

// bounds is the box a mark covers in the image.
func bounds(m Mark, scale float64, off Point) Rect {
	var r Rect
	switch m.Kind {
	case MarkCircle:
		r = Rect{m.Centre.X - m.R, m.Centre.Y - m.R, 2 * m.R, 2 * m.R}
	case MarkRect:
		r = m.Rect
	case MarkText:
		// Generous: the text's width is not measured here.
		w := float64(len(m.Text)) * m.Size
		r = Rect{m.Centre.X - w, m.Centre.Y - m.Size, 2 * w, m.Size * 1.4}
	default:
		if len(m.Points) == 0 {
			return Rect{}
		}
		minX, minY, maxX, maxY := m.Points[0].X, m.Points[0].Y, m.Points[0].X, m.Points[0].Y
		for _, p := range m.Points[1:] {
			minX, maxX = min(minX, p.X), max(maxX, p.X)
			minY, maxY = min(minY, p.Y), max(maxY, p.Y)
		}
		r = Rect{minX, minY, maxX - minX, maxY - minY}
	}
	pad := m.Width
	return Rect{(r.X-pad)*scale + off.X, (r.Y-pad)*scale + off.Y, (r.W + 2*pad) * scale, (r.H + 2*pad) * scale}
}

func overlaps(a, b Rect) bool {
	return a.X <= b.X+b.W && b.X <= a.X+a.W && a.Y <= b.Y+b.H && b.Y <= a.Y+a.H
}

// maxPixels bounds a PNG's size: a map of a hundred and fifty actors is a
// page of some 4,000 points square, which at scale 2 would be 64 million
// pixels (a quarter of a gigabyte to draw, seconds to encode). Above it
// the scale is lowered; the SVG has no such limit.
const maxPixels = 24e6

// Image draws the scene's page (title, caption, legend, graph) at scale
// (2 gives about 144 dots per inch, for print) on white, or at the scale
// that keeps it within maxPixels.
func (s *Scene) Image(scale float64) *image.RGBA {
	marks, w, h := s.Page()
	scale = min(scale, math.Sqrt(maxPixels/(w*h)))
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(w*scale)), int(math.Ceil(h*scale))))
	draw.Draw(img, img.Bounds(), image.NewUniform(paper), image.Point{}, draw.Src)
	Render(img, marks, scale, Point{})
	return img
}

// WritePNG writes the scene's page as a PNG at scale.
func (s *Scene) WritePNG(w io.Writer, scale float64) error {
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(w, s.Image(scale))
}
