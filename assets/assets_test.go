package assets

import (
	"bytes"
	"image/png"
	"testing"
)

func TestIconIsASquarePNGOfAtLeast512(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(IconPNG))
	if err != nil {
		t.Fatalf("icon.png does not decode: %v", err)
	}
	if cfg.Width != cfg.Height || cfg.Width < 512 {
		t.Errorf("icon is %d×%d, want square and at least 512", cfg.Width, cfg.Height)
	}
}
