package csvio

import (
	"bufio"
	"io"
	"strings"

	"claims/internal/db"
	"claims/internal/model"
)

// Field names a column of the claims shape; the header row spells them.
type Field string

// The columns of the claims shape, in file order.
const (
	FID           Field = "id"
	FStatement    Field = "statement"
	FQuote        Field = "quote"
	FActor        Field = "actor"
	FActorKind    Field = "actor kind"
	FActorAliases Field = "actor aliases"
	FActorID      Field = "actor id"
	FSubjects     Field = "subjects"
	FSourceID     Field = "source id"
	FSourceTitle  Field = "source title"
	FOutlet       Field = "outlet"
	FURL          Field = "url"
	FPublished    Field = "publication date"
	FMadeOn       Field = "date made"
	FVerdict      Field = "verdict"
	FReviewURL    Field = "review url"
	FExplanation  Field = "rating explanation"
	FReviewedOn   Field = "review date"
	FTags         Field = "tags"
	FCounters     Field = "counter-claims"
	FCounterIDs   Field = "counter-claim ids"
	FSupporterIDs Field = "supported by ids"
	FNotes        Field = "notes"
	FCreatedAt    Field = "created at"
	FUpdatedAt    Field = "updated at"
)

// ClaimsColumns lists the claims shape's columns in file order.
func ClaimsColumns() []Field {
	return []Field{FID, FStatement, FQuote, FActor, FActorKind, FActorAliases, FActorID, FSubjects,
		FSourceID, FSourceTitle, FOutlet, FURL, FPublished, FMadeOn, FVerdict, FReviewURL, FExplanation, FReviewedOn,
		FTags, FCounters, FCounterIDs, FSupporterIDs, FNotes, FCreatedAt, FUpdatedAt}
}

// claimFieldOf is the claim field a column gives, or "" for columns that
// give none (ids of links, notes, times).
func claimFieldOf(f Field) model.ClaimField {
	switch f {
	case FStatement:
		return model.FieldStatement
	case FQuote:
		return model.FieldQuote
	case FActor, FActorID:
		return model.FieldActor
	case FSubjects:
		return model.FieldSubjects
	case FSourceID, FSourceTitle, FOutlet, FURL, FPublished:
		return model.FieldSource
	case FMadeOn:
		return model.FieldMadeOn
	case FVerdict:
		return model.FieldVerdict
	case FReviewURL:
		return model.FieldReviewURL
	case FExplanation:
		return model.FieldExplanation
	case FReviewedOn:
		return model.FieldReviewedOn
	case FTags:
		return model.FieldTags
	}
	return ""
}

// PairsColumns is the header of the pairs shape.
func PairsColumns() []string {
	return []string{"claim id", "claim actor", "claim statement", "claim verdict", "relation",
		"counter-claim id", "counter-claim actor", "counter-claim statement", "counter-claim verdict",
		"claim source", "claim source url", "counter-claim source", "counter-claim source url"}
}

// WriteOptions adjust how a file is written.
type WriteOptions struct {
	BOM bool // start with a UTF-8 byte order mark, which Excel wants
}

// csvWriter writes RFC 4180 records with CRLF endings, neutralising
// formula-looking cells.
type csvWriter struct {
	w   *bufio.Writer
	buf []byte
	err error
}

func newCSVWriter(w io.Writer, opt WriteOptions) *csvWriter {
	cw := &csvWriter{w: bufio.NewWriterSize(w, 64<<10)}
	if opt.BOM {
		cw.w.WriteString("\uFEFF")
	}
	return cw
}

func (cw *csvWriter) record(fields []string) {
	if cw.err != nil {
		return
	}
	cw.buf = cw.buf[:0]
	for i, f := range fields {
		if i > 0 {
			cw.buf = append(cw.buf, ',')
		}
		cw.buf = appendCell(cw.buf, f)
	}
	cw.buf = append(cw.buf, '\r', '\n')
	_, cw.err = cw.w.Write(cw.buf)
}

func (cw *csvWriter) flush() error {
	if cw.err != nil {
		return cw.err
	}
	return cw.w.Flush()
}

// index gives fast lookups into a snapshot.
type index struct {
	actors   map[string]model.Actor
	sources  map[string]model.Source
	claims   map[string]model.Claim
	answered map[string][]db.LinkInfo // by the answered claim (To)
	notes    map[string][]model.Annotation
}

func newIndex(s *db.Snapshot) *index {
	ix := &index{
		actors:   make(map[string]model.Actor, len(s.Actors)),
		sources:  make(map[string]model.Source, len(s.Sources)),
		claims:   make(map[string]model.Claim, len(s.Claims)),
		answered: make(map[string][]db.LinkInfo),
		notes:    make(map[string][]model.Annotation),
	}
	for _, a := range s.Actors {
		ix.actors[a.ID] = a
	}
	for _, src := range s.Sources {
		ix.sources[src.ID] = src
	}
	for _, c := range s.Claims {
		ix.claims[c.ID] = c
	}
	for _, l := range s.Links {
		ix.answered[l.ToID] = append(ix.answered[l.ToID], l)
	}
	for _, n := range s.Notes {
		ix.notes[n.ClaimID] = append(ix.notes[n.ClaimID], n)
	}
	return ix
}

// sourceCell describes a source in one cell: "Title (Outlet, 2024-03-27)".
func sourceCell(src model.Source) string {
	if src.ID == "" {
		return ""
	}
	var extra []string
	for _, s := range []string{src.Outlet, src.Published} {
		if s != "" {
			extra = append(extra, s)
		}
	}
	if len(extra) == 0 {
		return src.Title
	}
	return src.Title + " (" + strings.Join(extra, ", ") + ")"
}

// WritePairs writes the pairs shape: one row per claim and a claim that
// denies, disputes or contradicts it, ordered like the claims shape (by
// the claim, then by the counter-claim's age).
func WritePairs(w io.Writer, s *db.Snapshot, opt WriteOptions) error {
	cw := newCSVWriter(w, opt)
	cw.record(PairsColumns())
	ix := newIndex(s)
	for _, c := range s.Claims {
		for _, l := range ix.answered[c.ID] {
			if !l.Relation.Opposes() {
				continue
			}
			cc := ix.claims[l.FromID]
			src, csrc := ix.sources[c.SourceID], ix.sources[cc.SourceID]
			cw.record([]string{
				c.ID, ix.actors[c.ActorID].Name, c.Statement, string(c.Verdict), string(l.Relation),
				cc.ID, ix.actors[cc.ActorID].Name, cc.Statement, string(cc.Verdict),
				sourceCell(src), src.URL, sourceCell(csrc), csrc.URL,
			})
		}
	}
	return cw.flush()
}

// RecordWriter writes CSV records as every export of the package does
// (RFC 4180, CRLF, formula-looking cells neutralised).
type RecordWriter struct{ cw *csvWriter }

// NewRecordWriter returns a RecordWriter on w.
func NewRecordWriter(w io.Writer) *RecordWriter {
	return &RecordWriter{newCSVWriter(w, WriteOptions{})}
}

// Write writes one record.
func (r *RecordWriter) Write(cells []string) { r.cw.record(cells) }

// Flush writes what is buffered and returns the first error met.
func (r *RecordWriter) Flush() error { return r.cw.flush() }
