package csvio

import (
	"bytes"
	"math/rand"
	"testing"
	"time"
)

// cellRef is one cell as the plain csvWriter writes it.
func cellRef(s string) string {
	var b bytes.Buffer
	cw := newCSVWriter(&b, WriteOptions{})
	cw.record([]string{s})
	cw.flush()
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\r\n")))
}

func TestAppendCellMatchesRecord(t *testing.T) {
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
		want := cellRef(s)
		if got := string(appendCell(nil, s)); got != want {
			t.Fatalf("appendCell(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendEscaped(nil, s)), itemEscaper.Replace(s); got != want {
			t.Fatalf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestAppendTimeMatchesFormat(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	times := []time.Time{{}, time.Date(2024, 3, 27, 9, 20, 0, 0, time.UTC), time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 27, 9, 20, 0, 0, time.FixedZone("x", 5*3600+1800))}
	for range 10000 {
		times = append(times, time.Unix(rng.Int63n(1<<36)-1<<35, rng.Int63n(1e9)))
	}
	for _, tm := range times {
		if got, want := string(appendTime(nil, tm)), formatTime(tm); got != want {
			t.Fatalf("appendTime(%v) = %q, want %q", tm, got, want)
		}
	}
}
