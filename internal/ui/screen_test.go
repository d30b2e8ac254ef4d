package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestFitWithinShrinksOnlyWhatIsTooLarge(t *testing.T) {
	for _, c := range []struct {
		size, limit, want fyne.Size
		fits              bool
	}{
		{fyne.NewSize(1280, 800), fyne.NewSize(962, 722), fyne.NewSize(962, 722), false},   // first run on a 1024×768 laptop
		{fyne.NewSize(1280, 800), fyne.NewSize(1284, 722), fyne.NewSize(1280, 722), false}, // 1366×768: only the height
		{fyne.NewSize(900, 700), fyne.NewSize(1805, 1015), fyne.NewSize(900, 700), true},   // a size the reviewer chose, on a large screen
	} {
		got, fits := fitWithin(c.size, c.limit)
		if got != c.want || fits != c.fits {
			t.Errorf("fitWithin(%v, %v) = %v, %v; want %v, %v", c.size, c.limit, got, fits, c.want, c.fits)
		}
	}
}
