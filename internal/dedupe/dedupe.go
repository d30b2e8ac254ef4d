// Package dedupe warns about likely duplicate claims: given the statement
// of a claim about to be created, imported or accepted, it finds the
// existing claims that look like the same assertion, so the reviewer can
// link to one instead of recording it twice.
//
// Similarity combines word overlap (Jaccard on normalised content words)
// with fuzzy matching (github.com/sahilm/fuzzy over the normalised text);
// the same actor raises the score, and a claim that denies what the other
// asserts is not its duplicate. It does no I/O.
package dedupe

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/sahilm/fuzzy"

	"claims/internal/model"
)

// Match is an existing claim that looks like the same assertion.
type Match struct {
	Claim model.ClaimSummary
	Score float64 // 0..1; at least Threshold
}

// Threshold is the score from which a claim is reported as a likely
// duplicate. The tests in dedupe_test.go hold made-up pairs that must and
// must not be reported: the lowest duplicate (the same words in another
// order, different actors) scores about 0.67, the highest non-duplicate (a
// denial of the very claim) 0.30 and a different claim about the same
// parties by the same actor 0.24; 0.5 sits between them with room either
// side.
const Threshold = 0.5

// SameActorBoost is added to the score when both claims have the same
// actor (aliases already resolve to one actor ID).
const SameActorBoost = 0.15

// Find returns up to limit existing claims whose statement (or quote) looks
// like statement, best first. actorID is the new claim's actor, or empty.
// A limit of zero or less means no limit. To check many statements against
// the same claims, build an Index once.
func Find(statement, actorID string, existing []model.ClaimSummary, limit int) []Match {
	return NewIndex(existing).Find(statement, actorID, limit)
}

// Index holds existing claims prepared for comparison.
type Index struct {
	claims    []model.ClaimSummary
	statement []text
	quote     []text
	// byWord lists, for each content word, the claims holding it as
	// i<<2 | inStatement | inQuote, so that Find counts the words a claim
	// shares with a statement, field by field, without comparing sets.
	byWord map[string][]int32
	// sizes are the numbers of distinct words in each claim's fields.
	sizes []struct{ st, qt uint16 }
	// scratches holds []overlap of one entry per claim, all zero, for
	// Find to count in; Finds may run at once.
	scratches sync.Pool
}

// overlap is how many of a statement's words a claim holds in either
// field, in its statement and in its quote.
type overlap struct{ any, st, qt int32 }

func (ix *Index) scratch() *[]overlap {
	if sc, ok := ix.scratches.Get().(*[]overlap); ok {
		return sc
	}
	sc := make([]overlap, len(ix.claims))
	return &sc
}

const (
	inStatement = 1
	inQuote     = 2
)

// NewIndex prepares existing claims for Find.
func NewIndex(existing []model.ClaimSummary) *Index {
	ix := &Index{claims: existing, statement: make([]text, len(existing)), quote: make([]text, len(existing)),
		byWord: map[string][]int32{}, sizes: make([]struct{ st, qt uint16 }, len(existing))}
	for i, c := range existing {
		ix.statement[i] = newText(c.Statement)
		ix.quote[i] = newText(c.Quote)
		ix.sizes[i].st = uint16(min(len(ix.statement[i].set), math.MaxUint16))
		ix.sizes[i].qt = uint16(min(len(ix.quote[i].set), math.MaxUint16))
		for w := range ix.statement[i].set {
			p := int32(i<<2 | inStatement)
			if ix.quote[i].set[w] {
				p |= inQuote
			}
			ix.byWord[w] = append(ix.byWord[w], p)
		}
		for w := range ix.quote[i].set {
			if !ix.statement[i].set[w] {
				ix.byWord[w] = append(ix.byWord[w], int32(i<<2|inQuote))
			}
		}
	}
	return ix
}

// Find is the package's Find over the indexed claims. Only claims that
// share a content word with statement are scored: without one, neither
// measure can reach the threshold.
func (ix *Index) Find(statement, actorID string, limit int) []Match {
	q := newText(statement)
	if len(q.words) == 0 {
		return nil
	}
	// Count shared words per claim, in either field and in each: the
	// counts in each field are the intersections word overlap needs.
	// Score only the claims that share enough for either measure to
	// reach the threshold: Jaccard needs shared words, and a contiguous
	// fuzzy match of the shorter text needs most of its words.
	scp := ix.scratch()
	defer ix.scratches.Put(scp)
	sc := *scp
	var touched []int32
	for w := range q.set {
		for _, p := range ix.byWord[w] {
			i := p >> 2
			o := &sc[i]
			if o.any == 0 {
				touched = append(touched, i)
			}
			o.any++
			o.st += p & inStatement
			o.qt += p & inQuote >> 1
		}
	}
	defer func() {
		for _, i := range touched {
			sc[i] = overlap{}
		}
	}()
	var out []Match
	for _, i := range touched {
		o, size := sc[i], ix.sizes[i]
		smaller := float64(min(len(q.set), int(max(size.st, size.qt))))
		if float64(o.any) < 0.3*smaller {
			continue
		}
		c, st, qt := &ix.claims[i], &ix.statement[i], &ix.quote[i]
		boost := 0.0
		if actorID != "" && c.ActorID == actorID {
			boost = SameActorBoost
		}
		// The fuzzy match is the costly part: try it only when most of
		// the shorter text's words are shared.
		fuzzyToo := float64(o.any) >= 0.6*smaller
		if !fuzzyToo && math.Max(jaccardOf(q, *st, int(o.st)), 0.9*jaccardOf(q, *qt, int(o.qt)))+boost < Threshold {
			continue
		}
		s := scoreWith(q, *st, int(o.st), fuzzyToo)
		if len(qt.words) > 0 {
			// The quote counts too, a little less: it carries the
			// source's words, not the reviewer's.
			s = math.Max(s, 0.9*scoreWith(q, *qt, int(o.qt), fuzzyToo))
		}
		s = math.Min(s+boost, 1)
		if s >= Threshold {
			out = append(out, Match{Claim: *c, Score: s})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Claim.ID < out[j].Claim.ID
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// text is a statement prepared for comparison.
type text struct {
	words   []string // normalised content words, in order
	joined  string   // the words joined by spaces, for the fuzzy measure
	set     map[string]bool
	negated bool // it denies or negates ("denies that …", "did not …")
}

func newText(s string) text {
	t := text{set: map[string]bool{}}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		w = strings.Trim(w, "'")
		w = strings.TrimSuffix(w, "'s")
		if negations[w] || strings.HasSuffix(w, "n't") {
			t.negated = true
			continue
		}
		if len(w) < 2 || stopWords[w] {
			continue
		}
		w = stem(w)
		t.words = append(t.words, w)
		t.set[w] = true
	}
	t.joined = strings.Join(t.words, " ")
	return t
}

// score is the similarity of two statements, 0..1, before the actor
// boost: the larger of their word overlap and their fuzzy similarity,
// cut to under a third when one negates what the other asserts.
func score(a, b text) float64 { return scoreWith(a, b, intersection(a, b), true) }

// scoreWith is score for texts that share inter words, with or without
// the fuzzy measure.
func scoreWith(a, b text, inter int, fuzzyToo bool) float64 {
	if len(a.words) == 0 || len(b.words) == 0 {
		return 0
	}
	s := jaccardOf(a, b, inter)
	if fuzzyToo {
		s = math.Max(s, 0.9*fuzzySim(a, b))
	}
	if a.negated != b.negated {
		// "X denies that …" answers a claim; it does not repeat it. Even
		// with the same actor's boost it stays below the threshold.
		s *= 0.3
	}
	return s
}

// intersection is how many words a and b share.
func intersection(a, b text) int {
	inter := 0
	for w := range a.set {
		if b.set[w] {
			inter++
		}
	}
	return inter
}

// jaccardOf is the word overlap of a and b, which share inter words; the
// cut for negation is scoreWith's.
func jaccardOf(a, b text, inter int) float64 {
	union := len(a.set) + len(b.set) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// fuzzySim matches the shorter normalised text against the longer with
// sahilm/fuzzy and measures how contiguous the match is: a statement that
// is the other with a few words added or dropped scores high, one whose
// letters merely occur in order scores low. Lengths that differ much
// lower the score.
func fuzzySim(a, b text) float64 {
	sa, sb := a.joined, b.joined
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) < 8 {
		return 0
	}
	ms := fuzzy.Find(sa, []string{sb})
	if len(ms) == 0 {
		return 0
	}
	idx := ms[0].MatchedIndexes
	adjacent := 0
	for i := 1; i < len(idx); i++ {
		if idx[i] == idx[i-1]+1 {
			adjacent++
		}
	}
	contiguity := float64(adjacent) / float64(len(idx)-1)
	return contiguity * math.Sqrt(float64(len(sa))/float64(len(sb)))
}

var negations = map[string]bool{"not": true, "no": true, "never": true, "denies": true, "deny": true, "denied": true,
	"rejects": true, "rejected": true, "false": true, "untrue": true, "neither": true, "nor": true}

var stopWords = map[string]bool{"the": true, "a": true, "an": true, "and": true, "or": true, "but": true, "of": true,
	"to": true, "in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "that": true,
	"this": true, "these": true, "those": true, "it": true, "its": true, "is": true, "are": true, "was": true, "were": true,
	"be": true, "been": true, "being": true, "has": true, "have": true, "had": true, "he": true, "she": true, "they": true,
	"them": true, "their": true, "his": true, "her": true, "we": true, "our": true, "as": true, "which": true, "who": true,
	"will": true, "would": true, "could": true, "should": true, "can": true, "may": true, "might": true, "so": true,
	"than": true, "then": true, "there": true, "also": true, "into": true, "about": true, "over": true, "after": true,
	"before": true, "since": true, "such": true, "some": true, "any": true, "all": true, "both": true, "said": true,
	"says": true, "do": true, "does": true, "did": true, "if": true, "while": true, "when": true, "what": true}

// stem is a light suffix stripper: "harboring", "harbored" and "harbors"
// meet at "harbor".
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if n := len(w); n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		w = w[:n-1]
	}
	return strings.TrimSuffix(w, "e")
}

// Scan is Find for a single statement over claims that are not indexed,
// as when a reviewer saves one new claim: instead of preparing every
// claim, it first keeps those whose statement or quote holds, as a
// substring, one of the statement's content words of four letters or more
// (a word's stem is always a prefix of it, so no claim sharing such a word
// is passed over), and compares only those.
func Scan(statement, actorID string, existing []model.ClaimSummary, limit int) []Match {
	q := newText(statement)
	var stems []string
	for w := range q.set {
		if len(w) >= 4 {
			stems = append(stems, w)
		}
	}
	if len(stems) == 0 {
		return nil
	}
	var candidates []model.ClaimSummary
	for _, c := range existing {
		s, qt := strings.ToLower(c.Statement), strings.ToLower(c.Quote)
		for _, w := range stems {
			if strings.Contains(s, w) || strings.Contains(qt, w) {
				candidates = append(candidates, c)
				break
			}
		}
	}
	return NewIndex(candidates).Find(statement, actorID, limit)
}
