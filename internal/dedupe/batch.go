package dedupe

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Query is a claim to check against the indexed ones, such as a claim an
// import has just created.
type Query struct {
	ID        string // its own id, never reported as its duplicate
	ActorID   string
	Statement string
}

// Report is one query that looks like indexed claims: Query is its
// position in the queries given to FindAll.
type Report struct {
	Query   int
	Matches []Match
}

// FindAll runs Find for every query, sharing the queries between the
// cores, and returns the reports of those with matches, in query order.
// progress, when not nil, is called now and then with the queries done
// out of the total, from any goroutine. It gives up with ctx's error when
// ctx is done.
func (ix *Index) FindAll(ctx context.Context, qs []Query, limit int, progress func(done, total int)) ([]Report, error) {
	found := make([][]Match, len(qs))
	var next, done atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(qs)/16)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(qs) {
					return
				}
				q := qs[i]
				// One more than the limit, in case the claim itself is
				// among the indexed ones.
				want := limit + 1
				if limit <= 0 {
					want = 0 // no limit
				}
				var ms []Match
				for _, m := range ix.Find(q.Statement, q.ActorID, want) {
					if m.Claim.ID != q.ID || q.ID == "" {
						ms = append(ms, m)
					}
				}
				if limit > 0 && len(ms) > limit {
					ms = ms[:limit]
				}
				found[i] = ms
				if d := done.Add(1); progress != nil && (d%64 == 0 || int(d) == len(qs)) {
					progress(int(d), len(qs))
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []Report
	for i, ms := range found {
		if len(ms) > 0 {
			out = append(out, Report{Query: i, Matches: ms})
		}
	}
	return out, nil
}
