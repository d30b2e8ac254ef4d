// Package search is the fuzzy index behind the search box: it matches a
// query against each claim's statement, quote, actor (name and aliases),
// source title and outlet and tags, ranks the claims, and reports which
// characters of the statement and the actor name matched so the list can
// highlight them.
//
// It knows neither Fyne nor SQL: build an Index from the claims and actors
// the store listed, and call Search as often as the query changes. An Index
// is read-only once built, so any number of goroutines may search it.
package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"claims/internal/model"
)

// Field names a part of a claim that a query can match.
type Field int

// The fields a query is matched against.
const (
	Statement Field = iota
	Actor
	Quote
	Alias
	SourceTitle
	SourceOutlet
	Tag
	numFields
)

// String is the field as the list names it ("quote", "alias" …).
func (f Field) String() string {
	return [...]string{"statement", "actor", "quote", "alias", "source", "outlet", "tag"}[f]
}

// weight favours matches in what the list shows.
var weight = [numFields]int{Statement: 30, Actor: 40, Quote: 10, Alias: 35, SourceTitle: 10, SourceOutlet: 10, Tag: 20}

// Filter narrows a search to one verdict and one actor; zero values match all.
type Filter struct {
	Verdict model.Verdict // "" for any verdict
	ActorID string        // "" for any actor
}

func (f Filter) match(c *model.ClaimSummary) bool {
	return (f.Verdict == "" || c.Verdict == f.Verdict) && (f.ActorID == "" || c.ActorID == f.ActorID)
}

// Hit is one claim that matched.
type Hit struct {
	Claim *model.ClaimSummary // points into the Index; do not modify
	Score int                 // higher is better
	// StatementPos and ActorPos are the byte offsets, in Claim.Statement
	// and Claim.ActorName, of the characters that matched: each is the
	// start of one UTF-8 encoded rune.
	StatementPos []int
	ActorPos     []int
	// Also lists what else matched, for the fields the list does not
	// show, e.g. `alias "Kabul"` or `tag "ttp"`, best first.
	Also []string

	order int // position in the index, for stable ranking
}

// entry is one searchable text of one claim.
type entry struct {
	claim int // index into Index.claims
	field Field
	text  string
}

// Index is a searchable snapshot of the claims.
type Index struct {
	claims  []model.ClaimSummary
	entries []entry
	byActor map[string][]int // actor id -> claims it made
}

type entrySource []entry

func (s entrySource) String(i int) string { return s[i].text }
func (s entrySource) Len() int            { return len(s) }

// New builds an index over claims, in the order given (which is the order
// of an empty query), and actors, whose aliases find the claims they made.
func New(claims []model.ClaimSummary, actors []model.Actor) *Index {
	ix := &Index{claims: claims, byActor: make(map[string][]int)}
	for i := range claims {
		c := &claims[i]
		ix.byActor[c.ActorID] = append(ix.byActor[c.ActorID], i)
		add := func(f Field, s string) {
			if s != "" {
				ix.entries = append(ix.entries, entry{i, f, s})
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
	for _, a := range actors {
		for _, al := range a.Aliases {
			for _, ci := range ix.byActor[a.ID] {
				ix.entries = append(ix.entries, entry{ci, Alias, al})
			}
		}
	}
	return ix
}

// Len is the number of claims in the index.
func (ix *Index) Len() int { return len(ix.claims) }

// fieldMatch is the best match of one query term in one field of a claim.
type fieldMatch struct {
	score int
	pos   []int
	text  string
}

// Search returns the claims that pass f and match every word of query,
// best first; an empty query returns every claim that passes f, in index
// order. A word matches a field when its letters appear in that field in
// order and close together ("imrn" finds "Imran", "kbl" finds "Kabul").
func (ix *Index) Search(query string, f Filter) []Hit {
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
		for _, m := range fuzzy.FindFromNoSort(term, entrySource(ix.entries)) {
			e := ix.entries[m.Index]
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
			fields := pc[e.claim]
			if fields == nil {
				fields = new([numFields]*fieldMatch)
				pc[e.claim] = fields
			}
			score := m.Score + weight[e.field]
			if old := fields[e.field]; old == nil || score > old.score {
				fields[e.field] = &fieldMatch{score: score, pos: slices.Clone(m.MatchedIndexes), text: e.text}
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

// tight accepts a match whose letters lie close together: a word of n
// letters may spread over at most 2n+1 characters, so "imran" does not
// match any long sentence that merely holds an i, an m, an r, an a and an n.
func tight(text string, pos []int, n int) bool {
	if len(pos) == 0 {
		return false
	}
	return utf8.RuneCountInString(text[pos[0]:pos[len(pos)-1]]) <= 2*n
}

// substring returns the byte offsets of the runes of the first
// case-insensitive occurrence of term in text, or nil.
func substring(text, term string) []int {
	for i := 0; i+len(term) <= len(text); {
		if strings.EqualFold(text[i:i+len(term)], term) {
			var pos []int
			for j := range text[i : i+len(term)] {
				pos = append(pos, i+j)
			}
			return pos
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return nil
}
