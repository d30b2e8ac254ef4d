package search

import (
	"bytes"
	"context"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// How Search gets its speed while giving exactly what referenceSearch
// gives (search_equal_test.go checks it on thousands of random queries):
//
//   - each distinct text is matched once per term, however many claims
//     share it (actor names, aliases, outlets, tags, source titles);
//   - texts are lower-cased once, when the index is built, and a pure
//     ASCII text is matched by jumping between the occurrences of the
//     pattern's letters (bytes.IndexByte) instead of visiting every rune,
//     computing the same scores and positions as fuzzy.Find;
//   - a 64-bit letter mask per text rejects most texts before matching;
//   - a term that extends one searched recently ("bomb" after "bom") is
//     matched only against the texts that matched the shorter one: a text
//     in which fuzzy.Find finds "bomb" also holds "bom" in order;
//   - the texts, then the claims, are split across the cores;
//   - a search whose context is cancelled stops within a few thousand
//     texts.

// text is one distinct searchable string.
type text struct {
	s     string
	lo    []byte // ASCII-lower-cased copy of s up to its first NUL, when s is ASCII; see upper
	ascii bool
	mask  uint64 // letters of lo (bit c&63); all ones when not ASCII
}

func newText(s string, arena *[]byte) text {
	clean := s
	if i := strings.IndexByte(s, 0); i >= 0 {
		clean = s[:i]
	}
	t := text{s: s, ascii: true}
	for i := 0; i < len(clean); i++ {
		if clean[i] >= utf8.RuneSelf {
			t.ascii = false
			break
		}
	}
	if !t.ascii {
		t.mask = math.MaxUint64
		return t
	}
	// The lower-cased copy is followed by a bitmap of the upper-case
	// letters, within lo's capacity: matching then never reads s, which
	// lies elsewhere in memory (a cache miss per text).
	n, nb := len(clean), (len(clean)+7)/8
	if cap(*arena)-len(*arena) < n+nb {
		*arena = make([]byte, 0, max(1<<16, n+nb))
	}
	start := len(*arena)
	*arena = (*arena)[:start+n+nb]
	buf := (*arena)[start:]
	clear(buf[n:])
	for i := 0; i < n; i++ {
		c := clean[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			buf[n+i/8] |= 1 << (i % 8)
		}
		buf[i] = c
		t.mask |= 1 << (c & 63)
	}
	t.lo = buf[: n : n+nb]
	return t
}

// upper reports whether byte i of an ASCII text is an upper-case letter.
func upper(lo []byte, i int) bool {
	return lo[:cap(lo)][len(lo)+i/8]&(1<<(i%8)) != 0
}

// ref is one text of one claim: the field in the top three bits, the
// text below them (four bytes, where a struct took sixteen).
type ref uint32

const refTextBits = 29

func newRef(f Field, text int32) ref { return ref(uint32(f)<<refTextBits | uint32(text)) }

func (r ref) field() Field { return Field(r >> refTextBits) }
func (r ref) text() int32  { return int32(r & (1<<refTextBits - 1)) }

// claimRefs are the texts of claim ci.
func (ix *Index) claimRefs(ci int) []ref { return ix.refs[ix.refStart[ci]:ix.refStart[ci+1]] }

// noMatch marks a text that a term does not match.
const noMatch = math.MinInt32

// termResult is how one term matched every text.
type termResult struct {
	term  string
	runes []rune
	// matched lists, in ascending order, the texts in which fuzzy.Find
	// matches the term at all (before the closeness check): the only
	// texts a longer term starting with this one can match.
	matched []int32
	// score[t] is the term's score in text t (fuzzy's, or the whole-word
	// fallback's) before the field weight, or noMatch. at[t] says where
	// its len(runes) byte offsets are: worker at[t]>>28, offset at[t]&(1<<28-1).
	score []int32
	at    []uint32
	pos   [][]int32
	// accepted lists the texts with a score; reach is how many claim
	// references they have.
	accepted []int32
	reach    int
}

func (r *termResult) positions(t int32) []int32 {
	a := r.at[t]
	off := int(a & (1<<28 - 1))
	return r.pos[a>>28][off : off+len(r.runes)]
}

const maxCachedTerms = 4

// workers is how many goroutines share a search.
func workers() int { return min(runtime.GOMAXPROCS(0), 16) }

// term returns the term's matches, from the cache or by matching the texts
// that could match it.
func (ix *Index) term(ctx context.Context, term string) (*termResult, error) {
	runes := []rune(term)
	ix.mu.Lock()
	var from *termResult
	for i, r := range ix.terms {
		if r.term == term {
			copy(ix.terms[1:i+1], ix.terms[:i])
			ix.terms[0] = r
			ix.mu.Unlock()
			return r, nil
		}
		if len(r.runes) < len(runes) && slices.Equal(r.runes, runes[:len(r.runes)]) &&
			(from == nil || len(r.runes) > len(from.runes)) {
			from = r
		}
	}
	ix.mu.Unlock()

	res := &termResult{term: term, runes: runes,
		score: make([]int32, len(ix.texts)), at: make([]uint32, len(ix.texts))}
	for i := range res.score {
		res.score[i] = noMatch
	}
	var candidates []int32
	n := len(ix.texts)
	if from != nil {
		candidates = from.matched
		n = len(candidates)
	}
	w := min(workers(), max(1, n/2048))
	res.pos = make([][]int32, w)
	matched := make([][]int32, w)
	accepted := make([][]int32, w)
	var wg sync.WaitGroup
	var cancelled bool
	var cmu sync.Mutex
	for k := range w {
		lo, hi := k*n/w, (k+1)*n/w
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := newMatcher(runes, term)
			// Sized for the worst case, so that appending never copies.
			mine := make([]int32, 0, hi-lo)
			acc := make([]int32, 0, hi-lo)
			arena := make([]int32, 0, (hi-lo)*len(runes))
			for i := lo; i < hi; i++ {
				if (i-lo)&4095 == 4095 && ctx.Err() != nil {
					cmu.Lock()
					cancelled = true
					cmu.Unlock()
					return
				}
				t := int32(i)
				if candidates != nil {
					t = candidates[i]
				}
				tx := &ix.texts[t]
				if tx.mask&m.mask != m.mask {
					continue
				}
				score, ok := m.match(tx, m.buf)
				if !ok {
					continue
				}
				mine = append(mine, t)
				pos := m.buf
				if !m.tight(tx, pos) {
					// The matcher may have picked scattered letters where
					// the word also appears whole further on.
					if !m.substring(tx, pos) {
						continue
					}
					score = 10 * len(runes)
				}
				res.score[t] = int32(score)
				acc = append(acc, t)
				res.at[t] = uint32(k)<<28 | uint32(len(arena))
				arena = append(arena, pos...)
			}
			matched[k] = mine
			accepted[k] = acc
			res.pos[k] = slices.Clip(arena)
			if cap(arena) > 4*len(arena)+1024 {
				res.pos[k] = slices.Clone(arena) // kept in the cache
			}
		}()
	}
	wg.Wait()
	if cancelled {
		return nil, ctx.Err()
	}
	total := 0
	for _, m := range matched {
		total += len(m)
	}
	res.matched = make([]int32, 0, total)
	for _, m := range matched {
		res.matched = append(res.matched, m...)
	}
	for _, a := range accepted {
		res.accepted = append(res.accepted, a...)
	}
	for _, t := range res.accepted {
		res.reach += int(ix.claimStart[t+1] - ix.claimStart[t])
	}

	ix.mu.Lock()
	ix.terms = append([]*termResult{res}, ix.terms...)
	if len(ix.terms) > maxCachedTerms {
		ix.terms = ix.terms[:maxCachedTerms]
	}
	ix.mu.Unlock()
	return res, nil
}

// Search returns the claims that pass f and match every word of query,
// best first, each with what matched where; an empty query returns every
// claim that passes f, in index order. A word matches a field when its
// letters appear in that field in order and close together ("imrn" finds
// "Imran", "kbl" finds "Kabul"). The window uses SearchContext, which
// works out a hit's positions only for the rows it draws.
func (ix *Index) Search(query string, f Filter) []Hit {
	r, _ := ix.SearchContext(context.Background(), query, f)
	return r.Hits()
}

// SearchContext finds what Search finds, as Results whose Hit(i) gives
// Search's i-th hit. It gives up, returning ctx's error, once ctx is
// done: the window cancels a search when a newer one starts.
func (ix *Index) SearchContext(ctx context.Context, query string, f Filter) (*Results, error) {
	terms := strings.Fields(query)
	if len(terms) == 0 {
		if f == (Filter{}) {
			return &Results{ix: ix, all: true}, nil
		}
		var keys []uint64
		for i := range ix.claims {
			if f.match(&ix.claims[i]) {
				keys = append(keys, key(0, i))
			}
		}
		return &Results{ix: ix, keys: keys}, nil
	}
	results := make([]*termResult, len(terms))
	for i, t := range terms {
		r, err := ix.term(ctx, t)
		if err != nil {
			return nil, err
		}
		results[i] = r
	}

	// Score the claims, a share of them per worker: every claim, or when
	// one term matches few texts, only the claims that hold them.
	rarest := results[0]
	for _, r := range results[1:] {
		if r.reach < rarest.reach {
			rarest = r
		}
	}
	var candidates []int32
	if rarest.reach < len(ix.claims)/2 {
		seen := make([]uint64, (len(ix.claims)+63)/64)
		for _, t := range rarest.accepted {
			for _, ci := range ix.claimsOf[ix.claimStart[t]:ix.claimStart[t+1]] {
				seen[ci/64] |= 1 << (ci % 64)
			}
		}
		candidates = make([]int32, 0, rarest.reach)
		for i, word := range seen {
			for word != 0 {
				b := bits.TrailingZeros64(word)
				candidates = append(candidates, int32(i*64+b))
				word &= word - 1
			}
		}
	}
	n := len(ix.claims)
	if candidates != nil {
		n = len(candidates)
	}
	w := min(workers(), max(1, n/4096))
	keys := make([][]uint64, w)
	var wg sync.WaitGroup
	for k := range w {
		lo, hi := k*n/w, (k+1)*n/w
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := make([]uint64, 0, hi-lo)
			for i := lo; i < hi; i++ {
				if (i-lo)&4095 == 4095 && ctx.Err() != nil {
					return
				}
				ci := i
				if candidates != nil {
					ci = int(candidates[i])
				}
				if !f.match(&ix.claims[ci]) {
					continue
				}
				score, ok := ix.scoreClaim(ci, results)
				if ok {
					mine = append(mine, key(score, ci))
				}
			}
			keys[k] = mine
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var all []uint64
	if w == 1 {
		all = keys[0]
	} else {
		total := 0
		for _, k := range keys {
			total += len(k)
		}
		all = make([]uint64, 0, total)
		for _, k := range keys {
			all = append(all, k...)
		}
	}
	sortKeys(all)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &Results{ix: ix, keys: all, terms: results}, nil
}

// key orders hits by score, best first, then by index order.
func key(score, order int) uint64 {
	return uint64(math.MaxUint32-uint32(int64(score)-math.MinInt32))<<32 | uint64(uint32(order))
}

// scoreOf is the score a key was made from.
func scoreOf(k uint64) int {
	return int(int64(math.MaxUint32-uint32(k>>32)) + math.MinInt32)
}

func sortKeys(keys []uint64) {
	if len(keys) < 1<<12 {
		slices.Sort(keys)
		return
	}
	radixSort(keys)
}

// radixSort sorts keys by 16-bit digits, skipping the digits all keys share.
func radixSort(keys []uint64) {
	tmp := make([]uint64, len(keys))
	src, dst := keys, tmp
	var and, or uint64 = math.MaxUint64, 0
	for _, k := range keys {
		and &= k
		or |= k
	}
	diff := and ^ or
	var count [1 << 16]int
	for shift := uint(0); shift < 64; shift += 16 {
		if (diff>>shift)&0xffff == 0 {
			continue
		}
		clear(count[:])
		for _, k := range src {
			count[(k>>shift)&0xffff]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, k := range src {
			d := (k >> shift) & 0xffff
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

// bestFields finds, for one term, the best-scoring text of each field of
// claim ci (the first one on a tie) and returns the best field's score
// and the set of fields that matched (bit 1<<field); best and which are
// valid for those fields only.
func (ix *Index) bestFields(ci int, r *termResult, best, which *[numFields]int32) (int32, uint8) {
	top, set := int32(noMatch), uint8(0)
	for _, rf := range ix.claimRefs(ci) {
		t, f := rf.text(), rf.field()
		s := r.score[t]
		if s == noMatch {
			continue
		}
		s += int32(weight[f])
		if bit := uint8(1) << f; set&bit == 0 || s > best[f] {
			best[f], which[f] = s, t
			set |= bit
		}
		top = max(top, s)
	}
	return top, set
}

// scoreClaim is the claim's score: the sum over the terms of the best
// field's score; false when a term matches none of its fields.
func (ix *Index) scoreClaim(ci int, results []*termResult) (int, bool) {
	refs := ix.claimRefs(ci)
	score := 0
	for _, r := range results {
		top := int32(noMatch)
		for _, rf := range refs {
			if s := r.score[rf.text()]; s != noMatch {
				top = max(top, s+int32(weight[rf.field()]))
			}
		}
		if top == noMatch {
			return 0, false
		}
		score += int(top)
	}
	return score, true
}

func sortCompact(s []int) []int {
	if !slices.IsSorted(s) {
		slices.Sort(s)
	}
	return slices.Compact(s)
}

// matcher matches one term against texts as fuzzy.Find does.
type matcher struct {
	runes []rune
	term  string
	// pat is the term as lower-case ASCII bytes, when every rune of it
	// can equal an ASCII letter; asciiOK is false otherwise, and then no
	// ASCII text matches.
	pat     []byte
	asciiOK bool
	// termASCII is whether the term itself is ASCII (pat is then it
	// lower-cased).
	termASCII bool
	mask      uint64
	buf       []int32
}

func newMatcher(runes []rune, term string) *matcher {
	m := &matcher{runes: runes, term: term, asciiOK: true, buf: make([]int32, len(runes))}
	m.termASCII = len(runes) == len(term)
	for _, r := range runes {
		switch {
		case r == '\u212a': // Kelvin sign, which folds to k
			r = 'k'
		case r == '\u017f': // long s, which folds to s
			r = 's'
		case r >= utf8.RuneSelf || r == 0:
			m.asciiOK = false
		}
		c := byte(r)
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		m.pat = append(m.pat, c)
		m.mask |= 1 << (c & 63)
	}
	if !m.asciiOK {
		m.mask = 0 // let the texts that are not ASCII through
	}
	return m
}

// match reports whether fuzzy.Find matches the term in t, with its score
// and the byte offsets of the matched runes in pos.
func (m *matcher) match(t *text, pos []int32) (int, bool) {
	if t.ascii {
		if !m.asciiOK {
			return 0, false
		}
		return matchASCII(t.lo, m.pat, pos)
	}
	return matchRunes(t.s, m.runes, pos)
}

// substring is the package's substring, writing the offsets into pos.
func (m *matcher) substring(t *text, pos []int32) bool {
	if t.ascii && len(t.lo) == len(t.s) {
		// An ASCII window of len(term) bytes has as many runes as the
		// term only when the term is ASCII too.
		if !m.termASCII {
			return false
		}
		i := bytes.Index(t.lo, m.pat)
		if i < 0 {
			return false
		}
		for j := range pos {
			pos[j] = int32(i + j)
		}
		return true
	}
	sub := substring(t.s, m.term)
	if sub == nil {
		return false
	}
	for j, p := range sub {
		pos[j] = int32(p)
	}
	return true
}

// tight is the package's tight for the matcher's positions.
func (m *matcher) tight(t *text, pos []int32) bool {
	span := t.s[pos[0]:pos[len(pos)-1]]
	if t.ascii {
		return len(span) <= 2*len(m.runes)
	}
	return utf8.RuneCountInString(span) <= 2*len(m.runes)
}

// The scores of fuzzy.Find.
const (
	firstCharMatchBonus            = 10
	matchFollowingSeparatorBonus   = 20
	camelCaseMatchBonus            = 20
	adjacentMatchBonus             = 5
	unmatchedLeadingCharPenalty    = -5
	maxUnmatchedLeadingCharPenalty = -15
)

func isSeparator(c rune) bool {
	switch c {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}

// matchASCII is fuzzy.Find's matching of one ASCII string (lo is it
// lower-cased, cut at the first NUL, with its upper-case bitmap) against
// the lower-case pattern p.
//
// fuzzy.Find walks s once. For the k-th pattern letter it considers every
// occurrence from where the previous letter was settled up to the
// character before the next occurrence of letter k+1 (to the end of s for
// the last letter), and keeps the first best-scoring one. Only those
// occurrences are visited here.
func matchASCII(lo []byte, p []byte, pos []int32) (int, bool) {
	n := len(lo)
	start := bytes.IndexByte(lo, p[0])
	if start < 0 {
		return 0, false
	}
	total, currAdj, lastMatch := 0, 0, -1
	for k := range p {
		end := n - 1
		if k < len(p)-1 {
			next := bytes.IndexByte(lo[start+1:], p[k+1])
			if next < 0 {
				return 0, false
			}
			end = start + next
		}
		best, bi := -1, -1
		for j := start; ; {
			score := 0
			if j == 0 {
				score += firstCharMatchBonus
			} else {
				last := lo[j-1]
				if 'a' <= last && last <= 'z' && !upper(lo, j-1) && upper(lo, j) {
					score += camelCaseMatchBonus
				}
				if isSeparator(rune(last)) {
					score += matchFollowingSeparatorBonus
				}
			}
			if k > 0 && j-1 == lastMatch {
				bonus := currAdj*2 + adjacentMatchBonus
				score += bonus
				currAdj += bonus
			}
			if score > best {
				best, bi = score, j
			}
			// After the first occurrence of a region only the camel-case
			// or the separator bonus can score, 20 at most: a 20 found
			// there cannot be beaten.
			if j == end || best >= camelCaseMatchBonus && j > start {
				break
			}
			nj := bytes.IndexByte(lo[j+1:end+1], p[k])
			if nj < 0 {
				break
			}
			j += 1 + nj
		}
		if k == 0 {
			best += max(bi*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
		}
		total += best
		pos[k] = int32(bi)
		lastMatch = bi
		start = end + 1
	}
	return total + len(p) - n, true
}

// matchRunes is fuzzy.Find's matching of one string, rune by rune, as the
// library does it.
func matchRunes(s string, runes []rune, pos []int32) (int, bool) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	matched := 0
	total := 0
	score := 0
	patternIndex := 0
	bestScore := -1
	matchedIndex := -1
	currAdj := 0
	var last rune
	var lastIndex int
	nextc, nextSize := utf8.DecodeRuneInString(s)
	var candidate rune
	var candidateSize int
	for j := 0; j < len(s); j += candidateSize {
		candidate, candidateSize = nextc, nextSize
		if equalFold(candidate, runes[patternIndex]) {
			score = 0
			if j == 0 {
				score += firstCharMatchBonus
			}
			if unicode.IsLower(last) && unicode.IsUpper(candidate) {
				score += camelCaseMatchBonus
			}
			if j != 0 && isSeparator(last) {
				score += matchFollowingSeparatorBonus
			}
			if matched > 0 {
				lastMatch := int(pos[matched-1])
				bonus := 0
				if lastMatch == lastIndex {
					bonus = currAdj*2 + adjacentMatchBonus
				}
				score += bonus
				currAdj += bonus
			}
			if score > bestScore {
				bestScore = score
				matchedIndex = j
			}
		}
		var nextp rune
		if patternIndex < len(runes)-1 {
			nextp = runes[patternIndex+1]
		}
		if j+candidateSize < len(s) {
			if s[j+candidateSize] < utf8.RuneSelf {
				nextc, nextSize = rune(s[j+candidateSize]), 1
			} else {
				nextc, nextSize = utf8.DecodeRuneInString(s[j+candidateSize:])
			}
		} else {
			nextc, nextSize = 0, 0
		}
		if equalFold(nextp, nextc) || nextc == 0 {
			if matchedIndex > -1 {
				if matched == 0 {
					bestScore += max(matchedIndex*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
				}
				total += bestScore
				if matched < len(pos) {
					pos[matched] = int32(matchedIndex)
				}
				matched++
				score = 0
				bestScore = -1
				patternIndex++
			}
		}
		lastIndex = j
		last = candidate
	}
	if matched != len(runes) {
		return 0, false
	}
	return total + matched - len(s), true
}

// equalFold is fuzzy's: whether two runes are equal under simple folding.
func equalFold(tr, sr rune) bool {
	if tr == sr {
		return true
	}
	if tr < sr {
		tr, sr = sr, tr
	}
	if tr < utf8.RuneSelf {
		return 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A'
	}
	r := unicode.SimpleFold(sr)
	for r != sr && r < tr {
		r = unicode.SimpleFold(r)
	}
	return r == tr
}
