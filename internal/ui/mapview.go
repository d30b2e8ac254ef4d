package ui

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/contramap"
	"claims/internal/csvio"
	"claims/internal/model"
)

// mostContested is the focus selector's first choice: no actor in focus.
const mostContested = "The most contested actors"

// mapView is the Map tab: who answers whom, drawn from the claims the
// Claims tab lists (its search box and filters), with its own choice of an
// actor to centre on. Clicking an actor lists its claims below the map;
// clicking an arrow lists the pairs behind it; each opens its claim.
type mapView struct {
	m       *mainWindow
	content fyne.CanvasObject
	about   *widget.Label // what is drawn, from which claims
	left    *widget.Label // what was left out
	top     *fyne.Container
	focus   *widget.Select
	depth   *widget.RadioGroup
	canvas  *mapCanvas
	// The list of claims or pairs under the map.
	listTitle *widget.Label
	list      *widget.List
	rows      []mapRow

	scene *contramap.Scene
	// prev is the last layout: the next one starts from it, so the map
	// stays put when the claims change a little.
	prev    contramap.Positions
	loadGen atomic.Uint64
	loaded  bool
	// exportNext opens the export dialog once the map in preparation is
	// drawn (File → Export map… before the tab was opened).
	exportNext bool
}

// mapRow is one line of the list under the map: a claim, or a pair.
type mapRow struct {
	text             string
	claimID, otherID string // otherID: the counter-claim of a pair
}

func newMapView(m *mainWindow) *mapView {
	v := &mapView{m: m}
	v.about = widget.NewLabel("")
	v.about.Truncation = fyne.TextTruncateEllipsis
	v.left = widget.NewLabel("")
	v.left.Truncation = fyne.TextTruncateEllipsis
	v.left.Hide()
	// Selected is set before the callbacks: setting it through them would
	// draw a map nobody has asked for yet.
	v.focus = widget.NewSelect([]string{mostContested}, nil)
	v.focus.Selected = mostContested
	v.focus.OnChanged = func(string) { v.load() }
	v.depth = widget.NewRadioGroup([]string{"1 step", "2 steps"}, nil)
	v.depth.Selected = "1 step"
	v.depth.OnChanged = func(string) {
		if v.focus.Selected != mostContested {
			v.load()
		}
	}
	v.depth.Horizontal = true
	v.canvas = newMapCanvas(v)
	fit := widget.NewButtonWithIcon("Fit", theme.ZoomFitIcon(), func() { v.canvas.fit(); v.canvas.grabFocus() })
	export := widget.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), v.export)
	controls := container.NewBorder(nil, nil, widget.NewLabel("Centre on"),
		container.NewHBox(v.depth, fit, export), v.focus)

	v.listTitle = boldLabel("Click an actor to list its claims, or an arrow to list the pairs behind it.")
	v.listTitle.Wrapping = fyne.TextWrapWord
	v.list = widget.NewList(
		func() int { return len(v.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			a := widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), nil)
			b := widget.NewButtonWithIcon("Counter-claim", theme.NavigateNextIcon(), nil)
			return container.NewBorder(nil, nil, nil, container.NewHBox(a, b), l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(v.rows) {
				return
			}
			r := v.rows[id]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(r.text)
			btns := c.Objects[1].(*fyne.Container).Objects
			a, b := btns[0].(*widget.Button), btns[1].(*widget.Button)
			a.OnTapped = func() { v.m.openClaim(r.claimID) }
			if r.otherID != "" {
				a.SetText("Claim")
				b.OnTapped = func() { v.m.openClaim(r.otherID) }
				b.Show()
			} else {
				a.SetText("Open")
				b.Hide()
			}
		})
	below := container.NewBorder(v.listTitle, nil, nil, nil, v.list)
	split := container.NewVSplit(v.canvas, below)
	split.Offset = 0.74
	v.top = container.NewVBox(v.about, v.left, controls)
	v.content = container.NewBorder(v.top, nil, nil, nil, split)
	return v
}

// mapInput is what a map is drawn from, taken on the UI goroutine.
type mapInput struct {
	claims   []model.ClaimSummary
	actors   []model.Actor
	shown    map[string]bool // the claims the list shows; nil: all
	describe string
	opt      contramap.Options
}

// input takes the claims the Claims tab lists: the seam between the map
// and the list's search and filters, whatever they are.
func (v *mapView) input() mapInput {
	m := v.m
	in := mapInput{claims: m.claims, actors: m.actors}
	n := m.found.Len()
	if n < len(m.claims) {
		in.shown = make(map[string]bool, n)
		for i := range n {
			in.shown[m.found.Claim(i).ID] = true
		}
		in.describe = fmt.Sprintf("the %s claims the Claims tab lists", thousandsUI(n))
		if q := strings.TrimSpace(m.search.Text); q != "" {
			in.describe += " (search “" + q + "”)"
		}
	}
	in.opt = contramap.Options{Top: contramap.DefaultTop, MaxEdges: contramap.DefaultMaxEdges}
	if v.focus.Selected != mostContested {
		for _, a := range m.actors {
			if a.Name == v.focus.Selected {
				in.opt.Focus = a.ID
			}
		}
		in.opt.Depth = 1
		if v.depth.Selected == "2 steps" {
			in.opt.Depth = 2
		}
	}
	return in
}

// load draws the map again from the claims the list shows, off the UI
// goroutine: the links are read, the graph aggregated and laid out there.
func (v *mapView) load() {
	m := v.m
	if m.tabs == nil || m.tabs.Selected() != m.mapTab {
		return // drawn when the tab is shown
	}
	if m.index == nil && len(m.claims) > 0 {
		return // the list is not ready; reload's search comes back here
	}
	gen := v.loadGen.Add(1)
	in, st, prev := v.input(), m.st, v.prev
	v.loaded = true
	if v.scene == nil {
		v.about.SetText("Drawing the map…")
	}
	m.pending.Add(1)
	go func() {
		defer m.pending.Done()
		scene, all, err := drawMap(context.Background(), st, in, prev)
		m.do(func() {
			if v.loadGen.Load() != gen || st != m.st {
				return
			}
			if err != nil {
				v.about.SetText("The map could not be drawn.")
				m.showError("Could not draw the map", "Choose View → Reload; if it keeps failing, export the map from the command line (claims map) to see the error.", err)
				return
			}
			v.show(scene, all)
		})
	}()
}

// drawMap reads the links, aggregates and lays out the map; all is every
// actor of the claim set, for the focus selector.
func drawMap(ctx context.Context, st interface {
	Links(context.Context) ([]model.Link, error)
}, in mapInput, prev contramap.Positions) (*contramap.Scene, []string, error) {
	links, err := st.Links(ctx)
	if err != nil {
		return nil, nil, err
	}
	if in.shown != nil {
		in.opt.Keep = func(c *model.ClaimSummary) bool { return in.shown[c.ID] }
	}
	// Every actor with a pair, for the selector.
	everyone := contramap.Build(in.claims, links, in.actors, contramap.Options{Keep: in.opt.Keep})
	var names []string
	for _, n := range everyone.Nodes {
		names = append(names, n.Name)
	}
	g := contramap.Build(in.claims, links, in.actors, in.opt)
	scene, err := contramap.Draw(ctx, g, prev, "Who answers whom", in.describe)
	return scene, names, err
}

// show puts a drawn map on the tab.
func (v *mapView) show(s *contramap.Scene, actors []string) {
	// A redraw of the same actors (a claim changed, the list reloaded)
	// keeps the view; another map is fitted to it.
	keepView := v.scene != nil && sameActors(v.scene.Graph, s.Graph) && s.Message == "" && v.scene.Message == ""
	v.scene = s
	if s.Message == "" {
		v.prev = s.Positions
	}
	v.about.SetText(s.Caption[0] + ".")
	if len(s.Caption) > 1 {
		v.left.SetText(s.Caption[1] + ".")
		v.left.Show()
	} else {
		v.left.Hide()
	}
	v.content.Refresh()
	opts := append([]string{mostContested}, actors...)
	if v.focus.Selected != mostContested && !slices.Contains(actors, v.focus.Selected) {
		opts = append(opts, v.focus.Selected)
	}
	v.focus.Options = opts
	v.focus.Refresh()
	v.rows = nil
	v.listTitle.SetText("Click an actor to list its claims, or an arrow to list the pairs behind it.")
	v.list.Refresh()
	v.canvas.setScene(s, keepView)
	if v.exportNext {
		v.exportNext = false
		v.export()
	}
}

// sameActors reports whether two maps show the same actors.
func sameActors(a, b *contramap.Graph) bool {
	if len(a.Nodes) != len(b.Nodes) || a.Focus != b.Focus {
		return false
	}
	for i := range a.Nodes {
		if a.Nodes[i].ActorID != b.Nodes[i].ActorID {
			return false
		}
	}
	return true
}

// showNode lists the actor's claims under the map.
func (v *mapView) showNode(i int) {
	g := v.scene.Graph
	n := g.Nodes[i]
	v.rows = v.rows[:0]
	for _, c := range n.Claims {
		v.rows = append(v.rows, mapRow{text: mapClaimLine(c), claimID: c.ID})
	}
	v.listTitle.SetText(fmt.Sprintf("%s (%s): %s — %s", n.Name, n.Kind, mapPlural(len(n.Claims), "claim"), nodeCounts(n)))
	v.list.ScrollToTop()
	v.list.Refresh()
}

// nodeCounts says how often an actor is answered and answers, and, when
// it has any, how often it is supported and supports.
func nodeCounts(n contramap.Node) string {
	s := fmt.Sprintf("answered %s, answers %s", mapTimes(n.Answered), mapTimes(n.Answering))
	if n.Supported+n.Supporting > 0 {
		s += fmt.Sprintf("; supported %s, supports %s", mapTimes(n.Supported), mapTimes(n.Supporting))
	}
	return s
}

// mapTimes is "once", "twice" or "N times".
func mapTimes(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// showEdge lists the pairs behind an arrow.
func (v *mapView) showEdge(i int) {
	g := v.scene.Graph
	e := g.Edges[i]
	v.rows = v.rows[:0]
	for _, p := range e.Pairs {
		text := fmt.Sprintf("%s: %s  ⟵ %s —  %s: %s", p.Claim.ActorName, oneLineUI(p.Claim.Statement),
			p.Relation, p.Counter.ActorName, oneLineUI(p.Counter.Statement))
		v.rows = append(v.rows, mapRow{text: text, claimID: p.Claim.ID, otherID: p.Counter.ID})
	}
	v.listTitle.SetText(fmt.Sprintf("%s %s %s's claims: %s", g.Nodes[e.To].Name, e.Relation, g.Nodes[e.From].Name, mapPlural(e.Count(), "pair")))
	v.list.ScrollToTop()
	v.list.Refresh()
}

func mapClaimLine(c *model.ClaimSummary) string {
	s := oneLineUI(c.Statement)
	if c.MadeOn != "" {
		s = c.MadeOn + "  " + s
	}
	return s + "  (" + c.Verdict.Label() + ")"
}

var oneLineUI = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace

func mapPlural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return thousandsUI(n) + " " + what + "s"
}

func thousandsUI(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// export writes the map as SVG, PNG or DOT, by the file name's ending.
func (v *mapView) export() {
	if v.scene == nil {
		v.exportNext = true
		v.m.tabs.Select(v.m.mapTab) // loads it; show comes back here
		return
	}
	if v.scene.Message != "" {
		inform(v.m.win, "Nothing to export", v.scene.Message)
		return
	}
	scene := v.scene
	chooseFile(v.m.win, "Export the map to", chooseSave, "", "contradiction-map.svg", []string{".svg", ".png", ".dot"}, func(path string) {
		// Written whole or not at all: a failed export leaves no half file.
		err := csvio.WriteFileAtomic(path, func(w io.Writer) error { return writeScene(w, scene, path) })
		if err != nil {
			v.m.showError("Could not export the map", "Choose a file name ending in .svg, .png or .dot.", err)
			return
		}
		inform(v.m.win, "Map exported", "The map was written to\n"+path)
	})
}

// writeScene writes the scene in the format its file name ends with.
func writeScene(w io.Writer, s *contramap.Scene, name string) error {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".png":
		var buf bytes.Buffer
		if err := s.WritePNG(&buf, 2); err != nil {
			return err
		}
		_, err := w.Write(buf.Bytes())
		return err
	case ".dot", ".gv":
		return s.WriteDOT(w)
	case ".svg", "":
		return s.WriteSVG(w)
	}
	return fmt.Errorf("%s: the file name must end in .svg, .png or .dot", name)
}

func rgba(r, g, b, a uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: a} }
