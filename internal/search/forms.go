package search

import (
	"bytes"
	"context"
	"math/bits"
	"strings"
	"sync"
)

// Word forms: a query word also finds the other English forms of that
// word ("denies" finds "denied", "denying" and "deny"; "bombing" finds
// "bombs"), ranked after every claim that matches the words as typed, so
// that the ranking of exact matches is unchanged. A word's forms are the
// words with the same stem (see stem); a field matches by its form when
// one of its words does, and that whole word is highlighted.
//
// Only a word of four letters or more whose stem is not a substring of
// each of its forms is looked up this way: when the stem is the word
// itself (and does not end in y, which "denies" spells with an i), every
// form contains the word as typed, which the fuzzy match already finds.

// formScore is a form match's score before the field's weight: far below
// any fuzzy score, so that a claim matching a word only by its form ranks
// after every claim matching all the words as typed.
const formScore = -1 << 20

// minFormLen is the shortest query word that is looked up by its forms.
const minFormLen = 4

// wordForm returns the stem whose forms term finds, and the prefix every
// word of that stem starts with; ok is false when term has no forms to
// look up beyond what the fuzzy match finds.
func wordForm(term string) (stemmed, prefix string, ok bool) {
	if len(term) < minFormLen {
		return "", "", false
	}
	var buf [64]byte
	lower := buf[:0]
	for i := 0; i < len(term); i++ {
		c := term[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			return "", "", false
		}
		lower = append(lower, c)
	}
	orig := string(lower)
	s := stem(lower)
	if string(s) == orig && s[len(s)-1] != 'y' {
		return "", "", false
	}
	p := s
	if p[len(p)-1] == 'y' {
		p = p[:len(p)-1] // "deny": denies, denied
	}
	if len(p) < 3 {
		return "", "", false
	}
	return string(s), string(p), true
}

// stem is a light English stemmer for lower-case ASCII words: it removes
// the inflections of nouns and verbs (-s, -es, -ies, -ed, -ied, -ing,
// -ying), undoes the doubled consonant before them ("planned") and drops
// a final e ("accuse", "accused" and "accusing" meet at "accus"). It is
// not Porter's: derived words ("denial", "national") keep their
// suffixes, and irregular forms ("said", "struck") are not found. It may
// reuse w's bytes.
func stem(w []byte) []byte {
	has := func(suffix string) bool { return bytes.HasSuffix(w, []byte(suffix)) }
	vowel := func(b []byte) bool { return bytes.ContainsAny(b, "aeiouy") }
	// Plurals and the third person.
	switch n := len(w); {
	case n < 3:
		return w
	case has("ies") && n >= 5:
		w = append(w[:n-3], 'y') // denies → deny
	case has("sses"):
		w = w[:n-2]
	case has("es") && n >= 5 && (bytes.HasSuffix(w[:n-2], []byte("s")) || bytes.HasSuffix(w[:n-2], []byte("x")) ||
		bytes.HasSuffix(w[:n-2], []byte("z")) || bytes.HasSuffix(w[:n-2], []byte("ch")) || bytes.HasSuffix(w[:n-2], []byte("sh"))):
		w = w[:n-2] // taxes → tax, watches → watch
	case has("s") && !has("ss") && !has("us") && !has("is") && n >= 4:
		w = w[:n-1]
	}
	// The past and the progressive, as long as one applies.
	for range 3 {
		n := len(w)
		switch {
		case has("ied") && n >= 5:
			w = append(w[:n-3], 'y') // denied → deny
		case has("ying") && n >= 6:
			w = append(w[:n-4], 'y') // denying → deny
		case has("eed") && n >= 4:
			w = w[:n-1] // agreed → agree
		case has("ing") && n >= 5 && vowel(w[:n-3]):
			w = undouble(w[:n-3])
		case has("ed") && n >= 4 && vowel(w[:n-2]):
			w = undouble(w[:n-2])
		default:
			n = -1
		}
		if n < 0 {
			break
		}
	}
	for len(w) > 2 && w[len(w)-1] == 'e' {
		w = w[:len(w)-1] // accuse → accus, agree → agr
	}
	return w
}

// undouble drops the second of two equal final consonants, except l, s
// and z ("planned" → plan, but "killed" → kill).
func undouble(w []byte) []byte {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !bytes.ContainsRune([]byte("aeiouylsz"), rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// isWordByte reports whether c belongs to a word: a letter, a digit or a
// byte of a character beyond ASCII.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// formPos returns the byte offsets of the first word of text (up to its
// first NUL, where the fuzzy match stops reading too) that starts with
// prefix, ignoring ASCII case, and whose stem is stemmed; nil when there
// is none. A word is a run of letters, digits and characters beyond
// ASCII; only one of ASCII letters alone can match.
func formPos(text, stemmed, prefix string) []int {
	if i := strings.IndexByte(text, 0); i >= 0 {
		text = text[:i]
	}
	var buf [64]byte
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		letters := true
		for j < len(text) && isWordByte(text[j]) {
			c := text[j]
			letters = letters && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
			j++
		}
		if letters && j-i >= len(prefix) && j-i <= len(buf) && hasPrefixFold(text[i:j], prefix) {
			w := buf[:0]
			for k := i; k < j; k++ {
				c := text[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				w = append(w, c)
			}
			if string(stem(w)) == stemmed {
				pos := make([]int, j-i)
				for k := range pos {
					pos[k] = i + k
				}
				return pos
			}
		}
		i = j
	}
	return nil
}

// hasPrefixFold reports whether s starts with the lower-case ASCII p,
// ignoring ASCII case.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// formResult is the set of texts holding a word of one stem.
type formResult struct {
	stemmed string
	texts   []uint64 // bit t%64 of word t/64 for text t
}

const maxCachedForms = 4

// forms returns the texts holding a word of the stem: from the cache, or
// by looking through every text (only the texts of within, when set; that
// result is not cached). An ASCII text is looked through in its
// lower-cased copy, at the occurrences of the prefix only.
func (ix *Index) forms(ctx context.Context, stemmed, prefix string, within *restriction) (*formResult, error) {
	ix.mu.Lock()
	for i, r := range ix.formCache {
		if r.stemmed == stemmed {
			copy(ix.formCache[1:i+1], ix.formCache[:i])
			ix.formCache[0] = r
			ix.mu.Unlock()
			return r, nil
		}
	}
	ix.mu.Unlock()

	nw := (len(ix.strs) + 63) / 64
	res := &formResult{stemmed: stemmed, texts: make([]uint64, nw)}
	var mask uint64
	for i := 0; i < len(prefix); i++ {
		mask |= bit(prefix[i])
	}
	p := []byte(prefix)
	w := min(workers(), max(1, len(ix.strs)/8192))
	chunks := chunksFor(w)
	var mu sync.Mutex
	cancelled := false
	share(w, chunks, func(_, c int) {
		lo, hi := c*nw/chunks, (c+1)*nw/chunks
		for wi := lo; wi < hi; wi++ {
			if (wi-lo)&63 == 63 && ctx.Err() != nil {
				mu.Lock()
				cancelled = true
				mu.Unlock()
				return
			}
			try := ^uint64(0)
			if within != nil {
				try = within.bits[wi]
			}
			var word uint64
			for ; try != 0; try &= try - 1 {
				b := bits.TrailingZeros64(try)
				t := wi*64 + b
				if t >= len(ix.strs) {
					break
				}
				tx := &ix.texts[t]
				var ok bool
				if tx.ascii() {
					ok = tx.mask&mask == mask && hasForm(ix.lo(tx), p, stemmed)
				} else {
					ok = formPos(ix.strs[t], stemmed, prefix) != nil
				}
				if ok {
					word |= 1 << b
				}
			}
			res.texts[wi] = word
		}
	})
	if cancelled || ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if within != nil {
		return res, nil
	}
	ix.mu.Lock()
	ix.formCache = append([]*formResult{res}, ix.formCache...)
	if len(ix.formCache) > maxCachedForms {
		ix.formCache = ix.formCache[:maxCachedForms]
	}
	ix.mu.Unlock()
	return res, nil
}

// addForms gives the texts that hold a form of the term, and that the
// term's fuzzy match did not accept, the form score (only those of
// within, when set).
func (ix *Index) addForms(ctx context.Context, res *termResult, within *restriction) error {
	stemmed, prefix, ok := wordForm(res.term)
	if !ok {
		return nil
	}
	fr, err := ix.forms(ctx, stemmed, prefix, within)
	if err != nil {
		return err
	}
	res.stemmed, res.prefix = stemmed, prefix
	res.formOnly = make([]uint64, len(fr.texts))
	for i, word := range fr.texts {
		word &^= res.accepted[i]
		if within != nil {
			word &= within.bits[i]
		}
		res.formOnly[i] = word
		res.accepted[i] |= word
		for ; word != 0; word &= word - 1 {
			t := i*64 + bits.TrailingZeros64(word)
			res.score[t] = formScore
			res.reach += int(ix.claimStart[t+1] - ix.claimStart[t])
		}
	}
	return nil
}

// hasForm is formPos != nil for an ASCII text given as its lower-cased
// copy lo, cut at its first NUL: it looks only at the occurrences of the
// prefix p that start a word.
func hasForm(lo, p []byte, stemmed string) bool {
	var buf [64]byte
	for i := 0; i+len(p) <= len(lo); {
		k := bytes.Index(lo[i:], p)
		if k < 0 {
			return false
		}
		k += i
		i = k + 1
		if k > 0 && isWordByte(lo[k-1]) {
			continue
		}
		e := k + len(p)
		letters := true
		for e < len(lo) && isWordByte(lo[e]) {
			letters = letters && 'a' <= lo[e] && lo[e] <= 'z'
			e++
		}
		if letters && e-k <= len(buf) && string(stem(append(buf[:0], lo[k:e]...))) == stemmed {
			return true
		}
		i = e
	}
	return false
}

// formOnlyAt reports whether text t has the term's score by a form only.
func (r *termResult) formOnlyAt(t int32) bool {
	return r.formOnly != nil && r.formOnly[t/64]&(1<<(t%64)) != 0
}
