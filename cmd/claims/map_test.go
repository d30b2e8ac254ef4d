package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/srwiley/oksvg"
)

func TestMapWritesSVGPNGAndDOT(t *testing.T) {
	path := newDB(t, true)
	dir := t.TempDir()

	svg := filepath.Join(dir, "map.svg")
	if code, out, errOut := runCLI(t, "map", "--db", path, "-o", svg); code != 0 {
		t.Fatalf("map exit %d: %s %s", code, out, errOut)
	}
	b, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	// Well-formed XML, with the actors' names as text…
	dec := xml.NewDecoder(bytes.NewReader(b))
	var texts strings.Builder
	circles := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed: %v", svg, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local == "circle" {
				circles++
			}
		case xml.CharData:
			texts.Write(el)
		}
	}
	for _, want := range []string{"Imran Khan", "United States government", "Afghan government", "Government of Pakistan", "denies", "14 claims"} {
		if !strings.Contains(texts.String(), want) {
			t.Errorf("the SVG does not say %q", want)
		}
	}
	if circles < 8 {
		t.Errorf("%d circles, want the 8 actors and the legend", circles)
	}
	// …that a real SVG library reads.
	icon, err := oksvg.ReadIconStream(bytes.NewReader(b), oksvg.IgnoreErrorMode)
	if err != nil || icon.ViewBox.W < 300 {
		t.Fatalf("oksvg read %v, %v", icon, err)
	}

	pngPath := filepath.Join(dir, "map.png")
	if code, _, errOut := runCLI(t, "map", "--db", path, "--actor", "Kabul", "-o", pngPath); code != 0 {
		t.Fatalf("map --actor Kabul exit %d: %s", code, errOut)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil || img.Bounds().Dx() < 640 {
		t.Fatalf("the PNG: %v, %v", img, err)
	}

	dot := filepath.Join(dir, "map.dot")
	if code, _, errOut := runCLI(t, "map", "--db", path, "-o", dot); code != 0 {
		t.Fatalf("map .dot exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(dot); !strings.Contains(string(b), "digraph contradictions") {
		t.Errorf("the DOT file: %s", b)
	}
}

func TestMapWithNothingToDrawSaysWhy(t *testing.T) {
	for _, tc := range []struct {
		name   string
		sample bool
		args   []string
		want   string
	}{
		{"empty database", false, nil, "No claims to map"},
		{"a filter that keeps nothing", true, []string{"--tag", "none-such"}, "No claims to map"},
		{"an actor nobody answers", true, []string{"--actor", "Haqqani network"}, "No one answers Haqqani network"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := newDB(t, tc.sample)
			out := filepath.Join(t.TempDir(), "map.svg")
			code, _, errOut := runCLI(t, append([]string{"map", "--db", path, "-o", out}, tc.args...)...)
			if code != 0 || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, %q; want 0 and %q", code, errOut, tc.want)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := oksvg.ReadIconStream(bytes.NewReader(b), oksvg.IgnoreErrorMode); err != nil {
				t.Errorf("oksvg: %v", err)
			}
			if !strings.Contains(string(b), tc.want) {
				t.Errorf("the picture does not say %q", tc.want)
			}
		})
	}
}

func TestMapBadFlags(t *testing.T) {
	path := newDB(t, true)
	out := filepath.Join(t.TempDir(), "m.svg")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"map", "--db", path}, "-o FILE is required"},
		{[]string{"map", "--db", path, "-o", "m.jpg"}, "must end in .svg, .png or .dot"},
		{[]string{"map", "-o", out}, "--db PATH is required"},
		{[]string{"map", "--db", path, "-o", out, "--from", "2024-13"}, "--from"},
		{[]string{"map", "--db", path, "-o", out, "--from", "2025", "--to", "2024"}, "after --to"},
		{[]string{"map", "--db", path, "-o", out, "--verdict", "maybe"}, "--verdict"},
		{[]string{"map", "--db", path, "-o", out, "--depth", "3", "--actor", "Kabul"}, "--depth must be 1 or 2"},
		{[]string{"map", "--db", path, "-o", out, "--depth", "2"}, "with --actor only"},
		{[]string{"map", "--db", path, "-o", out, "--top", "0"}, "--top"},
		{[]string{"map", "--db", path, "-o", out, "--bogus"}, "flag provided but not defined"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args[1:], code, errOut, tc.want)
		}
	}
	code, _, errOut := runCLI(t, "map", "--db", path, "-o", out, "--actor", "Nobody at all")
	if code != 1 || !strings.Contains(errOut, `no actor is called "Nobody at all"`) {
		t.Errorf("unknown actor: exit %d, %q", code, errOut)
	}
}
