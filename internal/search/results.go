package search

import (
	"slices"
	"sync"

	"claims/internal/model"
)

// Results are the claims one search found, best first. Building them costs
// only the matching and the ranking: a hit's highlight positions and
// "also matched" notes are worked out when Hit asks for that row, so a
// one-letter query that matches nearly every claim does not lay out
// 100,000 hits that no one will look at. Results never change once made,
// and any number of goroutines may read them; the zero or nil Results
// hold no claims.
type Results struct {
	ix *Index
	// keys are the hits as key(score, claim index), best first; nil when
	// all is set.
	keys []uint64
	// all means every claim of the index, in index order (an empty query
	// with no filter).
	all bool
	// terms are the query's matched words; nil for an empty query.
	terms []*termResult
}

// Len is the number of claims found.
func (r *Results) Len() int {
	switch {
	case r == nil || r.ix == nil:
		return 0
	case r.all:
		return len(r.ix.claims)
	}
	return len(r.keys)
}

// index is the position in the index of the i-th claim found.
func (r *Results) index(i int) int {
	if r.all {
		return i
	}
	return int(uint32(r.keys[i]))
}

// Claim is the i-th claim found (0 ≤ i < Len), without the work of Hit.
// It points into the Index; do not modify it.
func (r *Results) Claim(i int) *model.ClaimSummary { return &r.ix.claims[r.index(i)] }

// Hit is the i-th claim found (0 ≤ i < Len) with its score, what matched
// where and what else matched.
func (r *Results) Hit(i int) Hit {
	var h Hit
	var sc fillScratch
	r.fill(&h, i, &sc)
	return h
}

// Hits returns every hit, as Hit would give them one by one; the work is
// shared between the cores.
func (r *Results) Hits() []Hit {
	n := r.Len()
	if n == 0 {
		return nil
	}
	hits := make([]Hit, n)
	w := min(workers(), max(1, n/4096))
	var wg sync.WaitGroup
	for k := range w {
		lo, hi := k*n/w, (k+1)*n/w
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Positions of many hits share chunks of one arena.
			sc := fillScratch{chunk: 1 << 14}
			for i := lo; i < hi; i++ {
				r.fill(&hits[i], i, &sc)
			}
		}()
	}
	wg.Wait()
	return hits
}

// Without returns the results less the claims skip reports, in the same
// order. The link picker leaves out the claim being answered and those
// already linked to it.
func (r *Results) Without(skip func(*model.ClaimSummary) bool) *Results {
	n := r.Len()
	if n == 0 {
		return r
	}
	keys := make([]uint64, 0, n)
	for i := range n {
		ci := r.index(i)
		if skip(&r.ix.claims[ci]) {
			continue
		}
		if r.all {
			keys = append(keys, key(0, ci))
		} else {
			keys = append(keys, r.keys[i])
		}
	}
	return &Results{ix: r.ix, keys: slices.Clip(keys), terms: r.terms}
}

// fillScratch is reused from one hit to the next.
type fillScratch struct {
	best, which [numFields]int32
	sp, ap      []int
	// arena holds the positions of several hits when chunk > 0; with
	// chunk 0 each hit's positions get a slice of their own.
	arena []int
	chunk int
}

// fill makes the i-th hit, as referenceSearch would.
func (r *Results) fill(h *Hit, i int, sc *fillScratch) {
	ix := r.ix
	ci := r.index(i)
	h.Claim, h.order = &ix.claims[ci], ci
	if r.all {
		return
	}
	k := r.keys[i]
	h.Score = scoreOf(k)
	if len(r.terms) == 0 {
		return
	}
	sp, ap := sc.sp[:0], sc.ap[:0]
	// A claim has at most one statement and one actor name, first among
	// its texts: their matches need no search of the others.
	refs := ix.claimRefs(ci)
	st, ac := int32(-1), int32(-1)
	if len(refs) > 0 && refs[0].field() == Statement {
		st, refs = refs[0].text(), refs[1:]
	}
	if len(refs) > 0 && refs[0].field() == Actor {
		ac = refs[0].text()
	}
	for _, t := range r.terms {
		stOK := st >= 0 && t.score[st] != noMatch
		acOK := ac >= 0 && t.score[ac] != noMatch
		if stOK {
			for _, p := range t.positions(ix, st) {
				sp = append(sp, int(p))
			}
		}
		if acOK {
			for _, p := range t.positions(ix, ac) {
				ap = append(ap, int(p))
			}
		}
		if stOK || acOK {
			continue
		}
		_, set := ix.bestFields(ci, t, &sc.best, &sc.which)
		for fi := Quote; fi < numFields; fi++ {
			if set&(1<<fi) == 0 {
				continue
			}
			var also string
			if fi == Quote {
				also = "quote"
			} else {
				also = fi.String() + ` "` + ix.strs[sc.which[fi]] + `"`
			}
			if !slices.Contains(h.Also, also) {
				h.Also = append(h.Also, also)
			}
		}
	}
	sc.sp, sc.ap = sp, ap
	need := len(sp) + len(ap)
	if need > cap(sc.arena)-len(sc.arena) {
		sc.arena = make([]int, 0, max(sc.chunk, need))
	}
	if len(sp) > 0 {
		sp = sortCompact(sp)
		n := len(sc.arena)
		sc.arena = append(sc.arena, sp...)
		h.StatementPos = sc.arena[n:len(sc.arena):len(sc.arena)]
	}
	if len(ap) > 0 {
		ap = sortCompact(ap)
		n := len(sc.arena)
		sc.arena = append(sc.arena, ap...)
		h.ActorPos = sc.arena[n:len(sc.arena):len(sc.arena)]
	}
}
