package contramap

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"
)

// svgFonts are the families the SVG asks for: the Go font the layout
// measured labels with, then common sans-serif faces of similar width.
const svgFonts = "Go, 'Go Regular', 'DejaVu Sans', Verdana, Arial, Helvetica, sans-serif"

// WriteSVG writes the scene's page as a standalone SVG 1.1 document, in
// points, with the same marks the PNG and the window draw.
func (s *Scene) WriteSVG(w io.Writer) error {
	marks, width, height := s.Page()
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s">
`, num(width), num(height), num(width), num(height), svgFonts)
	if s.Title != "" {
		fmt.Fprintf(bw, "<title>%s</title>\n", esc(s.Title))
	}
	fmt.Fprintf(bw, `<rect x="0" y="0" width="%s" height="%s" fill="%s" stroke="none"/>`+"\n", num(width), num(height), hex(paper))
	for _, m := range marks {
		switch m.Kind {
		case MarkPath, MarkPolygon:
			if len(m.Points) < 2 {
				continue
			}
			var d strings.Builder
			for i, p := range m.Points {
				if i == 0 {
					d.WriteString("M")
				} else {
					d.WriteString(" L")
				}
				d.WriteString(num(p.X) + " " + num(p.Y))
			}
			if m.Kind == MarkPolygon {
				d.WriteString(" Z")
			}
			fmt.Fprintf(bw, `<path d="%s"%s/>`+"\n", d.String(), paint(m, m.Kind == MarkPath))
		case MarkCircle:
			fmt.Fprintf(bw, `<circle cx="%s" cy="%s" r="%s"%s/>`+"\n", num(m.Centre.X), num(m.Centre.Y), num(m.R), paint(m, false))
		case MarkRect:
			fmt.Fprintf(bw, `<rect x="%s" y="%s" width="%s" height="%s" rx="%s"%s/>`+"\n",
				num(m.Rect.X), num(m.Rect.Y), num(m.Rect.W), num(m.Rect.H), num(m.R), paint(m, false))
		case MarkText:
			anchor := ""
			if m.Anchor == AnchorMiddle {
				anchor = ` text-anchor="middle"`
			}
			weight := ""
			if m.Bold {
				weight = ` font-weight="bold"`
			}
			fmt.Fprintf(bw, `<text x="%s" y="%s" font-size="%s"%s%s fill="%s" stroke="none">%s</text>`+"\n",
				num(m.Centre.X), num(m.Centre.Y), num(m.Size), anchor, weight, hex(m.Fill), esc(m.Text))
		}
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

// paint is a shape's fill and stroke attributes.
func paint(m Mark, open bool) string {
	var b strings.Builder
	if m.Fill.A > 0 && !open {
		b.WriteString(` fill="` + hex(m.Fill) + `"`)
		if m.Fill.A < 0xff {
			b.WriteString(` fill-opacity="` + num(float64(m.Fill.A)/255) + `"`)
		}
	} else {
		b.WriteString(` fill="none"`)
	}
	if m.Stroke.A == 0 {
		// Said, not left to the default: some renderers (ImageMagick's
		// own) stroke what has no stroke attribute.
		b.WriteString(` stroke="none"`)
	} else {
		fmt.Fprintf(&b, ` stroke="%s" stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"`, hex(m.Stroke), num(m.Width))
		if len(m.Dash) > 0 {
			var ds []string
			for _, d := range m.Dash {
				ds = append(ds, num(d))
			}
			b.WriteString(` stroke-dasharray="` + strings.Join(ds, ",") + `"`)
		}
	}
	return b.String()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func hex(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
