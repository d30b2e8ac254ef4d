package csvio

import (
	"io"
	"runtime"
	"strings"
	"sync"
	"time"
	"unsafe"

	"claims/internal/db"
	"claims/internal/model"
)

// WriteClaims writes the claims shape: a header row, then one row per
// claim, oldest first (created at, then id).
//
// Rows are built straight into byte buffers, chunk by chunk, on every core,
// and written in order: at 100,000 claims this is most of an export's time
// otherwise. The bytes are those of the plain cell-by-cell writer
// (WriteClaimsRef in the tests).
func WriteClaims(w io.Writer, s *db.Snapshot, opt WriteOptions) error {
	var head []byte
	if opt.BOM {
		head = append(head, "\uFEFF"...)
	}
	for i, c := range ClaimsColumns() {
		if i > 0 {
			head = append(head, ',')
		}
		head = appendCell(head, string(c))
	}
	head = append(head, '\r', '\n')
	if _, err := w.Write(head); err != nil {
		return err
	}
	rw := newRowWriter(s)
	const chunk = 1024
	n := len(s.Claims)
	workers := min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk)
	if workers <= 1 {
		var buf []byte
		var sc scratch
		for lo := 0; lo < n; lo += chunk {
			buf = buf[:0]
			for i := lo; i < min(lo+chunk, n); i++ {
				buf = rw.row(buf, i, &sc)
			}
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
		return nil
	}

	// An ordered pipeline: chunks are handed out in order, built by any
	// worker and written in order.
	type job struct {
		lo, hi int
		out    chan []byte
	}
	jobs := make(chan *job, 2*workers)
	order := make(chan *job, 2*workers)
	done := make(chan struct{})
	pool := sync.Pool{New: func() any { return make([]byte, 0, 1<<20) }}
	go func() {
		defer close(jobs)
		defer close(order)
		for lo := 0; lo < n; lo += chunk {
			j := &job{lo: lo, hi: min(lo+chunk, n), out: make(chan []byte, 1)}
			select {
			case order <- j:
			case <-done:
				return
			}
			jobs <- j
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc scratch
			for j := range jobs {
				buf := pool.Get().([]byte)[:0]
				for i := j.lo; i < j.hi; i++ {
					buf = rw.row(buf, i, &sc)
				}
				j.out <- buf
			}
		}()
	}
	var err error
	for j := range order {
		buf := <-j.out
		if err == nil {
			if _, err = w.Write(buf); err != nil {
				close(done)
			}
		}
		pool.Put(buf[:0])
	}
	wg.Wait()
	return err
}

// rowWriter builds claims-shape rows from a snapshot. What many rows share
// (an actor's four cells, a source's five, an actor's escaped name) is
// built once; links and notes are indexed by the claim's position.
type rowWriter struct {
	s          *db.Snapshot
	actorCells map[string][]byte // ",name,kind,aliases,id"
	actorName  map[string]string // the name escaped as a list item
	srcCells   map[string][]byte // ",id,title,outlet,url,published"
	claimAt    map[string]int    // claim id → index in s.Claims
	answered   [][]db.LinkInfo   // by the answered claim's index
	notes      [][]model.Annotation
}

func newRowWriter(s *db.Snapshot) *rowWriter {
	rw := &rowWriter{
		s:          s,
		actorCells: make(map[string][]byte, len(s.Actors)),
		actorName:  make(map[string]string, len(s.Actors)),
		srcCells:   make(map[string][]byte, len(s.Sources)),
		claimAt:    make(map[string]int, len(s.Claims)),
		answered:   make([][]db.LinkInfo, len(s.Claims)),
		notes:      make([][]model.Annotation, len(s.Claims)),
	}
	for i := range s.Actors {
		a := &s.Actors[i]
		var b []byte
		b = appendCell(append(b, ','), a.Name)
		if a.ID != "" {
			b = appendCell(append(b, ','), string(a.Kind))
		} else {
			b = append(b, ',')
		}
		b = appendCell(append(b, ','), bstr(appendList(nil, a.Aliases)))
		b = appendCell(append(b, ','), a.ID)
		rw.actorCells[a.ID] = b
		rw.actorName[a.ID] = string(appendEscaped(nil, a.Name))
	}
	for i := range s.Sources {
		src := &s.Sources[i]
		var b []byte
		for _, f := range []string{src.ID, src.Title, src.Outlet, src.URL, src.Published} {
			b = appendCell(append(b, ','), f)
		}
		rw.srcCells[src.ID] = b
	}
	for i := range s.Claims {
		rw.claimAt[s.Claims[i].ID] = i
	}
	for _, l := range s.Links {
		if i, ok := rw.claimAt[l.ToID]; ok {
			rw.answered[i] = append(rw.answered[i], l)
		}
	}
	for _, n := range s.Notes {
		if i, ok := rw.claimAt[n.ClaimID]; ok {
			rw.notes[i] = append(rw.notes[i], n)
		}
	}
	return rw
}

// scratch is a worker's reusable buffers for multi-value cells.
type scratch struct{ a, b []byte }

const (
	noActorCells  = ",,,,"
	noSourceCells = ",,,,,"
)

// row appends the record of claim i, CRLF included.
func (rw *rowWriter) row(dst []byte, i int, sc *scratch) []byte {
	c := &rw.s.Claims[i]
	dst = appendCell(dst, c.ID)
	dst = appendCell(append(dst, ','), c.Statement)
	dst = appendCell(append(dst, ','), c.Quote)
	if b, ok := rw.actorCells[c.ActorID]; ok {
		dst = append(dst, b...)
	} else {
		dst = append(dst, noActorCells...)
	}

	sc.a = sc.a[:0]
	for i, id := range c.SubjectIDs {
		if i > 0 {
			sc.a = append(sc.a, '\n')
		}
		sc.a = append(sc.a, rw.actorName[id]...)
	}
	dst = appendCell(append(dst, ','), bstr(sc.a))
	if b, ok := rw.srcCells[c.SourceID]; ok {
		dst = append(dst, b...)
	} else {
		dst = append(dst, noSourceCells...)
	}
	dst = appendCell(append(dst, ','), c.MadeOn)
	dst = appendCell(append(dst, ','), string(c.Verdict))
	dst = appendCell(append(dst, ','), c.Review.URL)
	dst = appendCell(append(dst, ','), c.Review.Explanation)
	dst = appendCell(append(dst, ','), c.Review.Published)
	sc.a = appendList(sc.a[:0], c.Tags)
	dst = appendCell(append(dst, ','), bstr(sc.a))

	// Counter-claims (items "relation | actor | statement"), their ids,
	// then the ids of supporting claims.
	links := rw.answered[i]
	sc.a, sc.b = sc.a[:0], sc.b[:0]
	k := 0
	for _, l := range links {
		if !l.Relation.Opposes() {
			continue
		}
		if k > 0 {
			sc.a, sc.b = append(sc.a, '\n'), append(sc.b, '\n')
		}
		k++
		var ccActor, ccStatement string
		if j, ok := rw.claimAt[l.FromID]; ok {
			cc := &rw.s.Claims[j]
			ccActor, ccStatement = rw.actorName[cc.ActorID], cc.Statement
		} else {
			ccActor = rw.actorName[""]
		}
		sc.a = appendEscaped(sc.a, string(l.Relation))
		sc.a = append(sc.a, " | "...)
		sc.a = append(sc.a, ccActor...)
		sc.a = append(sc.a, " | "...)
		sc.a = appendEscaped(sc.a, ccStatement)
		sc.b = appendEscaped(sc.b, l.FromID)
	}
	dst = appendCell(append(dst, ','), bstr(sc.a))
	dst = appendCell(append(dst, ','), bstr(sc.b))
	sc.a, k = sc.a[:0], 0
	for _, l := range links {
		if l.Relation.Opposes() {
			continue
		}
		if k > 0 {
			sc.a = append(sc.a, '\n')
		}
		k++
		sc.a = appendEscaped(sc.a, l.FromID)
	}
	dst = appendCell(append(dst, ','), bstr(sc.a))

	// Notes: "time | author | text", oldest first.
	sc.a = sc.a[:0]
	for i, n := range rw.notes[i] {
		if i > 0 {
			sc.a = append(sc.a, '\n')
		}
		sc.b = appendTime(sc.b[:0], n.CreatedAt)
		sc.a = appendEscaped(sc.a, bstr(sc.b))
		sc.a = append(sc.a, " | "...)
		sc.a = appendEscaped(sc.a, n.Author)
		sc.a = append(sc.a, " | "...)
		sc.a = appendEscaped(sc.a, n.Text)
	}
	dst = appendCell(append(dst, ','), bstr(sc.a))
	sc.b = appendTime(sc.b[:0], c.CreatedAt)
	dst = appendCell(append(dst, ','), bstr(sc.b))
	sc.b = appendTime(sc.b[:0], c.UpdatedAt)
	dst = appendCell(append(dst, ','), bstr(sc.b))
	return append(dst, '\r', '\n')
}

// bstr views b as a string without copying, for the cell functions; the
// string must not outlive the next change to b.
func bstr(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// appendList appends a multi-value cell of single-part items, as joinList
// writes it.
func appendList(dst []byte, items []string) []byte {
	for i, it := range items {
		if i > 0 {
			dst = append(dst, '\n')
		}
		dst = appendEscaped(dst, it)
	}
	return dst
}

// appendEscaped appends one part of a multi-value item with backslash,
// line breaks and pipes escaped: \\, \n, \r and \|.
func appendEscaped(dst []byte, s string) []byte {
	if len(s) > 16 && strings.IndexByte(s, '\\') < 0 && strings.IndexByte(s, '\n') < 0 &&
		strings.IndexByte(s, '\r') < 0 && strings.IndexByte(s, '|') < 0 {
		return append(dst, s...)
	}
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '\\':
			esc = `\\`
		case '\n':
			esc = `\n`
		case '\r':
			esc = `\r`
		case '|':
			esc = `\|`
		default:
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, esc...)
		start = i + 1
	}
	return append(dst, s[start:]...)
}

// appendCell appends one cell of a CSV record, the one way every file the
// package writes encodes a cell: CRLF inside turned into LF until none is
// left (a reader turns it into LF, so what is read back is what was
// written), formula
// triggers neutralised with an apostrophe (Neutralise), quoted when it
// holds a comma, quote or line break or starts or ends with a space,
// quotes doubled inside.
func appendCell(dst []byte, f string) []byte {
	for strings.IndexByte(f, '\r') >= 0 && strings.Contains(f, "\r\n") {
		f = strings.ReplaceAll(f, "\r\n", "\n") // until none is left: "\r\r\n" holds two
	}
	if len(f) == 0 {
		return dst
	}
	quote := strings.IndexByte(f, ',') >= 0 || strings.IndexByte(f, '"') >= 0 ||
		strings.IndexByte(f, '\n') >= 0 || strings.IndexByte(f, '\r') >= 0
	guard := needsGuard(f)
	// The apostrophe of a guarded cell hides its first character from the
	// leading-space check.
	if !quote && (guard || f[0] != ' ') && f[len(f)-1] != ' ' {
		if guard {
			dst = append(dst, '\'')
		}
		return append(dst, f...)
	}
	dst = append(dst, '"')
	if guard {
		dst = append(dst, '\'')
	}
	for {
		j := strings.IndexByte(f, '"')
		if j < 0 {
			break
		}
		dst = append(dst, f[:j+1]...)
		dst = append(dst, '"')
		f = f[j+1:]
	}
	dst = append(dst, f...)
	return append(dst, '"')
}

// appendTime appends t as a cell holds it (model.AppendTime): UTC to the millisecond,
// nothing for the zero time.
func appendTime(dst []byte, t time.Time) []byte {
	if t.IsZero() {
		return dst
	}
	return model.AppendTime(dst, t)
}
