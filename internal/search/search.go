// Package search is the fuzzy index behind the search box: it matches a
// query against each claim's statement, quote, actor (name and aliases),
// source title and outlet and tags, ranks the claims, and reports which
// characters of the statement and the actor name matched so the list can
// highlight them. A word also finds its other English forms (forms.go),
// ranked after every exact match. Filter narrows a search or a listing
// (filter.go) and Results.Sorted orders it (order.go), so that the window,
// exports and other views share them.
//
// It knows neither Fyne nor SQL: build an Index from the claims and actors
// the store listed, and call Search (or SearchContext, which a newer query
// can cancel) as often as the query changes. Its claims are read-only once
// built; it remembers the matches of the last few words, under a lock, to
// narrow the next keystroke's work, so any number of goroutines may search
// it. Search gives exactly what the straightforward fuzzy.Find-based
// referenceSearch gives; fast.go says how it is faster.
package search

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

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

// Index is a searchable snapshot of the claims. Each distinct text
// (statement, actor name, alias, outlet …) is held once, with a
// lower-cased copy, whatever number of claims share it.
type Index struct {
	claims []model.ClaimSummary
	actors []model.Actor

	// texts[t] describes strs[t]; lower holds the lower-cased copies of
	// the ASCII ones, each followed by its bitmap of upper-case letters.
	texts []text
	strs  []string
	lower []byte
	// refs[refStart[i]:refStart[i+1]] are the texts of claim i, in the
	// order a tie between two texts of one field is settled (first wins).
	refs     []ref
	refStart []int32
	// claimsOf[claimStart[t]:claimStart[t+1]] are the claims that hold
	// text t, possibly more than once.
	claimsOf   []int32
	claimStart []int32

	mu    sync.Mutex
	terms []*termResult // recent terms, newest first, to narrow from
	// formCache holds the texts of the last few stems looked up (see
	// forms.go), newest first.
	formCache []*formResult
	// orders ranks the claims for each sort order (order.go).
	orders orderRanks
	within *restriction // the last restriction made
	// spare is a buffer for a term's states (see termResult.states) that
	// no term holds: a term that does not narrow from the newest one
	// writes its states there.
	spare []asciiState
}

// New builds an index over claims, in the order given (which is the order
// of an empty query), and actors, whose aliases find the claims they made.
func New(claims []model.ClaimSummary, actors []model.Actor) *Index {
	ix := &Index{claims: claims, actors: actors}
	ids := make(map[string]int32)
	// Texts are listed first and lower-cased at the end, on every core.
	intern := func(s string) int32 {
		if id, ok := ids[s]; ok {
			return id
		}
		id := int32(len(ix.strs))
		ids[s] = id
		ix.strs = append(ix.strs, s)
		return id
	}
	aliases := make(map[string][]int32) // actor id -> its aliases' texts
	for _, a := range actors {
		for _, al := range a.Aliases {
			if al != "" {
				aliases[a.ID] = append(aliases[a.ID], intern(al))
			}
		}
	}
	ix.strs = slices.Grow(ix.strs, 2*len(claims)+len(claims)/4+len(ids)+1024)
	ix.refStart = make([]int32, 0, len(claims)+1)
	ix.refs = make([]ref, 0, 6*len(claims))
	for i := range claims {
		c := &claims[i]
		ix.refStart = append(ix.refStart, int32(len(ix.refs)))
		add := func(f Field, s string) {
			if s != "" {
				ix.refs = append(ix.refs, newRef(f, intern(s)))
			}
		}
		// Statements and quotes are rarely shared: hashing them would cost
		// more than matching the odd duplicate twice.
		own := func(f Field, s string) {
			if s != "" {
				ix.refs = append(ix.refs, newRef(f, int32(len(ix.strs))))
				ix.strs = append(ix.strs, s)
			}
		}
		own(Statement, c.Statement)
		add(Actor, c.ActorName)
		own(Quote, c.Quote)
		add(SourceTitle, c.SourceTitle)
		add(SourceOutlet, c.SourceOutlet)
		for _, t := range c.Tags {
			add(Tag, t)
		}
		for _, al := range aliases[c.ActorID] {
			ix.refs = append(ix.refs, newRef(Alias, al))
		}
	}
	ix.refStart = append(ix.refStart, int32(len(ix.refs)))

	done := ix.lowerTexts()

	// The claims of each text, for searches that match few texts.
	ix.claimStart = make([]int32, len(ix.strs)+1)
	for _, rf := range ix.refs {
		ix.claimStart[rf.text()+1]++
	}
	for i := 1; i < len(ix.claimStart); i++ {
		ix.claimStart[i] += ix.claimStart[i-1]
	}
	ix.claimsOf = make([]int32, len(ix.refs))
	next := slices.Clone(ix.claimStart[:len(ix.strs)])
	for ci := range claims {
		for _, rf := range ix.claimRefs(ci) {
			ix.claimsOf[next[rf.text()]] = int32(ci)
			next[rf.text()]++
		}
	}
	<-done
	return ix
}

// Len is the number of claims in the index.
func (ix *Index) Len() int { return len(ix.claims) }

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
