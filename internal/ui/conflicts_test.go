package ui

import (
	"strings"
	"testing"
)

// The stale dialog shows short values whole and long ones from just
// before their first difference, so that the difference is in view.
func TestDifferingShowsTheDifference(t *testing.T) {
	if a, b := differing("army\nrally", ""); a != "“army; rally”" || b != "(empty)" {
		t.Errorf("short values: %q %q", a, b)
	}
	text := strings.Repeat("The spokesman said the talks went well. ", 40)
	theirs, mine := text+"He left at noon.", text+"He left at one."
	a, b := differing(theirs, mine)
	if !strings.Contains(a, "left at noon") || !strings.Contains(b, "left at one") ||
		!strings.HasPrefix(a, "…") || len([]rune(a)) > 400 || !strings.Contains(a, "characters)") {
		t.Errorf("long values:\n%s\n%s", a, b)
	}
}
