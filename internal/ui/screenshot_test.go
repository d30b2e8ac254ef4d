package ui

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/gen"
	"claims/internal/model"
	"claims/internal/sample"
)

// TestScreenshots renders the main views to PNG: into docs/screenshots/
// when CLAIMS_SCREENSHOTS=1, otherwise into a temporary folder. It runs on
// the sample database, as a first start shows it: the claims tab at each
// of the four sizes the window is checked at (720×600, 1024×768, 1280×800
// and 1920×1080), then the dialogs and the other tabs at 1280×800.
func TestScreenshots(t *testing.T) {
	dir := screenshotDir(t)
	a := test.NewTempApp(t)
	// The theme a person sees (the test theme's colours are made to tell
	// the parts apart, not to read).
	a.Settings().SetTheme(theme.DefaultTheme())
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
		// Lay out twice: a wrapping label learns its height from the
		// width the first layout gives it, as the window's next frame does.
		size := w.Canvas().Size()
		w.Resize(size.AddWidthHeight(1, 0))
		w.Resize(size)
		img := w.Canvas().Capture()
		b := img.Bounds()
		if b.Dx() != int(size.Width) || b.Dy() != int(size.Height) {
			t.Errorf("%s is %d×%d, want %.0f×%.0f", name, b.Dx(), b.Dy(), size.Width, size.Height)
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

	// The claims tab at each size: Imran Khan's charge beside (or above)
	// its three denials.
	test.Type(m.search, "imran")
	m.wait()
	m.list.move(0)
	for _, size := range []fyne.Size{{Width: 720, Height: 600}, {Width: 1024, Height: 768}, {Width: 1920, Height: 1080}, {Width: 1280, Height: 800}} {
		w.Resize(size)
		m.wait()
		if ms := w.Content().MinSize(); ms.Width > 720 || ms.Height > 600 {
			t.Errorf("at %.0f×%.0f the window asks for %.0f×%.0f", size.Width, size.Height, ms.Width, ms.Height)
		}
		shoot(fmt.Sprintf("claims-%.0fx%.0f", size.Width, size.Height))
	}

	// Word forms and filters: "denies" finds the denials that say
	// "denied", narrowed to counter-claims, at the narrowest size.
	w.Resize(fyne.NewSize(720, 600))
	m.search.SetText("denies")
	m.filters.answers.SetChecked(true)
	m.filters.showPanel()
	shoot("filters-720x600")
	m.filters.reset()
	m.filters.togglePanel()
	w.Resize(fyne.NewSize(1280, 800))

	m.search.SetText("")
	m.wait()
	m.openClaim(sample.BombingAllegation)
	shoot("bombing-allegation")

	// The record: a verdict set and undone, then set again, in the claim's
	// history at the bottom of the pane.
	m.detail.setVerdict(model.Misleading)
	m.wait()
	m.undoLast()
	m.wait()
	m.detail.setVerdict(model.False)
	m.wait()
	m.detail.scroll.ScrollToBottom()
	shoot("history")
	m.detail.scroll.ScrollToTop()

	e := m.openEditor(&m.detail.d)
	test.Type(e.actor.entry, "Talib")
	test.Type(e.statement, "Pakistan should look to its own security failures")
	shoot("add-counter-claim")
	e.dlg.hide()

	m.tabs.SelectIndex(1)
	m.wait()
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

	// An empty database, as File → New database leaves the window.
	m.openPath(filepath.Join(t.TempDir(), "empty.db"))
	m.tabs.SelectIndex(0)
	shoot("empty-database")
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
