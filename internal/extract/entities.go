package extract

import (
	"sort"
	"strings"

	"claims/internal/model"
)

// The mentions stage: the named parties of the article (runs of
// capitalised words, with the titles before them stripped), what the
// article calls them ("retailer", "lawyer"), their short forms (a surname,
// an acronym) and, for people, a gender when the article gives one.

type entity struct {
	name   string
	person bool
	org    bool
	gender byte            // 'm', 'f' or 0
	roles  map[string]bool // lower-case words the article puts before or after the name
	short  map[string]bool // lower-case short forms: surname, first name, acronym
	known  *model.Actor
}

// nameRun is one occurrence of a name: tokens [lo, hi) and its entity.
type nameRun struct {
	lo, hi, ent int
}

// findEntities collects the named parties of d.
func (d *document) findEntities(known *knownIndex) ([]entity, []nameRun) {
	var ents []entity
	var runs []nameRun
	for i := 0; i < len(d.toks); {
		lo, hi := d.nameAt(i)
		if hi == lo {
			i++
			continue
		}
		i = hi
		if lo < d.datelineEnd(d.toks[lo].sent) {
			continue // "NEW YORK (Reuters) -": where the report was filed
		}
		lo = d.stripTitles(lo, hi)
		if lo == hi || d.commonOpener(lo, hi) {
			continue
		}
		e := d.linkEntity(ents, lo, hi)
		if e < 0 && d.toks[lo].quote >= 0 {
			continue // a name first seen inside a quotation: not a party of the article's own
		}
		if e < 0 {
			ents = append(ents, d.newEntity(lo, hi, known))
			e = len(ents) - 1
		}
		d.describe(&ents[e], lo, hi)
		runs = append(runs, nameRun{lo, hi, e})
	}
	return ents, d.roleMentions(ents, runs)
}

// roleMentions adds the mentions of named parties by a role or body word
// with an article ("The mayor", "the company") when a party was given that
// word before, so that a pronoun after them finds them.
func (d *document) roleMentions(ents []entity, runs []nameRun) []nameRun {
	out := append([]nameRun(nil), runs...)
	for i := 1; i < len(d.toks); i++ {
		if !in("det", d.toks[i-1].low) || !(in("role", d.toks[i].low) || in("body", d.toks[i].low)) || d.toks[i].quote >= 0 {
			continue
		}
		for k := len(runs) - 1; k >= 0; k-- {
			if runs[k].lo < i && ents[runs[k].ent].roles[d.toks[i].low] {
				out = append(out, nameRun{i, i + 1, runs[k].ent})
				break
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].lo < out[b].lo })
	return out
}

// nameAt returns the run of capitalised words starting at i: "of", "and",
// "&", "for" and numbers may join capitalised words ("University of
// Rochester", "Local 1145"), a parenthesised acronym may follow, and a
// possessive ends it.
func (d *document) nameAt(i int) (int, int) {
	if !d.toks[i].capitalised() || !d.toks[i].isWord() || in("det", d.toks[i].low) || in("poss", d.toks[i].low) || isPronoun(d.toks[i].low) ||
		in("time", d.toks[i].low) || in("number", d.toks[i].low) || in("opener", d.toks[i].low) && d.opensSentence(i) {
		return i, i
	}
	j := i
	for j < len(d.toks) && d.toks[j].sent == d.toks[i].sent {
		t := d.toks[j]
		if j > i && d.toks[j-1].poss {
			break
		}
		switch {
		case t.capitalised() && t.isWord() && !(j > i && in("time", t.low)):
		case j > i && t.isWord() && t.low[0] >= '0' && t.low[0] <= '9':
		case (t.low == "of" || t.low == "for" || t.low == "de") && j+1 < len(d.toks) && d.toks[j+1].capitalised():
		case (t.low == "and" || t.low == "&") && d.orgAhead(j+1):
		default:
			return i, j
		}
		j++
	}
	return i, j
}

// orgAhead reports whether the capitalised words from i end in an
// organisation's word, so that "and" joins them to the name before it
// ("Securities and Exchange Commission", not "Alex Spiro and William
// Burck").
func (d *document) orgAhead(i int) bool {
	j := i
	for j < len(d.toks) && d.toks[j].capitalised() && d.toks[j].isWord() {
		j++
	}
	return j > i && in("orghead", d.toks[j-1].low)
}

// opensSentence reports whether token i is the first word of its
// sentence, after any dateline and quotation mark.
func (d *document) opensSentence(i int) bool {
	s := d.toks[i].sent
	k := d.datelineEnd(s)
	for k < i && !d.toks[k].isWord() {
		k++
	}
	return k == i
}

// stripTitles drops the titles and roles at the start of a name ("Union
// Health Minister Mansukh Mandaviya" → "Mansukh Mandaviya").
func (d *document) stripTitles(lo, hi int) int {
	for k := hi - 1; k >= lo; k-- {
		if in("title", d.toks[k].low) && k+1 < hi {
			return k + 1
		}
	}
	return lo
}

// commonOpener reports whether a one-word name is only a capitalised word
// opening a sentence: a word of the word lists ("Prosecutors",
// "However") or one the article also writes in lower case. A name that
// opens a sentence ("Ruritania has accused …") is kept.
func (d *document) commonOpener(lo, hi int) bool {
	if hi-lo != 1 {
		return false
	}
	w := d.toks[lo].low
	if in("time", w) || in("title", w) {
		return true
	}
	if !d.opensSentence(lo) {
		return false
	}
	for _, list := range []string{"role", "body", "opener", "det", "conj", "prep", "stop", "number", "doc", "ref", "plural"} {
		if in(list, w) || in(list, singular(w)) {
			return true
		}
	}
	for _, t := range d.toks {
		if t.low == w && !t.capitalised() {
			return true
		}
	}
	return false
}

// linkEntity returns the entity that the name [lo, hi) is another
// mention of: the same name, or a short form of it (a surname, a first
// name, an acronym, the first word of an organisation), or -1.
func (d *document) linkEntity(ents []entity, lo, hi int) int {
	name := strings.ToLower(d.nameText(lo, hi))
	for e := len(ents) - 1; e >= 0; e-- {
		if strings.ToLower(ents[e].name) == name || ents[e].short[name] {
			return e
		}
	}
	return -1
}

// nameText is the name [lo, hi) without a possessive ending.
func (d *document) nameText(lo, hi int) string {
	s := d.span(lo, hi)
	for _, suf := range []string{"'s", "’s"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

func (d *document) newEntity(lo, hi int, known *knownIndex) entity {
	e := entity{name: d.nameText(lo, hi), roles: map[string]bool{}, short: map[string]bool{}}
	if a, ok := known.find(e.name); ok {
		e.known = &a
	}
	words := strings.Fields(e.name)
	last := strings.ToLower(words[len(words)-1])
	e.org = in("orghead", last) || hi < len(d.toks) && d.toks[hi].text == "("
	for _, w := range words[:len(words)-1] {
		e.org = e.org || in("orghead", strings.ToLower(w)) && len(words) > 2
	}
	if !e.org && len(words) >= 2 && len(words) <= 4 {
		e.person = true
		for _, w := range words {
			if in("orghead", strings.ToLower(w)) || !d.isNameWord(w) {
				e.person = false
			}
		}
	}
	if len(words) > 1 {
		e.short[last] = e.person
		e.short[strings.ToLower(words[0])] = true
	}
	if hi+2 < len(d.toks) && d.toks[hi].text == "(" && d.toks[hi+2].text == ")" {
		e.short[d.toks[hi+1].low] = true
	}
	return e
}

// isNameWord reports whether w looks like a part of a person's name.
func (d *document) isNameWord(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	return !in("body", lw) && !in("outlet", lw) && !in("place", lw) && !strings.ContainsAny(w, "0123456789&")
}

// describe records what the words around a name say about it: a title or
// role before it ("defense lawyer A. Scott Bolden", "Irish retailer
// Primark", "Minister of state …, M.J. Akbar,"), a body word right after it
// ("… (LNJP) hospital"), a first name or a pronoun that gives a gender.
// The descriptor nearest the name decides person or organisation.
func (d *document) describe(e *entity, lo, hi int) {
	sl := d.sents[d.toks[lo].sent].lo
	start, appos := lo, lo > sl+1 && d.toks[lo-1].text == "," && hi < len(d.toks) && d.toks[hi].text == ","
	if appos {
		start = lo - 1
	}
	first := true
	for k := start - 1; k >= sl && k >= start-7; k-- {
		w, t := d.toks[k].low, d.toks[k]
		desc := in("role", singular(w)) || in("title", w) || in("body", w) || in("outlet", w)
		if !t.isWord() || in("det", w) || in("poss", w) || t.poss || first && !desc && !appos || !appos && in("prep", w) {
			break
		}
		e.roles[w] = true
		if first && desc {
			first = false
			e.person, e.org = !(in("body", w) || in("outlet", w)), in("body", w) || in("outlet", w)
		}
		if in("female", w) || in("male", w) {
			e.gender = map[bool]byte{true: 'f', false: 'm'}[in("female", w)]
		}
	}
	if k := hi; k < len(d.toks) && !d.toks[hi-1].poss {
		if k+2 < len(d.toks) && d.toks[k].text == "(" && d.toks[k+2].text == ")" {
			k += 3
		}
		if k < len(d.toks) && in("body", d.toks[k].low) && d.toks[k].sent == d.toks[lo].sent {
			e.roles[d.toks[k].low], e.org, e.person = true, true, false
		}
	}
	if fn := strings.ToLower(strings.Fields(e.name)[0]); e.gender == 0 && e.person && (in("name.f", fn) || in("name.m", fn)) {
		e.gender = map[bool]byte{true: 'f', false: 'm'}[in("name.f", fn)]
	}
	if e.person && e.gender == 0 {
		e.gender = d.pronounAfter(hi)
	}
}

// pronounAfter gives the gender of the first "he" or "she" after a name in
// its sentence, when no other name comes between.
func (d *document) pronounAfter(hi int) byte {
	for k := hi; k < len(d.toks) && d.toks[k].sent == d.toks[hi-1].sent; k++ {
		switch {
		case d.toks[k].capitalised() && k > hi && d.toks[k].quote < 0 && !isPronoun(d.toks[k].low):
			return 0
		case d.toks[k].low == "he" || d.toks[k].low == "his":
			return 'm'
		case d.toks[k].low == "she" || d.toks[k].low == "her":
			return 'f'
		}
	}
	return 0
}
