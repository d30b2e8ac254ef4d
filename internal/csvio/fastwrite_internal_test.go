package csvio

import (
	"bytes"
	"encoding/csv"
	"math/rand"
	"strings"
	"testing"
	"time"
)

// Every cell appendCell writes reads back, through encoding/csv and
// Restore, as the text it was given (with CRLF as LF, which is how a CSV
// reader returns it), and never starts a formula; every item appendEscaped
// writes reads back whole through splitList.
func TestCellsReadBack(t *testing.T) {
	cases := []string{"", " ", "  ", "a", " a", "a ", " a ", "a,b", `a"b`, `"`, "a\nb", "a\rb", "a\r\nb", "\r\r\n", "\r\n\r\n",
		"=cmd|' /C calc'!A0", "+SUM(1,1)", "-2+3", "@SUM(1)", "\tx", "\rx", "'", "'=x", "''=x", "'plain", " =x", "= ", "' ", "'= ",
		"=\"quoted\"", "- ", "-,", "\r\n=", "=\r\n", "x\r", "\r"}
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte(" ,\"\r\n\t'=+-@|\\ab")
	for range 20000 {
		b := make([]byte, rng.Intn(8))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		line := append(appendCell(nil, s), ",x\r\n"...)
		r := csv.NewReader(bytes.NewReader(line))
		r.LazyQuotes = false
		rec, err := r.Read()
		if err != nil || len(rec) != 2 {
			t.Fatalf("appendCell(%q) = %q does not read back: %v %q", s, line, err, rec)
		}
		// A lone CR inside a quoted field is kept; CRLF is read as LF.
		want := s
		for strings.Contains(want, "\r\n") {
			want = strings.ReplaceAll(want, "\r\n", "\n")
		}
		if got := Restore(rec[0]); got != want {
			t.Fatalf("appendCell(%q) reads back as %q", s, got)
		}
		if rec[0] != "" && isTrigger(rec[0][0]) {
			t.Fatalf("appendCell(%q) = %q starts a formula", s, rec[0])
		}
		if strings.TrimSpace(s) != s || strings.TrimSpace(s) == "" {
			continue // list items are trimmed, and blank ones dropped
		}
		if got := splitList(string(appendEscaped(nil, s))); len(got) != 1 || got[0] != s {
			t.Fatalf("appendEscaped(%q) reads back as %q", s, got)
		}
	}
}

// A cell's time is the stored layout, and nothing for the zero time.
func TestAppendTime(t *testing.T) {
	if got := string(appendTime(nil, time.Time{})); got != "" {
		t.Errorf("zero time: %q", got)
	}
	tm := time.Date(2024, 3, 27, 9, 20, 0, 123456789, time.FixedZone("x", 5*3600+1800))
	if got := string(appendTime(nil, tm)); got != "2024-03-27T03:50:00.123Z" {
		t.Errorf("appendTime = %q", got)
	}
}
