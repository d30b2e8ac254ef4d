package extract

import (
	"slices"
	"strings"
)

// The speaker stage: the span a pattern picked as speaker becomes an
// actor. A name is the party it names (a surname or an acronym the party
// named in full before); a role or a body ("the company", "the health
// minister") is the named party the article gave that word, else the
// words themselves; a document ("the lawsuit filed by X", "an article in
// Y") speaks for its author; a pronoun is the last speaker or name that
// fits it. What cannot be grounded so is left without an actor.

type resolver struct {
	d     *document
	ents  []entity
	runs  []nameRun
	known *knownIndex
	hist  []spoken
	heads map[string]Actor // a party known only by words, by its head word ("manager")
}

// spoken is a resolved speaker, for pronouns and documents later on.
type spoken struct {
	at     int // token of the cue
	actor  Actor
	ent    int  // the entity, or -1
	plural bool // "officials"
	person byte // 'm', 'f' or 'p' when the words name a person ("a spokesman for X"), else 0
}

// speakers resolves the speaker span [lo, hi) of a cue at token at; a
// coordinated span ("Authorities in Kabul, as well as NATO and US
// officials") gives one actor for each party.
func (r *resolver) speakers(lo, hi, at int) []Actor {
	d := r.d
	lo, hi = d.headOf(lo, hi)
	if lo >= hi || d.quantifier(lo, hi) && d.toks[lo].low != "they" {
		return nil
	}
	if hi-lo == 1 && isPronoun(d.toks[lo].low) {
		if a, ok := r.pronoun(d.toks[lo].low, at); ok {
			return []Actor{a}
		}
		return nil
	}
	var out []Actor
	for _, p := range r.coordinated(lo, hi) {
		a, e, ok := r.one(p[0], p[1], at)
		if !ok {
			return nil
		}
		out = append(out, a)
		r.hist = append(r.hist, spoken{at: at, actor: a, ent: e, plural: r.plural(p[0], p[1]), person: r.personWords(p[0], p[1])})
	}
	return out
}

// coordinated splits a speaker span at "and", "as well as" and commas when
// every part holds a name.
func (r *resolver) coordinated(lo, hi int) [][2]int {
	d := r.d
	var parts [][2]int
	start := lo
	for k := lo; k < hi; k++ {
		w := d.toks[k].low
		if w == "," || w == "and" && !r.inName(k) {
			parts = append(parts, [2]int{start, k})
			start = k + 1
			if k+2 < hi && d.toks[k+1].low == "as" && d.toks[k+2].low == "well" {
				start = k + 4
			}
		}
	}
	parts = append(parts, [2]int{start, hi})
	if len(parts) == 1 {
		return parts
	}
	for _, p := range parts {
		if p[0] >= p[1] || !r.hasName(p[0], p[1]) {
			return [][2]int{{lo, hi}}
		}
	}
	return parts
}

func (r *resolver) inName(k int) bool {
	for _, n := range r.runs {
		if k > n.lo && k < n.hi {
			return true
		}
	}
	return false
}

func (r *resolver) hasName(lo, hi int) bool {
	if _, ok := r.known.find(r.d.span(lo, hi)); ok {
		return true
	}
	return r.lastRun(lo, hi) >= 0
}

// lastRun is the index of the last name run inside [lo, hi), or -1.
func (r *resolver) lastRun(lo, hi int) int {
	best := -1
	for i, n := range r.runs {
		if n.lo >= lo && n.hi <= hi {
			best = i
		}
	}
	return best
}

// personWords says whether a speaker span's first noun is a person's role
// ("a spokesman for Glaxo"), with the gender it gives.
func (r *resolver) personWords(lo, hi int) byte {
	for k := lo; k < hi; k++ {
		w := r.d.toks[k].low
		switch {
		case in("female", w):
			return 'f'
		case in("male", w):
			return 'm'
		case in("role", singular(w)):
			return 'p'
		case in("prep", w):
			return 0
		}
	}
	return 0
}

// plural reports whether a speaker span names several ("officials").
func (r *resolver) plural(lo, hi int) bool {
	w := r.d.toks[hi-1].low
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && r.lastRun(lo, hi) < 0
}

// one resolves a single party's span; it returns the actor, its entity
// (or -1) and whether it is grounded.
func (r *resolver) one(lo, hi, at int) (Actor, int, bool) {
	d := r.d
	if a, ok := r.document(lo, hi, at); ok {
		return a, -1, true
	}
	hi = r.cutTail(lo, hi)
	lo, hi = d.headOf(lo, hi)
	if lo >= hi {
		return Actor{}, -1, false
	}
	mention := d.span(lo, hi)
	head := singular(d.toks[hi-1].low)
	if k := r.firstPrep(lo, hi); k > lo && (in("role", singular(d.toks[k-1].low)) || in("body", singular(d.toks[k-1].low))) {
		// "a spokesman for Glaxo" is Glaxo; "a spokesman for Prime
		// Minister Boris Johnson", "Authorities in Kabul" are their words.
		if n := r.lastRun(k, hi); n >= 0 && r.ents[r.runs[n].ent].org && strings.HasPrefix(d.toks[k-1].low, "spokes") {
			return r.entityActor(r.runs[n].ent, mention), r.runs[n].ent, true
		}
		return r.wordsActor(lo, hi, mention), -1, true
	}
	if hi-lo > 3 && d.toks[hi-1].text == ")" && d.toks[hi-3].text == "(" {
		hi -= 3 // "The Spanish Football Federation (RFEF)"
	}
	if n := r.lastRun(lo, hi); n >= 0 {
		run := r.runs[n]
		if run.hi == hi {
			return r.entityActor(run.ent, mention), run.ent, true
		}
		if d.bodyAfter(run.hi, hi) && strings.Contains(r.ents[run.ent].name, " ") && r.ents[run.ent].org {
			return r.entityActor(run.ent, mention), run.ent, true // "Lok Nayak Jai Prakash (LNJP) hospital"
		}
		if d.bodyAfter(run.hi, hi) || d.toks[run.hi-1].poss && (in("role", head) || in("body", head)) {
			return r.wordsActor(lo, hi, mention), -1, true
		}
	}
	if e := r.byRole(head, lo); e >= 0 && r.fits(e, lo, hi) {
		return r.entityActor(e, mention), e, true
	}
	if a, ok := r.known.find(mention); ok {
		return Actor{ID: a.ID, Name: a.Name, Kind: a.Kind, Mention: mention}, -1, true
	}
	if a, ok := r.known.endsWith(head, d.text); ok && in("body", head) {
		return Actor{ID: a.ID, Name: a.Name, Kind: a.Kind, Mention: mention}, -1, true
	}
	if in("role", head) || in("body", head) || d.nounPhrase(lo, hi) {
		return r.wordsActor(lo, hi, mention), -1, true // "The cyclist", "Investigators"
	}
	return Actor{}, -1, false
}

// nounPhrase reports whether [lo, hi) is a plain noun phrase that can
// speak: words only, headed by a noun that is not a pronoun, a number or
// a time.
func (d *document) nounPhrase(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if !d.npWord(k) && !in("det", d.toks[k].low) && !in("poss", d.toks[k].low) {
			return false
		}
	}
	h := d.toks[hi-1].low
	led := in("det", d.toks[lo].low) || in("poss", d.toks[lo].low) || singular(h) != h
	return led && d.toks[hi-1].isWord() && !isPronoun(h) && !in("number", h) && !in("time", h) && !in("det", h) && !in("stop", h)
}

// firstPrep is the first preposition in [lo, hi) outside a name, or -1.
func (r *resolver) firstPrep(lo, hi int) int {
	for k := lo + 1; k < hi; k++ {
		if in("prep", r.d.toks[k].low) && !r.inName(k) {
			return k
		}
	}
	return -1
}

// cutTail ends a speaker span before a prepositional tail ("Prosecutors in
// the … case", "Lakhjeet Singh's family in a series of tweets"), keeping
// one that names whom a role or document belongs to ("a spokesman for
// British Prime Minister Boris Johnson", "Authorities in Kabul", "an
// article in the Sunday Star Times").
func (r *resolver) cutTail(lo, hi int) int {
	d := r.d
	for k := lo + 1; k < hi; k++ {
		if d.verbLike(k) && !d.toks[k].capitalised() && !r.inName(k) {
			return k // "A resident reached by phone"
		}
		if !in("prep", d.toks[k].low) || r.inName(k) {
			continue
		}
		h := singular(d.toks[k-1].low)
		next := k + 1
		for next < hi && (in("det", d.toks[next].low) || d.toks[next].poss && !d.toks[next].capitalised()) {
			next++
		}
		named := next < hi && d.toks[next].capitalised()
		if (in("role", h) || in("body", h) || in("doc", h)) && named {
			continue
		}
		return k
	}
	return hi
}

// bodyAfter reports whether only body words follow a name up to hi ("Lok
// Nayak Jai Prakash (LNJP) hospital").
func (d *document) bodyAfter(k, hi int) bool {
	for ; k < hi; k++ {
		if t := d.toks[k]; !(in("body", singular(t.low)) || t.text == "(" || t.text == ")" || t.capitalised()) {
			return false
		}
	}
	return true
}

// document resolves a document as speaker ("a lawsuit filed by X", "an
// article in X", "The statement") to its author.
func (r *resolver) document(lo, hi, at int) (Actor, bool) {
	d := r.d
	k := lo
	for k < hi && !in("doc", d.toks[k].low) {
		k++
	}
	if k >= hi || k > lo+3 {
		return Actor{}, false
	}
	for j := k + 1; j < hi-1; j++ {
		if w := d.toks[j].low; w == "by" || w == "in" || w == "from" {
			a, _, ok := r.one(j+1, hi, at)
			return a, ok
		}
	}
	if k > lo && d.toks[k-1].poss {
		a, _, ok := r.one(lo, k, at)
		return a, ok
	}
	if e := r.docAgent(d.toks[k].low, lo); k == hi-1 && e >= 0 {
		return r.entityActor(e, d.span(lo, hi)), true
	}
	if k == lo+1 && in("poss", d.toks[lo].low) {
		return r.pronoun(possPronoun(d.toks[lo].low), lo) // "His suit alleges"
	}
	if k == hi-1 {
		return r.docOwner(d.toks[k].low, lo) // "The statement released …" after "X released a statement"
	}
	return Actor{}, false
}

// docOwner is the subject of the latest sentence before token at that
// names a document of the same kind ("The Spanish Football Federation
// have released a formal statement …" for "The statement"); nothing when
// the article names none.
func (r *resolver) docOwner(noun string, at int) (Actor, bool) {
	d := r.d
	for k := at - 1; k >= 0; k-- {
		if d.toks[k].low != noun || d.toks[k].quote >= 0 {
			continue
		}
		s := d.toks[k].sent
		cs := d.clauseStart(s)
		if end := d.npForward(cs, k); end > cs && end < k && !d.refHead(cs, end) {
			a, _, ok := r.one(cs, end, cs)
			return a, ok
		}
	}
	return Actor{}, false
}

// fits reports whether the words before the head of [lo, hi) agree with
// what the article called entity e: "the central bank" is not "Harlow
// Savings Bank", "the 59-year-old director" not a director named before
// without an age. Generic company words ("the pharmaceutical firm") fit any
// organisation.
func (r *resolver) fits(e, lo, hi int) bool {
	en := r.ents[e]
	if h := singular(r.d.toks[hi-1].low); en.person && in("body", h) && !in("role", h) {
		return false // "Police" are not the police chief
	}
	if in("kind.org", singular(r.d.toks[hi-1].low)) && !en.roles[singular(r.d.toks[hi-1].low)] && !en.person {
		return true
	}
	names := strings.Fields(strings.ToLower(en.name))
	for k := lo; k < hi-1; k++ {
		w := r.d.toks[k].low
		if in("det", w) || in("poss", w) || !r.d.toks[k].isWord() {
			continue
		}
		if !en.roles[w] && !slices.Contains(names, w) {
			return false
		}
	}
	return true
}

// docAgent returns the named author of the latest document the article
// calls noun before token at ("An article in Mother Jones" for "the
// article"), or -1.
func (r *resolver) docAgent(noun string, at int) int {
	d := r.d
	for k := at - 1; k >= 1; k-- {
		if d.toks[k].low != noun || k+2 >= len(d.toks) || !in("doc", noun) {
			continue
		}
		if w := d.toks[k+1].low; w == "in" || w == "by" || w == "from" {
			for _, n := range r.runs {
				if n.lo > k+1 && n.lo <= k+3 {
					return n.ent
				}
			}
		}
	}
	return -1
}

// byRole returns the named party the article gave the role or body word
// head, the latest first, or -1.
func (r *resolver) byRole(head string, at int) int {
	if !in("role", head) && !in("body", head) {
		return -1
	}
	for i := len(r.runs) - 1; i >= 0; i-- {
		n := r.runs[i]
		if n.lo >= at {
			continue
		}
		e := r.ents[n.ent]
		if e.roles[head] || slices.Contains(strings.Fields(strings.ToLower(e.name)), head) {
			return n.ent
		}
	}
	if !in("kind.org", head) || head == "group" || head == "union" {
		return -1
	}
	if d := r.docAgent(head, at); d >= 0 {
		return d
	}
	// "the company", "the firm": the latest organisation that spoke, else
	// the latest named that is not of another sort (a board, a newspaper).
	for i := len(r.hist) - 1; i >= 0; i-- {
		if h := r.hist[i]; h.ent >= 0 && r.ents[h.ent].org && r.d.toks[at].sent-r.d.toks[h.at].sent <= 6 {
			return h.ent
		}
	}
	for i := len(r.runs) - 1; i >= 0; i-- {
		n := r.runs[i]
		e := r.ents[n.ent]
		last := strings.ToLower(e.name[strings.LastIndex(e.name, " ")+1:])
		if n.lo < at && r.d.toks[n.lo].quote < 0 && e.org && e.known == nil && !in("body", last) && !in("outlet", last) && !in("orghead", last) {
			return n.ent
		}
	}
	return -1
}

func (r *resolver) entityActor(e int, mention string) Actor {
	en := r.ents[e]
	if en.known != nil {
		return Actor{ID: en.known.ID, Name: en.known.Name, Kind: en.known.Kind, Mention: mention}
	}
	return Actor{Name: en.name, Kind: guessKind(en.name, en.person), Mention: mention}
}

// wordsActor is a party known only by the words that name it ("Lance
// Armstrong's lawyer", "Union officials"), without a leading article.
func (r *resolver) wordsActor(lo, hi int, mention string) Actor {
	d := r.d
	if in("det", d.toks[lo].low) && lo+1 < hi {
		lo++
	}
	name := d.span(lo, hi)
	if a, ok := r.known.find(name); ok && strings.EqualFold(a.Name, name) {
		return Actor{ID: a.ID, Name: a.Name, Kind: a.Kind, Mention: mention}
	}
	head, prep := singular(d.toks[hi-1].low), r.firstPrep(lo, hi)
	if prep > lo && in("role", singular(d.toks[prep-1].low)) {
		head = singular(d.toks[prep-1].low) // "a spokesman for X" is "the spokesman" after
	}
	if in("poss", d.toks[lo].low) && lo+1 < hi {
		// "his political opponents" is the known "Imran Khan's political
		// opponents" when "his" is Imran Khan.
		if p, ok := r.pronoun(possPronoun(d.toks[lo].low), lo); ok {
			if a, ok := r.known.find(p.Name + "'s " + d.span(lo+1, hi)); ok {
				return Actor{ID: a.ID, Name: a.Name, Kind: a.Kind, Mention: mention}
			}
		}
	}
	if a, ok := r.heads[head]; ok && r.lastRun(lo, hi) < 0 && prep < 0 {
		a.Mention = mention
		return a // "The manager" is "his former manager" named before
	}
	a := Actor{Name: name, Kind: guessKind(name, in("role", head)), Mention: mention}
	if r.heads == nil {
		r.heads = map[string]Actor{}
	}
	if _, ok := r.heads[head]; !ok && (in("role", head) || in("body", head)) {
		r.heads[head] = a
	}
	return a
}

// pronoun resolves "he", "she", "it" or "they" at token at: the named
// subject of the sentence before, else the latest speaker that fits
// within six sentences. Nothing else is safe enough: a name merely
// mentioned is not taken.
func (r *resolver) pronoun(w string, at int) (Actor, bool) {
	sent := r.d.toks[at].sent
	fits := func(e int, plural bool, a Actor) bool {
		switch {
		case in("pron.m", w) || in("pron.f", w):
			if e < 0 || !r.ents[e].person {
				return a.Kind == "person" && !plural
			}
			g := r.ents[e].gender
			return r.ents[e].person && (g == 0 || in("pron.m", w) == (g == 'm'))
		case in("pron.n", w):
			return !plural && (e >= 0 && !r.ents[e].person || e < 0 && a.Kind != "person")
		case in("pron.p", w):
			return plural
		}
		return false
	}
	if prev := sent - 1; prev >= 0 && r.d.toks[at].quote < 0 {
		// The named subject of the sentence before is the likeliest.
		cs := r.d.clauseStart(prev)
		for _, n := range r.runs {
			if n.lo >= cs && n.lo <= cs+1 && r.d.toks[n.lo].quote < 0 && fits(n.ent, false, Actor{}) {
				return r.entityActor(n.ent, r.d.span(n.lo, n.hi)), true
			}
		}
	}
	for i := len(r.hist) - 1; i >= 0; i-- {
		h := r.hist[i]
		if sent-r.d.toks[h.at].sent > 6 {
			break
		}
		if fits(h.ent, h.plural, h.actor) || h.person != 0 && (in("pron.m", w) && h.person != 'f' || in("pron.f", w) && h.person != 'm') {
			return h.actor, true
		}
	}
	return Actor{}, false
}

// possPronoun is the subject pronoun of a possessive one.
func possPronoun(w string) string {
	switch w {
	case "his":
		return "he"
	case "her":
		return "she"
	case "its":
		return "it"
	}
	return "they"
}

// singular is a plural noun's singular by its last letter ("officials" →
// "official"), enough to look it up in the word lists.
func singular(w string) string {
	if strings.HasSuffix(w, "ies") && len(w) > 4 {
		return strings.TrimSuffix(w, "ies") + "y"
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3 {
		return strings.TrimSuffix(w, "s")
	}
	return w
}
