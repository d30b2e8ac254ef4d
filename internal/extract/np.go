package extract

import "strings"

// Noun phrases read forwards and backwards over tokens: enough grammar to
// find a speaker, an accused party, what a denial answers and where a
// clause ends, without a tagger.

// closed reports whether a lower-case word belongs to a closed class that
// cannot be part of a noun phrase.
func closed(w string) bool {
	return in("aux", w) && !in("time", w) || in("conj", w) || in("rel", w) || in("pron.m", w) || in("pron.f", w) ||
		in("pron.n", w) || in("pron.p", w) || in("pron.1", w) || w == "that" || w == "not" || w == "to"
}

// isNeg reports whether t negates.
func isNeg(t token) bool {
	return in("neg", t.low) || strings.HasSuffix(t.low, "n't") || strings.HasSuffix(t.low, "n’t")
}

// verbLike reports whether a lower-case word at i reads as a verb: a cue,
// an auxiliary, or an -ed/-ing word not led by a determiner.
func (d *document) verbLike(i int) bool {
	t := d.toks[i]
	if t.capitalised() && i > d.sents[t.sent].lo {
		return false
	}
	if i > 0 && (in("det", d.toks[i-1].low) || in("poss", d.toks[i-1].low) || d.toks[i-1].poss) {
		return false // "the charges", "his claims"
	}
	if in("ref", t.low) && i > 0 && (in("prep", d.toks[i-1].low) || d.verbLike(i-1)) {
		return false // "rubbished claims by", "over charges"
	}
	if _, ok := cues[t.low]; ok || in("irregular", t.low) {
		return true
	}
	if in("be", t.low) || in("aux", t.low) && !in("time", t.low) && !strings.HasSuffix(t.low, "ly") {
		return true
	}
	if (strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing")) && len(t.low) > 4 {
		return !in("role", t.low) && !in("body", t.low)
	}
	return false
}

// npWord reports whether token i may be part of a noun phrase.
func (d *document) npWord(i int) bool {
	t := d.toks[i]
	if !t.isWord() {
		return t.text == "(" || t.text == ")" || t.text == "&" || t.text == "'" || t.text == "‘" || t.text == "’" || t.text == "-" && i > 0 && d.toks[i-1].end == t.start
	}
	if t.capitalised() {
		return !closed(t.low) || i == d.sents[t.sent].lo && (in("det", t.low) || in("poss", t.low))
	}
	if d.verbLike(i) && i+1 < len(d.toks) && d.toks[i+1].capitalised() && (i == 0 || in("det", d.toks[i-1].low) || d.verbLike(i-1)) {
		return true // "neighbouring Dovar", "the accused Nadia Haddad"
	}
	return !closed(t.low) && !d.verbLike(i) && !in("prep", t.low)
}

// npForward reads the noun phrase starting at i, up to hi: an optional
// determiner or possessive, then words; "of", "for", "and" continue it
// inside a name ("University of Rochester", "Securities and Exchange
// Commission") and after a head noun followed by a capitalised name ("a
// spokesman for British Prime Minister Boris Johnson").
func (d *document) npForward(i, hi int) int {
	j := i
	if j < hi && (in("det", d.toks[j].low) || in("poss", d.toks[j].low)) {
		j++
	}
	start, afterOf := j, false
	for j < hi {
		t := d.toks[j]
		if j > start && !afterOf && (in("det", t.low) || in("poss", t.low)) && !t.capitalised() {
			break
		}
		afterOf = false
		if (t.low == "of" || t.low == "for") && j > start && j+1 < hi && d.toks[j+1].capitalised() && d.toks[j-1].capitalised() {
			j++
			continue
		}
		if (t.low == "of" || t.low == "for") && j > start && j+1 < hi && (in("det", d.toks[j+1].low) || in("poss", d.toks[j+1].low)) &&
			(in("role", singular(d.toks[j-1].low)) || j == start+1 && in("number", d.toks[j-1].low)) {
			j, afterOf = j+1, true // "a spokesman for the company", "two of his attorneys"
			continue
		}
		if !d.npWord(j) {
			break
		}
		j++
	}
	if j == start {
		return i
	}
	return j
}

// clauseBoundary reports whether token i ends a subject read backwards.
func (d *document) clauseBoundary(i int) bool {
	t := d.toks[i]
	if !t.isWord() {
		return !(t.text == "(" || t.text == ")" || t.text == "&" || t.text == "-" && i > 0 && d.toks[i-1].end == t.start && t.end == d.toks[i+1].start)
	}
	if t.capitalised() && i > d.sents[t.sent].lo && !in("pron.1", t.low) {
		return false
	}
	return in("conj", t.low) || in("rel", t.low) || t.low == "that" || in("be", t.low) ||
		in("aux", t.low) && !in("time", t.low) && !strings.HasSuffix(t.low, "ly") || d.verbLike(i)
}

// subjectBack reads the subject of a verb backwards from end (exclusive)
// to the start of its clause, stepping over an appositive or a relative
// clause set off by commas or dashes ("The company, which has …, denies";
// "Erica Morrison, 24, said"); a name set off so is the subject itself
// ("One Primark employee, Sonya Joseph, 40, said"). It returns the span,
// empty when there is none.
func (d *document) subjectBack(lo, end int) (int, int) {
	j := end
	for j > lo && (!d.clauseBoundary(j-1) || d.coordinator(lo, j-1)) {
		j--
	}
	if j == end && j-1 > lo && isComma(d.toks[j-1].text) {
		k := d.appositiveStart(lo, j-1)
		if k < 0 {
			return end, end
		}
		first := k + 1
		if in("det", d.toks[first].low) && first+1 < j-1 && d.toks[first+1].capitalised() {
			first++ // "A shareholder group, the Harlow Depositors Association, said"
		}
		if d.toks[first].capitalised() && !in("rel", d.toks[first].low) && !in("det", d.toks[first].low) && d.lastWordCapitalised(first, j-1) {
			return first, j - 1
		}
		return d.subjectBack(lo, k)
	}
	// A pronoun subject: "as he rejected".
	if j == end && j > lo && isPronoun(d.toks[j-1].low) {
		return j - 1, end
	}
	return j, end
}

// coordinator reports whether token k joins two parties inside a subject:
// "and" between two nouns ("Pozen and the individual defendants"), or
// ", as well as" ("Authorities in Kabul, as well as NATO").
func (d *document) coordinator(lo, k int) bool {
	w := d.toks[k].low
	if k+1 >= len(d.toks) || k <= lo {
		return false
	}
	if w == "," || w == "as" || w == "well" {
		for k > lo && d.toks[k].low != "," {
			k--
		}
		return k+3 < len(d.toks) && d.toks[k+1].low == "as" && d.toks[k+2].low == "well" && d.toks[k+3].low == "as"
	}
	return w == "and" && d.npWord(k-1) && !d.verbLike(k+1) && (d.npWord(k+1) || in("det", d.toks[k+1].low) || in("poss", d.toks[k+1].low))
}

// lastWordCapitalised reports whether the last word of [lo, hi) is
// capitalised (a name, not "a former team-mate").
func (d *document) lastWordCapitalised(lo, hi int) bool {
	return hi > lo && d.toks[hi-1].capitalised()
}

// npBack reads a noun phrase backwards from end, without crossing a
// preposition (the noun a relative clause belongs to: "the US investors
// who are claiming").
func (d *document) npBack(lo, end int) int {
	j := end
	for j > lo && (d.npWord(j-1) || in("det", d.toks[j-1].low) || in("poss", d.toks[j-1].low)) && !in("prep", d.toks[j-1].low) {
		j--
		if in("det", d.toks[j].low) || in("poss", d.toks[j].low) {
			break
		}
	}
	return j
}

// hasVerb reports whether [lo, hi) holds a verb.
func (d *document) hasVerb(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if d.verbLike(k) {
			return true
		}
	}
	return false
}

func isComma(s string) bool { return s == "," || s == "-" || s == "—" || s == "–" }

func isPronoun(w string) bool {
	return in("pron.m", w) || in("pron.f", w) || in("pron.n", w) || in("pron.p", w) || in("pron.1", w)
}

// appositiveStart: given the comma at c that closes an appositive or a
// relative clause, returns the index of the comma that opens it, when the
// words between look like one ("who …", "a columnist", "29").
func (d *document) appositiveStart(lo, c int) int {
	for k := c - 1; k > lo; k-- {
		t := d.toks[k]
		if isComma(t.text) && t.text == d.toks[c].text || isComma(t.text) && d.toks[c].text != "," {
			first := d.toks[k+1]
			if in("rel", first.low) || in("det", first.low) || in("poss", first.low) || first.isWord() && !d.verbLike(k+1) && !d.hasVerb(k+1, c) {
				if k > lo && d.toks[k-1].isWord() {
					return k
				}
			}
			return -1
		}
		if t.text == ";" || t.text == ":" || quoteMark(t.text) != 0 {
			return -1
		}
	}
	return -1
}

// clauseStart is where the main clause of sentence s begins: after a
// dateline ("WASHINGTON (AP) -", "New Delhi:") and a fronted adverbial
// ("However,", "In a statement,", "Last week,").
func (d *document) clauseStart(s int) int {
	sn := d.sents[s]
	i := d.datelineEnd(s)
	if i < sn.hi && (in("prep", d.toks[i].low) || in("time", d.toks[i].low) || in("conj", d.toks[i].low) || d.verbLike(i) ||
		strings.HasSuffix(d.toks[i].low, "ly") || d.toks[i].low == "however" || d.toks[i].low == "meanwhile") {
		for k := i; k < sn.hi && k < i+12; k++ {
			if d.toks[k].text == "," {
				return k + 1
			}
		}
	}
	return i
}

func isUpperWord(s string) bool {
	return len(s) > 1 && strings.ToUpper(s) == s && strings.ToLower(s) != s
}

// headOf trims a subject or object span to its noun phrase: no leading
// preposition or conjunction, no trailing time adjunct, and no
// prepositional tail after a common head ("Prosecutors in the … case").
func (d *document) headOf(lo, hi int) (int, int) {
	for lo < hi && (in("prep", d.toks[lo].low) && d.toks[lo].low != "of" || in("conj", d.toks[lo].low) || !d.toks[lo].isWord() && d.toks[lo].text != "(") {
		lo++
	}
	for hi > lo && (!d.toks[hi-1].isWord() && d.toks[hi-1].text != ")" || in("time", d.toks[hi-1].low) || in("aux", d.toks[hi-1].low)) {
		hi--
		for hi > lo && (in("prep", d.toks[hi-1].low) || in("time", d.toks[hi-1].low) || in("det", d.toks[hi-1].low)) {
			hi--
		}
	}
	return lo, hi
}
