package contramap_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/srwiley/oksvg"
	"github.com/srwiley/rasterx"

	"claims/internal/contramap"
)

func fixtureScene(t *testing.T) *contramap.Scene {
	t.Helper()
	s, err := contramap.Draw(context.Background(), newFixture().build(contramap.Options{}), nil, "Who answers whom", "")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// svgCensus parses an SVG with encoding/xml and counts its elements and
// collects its texts.
func svgCensus(t *testing.T, b []byte) (map[string]int, []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	count := map[string]int{}
	var texts []string
	var inText bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			count[el.Name.Local]++
			inText = el.Name.Local == "text"
			if el.Name.Local == "svg" && el.Name.Space != "http://www.w3.org/2000/svg" {
				t.Errorf("root element in namespace %q", el.Name.Space)
			}
		case xml.CharData:
			if inText {
				texts = append(texts, string(el))
			}
		case xml.EndElement:
			inText = false
		}
	}
	return count, texts
}

func TestSVGIsValidAndDrawsTheMap(t *testing.T) {
	s := fixtureScene(t)
	var buf bytes.Buffer
	if err := s.WriteSVG(&buf); err != nil {
		t.Fatal(err)
	}
	count, texts := svgCensus(t, buf.Bytes())
	if count["svg"] != 1 || count["circle"] < 7 {
		t.Errorf("elements: %v", count)
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"Who answers whom", "Imran Khan", "Khan's political opponents", "denies", "supports", "government"} {
		if !strings.Contains(all, want) {
			t.Errorf("the SVG's texts lack %q", want)
		}
	}

	// A real SVG library reads it back and draws it.
	icon, err := oksvg.ReadIconStream(bytes.NewReader(buf.Bytes()), oksvg.IgnoreErrorMode)
	if err != nil {
		t.Fatalf("oksvg: %v", err)
	}
	w, h := int(icon.ViewBox.W), int(icon.ViewBox.H)
	if w < 300 || h < 300 {
		t.Fatalf("view box %v×%v", w, h)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	icon.SetTarget(0, 0, float64(w), float64(h))
	icon.Draw(rasterx.NewDasher(w, h, rasterx.NewScannerGV(w, h, img, img.Bounds())), 1)
	denies, _ := contramap.RelationStyle("denies")
	gov := contramap.KindColour("government")
	if !hasColour(img, denies) || !hasColour(img, gov) {
		t.Error("oksvg's drawing of the SVG has no denial arrow or government circle")
	}
}

// hasColour reports whether some pixel of img is c.
func hasColour(img *image.RGBA, c interface{ RGBA() (r, g, b, a uint32) }) bool {
	r0, g0, b0, _ := c.RGBA()
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			r, g, b, a := img.At(x, y).RGBA()
			if a == 0xffff && r>>8 == r0>>8 && g>>8 == g0>>8 && b>>8 == b0>>8 {
				return true
			}
		}
	}
	return false
}

func TestPNGAndDOT(t *testing.T) {
	s := fixtureScene(t)
	var buf bytes.Buffer
	if err := s.WritePNG(&buf, 2); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	_, pw, ph := s.Page()
	if b := img.Bounds(); b.Dx() < int(pw*2)-1 || b.Dy() < int(ph*2)-1 {
		t.Errorf("PNG is %v, page %v×%v at scale 2", b, pw, ph)
	}
	buf.Reset()
	if err := s.WriteDOT(&buf); err != nil {
		t.Fatal(err)
	}
	dot := buf.String()
	for _, want := range []string{"digraph contradictions {", `"khan" -> "us" [relation="denies", label="1"`, `"pk" -> "af" [relation="denies", label="2"`, `xlabel="Imran Khan"`, `pos="`} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %q:\n%s", want, dot)
		}
	}
}

func TestEmptySceneSaysWhy(t *testing.T) {
	s, err := contramap.Draw(context.Background(), contramap.Build(nil, nil, nil, contramap.Options{}), nil, "Who answers whom", "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.WriteSVG(&buf); err != nil {
		t.Fatal(err)
	}
	_, texts := svgCensus(t, buf.Bytes())
	if !strings.Contains(strings.Join(texts, " "), "No claims to map") {
		t.Errorf("the empty map's SVG says %q", texts)
	}
}
