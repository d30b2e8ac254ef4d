package contramap

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The map's labels are set in the Go font (regular and bold), which is
// compiled in: the layout measures labels with it, and the PNG writer
// draws with it, so a label's footprint is the label's size in the picture.
var (
	fontsOnce             sync.Once
	fontRegular, fontBold *sfnt.Font
	facesMu               sync.Mutex
	faces                 = map[faceKey]font.Face{}
)

type faceKey struct {
	size float64
	bold bool
}

func loadFonts() {
	fontsOnce.Do(func() {
		var err error
		if fontRegular, err = opentype.Parse(goregular.TTF); err != nil {
			panic("contramap: the Go font does not parse: " + err.Error())
		}
		if fontBold, err = opentype.Parse(gobold.TTF); err != nil {
			panic("contramap: the Go bold font does not parse: " + err.Error())
		}
	})
}

// face returns the Go font at size points (at 72 dpi: one point, one
// pixel), shared; faces are not safe for concurrent use, so callers hold
// facesMu while they use one.
func face(size float64, bold bool) font.Face {
	loadFonts()
	k := faceKey{size, bold}
	if f, ok := faces[k]; ok {
		return f
	}
	ft := fontRegular
	if bold {
		ft = fontBold
	}
	f, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("contramap: " + err.Error())
	}
	faces[k] = f
	return f
}

// TextWidth is the width of s set at size points, in points.
func TextWidth(s string, size float64, bold bool) float64 {
	facesMu.Lock()
	defer facesMu.Unlock()
	return fixedToFloat(font.MeasureString(face(size, bold), s))
}

// textAscent is the height of the font's capitals above the baseline, in
// points, at size.
func textAscent(size float64) float64 { return size * 0.72 }

func fixedToFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }
