package ui

import (
	"context"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/search"
)

// BenchmarkKeystrokeOnUIGoroutine is the part of a keystroke that runs on
// the window's event goroutine once the search is done off it: the count,
// the selected row looked for among the results, the rows in view redrawn
// with their highlights. It runs over the database named by
// CLAIMS_BENCH_DB (one made by "claims gen", e.g. bench/claims-100000.db)
// and alternates between the results of "t" (nearly every claim) and of
// "the bombin", with a claim selected, in a 1280×800 window.
func BenchmarkKeystrokeOnUIGoroutine(b *testing.B) {
	m := benchWindow(b)
	ctx := context.Background()
	var found [2]*search.Results
	for i, q := range []string{"t", "the bombin"} {
		var err error
		if found[i], err = m.index.SearchContext(ctx, q, search.Filter{}); err != nil {
			b.Fatal(err)
		}
	}
	m.selectClaim(found[1].Claim(found[1].Len()/2).ID, true)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.applyHits(found[i%2])
	}
}

// BenchmarkScrollOnUIGoroutine scrolls the list of every claim of the
// database named by CLAIMS_BENCH_DB by one screen (about a dozen rows, all
// new) per operation: what a page-down or a flick of the wheel asks of
// the event goroutine.
func BenchmarkScrollOnUIGoroutine(b *testing.B) {
	m := benchWindow(b)
	page := m.list.Size().Height
	b.ResetTimer()
	for i := 1; b.Loop(); i++ {
		m.list.ScrollToOffset(float32(i) * page)
	}
}

// benchWindow opens the database named by CLAIMS_BENCH_DB in a 1280×800
// main window, loaded and indexed; without it the benchmark is skipped.
func benchWindow(b *testing.B) *mainWindow {
	path := os.Getenv("CLAIMS_BENCH_DB")
	if path == "" {
		b.Skip("set CLAIMS_BENCH_DB to a database made with claims gen")
	}
	a := test.NewTempApp(b)
	st, err := db.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	w := test.NewTempWindow(b, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1280, 800))
	m := newMainWindow(a, w, st, withResultQueue)
	m.wait()
	return m
}
