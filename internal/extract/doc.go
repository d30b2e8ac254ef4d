package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The first stage: the article as paragraphs, sentences and tokens, each
// with its byte offsets in the text, and the quotations in it.

// token is a word or a punctuation mark.
type token struct {
	text, low  string
	start, end int
	sent       int  // index of its sentence
	quote      int  // index of the quotation it is inside, or -1
	poss       bool // a word with a possessive ending ("Egypt's", "Rubiales’")
}

// isWord reports whether t starts with a letter or a digit.
func (t token) isWord() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// capitalised reports whether t starts with a capital letter.
func (t token) capitalised() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// sentence is a run of tokens [lo, hi) inside paragraph para.
type sentence struct {
	Span
	para, lo, hi int
}

// quotation is a quoted passage: its tokens (open, close) exclusive of the
// marks, which may run over several sentences and paragraphs.
type quotation struct {
	open, close int // token indexes of the marks; close is len(toks) when unclosed
}

type document struct {
	text   string
	toks   []token
	sents  []sentence
	quotes []quotation
}

// readDocument splits text into paragraphs, sentences and tokens and finds
// its quotations.
func readDocument(text string) *document {
	d := &document{text: text}
	para := 0
	prevEnd := 0
	for _, sp := range Sentences(text) {
		if strings.Contains(text[prevEnd:sp.Start], "\n") && len(d.sents) > 0 {
			para++
		}
		prevEnd = sp.End
		s := sentence{Span: sp, para: para, lo: len(d.toks)}
		for _, t := range tokenize(text[sp.Start:sp.End]) {
			t.start += sp.Start
			t.end += sp.Start
			t.sent = len(d.sents)
			t.quote = -1
			d.toks = append(d.toks, t)
		}
		s.hi = len(d.toks)
		d.sents = append(d.sents, s)
	}
	d.findQuotes()
	return d
}

// quoteMark tells an opening (1), closing (2) or undecided (3) quotation
// mark from other tokens (0).
func quoteMark(s string) int {
	switch s {
	case "“", "‘‘":
		return 1
	case "”", "’’":
		return 2
	case "\"", "''":
		return 3
	}
	return 0
}

// findQuotes pairs quotation marks. A paragraph that ends inside a
// quotation continues it when the next paragraph opens with a mark (the
// news convention for quotations over several paragraphs).
func (d *document) findQuotes() {
	open, kind, para := -1, "", -1
	for i, t := range d.toks {
		m := quoteMark(t.text)
		if p := d.sents[t.sent].para; p != para {
			if open >= 0 && !(m == 1 || m == 3) {
				d.closeQuote(open, i)
				open = -1
			}
			para = p
			if open >= 0 && m != 0 {
				continue // the continued quotation's opening mark
			}
		}
		switch {
		case m == 0:
		case open < 0 && (m == 1 || m == 3) && !closesWord(d, i):
			open, kind = i, t.text
		case open >= 0 && (m == 3 && quoteMark(kind) == 3 || m == 2 && quoteMark(kind) == 1):
			// A straight mark closes a straight one, a curly one a curly
			// one: the other kind inside is a quotation within it.
			d.closeQuote(open, i)
			open = -1
		}
	}
	if open >= 0 {
		d.closeQuote(open, len(d.toks))
	}
}

// closesWord reports whether a straight mark at i follows a word with no
// space, so it can only close a quotation.
func closesWord(d *document, i int) bool {
	return quoteMark(d.toks[i].text) == 3 && i > 0 && d.toks[i-1].end == d.toks[i].start && d.toks[i-1].isWord() &&
		i+1 < len(d.toks) && d.toks[i+1].start > d.toks[i].end
}

func (d *document) closeQuote(open, close int) {
	q := len(d.quotes)
	d.quotes = append(d.quotes, quotation{open, close})
	for k := open + 1; k < close; k++ {
		d.toks[k].quote = q
	}
}

// span is the text of tokens [lo, hi).
func (d *document) span(lo, hi int) string {
	if lo >= hi {
		return ""
	}
	return d.text[d.toks[lo].start:d.toks[hi-1].end]
}

// tokenize splits s into words and punctuation. A word keeps inner dots,
// hyphens and apostrophes ("U.S.", "day-to-day", "Pakistan's"); a final
// dot is dropped unless the word is an abbreviation.
func tokenize(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '#' || r == '$':
			j := wordEnd(s, i)
			out = append(out, newWord(s, i, j))
			i = j
		case r == '\'' && strings.HasPrefix(s[i:], "''"):
			out = append(out, token{text: "''", start: i, end: i + 2})
			i += 2
		default:
			out = append(out, token{text: s[i : i+size], start: i, end: i + size})
			i += size
		}
	}
	for k := range out {
		out[k].low = strings.ToLower(out[k].text)
	}
	return out
}

// wordEnd is where the word starting at i ends.
func wordEnd(s string, i int) int {
	j := i
	if s[i] == '#' || s[i] == '$' {
		j++
	}
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j += size
			continue
		}
		if strings.ContainsRune(".'’-&/,", r) && j+size < len(s) {
			r2, _ := utf8.DecodeRuneInString(s[j+size:])
			inner := unicode.IsLetter(r2) || unicode.IsDigit(r2)
			if r == ',' || r == '/' {
				// "1,000" and "24/7": only between digits.
				prev, _ := utf8.DecodeLastRuneInString(s[:j])
				inner = inner && unicode.IsDigit(prev) && unicode.IsDigit(r2)
			}
			if inner {
				j += size
				continue
			}
		}
		if (r == '.' || r == '’' || (r == '\'' && !strings.HasPrefix(s[j+size:], "'"))) && j > i {
			j += size // a final dot or apostrophe; newWord decides
			continue
		}
		break
	}
	return j
}

// newWord makes the token s[i:j], giving back a final dot that is not an
// abbreviation's and marking a possessive ending.
func newWord(s string, i, j int) token {
	w := s[i:j]
	for strings.HasSuffix(w, ".") {
		base := strings.ToLower(strings.TrimSuffix(w, "."))
		if lex["abbrev"][base] || (strings.Count(w, ".") > 1 && len(w) <= 6) {
			break
		}
		w = w[:len(w)-1]
	}
	t := token{text: w, start: i, end: i + len(w)}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(t.text, suf) && len(t.text) > len(suf) {
			t.poss = true
			if suf == "'" || suf == "’" {
				t.text = strings.TrimSuffix(t.text, suf)
				t.end -= len(suf)
			}
			break
		}
	}
	return t
}
