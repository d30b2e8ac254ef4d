package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"claims/internal/csvio"
	"claims/internal/db"
	"claims/internal/model"
)

// LoadResult is a load run: concurrent reviewers on one server database.
type LoadResult struct {
	Clients   int     `json:"clients"`
	Seconds   float64 `json:"seconds"`
	Claims    int     `json:"claims_at_start"`
	Writes    int64   `json:"writes_acknowledged"`
	Reads     int64   `json:"reads"`
	Conflicts int64   `json:"conflicts_reported"` // stale saves shown to their author
	Errors    int64   `json:"errors"`             // anything else that failed
	// Lost counts acknowledged writes that are neither in the final state
	// nor were shown to their author as overtaken.
	Lost int64 `json:"lost_updates"`
	// Propagation is how long a committed change took to reach the other
	// clients' Watch, over every (change, other client) pair.
	PropagationP50MS float64  `json:"propagation_p50_ms"`
	PropagationP95MS float64  `json:"propagation_p95_ms"`
	PropagationMaxMS float64  `json:"propagation_max_ms"`
	Propagations     int      `json:"propagations"`
	FirstErrors      []string `json:"first_errors,omitempty"`
}

// loadRun runs clients reviewers for d against the server database url,
// each with its own connections and its own listener, doing what a desk
// does: read claims, change verdicts (with the stale-save check), add
// notes, link claims, import small files. Then it checks the database
// against what every client was told.
func loadRun(url string, clients int, d time.Duration) (*LoadResult, error) {
	rec, err := drive(url, clients, d)
	if err != nil {
		return nil, err
	}
	return rec.verify(context.Background())
}

// loadRecord is what the clients of a load run were told.
type loadRecord struct {
	url       string
	res       *LoadResult
	work      []string
	committed map[int64]time.Time
	writerOf  map[int64]int
	arrivals  map[int64][]arrival
	notes     []string
	links     [][2]string
	imported  []string
}

// drive runs the clients.
func drive(url string, clients int, d time.Duration) (*loadRecord, error) {
	ctx := context.Background()
	setup, err := db.Open(url)
	if err != nil {
		return nil, err
	}
	defer setup.Close()
	list, err := setup.ListClaims(ctx)
	if err != nil {
		return nil, err
	}
	if len(list) < 100 {
		return nil, fmt.Errorf("load run: the database holds %d claims; it needs some", len(list))
	}
	// The claims the desk works on: a few hundred, so that reviewers meet.
	work := make([]string, 0, 400)
	for i := 0; i < len(list) && len(work) < 400; i += max(1, len(list)/400) {
		work = append(work, list[i].ID)
	}
	res := &LoadResult{Clients: clients, Claims: len(list)}

	var (
		mu        sync.Mutex
		committed = map[int64]time.Time{} // set → when its writer began the write
		writerOf  = map[int64]int{}       // set → the client that made it
		arrivals  = map[int64][]arrival{} // set → when each client heard of it
		notes     []string                // note ids acknowledged
		links     [][2]string
		imported  []string // statements imported
		errs      []string
	)
	fail := func(err error) {
		atomic.AddInt64(&res.Errors, 1)
		mu.Lock()
		if len(errs) < 10 {
			errs = append(errs, err.Error())
		}
		mu.Unlock()
	}
	stop := time.Now().Add(d)
	watchCtx, cancelWatch := context.WithCancel(ctx)
	defer cancelWatch()
	var wg sync.WaitGroup
	for c := range clients {
		st, err := db.Open(url)
		if err != nil {
			return nil, err
		}
		defer st.Close()
		st.Watch(watchCtx, time.Second, func(e db.Event) {
			at := time.Now()
			if e.Lost != nil {
				return
			}
			mu.Lock()
			arrivals[e.Version] = append(arrivals[e.Version], arrival{c, at})
			mu.Unlock()
		})
		wg.Add(1)
		go func(c int, st *db.Store) {
			defer wg.Done()
			rng := rand.New(rand.NewSource(int64(c) + 1))
			var set int64
			var began time.Time
			ack := func() {
				atomic.AddInt64(&res.Writes, 1)
				mu.Lock()
				committed[set], writerOf[set] = began, c
				mu.Unlock()
			}
			for i := 0; time.Now().Before(stop); i++ {
				began, set = time.Now(), 0
				id := work[rng.Intn(len(work))]
				wctx := db.WithSetID(db.WithOrigin(ctx, db.Origin{Via: "window"}), &set)
				switch op := rng.Intn(10); {
				case op < 4: // read a claim as the detail pane does
					if _, err := st.ClaimDetail(ctx, id); err != nil {
						fail(err)
					}
					atomic.AddInt64(&res.Reads, 1)
				case op < 7: // change a verdict, from what was shown
					shown, err := st.Claim(ctx, id)
					if err != nil {
						fail(err)
						continue
					}
					time.Sleep(time.Duration(rng.Intn(20)) * time.Millisecond) // the reviewer thinks
					began = time.Now()
					edited := shown
					edited.Verdict = model.Verdicts()[rng.Intn(len(model.Verdicts()))]
					err = st.EditClaim(wctx, shown, edited)
					var stale *db.StaleError
					switch {
					case errors.As(err, &stale):
						atomic.AddInt64(&res.Conflicts, 1)
					case err != nil:
						fail(err)
					case set != 0:
						ack()
					}
				case op < 8: // a note
					n := model.Annotation{ClaimID: id, Author: fmt.Sprintf("client %d", c), Text: fmt.Sprintf("note %d of client %d", i, c)}
					if err := st.AddNote(wctx, &n); err != nil {
						fail(err)
						continue
					}
					ack()
					mu.Lock()
					notes = append(notes, n.ID)
					mu.Unlock()
				case op < 9: // a link
					other := work[rng.Intn(len(work))]
					if other == id {
						continue
					}
					if err := st.Link(wctx, model.Link{FromID: other, ToID: id, Relation: model.Disputes}); err != nil {
						fail(err)
						continue
					}
					if set != 0 {
						ack()
					}
					mu.Lock()
					links = append(links, [2]string{other, id})
					mu.Unlock()
				default: // a small import
					stmt := fmt.Sprintf("Load run statement %d of client %d", i, c)
					b, err := csvio.Read(strings.NewReader("claim,claimant,rating\n"+stmt+",Load client "+fmt.Sprint(c)+",false\n"), csvio.Options{})
					if err == nil {
						_, err = csvio.Import(db.WithSetID(db.WithOrigin(ctx, db.Origin{Via: "import of load.csv"}), &set), st, b, nil)
					}
					if err != nil {
						fail(err)
						continue
					}
					ack()
					mu.Lock()
					imported = append(imported, stmt)
					mu.Unlock()
				}
			}
		}(c, st)
	}
	wg.Wait()
	time.Sleep(1500 * time.Millisecond) // the last notifications
	cancelWatch()
	res.Seconds = d.Seconds()
	mu.Lock()
	defer mu.Unlock()
	res.FirstErrors = errs
	return &loadRecord{url: url, res: res, work: work, committed: committed, writerOf: writerOf, arrivals: arrivals,
		notes: notes, links: links, imported: imported}, nil
}

// verify checks the database against what the clients were told.
func (r *loadRecord) verify(ctx context.Context) (*LoadResult, error) {
	res := r.res
	setup, err := db.Open(r.url)
	if err != nil {
		return nil, err
	}
	defer setup.Close()
	committed, writerOf, arrivals := r.committed, r.writerOf, r.arrivals
	var heard []float64

	// Nothing acknowledged is lost: every set is in the history with its
	// changes; each verdict is the one the newest change gave; every note,
	// link and imported claim is there.
	sets, err := setup.Sets(ctx, 0)
	if err != nil {
		return nil, err
	}
	have := map[int64]int{}
	for _, s := range sets {
		have[s.ID] = s.Changes
	}
	for set := range committed {
		if have[set] == 0 {
			res.Lost++
		}
	}
	final, err := setup.ListClaims(ctx)
	if err != nil {
		return nil, err
	}
	byID := map[string]model.ClaimSummary{}
	stmts := map[string]bool{}
	for _, c := range final {
		byID[c.ID] = c
		stmts[c.Statement] = true
	}
	history, err := setup.History(ctx, "")
	if err != nil {
		return nil, err
	}
	lastVerdict := map[string]string{}
	for _, ch := range history {
		if ch.Entity == db.EntityClaim && ch.Field == string(model.FieldVerdict) {
			lastVerdict[ch.ClaimID] = ch.New
		}
	}
	for id, v := range lastVerdict {
		if c, ok := byID[id]; ok && string(c.Verdict) != v {
			res.Lost++
		}
	}
	for _, s := range r.imported {
		if !stmts[s] {
			res.Lost++
		}
	}
	for _, l := range r.links {
		if rel, err := linkOf(ctx, setup, l); err != nil || rel == "" {
			res.Lost++
		}
	}
	noteSet := map[string]bool{}
	for _, id := range r.work {
		ns, _ := setup.Notes(ctx, id)
		for _, n := range ns {
			noteSet[n.ID] = true
		}
	}
	for _, id := range r.notes {
		if !noteSet[id] {
			res.Lost++
		}
	}
	// Propagation: from the moment a write began (an upper bound on its
	// commit) to each other client hearing of it.
	for set, began := range committed {
		for _, a := range arrivals[set] {
			if a.client != writerOf[set] {
				heard = append(heard, float64(a.at.Sub(began))/float64(time.Millisecond))
			}
		}
	}
	slices.Sort(heard)
	res.Propagations = len(heard)
	if len(heard) > 0 {
		res.PropagationP50MS = round(percentile(heard, 50), 1)
		res.PropagationP95MS = round(percentile(heard, 95), 1)
		res.PropagationMaxMS = round(slices.Max(heard), 1)
	}
	return res, nil
}

// linkOf is the relation of a link, "" when there is none.
func linkOf(ctx context.Context, st *db.Store, l [2]string) (model.Relation, error) {
	d, err := st.ClaimDetail(ctx, l[1])
	if err != nil {
		return "", err
	}
	for _, r := range d.AnsweredBy {
		if r.Claim.ID == l[0] {
			return r.Relation, nil
		}
	}
	return "", nil
}

type arrival struct {
	client int
	at     time.Time
}
