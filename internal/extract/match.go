package extract

import (
	"strings"
	"unicode"
)

// A small matcher of attribution patterns over tokens. A pattern is
// anchored at its cue word: the elements before V are read backwards from
// the cue, the ones after it forwards; only adjuncts and optional words
// are tried more than one way.

type elem struct {
	kind  byte     // 'V','S','O','R','C','G','Q','A', or 'L' for a literal
	words []string // a literal's words
	opt   bool
}

type pattern struct {
	id          string
	passive     bool // has "be" before the cue: reads passive cues only
	classes     map[string]bool
	left, right []elem
	example     string
}

// patterns are the rows of tables/patterns.tsv, in order.
var patterns []pattern

func compilePattern(row []string) pattern {
	p := pattern{id: row[0], classes: map[string]bool{}}
	for _, c := range strings.Fields(row[1]) {
		p.classes[c] = true
	}
	if len(row) > 3 {
		p.example = row[3]
	}
	seenV := false
	for _, f := range strings.Fields(row[2]) {
		e := elem{}
		if strings.HasSuffix(f, "?") && len(f) > 1 {
			e.opt, f = true, strings.TrimSuffix(f, "?")
		}
		p.passive = p.passive || f == "be" && !seenV
		if len(f) == 1 && strings.Contains("VSORCGQA", f) {
			e.kind = f[0]
		} else {
			e.kind, e.words = 'L', strings.Split(f, "|")
		}
		switch {
		case e.kind == 'V':
			seenV = true
		case seenV:
			p.right = append(p.right, e)
		default:
			p.left = append(p.left, e)
		}
	}
	return p
}

// match is one pattern matched at a cue: token spans [lo, hi) of its parts.
type match struct {
	row                int
	cue, cueEnd        int
	spk, obj, ref, con [2]int
	quoted             bool // the content is a quotation
	passive            bool // the cue was passive ("is accused of")
}

// matchAt tries pattern p at the cue tokens [v, vEnd), whose auxiliaries
// start at auxLo.
func (d *document) matchAt(p *pattern, v, vEnd, auxLo int, passive bool) (match, bool) {
	m := match{cue: v, cueEnd: vEnd, passive: passive}
	if passive && !p.passive {
		return m, false
	}
	s := d.sents[d.toks[v].sent]
	if !d.right(p.right, vEnd, s.hi, &m) {
		return m, false
	}
	pos := auxLo
	for k := len(p.left) - 1; k >= 0; k-- {
		next, ok := d.stepLeft(p.left[k], pos, d.datelineEnd(d.toks[v].sent), &m)
		if !ok {
			return m, false
		}
		pos = next
	}
	return m, true
}

// right matches es forwards from pos, backtracking over the choices of
// adjuncts and optional words.
func (d *document) right(es []elem, pos, hi int, m *match) bool {
	if len(es) == 0 {
		return true
	}
	for _, next := range d.stepRight(es[0], pos, hi, m) {
		saved := *m
		if len(es) == 1 && es[0].kind == 'A' && !d.endsHere(next, hi) {
			continue
		}
		if d.right(es[1:], next, hi, m) {
			return true
		}
		*m = saved
	}
	return false
}

// endsHere reports whether a trailing attribution ends at pos: the end of
// the sentence, or a comma before more.
func (d *document) endsHere(pos, hi int) bool {
	return pos >= hi || d.toks[pos].text == "," || d.toks[pos].text == ";" || d.toks[pos].low == "and" || d.toks[pos].text == "."
}

// stepRight returns the positions where element e, matched at pos, may
// end, the preferred first; it records what e captured in m.
func (d *document) stepRight(e elem, pos, hi int, m *match) []int {
	if pos < hi && strings.ContainsRune("ORC", rune(e.kind)) && quoteMark(d.toks[pos].text) != 0 && d.toks[pos].quote < 0 && pos > 0 && d.toks[pos-1].quote >= 0 {
		pos++ // the closing mark of a quoted cue: "“laments and categorically denies” the accusations"
	}
	switch e.kind {
	case 'L':
		var out []int
		if pos < hi && d.literal(e, pos) {
			out = append(out, pos+1)
		}
		if e.opt {
			out = append(out, pos)
		}
		return out
	case 'A':
		return d.adjuncts(pos, hi, cueLemma(d.toks[m.cue].low) == "tell")
	case 'S', 'O':
		if e.kind == 'O' && pos < hi && isPronoun(d.toks[pos].low) {
			m.obj = [2]int{pos, pos + 1} // "accused him of"
			return []int{pos + 1}
		}
		end := d.npForward(pos, hi)
		if end == pos || !d.hasNoun(pos, end) {
			return nil
		}
		if e.kind == 'S' && d.refHead(pos, end) {
			for end < hi && d.toks[end].text != "," && d.toks[end].text != ";" {
				end++ // "according to a lawsuit filed Tuesday by environmental groups"
			}
		}
		if e.kind == 'S' {
			m.spk = [2]int{pos, end}
		} else {
			m.obj = [2]int{pos, end}
		}
		return []int{end}
	case 'R':
		end := d.refEnd(pos, hi)
		if end == pos {
			return nil
		}
		m.ref = [2]int{pos, end}
		return []int{end}
	case 'Q':
		if pos < hi && (d.toks[pos].text == ":" || d.toks[pos].text == ",") {
			pos++
		}
		if pos >= len(d.toks) || quoteMark(d.toks[pos].text) == 0 || pos+1 >= len(d.toks) || d.toks[pos+1].quote < 0 {
			return nil
		}
		q := d.quotes[d.toks[pos+1].quote]
		if q.open != pos || q.close+1 < hi && !strings.Contains(".,;", d.toks[q.close+1].text) {
			return nil
		}
		m.con, m.quoted = [2]int{q.open + 1, q.close}, true
		return []int{min(q.close+1, len(d.toks))}
	case 'C', 'G':
		if pos >= hi {
			return nil
		}
		end := d.contentEnd(pos, hi)
		// After "that", "to", "as", "of" or a colon the content is what
		// follows; right after the cue it must read as a clause.
		introduced := pos > 0 && strings.Contains(" that to as of for with : ", " "+d.toks[pos-1].low+" ") ||
			m.ref[1] > 0 && pos-m.ref[1] <= 1 // "called the allegations “false”"
		gerund := strings.HasSuffix(d.toks[pos].low, "ing") && !in("ref", d.toks[pos].low) && !in("body", d.toks[pos].low) && !in("time", d.toks[pos].low)
		if d.words(pos, end) < 1 || e.kind == 'G' && !gerund ||
			!introduced && (d.words(pos, end) < 2 || e.kind == 'C' && !d.clause(pos, end)) ||
			d.toks[pos-1].low == "that" && !d.hasVerb(pos, end) {
			return nil // "denied that account": "that" is not a clause's
		}
		if d.toks[pos-1].low == "that" && (in("be", d.toks[pos].low) || in("aux", d.toks[pos].low)) {
			pos-- // "stressed that was only so …": "that" is the clause's subject
		}
		m.con = [2]int{pos, end}
		return []int{end}
	}
	return nil
}

// literal reports whether token i is one of e's words ("be" stands for
// any form of it).
func (d *document) literal(e elem, i int) bool {
	for _, w := range e.words {
		if d.toks[i].low == w || w == "be" && in("be", d.toks[i].low) {
			return true
		}
	}
	return false
}

// stepLeft matches element e backwards from pos (exclusive) and returns
// where it starts.
func (d *document) stepLeft(e elem, pos, lo int, m *match) (int, bool) {
	switch e.kind {
	case 'L':
		if e.words[0] == "be" {
			return pos, m.passive
		}
		if pos > lo && d.literal(e, pos-1) {
			return pos - 1, true
		}
		if pos > lo && e.words[0] == "," && quoteMark(d.toks[pos-1].text) != 0 {
			return pos, true // the comma is inside the quotation: “…,” she said
		}
		return pos, e.opt
	case 'S', 'O':
		if m.passive && e.kind == 'S' {
			return pos, false
		}
		start, end := d.speakerBack(lo, pos)
		if start == end && strings.HasSuffix(d.toks[m.cue].low, "ing") && pos > lo && d.toks[pos-1].text == "," {
			return pos, true // "…, saying": participleSpeaker finds who
		}
		if start == end || !d.hasNoun(start, end) {
			return pos, false
		}
		if start+2 < end && in("det", d.toks[start].low) && in("ref", d.toks[start+1].low) && d.toks[start+2].capitalised() {
			start += 2 // "…, a charge Borduria rejected": the charge is what is answered
		}
		if e.kind == 'S' {
			m.spk = [2]int{start, end}
		} else {
			m.obj = [2]int{start, end}
		}
		return start, true
	case 'Q':
		k := pos - 1
		if k >= lo && d.toks[k].text == "," {
			k--
		}
		if k < 1 || quoteMark(d.toks[k].text) == 0 || d.toks[k-1].quote < 0 || d.quotes[d.toks[k-1].quote].close != k {
			return pos, false
		}
		q := d.quotes[d.toks[k-1].quote]
		if s := d.toks[q.open].sent; q.open != d.sents[s].lo && q.open != d.datelineEnd(s) {
			return pos, false // a quotation inside a sentence: the whole clause is the content
		}
		m.con, m.quoted = [2]int{q.open + 1, q.close}, true
		return q.open, true
	case 'R':
		if m.spk[0] > lo+1 && m.spk[0] < pos {
			pos = m.spk[0]
		}
		start := d.npBack(lo, pos)
		if start == pos || !d.refHead(start, pos) {
			return pos, false
		}
		m.ref = [2]int{start, pos}
		return start, true
	case 'C':
		if pos == 0 {
			return pos, false // a cue at the very start: no content before it
		}
		start := d.datelineEnd(d.toks[pos-1].sent)
		if pos-start < 3 || d.toks[start].quote >= 0 {
			return pos, false
		}
		m.con = [2]int{start, pos}
		return start, true
	}
	return pos, false
}

// speakerBack reads the subject of a cue backwards from pos: a relative
// "who" points to the noun before it ("investors who are claiming"), and a
// verb coordinated by "and" shares the subject of the verb before it
// ("revived an old offensive and accused the firm"). A relative clause set
// off by commas or dashes is background: no speaker.
func (d *document) speakerBack(lo, pos int) (int, int) {
	start, end := d.subjectBack(lo, pos)
	if start < end && in("prep", d.toks[start].low) && start > lo+1 && d.verbLike(start-1) && !d.toks[start-1].capitalised() {
		// "A resident reached by phone", "a lawsuit filed by X": the noun
		// before the participle.
		if s2 := d.npBack(lo, start-1); s2 < start-1 {
			start = s2
		}
	}
	if start < end || pos <= lo {
		for k := start - 1; k > lo && k >= start-8 && d.verbLike(start-1); k-- {
			if w := d.toks[k].low; (w == "who" || w == "that") && !isComma(d.toks[k-1].text) && d.npWord(k-1) {
				return d.npBack(lo, k), k // "the suit that was filed in … says", "A shareholder who claims to have lost … said"
			}
			if !d.toks[k].isWord() {
				break
			}
		}
		return start, end
	}
	prev := d.toks[pos-1].low
	switch {
	case in("rel", prev) && prev != "whose":
		if pos-2 >= lo && (isComma(d.toks[pos-2].text)) {
			return pos, pos
		}
		return d.npBack(lo, pos-1), pos - 1
	case prev == "and" || prev == "but":
		for k := pos - 2; k > lo; k-- {
			if t := d.toks[k]; (t.text == "-" || t.text == "—" || t.text == "–") && t.start > d.toks[k-1].end {
				for k--; k > lo && !(isComma(d.toks[k].text) && d.toks[k].text != ","); k-- {
				}
				continue // "- when the actress would have been 18 -"
			}
			if d.verbLike(k) && !d.toks[k].capitalised() {
				for k > lo && (in("aux", d.toks[k-1].low) || strings.HasSuffix(d.toks[k-1].low, "ly")) {
					k--
				}
				return d.subjectBack(lo, k)
			}
		}
	}
	return start, end
}

// hasNoun reports whether [lo, hi) holds a word that can name a party.
func (d *document) hasNoun(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		t := d.toks[k]
		if t.isWord() && !in("det", t.low) && !in("prep", t.low) && !in("time", t.low) && !in("conj", t.low) {
			return true
		}
	}
	return false
}

// words counts the word tokens in [lo, hi).
func (d *document) words(lo, hi int) int {
	n := 0
	for k := lo; k < hi; k++ {
		if d.toks[k].isWord() {
			n++
		}
	}
	return n
}

// adjuncts returns where a run of adjuncts starting at pos may end, the
// longest first: time words ("Tuesday", "last week"), prepositional
// phrases ("in a statement", "on Twitter", "in a filing with the SEC"),
// and after "told" the one told ("told reporters").
func (d *document) adjuncts(pos, hi int, tell bool) []int {
	ends := []int{pos}
	p := pos
	if tell && p < hi && d.toks[p].low != "that" {
		if e := d.npForward(p, hi); e > p {
			p = e
			ends = append(ends, p)
		}
	}
	for p < hi {
		t := d.toks[p]
		switch {
		case in("time", t.low) || t.low == "last" || t.low == "this" && p+1 < hi && in("time", d.toks[p+1].low):
			p++
		case t.text == "," && p+1 < hi && in("rel", d.toks[p+1].low):
			k := p + 2
			for k < hi && d.toks[k].text != "," {
				k++
			}
			if k >= hi {
				return reverse(ends)
			}
			p = k + 1
		case in("adjunct", t.low) && p+1 < hi:
			e := d.npForward(p+1, hi)
			if e == p+1 {
				return reverse(ends)
			}
			p = e
			for p+1 < hi && (d.toks[p].low == "of" || d.toks[p].low == "with" || d.toks[p].low == "to") {
				e := d.npForward(p+1, hi)
				if e == p+1 {
					break
				}
				p = e
			}
		default:
			return reverse(ends)
		}
		ends = append(ends, p)
	}
	return reverse(ends)
}

func reverse(s []int) []int {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
	return s
}

// refEnd is where what a denial answers ends: a noun phrase headed by a
// claim word ("the allegations", "a report that accused it of …") or a
// pronoun, with what follows it up to a comma, "as" or a quotation.
func (d *document) refEnd(pos, hi int) int {
	if pos >= hi {
		return pos
	}
	if w := d.toks[pos].low; w == "them" || w == "it" || w == "this" || w == "that" && !d.hasNoun(pos+1, min(pos+2, hi)) {
		return pos + 1
	}
	end := d.npForward(pos, hi)
	if end == pos || !d.refHead(pos, end) {
		return pos
	}
	for end < hi {
		t := d.toks[end]
		if t.text == "," || t.text == ";" || t.text == ":" || quoteMark(t.text) != 0 && t.quote < 0 || t.low == "as" ||
			t.low == "and" && end+1 < hi && d.verbLike(end+1) {
			break
		}
		end++
	}
	return end
}

// refHead reports whether the noun phrase [lo, hi) is headed by a claim or
// document word.
func (d *document) refHead(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if in("ref", d.toks[k].low) || in("doc", d.toks[k].low) {
			return true
		}
	}
	return false
}

// cueIn reports whether a cue word of saying lies in [lo, hi).
func (d *document) cueIn(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if c, n := d.cueAt(k); n > 0 && (c.class == "say" || c.class == "claim") {
			return true
		}
	}
	return false
}

// clause reports whether [lo, hi) reads as a reported clause: it does not
// open with a preposition or punctuation, and it has a verb or is long.
func (d *document) clause(lo, hi int) bool {
	t := d.toks[lo]
	if in("be", t.low) || in("aux", t.low) && !strings.HasSuffix(t.low, "ly") || in("adjunct", t.low) || in("time", t.low) || in("prep", t.low) && t.low != "after" || !t.isWord() && quoteMark(t.text) == 0 {
		return false
	}
	for k := lo; k < hi && d.toks[k].text != ","; k++ {
		if d.verbLike(k) || isNeg(d.toks[k]) || in("be", d.toks[k].low) || k > lo && quoteMark(d.toks[k].text) != 0 {
			return true
		}
	}
	return false
}

// contentEnd is where a reported clause starting at pos ends: the end of
// the sentence, or of a quotation opened in it.
func (d *document) contentEnd(pos, hi int) int {
	end := hi
	for k := pos + 1; k < hi; k++ {
		t := d.toks[k]
		if (t.text == "-" || t.text == "—" || t.text == "–") && t.start > d.toks[k-1].end && t.quote < 0 ||
			t.text == "," && k+1 < hi && (d.toks[k+1].low == "while" || d.toks[k+1].low == "whereas" || d.toks[k+1].low == "but") && d.cueIn(k+2, hi) {
			end = k
			break
		}
	}
	if end > pos && d.toks[end-1].quote >= 0 {
		if q := d.quotes[d.toks[end-1].quote]; q.open >= pos {
			end = q.close
		}
	}
	return end
}

// datelineEnd is where sentence s starts after any dateline: capitalised
// words, numbers and brackets opening a paragraph, up to a colon or a
// spaced dash ("NEW YORK (Reuters) -", "New Delhi, Mar 3 (IANS):").
func (d *document) datelineEnd(s int) int {
	sn := d.sents[s]
	if s > 0 && d.sents[s-1].para == sn.para {
		return sn.lo
	}
	for k := sn.lo; k < sn.hi && k < sn.lo+10; k++ {
		t := d.toks[k]
		if k > sn.lo && (t.text == ":" || isComma(t.text) && t.text != "," && t.start > d.toks[k-1].end) {
			return k + 1
		}
		if t.isWord() && !t.capitalised() && !unicode.IsDigit(rune(t.text[0])) || quoteMark(t.text) != 0 {
			return sn.lo
		}
	}
	return sn.lo
}

// cueLemma is "tell" for the forms of "tell" (whose next noun phrase is the
// one told, not the speaker's words), else the form itself.
func cueLemma(w string) string {
	switch w {
	case "tell", "tells", "told", "telling":
		return "tell"
	}
	return w
}
