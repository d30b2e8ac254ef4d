package db

import (
	"math/rand"
	"testing"
	"time"
)

func TestStoredTimeTextMatchesFormatTime(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	times := []time.Time{{}, time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 27, 9, 20, 0, 0, time.FixedZone("x", -7*3600))}
	for range 20000 {
		times = append(times, time.Unix(rng.Int63n(1<<37)-1<<36, rng.Int63n(1e9)))
	}
	for _, tm := range times {
		if got, want := storedTimeText(tm), formatTime(tm); got != want {
			t.Fatalf("storedTimeText(%v) = %q, want %q", tm, got, want)
		}
	}
}
