package db

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"claims/internal/model"
)

// How ListClaims reads 100,000 claims in a few hundred milliseconds:
//
//   - Every table is read in storage order with no join and no ORDER BY;
//     the joins (actor and source names, tags, subjects, counter-claims)
//     and the newest-first sort are done in memory.
//   - Each query returns one row per few thousand records: the records
//     are glued by group_concat with the record separator (U+001E)
//     between records and the unit separator (U+001F) between fields, both
//     of which validation keeps out of every field. Going through the
//     driver once per record cost more than SQLite's own work. A chunk
//     whose records do not split cleanly (a field written by another tool
//     holds a separator) is read again one row and column at a time.
//   - The claims are read in rowid ranges on two connections at once,
//     beside the tags, subjects and links on a third.
//   - A claim keeps one string holding its id, statement and quote; its
//     actor and source ids and names, verdict and date are shared with
//     every other claim that has them; tags, subjects and counter-claim
//     actors are slices of one array per list.

// listChunkRows is how many rowids one claims query covers.
var listChunkRows int64 = 8192

// Record and unit separators glue the records of a chunk together.
const (
	listRecSep  = "\x1e"
	listUnitSep = "\x1f"
)

// errListRagged reports a chunk whose records did not split as expected.
var errListRagged = errors.New("a field holds a record or unit separator")

// ListClaims returns every claim with its actor, source and counter-claims
// in brief, newest first.
func (s *Store) ListClaims(ctx context.Context) ([]model.ClaimSummary, error) {
	if s.d == postgresSQL {
		return s.listClaimsServer(ctx)
	}
	conns, release, err := listConns(ctx, s.ro, 3)
	if err != nil {
		return nil, err
	}
	defer release()
	return listClaims(ctx, conns)
}

// listConns takes up to n of the pool's connections (at least one,
// waiting for it; the others only if they come at once, so that two
// callers taking several each never wait for each other) and turns off
// their memory map until release gives them back. Reading whole tables
// through the map makes every page read, and the pages the kernel maps
// around it, part of the process's resident memory once per connection:
// 140 MB at 100,000 claims, for the same CPU time as SQLite's small page
// cache reading through the operating system's. The next reader maps the
// file again as it needs it.
func listConns(ctx context.Context, pool *sql.DB, n int) ([]querier, func(), error) {
	var conns []*sql.Conn
	var sizes []int64
	release := func() {
		for i, c := range conns {
			if i < len(sizes) && sizes[i] > 0 {
				_, _ = c.ExecContext(context.Background(), "PRAGMA mmap_size = "+strconv.FormatInt(sizes[i], 10))
			}
			c.Close()
		}
	}
	first, err := pool.Conn(ctx)
	if err != nil {
		return nil, nil, mapError("list claims", err)
	}
	conns = append(conns, first)
	for len(conns) < n {
		quick, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
		c, err := pool.Conn(quick)
		cancel()
		if err != nil {
			break
		}
		conns = append(conns, c)
	}
	qs := make([]querier, len(conns))
	for i, c := range conns {
		var size int64
		if err := c.QueryRowContext(ctx, "PRAGMA mmap_size").Scan(&size); err != nil {
			release()
			return nil, nil, mapError("list claims", err)
		}
		sizes = append(sizes, size)
		if _, err := c.ExecContext(ctx, "PRAGMA mmap_size = 0"); err != nil {
			release()
			return nil, nil, mapError("list claims", err)
		}
		qs[i] = c
	}
	return qs, release, nil
}

// listNames are the actors' and sources' ids and names, each string shared by
// every claim that refers to it.
type listNames struct {
	actors  map[string][2]string // id -> id, name
	sources map[string][3]string // id -> id, title, outlet
}

func listReadNames(ctx context.Context, q querier) (*listNames, error) {
	n := &listNames{actors: make(map[string][2]string), sources: make(map[string][3]string)}
	if err := scanRows(ctx, q, `SELECT id, name FROM actors`, func(rows *sql.Rows) error {
		var id, name string
		err := rows.Scan(&id, &name)
		n.actors[id] = [2]string{id, name}
		return err
	}); err != nil {
		return nil, err
	}
	if err := scanRows(ctx, q, `SELECT id, title, outlet FROM sources`, func(rows *sql.Rows) error {
		var id, title, outlet string
		err := rows.Scan(&id, &title, &outlet)
		n.sources[id] = [3]string{id, title, outlet}
		return err
	}); err != nil {
		return nil, err
	}
	return n, nil
}

// listChunk is the claims of one rowid range, in rowid order.
type listChunk struct {
	claims  []model.ClaimSummary
	created []string // created_at as stored, for the sort
	// odd is set when a created_at does not have the stored layout: the
	// sort then compares the text rather than the time.
	odd bool
}

// listPair is one row of claim_tags or claim_subjects.
type listPair struct {
	claim string
	value string
	pos   int
}

// listLink is one counter-claim link.
type listLink struct {
	to, from, created string
}

// listClaims lists the claims over conns: the names, tags, subjects and
// links on the first, the claims, range by range, on the others (or on
// the first too when it is the only one).
func listClaims(ctx context.Context, conns []querier) ([]model.ClaimSummary, error) {
	q := conns[0]
	var lo, hi sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT min(rowid), max(rowid) FROM claims`).Scan(&lo, &hi); err != nil {
		return nil, mapError("list claims", err)
	}
	if !lo.Valid {
		return []model.ClaimSummary{}, nil
	}
	var ranges [][2]int64
	for a := lo.Int64; a <= hi.Int64; a += listChunkRows {
		ranges = append(ranges, [2]int64{a, min(a+listChunkRows-1, hi.Int64)})
	}
	raw := make([]listRaw, len(ranges))

	var (
		nm              *listNames
		tags, subjects  []listPair
		links           []listLink
		notes           []listNote
		errNames, errTS error
		errLinks        error
		errNotes        error
		wg              sync.WaitGroup
	)
	next := make(chan int, len(ranges))
	for i := range ranges {
		next <- i
	}
	close(next)
	fetch := func(q querier) {
		for i := range next {
			raw[i] = listFetchClaims(ctx, q, ranges[i])
		}
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if len(conns) == 1 {
			defer fetch(q)
		}
		nm, errNames = listReadNames(ctx, q)
		if errNames != nil {
			return
		}
		tags, errTS = listReadPairs(ctx, q, "claim_tags", "tag")
		if errTS == nil {
			subjects, errTS = listReadPairs(ctx, q, "claim_subjects", "actor_id")
		}
		if errTS == nil {
			links, errLinks = listReadLinks(ctx, q)
		}
		if errTS == nil && errLinks == nil {
			notes, errNotes = listReadNotes(ctx, q)
		}
	}()
	for _, c := range conns[1:] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fetch(c)
		}()
	}
	wg.Wait()
	errs := []error{errNames, errTS, errLinks, errNotes}
	for _, r := range raw {
		errs = append(errs, r.err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	// Split the records into the claims, in rowid order, a share of the
	// chunks per core.
	total := 0
	offs := make([]int, len(raw))
	for i, r := range raw {
		offs[i] = total
		total += r.n
	}
	claims := make([]model.ClaimSummary, total)
	created := make([]string, total)
	ragged := make([]bool, len(raw))
	odd := make([]bool, len(raw))
	next = make(chan int, len(raw))
	for i := range raw {
		next <- i
	}
	close(next)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			made := make(map[string]string) // made_on values, shared
			for i := range next {
				off, end := offs[i], offs[i]+raw[i].n
				odd[i], ragged[i] = listParseClaims(raw[i], claims[off:end], created[off:end], nm, made)
				raw[i].kept, raw[i].rest = "", "" // let the fetched text go
			}
		}()
	}
	wg.Wait()
	if slices.Contains(ragged, true) {
		// A field written by another tool holds a separator: read those
		// ranges again a row and a column at a time.
		var all []model.ClaimSummary
		var allCreated []string
		off := 0
		for i, r := range raw {
			if !ragged[i] {
				all = append(all, claims[off:off+r.n]...)
				allCreated = append(allCreated, created[off:off+r.n]...)
			} else {
				ch, err := listClaimsByRow(ctx, q, ranges[i], nm)
				if err != nil {
					return nil, err
				}
				all, allCreated = append(all, ch.claims...), append(allCreated, ch.created...)
				odd[i] = ch.odd
			}
			off += r.n
		}
		claims, created = all, allCreated
	}

	// The order, and each list, on their own goroutines: each writes
	// other fields of the claims.
	var order []int32
	orderDone := make(chan struct{})
	go func() {
		defer close(orderDone)
		order = listNewestFirst(claims, created, slices.Contains(odd, true))
	}()
	byID := make(map[string]int32, len(claims))
	for i := range claims {
		byID[claims[i].ID] = int32(i)
	}
	wg.Add(3)
	go func() {
		defer wg.Done()
		listAttachPairs(claims, byID, tags, func(c *model.ClaimSummary, vs []string) { c.Tags = vs })
	}()
	go func() {
		defer wg.Done()
		listAttachReviewers(claims, byID, notes)
	}()
	go func() {
		defer wg.Done()
		listAttachPairs(claims, byID, subjects, func(c *model.ClaimSummary, vs []string) { c.SubjectIDs = vs })
	}()
	var errCounters error
	if !listAttachCounters(claims, byID, links) {
		// A link names a claim that was added after the claims were read:
		// ask the database for the actors' names, as the list of links
		// saw them.
		var counters map[string]counterInfo
		if counters, errCounters = listCounters(ctx, q); errCounters == nil {
			for i := range claims {
				c := &claims[i]
				ci := counters[c.ID]
				c.CounterCount, c.CounterActors, c.AnswersCount = ci.count, ci.actors, ci.answers
			}
		}
	}
	wg.Wait()
	<-orderDone
	if errCounters != nil {
		return nil, errCounters
	}
	permute(claims, order)
	return claims, nil
}

// listRaw is the claims of one rowid range as fetched: n records of id,
// statement and quote (kept: the claims' strings are slices of it), and n
// records of the fields that are shared or parsed.
type listRaw struct {
	kept, rest string
	n          int
	err        error
}

// listFetchClaims reads the claims of one rowid range.
func listFetchClaims(ctx context.Context, q querier, r [2]int64) listRaw {
	var a, b sql.NullString
	var raw listRaw
	err := q.QueryRowContext(ctx, `
		SELECT group_concat(id || char(31) || statement || char(31) || quote, char(30)),
		       group_concat(actor_id || char(31) || coalesce(source_id, '') || char(31) || made_on || char(31) ||
		                    verdict || char(31) || created_at || char(31) || updated_at, char(30)),
		       count(*)
		FROM claims WHERE rowid BETWEEN ? AND ?`, r[0], r[1]).Scan(&a, &b, &raw.n)
	raw.kept, raw.rest, raw.err = a.String, b.String, mapError("list claims", err)
	return raw
}

// listParseClaims splits the records of raw into claims and created (each
// raw.n long). odd reports a created_at not in the stored layout; ragged,
// records that do not split cleanly, which leaves claims unfinished.
func listParseClaims(raw listRaw, claims []model.ClaimSummary, created []string, nm *listNames, made map[string]string) (odd, ragged bool) {
	kept, rest, n := raw.kept, raw.rest, raw.n
	var f [6]string
	for i := range n {
		var rec, recRest string
		var ok bool
		if rec, kept, ok = strings.Cut(kept, listRecSep); ok != (i < n-1) {
			return odd, true
		}
		if recRest, rest, ok = strings.Cut(rest, listRecSep); ok != (i < n-1) {
			return odd, true
		}
		c := &claims[i]
		var okA, okB bool
		c.ID, rec, okA = strings.Cut(rec, listUnitSep)
		c.Statement, c.Quote, okB = strings.Cut(rec, listUnitSep)
		if !okA || !okB || strings.Contains(c.Quote, listUnitSep) || !listSplit(recRest, f[:]) {
			return odd, true
		}
		if c.Quote == "" {
			c.Quote = "" // not a slice of the chunk
		}
		listSetShared(c, f[0], f[1], f[2], f[3], nm, made)
		var std bool
		c.CreatedAt, std = model.ParseTimeLayout(f[4])
		c.UpdatedAt, _ = model.ParseTimeLayout(f[5])
		created[i], odd = f[4], odd || !std
	}
	return odd, false
}

// listSplit splits s at the unit separator into exactly len(f) fields.
func listSplit(s string, f []string) bool {
	for i := range f {
		if i == len(f)-1 {
			f[i] = s
			return !strings.Contains(s, listUnitSep)
		}
		var ok bool
		if f[i], s, ok = strings.Cut(s, listUnitSep); !ok {
			return false
		}
	}
	return true
}

// listSetShared sets the fields of c that many claims share, sharing their
// strings.
// None of them keeps the fetched text alive.
func listSetShared(c *model.ClaimSummary, actorID, sourceID, madeOn, verdict string, nm *listNames, made map[string]string) {
	if a, ok := nm.actors[actorID]; ok {
		c.ActorID, c.ActorName = a[0], a[1]
	} else {
		c.ActorID = strings.Clone(actorID)
	}
	if s, ok := nm.sources[sourceID]; ok {
		c.SourceID, c.SourceTitle, c.SourceOutlet = s[0], s[1], s[2]
	} else if sourceID != "" {
		c.SourceID = strings.Clone(sourceID)
	}
	if madeOn != "" {
		if m, ok := made[madeOn]; ok {
			c.MadeOn = m
		} else {
			c.MadeOn = strings.Clone(madeOn)
			made[c.MadeOn] = c.MadeOn
		}
	}
	if v, ok := listVerdicts[verdict]; ok {
		c.Verdict = v
	} else {
		c.Verdict = model.Verdict(strings.Clone(verdict))
	}
}

// listVerdicts maps the stored verdicts to the shared constants.
var listVerdicts = func() map[string]model.Verdict {
	m := make(map[string]model.Verdict)
	for _, v := range model.Verdicts() {
		m[string(v)] = v
	}
	return m
}()

// listClaimsByRow reads one rowid range a row and a column at a time, for a
// chunk whose fields hold a separator.
func listClaimsByRow(ctx context.Context, q querier, r [2]int64, nm *listNames) (listChunk, error) {
	var ch listChunk
	made := make(map[string]string)
	err := scanRows(ctx, q, `
		SELECT id, statement, quote, actor_id, coalesce(source_id, ''), made_on, verdict, created_at, updated_at
		FROM claims WHERE rowid BETWEEN ? AND ?`, func(rows *sql.Rows) error {
		var c model.ClaimSummary
		var actor, source, madeOn, verdict, created, updated string
		if err := rows.Scan(&c.ID, &c.Statement, &c.Quote, &actor, &source, &madeOn, &verdict, &created, &updated); err != nil {
			return err
		}
		listSetShared(&c, actor, source, madeOn, verdict, nm, made)
		var std bool
		c.CreatedAt, std = model.ParseTimeLayout(created)
		c.UpdatedAt, _ = model.ParseTimeLayout(updated)
		ch.claims = append(ch.claims, c)
		ch.created, ch.odd = append(ch.created, created), ch.odd || !std
		return nil
	}, r[0], r[1])
	return ch, err
}

// listReadPairs reads the claim id, value and position of every row of table
// (claim_tags or claim_subjects).
func listReadPairs(ctx context.Context, q querier, table, column string) ([]listPair, error) {
	var all sql.NullString
	var n int
	if err := q.QueryRowContext(ctx, `SELECT group_concat(claim_id || char(31) || `+column+
		` || char(31) || position, char(30)), count(*) FROM `+table).Scan(&all, &n); err != nil {
		return nil, mapError("list "+table, err)
	}
	out := make([]listPair, 0, n)
	values := make(map[string]string) // shared, and not holding on to all
	s := all.String
	var f [3]string
	for i := range n {
		rec, rest, ok := strings.Cut(s, listRecSep)
		s = rest
		pos, err := 0, error(nil)
		if ok != (i < n-1) || !listSplit(rec, f[:]) {
			err = errListRagged
		} else if pos, err = strconv.Atoi(f[2]); err != nil {
			err = errListRagged
		}
		if err != nil {
			return listPairsByRow(ctx, q, table, column)
		}
		v, seen := values[f[1]]
		if !seen {
			v = strings.Clone(f[1])
			values[v] = v
		}
		out = append(out, listPair{claim: f[0], value: v, pos: pos})
	}
	return out, nil
}

// listPairsByRow is listReadPairs a row and a column at a time.
func listPairsByRow(ctx context.Context, q querier, table, column string) ([]listPair, error) {
	var out []listPair
	values := make(map[string]string)
	err := scanRows(ctx, q, `SELECT claim_id, `+column+`, position FROM `+table, func(rows *sql.Rows) error {
		var p listPair
		if err := rows.Scan(&p.claim, &p.value, &p.pos); err != nil {
			return err
		}
		if v, ok := values[p.value]; ok {
			p.value = v
		} else {
			values[p.value] = p.value
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// listReadLinks reads the links of counter-claims (all but "supports").
func listReadLinks(ctx context.Context, q querier) ([]listLink, error) {
	var all sql.NullString
	var n int
	if err := q.QueryRowContext(ctx, `
		SELECT group_concat(to_id || char(31) || from_id || char(31) || created_at, char(30)), count(*)
		FROM links WHERE relation <> 'supports'`).Scan(&all, &n); err != nil {
		return nil, mapError("list counter-claims", err)
	}
	out := make([]listLink, 0, n)
	s := all.String
	var f [3]string
	for i := range n {
		rec, rest, ok := strings.Cut(s, listRecSep)
		s = rest
		if ok != (i < n-1) || !listSplit(rec, f[:]) {
			return listLinksByRow(ctx, q)
		}
		out = append(out, listLink{to: f[0], from: f[1], created: f[2]})
	}
	return out, nil
}

// listLinksByRow is listReadLinks a row and a column at a time.
func listLinksByRow(ctx context.Context, q querier) ([]listLink, error) {
	var out []listLink
	err := scanRows(ctx, q, `SELECT to_id, from_id, created_at FROM links WHERE relation <> 'supports'`,
		func(rows *sql.Rows) error {
			var l listLink
			err := rows.Scan(&l.to, &l.from, &l.created)
			out = append(out, l)
			return err
		})
	return out, err
}

// listNote is one note's claim, author and order (created_at, then id).
type listNote struct {
	claim, author, created, id string
}

// listReadNotes reads the claim, author, time and id of every note.
func listReadNotes(ctx context.Context, q querier) ([]listNote, error) {
	var all sql.NullString
	var n int
	if err := q.QueryRowContext(ctx, `
		SELECT group_concat(claim_id || char(31) || author || char(31) || created_at || char(31) || id, char(30)), count(*)
		FROM annotations`).Scan(&all, &n); err != nil {
		return nil, mapError("list notes", err)
	}
	out := make([]listNote, 0, n)
	authors := make(map[string]string) // shared, and not holding on to all
	s := all.String
	var f [4]string
	for i := range n {
		rec, rest, ok := strings.Cut(s, listRecSep)
		s = rest
		if ok != (i < n-1) || !listSplit(rec, f[:]) {
			return listNotesByRow(ctx, q)
		}
		a, seen := authors[f[1]]
		if !seen {
			a = strings.Clone(f[1])
			authors[a] = a
		}
		out = append(out, listNote{claim: f[0], author: a, created: f[2], id: f[3]})
	}
	return out, nil
}

// listNotesByRow is listReadNotes a row and a column at a time.
func listNotesByRow(ctx context.Context, q querier) ([]listNote, error) {
	var out []listNote
	authors := make(map[string]string)
	err := scanRows(ctx, q, `SELECT claim_id, author, created_at, id FROM annotations`, func(rows *sql.Rows) error {
		var n listNote
		if err := rows.Scan(&n.claim, &n.author, &n.created, &n.id); err != nil {
			return err
		}
		if a, ok := authors[n.author]; ok {
			n.author = a
		} else {
			authors[n.author] = n.author
		}
		out = append(out, n)
		return nil
	})
	return out, err
}

// listAttachReviewers gives each claim the authors of its notes, distinct,
// in the order of each author's first note (created_at, then id), each
// claim's list a slice of one array. Notes of claims not listed are left
// out.
func listAttachReviewers(claims []model.ClaimSummary, byID map[string]int32, notes []listNote) {
	if len(notes) == 0 {
		return
	}
	type ref struct {
		claim int32
		note  *listNote
	}
	refs := make([]ref, 0, len(notes))
	for i := range notes {
		if ci, ok := byID[notes[i].claim]; ok {
			refs = append(refs, ref{ci, &notes[i]})
		}
	}
	slices.SortFunc(refs, func(a, b ref) int {
		if a.claim != b.claim {
			return int(a.claim - b.claim)
		}
		if c := strings.Compare(a.note.created, b.note.created); c != 0 {
			return c
		}
		return strings.Compare(a.note.id, b.note.id)
	})
	names := make([]string, 0, len(refs))
	for i := 0; i < len(refs); {
		ci := refs[i].claim
		start := len(names)
		for ; i < len(refs) && refs[i].claim == ci; i++ {
			if a := refs[i].note.author; !slices.Contains(names[start:], a) {
				names = append(names, a)
			}
		}
		claims[ci].Reviewers = names[start:len(names):len(names)]
	}
}

// listAttachPairs gives each claim its values from rows, in position order,
// each claim's list a slice of one array. Rows of claims not listed
// (added after the claims were read) are left out.
func listAttachPairs(claims []model.ClaimSummary, byID map[string]int32, rows []listPair, set func(*model.ClaimSummary, []string)) {
	if len(rows) == 0 {
		return
	}
	owner := make([]int32, len(rows))
	start := make([]int32, len(claims)+1)
	for i, r := range rows {
		ci, ok := byID[r.claim]
		if !ok {
			ci = -1
		} else {
			start[ci+1]++
		}
		owner[i] = ci
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	type item struct {
		v   string
		pos int
	}
	items := make([]item, start[len(claims)])
	fill := slices.Clone(start[:len(claims)])
	for i, r := range rows {
		if ci := owner[i]; ci >= 0 {
			items[fill[ci]] = item{r.value, r.pos}
			fill[ci]++
		}
	}
	values := make([]string, len(items))
	byPos := func(a, b item) int { return a.pos - b.pos }
	for ci := range claims {
		lo, hi := start[ci], start[ci+1]
		if lo == hi {
			continue
		}
		its := items[lo:hi]
		// Rows come in insertion order, which is position order unless a
		// list was edited in place; sort only then.
		if !slices.IsSortedFunc(its, byPos) {
			slices.SortStableFunc(its, byPos)
		}
		for j, it := range its {
			values[int(lo)+j] = it.v
		}
		set(&claims[ci], values[lo:hi:hi])
	}
}

// listAttachCounters sets each claim's counter-claim count and actors, in
// link order (created_at, then from_id), each name once. It reports
// false, changing nothing, when a link names a claim not listed.
func listAttachCounters(claims []model.ClaimSummary, byID map[string]int32, links []listLink) bool {
	type ref struct {
		to, from int32
		created  string
	}
	refs := make([]ref, len(links))
	for i, l := range links {
		to, ok1 := byID[l.to]
		from, ok2 := byID[l.from]
		if !ok1 || !ok2 {
			return false
		}
		refs[i] = ref{to, from, l.created}
	}
	slices.SortFunc(refs, func(a, b ref) int {
		if a.to != b.to {
			return int(a.to - b.to)
		}
		if c := strings.Compare(a.created, b.created); c != 0 {
			return c
		}
		return strings.Compare(claims[a.from].ID, claims[b.from].ID)
	})
	for _, r := range refs {
		claims[r.from].AnswersCount++
	}
	names := make([]string, 0, len(refs))
	for i := 0; i < len(refs); {
		to := refs[i].to
		start := len(names)
		j := i
		for ; j < len(refs) && refs[j].to == to; j++ {
			name := claims[refs[j].from].ActorName
			if !slices.Contains(names[start:], name) {
				names = append(names, name)
			}
		}
		c := &claims[to]
		c.CounterCount, c.CounterActors = j-i, names[start:len(names):len(names)]
		i = j
	}
	return true
}

// listNewestFirst returns the order of claims by created (the stored
// created_at) newest first, then by id, last first: position j takes
// claims[order[j]]. Times in the stored layout sort like their text, so
// unless one is odd the parsed times are compared.
func listNewestFirst(claims []model.ClaimSummary, created []string, odd bool) []int32 {
	type key struct {
		t int64 // Unix nanoseconds, or 0 when odd
		i int32
	}
	keys := make([]key, len(claims))
	for i := range claims {
		keys[i].i = int32(i)
		if !odd {
			keys[i].t = claims[i].CreatedAt.UnixNano()
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.t != b.t {
			if a.t > b.t {
				return -1
			}
			return 1
		}
		if odd {
			if c := strings.Compare(created[b.i], created[a.i]); c != 0 {
				return c
			}
		}
		return strings.Compare(claims[b.i].ID, claims[a.i].ID)
	})
	order := make([]int32, len(keys))
	for j, k := range keys {
		order[j] = k.i
	}
	return order
}
