package search

import "context"

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
