package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// entry is one searchable text of one claim.
type entry struct {
	claim int // index into Index.claims
	field Field
	text  string
}

type entrySource []entry

func (s entrySource) String(i int) string { return s[i].text }
func (s entrySource) Len() int            { return len(s) }

// entries lists every searchable text of every claim in the reference
// order: per claim its statement, actor, quote, source title, outlet and
// tags, then every alias of every actor for each claim that actor made.
func (ix *Index) entries() []entry {
	var entries []entry
	byActor := make(map[string][]int)
	for i := range ix.claims {
		c := &ix.claims[i]
		byActor[c.ActorID] = append(byActor[c.ActorID], i)
		add := func(f Field, s string) {
			if s != "" {
				entries = append(entries, entry{i, f, s})
			}
		}
		add(Statement, c.Statement)
		add(Actor, c.ActorName)
		add(Quote, c.Quote)
		add(SourceTitle, c.SourceTitle)
		add(SourceOutlet, c.SourceOutlet)
		for _, t := range c.Tags {
			add(Tag, t)
		}
	}
	for _, a := range ix.actors {
		for _, al := range a.Aliases {
			for _, ci := range byActor[a.ID] {
				entries = append(entries, entry{ci, Alias, al})
			}
		}
	}
	return entries
}

// fieldMatch is the best match of one query term in one field of a claim.
type fieldMatch struct {
	score int
	pos   []int
	text  string
}

// referenceSearch is the straightforward implementation that Search must
// equal: fuzzy.FindFromNoSort of each term over every entry, then each
// other entry tried for a form of the term (forms.go). It returns the claims that pass f and match every word of query,
// best first; an empty query returns every claim that passes f, in index
// order. A word matches a field when its letters appear in that field in
// order and close together ("imrn" finds "Imran", "kbl" finds "Kabul").
func (ix *Index) referenceSearch(query string, f Filter) []Hit {
	entries := ix.entries()
	terms := strings.Fields(query)
	if len(terms) == 0 {
		var hits []Hit
		for i := range ix.claims {
			if f.match(&ix.claims[i]) {
				hits = append(hits, Hit{Claim: &ix.claims[i], order: i})
			}
		}
		return hits
	}
	// best[t][claim][field] is the best match of term t.
	type perClaim map[int]*[numFields]*fieldMatch
	var perTerm []perClaim
	for _, term := range terms {
		pc := make(perClaim)
		n := utf8.RuneCountInString(term)
		keep := func(e entry, score int, pos []int) {
			fields := pc[e.claim]
			if fields == nil {
				fields = new([numFields]*fieldMatch)
				pc[e.claim] = fields
			}
			score += weight[e.field]
			if old := fields[e.field]; old == nil || score > old.score {
				fields[e.field] = &fieldMatch{score: score, pos: slices.Clone(pos), text: e.text}
			}
		}
		accepted := make(map[int]bool)
		for _, m := range fuzzy.FindFromNoSort(term, entrySource(entries)) {
			e := entries[m.Index]
			if !f.match(&ix.claims[e.claim]) {
				continue
			}
			if !tight(e.text, m.MatchedIndexes, n) {
				// The matcher may have picked scattered letters where
				// the word also appears whole further on.
				pos := substring(e.text, term)
				if pos == nil {
					continue
				}
				m.MatchedIndexes, m.Score = pos, 10*n
			}
			accepted[m.Index] = true
			keep(e, m.Score, m.MatchedIndexes)
		}
		// The other texts may hold another form of the word.
		if stemmed, prefix, ok := wordForm(term); ok {
			for i, e := range entries {
				if accepted[i] || !f.match(&ix.claims[e.claim]) {
					continue
				}
				if pos := formPos(e.text, stemmed, prefix); pos != nil {
					keep(e, formScore, pos)
				}
			}
		}
		perTerm = append(perTerm, pc)
	}
	var hits []Hit
	for ci := range perTerm[0] {
		h := Hit{Claim: &ix.claims[ci], order: ci}
		ok := true
		seenAlso := map[string]bool{}
		for _, pc := range perTerm {
			fields := pc[ci]
			if fields == nil {
				ok = false
				break
			}
			best := -1 << 31
			for fi, fm := range fields {
				if fm == nil {
					continue
				}
				best = max(best, fm.score)
				switch Field(fi) {
				case Statement:
					h.StatementPos = append(h.StatementPos, fm.pos...)
				case Actor:
					h.ActorPos = append(h.ActorPos, fm.pos...)
				default:
					var also string
					if Field(fi) == Quote {
						also = "quote"
					} else {
						also = Field(fi).String() + ` "` + fm.text + `"`
					}
					if !seenAlso[also] && fields[Statement] == nil && fields[Actor] == nil {
						seenAlso[also] = true
						h.Also = append(h.Also, also)
					}
				}
			}
			h.Score += best
		}
		if !ok {
			continue
		}
		slices.Sort(h.StatementPos)
		h.StatementPos = slices.Compact(h.StatementPos)
		slices.Sort(h.ActorPos)
		h.ActorPos = slices.Compact(h.ActorPos)
		hits = append(hits, h)
	}
	// Best score first; ties keep the index order (newest first).
	slices.SortFunc(hits, func(a, b Hit) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return a.order - b.order
	})
	return hits
}
