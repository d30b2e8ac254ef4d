package search_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"claims/internal/model"
	"claims/internal/search"
)

// Sorted gives what a stable sort of the hits by the order's key gives.
func TestSortedEqualsStableSort(t *testing.T) {
	claims, actors := generated(t, 400)
	claims[3].MadeOn, claims[7].MadeOn = "", "2019" // undated, and a year alone
	ix := search.New(claims, actors)
	scale := map[model.Verdict]int{model.True: 0, model.MostlyTrue: 1, model.Mixed: 2, model.Misleading: 3,
		model.False: 4, model.Unverifiable: 5, model.Unreviewed: 6}
	date := func(c *model.ClaimSummary) (string, bool) { return c.MadeOn, c.MadeOn != "" }
	compare := map[search.Order]func(a, b *model.ClaimSummary) int{
		search.ByDateNewest: func(a, b *model.ClaimSummary) int {
			da, oka := date(a)
			db, okb := date(b)
			if oka != okb {
				if oka {
					return -1
				}
				return 1
			}
			return strings.Compare(db, da)
		},
		search.ByDateOldest: func(a, b *model.ClaimSummary) int {
			da, oka := date(a)
			db, okb := date(b)
			if oka != okb {
				if oka {
					return -1
				}
				return 1
			}
			return strings.Compare(da, db)
		},
		search.ByActor: func(a, b *model.ClaimSummary) int {
			if c := strings.Compare(strings.ToLower(a.ActorName), strings.ToLower(b.ActorName)); c != 0 {
				return c
			}
			return strings.Compare(a.ActorName, b.ActorName)
		},
		search.ByVerdict:  func(a, b *model.ClaimSummary) int { return scale[a.Verdict] - scale[b.Verdict] },
		search.ByCounters: func(a, b *model.ClaimSummary) int { return b.CounterCount - a.CounterCount },
	}
	r := rand.New(rand.NewPCG(8, 9))
	queries := append([]string{"", "a", "the bo", "kabul", "denies"}, randomQueries(r, claims, 40)...)
	for _, q := range queries {
		for _, f := range []search.Filter{{}, {Contested: true}} {
			res, err := ix.SearchContext(context.Background(), q, f)
			if err != nil {
				t.Fatal(err)
			}
			if res.Sorted(search.ByRelevance) != res {
				t.Fatal("ByRelevance is not the search's own order")
			}
			for o, cmpFn := range compare {
				want := res.Hits()
				slices.SortStableFunc(want, func(a, b search.Hit) int { return cmpFn(a.Claim, b.Claim) })
				got := rowByRow(res.Sorted(o), r)
				if !sameHits(got, want) {
					t.Fatalf("%q sorted %s:\n got %s\nwant %s", q, o, describe(got), describe(want))
				}
			}
		}
	}
}

func TestOrdersAreNamed(t *testing.T) {
	seen := map[string]bool{}
	for _, o := range search.Orders() {
		if seen[o.String()] {
			t.Errorf("two orders are named %q", o)
		}
		seen[o.String()] = true
	}
}
