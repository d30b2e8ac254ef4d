package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/model"
)

// Verdicts are shown as chips: the verdict's name on a colour of its own.
// The colours are Okabe and Ito's palette, which people with the common
// kinds of colour blindness tell apart, and the name is always written
// on the chip, so no one has to rely on the colour; black text reads on
// each of them (contrast 5:1 or more). An unreviewed claim has an outlined
// chip with no fill.
var verdictColors = map[model.Verdict]color.NRGBA{
	model.True:         {0x00, 0x9E, 0x73, 0xFF}, // bluish green
	model.MostlyTrue:   {0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	model.Mixed:        {0xF0, 0xE4, 0x42, 0xFF}, // yellow
	model.Misleading:   {0xE6, 0x9F, 0x00, 0xFF}, // orange
	model.False:        {0xD5, 0x5E, 0x00, 0xFF}, // vermilion
	model.Unverifiable: {0xA8, 0xA8, 0xA8, 0xFF}, // grey
}

// chip is a small label on a rounded background.
type chip struct {
	widget.BaseWidget
	bg    *canvas.Rectangle
	text  *canvas.Text
	label string
}

func newChip() *chip {
	c := &chip{bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.Black)}
	c.bg.CornerRadius = 4
	c.text.TextSize = chipTextSize()
	c.text.TextStyle.Bold = true
	c.ExtendBaseWidget(c)
	return c
}

func chipTextSize() float32 { return theme.CaptionTextSize() }

// setVerdict shows the verdict: its name on its colour.
func (c *chip) setVerdict(v model.Verdict) {
	fill, ok := verdictColors[v]
	if !ok {
		c.setOutline(v.Label(), theme.Color(theme.ColorNameForeground))
		return
	}
	c.set(v.Label(), fill, color.Transparent, color.Black)
}

// setOutline shows text in an outline of colour col, with no fill.
func (c *chip) setOutline(text string, col color.Color) {
	c.set(text, color.Transparent, col, col)
}

func (c *chip) set(text string, fill, stroke, ink color.Color) {
	if c.label == text && c.bg.FillColor == fill && c.text.Color == ink && c.bg.StrokeColor == stroke {
		return
	}
	c.label = text
	c.text.Text = text
	c.text.Color = ink
	c.bg.FillColor = fill
	c.bg.StrokeColor = stroke
	c.bg.StrokeWidth = 0
	if stroke != color.Transparent {
		c.bg.StrokeWidth = 1
	}
	c.Refresh()
}

// chipPad is the space around a chip's text.
const chipPad = 5

func (c *chip) CreateRenderer() fyne.WidgetRenderer { return &chipRenderer{c: c} }

type chipRenderer struct{ c *chip }

// chipSizes remembers the size of each chip's text (a handful of labels);
// used on the UI goroutine only.
var chipSizes = map[fitKey]fyne.Size{}

func (r *chipRenderer) textSize() fyne.Size {
	k := fitKey{text: r.c.text.Text, size: chipTextSize(), bold: true}
	s, ok := chipSizes[k]
	if !ok {
		s = fyne.MeasureText(k.text, k.size, fyne.TextStyle{Bold: true})
		if len(chipSizes) > 256 {
			clear(chipSizes)
		}
		chipSizes[k] = s
	}
	return s
}

func (r *chipRenderer) Layout(size fyne.Size) {
	size = size.Max(fyne.NewSize(0, 0)) // a container squeezed below nothing
	r.c.bg.Resize(size)
	r.c.bg.Move(fyne.NewPos(0, 0))
	ts := r.textSize()
	r.c.text.Resize(ts)
	r.c.text.Move(fyne.NewPos((size.Width-ts.Width)/2, (size.Height-ts.Height)/2))
}

func (r *chipRenderer) MinSize() fyne.Size {
	ts := r.textSize()
	return fyne.NewSize(ts.Width+2*chipPad, ts.Height+2)
}

func (r *chipRenderer) Refresh() {
	r.c.text.TextSize = chipTextSize()
	r.Layout(r.c.Size())
	r.c.bg.Refresh()
	r.c.text.Refresh()
}

func (r *chipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.bg, r.c.text} }
func (r *chipRenderer) Destroy()                     {}
