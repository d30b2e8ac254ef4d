package main

import (
	"os"
	"regexp"
	"testing"

	"claims/internal/ui"
)

// fyneAppDetail returns a string field of [Details] in FyneApp.toml, the one
// source of the app's name, ID and version.
func fyneAppDetail(t *testing.T, key string) string {
	t.Helper()
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*` + key + `\s*=\s*"([^"]*)"`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("FyneApp.toml has no %s", key)
	}
	return string(m[1])
}

func TestVersionMatchesFyneAppToml(t *testing.T) {
	if want := fyneAppDetail(t, "Version"); version != want {
		t.Errorf("version.go says %q, FyneApp.toml says %q: change them together", version, want)
	}
}

func TestAppIDMatchesFyneAppToml(t *testing.T) {
	if want := fyneAppDetail(t, "ID"); ui.AppID != want {
		t.Errorf("ui.AppID is %q, FyneApp.toml says %q", ui.AppID, want)
	}
}

func TestVersionFlagPrintsVersion(t *testing.T) {
	for _, arg := range []string{"--version", "-version", "version"} {
		t.Run(arg, func(t *testing.T) {
			code, out, errOut := runCLI(t, arg)
			if code != 0 || out != "claims "+version+"\n" || errOut != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 0, stdout %q", code, out, errOut, "claims "+version+"\n")
			}
		})
	}
}
