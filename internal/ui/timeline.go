package ui

import (
	"fmt"
	"math"
	"slices"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/contramap"
	"claims/internal/model"
)

// timeline places a claim and the claims that answer it on one time axis,
// by the date each was made, one row each, so that "denied the next day"
// can be seen. Dates given only to the month or year sit at the start of
// their month or year with a hollow marker; claims with no date are named
// under the axis.
type timeline struct {
	widget.BaseWidget
	items   []timelineItem
	undated []string
}

// timelineItem is one claim on the axis.
type timelineItem struct {
	label  string
	when   time.Time
	rough  bool // the date is a month or a year
	colour [4]uint8
}

// timelineSection is the timeline in the detail pane, under the
// counter-claims, shown when someone answers the claim.
type timelineSection struct {
	line *timeline
	box  *fyne.Container
}

func newTimelineSection() *timelineSection {
	s := &timelineSection{line: newTimeline()}
	s.box = container.NewVBox(widget.NewSeparator(), heading("Timeline"), s.line)
	s.box.Hide()
	return s
}

// show draws the claim's timeline, or hides it when no claim answers it.
func (s *timelineSection) show(cd model.ClaimDetail) {
	if len(cd.AnsweredBy) == 0 {
		s.box.Hide()
		return
	}
	s.line.set(cd)
	s.box.Show()
	s.box.Refresh()
}

func newTimeline() *timeline {
	t := &timeline{}
	t.ExtendBaseWidget(t)
	return t
}

// parseMadeOn reads a claim's date: rough is set for a month or a year.
func parseMadeOn(d string) (t time.Time, rough, ok bool) {
	for _, l := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(d) == len(l) {
			if t, err := time.Parse(l, d); err == nil {
				return t, l != "2006-01-02", true
			}
		}
	}
	return time.Time{}, false, false
}

// set shows the claim of cd and the claims that answer it.
func (t *timeline) set(cd model.ClaimDetail) {
	t.items, t.undated = nil, nil
	base, baseRough, baseOK := parseMadeOn(cd.Claim.MadeOn)
	add := func(label, made string, colour [4]uint8) {
		when, rough, ok := parseMadeOn(made)
		if !ok {
			t.undated = append(t.undated, label)
			return
		}
		if baseOK && label != "" && len(t.items) > 0 {
			label += " — " + made + " (" + since(base, when, rough || baseRough) + ")"
		} else {
			label += " — " + made
		}
		t.items = append(t.items, timelineItem{label: label, when: when, rough: rough, colour: colour})
	}
	fg := theme.Color(theme.ColorNameForeground)
	r, g, b, _ := fg.RGBA()
	add("The claim, by "+cd.Actor.Name, cd.Claim.MadeOn, [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff})
	if !baseOK {
		// The claim itself has no date: the others are placed without
		// saying how long after it they came.
		t.items = nil
		t.undated = []string{"the claim, by " + cd.Actor.Name}
	}
	for _, r := range cd.AnsweredBy {
		c, _ := contramap.RelationStyle(r.Relation)
		add(capitalise(string(r.Relation))+", by "+r.ActorName, r.Claim.MadeOn, [4]uint8{c.R, c.G, c.B, 0xff})
	}
	// The answers in the order they came, after the claim.
	if len(t.items) > 1 {
		slices.SortStableFunc(t.items[1:], func(a, b timelineItem) int { return a.when.Compare(b.when) })
	}
	t.Refresh()
}

// since says how long after base when came: "the next day", "3 days
// later", "the same day", "2 days before".
func since(base, when time.Time, rough bool) string {
	days := int(math.Round(when.Sub(base).Hours() / 24))
	about := ""
	if rough {
		about = "about "
	}
	switch {
	case days == 0 && rough:
		return "about the same time"
	case days == 0:
		return "the same day"
	case days == 1:
		return about + "the next day"
	case days == -1:
		return about + "the day before"
	case days > 0 && days < 60:
		return fmt.Sprintf("%s%d days later", about, days)
	case days < 0 && days > -60:
		return fmt.Sprintf("%s%d days before", about, -days)
	case days > 0:
		return fmt.Sprintf("about %d months later", int(math.Round(float64(days)/30.4)))
	}
	return fmt.Sprintf("about %d months before", int(math.Round(float64(-days)/30.4)))
}

// capitalise starts s with a capital letter.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// Rows and sizes of the drawing.
const (
	timelineRow  = 24
	timelineAxis = 30
)

// CreateRenderer draws the axis, a marker and a label per claim.
func (t *timeline) CreateRenderer() fyne.WidgetRenderer { return &timelineRenderer{t: t} }

type timelineRenderer struct {
	t       *timeline
	objects []fyne.CanvasObject
}

func (r *timelineRenderer) MinSize() fyne.Size {
	h := float32(len(r.t.items))*timelineRow + timelineAxis
	if n := len(r.t.undated); n > 0 {
		h += float32(n+1) * timelineRow * 0.8 // a heading line, then one line each
	}
	return fyne.NewSize(240, h)
}

func (r *timelineRenderer) Refresh() { r.Layout(r.t.Size()); canvas.Refresh(r.t) }

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *timelineRenderer) Destroy() {}

// Layout rebuilds the drawing for the size: few objects, so it is simply
// made again.
func (r *timelineRenderer) Layout(size fyne.Size) {
	t := r.t
	r.objects = r.objects[:0]
	text := theme.Color(theme.ColorNameForeground)
	soft := theme.Color(theme.ColorNamePlaceHolder)
	pad := float32(8)
	left, right := pad+6, size.Width-pad-6
	if len(t.items) > 0 {
		lo, hi := t.items[0].when, t.items[0].when
		for _, it := range t.items {
			if it.when.Before(lo) {
				lo = it.when
			}
			if it.when.After(hi) {
				hi = it.when
			}
		}
		span := hi.Sub(lo)
		x := func(w time.Time) float32 {
			if span == 0 {
				return (left + right) / 2
			}
			return left + (right-left)*float32(w.Sub(lo))/float32(span)
		}
		axisY := float32(len(t.items))*timelineRow + 6
		axis := canvas.NewLine(soft)
		axis.StrokeWidth = 1
		axis.Position1, axis.Position2 = fyne.NewPos(left, axisY), fyne.NewPos(right, axisY)
		r.objects = append(r.objects, axis)
		for i, it := range t.items {
			y := float32(i)*timelineRow + timelineRow/2
			px := x(it.when)
			col := rgba(it.colour[0], it.colour[1], it.colour[2], it.colour[3])
			guide := canvas.NewLine(soft)
			guide.StrokeWidth = 0.5
			guide.Position1, guide.Position2 = fyne.NewPos(px, y), fyne.NewPos(px, axisY)
			dot := canvas.NewCircle(col)
			if it.rough {
				dot.FillColor = rgba(0, 0, 0, 0)
				dot.StrokeColor, dot.StrokeWidth = col, 2
			}
			dot.Move(fyne.NewPos(px-5, y-5))
			dot.Resize(fyne.NewSize(10, 10))
			label := canvas.NewText(it.label, text)
			label.TextSize = theme.TextSize() * 0.95
			ls := label.MinSize()
			// Beside the marker, on the side with room.
			lx := px + 10
			if lx+ls.Width > size.Width-pad && px-10-ls.Width >= pad {
				lx = px - 10 - ls.Width
			}
			label.Move(fyne.NewPos(lx, y-ls.Height/2))
			r.objects = append(r.objects, guide, dot, label)
		}
		for _, end := range []struct {
			w     time.Time
			align fyne.TextAlign
		}{{lo, fyne.TextAlignLeading}, {hi, fyne.TextAlignTrailing}} {
			l := canvas.NewText(end.w.Format("2 Jan 2006"), soft)
			l.TextSize = theme.TextSize() * 0.85
			ls := l.MinSize()
			lx := left
			if end.align == fyne.TextAlignTrailing {
				if span == 0 {
					continue
				}
				lx = right - ls.Width
			}
			l.Move(fyne.NewPos(lx, axisY+3))
			r.objects = append(r.objects, l)
		}
	}
	if len(t.undated) > 0 {
		// One line each, so that nothing runs past a narrow pane.
		y := float32(len(t.items))*timelineRow + timelineAxis
		if len(t.items) == 0 {
			y = 4
		}
		for i, line := range append([]string{"No date recorded:"}, t.undated...) {
			if i > 0 {
				line = "  " + line
			}
			l := canvas.NewText(line, text)
			l.TextSize = theme.TextSize() * 0.9
			l.Move(fyne.NewPos(pad, y+float32(i)*timelineRow*0.8))
			r.objects = append(r.objects, l)
		}
	}
}
