package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a piece of the article: byte offsets into the text it came from.
type Span struct {
	Start, End int
}

// abbreviations never end a sentence when a word follows them
// (lower-cased, without the final dot).
var abbreviations = set(
	"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl",
	"sen", "rep", "gov", "pres", "amb", "hon", "rev", "fr", "sr", "jr", "st", "mt", "ft", "messrs",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"no", "nos", "vol", "vols", "art", "sec", "ch", "fig", "p", "pp", "para", "cf", "vs", "v", "etc", "e.g", "i.e",
	"approx", "est", "dept", "univ", "assn", "bros", "co", "corp", "inc", "ltd", "plc", "llc", "govt",
	"u.s", "u.k", "u.n", "e.u", "u.s.a", "u.a.e", "d.c", "a.m", "p.m",
)

// canEnd are abbreviations that also end sentences ("… talks with the
// U.S. The meeting …"): they end one when the next word starts a sentence.
var canEnd = set("u.s", "u.k", "u.n", "e.u", "u.s.a", "u.a.e", "d.c", "a.m", "p.m", "etc", "inc", "ltd", "corp", "co", "plc", "llc", "jr", "sr")

// starters are words that begin sentences far more often than they follow
// an abbreviation inside one.
var starters = set("the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "this", "that", "these", "those",
	"there", "in", "on", "at", "but", "and", "however", "meanwhile", "his", "her", "their", "our", "both",
	"after", "before", "while", "when", "as", "since", "some", "many", "officials", "according")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Sentences splits text into sentences. A paragraph break always ends one;
// so does a single line break, unless the text is hard-wrapped (then lines
// are joined). Abbreviations ("U.S.", "Sept.", "Dr."), initials
// ("Gregory D. LoGerfo") and decimal numbers do not end sentences.
func Sentences(text string) []Span {
	var out []Span
	for _, b := range blocks(text) {
		out = append(out, splitBlock(text, b)...)
	}
	return out
}

// blocks returns the paragraphs (or lines) of text that sentences may not
// cross.
func blocks(text string) []Span {
	wrapped := hardWrapped(text)
	var out []Span
	start := 0
	emit := func(s, e int) {
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
	}
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		// A blank line (possibly with spaces) is always a break.
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		blank := j < len(text) && text[j] == '\n'
		if blank || !wrapped || j >= len(text) || startsBlockLine(text[j:]) {
			emit(start, i)
			start = i + 1
		}
	}
	emit(start, len(text))
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// startsBlockLine reports whether a line is a list item or a heading even in
// hard-wrapped text.
func startsBlockLine(s string) bool {
	return strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "• ")
}

// hardWrapped guesses whether text was wrapped at a fixed width, so that a
// single line break is not a paragraph break: most lines are short, of
// similar length, and many end mid-sentence.
func hardWrapped(text string) bool {
	lines := strings.Split(text, "\n")
	var n, short, open int
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		n++
		if utf8.RuneCountInString(l) <= 100 {
			short++
		}
		next := ""
		if i+1 < len(lines) {
			next = strings.TrimSpace(lines[i+1])
		}
		if next != "" && utf8.RuneCountInString(l) >= 40 && !strings.ContainsAny(l[len(l)-1:], ".!?:\"”'’") {
			open++
		}
	}
	return n >= 4 && short*10 >= n*9 && open*3 >= n
}

// splitBlock splits one paragraph into sentences.
func splitBlock(text string, b Span) []Span {
	var out []Span
	s := b.Start
	i := b.Start
	for i < b.End {
		r, size := utf8.DecodeRuneInString(text[i:b.End])
		if r == '\n' {
			// Only in hard-wrapped text: a line break inside a sentence.
			i += size
			continue
		}
		if r != '.' && r != '!' && r != '?' {
			i += size
			continue
		}
		// Run of terminators and closing quotes/brackets.
		j := i + size
		for j < b.End {
			r2, sz := utf8.DecodeRuneInString(text[j:b.End])
			if r2 == '.' || r2 == '!' || r2 == '?' || strings.ContainsRune("\"'”’)]»", r2) {
				j += sz
				continue
			}
			break
		}
		if j >= b.End {
			break
		}
		r2, _ := utf8.DecodeRuneInString(text[j:b.End])
		if !unicode.IsSpace(r2) {
			i = j
			continue
		}
		k := j
		for k < b.End && isSpaceByte(text[k]) {
			k++
		}
		if k >= b.End {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[k:b.End])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"'“‘([-—–•", next)) {
			i = j
			continue
		}
		if r == '.' && !endsSentence(text[s:i], text[k:b.End]) {
			i = j
			continue
		}
		out = append(out, trimSpan(text, Span{s, j}))
		s = k
		i = k
	}
	if sp := trimSpan(text, Span{s, b.End}); sp.End > sp.Start {
		out = append(out, sp)
	}
	return out
}

// endsSentence decides whether the dot after before ends the sentence,
// given the text after it.
func endsSentence(before, after string) bool {
	// The word the dot belongs to.
	w := before
	if i := strings.LastIndexAny(w, " \t\n(\"“‘'"); i >= 0 {
		w = w[i+1:]
	}
	lw := strings.ToLower(w)
	if lw == "" {
		return true
	}
	nextWord := after
	if i := strings.IndexAny(nextWord, " \t\n,;:"); i >= 0 {
		nextWord = nextWord[:i]
	}
	nextWord = strings.ToLower(strings.Trim(nextWord, "\"'“‘("))
	if abbreviations[lw] {
		return canEnd[lw] && starters[nextWord]
	}
	// An initial: one capital letter ("D." in "Gregory D. LoGerfo").
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
		return false
	}
	// Dotted acronyms such as "U.S" or "N.Y" not in the list.
	if strings.Count(w, ".") >= 1 && len(w) <= 6 && !strings.ContainsAny(w, "0123456789") {
		allShort := true
		for _, part := range strings.Split(w, ".") {
			if utf8.RuneCountInString(part) > 1 {
				allShort = false
			}
		}
		if allShort {
			return starters[nextWord]
		}
	}
	return true
}

func trimSpan(text string, sp Span) Span {
	for sp.Start < sp.End && isSpaceByte(text[sp.Start]) {
		sp.Start++
	}
	for sp.End > sp.Start && isSpaceByte(text[sp.End-1]) {
		sp.End--
	}
	return sp
}
