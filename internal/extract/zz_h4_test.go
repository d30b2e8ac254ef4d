package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZH4(t *testing.T) {
	b, _ := os.ReadFile(filepath.Join("testdata", "madeup", "gold.json"))
	var g goldFile
	json.Unmarshal(b, &g)
	var h goldFile
	for _, a := range g.Articles {
		if strings.HasPrefix(a.File, os.Getenv("SET")) && os.Getenv("SET") != "" && !strings.HasPrefix(a.File, "holdout5") {
			h.Articles = append(h.Articles, a)
		}
	}
	measure(t, h, filepath.Join("testdata", "madeup"), nil, t.Logf)
}
