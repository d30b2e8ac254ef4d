package ui

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"claims/internal/contramap"
	"claims/internal/db"
	"claims/internal/model"
)

// openMap selects the Map tab and waits for the map.
func (h *harness) openMap() *mapView {
	h.t.Helper()
	h.m.tabs.Select(h.m.mapTab)
	h.m.wait()
	v := h.m.mapView
	if v.scene == nil {
		h.t.Fatal("the Map tab drew nothing")
	}
	return v
}

// nodeNamed returns the index of the actor's node on the map.
func nodeNamed(t *testing.T, v *mapView, name string) int {
	t.Helper()
	for i, n := range v.scene.Graph.Nodes {
		if n.Name == name {
			return i
		}
	}
	t.Fatalf("no node %q on the map", name)
	return -1
}

// where is the canvas position of a node's centre.
func where(v *mapView, node int) fyne.Position {
	sn, _ := v.scene.SceneNode(node)
	return v.canvas.toCanvas(sn.Centre)
}

func TestMapTabDrawsWhoAnswersWhom(t *testing.T) {
	h := newHarness(t)
	v := h.openMap()
	g := v.scene.Graph
	if len(g.Nodes) != 6 || len(g.Edges) != 4 {
		t.Fatalf("map has %d actors and %d edges, want 6 and 4", len(g.Nodes), len(g.Edges))
	}
	if !strings.Contains(v.about.Text, "6 actors") || !strings.Contains(v.about.Text, "4 answers") {
		t.Errorf("the line above the map says %q", v.about.Text)
	}
	if v.canvas.message.Visible() {
		t.Errorf("a map with answers shows the message %q", v.canvas.message.Text)
	}
	if v.canvas.picZoom == 0 || v.canvas.picture.Image.Bounds().Dx() < 100 {
		t.Error("the map's picture was not drawn")
	}
}

func TestMapKeysPanZoomAndCycle(t *testing.T) {
	h := newHarness(t)
	v := h.openMap()
	c := v.canvas
	if h.win.Canvas().Focused() != c {
		t.Fatalf("the Map tab gave the keyboard to %T, not the map", h.win.Canvas().Focused())
	}
	key := func(k fyne.KeyName) { h.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	pan := c.pan
	key(fyne.KeyRight)
	if c.pan.X != pan.X-panStep || c.pan.Y != pan.Y {
		t.Errorf("Right moved the view from %v to %v, want %v left", pan, c.pan, panStep)
	}
	key(fyne.KeyDown)
	if c.pan.Y != pan.Y-panStep {
		t.Errorf("Down moved the view to %v", c.pan)
	}
	zoom := c.zoom
	test.Type(c, "+")
	if math.Abs(float64(c.zoom/zoom-1.25)) > 1e-4 {
		t.Errorf("+ zoomed %v → %v, want ×1.25", zoom, c.zoom)
	}
	test.Type(c, "-")
	if math.Abs(float64(c.zoom-zoom)) > 1e-4 {
		t.Errorf("- did not zoom back: %v, want %v", c.zoom, zoom)
	}
	test.Type(c, "0")
	if c.pan == (fyne.Position{X: pan.X - panStep, Y: pan.Y - panStep}) {
		t.Error("0 did not fit the map again")
	}
	key(fyne.KeyTab)
	if c.cursor != 0 || !c.ring.Visible() {
		t.Fatalf("Tab: cursor %d, ring shown %v; want the first actor ringed", c.cursor, c.ring.Visible())
	}
	key(fyne.KeyTab)
	c.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(fyne.KeyTab)
	c.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if c.cursor != 0 {
		t.Errorf("Tab, Tab, Shift+Tab: cursor %d, want 0", c.cursor)
	}
	if !strings.Contains(c.tip.Text, "Enter lists") {
		t.Errorf("Tab's actor says %q, not what Enter does", c.tip.Text)
	}
	key(fyne.KeyReturn)
	if name := v.scene.Graph.Nodes[0].Name; !strings.HasPrefix(v.listTitle.Text, name) || len(v.rows) == 0 {
		t.Errorf("Enter listed %q with %d rows, want %s's claims", v.listTitle.Text, len(v.rows), name)
	}

	// Shift+Tab on the first actor, and Tab past the last, leave the map
	// like any other control: the keyboard is never caught in it.
	c.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(fyne.KeyTab)
	c.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if f := h.win.Canvas().Focused(); f == fyne.Focusable(c) || c.cursor != -1 || c.ring.Visible() {
		t.Errorf("Shift+Tab on the first actor: focus %T, cursor %d, ring %v", f, c.cursor, c.ring.Visible())
	}
	h.win.Canvas().Focus(c)
	for range v.scene.Graph.Nodes {
		key(fyne.KeyTab)
	}
	if c.cursor != len(v.scene.Graph.Nodes)-1 || h.win.Canvas().Focused() != fyne.Focusable(c) {
		t.Fatalf("Tab through every actor: cursor %d of %d", c.cursor, len(v.scene.Graph.Nodes))
	}
	key(fyne.KeyTab)
	if f := h.win.Canvas().Focused(); f == fyne.Focusable(c) || c.cursor != -1 {
		t.Errorf("Tab past the last actor: focus %T, cursor %d; want the next control", f, c.cursor)
	}
	m := h.m
	m.wait() // the sharp pictures after the moves
}

func TestMapClickListsClaimsAndPairsThatOpen(t *testing.T) {
	h := newHarness(t)
	v := h.openMap()
	c := v.canvas
	khan := nodeNamed(t, v, "Imran Khan")
	p := where(v, khan)

	c.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
	if c.hoverNode != khan || !c.ring.Visible() || !strings.Contains(c.tip.Text, "Imran Khan") {
		t.Errorf("hovering Khan: node %d, ring %v, tip %q", c.hoverNode, c.ring.Visible(), c.tip.Text)
	}
	c.Tapped(&fyne.PointEvent{Position: p})
	if len(v.rows) != 1 || v.rows[0].claimID != khanCharge {
		t.Fatalf("clicking Khan listed %+v, want his charge", v.rows)
	}
	if !strings.Contains(v.listTitle.Text, "answered 3 times, answers 0 times") || strings.Contains(v.listTitle.Text, "supported") {
		t.Errorf("Khan's counts: %q", v.listTitle.Text)
	}

	// The arrow from Pakistan to the Afghan government: one denial.
	pk, af := nodeNamed(t, v, "Government of Pakistan"), nodeNamed(t, v, "Afghan government")
	edge := -1
	for i, e := range v.scene.Graph.Edges {
		if e.From == pk && e.To == af {
			edge = i
		}
	}
	se, ok := v.scene.SceneEdge(edge)
	if !ok {
		t.Fatal("the Pakistan → Afghan government arrow was not drawn")
	}
	mid := se.Path[len(se.Path)/2]
	if len(se.Path) == 2 {
		mid = contramap.Point{X: (se.Path[0].X + se.Path[1].X) / 2, Y: (se.Path[0].Y + se.Path[1].Y) / 2}
	}
	at := c.toCanvas(mid)
	c.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	if c.hoverEdge != edge || !strings.Contains(c.tip.Text, "denies") {
		t.Errorf("hovering the arrow: edge %d (want %d), tip %q", c.hoverEdge, edge, c.tip.Text)
	}
	c.Tapped(&fyne.PointEvent{Position: at})
	if len(v.rows) != 1 || v.rows[0].claimID != pkAllegation || v.rows[0].otherID != afDenial {
		t.Fatalf("clicking the arrow listed %+v", v.rows)
	}
	if !strings.Contains(v.listTitle.Text, "Afghan government denies Government of Pakistan's claims") {
		t.Errorf("list title %q", v.listTitle.Text)
	}

	// Its buttons open each claim on the Claims tab.
	row := v.list.CreateItem()
	v.list.UpdateItem(0, row)
	btns := row.(*fyne.Container).Objects[1].(*fyne.Container).Objects
	test.Tap(btns[1].(*widget.Button))
	h.m.wait()
	if h.m.tabs.Selected() != h.m.claimsTab || h.m.selected != afDenial {
		t.Errorf("Counter-claim opened tab %q, claim %q", h.m.tabs.Selected().Text, h.m.selected)
	}
}

func TestMapDrawsTheClaimsTheListShows(t *testing.T) {
	h := newHarness(t)
	test.Type(h.m.search, "bombing")
	h.m.wait()
	v := h.openMap()
	var names []string
	for _, n := range v.scene.Graph.Nodes {
		names = append(names, n.Name)
	}
	if strings.Join(names, ", ") != "Afghan government, Government of Pakistan" {
		t.Errorf("with the search “bombing” the map shows %v", names)
	}
	if !strings.Contains(v.about.Text, "search “bombing”") {
		t.Errorf("the line above the map does not name the search: %q", v.about.Text)
	}

	// Centred on Khan, with the search cleared.
	h.m.tabs.Select(h.m.claimsTab)
	h.m.search.SetText("")
	h.m.wait()
	v = h.openMap()
	v.focus.SetSelected("Imran Khan")
	h.m.wait()
	if g := v.scene.Graph; len(g.Nodes) != 4 || g.Nodes[g.Focus].Name != "Imran Khan" {
		t.Errorf("centred on Khan the map has %d actors", len(g.Nodes))
	}
}

func TestMapSaysWhyItIsEmpty(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := db.Open(filepath.Join(t.TempDir(), "one.db"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	actor := model.Actor{Name: "Government of Pakistan", Kind: model.KindGovernment}
	if err := st.CreateActor(ctx, &actor); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateClaim(ctx, &model.Claim{Statement: "The bombing was planned abroad", ActorID: actor.ID}); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1280, 800))
	m := newMainWindow(a, w, st, withResultQueue)
	m.wait()
	t.Cleanup(func() { m.wait(); st.Close() })
	m.tabs.Select(m.mapTab)
	m.wait()
	c := m.mapView.canvas
	if !c.message.Visible() || !strings.Contains(c.message.Text, "No contradictions") {
		t.Errorf("one actor, no answers: message shown %v, %q", c.message.Visible(), c.message.Text)
	}
}

func TestTimelinePlacesTheClaimAndItsAnswers(t *testing.T) {
	base := model.ClaimDetail{
		Claim: model.Claim{ID: "a", MadeOn: "2024-03-26"},
		Actor: model.Actor{Name: "Government of Pakistan"},
		AnsweredBy: []model.Related{
			{Relation: model.Denies, ActorName: "Afghan government", Claim: model.Claim{MadeOn: "2024-03-27"}},
			{Relation: model.Disputes, ActorName: "Taliban", Claim: model.Claim{MadeOn: "2024-04"}},
			{Relation: model.Denies, ActorName: "Kabul", Claim: model.Claim{}},
		},
	}
	tl := newTimeline()
	tl.set(base)
	if len(tl.items) != 3 || len(tl.undated) != 1 {
		t.Fatalf("%d placed, %d undated; want 3 and 1", len(tl.items), len(tl.undated))
	}
	if !strings.Contains(tl.items[1].label, "the next day") {
		t.Errorf("the denial a day later reads %q", tl.items[1].label)
	}
	if !tl.items[2].rough || !strings.Contains(tl.items[2].label, "about") {
		t.Errorf("a month-only date: rough %v, %q", tl.items[2].rough, tl.items[2].label)
	}
	w := test.NewTempWindow(t, tl)
	w.Resize(fyne.NewSize(500, 200))
	if n := len(test.LaidOutObjects(tl)); n < 8 {
		t.Errorf("the timeline drew %d objects", n)
	}
}

func TestDetailPaneShowsTheTimeline(t *testing.T) {
	h := newHarness(t)
	h.m.openClaim(khanCharge)
	h.m.wait()
	tl := h.m.detail.timeline
	if !tl.box.Visible() {
		t.Fatal("the timeline is hidden for a claim with three denials")
	}
	// The charge is dated 2022-04; the denials are not.
	if len(tl.line.items) != 1 || len(tl.line.undated) != 3 {
		t.Errorf("%d placed, %d undated; want 1 and 3", len(tl.line.items), len(tl.line.undated))
	}
	h.m.openClaim(usDenial)
	h.m.wait()
	if tl.box.Visible() {
		t.Error("the timeline shows for a claim nobody answers")
	}
}

func TestMapExportWritesEachFormat(t *testing.T) {
	h := newHarness(t)
	v := h.openMap()
	for _, tc := range []struct{ name, want string }{
		{"map.svg", "<svg"},
		{"map.dot", "digraph contradictions"},
		{"map.png", "\x89PNG"},
	} {
		var b strings.Builder
		if err := writeScene(&b, v.scene, tc.name); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !strings.Contains(b.String()[:min(200, b.Len())], tc.want) {
			t.Errorf("%s starts %q", tc.name, b.String()[:min(40, b.Len())])
		}
	}
	var b strings.Builder
	if err := writeScene(&b, v.scene, "map.jpg"); err == nil {
		t.Error("map.jpg was written")
	}
}

// The map's Export… goes through the window's file dialog by keyboard: the
// name typed decides the format, and a name it cannot write leaves no file.
func TestMapExportByKeyboard(t *testing.T) {
	h := newHarness(t)
	v := h.openMap()
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		want  string // the file's start; "" when it must not be written
		title string
	}{
		{"map.svg", "<svg", "Map exported"},
		{"map.dot", "digraph contradictions", "Map exported"},
		{"map.jpg", "", "Something went wrong"},
	} {
		v.export()
		name, ok := h.win.Canvas().Focused().(*keyEntry)
		if !ok {
			t.Fatalf("%s: the file dialog's name box does not have the keyboard", tc.name)
		}
		path := filepath.Join(dir, tc.name)
		name.SetText(path)
		h.press(fyne.KeyReturn)
		md := topModal(h.win.Canvas())
		if md == nil || md.title != tc.title {
			t.Fatalf("%s: the dialog after the export is %v", tc.name, md)
		}
		h.press(fyne.KeyEscape)
		got, err := os.ReadFile(path)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("%s was written", tc.name)
		case tc.want != "" && (err != nil || !strings.Contains(string(got[:min(200, len(got))]), tc.want)):
			t.Errorf("%s: %v, starts %q", tc.name, err, got[:min(40, len(got))])
		}
		if h.top() != nil {
			t.Fatalf("%s: a dialog is still open", tc.name)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestMapSaysWhoSupportsWhom(t *testing.T) {
	h := newHarness(t)
	if err := h.m.st.AddLink(bilal(), model.Link{FromID: oppDenial, ToID: pkAllegation, Relation: model.Supports}); err != nil {
		t.Fatal(err)
	}
	h.m.reload()
	h.m.wait()
	v := h.openMap()
	v.showNode(nodeNamed(t, v, "Khan's political opponents"))
	if !strings.Contains(v.listTitle.Text, "answers once; supported 0 times, supports once") {
		t.Errorf("the opponents, who dispute Khan and back Pakistan: %q", v.listTitle.Text)
	}
	v.showNode(nodeNamed(t, v, "Government of Pakistan"))
	if !strings.Contains(v.listTitle.Text, "supported once, supports 0 times") {
		t.Errorf("Pakistan, backed by the opponents: %q", v.listTitle.Text)
	}
}
