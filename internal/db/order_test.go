package db

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// byCreated gives the order a stable sort on (created, id) gives, both
// ways, with ties in created and items already in place.
func TestByCreatedIsTheSortedOrder(t *testing.T) {
	type item struct{ id, created string }
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 7, 1000} {
		for _, desc := range []bool{false, true} {
			items := make([]item, n)
			for i := range items {
				// Few distinct times, so ids decide many places.
				items[i] = item{fmt.Sprintf("c%04d", r.IntN(5000)), fmt.Sprintf("2024-03-0%d", r.IntN(4))}
			}
			if n > 2 {
				items[1] = items[0] // equal items too
			}
			want := slices.Clone(items)
			slices.SortStableFunc(want, func(a, b item) int {
				c := cmp.Or(cmp.Compare(a.created, b.created), cmp.Compare(a.id, b.id))
				if desc {
					return -c
				}
				return c
			})
			created := make([]string, n)
			for i, it := range items {
				created[i] = it.created
			}
			byCreated(items, created, func(it *item) string { return it.id }, desc)
			if !slices.Equal(items, want) {
				t.Errorf("n=%d desc=%v: got %v, want %v", n, desc, items[:min(n, 6)], want[:min(n, 6)])
			}
		}
	}
}
