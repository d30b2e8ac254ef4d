package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"claims/internal/model"
)

// Order is how a list of claims is sorted.
type Order int

// The orders. Claims that tie keep the order they had (best match first
// for a search, newest recorded first otherwise).
const (
	// ByRelevance is the search's own order: best match first; with no
	// query, the index order (newest recorded first).
	ByRelevance  Order = iota
	ByDateNewest       // the date the claim was made, newest first; undated last
	ByDateOldest       // the date the claim was made, oldest first; undated last
	ByActor            // the actor's name, A to Z
	ByVerdict          // true, mostly true, mixed, misleading, false, unverifiable, unreviewed
	ByCounters         // the most counter-claims first
	numOrders
)

// Orders lists every order, as a menu offers them.
func Orders() []Order {
	return []Order{ByRelevance, ByDateNewest, ByDateOldest, ByActor, ByVerdict, ByCounters}
}

// String names the order as the sort menu shows it.
func (o Order) String() string {
	switch o {
	case ByDateNewest:
		return "Date made, newest first"
	case ByDateOldest:
		return "Date made, oldest first"
	case ByActor:
		return "Actor, A–Z"
	case ByVerdict:
		return "Verdict"
	case ByCounters:
		return "Most counter-claims"
	}
	return "Best match (newest when not searching)"
}

// orderRanks are, per order, each claim's rank: claims sort by rank,
// lowest first. They are worked out the first time an order is asked for.
type orderRanks struct {
	once  [numOrders]sync.Once
	ranks [numOrders][]uint32
}

// rank returns every claim's rank for order o.
func (ix *Index) rank(o Order) []uint32 {
	ix.orders.once[o].Do(func() { ix.orders.ranks[o] = ranks(ix.claims, o) })
	return ix.orders.ranks[o]
}

// ranks works out the claims' ranks for order o.
func ranks(claims []model.ClaimSummary, o Order) []uint32 {
	r := make([]uint32, len(claims))
	// byValue ranks the claims by a text value, distinct values sorted by
	// cmp; claims without one (ok false) last.
	byValue := func(value func(*model.ClaimSummary) (string, bool), compare func(a, b string) int) {
		seen := map[string]bool{}
		var values []string
		for i := range claims {
			if v, ok := value(&claims[i]); ok && !seen[v] {
				seen[v] = true
				values = append(values, v)
			}
		}
		slices.SortFunc(values, compare)
		at := make(map[string]uint32, len(values))
		for i, v := range values {
			at[v] = uint32(i)
		}
		for i := range claims {
			r[i] = math.MaxUint32
			if v, ok := value(&claims[i]); ok {
				r[i] = at[v]
			}
		}
	}
	made := func(c *model.ClaimSummary) (string, bool) { return c.MadeOn, dateShape(c.MadeOn) }
	switch o {
	case ByDateNewest:
		byValue(made, func(a, b string) int { return strings.Compare(b, a) })
	case ByDateOldest:
		byValue(made, strings.Compare)
	case ByActor:
		byValue(func(c *model.ClaimSummary) (string, bool) { return c.ActorName, true }, func(a, b string) int {
			if c := cmp.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
				return c
			}
			return strings.Compare(a, b)
		})
	case ByVerdict:
		scale := map[model.Verdict]uint32{}
		for i, v := range model.Verdicts() {
			scale[v] = uint32(i)
		}
		scale[model.Unreviewed] = uint32(len(scale)) // after every verdict
		for i := range claims {
			s, ok := scale[claims[i].Verdict]
			if !ok {
				s = uint32(len(scale)) + 1
			}
			r[i] = s
		}
	case ByCounters:
		for i := range claims {
			r[i] = math.MaxUint32 - uint32(min(claims[i].CounterCount, math.MaxInt32))
		}
	}
	return r
}

// Sorted returns the results in order o; results that tie keep their
// order. ByRelevance returns r itself. It costs a radix sort of the
// results (a millisecond or two at 100,000), so the window sorts every
// search off its UI goroutine.
func (r *Results) Sorted(o Order) *Results {
	n := r.Len()
	if o == ByRelevance || o < 0 || o >= numOrders || n == 0 {
		return r
	}
	rank := r.ix.rank(o)
	tmp := make([]uint64, n)
	for i := range n {
		tmp[i] = uint64(rank[r.index(i)])<<32 | uint64(i)
	}
	radixSort(tmp)
	keys := make([]uint64, n)
	for j, t := range tmp {
		i := int(uint32(t))
		if r.all {
			keys[j] = key(0, i)
		} else {
			keys[j] = r.keys[i]
		}
	}
	return &Results{ix: r.ix, keys: keys, terms: r.terms}
}
