package search

import (
	"bytes"
	"context"
	"encoding/binary"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
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
//   - a 64-bit mask per text, with a bit of its own for each letter,
//     rejects most texts before matching;
//   - in a plain text (most are: no camel case, no separator but the
//     space) a word of one letter is scored from the masks and the first
//     three bytes, without a search; for a longer word the last letter is
//     sought only where tight would accept it, since a match that ends
//     further on is loose whatever its score;
//   - a term that extends one searched recently ("bomb" after "bom") is
//     matched only against the texts that matched the shorter one: a text
//     in which fuzzy.Find finds "bomb" also holds "bom" in order;
//   - the texts, then the claims, are split across the cores, in chunks
//     that a core takes when done with one, so that a core another
//     program holds up does less of the work;
//   - a search whose context is cancelled stops within a few thousand
//     texts.

// text describes one distinct searchable string, Index.strs[t], in
// 24 bytes and no pointer (nothing for the garbage collector to follow):
// 64-bit masks of its letters and, for an ASCII string, where its
// lower-cased copy lies in Index.lower.
type text struct {
	mask uint64 // the bytes of lo (see bit); all ones when not ASCII
	// after has the bit of each byte of lo that follows a space.
	after uint64
	off   uint32 // lo is Index.lower[off : off+len], followed by the bitmap
	n     uint32 // len(lo) | textASCII | textCut | textPlain
}

const (
	textASCII = 1 << 31 // the string is ASCII up to its first NUL
	textCut   = 1 << 30 // it holds a NUL, where fuzzy.Find stops reading
	// textPlain marks an ASCII text in which no letter follows a
	// separator other than a space, and no upper-case letter follows a
	// lower-case one: only a space can give a letter the 20-point bonus.
	textPlain = 1 << 29
	textLen   = textPlain - 1
)

func (t *text) ascii() bool { return t.n&textASCII != 0 }

// lo is the ASCII-lower-cased copy of an ASCII text up to its first NUL;
// its capacity reaches over the bitmap of the upper-case letters (see
// upper), so that matching never reads the original string, which lies
// elsewhere in memory (a cache miss per text).
func (ix *Index) lo(t *text) []byte {
	n := t.n & textLen
	return ix.lower[t.off : t.off+n : t.off+n+(n+7)/8]
}

// lowerTexts fills texts and lower from strs on every core, in two passes:
// sizes, then copies. It returns a channel closed when done.
func (ix *Index) lowerTexts() <-chan struct{} {
	ix.texts = make([]text, len(ix.strs))
	done := make(chan struct{})
	go func() {
		defer close(done)
		n, w := len(ix.strs), workers()
		var wg sync.WaitGroup
		each := func(fn func(lo, hi int)) {
			for k := range w {
				wg.Add(1)
				go func() {
					defer wg.Done()
					fn(k*n/w, (k+1)*n/w)
				}()
			}
			wg.Wait()
		}
		each(func(lo, hi int) {
			for i := lo; i < hi; i++ {
				ix.texts[i] = measureText(ix.strs[i])
			}
		})
		off := 0
		for i := range ix.texts {
			t := &ix.texts[i]
			if t.ascii() {
				t.off = uint32(off)
				l := int(t.n & textLen)
				off += l + (l+7)/8
			}
		}
		ix.lower = make([]byte, off)
		each(func(lo, hi int) {
			for i := lo; i < hi; i++ {
				if t := &ix.texts[i]; t.ascii() {
					var plain bool
					t.mask, t.after, plain = lowerASCII(ix.strs[i][:t.n&textLen], ix.lower[t.off:])
					if plain {
						t.n |= textPlain
					}
				}
			}
		})
	}()
	return done
}

// measureText says whether s is ASCII up to its first NUL, and how long
// that part is.
func measureText(s string) text {
	const ones, high uint64 = 0x0101010101010101, 0x8080808080808080
	t := text{mask: math.MaxUint64}
	// One pass, eight bytes at a time, up to the first NUL or byte that
	// is not ASCII; then byte by byte.
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// x&high: a byte that is not ASCII; (x-ones)&^x&high: a zero byte
		// (or not ASCII).
		if (x|(x-ones)&^x)&high != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if s[i] == 0 {
			t.n |= textCut
			break
		}
		if s[i] >= utf8.RuneSelf {
			if strings.IndexByte(s[i:], 0) >= 0 {
				t.n |= textCut
			}
			return t
		}
	}
	t.n |= textASCII | uint32(i)
	return t
}

// lowerASCII writes the ASCII s lower-cased into dst, followed by a bitmap
// of its upper-case letters, and returns the mask of its letters and
// whether the text is plain (see textPlain). Eight bytes at a time: a
// byte is upper case when adding 0x3f sets its top bit ('A' and up) and
// adding 0x25 does not ('[' and up), lower case likewise with 0x1f and
// 0x05; for ASCII bytes no sum carries into the next byte.
func lowerASCII(s string, dst []byte) (mask, after uint64, plain bool) {
	const ones, high uint64 = 0x0101010101010101, 0x8080808080808080
	// zero has the top bit of each byte of t that is zero.
	zero := func(t uint64) uint64 { return ^((t&^high + ^high) | t | ^high) }
	n := len(s)
	lo, bitmap := dst[:n], dst[n:n+(n+7)/8]
	copy(lo, s)
	var odd, prevLower uint64 // odd: a separator or a camel-case hump
	var prevSpace uint64      // 0x80 when the byte before the word is a space
	for i := 0; i < n; i += 8 {
		// The last word is read and written through tail, padded with
		// zeros, which no test below takes for a letter, a separator or a
		// space, and which the letters' mask does not see.
		var x uint64
		var tail [8]byte
		valid := ^uint64(0) // the word's bytes that s has
		if i+8 <= n {
			x = binary.LittleEndian.Uint64(lo[i:])
		} else {
			copy(tail[:], lo[i:])
			x = binary.LittleEndian.Uint64(tail[:])
			valid = 1<<(8*(n-i)) - 1
		}
		up := (x + 0x3f3f3f3f3f3f3f3f) &^ (x + 0x2525252525252525) & high
		low := (x + 0x1f1f1f1f1f1f1f1f) &^ (x + 0x0505050505050505) & high
		seps := zero(x^('/'*ones)) | zero(x^('-'*ones)) | zero(x^('_'*ones)) | zero(x^('.'*ones)) | zero(x^('\\'*ones))
		if i+8 >= n {
			seps &^= 0x80 << (8 * (n - 1 - i)) // the last character precedes nothing
		}
		odd |= seps | (low<<8|prevLower)&up
		prevLower = low >> 56
		x |= up >> 2
		if valid == ^uint64(0) {
			binary.LittleEndian.PutUint64(lo[i:], x)
		} else {
			binary.LittleEndian.PutUint64(tail[:], x)
			copy(lo[i:], tail[:])
		}
		bitmap[i/8] = byte(((up >> 7) * 0x0102040810204080) >> 56)
		// fol marks the bytes that follow a space.
		spaces := zero(x ^ (' ' * ones))
		for fol := (spaces<<8 | prevSpace) & valid; fol != 0; fol &= fol - 1 {
			after |= bits64[byte(x>>(bits.TrailingZeros64(fol)-7))]
		}
		prevSpace = spaces >> 56
		// The padding takes the value of the first byte.
		x |= (x & 0xff) * ones &^ valid
		mask |= bits64[byte(x)] | bits64[byte(x>>8)] | bits64[byte(x>>16)] | bits64[byte(x>>24)] |
			bits64[byte(x>>32)] | bits64[byte(x>>40)] | bits64[byte(x>>48)] | bits64[byte(x>>56)]
	}
	return mask, after, odd == 0
}

// bit is the bit of the lower-cased ASCII byte c in a text's masks: c&63,
// except that the bytes '!' to ':', which would share the bits of the
// letters, take those of the upper-case letters, which a lower-cased text
// never holds. Each letter thus has a bit of its own, and a mask says
// exactly whether a text holds it; other bytes may share theirs.
func bit(c byte) uint64 {
	b := c & 63
	if c-'!' <= ':'-'!' {
		b -= 32
	}
	return 1 << b
}

// bits64[c] is bit(c), looked up faster.
var bits64 = func() (t [256]uint64) {
	for c := range 256 {
		t[c] = bit(byte(c))
	}
	return t
}()

// isLetter reports whether c is a lower-case ASCII letter.
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' }

// indexAfterSpace is the index in lo of the first c that follows a space,
// or -1.
func indexAfterSpace(lo []byte, c byte) int {
	const ones, high uint64 = 0x0101010101010101, 0x8080808080808080
	zero := func(t uint64) uint64 { return ^((t&^high + ^high) | t | ^high) }
	i := 0
	for ; i+9 <= len(lo); i += 8 {
		a, b := binary.LittleEndian.Uint64(lo[i:]), binary.LittleEndian.Uint64(lo[i+1:])
		if m := zero(a^(' '*ones)) & zero(b^(uint64(c)*ones)); m != 0 {
			return i + bits.TrailingZeros64(m)/8 + 1
		}
	}
	for ; i+1 < len(lo); i++ {
		if lo[i] == ' ' && lo[i+1] == c {
			return i + 1
		}
	}
	return -1
}

// upper reports whether byte i of an ASCII text is an upper-case letter.
func upper(lo []byte, i int) bool {
	return lo[:cap(lo)][len(lo)+i/8]&(1<<(i%8)) != 0
}

// ref is one text of one claim: the field in the top three bits, the
// text below them (four bytes, where a struct took sixteen).
type ref uint32

const refTextBits = 29

// refWeight is weight by a ref's top three bits.
var refWeight = func() (w [8]int32) {
	for f := range numFields {
		w[f] = int32(weight[f])
	}
	return w
}()

func newRef(f Field, text int32) ref { return ref(uint32(f)<<refTextBits | uint32(text)) }

func (r ref) field() Field { return Field(r >> refTextBits) }
func (r ref) text() int32  { return int32(r & (1<<refTextBits - 1)) }

// claimRefs are the texts of claim ci.
func (ix *Index) claimRefs(ci int) []ref { return ix.refs[ix.refStart[ci]:ix.refStart[ci+1]] }

// noMatch marks a text that a term does not match.
const noMatch = math.MinInt32

// termResult is how one term matched every text. Its sets of texts have
// bit t%64 of word t/64 for text t.
type termResult struct {
	term  string
	runes []rune
	// matched is the set of texts in which fuzzy.Find matches the term at
	// all (before the closeness check): the only texts a longer term
	// starting with this one can match.
	matched []uint64
	// score[t] is the term's score in text t (fuzzy's, or the whole-word
	// fallback's) before the field weight, or noMatch.
	score []int32
	// accepted is the set of texts with a score; reach is how many claim
	// references they have.
	accepted []uint64
	reach    int
	// states[t] is, for each matched text t of a term of two letters or
	// more, where matchASCII stood before the term's last letter (start
	// -1 when the text is not ASCII): a term one or more letters longer
	// resumes from there instead of matching the whole term again. Only
	// the newest term of the cache keeps its states, and the next term
	// to narrow from it takes them and writes its own over them (see
	// Index.spare).
	states []asciiState
	// within, when set, is the restriction the term was matched under:
	// only its texts were tried, and every other text reads noMatch.
	within *restriction
	// formOnly is the set of texts accepted by a form of the term alone
	// (see forms.go), with the stem and prefix that found them; nil when
	// the term has no forms to look up.
	formOnly        []uint64
	stemmed, prefix string
}

// restriction is the texts of the claims that another word of the query
// matched, when that word is rare: a word typed after it ("kabul ar")
// need only be tried on them.
type restriction struct {
	by   *termResult // the rare word, unrestricted
	bits []uint64    // the texts, as a set
}

// restriction returns the restriction to the claims r matched: the one
// made last when it was made for r (a term typed key by key then narrows
// from its shorter self under the same restriction), else a new one.
func (ix *Index) restriction(r *termResult) *restriction {
	ix.mu.Lock()
	w := ix.within
	ix.mu.Unlock()
	if w != nil && w.by == r {
		return w
	}
	w = ix.restrict(r)
	ix.mu.Lock()
	ix.within = w
	ix.mu.Unlock()
	return w
}

// restrict returns the texts of the claims holding r's accepted texts.
func (ix *Index) restrict(r *termResult) *restriction {
	w := &restriction{by: r, bits: make([]uint64, len(r.accepted))}
	for i, word := range r.accepted {
		for ; word != 0; word &= word - 1 {
			t := i*64 + bits.TrailingZeros64(word)
			for _, ci := range ix.claimsOf[ix.claimStart[t]:ix.claimStart[t+1]] {
				for _, rf := range ix.claimRefs(int(ci)) {
					x := rf.text()
					w.bits[x/64] |= 1 << (x % 64)
				}
			}
		}
	}
	return w
}

// cached returns the unrestricted result of term from the cache, or nil.
func (ix *Index) cached(term string) *termResult {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for i, r := range ix.terms {
		if r.term == term && r.within == nil {
			copy(ix.terms[1:i+1], ix.terms[:i])
			ix.terms[0] = r
			return r
		}
	}
	return nil
}

// positions are the byte offsets of the runes matched in text t, which
// has a score. They are worked out again, as term worked them out, for the
// few hits a list draws.
func (r *termResult) positions(ix *Index, t int32) []int32 {
	if r.formOnlyAt(t) {
		var out []int32
		for _, p := range formPos(ix.strs[t], r.stemmed, r.prefix) {
			out = append(out, int32(p))
		}
		return out
	}
	m := newMatcher(r.runes, r.term)
	if _, kind := m.match(ix, t, 0, nil); kind != matchTight {
		m.substring(ix, t, m.buf, 0)
	}
	return m.buf
}

// Scratch buffers shared by successive searches: the typing of one word
// would otherwise allocate, and leave to the garbage collector, several
// megabytes per keystroke at 100,000 claims.
var (
	int32s  sync.Pool // *[]int32
	uint64s sync.Pool // *[]uint64
)

// getInt32s returns an empty buffer with room for n.
func getInt32s(n int) []int32 {
	if p, ok := int32s.Get().(*[]int32); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]int32, 0, n)
}

func putInt32s(s []int32) { int32s.Put(&s) }

// getUint64s returns an empty buffer with room for n.
func getUint64s(n int) []uint64 {
	if p, ok := uint64s.Get().(*[]uint64); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]uint64, 0, n)
}

func putUint64s(s []uint64) { uint64s.Put(&s) }

const maxCachedTerms = 4

// workers is how many goroutines share a search.
func workers() int { return min(runtime.GOMAXPROCS(0), 16) }

// chunksFor is how many pieces a search's work is cut into for w
// workers (see share).
func chunksFor(w int) int {
	if w == 1 {
		return 1
	}
	return 8 * w
}

// share calls fn once for each chunk from 0 to chunks-1, on w goroutines
// (fn's worker, 0 to w-1) each of which takes the next chunk when done
// with one: a core that another program holds up then does less of the
// work instead of holding up the search.
func share(w, chunks int, fn func(worker, chunk int)) {
	if w == 1 {
		for c := range chunks {
			fn(0, c)
		}
		return
	}
	var next atomic.Int32
	var wg sync.WaitGroup
	for k := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := int(next.Add(1)) - 1; c < chunks; c = int(next.Add(1)) - 1 {
				fn(k, c)
			}
		}()
	}
	wg.Wait()
}

// term returns the term's matches, from the cache or by matching the texts
// that could match it; with within set, only within's texts.
func (ix *Index) term(ctx context.Context, term string, within *restriction) (*termResult, error) {
	runes := []rune(term)
	ix.mu.Lock()
	var from *termResult
	for i, r := range ix.terms {
		// A result made under another restriction lacks texts this one
		// may need.
		usable := r.within == nil || r.within == within
		if r.term == term && usable {
			copy(ix.terms[1:i+1], ix.terms[:i])
			ix.terms[0] = r
			ix.mu.Unlock()
			return r, nil
		}
		if usable && len(r.runes) < len(runes) && slices.Equal(r.runes, runes[:len(r.runes)]) &&
			(from == nil || len(r.runes) > len(from.runes)) {
			from = r
		}
	}
	// The states go over the shorter term's, which they resume from, or
	// into a spare buffer (a term of one letter leaves nothing to
	// resume).
	var states []asciiState
	k0 := 0
	if len(runes) >= 2 {
		if from != nil && from.states != nil {
			states, from.states = from.states, nil
			k0 = len(from.runes) - 1
		} else {
			states, ix.spare = ix.spare, nil
		}
	}
	ix.mu.Unlock()
	if len(runes) >= 2 && states == nil {
		states = make([]asciiState, len(ix.strs))
	}

	nw := (len(ix.strs) + 63) / 64
	res := &termResult{term: term, runes: runes, score: make([]int32, len(ix.strs)), within: within,
		matched: make([]uint64, nw), accepted: make([]uint64, nw)}
	// The texts to try: all, a restriction's, or those the shorter term
	// matched (in the restriction, when that term was not restricted).
	scan := termScan{ix: ix, runes: runes, term: term, res: res, states: states, k0: k0}
	switch {
	case from != nil:
		scan.set = from.matched
		if within != nil && from.within == nil {
			scan.and = within.bits
		}
	case within != nil:
		scan.set = within.bits
	}
	// Split the words of the sets into chunks of as many texts.
	count := make([]int32, nw+1)
	for i := range nw {
		count[i+1] = count[i] + int32(bits.OnesCount64(scan.word(i)))
	}
	n := int(count[nw])
	w := min(workers(), max(1, n/2048))
	chunks := chunksFor(w)
	split := make([]int, chunks+1)
	for c := range split {
		split[c], _ = slices.BinarySearch(count, int32(c*n/chunks))
	}
	split[chunks] = nw
	reach := make([]int, w)
	done := make([]bool, chunks)
	share(w, chunks, func(k, c int) {
		r, ok := scan.run(ctx, split[c], split[c+1])
		reach[k] += r
		done[c] = ok
	})
	if slices.Contains(done, false) {
		if states != nil {
			ix.mu.Lock()
			if ix.spare == nil {
				ix.spare = states
			}
			ix.mu.Unlock()
		}
		return nil, ctx.Err()
	}
	res.states = states
	for _, r := range reach {
		res.reach += r
	}
	if err := ix.addForms(ctx, res, within); err != nil {
		if states != nil {
			ix.mu.Lock()
			if ix.spare == nil {
				ix.spare = states
			}
			ix.mu.Unlock()
		}
		return nil, err
	}

	ix.mu.Lock()
	for _, r := range ix.terms {
		// No search uses the states of a term in the cache: one that
		// reads them takes them.
		if r.states != nil && ix.spare == nil {
			ix.spare = r.states
		}
		r.states = nil
	}
	ix.terms = append([]*termResult{res}, ix.terms...)
	if len(ix.terms) > maxCachedTerms {
		ix.terms = ix.terms[:maxCachedTerms]
	}
	ix.mu.Unlock()
	return res, nil
}

// termScan is the matching of one term against some texts, which term
// shares between the cores.
type termScan struct {
	ix    *Index
	runes []rune
	term  string
	// The texts to try are those of set (all, when it is nil) that are
	// also in and (when it is set).
	set, and []uint64
	res      *termResult // whose score, matched and accepted are filled in
	// states, for a term of two letters or more, receives the states of
	// the matched texts; with k0 > 0 it holds those of the shorter term,
	// to resume from.
	states []asciiState
	k0     int
}

// word is word i of the set of texts to try.
func (s *termScan) word(i int) uint64 {
	w := ^uint64(0)
	if s.set != nil {
		w = s.set[i]
	}
	if s.and != nil {
		w &= s.and[i]
	}
	if n := len(s.ix.strs); i == (n-1)/64 && n%64 != 0 {
		w &= 1<<(n%64) - 1
	}
	return w
}

// run matches the texts to try of words lo to hi-1 of the sets and
// returns how many claim references the accepted ones have; ok is false
// when ctx was done first.
//
// What the loop reads is kept in local variables: a goroutine that reads
// a variable on the heap next to one another core writes (a shared
// closure's, a small buffer's) waits for the cache line at every text.
func (s *termScan) run(ctx context.Context, lo, hi int) (reach int, ok bool) {
	ix, states, k0 := s.ix, s.states, s.k0
	score, matched, accepted := s.res.score, s.res.matched, s.res.accepted
	m := newMatcher(s.runes, s.term)
	mask, asciiOK := m.mask, m.asciiOK
	keep := states != nil
	// The chunks of the sets cover all the texts: each marks its own
	// texts unscored (the words of the sets are theirs to write too).
	fill := score[min(lo*64, len(score)):min(hi*64, len(score))]
	for i := range fill {
		fill[i] = noMatch
	}
	// A letter alone is scored in plain texts without a search.
	single := len(m.pat) == 1 && asciiOK && isLetter(m.pat[0])
	for wi := lo; wi < hi; wi++ {
		if (wi-lo)&63 == 63 && ctx.Err() != nil {
			return 0, false
		}
		var mine, acc uint64 // words wi of matched and accepted
		for word := s.word(wi); word != 0; word &= word - 1 {
			b := bits.TrailingZeros64(word)
			t := int32(wi*64 + b)
			tx := &ix.texts[t]
			if tx.mask&mask != mask || tx.ascii() && !asciiOK {
				continue
			}
			if single && tx.n&textPlain != 0 {
				mine, acc = mine|1<<b, acc|1<<b
				score[t] = int32(oneLetter(ix.lo(tx), m.pat[0], tx.after))
				reach += int(ix.claimStart[t+1] - ix.claimStart[t])
				continue
			}
			var st *asciiState // where the text's state is read and written
			letter, noSub := 0, false
			if keep {
				st = &states[t]
				if k0 > 0 && st.start >= 0 {
					letter, noSub = k0, st.start&noSubstring != 0
					st.start &^= noSubstring
				}
			}
			var sc int
			var kind matchKind
			if tx.n&textPlain != 0 {
				sc, kind = matchPlain(ix.lo(tx), m.pat, m.buf, tx.after, letter, st)
			} else {
				sc, kind = m.match(ix, t, letter, st)
			}
			if kind == matchNone {
				continue
			}
			mine |= 1 << b
			accept := kind == matchTight
			if !accept && !noSub {
				// The matcher may have picked scattered letters where the
				// word also appears whole further on (not when the shorter
				// term does not). A plain text's loose match tells where
				// it may start at the earliest (see matchPlain).
				at := 0
				if tx.n&textPlain != 0 {
					at = max(0, int(m.buf[len(m.buf)-1])-(len(m.buf)-1))
				}
				if accept = m.substring(ix, t, m.buf, at); accept {
					sc = 10 * len(m.runes)
				} else {
					noSub = true
				}
			}
			if noSub && st != nil && st.start >= 0 {
				st.start |= noSubstring
			}
			if accept {
				score[t] = int32(sc)
				acc |= 1 << b
				reach += int(ix.claimStart[t+1] - ix.claimStart[t])
			}
		}
		matched[wi], accepted[wi] = mine, acc
	}
	return reach, true
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
	// The words already matched, and among them the rarest: when it holds
	// few claims, the others are matched only on those claims' texts.
	results := make([]*termResult, len(terms))
	var rare *termResult
	for i, t := range terms {
		if results[i] = ix.cached(t); results[i] != nil && results[i].reach < len(ix.claims)/2 &&
			(rare == nil || results[i].reach < rare.reach) {
			rare = results[i]
		}
	}
	var within *restriction
	for i, t := range terms {
		if results[i] != nil {
			continue
		}
		if rare != nil && within == nil {
			within = ix.restriction(rare)
		}
		r, err := ix.term(ctx, t, within)
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
		nw := (len(ix.claims) + 63) / 64
		seen := getUint64s(nw)[:nw]
		clear(seen)
		for i, word := range rarest.accepted {
			for ; word != 0; word &= word - 1 {
				t := i*64 + bits.TrailingZeros64(word)
				for _, ci := range ix.claimsOf[ix.claimStart[t]:ix.claimStart[t+1]] {
					seen[ci/64] |= 1 << (ci % 64)
				}
			}
		}
		candidates = getInt32s(rarest.reach)
		for i, word := range seen {
			for word != 0 {
				b := bits.TrailingZeros64(word)
				candidates = append(candidates, int32(i*64+b))
				word &= word - 1
			}
		}
		putUint64s(seen)
		defer putInt32s(candidates)
	}
	n := len(ix.claims)
	if candidates != nil {
		n = len(candidates)
	}
	w := min(workers(), max(1, n/4096))
	chunks := chunksFor(w)
	keys := make([][]uint64, chunks)
	filtered := f != (Filter{})
	share(w, chunks, func(_, c int) {
		lo, hi := c*n/chunks, (c+1)*n/chunks
		mine := getUint64s(hi - lo)
		keys[c] = mine
		for i := lo; i < hi; i++ {
			if (i-lo)&4095 == 4095 && ctx.Err() != nil {
				return
			}
			ci := i
			if candidates != nil {
				ci = int(candidates[i])
			}
			if filtered && !f.match(&ix.claims[ci]) {
				continue
			}
			score, ok := ix.scoreClaim(ci, results)
			if ok {
				mine = append(mine, key(score, ci))
			}
		}
		keys[c] = mine
	})
	defer func() {
		for _, k := range keys {
			putUint64s(k)
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The keys are in index order: ranking them is sorting by score,
	// keeping that order among equal scores.
	all := sortKeys(keys)
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

// sortKeys returns, in a new slice in ascending order, the keys of parts,
// which are in ascending index order (the low 32 bits) one part after the
// other.
func sortKeys(parts [][]uint64) []uint64 {
	total := 0
	lo, hi := uint32(math.MaxUint32), uint32(0)
	for _, p := range parts {
		total += len(p)
		for _, k := range p {
			lo, hi = min(lo, uint32(k>>32)), max(hi, uint32(k>>32))
		}
	}
	if total >= 1<<12 && hi-lo < 1<<12 {
		return countingSort(parts, total, lo, hi)
	}
	all := make([]uint64, 0, total)
	for _, p := range parts {
		all = append(all, p...)
	}
	if total < 1<<12 {
		slices.Sort(all)
	} else {
		radixSort(all)
	}
	return all
}

// countingSort returns the total keys of parts, in ascending index order,
// sorted by their score part, which lies in [lo, hi]: one stable pass
// straight from the parts keeps the index order among equal scores.
func countingSort(parts [][]uint64, total int, lo, hi uint32) []uint64 {
	count := make([]int, hi-lo+2)
	for _, p := range parts {
		for _, k := range p {
			count[uint32(k>>32)-lo+1]++
		}
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	out := make([]uint64, total)
	for _, p := range parts {
		for _, k := range p {
			d := uint32(k>>32) - lo
			out[count[d]] = k
			count[d]++
		}
	}
	return out
}

// radixSort sorts keys by 16-bit digits, skipping the digits all keys share.
func radixSort(keys []uint64) {
	tmp := getUint64s(len(keys))[:len(keys)]
	defer putUint64s(tmp)
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
		sc := r.score
		top := int32(noMatch)
		for _, rf := range refs {
			if s := sc[rf&(1<<refTextBits-1)]; s != noMatch {
				top = max(top, s+refWeight[rf>>refTextBits])
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
	// buf takes a cache line of its own at least (see termScan.run).
	m := &matcher{runes: runes, term: term, asciiOK: true, buf: make([]int32, len(runes), max(len(runes), 16))}
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
		m.mask |= bit(c)
	}
	if !m.asciiOK {
		m.mask = 0 // let the texts that are not ASCII through
	}
	return m
}

// How fuzzy.Find matched a term in a text.
type matchKind uint8

const (
	matchNone  matchKind = iota // not at all
	matchLoose                  // with letters spread wider than tight allows
	matchTight                  // as tight accepts: the score and positions hold
)

// match is how fuzzy.Find matches the term in t, with its score and the
// byte offsets of the matched runes in m.buf when tight accepts them. For
// an ASCII text it starts at letter k0 from the state st and writes the
// state before the last letter over it, as matchASCII does (st may be nil
// when k0 is 0); for another, st's start is set to -1.
func (m *matcher) match(ix *Index, t int32, k0 int, st *asciiState) (int, matchKind) {
	tx := &ix.texts[t]
	var score int
	var ok bool
	switch {
	case !tx.ascii():
		if st != nil {
			st.start = -1
		}
		if score, ok = matchRunes(ix.strs[t], m.runes, m.buf); ok &&
			utf8.RuneCountInString(ix.strs[t][m.buf[0]:m.buf[len(m.buf)-1]]) <= 2*len(m.runes) {
			return score, matchTight
		}
	case !m.asciiOK:
		return 0, matchNone
	case tx.n&textPlain != 0:
		return matchPlain(ix.lo(tx), m.pat, m.buf, tx.after, k0, st)
	default:
		if score, ok = matchASCII(ix.lo(tx), m.pat, m.buf, k0, st); ok &&
			int(m.buf[len(m.buf)-1]-m.buf[0]) <= 2*len(m.runes) {
			return score, matchTight
		}
	}
	if ok {
		return 0, matchLoose
	}
	return 0, matchNone
}

// substring is the package's substring, writing the offsets into pos.
// In an ASCII text without a NUL, no occurrence starts before byte from.
func (m *matcher) substring(ix *Index, t int32, pos []int32, from int) bool {
	if tx := &ix.texts[t]; tx.ascii() && tx.n&textCut == 0 {
		// An ASCII window of len(term) bytes has as many runes as the
		// term only when the term is ASCII too.
		if !m.termASCII {
			return false
		}
		i := bytes.Index(ix.lo(tx)[from:], m.pat)
		if i < 0 {
			return false
		}
		i += from
		for j := range pos {
			pos[j] = int32(i + j)
		}
		return true
	}
	sub := substring(ix.strs[t], m.term)
	if sub == nil {
		return false
	}
	for j, p := range sub {
		pos[j] = int32(p)
	}
	return true
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
// occurrences are visited here (matchPlain does less in a plain text).
//
// It starts at letter k0 from the state st (k0 > 0: the letters before
// k0 are settled as in a shorter term that begins like p; only pos[0] of
// their positions is set), or afresh (k0 = 0); st, when set, then
// receives the state before the last letter.
// begin is where matchASCII and matchPlain start: the first occurrence of
// the pattern's first letter (false when there is none), or the state st
// saved before letter k0.
func begin(lo, p []byte, pos []int32, k0 int, st *asciiState) (start, total, currAdj, lastMatch int, ok bool) {
	if k0 == 0 {
		start = bytes.IndexByte(lo, p[0])
		return start, 0, 0, -1, start >= 0
	}
	pos[0] = st.pos0
	return int(st.start), int(st.total), int(st.currAdj), int(st.lastMatch), true
}

func matchASCII(lo []byte, p []byte, pos []int32, k0 int, st *asciiState) (int, bool) {
	n := len(lo)
	start, total, currAdj, lastMatch, ok := begin(lo, p, pos, k0, st)
	if !ok {
		return 0, false
	}
	for k := k0; k < len(p); k++ {
		if st != nil && k == len(p)-1 {
			st.save(start, total, currAdj, lastMatch, k, pos)
		}
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

// matchPlain is matchASCII for a plain text (see textPlain), in which an
// occurrence after the first of a region scores 20 when it follows a
// space and 0 otherwise: one search for the space and the letter replaces
// the visit of each. after is the text's mask of the bytes that follow a
// space.
//
// For the last letter, whose region runs to the end of the text, only the
// occurrences that tight would accept are searched, up to pos[0]+2n for a
// pattern of n letters: if the chosen one lies further on, it is enough
// to know that one does, and the match is loose (pos[n-1] is then where
// the region of the last letter starts, before which the pattern cannot
// end: a substring of the text that equals it starts at pos[n-1]-n+1 or
// later).
func matchPlain(lo []byte, p []byte, pos []int32, after uint64, k0 int, st *asciiState) (int, matchKind) {
	n, last := len(lo), len(p)-1
	start, total, currAdj, lastMatch, ok := begin(lo, p, pos, k0, st)
	if !ok {
		return 0, matchNone
	}
	// first scores the occurrence of letter k that begins its region.
	first := func(k int) int {
		score := 0
		if start == 0 {
			score = firstCharMatchBonus
		} else if lo[start-1] == ' ' {
			score = matchFollowingSeparatorBonus
		}
		if k > 0 && start-1 == lastMatch {
			bonus := currAdj*2 + adjacentMatchBonus
			score += bonus
			currAdj += bonus
		}
		return score
	}
	for k := k0; k < last; k++ {
		next := bytes.IndexByte(lo[start+1:], p[k+1])
		if next < 0 {
			return 0, matchNone
		}
		end := start + next
		best, bi := first(k), start
		if best < matchFollowingSeparatorBonus && start < end && after&bit(p[k]) != 0 {
			if i := indexAfterSpace(lo[start:end+1], p[k]); i >= 0 {
				best, bi = matchFollowingSeparatorBonus, start+i
			}
		}
		if k == 0 {
			best += max(bi*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
		}
		total += best
		pos[k] = int32(bi)
		lastMatch = bi
		start = end + 1
	}
	if st != nil {
		st.save(start, total, currAdj, lastMatch, last, pos)
	}
	c := p[last]
	if last == 0 {
		// One letter: its region is the whole text from its first
		// occurrence, and tight accepts any.
		best, bi := first(0), start
		if best < matchFollowingSeparatorBonus && after&bit(c) != 0 {
			if i := indexAfterSpace(lo[start:], c); i >= 0 {
				best, bi = matchFollowingSeparatorBonus, start+i
			}
		}
		pos[0] = int32(bi)
		return best + max(bi*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty) + 1 - n, matchTight
	}
	bound := int(pos[0]) + 2*len(p) // the last byte tight accepts
	pos[last] = int32(start)
	if start > bound {
		return 0, matchLoose
	}
	best, bi := first(last), start
	if best < matchFollowingSeparatorBonus && after&bit(c) != 0 {
		hi := min(bound, n-1)
		if i := indexAfterSpace(lo[start:hi+1], c); i >= 0 {
			best, bi = matchFollowingSeparatorBonus, start+i
		} else if indexAfterSpace(lo[hi:], c) >= 0 {
			return 0, matchLoose
		}
	}
	pos[last] = int32(bi)
	return total + best + len(p) - n, matchTight
}

// oneLetter is matchASCII's score for the pattern of one letter c in a
// plain text lo that holds it (see textPlain), found without a search. Its
// occurrences score 20 when they follow a space (the first of those wins,
// and none can beat it), else 10 at the first byte and 0 elsewhere (the
// first wins); the one chosen costs 5 points for each byte before it, 15
// at most, so that only the first three bytes need a look.
func oneLetter(lo []byte, c byte, after uint64) int {
	n := len(lo)
	score := 0
	if after&bit(c) != 0 {
		switch {
		case n > 1 && lo[0] == ' ' && lo[1] == c:
			score = matchFollowingSeparatorBonus + unmatchedLeadingCharPenalty
		case n > 2 && lo[1] == ' ' && lo[2] == c:
			score = matchFollowingSeparatorBonus + 2*unmatchedLeadingCharPenalty
		default:
			score = matchFollowingSeparatorBonus + maxUnmatchedLeadingCharPenalty
		}
	} else {
		switch {
		case lo[0] == c:
			score = firstCharMatchBonus
		case n > 1 && lo[1] == c:
			score = unmatchedLeadingCharPenalty
		case n > 2 && lo[2] == c:
			score = 2 * unmatchedLeadingCharPenalty
		default:
			score = maxUnmatchedLeadingCharPenalty
		}
	}
	return score + 1 - n
}

// asciiState is where matchASCII stands before letter k: the region of
// letter k starts at start; total and currAdj are the score and the
// adjacency bonus so far; lastMatch is where letter k-1 matched (-1 for
// none) and pos0 where letter 0 did (-1 before it).
type asciiState struct {
	start, total, currAdj, lastMatch, pos0 int32
}

// save records the state before letter k.
func (st *asciiState) save(start, total, currAdj, lastMatch, k int, pos []int32) {
	// Field by field: a copy of a whole struct would read back parts of
	// the stores just made, which stalls.
	st.start, st.total, st.currAdj, st.lastMatch, st.pos0 = int32(start), int32(total), int32(currAdj), int32(lastMatch), -1
	if k > 0 {
		st.pos0 = pos[0]
	}
}

// noSubstring, set in a saved state's start, records that the term is not
// a substring of the text, so neither is any longer term.
const noSubstring = 1 << 30

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
