package model_test

import (
	"math/rand"
	"testing"
	"time"

	"claims/internal/model"
)

// FormatTime writes what the general formatter writes, for any moment.
func TestFormatTimeMatchesTheGeneralFormatter(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	times := []time.Time{{}, time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 27, 9, 20, 0, 0, time.FixedZone("x", -7*3600))}
	for range 20000 {
		times = append(times, time.Unix(rng.Int63n(1<<37)-1<<36, rng.Int63n(1e9)))
	}
	for _, tm := range times {
		if got, want := model.FormatTime(tm), tm.UTC().Format(model.TimeLayout); got != want {
			t.Fatalf("FormatTime(%v) = %q, want %q", tm, got, want)
		}
	}
}

// ParseTimeLayout reads TimeLayout itself, as the general parser does,
// and says when a text is not in it; ParseTime also reads other RFC 3339
// times.
func TestParseTime(t *testing.T) {
	for in, want := range map[string]string{
		"2024-03-27T09:20:00.000Z": "2024-03-27T09:20:00.000Z",
		"0001-01-01T00:00:00.000Z": "0001-01-01T00:00:00.000Z",
		"2024-02-29T23:59:59.999Z": "2024-02-29T23:59:59.999Z",
		"2023-02-29T00:00:00.000Z": "",
		"2024-13-01T00:00:00.000Z": "",
		"2024-03-27T09:20:00.00Z":  "",
		"2024-03-27 09:20:00.000Z": "",
		"2024-03-27T09:20:00.000+": "",
		"2024-03-27T09:2x:00.000Z": "",
	} {
		got, ok := model.ParseTimeLayout(in)
		if ok != (want != "") || (ok && model.FormatTime(got) != want) {
			t.Errorf("ParseTimeLayout(%q) = %v, %v; want %q", in, got, ok, want)
		}
	}
	if got := model.ParseTime("2024-03-27T11:20:00+02:00"); model.FormatTime(got) != "2024-03-27T09:20:00.000Z" {
		t.Errorf("ParseTime of an RFC 3339 time with an offset: %v", got)
	}
	if got := model.ParseTime("yesterday"); !got.IsZero() {
		t.Errorf("ParseTime of no time: %v", got)
	}
}
