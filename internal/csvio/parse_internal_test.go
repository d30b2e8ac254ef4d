package csvio

import (
	"bytes"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// parseBoth parses t one row after the other and on every core.
func parseBoth(t *testing.T, tab *Table, opt Options) (seq, par *Batch, seqErr, parErr error) {
	t.Helper()
	defer func(m int) { parseMode = m }(parseMode)
	parseMode = parseInOrder
	seq, seqErr = Parse(tab, opt)
	parseMode = parseOnAllCores
	par, parErr = Parse(tab, opt)
	return
}

// The parallel parse gives the batch, or the first error, that the
// row-by-row parse gives: on files with repeated ids, sources described
// differently, bad cells before and after the source columns, and blank
// rows, in random places.
func TestParallelParseEqualsSequential(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	header := make([]string, len(ClaimsColumns()))
	for i, c := range ClaimsColumns() {
		header[i] = string(c)
	}
	col := map[Field]int{}
	for i, c := range ClaimsColumns() {
		col[c] = i
	}
	good := func(i int) []string {
		r := make([]string, len(header))
		r[col[FID]] = fmt.Sprintf("id-%05d", i)
		r[col[FStatement]] = fmt.Sprintf("Statement %d", i)
		r[col[FActor]] = fmt.Sprintf("Actor %d", i%7)
		r[col[FVerdict]] = "false"
		r[col[FSourceID]] = fmt.Sprintf("src-%d", i%11)
		r[col[FSourceTitle]] = fmt.Sprintf("Title %d", i%11)
		r[col[FTags]] = "a\nb"
		return r
	}
	spoil := []func(r []string, i int){
		func(r []string, i int) { r[col[FID]] = fmt.Sprintf("id-%05d", i/2) },                         // a repeated id
		func(r []string, i int) { r[col[FSourceTitle]] = "Another title" },                            // a source described differently
		func(r []string, i int) { r[col[FVerdict]] = "pants on fire" },                                // before the source check
		func(r []string, i int) { r[col[FNotes]] = "not a note" },                                     // after it
		func(r []string, i int) { r[col[FCounterIDs]] = "x" },                                         // after it
		func(r []string, i int) { r[col[FStatement]] = "" },                                           // before it
		func(r []string, i int) { r[col[FID]] = fmt.Sprintf("id-%05d", i/2); r[col[FNotes]] = "bad" }, // both
		func(r []string, i int) { r[col[FSourceTitle]] = "Another"; r[col[FVerdict]] = "nope" },
		func(r []string, i int) { r[col[FSourceTitle]] = "Another"; r[col[FNotes]] = "bad" },
		func(r []string, i int) {
			for j := range r {
				r[j] = ""
			}
		},
	}
	for trial := range 60 {
		n := 2*parseChunk + rng.Intn(3*parseChunk)
		tab := &Table{Header: header}
		for i := range n {
			r := good(i)
			if rng.Intn(n/3+1) == 0 {
				spoil[rng.Intn(len(spoil))](r, i)
			}
			tab.Rows = append(tab.Rows, r)
			lines := make([]int, len(r))
			for j := range lines {
				lines[j] = i + 2
			}
			tab.Lines = append(tab.Lines, lines)
		}
		seq, par, seqErr, parErr := parseBoth(t, tab, Options{})
		if fmt.Sprint(seqErr) != fmt.Sprint(parErr) {
			t.Fatalf("trial %d: sequential error %v, parallel error %v", trial, seqErr, parErr)
		}
		if seqErr == nil && !reflect.DeepEqual(seq, par) {
			t.Fatalf("trial %d: the batches differ", trial)
		}
	}
	// A spreadsheet with blank rows and no ids.
	tab := &Table{Header: []string{"claim", "claimant"}}
	for i := range 3 * parseChunk {
		r := []string{fmt.Sprintf("Claim %d", i), "Someone"}
		if i%97 == 0 {
			r = []string{" ", ""}
		}
		tab.Rows = append(tab.Rows, r)
		tab.Lines = append(tab.Lines, []int{i + 2, i + 2})
	}
	seq, par, seqErr, parErr := parseBoth(t, tab, Options{})
	if seqErr != nil || parErr != nil || !reflect.DeepEqual(seq, par) || len(par.Rows) == 3*parseChunk {
		t.Fatalf("spreadsheet: %v %v, %d rows", seqErr, parErr, len(par.Rows))
	}
}

// The fast paths of splitList and splitItems read cells as the escaping
// loops do.
func TestSplitFastPaths(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	alphabet := []byte(" |\n\r\tab\\nr")
	for range 50000 {
		b := make([]byte, rng.Intn(12))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		cell := string(b)
		if got, want := splitItems(cell), splitItemsEscaped(cell); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitItems(%q) = %q, want %q", cell, got, want)
		}
		if got, want := splitList(cell), splitListEscaped(cell); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitList(%q) = %q, want %q", cell, got, want)
		}
	}
}

// Read, which parses the app's own files while it reads them, gives the
// batch or the error that ReadTable then a row-by-row Parse give, also
// when the file breaks (a stray quote, a short row, invalid UTF-8) after
// rows that do not parse.
func TestPipelinedReadEqualsReadThenParse(t *testing.T) {
	defer func(m int) { parseMode = m }(parseMode)
	rng := rand.New(rand.NewSource(8))
	header := make([]string, len(ClaimsColumns()))
	for i, c := range ClaimsColumns() {
		header[i] = string(c)
	}
	col := map[Field]int{}
	for i, c := range ClaimsColumns() {
		col[c] = i
	}
	for trial := range 40 {
		var buf bytes.Buffer
		cw := newCSVWriter(&buf, WriteOptions{BOM: trial%2 == 0})
		cw.record(header)
		n := rng.Intn(4 * parseChunk)
		for i := range n {
			r := make([]string, len(header))
			r[col[FID]] = fmt.Sprintf("id-%05d", i)
			r[col[FStatement]] = fmt.Sprintf("Statement, %d \"quoted\"\nnext line", i)
			r[col[FActor]] = fmt.Sprintf("Actor %d", i%7)
			r[col[FVerdict]] = "false"
			r[col[FSourceID]] = fmt.Sprintf("src-%d", i%11)
			r[col[FSourceTitle]] = fmt.Sprintf("Title %d", i%11)
			if rng.Intn(n/2+1) == 0 {
				switch rng.Intn(4) {
				case 0:
					r[col[FVerdict]] = "nope"
				case 1:
					r[col[FID]] = "id-00000"
				case 2:
					r[col[FSourceTitle]] = "Other"
				case 3:
					r[col[FNotes]] = "bad note"
				}
			}
			cw.record(r)
		}
		cw.flush()
		data := buf.Bytes()
		switch trial % 4 {
		case 1:
			data = append(data, "x,\"unterminated\r\n"...)
		case 2:
			data = append(data, "a,b\r\n"...)
		case 3:
			data = append(data, []byte("\xff,"+strings.Repeat(",", len(header)-2)+"\r\n")...)
		}
		parseMode = 0
		got, gotErr := Read(bytes.NewReader(data), Options{})
		parseMode = parseInOrder
		var want *Batch
		tab, wantErr := ReadTable(bytes.NewReader(data), Options{}, 0)
		if wantErr == nil {
			want, wantErr = Parse(tab, Options{})
		}
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("trial %d (%d rows): Read error %v, ReadTable+Parse error %v", trial, n, gotErr, wantErr)
		}
		if wantErr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: the batches differ", trial)
		}
	}
}
