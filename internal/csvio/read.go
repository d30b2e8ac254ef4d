package csvio

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"claims/internal/model"
)

// RowError is why a row cannot be imported: its line in the file (the
// line the field starts on), the column and the reason.
type RowError struct {
	Line   int
	Column string // a column name, or "" when the error is about the row
	Reason string
	Err    error // wrapped; often model.ErrInvalid or model.ErrNotFound
}

func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return fmt.Sprintf("line %d, column %q: %s", e.Line, e.Column, e.Reason)
}

func (e *RowError) Unwrap() error { return e.Err }

// rowErr builds a RowError from err, trimming the "invalid: " prefix that
// model errors carry.
func rowErr(line int, col Field, err error) *RowError {
	reason := strings.TrimPrefix(err.Error(), model.ErrInvalid.Error()+": ")
	return &RowError{Line: line, Column: string(col), Reason: reason, Err: err}
}

// Options say how to read a file.
type Options struct {
	TSV      bool // tab-separated; otherwise comma-separated (RFC 4180)
	NoHeader bool // the first row is data
	// Mapping, when not nil, says which column holds which field, and the
	// file is read as another tool's spreadsheet. When nil, a file whose
	// header is the claims shape's is read as the app's own; any other
	// header is guessed from (GuessMapping) and MapSpec applied on top.
	Mapping Mapping
	MapSpec string     // --map, applied on top of the guess
	Verdict VerdictMap // label overrides for other tools' files
	// NoteAuthor signs notes that other tools' files give as plain text;
	// "import" when empty.
	NoteAuthor string
	// UnknownActor names the actor of rows in other tools' files that give
	// none; "Unknown claimant" when empty.
	UnknownActor string
	// DateOrder says how other tools' numeric dates such as 6/11/2008 are
	// read: DatesMDY, DatesDMY, or DatesAuto to work it out from the file.
	DateOrder string
	// Prefer settles conflicts (a value changed both in the app since the
	// file was written and in the file): "file" writes the file's value,
	// "db" keeps the database's. With "", a conflict stops the import with
	// a *ConflictError that lists them all.
	Prefer string
	// Decide settles single conflicts ("file" or "db"), before Prefer.
	Decide map[ConflictKey]string
	// SkipBad imports the good rows of a file that has bad ones, which are
	// left out and listed in Batch.Refused. Without it a bad row stops the
	// import.
	SkipBad bool
	// Baseline, when set, is the moment every row shows its claim as it
	// was, instead of the row's "updated at": for a copy of the database
	// merged back, the moment it was copied (db.Store.MergeBaseline).
	Baseline time.Time
}

// Prefer values.
const (
	PreferFile = "file"
	PreferDB   = "db"
)

// RefusedColumn heads the last column of a file of refused rows
// (WriteRefused); an import ignores a column with this name, so the file
// can be mended and imported as it is.
const RefusedColumn = "refused because"

// Table is a file read into cells, before any meaning is given to them.
type Table struct {
	Header []string   // nil without a header row
	Rows   [][]string // cells with formula guards removed
	Lines  [][]int    // the line each cell starts on
}

// ReadTable reads a CSV or TSV file into cells: BOM skipped, RFC 4180
// quoting for CSV, plain tab-separated lines for TSV, every cell checked for valid UTF-8, every row checked to have as
// many cells as the first. limit > 0 stops after that many data rows (for
// a preview).
func ReadTable(r io.Reader, opt Options, limit int) (*Table, error) {
	return readTable(r, opt, limit, nil)
}

// readTable is ReadTable; rows, when not nil, is called with each run of
// parseChunk new data rows (and the last, shorter one) as they are read.
func readTable(r io.Reader, opt Options, limit int, rows func(t *Table, lo, hi int)) (*Table, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	next := csvRecords(br)
	if opt.TSV {
		next = tsvRecords(br)
	}
	t := &Table{}
	width := -1
	for limit <= 0 || len(t.Rows) < limit {
		rec, lines, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		name := func(i int) string {
			if t.Header != nil && i < len(t.Header) {
				return t.Header[i]
			}
			return fmt.Sprintf("column %d", i+1)
		}
		for i, c := range rec {
			if !utf8.ValidString(c) {
				return nil, &RowError{Line: lines[i], Column: name(i), Reason: "is not valid UTF-8 text (save the file as UTF-8)", Err: model.ErrInvalid}
			}
			rec[i] = Restore(c)
		}
		if width < 0 {
			width = len(rec)
		} else if len(rec) != width {
			what := "the first row"
			if t.Header != nil {
				what = "the header"
			}
			return nil, &RowError{Line: lines[0], Reason: fmt.Sprintf("has %d columns, but %s has %d", len(rec), what, width), Err: model.ErrInvalid}
		}
		if t.Header == nil && !opt.NoHeader {
			t.Header = rec
			for i := range t.Header {
				t.Header[i] = strings.TrimSpace(t.Header[i])
			}
			continue
		}
		t.Rows = append(t.Rows, rec)
		t.Lines = append(t.Lines, lines)
		if rows != nil && len(t.Rows)%parseChunk == 0 {
			rows(t, len(t.Rows)-parseChunk, len(t.Rows))
		}
	}
	if n := len(t.Rows); rows != nil && n%parseChunk != 0 {
		rows(t, n-n%parseChunk, n)
	}
	return t, nil
}

// csvRecords reads RFC 4180 records, with the line each field starts on.
func csvRecords(r io.Reader) func() ([]string, []int, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	return func() ([]string, []int, error) {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil, nil, err
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if pe.Err == csv.ErrQuote || pe.Err == csv.ErrBareQuote {
					return nil, nil, &RowError{Line: pe.StartLine, Reason: fmt.Sprintf(
						"a quote is out of place: a quoted field opened here is not closed, or a field has a stray \" (near line %d, column %d)",
						pe.Line, pe.Column), Err: model.ErrInvalid}
				}
				return nil, nil, &RowError{Line: pe.StartLine, Reason: pe.Err.Error(), Err: model.ErrInvalid}
			}
			return nil, nil, fmt.Errorf("csvio: unable to read: %w", err)
		}
		lines := make([]int, len(rec))
		for i := range rec {
			lines[i], _ = cr.FieldPos(i)
		}
		return rec, lines, nil
	}
}

// tsvRecords reads tab-separated values as IANA text/tab-separated-values
// defines them: one record per line, fields split at tabs, no quoting (so
// quotes in statements are kept as they are). Blank lines are skipped.
func tsvRecords(r *bufio.Reader) func() ([]string, []int, error) {
	line := 0
	return func() ([]string, []int, error) {
		for {
			s, err := r.ReadString('\n')
			if err != nil && err != io.EOF {
				return nil, nil, fmt.Errorf("csvio: unable to read: %w", err)
			}
			if s == "" && err == io.EOF {
				return nil, nil, io.EOF
			}
			line++
			s = strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r")
			if s == "" {
				continue
			}
			rec := strings.Split(s, "\t")
			lines := make([]int, len(rec))
			for i := range lines {
				lines[i] = line
			}
			return rec, lines, nil
		}
	}
}

// IsClaimsHeader reports whether header is the claims shape's: column
// names of that shape only, each once, among them id, statement and actor.
// Columns may be missing (a file from before a column was added, or a
// spreadsheet with columns deleted) or in another order; a column headed
// RefusedColumn is not read.
func IsClaimsHeader(header []string) bool {
	return claimsMapping(header) != nil
}

// claimsMapping maps the fields of a claims-shape header to their
// columns, or returns nil when header is not one (IsClaimsHeader).
func claimsMapping(header []string) Mapping {
	known := map[string]Field{}
	for _, f := range ClaimsColumns() {
		known[string(f)] = f
	}
	m := Mapping{}
	for i, h := range header {
		if h == RefusedColumn {
			continue
		}
		f, ok := known[h]
		if _, dup := m[f]; !ok || dup {
			return nil
		}
		m[f] = i
	}
	for _, f := range []Field{FID, FStatement, FActor} {
		if _, ok := m[f]; !ok {
			return nil
		}
	}
	return m
}

// Batch is a file parsed and validated, ready to be written in one
// transaction by Apply.
type Batch struct {
	Native bool // the app's own claims shape
	Rows   []Row
	// Header is the file's header row (nil without one).
	Header []string
	// Warnings are things a person should know before importing: a first
	// row that looks like data rather than column names.
	Warnings []string
	// Refused are the rows left out under Options.SkipBad, with why.
	Refused []Refused
	opt     Options
}

// Refused is a row an import left out: its line, why, and its cells as
// the file has them.
type Refused struct {
	Line   int
	Reason string
	Cells  []string
}

// Row is one claim row, validated.
type Row struct {
	Line       int
	Claim      model.Claim // ID may be empty; ActorID, SourceID, SubjectIDs are set by Apply
	Actor      model.Actor // ID may be empty
	Subjects   []string    // names
	Source     *model.Source
	Counters   []model.Link // FromID set, ToID is this row's claim
	Supporters []string
	Notes      []model.Annotation // CreatedAt zero: plain note, de-duplicated by author and text
	// cellLines is the line each cell of the record starts on, and cols
	// which cell holds which field (shared by every row of the file).
	cellLines []int
	cols      Mapping
	// given are the claim fields the row gives: in the app's own files,
	// those with a column; in other tools' files, those with a column and
	// a value in this row. An import touches no other field.
	given fieldSet
	cells []string // the record, kept under Options.SkipBad
}

// fieldSet is a set of claim fields, one bit each in model.ClaimFields
// order.
type fieldSet uint32

func fieldBit(f model.ClaimField) fieldSet {
	for i, x := range model.ClaimFields() {
		if x == f {
			return 1 << i
		}
	}
	return 0
}

func (s fieldSet) has(f model.ClaimField) bool { return s&fieldBit(f) != 0 }

// lineOf is the line a field's cell starts on.
func (r *Row) lineOf(f Field) int {
	if i, ok := r.cols[f]; ok && i < len(r.cellLines) {
		return r.cellLines[i]
	}
	return r.Line
}

// Read reads a whole file, parses and validates every row, and returns the
// batch or the first bad row's RowError. Nothing is written.
//
// The app's own files are parsed on every core while they are still being
// read; the result, or the error, is the one Parse gives.
func Read(r io.Reader, opt Options) (*Batch, error) {
	var pp *pipelined
	t, err := readTable(r, opt, 0, func(t *Table, lo, hi int) {
		if pp == nil {
			if !ownShape(opt, t.Header) {
				return
			}
			pp = newParser(opt, true, claimsMapping(t.Header)).startWorkers()
		}
		pp.add(t.Rows[lo:hi], t.Lines[lo:hi], lo)
	})
	if pp != nil {
		rows, checks := pp.wait()
		if err != nil {
			return nil, err
		}
		return pp.p.replay(rows, checks, &Batch{Native: true, Header: t.Header, opt: opt})
	}
	if err != nil {
		return nil, err
	}
	return Parse(t, opt)
}

// pipelined parses chunks of rows on every core as they are handed to it:
// those of an own-shape file as they are read, or a table's.
type pipelined struct {
	p      *parser
	chunks chan pipelinedChunk
	done   sync.WaitGroup
	mu     sync.Mutex
	parsed []pipelinedChunk
}

type pipelinedChunk struct {
	lo     int
	recs   [][]string
	lines  [][]int
	rows   []Row
	checks []rowChecks
}

// startWorkers starts p's parsing on every core.
func (p *parser) startWorkers() *pipelined {
	pp := &pipelined{p: p, chunks: make(chan pipelinedChunk, 4)}
	for range runtime.GOMAXPROCS(0) {
		pp.done.Add(1)
		go func() {
			defer pp.done.Done()
			memo := newParseMemo()
			for c := range pp.chunks {
				c.rows = make([]Row, len(c.recs))
				c.checks = make([]rowChecks, len(c.recs))
				for i := range c.recs {
					ck := &c.checks[i]
					c.rows[i], ck.skip, ck.err = p.row(c.recs[i], c.lines[i], ck, memo)
				}
				pp.mu.Lock()
				pp.parsed = append(pp.parsed, c)
				pp.mu.Unlock()
			}
		}()
	}
	return pp
}

func (pp *pipelined) add(recs [][]string, lines [][]int, lo int) {
	pp.chunks <- pipelinedChunk{lo: lo, recs: recs, lines: lines}
}

// wait returns the parsed rows in file order.
func (pp *pipelined) wait() ([]Row, []rowChecks) {
	close(pp.chunks)
	pp.done.Wait()
	slices.SortFunc(pp.parsed, func(a, b pipelinedChunk) int { return a.lo - b.lo })
	var n int
	for _, c := range pp.parsed {
		n += len(c.rows)
	}
	rows := make([]Row, 0, n)
	checks := make([]rowChecks, 0, n)
	for _, c := range pp.parsed {
		rows = append(rows, c.rows...)
		checks = append(checks, c.checks...)
	}
	return rows, checks
}

// ownShape reports whether a file with this header is read as the app's
// own export: its header is the claims header and no mapping says
// otherwise.
func ownShape(opt Options, header []string) bool {
	return opt.Mapping == nil && opt.MapSpec == "" && !opt.NoHeader && header != nil && IsClaimsHeader(header)
}

// Parse gives a table's cells their meaning.
func Parse(t *Table, opt Options) (*Batch, error) {
	b := &Batch{Header: t.Header, opt: opt}
	m := opt.Mapping
	if m == nil {
		if ownShape(opt, t.Header) {
			b.Native = true
			m = claimsMapping(t.Header)
		} else {
			var guess Mapping
			if t.Header != nil {
				guess = GuessMapping(t.Header)
			}
			if m, err := ParseMapping(opt.MapSpec, t.Header, guess); err != nil {
				return nil, err
			} else if err := checkDuplicateHeaders(t.Header, m, opt.MapSpec); err != nil {
				return nil, err
			} else {
				opt.Mapping = m
				return Parse(t, opt)
			}
		}
	}
	width := len(t.Header)
	if len(t.Rows) > 0 {
		width = len(t.Rows[0])
	}
	if _, ok := m[FStatement]; !ok {
		return nil, fmt.Errorf("%w: no column holds the claim statement; say which with --map statement=N (or name the column \"statement\")", model.ErrInvalid)
	}
	for f, i := range m {
		if i < 0 || (width > 0 && i >= width) {
			return nil, fmt.Errorf("%w: the mapping puts %s in column %d, but the file has %d columns", model.ErrInvalid, f, i+1, width)
		}
	}
	if !b.Native && t.Header != nil {
		if w := HeaderLooksLikeData(t.Header); w != "" {
			b.Warnings = append(b.Warnings, w)
		}
	}
	p := newParser(opt, b.Native, m)
	if !b.Native {
		p.dates = opt.DateOrder
		if p.dates == DatesAuto {
			var err error
			if p.dates, err = detectDateOrder(t, m); err != nil {
				return nil, err
			}
		}
	}
	if (len(t.Rows) < 2*parseChunk || parseMode == parseInOrder) && parseMode != parseOnAllCores {
		return p.parseSequential(t, b)
	}
	return p.parseParallel(t, b)
}

// parseMode lets the tests choose how Parse parses: by size (0), one row
// after the other, or on every core.
var parseMode = 0

const (
	parseInOrder = 1 + iota
	parseOnAllCores
)

// newParser makes the parser for a file read through mapping m.
func newParser(opt Options, native bool, m Mapping) *parser {
	p := &parser{native: native, opt: opt, m: m, sources: map[string]srcSeen{}, ids: map[string]int{}}
	for f, i := range m {
		p.mapped = append(p.mapped, i)
		if cf := claimFieldOf(f); cf != "" {
			p.fields = append(p.fields, colField{i, cf})
			p.allGiven |= fieldBit(cf)
		}
	}
	slices.Sort(p.mapped)
	if p.opt.NoteAuthor == "" {
		p.opt.NoteAuthor = "import"
	}
	if p.opt.UnknownActor == "" {
		p.opt.UnknownActor = "Unknown claimant"
	}
	return p
}

// parseSequential parses the rows one after the other, then makes the
// checks that span rows.
func (p *parser) parseSequential(t *Table, b *Batch) (*Batch, error) {
	memo := newParseMemo()
	rows := make([]Row, len(t.Rows))
	checks := make([]rowChecks, len(t.Rows))
	for i, rec := range t.Rows {
		ck := &checks[i]
		rows[i], ck.skip, ck.err = p.row(rec, t.Lines[i], ck, memo)
	}
	return p.replay(rows, checks, b)
}

// parseChunk is how many rows a worker parses at a time.
const parseChunk = 1024

// rowChecks is what a row parsed on its own leaves for the checks that
// span rows (a claim id repeated, a source described differently), which
// parseParallel then makes in file order.
type rowChecks struct {
	label      string        // a rating label nothing reads, "" when none
	id         string        // the claim id, "" when none
	src        *model.Source // the row's source, when it has an id and was reached
	pastSource bool          // the row's error, if any, came after the source check
	skip       bool
	err        error
}

// parseParallel parses the rows on every core, then makes the checks that
// span rows in file order: the batch, or the error, is the one the
// row-by-row parse gives.
func (p *parser) parseParallel(t *Table, b *Batch) (*Batch, error) {
	pp := p.startWorkers()
	for lo := 0; lo < len(t.Rows); lo += parseChunk {
		hi := min(lo+parseChunk, len(t.Rows))
		pp.add(t.Rows[lo:hi], t.Lines[lo:hi], lo)
	}
	rows, checks := pp.wait()
	return p.replay(rows, checks, b)
}

// replay makes the checks that span rows on rows parsed on their own, in
// file order, and returns the batch or the first error. Under
// Options.SkipBad a bad row is left out and listed in b.Refused instead.
// Rating labels nothing reads are gathered from every row and reported
// together (UnknownLabelsError).
func (p *parser) replay(rows []Row, checks []rowChecks, b *Batch) (*Batch, error) {
	b.Rows = rows[:0]
	labels := &UnknownLabelsError{}
	for i := range rows {
		ck := &checks[i]
		if ck.skip {
			continue
		}
		row := &rows[i]
		if err := p.crossCheck(row, ck); err != nil {
			if !p.opt.SkipBad {
				return nil, err
			}
			b.Refused = append(b.Refused, Refused{Line: row.Line, Reason: err.Error(), Cells: row.cells})
			continue
		}
		if ck.label != "" {
			if p.opt.SkipBad {
				reason := fmt.Sprintf("line %d, column %q: the rating label %q is not known", row.lineOf(FVerdict), FVerdict, ck.label)
				b.Refused = append(b.Refused, Refused{Line: row.Line, Reason: reason, Cells: row.cells})
			} else {
				labels.add(ck.label, row.lineOf(FVerdict))
			}
			continue
		}
		b.Rows = append(b.Rows, *row) // never ahead of i: rows only shrinks
	}
	if len(labels.Labels) > 0 {
		return nil, labels
	}
	return b, nil
}

// crossCheck makes the checks that span rows for one row, in file order,
// and returns the row's error, if any.
func (p *parser) crossCheck(row *Row, ck *rowChecks) error {
	if ck.id != "" {
		if prev, dup := p.ids[ck.id]; dup {
			return rowErr(row.lineOf(FID), FID, fmt.Errorf("%w: claim id %q is also on line %d", model.ErrInvalid, ck.id, prev))
		}
		p.ids[ck.id] = row.Line
	}
	if ck.err != nil && !ck.pastSource {
		return ck.err
	}
	if src := ck.src; src != nil {
		if seen, ok := p.sources[src.ID]; ok && seen.src != *src {
			return rowErr(row.lineOf(FSourceID), FSourceID, fmt.Errorf("%w: source %s is described differently on line %d", model.ErrInvalid, src.ID, seen.line))
		} else if !ok {
			p.sources[src.ID] = srcSeen{*src, row.Line}
		}
	}
	return ck.err
}

// checkDuplicateHeaders refuses a header that names the same column twice
// when the mapping reads one of the two: which one was meant is a guess the
// importer will not make unless --map placed the field. (Different names for one field, such as "claim"
// and "statement", are fine: the first wins, as GuessMapping documents.)
func checkDuplicateHeaders(header []string, m Mapping, spec string) error {
	chosen, _ := ParseMapping(spec, header, nil) // fields the person placed
	first := map[string]int{}
	for i, h := range header {
		k := key(Restore(strings.TrimSpace(h)))
		if k == "" {
			continue
		}
		j, seen := first[k]
		if !seen {
			first[k] = i
			continue
		}
		for f, col := range m {
			if _, placed := chosen[f]; placed {
				continue
			}
			if col == j || col == i {
				return &RowError{Line: 1, Column: h, Reason: fmt.Sprintf(
					"columns %d and %d are both headed %q; rename one, or say which holds the %s with --map %s=N",
					j+1, i+1, strings.TrimSpace(h), f, strings.ReplaceAll(string(f), " ", "-")),
					Err: model.ErrInvalid}
			}
		}
	}
	return nil
}

type srcSeen struct {
	src  model.Source
	line int
}

// colField is a column that gives a claim field.
type colField struct {
	col int
	f   model.ClaimField
}

type parser struct {
	fields   []colField // the columns that give claim fields
	allGiven fieldSet   // the fields those columns give
	native   bool
	opt      Options
	m        Mapping
	sources  map[string]srcSeen // by source id
	ids      map[string]int     // claim id → line
	dates    string             // the order of numeric dates (dates.go)
	mapped   []int              // the columns p.m reads
}

// parseMemo remembers, for one goroutine, cells that many rows repeat and
// that parsed cleanly: an actor's four cells, a source's five, subject
// names. Parsing the same cells again gives the same result.
type parseMemo struct {
	actors   map[string]model.Actor
	sources  map[string]model.Source
	subjects map[string]bool
}

// memoKey joins cells into one key that no other cells give: each is
// preceded by its length.
func memoKey(cells ...string) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(strconv.Itoa(len(c)))
		b.WriteByte(':')
		b.WriteString(c)
	}
	return b.String()
}

func newParseMemo() *parseMemo {
	return &parseMemo{actors: map[string]model.Actor{}, sources: map[string]model.Source{}, subjects: map[string]bool{}}
}

// plainText reports whether s passes the model's text check for a field
// of at most max characters (valid UTF-8, no control character other than
// tab and line breaks), so that the check, which allocates, can be skipped;
// when it is false the check runs and says what is wrong.
func plainText(s string, max int) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
			return false
		}
	}
	return utf8.ValidString(s) && (len(s) <= max || utf8.RuneCountInString(s) <= max)
}

// row parses one record, leaving in ck what the checks that span rows
// (replay) need.
func (p *parser) row(rec []string, lines []int, ck *rowChecks, memo *parseMemo) (Row, bool, error) {
	row := Row{Line: lines[0], cellLines: lines, cols: p.m, given: p.allGiven}
	if p.opt.SkipBad {
		row.cells = rec
	}
	get := func(f Field) string {
		if i, ok := p.m[f]; ok {
			return rec[i]
		}
		return ""
	}
	bad := func(f Field, err error) (Row, bool, error) { return row, false, rowErr(row.lineOf(f), f, err) }
	badf := func(f Field, format string, args ...any) (Row, bool, error) {
		return bad(f, fmt.Errorf("%w: %s", model.ErrInvalid, fmt.Sprintf(format, args...)))
	}

	empty := true
	for _, i := range p.mapped {
		if strings.TrimSpace(rec[i]) != "" {
			empty = false
			break
		}
	}
	if empty && !p.native {
		return row, true, nil // a blank row in a spreadsheet
	}
	if !p.native {
		// In other tools' files an empty cell says nothing.
		for _, cf := range p.fields {
			if strings.TrimSpace(rec[cf.col]) == "" {
				row.given &^= fieldBit(cf.f)
			}
		}
	}

	c := &row.Claim
	c.ID = strings.TrimSpace(get(FID))
	ck.id = c.ID
	c.Statement = get(FStatement)
	if t := strings.TrimSpace(c.Statement); t == "" || !plainText(t, model.MaxStatementLen) {
		probe := model.Claim{ID: "x", ActorID: "x", Statement: c.Statement}
		if err := probe.Validate(); err != nil {
			return bad(FStatement, err)
		}
	}
	c.Quote = get(FQuote)
	if !plainText(strings.TrimSpace(c.Quote), model.MaxQuoteLen) {
		probe := model.Claim{ID: "x", ActorID: "x", Statement: "x", Quote: c.Quote}
		if err := probe.Validate(); err != nil {
			return bad(FQuote, err)
		}
	}
	var err error
	if c.MadeOn, err = p.date(FMadeOn, get(FMadeOn)); err != nil {
		return bad(FMadeOn, err)
	}
	if p.native {
		c.Verdict, err = model.ParseVerdict(get(FVerdict))
	} else {
		c.Verdict, err = p.opt.Verdict.Verdict(get(FVerdict))
		if errors.Is(err, errUnknownLabel) {
			// Every unknown label of the file is reported at once (replay).
			ck.label, err = strings.TrimSpace(get(FVerdict)), nil
		}
	}
	if err != nil {
		return bad(FVerdict, err)
	}
	r := &c.Review
	r.URL, r.Explanation = strings.TrimSpace(get(FReviewURL)), strings.TrimSpace(get(FExplanation))
	if r.Published, err = p.date(FReviewedOn, get(FReviewedOn)); err != nil {
		return bad(FReviewedOn, err)
	}
	if r.URL != "" && !model.IsWebURL(r.URL) {
		return badf(FReviewURL, "%q is not a web address starting with http:// or https://", r.URL)
	}
	if err := r.Validate(); err != nil {
		return bad(FExplanation, err)
	}
	var tags []string
	if p.native {
		tags = splitList(get(FTags))
	} else {
		tags = splitLoose(get(FTags), ",;")
	}
	if c.Tags, err = model.NormaliseTags(tags); err != nil {
		return bad(FTags, err)
	}
	for _, f := range []Field{FCreatedAt, FUpdatedAt} {
		s := strings.TrimSpace(get(f))
		if s == "" {
			continue
		}
		at, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return badf(f, "%q is not a time like 2024-03-27T10:00:00.000Z", s)
		}
		at = at.UTC().Truncate(time.Millisecond)
		if f == FCreatedAt {
			c.CreatedAt = at
		} else {
			c.UpdatedAt = at
		}
	}

	// The actor.
	a := &row.Actor
	actorKey := memoKey(get(FActorID), get(FActor), get(FActorKind), get(FActorAliases))
	if known, ok := memo.actors[actorKey]; ok {
		*a = known
	} else {
		a.ID = strings.TrimSpace(get(FActorID))
		a.Name = strings.TrimSpace(get(FActor))
		if a.Name == "" {
			if p.native {
				return badf(FActor, "the actor who makes the claim is required")
			}
			a.Name = p.opt.UnknownActor
		}
		kind := strings.ToLower(strings.TrimSpace(get(FActorKind)))
		switch kind {
		case "organization", "org":
			kind = string(model.KindOrganisation)
		case "group", "militant group":
			kind = string(model.KindGroup)
		}
		a.Kind = model.ActorKind(kind)
		if a.Kind != "" && !a.Kind.Valid() {
			probe := model.Actor{ID: "x", Name: "x", Kind: a.Kind}
			return bad(FActorKind, probe.Validate())
		}
		if p.native {
			a.Aliases = splitList(get(FActorAliases))
		} else {
			a.Aliases = splitLoose(get(FActorAliases), ";")
		}
		probeActor := model.Actor{ID: "x", Name: a.Name, Kind: a.Kind}
		if err := probeActor.Validate(); err != nil {
			return bad(FActor, err)
		}
		probeActor.Aliases = a.Aliases
		if err := probeActor.Validate(); err != nil {
			return bad(FActorAliases, err)
		}
		*a = model.Actor{ID: a.ID, Name: probeActor.Name, Kind: probeActor.Kind, Aliases: probeActor.Aliases}
		memo.actors[actorKey] = *a
	}

	if p.native {
		row.Subjects = splitList(get(FSubjects))
	} else {
		row.Subjects = splitLoose(get(FSubjects), ";")
	}
	for _, s := range row.Subjects {
		if memo.subjects[s] {
			continue
		}
		probe := model.Actor{ID: "x", Name: s}
		if err := probe.Validate(); err != nil {
			return bad(FSubjects, err)
		}
		memo.subjects[s] = true
	}

	// The source.
	srcKey := memoKey(get(FSourceID), get(FSourceTitle), get(FOutlet), get(FURL), get(FPublished))
	src, srcKnown := memo.sources[srcKey]
	if !srcKnown {
		var err error
		if src, err = p.source(get, bad, badf); err != nil {
			return row, false, err
		}
		memo.sources[srcKey] = src
	}
	if src != (model.Source{}) {
		if src.ID != "" {
			seen := src
			ck.src = &seen
		}
		row.Source = &src
	}
	ck.pastSource = true

	// Counter-claims and supporting claims.
	var ids []string
	if p.native {
		ids = splitList(get(FCounterIDs))
	} else {
		ids = splitLoose(get(FCounterIDs), ",;")
	}
	counters := splitItems(get(FCounters))
	if p.native && len(counters) != len(ids) {
		return badf(FCounterIDs, "lists %d ids, but the counter-claims column lists %d counter-claims", len(ids), len(counters))
	}
	for i, id := range ids {
		rel := model.Contradicts
		if len(counters) == len(ids) {
			rel = model.Relation(strings.ToLower(counters[i][0]))
			if !rel.Valid() || !rel.Opposes() {
				return badf(FCounters, "%q is not denies, disputes or contradicts", counters[i][0])
			}
		}
		if id == c.ID {
			return badf(FCounterIDs, "a claim cannot answer itself")
		}
		row.Counters = append(row.Counters, model.Link{FromID: id, Relation: rel})
	}
	if p.native {
		row.Supporters = splitList(get(FSupporterIDs))
	} else {
		row.Supporters = splitLoose(get(FSupporterIDs), ",;")
	}
	for _, id := range row.Supporters {
		if id == c.ID {
			return badf(FSupporterIDs, "a claim cannot support itself")
		}
	}

	// Notes.
	for _, parts := range splitItems(get(FNotes)) {
		var n model.Annotation
		if len(parts) == 3 {
			if at, err := time.Parse(time.RFC3339Nano, parts[0]); err == nil {
				n = model.Annotation{ID: "x", ClaimID: "x", CreatedAt: at.UTC().Truncate(time.Millisecond), Author: parts[1], Text: parts[2]}
			}
		}
		if n.ID == "" {
			if p.native {
				return badf(FNotes, "a note is written as \"TIME | author | text\", not %q", strings.Join(parts, " | "))
			}
			n = model.Annotation{ID: "x", ClaimID: "x", Author: p.opt.NoteAuthor, Text: strings.TrimSpace(get(FNotes))}
			if err := n.Validate(); err != nil {
				return bad(FNotes, err)
			}
			row.Notes = []model.Annotation{n}
			break
		}
		if err := n.Validate(); err != nil {
			return bad(FNotes, err)
		}
		row.Notes = append(row.Notes, n)
	}
	return row, false, nil
}

// date checks a date cell. The app's own files hold YYYY, YYYY-MM or
// YYYY-MM-DD; other tools' may also hold a timestamp or a written-out date,
// which is read into that form.
func (p *parser) date(f Field, s string) (string, error) {
	s = padISODate(strings.TrimSpace(s))
	if err := model.ValidateDate(string(f), s); err == nil || p.native {
		return s, err
	}
	for _, l := range []struct{ in, out string }{
		{time.RFC3339Nano, "2006-01-02"}, {"2006-01-02T15:04:05", "2006-01-02"}, {"2006-01-02 15:04:05", "2006-01-02"},
		{"2006-01-02 15:04", "2006-01-02"}, {"2006/01/02", "2006-01-02"}, {"2006/1/2", "2006-01-02"},
		{"2 January 2006", "2006-01-02"}, {"2 Jan 2006", "2006-01-02"}, {"January 2, 2006", "2006-01-02"},
		{"Jan 2, 2006", "2006-01-02"}, {"Jan. 2, 2006", "2006-01-02"}, {"January 2 2006", "2006-01-02"},
		{"Mon, 2 Jan 2006", "2006-01-02"}, {"Monday, January 2, 2006", "2006-01-02"},
		{"January 2006", "2006-01"}, {"Jan 2006", "2006-01"},
	} {
		if t, err := time.Parse(l.in, s); err == nil {
			return t.Format(l.out), nil
		}
	}
	if iso, numeric, err := numericDateISO(f, s, p.dates); numeric {
		return iso, err
	}
	return "", fmt.Errorf("%w: %s %q is not a date like 2024-03-27, 27 March 2024 or 3/27/2024", model.ErrInvalid, f, s)
}

// source reads and checks the row's source cells: the zero Source when
// the row names none.
func (p *parser) source(get func(Field) string, bad func(Field, error) (Row, bool, error),
	badf func(Field, string, ...any) (Row, bool, error)) (model.Source, error) {
	var err error
	src := model.Source{
		ID:     strings.TrimSpace(get(FSourceID)),
		Title:  strings.TrimSpace(get(FSourceTitle)),
		Outlet: strings.TrimSpace(get(FOutlet)),
		URL:    strings.TrimSpace(get(FURL)),
	}
	if src.Published, err = p.date(FPublished, get(FPublished)); err != nil {
		_, _, err = bad(FPublished, err)
		return src, err
	}
	if src.URL != "" && !model.IsWebURL(src.URL) {
		_, _, err := badf(FURL, "%q is not a web address starting with http:// or https://", src.URL)
		return src, err
	}
	if src.ID != "" || src.Title != "" || src.Outlet != "" || src.URL != "" || src.Published != "" {
		if src.Title == "" {
			if p.native {
				_, _, err := badf(FSourceTitle, "a source needs a title")
				return src, err
			}
			// Other tools' files often give only a link or an outlet.
			src.Title = src.URL
			if src.Title == "" {
				src.Title = src.Outlet
			}
			if src.Title == "" {
				src.Title = "Untitled source"
			}
		}
		probe := src
		if probe.ID == "" {
			probe.ID = "x"
		}
		if err := probe.Validate(); err != nil {
			_, _, err = bad(FSourceTitle, err)
			return src, err
		}
	}
	return src, nil
}
