package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The proposals stage: each attribution with a grounded speaker becomes a
// proposal (one per speaker when several speak together), with the
// article's words as its quote and the reported clause as its statement.
// A counter-claim is marked by its cue (deny, dispute, call … false) or by
// what its content says of a claim ("the allegations are untrue").

// prop is a proposal with what pairing needs to know about it.
type prop struct {
	Proposal
	at        attribution
	sent      int
	counter   int // 3 a denial, 2 a dispute, 1 a negation that may answer, 0 a claim
	ref       [2]int
	agent     []Actor // whose claim a denial names ("claims by X", "X's allegations")
	obj       string  // an accusation's accused, as written
	objActor  []Actor // the accused, resolved
	forWhom   []Actor // whom the speaker speaks for ("a spokesman for the minister")
	words     map[string]bool
	implicit  bool
	bare      bool // a denial with no words of its own ("denied the allegations")
	plural    bool // "All three parties denied": one counter-claim for each party the claim is about
	mergeInto int  // for a repeated answer: the paired counter-claim it is folded into, else -1
}

// propose turns attributions into proposals.
func (r *resolver) propose(as []attribution) []prop {
	var out []prop
	for _, a := range as {
		actors := r.speakerOf(a)
		lo, hi := r.d.coverage(a)
		base := prop{at: a, sent: a.sent, mergeInto: -1}
		base.Start, base.End = r.d.toks[lo].start, r.d.toks[hi-1].end
		base.Quote = r.d.text[base.Start:base.End]
		base.Verb = r.d.span(a.cue, a.cueEnd)
		base.Answers = -1
		base.Statement = r.statement(a)
		base.counter, base.ref = r.d.counterOf(a)
		base.bare = base.counter >= 2 && a.con[1] <= a.con[0] && a.cont == 0
		base.agent = r.agentOf(base.ref, a.cue)
		base.words = r.d.contentWords(a)
		base.Subjects = r.parties(a.con[0], a.con[1], actors)
		base.plural = len(actors) == 0 && r.d.quantifier(a.spk[0], a.spk[1])
		if a.obj[1] > a.obj[0] {
			base.obj = r.d.span(a.obj[0], a.obj[1])
			base.objActor = r.resolveSpan(a.obj[0], a.obj[1], a.cue)
		}
		base.forWhom = r.speaksFor(a.spk[0], a.spk[1], a.cue)
		if base.counter < 2 && r.d.intent(a) {
			continue // "said it would appeal", "said they were investigating": not a claim
		}
		if !asserts(base.Statement) {
			continue // quotation marks and a verb, no words: nothing to review
		}
		if len(actors) == 0 {
			out = append(out, base) // no grounded speaker: the reviewer picks one
			continue
		}
		for _, act := range actors {
			p := base
			p.Actor = act
			out = append(out, p)
		}
	}
	return r.mergeRuns(mergeSameSentence(out))
}

// mergeRuns joins a proposal to the one before when the same speaker goes
// on in the same paragraph with no one else speaking between ("… told
// the court her client had relied on the auditors. “He has never hidden
// anything,” she said."): one claim, quoted whole.
func (r *resolver) mergeRuns(ps []prop) []prop {
	var out []prop
	for _, p := range ps {
		n := len(out)
		if n == 0 || p.Actor.Name == "" || !sameActor(out[n-1].Actor, p.Actor) || p.Start < out[n-1].End ||
			r.d.sents[out[n-1].sent].para != r.d.sents[p.sent].para || p.counter >= 2 && out[n-1].counter < 2 {
			out = append(out, p)
			continue
		}
		q := &out[n-1]
		q.Quote = r.d.text[q.Start:p.End]
		q.End = p.End
		q.Statement = strings.TrimSuffix(q.Statement, ".") + ". " + p.Statement
		q.counter = max(q.counter, p.counter)
		for w := range p.words {
			q.words[w] = true
		}
	}
	return out
}

// speakerOf resolves an attribution's speaker; one that names a party its
// own content names as accused is not trusted (the accused does not
// accuse himself).
func (r *resolver) speakerOf(a attribution) []Actor {
	if a.spk[1] <= a.spk[0] {
		return nil
	}
	actors := r.speakers(a.spk[0], a.spk[1], a.cue)
	if a.spk[1]-a.spk[0] == 1 && isPronoun(r.d.toks[a.spk[0]].low) && len(actors) == 1 {
		content := strings.ToLower(r.d.span(a.con[0], max(a.con[1], a.cont)))
		if name := strings.ToLower(actors[0].Name); name != "" && strings.Contains(content, name) {
			return nil
		}
	}
	return actors
}

// intent reports whether a report's clause says what its subject will
// do ("it would fight the lawsuit", "they were investigating").
func (d *document) intent(a attribution) bool {
	if a.quoted || a.class == "accuse" || a.class == "urge" {
		return false
	}
	for k := a.con[0]; k < a.con[1] && k < a.con[0]+4; k++ {
		if in("intent", d.toks[k].low) || k+1 < a.con[1] && in("intent", d.toks[k].low+" "+d.toks[k+1].low) {
			return true
		}
		if d.verbLike(k) {
			return false
		}
	}
	return false
}

// resolveSpan resolves a noun phrase or pronoun to the party it names,
// without recording it as a speaker.
func (r *resolver) resolveSpan(lo, hi, at int) []Actor {
	if hi-lo == 1 && isPronoun(r.d.toks[lo].low) {
		if a, ok := r.pronoun(r.d.toks[lo].low, at); ok {
			return []Actor{a}
		}
		return nil
	}
	if a, _, ok := r.one(lo, hi, at); ok {
		return []Actor{a}
	}
	return nil
}

// speaksFor finds whom a speaker speaks for: the party after "for" or
// before "'s" in "a spokesman for the minister", "Mercer's lawyer".
func (r *resolver) speaksFor(lo, hi, at int) []Actor {
	d := r.d
	for k := lo; k < hi; k++ {
		if d.toks[k].low == "for" && k+1 < hi {
			return r.resolveSpan(k+1, hi, at)
		}
		if d.toks[k].poss && k+1 < hi && in("role", singular(d.toks[hi-1].low)) {
			return r.resolveSpan(lo, k+1, at)
		}
	}
	return nil
}

// quantifier reports whether a speaker span only counts parties: "All
// three parties", "Both sides", "They".
func (d *document) quantifier(lo, hi int) bool {
	if lo >= hi {
		return false
	}
	for k := lo; k < hi; k++ {
		if w := d.toks[k].low; !in("plural", w) && !in("number", w) && !in("det", w) {
			return false
		}
	}
	return true
}

// parties are the parties named in [lo, hi): names, and a role or a body
// with an article or a possessive ("his political opponents", "the
// military"), except the speakers.
func (r *resolver) parties(lo, hi int, speakers []Actor) []Actor {
	d := r.d
	var out []Actor
	add := func(a Actor) {
		for _, b := range append(out, speakers...) {
			if sameActor(a, b) {
				return
			}
		}
		out = append(out, a)
	}
	for k := lo; k < hi; k++ {
		if n := r.runAt(k); n >= 0 {
			add(r.entityActor(r.runs[n].ent, d.span(r.runs[n].lo, r.runs[n].hi)))
			k = r.runs[n].hi - 1
			continue
		}
		if (in("det", d.toks[k].low) || in("poss", d.toks[k].low)) && d.toks[k].quote < 0 {
			e := d.npForward(k, hi)
			if e > k+1 && (in("role", singular(d.toks[e-1].low)) || in("body", singular(d.toks[e-1].low))) {
				if a, _, ok := r.one(k, e, k); ok {
					add(a)
				}
				k = e - 1
			}
		}
	}
	return out
}

// runAt is the index of the name run that starts at token k, or -1.
func (r *resolver) runAt(k int) int {
	for i, n := range r.runs {
		if n.lo == k {
			return i
		}
	}
	return -1
}

// coverage is the token span a proposal quotes: its speaker, cue and
// content, and a quotation that continues it.
func (d *document) coverage(a attribution) (int, int) {
	lo, hi := a.cue, a.cueEnd
	for _, sp := range [][2]int{a.spk, a.obj, a.ref, a.con} {
		if sp[1] > sp[0] {
			lo, hi = min(lo, sp[0]), max(hi, sp[1])
		}
	}
	if a.quoted {
		lo, hi = min(lo, a.con[0]-1), max(hi, min(a.con[1]+1, len(d.toks)))
	}
	hi = max(hi, a.cont)
	for hi > lo+1 && (d.toks[hi-1].text == "," || d.toks[hi-1].text == ";" || d.toks[hi-1].text == ":") {
		hi--
	}
	return lo, hi
}

// statement is what the proposal asserts, as a sentence of its own: the
// reported clause; for an accusation, the accused doing what it is
// accused of ("accused the firm of hiding losses" → "the firm hid
// losses"); for a denial with no clause, the speaker's own words.
func (r *resolver) statement(a attribution) string {
	d := r.d
	var s string
	switch {
	case a.class == "urge" && a.obj[1] > a.obj[0]:
		s = d.span(a.obj[0], a.obj[1]) + " should " + d.span(a.con[0], a.con[1])
	case a.class == "accuse" && a.obj[1] > a.obj[0] && a.con[1] > a.con[0]:
		s = d.span(a.obj[0], a.obj[1]) + " " + gerundToPast(d.span(a.con[0], a.con[1]), d.toks[a.cue].low)
	case a.con[1] > a.con[0] && a.id != "call-ref" && a.id != "deny-as":
		s = d.span(a.con[0], a.con[1])
		if (a.class == "deny" || a.class == "dispute") && d.toks[a.con[0]-1].low == "that" {
			s = d.span(a.cue, a.cueEnd) + " that " + s
		} else if a.class == "deny" || a.class == "dispute" {
			s = d.span(a.cue, a.cueEnd) + " " + s
		}
	default:
		lo, hi := d.coverage(a)
		s = d.span(a.cue, hi)
		if lo < a.cue && a.spk[0] > a.cue {
			s = d.span(lo, hi)
		}
	}
	if a.cont > max(a.con[1], a.cueEnd) {
		s += " " + d.span(max(a.con[1], a.cueEnd), a.cont)
	}
	return sentenceCase(trimTails(s))
}

// gerundToPast rewrites "lying to the court" as "lied to the court"; a
// noun ("fraud") after "accused … of" gives "committed fraud".
func gerundToPast(s, verb string) string {
	words := strings.Fields(s)
	lw := strings.ToLower(strings.Trim(words[0], "“”\""))
	if !strings.HasSuffix(lw, "ing") || len(lw) < 5 {
		if strings.HasPrefix(verb, "blam") {
			return "is to blame for " + s
		}
		return "committed " + s
	}
	for i := 0; i < len(words); i += 2 {
		w := strings.ToLower(words[i])
		if !strings.HasSuffix(w, "ing") || i > 0 && words[i-1] != "and" && words[i-1] != "or" {
			break
		}
		words[i] = pastOf(w)
	}
	return strings.Join(words, " ")
}

// pastOf is the past tense of an -ing form: the table's irregular ones,
// else the stem with -ed ("planning" → "planned", "trying" → "tried").
func pastOf(w string) string {
	for _, pair := range strings.Fields(lexRaw("past")) {
		if g, p, _ := strings.Cut(pair, "="); g == w {
			return p
		}
	}
	stem := strings.TrimSuffix(w, "ing")
	if strings.HasSuffix(stem, "y") {
		stem = strings.TrimSuffix(stem, "y") + "i"
	}
	return stem + "ed"
}

// trimTails drops quotation marks around a statement and the tails that
// are not part of what was said (", according to …", ", he said").
func trimTails(s string) string {
	for _, tail := range []string{", according to", ", he said", ", she said", ", it said", ", they said", ", adding"} {
		if i := strings.Index(s, tail); i > 0 {
			s = s[:i]
		}
	}
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "“”\"‘’',;:"))
	s = strings.TrimPrefix(s, "that ")
	return strings.Join(strings.Fields(s), " ")
}

// asserts says whether a statement has a word in it: one made of
// punctuation alone is not a claim.
func asserts(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// sentenceCase starts s with a capital and ends it with a full stop.
func sentenceCase(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}

// counterOf says how an attribution answers a claim, and the span of what
// it answers: a denial cue; "called the allegations false"; or content
// that calls a claim untrue ("the allegations against him are false").
func (d *document) counterOf(a attribution) (int, [2]int) {
	switch a.class {
	case "deny":
		return 3, a.ref
	case "dispute":
		return 2, a.ref
	case "call":
		if d.hasFalse(a.con[0], a.con[1]) {
			return 3, a.ref
		}
		return 0, a.ref
	}
	lo, hi := a.con[0], max(a.con[1], a.cont)
	for k := lo; k < hi; k++ {
		if (in("ref", d.toks[k].low) || d.toks[k].low == "they" || d.toks[k].low == "this") && d.hasFalse(max(lo, k-4), min(hi, k+12)) {
			return 3, [2]int{max(lo, k-3), k + 1}
		}
	}
	if a.class == "say" || a.class == "claim" || a.class == "according" {
		for k := lo; k < hi; k++ {
			if isNeg(d.toks[k]) {
				return 1, [2]int{}
			}
		}
	}
	return 0, [2]int{}
}

// hasFalse reports whether [lo, hi) calls something untrue.
func (d *document) hasFalse(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if n := d.phraseAt("false", k); n > 0 && k+n <= hi {
			return true
		}
	}
	return false
}

// agentOf finds whose claim a denial names: "claims by X", "allegations
// made by X", "X's allegations".
func (r *resolver) agentOf(ref [2]int, at int) []Actor {
	d := r.d
	for k := ref[0]; k < ref[1]; k++ {
		if in("ref", d.toks[k].low) && k > ref[0] && d.toks[k-1].poss {
			start := k - 1
			for start > ref[0] && d.toks[start-1].capitalised() {
				start--
			}
			if a, _, ok := r.one(start, k, at); ok {
				return []Actor{a}
			}
		}
		if d.toks[k].low == "by" && k+1 < ref[1] {
			end := d.npForward(k+1, ref[1])
			if end > k+1 {
				if a, _, ok := r.one(k+1, end, at); ok {
					return []Actor{a}
				}
			}
		}
	}
	return nil
}

// contentWords are the lower-case content words of an attribution's
// content and of what it answers, for pairing.
func (d *document) contentWords(a attribution) map[string]bool {
	m := map[string]bool{}
	for _, sp := range [][2]int{a.con, a.ref, a.obj, {a.con[1], a.cont}} {
		for k := sp[0]; k < sp[1]; k++ {
			if w := d.toks[k].low; d.toks[k].isWord() && len(w) > 2 && !in("stop", w) {
				m[stem(w)] = true
			}
		}
	}
	return m
}

// stem folds the endings that keep a word from meeting its relatives.
func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// mergeSameSentence joins two proposals by the same speaker in one
// sentence ("denied the allegations and said it would fight the lawsuit"):
// one claim, the stronger answer of the two.
func mergeSameSentence(ps []prop) []prop {
	var out []prop
	for _, p := range ps {
		if n := len(out); n > 0 && out[n-1].sent == p.sent && p.Actor.Name != "" && out[n-1].Actor.Name == p.Actor.Name && p.Start >= out[n-1].Start {
			q := &out[n-1]
			if p.End > q.End {
				q.Quote += p.Quote[max(0, q.End-p.Start):]
				q.End = p.End
			}
			q.Statement = strings.TrimSuffix(q.Statement, ".") + "; " + p.Statement
			if p.counter > q.counter {
				q.counter, q.ref, q.agent = p.counter, p.ref, p.agent
			}
			for w := range p.words {
				q.words[w] = true
			}
			continue
		}
		out = append(out, p)
	}
	return out
}

// claimFeatures are the features of proposal i as a claim a reviewer
// keeps, named as in tables/weights.tsv: its cue's class, its speaker (a
// name, a pronoun), whether it is in a pair, and how many claims its
// speaker made before it. Whether a speaker was found is not one: a
// quotation nobody could be given is judged as a claim like the others
// and proposed with no actor.
func (r *resolver) claimFeatures(ps []prop, i int) map[string]float64 {
	p, again, answered := ps[i], 0, false
	for j, q := range ps {
		answered = answered || q.Answers == i
		if j != i && q.Start < p.Start && p.Actor.Name != "" && sameActor(q.Actor, p.Actor) {
			again++
		}
	}
	lo, hi := p.at.spk[0], p.at.spk[1]
	f := map[string]float64{"cue." + p.at.class: 1, "again": float64(min(again, 3)) / 3}
	for name, on := range map[string]bool{"pronoun": hi-lo == 1 && isPronoun(r.d.toks[lo].low),
		"named": r.named(p.at.spk), "quoted": p.at.quoted, "counter": p.counter >= 2, "negation": p.counter == 1,
		"paired": p.Answers >= 0, "answered": answered, "short": len(p.words) < 5, "lead": p.sent == 0, "implicit": p.implicit} {
		if on {
			f[name] = 1
		}
	}
	return f
}

// likely keeps the proposals the claim model of tables/weights.tsv finds
// likely to be claims a reviewer keeps, and the claims they answer.
func (r *resolver) likely(ps []prop) []prop {
	m := models["claim"]
	if m == nil {
		return ps
	}
	drop := make([]bool, len(ps))
	for i := range ps {
		drop[i] = m.prob(r.claimFeatures(ps, i)) < m.threshold
	}
	for i, p := range ps {
		if p.Answers >= 0 && !drop[i] {
			drop[p.Answers] = false
		}
	}
	return compact(ps, drop)
}
