package ui

import (
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/gen"
	"claims/internal/sample"
)

// TestScreenshots renders the main views at 1280×800 to PNG: into
// docs/screenshots/ when CLAIMS_SCREENSHOTS=1, otherwise into a temporary
// folder. It runs on the sample database, as a first start shows it.
func TestScreenshots(t *testing.T) {
	dir := screenshotDir(t)
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefReviewer, "Sara Ahmed")
	st, err := db.Open(filepath.Join(t.TempDir(), "claims.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := sample.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1280, 800))
	m := newMainWindow(a, w, st, withResultQueue)
	m.wait()
	t.Cleanup(func() { m.wait(); m.st.Close() })

	shoot := func(name string) {
		t.Helper()
		m.wait()
		img := w.Canvas().Capture()
		b := img.Bounds()
		if b.Dx() != 1280 || b.Dy() != 800 {
			t.Errorf("%s is %d×%d, want 1280×800", name, b.Dx(), b.Dy())
		}
		if n := colours(img); n < 4 {
			t.Errorf("%s looks blank (%d colours)", name, n)
		}
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}

	test.Type(m.search, "imran")
	m.wait()
	m.list.move(0)
	shoot("main-window")

	m.search.SetText("")
	m.wait()
	m.openClaim(sample.BombingAllegation)
	shoot("bombing-allegation")

	e := m.openEditor(&m.detail.d)
	test.Type(e.actor.entry, "Talib")
	test.Type(e.statement, "Pakistan should look to its own security failures")
	shoot("add-counter-claim")
	e.dlg.Hide()

	m.tabs.SelectIndex(1)
	m.wait()
	m.contra.table.Select(widget.TableCellID{Row: 0, Col: 1})
	shoot("contradictions")
	m.tabs.SelectIndex(2)
	m.actorsView.selectFirst()
	shoot("actors")
	m.tabs.SelectIndex(3)
	m.sourcesView.selectFirst()
	shoot("sources")

	m.tabs.SelectIndex(4)
	m.wait()
	v := m.mapView
	for i, n := range v.scene.Graph.Nodes {
		if n.Name == "Imran Khan" {
			sn, _ := v.scene.SceneNode(i)
			p := v.canvas.toCanvas(sn.Centre)
			v.canvas.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
			v.canvas.Tapped(&fyne.PointEvent{Position: p})
		}
	}
	shoot("map")
}

// TestScreenshotsGenerated renders the map and a claim's timeline over
// 20,000 claims made by claims gen, at 1280×800; only when
// CLAIMS_SCREENSHOTS=1 (making the data takes a while).
func TestScreenshotsGenerated(t *testing.T) {
	if os.Getenv("CLAIMS_SCREENSHOTS") != "1" {
		t.Skip("set CLAIMS_SCREENSHOTS=1 (make screenshots)")
	}
	dir := screenshotDir(t)
	a := test.NewTempApp(t)
	st, err := db.Open(filepath.Join(t.TempDir(), "claims.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gen.Fill(context.Background(), st, gen.Options{Claims: 20000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1280, 800))
	m := newMainWindow(a, w, st, withResultQueue)
	m.wait()
	t.Cleanup(func() { m.wait(); m.st.Close() })
	shoot := func(name string) {
		t.Helper()
		m.wait()
		img := w.Canvas().Capture()
		if n := colours(img); n < 4 {
			t.Errorf("%s looks blank (%d colours)", name, n)
		}
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	m.tabs.SelectIndex(4)
	m.wait()
	shoot("map-20000")

	// The map centred on the most contested actor and its neighbours.
	v := m.mapView
	g := v.scene.Graph
	top := 0
	for i, n := range g.Nodes {
		if n.Contested() > g.Nodes[top].Contested() {
			top = i
		}
	}
	v.focus.SetSelected(g.Nodes[top].Name)
	m.wait()
	shoot("map-20000-focus")

	// A claim denied by three actors, with its timeline in view.
	for _, c := range m.claims {
		if c.CounterCount == 3 {
			m.openClaim(c.ID)
			break
		}
	}
	m.wait()
	m.detail.scroll.ScrollToBottom()
	shoot("timeline")
}

// colours counts the distinct colours of a sample of img's pixels: a
// blank window has one or two.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, al := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, al}] = true
		}
	}
	return len(seen)
}

// screenshotDir is where the screenshot tests write: docs/screenshots
// (or CLAIMS_SCREENSHOTS_DIR) when CLAIMS_SCREENSHOTS=1, as make
// screenshots sets it, otherwise a temporary folder.
func screenshotDir(t *testing.T) string {
	if os.Getenv("CLAIMS_SCREENSHOTS") != "1" {
		return t.TempDir()
	}
	dir := filepath.Join("..", "..", "docs", "screenshots")
	if d := os.Getenv("CLAIMS_SCREENSHOTS_DIR"); d != "" {
		dir = d
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
