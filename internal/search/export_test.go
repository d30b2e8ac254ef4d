package search

import (
	"context"
	"fmt"
)

// ReferenceSearch is the straightforward search that Search must equal.
func (ix *Index) ReferenceSearch(query string, f Filter) []Hit { return ix.referenceSearch(query, f) }

// SearchUncached is Search with no earlier term to narrow from.
func (ix *Index) SearchUncached(ctx context.Context, query string, f Filter) ([]Hit, error) {
	ix.mu.Lock()
	ix.terms, ix.within = nil, nil
	ix.mu.Unlock()
	r, err := ix.SearchContext(ctx, query, f)
	return r.Hits(), err
}

// Order is the hit's position in the index.
func (h Hit) Order() int { return h.order }

// CheckTerms reports a cached term whose sets or reach disagree with its
// scores: a text is accepted when it has a score, and matched then too
// (unless a form of the term alone accepted it);
// reach counts the claim references of the accepted texts.
func (ix *Index) CheckTerms() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, r := range ix.terms {
		reach := 0
		for t, s := range r.score {
			acc := r.accepted[t/64]&(1<<(t%64)) != 0
			if acc != (s != noMatch) || acc && r.matched[t/64]&(1<<(t%64)) == 0 && !r.formOnlyAt(int32(t)) {
				return fmt.Errorf("term %q, text %d %q: score %d, accepted %v, matched %v", r.term, t, ix.strs[t], s, acc, !acc)
			}
			if acc {
				reach += int(ix.claimStart[t+1] - ix.claimStart[t])
			}
		}
		if reach != r.reach {
			return fmt.Errorf("term %q: reach %d, want %d", r.term, r.reach, reach)
		}
	}
	return nil
}

// Stem is the package's stemmer, for tests.
func Stem(w string) string { return string(stem([]byte(w))) }

// WordForm is the package's wordForm, for tests.
func WordForm(term string) (stemmed, prefix string, ok bool) { return wordForm(term) }
