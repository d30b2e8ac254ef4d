package extract

import (
	"sort"
	"strings"

	"claims/internal/model"
)

// The pairing stage: every (counter-claim, claim) pair is a candidate edge,
// scored on explicit features — whose claim the denial names, whether the
// denier is the one the claim accuses, shared content words, the distance
// between them and how strongly the counter-claim answers — and one pass
// assigns each counter-claim its best edge above the threshold. A denial
// that names whose claim it answers ("claims by X that …") and finds no
// claim by X proposes that claim.

type edge struct {
	c, k  int
	score float64
}

// pair sets Answers and Relation on the counter-claims of ps; it may add
// implicit claims, so it returns the new slice.
func (r *resolver) pair(ps []prop) []prop {
	ps = r.assign(r.pairPlural(ps))
	n := len(ps)
	for c := 0; c < n; c++ {
		if p := ps[c]; p.Answers < 0 && p.mergeInto < 0 && p.counter >= 2 && len(p.agent) > 0 && r.d.describes(p.ref) {
			// "refuting claims by the patient's family that …" with no
			// claim by the family reported: propose it.
			if q := r.implicit(p); asserts(q.Statement) {
				ps = append(ps, q)
				ps[c].Answers, ps[c].Relation = len(ps)-1, relationOf(p)
			}
		}
	}
	ps = mergeCounters(goingOn(ps))
	for i, p := range ps {
		if p.Answers >= 0 && (p.Actor.Name == "" || ps[p.Answers].Actor.Name == "") {
			ps[i].Answers, ps[i].Relation = -1, "" // a pair is between two grounded parties
			continue
		}
		if p.bare && p.Answers >= 0 {
			// "Kabul has denied these allegations" says what it denies
			// only through the claim it answers.
			_, rest, _ := strings.Cut(p.Statement, "; ")
			s := p.Actor.Name + " " + verbFor(p.Relation, p.Actor) + " that " + lowerStart(strings.TrimSuffix(ps[p.Answers].Statement, "."))
			if rest != "" {
				s += "; " + rest
			}
			ps[i].Statement = sentenceCase(s)
		}
	}
	return ps
}

// verbFor is the relation as a verb agreeing with the actor ("Kabul
// denies", "his political opponents deny").
func verbFor(rel model.Relation, a Actor) string {
	v := string(rel)
	if w := a.Name[strings.LastIndex(a.Name, " ")+1:]; a.Kind != model.KindPerson && strings.HasSuffix(w, "s") && w == strings.ToLower(w) {
		return map[model.Relation]string{model.Denies: "deny", model.Disputes: "dispute"}[rel]
	}
	return v
}

// lowerStart lower-cases the first letter of s unless its first word is
// a name or an acronym (capitalised again later in s's own text).
func lowerStart(s string) string {
	w, _, _ := strings.Cut(s, " ")
	if len(w) < 2 || strings.ToUpper(w[1:2]) == w[1:2] || !in("det", strings.ToLower(w)) && !isPronoun(strings.ToLower(w)) {
		return s
	}
	return strings.ToLower(w[:1]) + s[1:]
}

// assign scores every (counter-claim, claim) edge and gives each
// counter-claim its best edge above the threshold, the best first. A
// denier answering the same party's claim again within a few sentences is
// one counter-claim, folded into the first.
func (r *resolver) assign(ps []prop) []prop {
	var edges []edge
	for c := range ps {
		if ps[c].counter == 0 || ps[c].Actor.Name == "" || ps[c].Answers >= 0 {
			continue
		}
		for k, f := range r.candidates(ps, c) {
			if p := models["pair"].prob(f); p >= models["pair"].threshold {
				edges = append(edges, edge{c, k, p})
			}
		}
	}
	sort.SliceStable(edges, func(i, j int) bool { return edges[i].score > edges[j].score })
	used := map[string]int{}
	for _, e := range edges {
		c := &ps[e.c]
		if c.Answers >= 0 || c.mergeInto >= 0 || ps[e.k].Answers == e.c || ps[e.k].counter >= 2 && !r.rebuts(ps, e.c, e.k) {
			continue
		}
		key := strings.ToLower(c.Actor.Name) + "|" + strings.ToLower(ps[e.k].Actor.Name)
		if j, ok := used[key]; ok && abs(ps[j].sent-c.sent) <= 5 {
			c.mergeInto = j
			continue
		}
		used[key] = e.c
		c.Answers, c.Relation = e.k, relationOf(*c)
	}
	return ps
}

// goingOn folds a counter-claim into the same denier's paired one just
// before it ("denies the charge, saying …" and then "“Primark has not
// discharged any employee …,” the company said"): the denier going on.
func goingOn(ps []prop) []prop {
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ps[order[a]].Start < ps[order[b]].Start })
	for n := 1; n < len(order); n++ {
		prev, p := ps[order[n-1]], &ps[order[n]]
		if p.counter >= 1 && p.Answers < 0 && p.mergeInto < 0 && prev.Answers >= 0 && sameActor(prev.Actor, p.Actor) && p.sent-prev.sent <= 2 {
			p.mergeInto = order[n-1]
		}
	}
	return ps
}

// mergeCounters folds a counter-claim that repeats another's answer to
// the same party (a denial in the lead and the denier's own words after)
// into the first: its statement joins that one's.
func mergeCounters(ps []prop) []prop {
	drop := make([]bool, len(ps))
	for i := range ps {
		if j := ps[i].mergeInto; j >= 0 && ps[i].Answers < 0 && !drop[j] {
			ps[j].Statement = strings.TrimSuffix(ps[j].Statement, ".") + "; " + ps[i].Statement
			drop[i] = true
		}
	}
	return compact(ps, drop)
}

// compact drops the marked proposals and renumbers Answers.
func compact(ps []prop, drop []bool) []prop {
	idx := make([]int, len(ps))
	var out []prop
	for i, p := range ps {
		idx[i] = -1
		if !drop[i] {
			idx[i] = len(out)
			out = append(out, p)
		}
	}
	for i := range out {
		if a := out[i].Answers; a >= 0 {
			out[i].Answers = idx[a]
			if idx[a] < 0 {
				out[i].Relation = ""
			}
		}
		if m := out[i].mergeInto; m >= 0 {
			out[i].mergeInto = idx[m]
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// pairPlural expands a denial by "All three parties" or "They" into one
// denial by each party the claim just before it is about, when it names
// as many as the number says; otherwise it stays without an actor.
func (r *resolver) pairPlural(ps []prop) []prop {
	n := len(ps)
	for c := 0; c < n; c++ {
		if !ps[c].plural || ps[c].counter < 2 {
			continue
		}
		k := -1
		for j := range ps {
			if ps[j].counter == 0 && ps[j].Start < ps[c].Start && ps[c].sent-ps[j].sent <= 3 && len(ps[j].Subjects) >= 2 && (k < 0 || ps[j].Start > ps[k].Start) {
				k = j
			}
		}
		if k < 0 || !r.d.countFits(ps[c].at.spk, len(ps[k].Subjects)) {
			continue
		}
		for i, a := range ps[k].Subjects {
			p := ps[c]
			p.Actor, p.Answers, p.Relation, p.plural = a, k, relationOf(p), false
			if i == 0 {
				ps[c] = p
			} else {
				ps = append(ps, p)
			}
		}
	}
	return ps
}

// countFits reports whether a plural speaker's number, if it gives one,
// is n ("All three parties" and three parties).
func (d *document) countFits(spk [2]int, n int) bool {
	nums := map[string]int{"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
	for k := spk[0]; k < spk[1]; k++ {
		if v, ok := nums[d.toks[k].low]; ok {
			return v == n
		}
	}
	return true
}

// rebuts reports whether counter-claim c answers the counter-claim k as a
// rebuttal: k answers a claim by c's speaker.
func (r *resolver) rebuts(ps []prop, c, k int) bool {
	return ps[k].Answers >= 0 && sameActor(ps[ps[k].Answers].Actor, ps[c].Actor)
}

func relationOf(p prop) model.Relation {
	if p.counter == 3 {
		return model.Denies
	}
	return model.Disputes
}

// candidates are the grounded edges from counter-claim c, by claim, with
// their features; "only" marks the one candidate of a counter-claim.
func (r *resolver) candidates(ps []prop, c int) map[int]map[string]float64 {
	out := map[int]map[string]float64{}
	for k := range ps {
		if f, ok := r.edgeFeatures(ps, c, k); ok {
			out[k] = f
		}
	}
	for _, f := range out {
		if len(out) == 1 {
			f["only"] = 1
		}
	}
	return out
}

// edgeFeatures are the features of the edge "counter-claim c answers
// claim k", named as in tables/weights.tsv. ok is false when the text does
// not ground the edge: the denial names k's speaker ("claims by X"), k
// accuses the denier or the party it speaks for, they share words, or the
// denial points back ("the allegations") at the claim just before it.
func (r *resolver) edgeFeatures(ps []prop, c, k int) (map[string]float64, bool) {
	pc, pk := ps[c], ps[k]
	if c == k || pk.Actor.Name == "" || sameActor(pc.Actor, pk.Actor) {
		return nil, false
	}
	dist, describes := pc.sent-pk.sent, r.d.describes(pc.ref)
	if dist > 25 || dist < 0 && (dist < -6 || pc.sent > 1 && !describes) {
		return nil, false
	}
	names, shared := false, 0
	for _, a := range pc.agent {
		names = names || sameActor(a, pk.Actor)
	}
	for w := range pc.words {
		if pk.words[w] {
			shared++
		}
	}
	accused := r.accused(pk, pc.Actor) || len(pc.forWhom) > 0 && r.accused(pk, pc.forWhom[0])
	sameDoc := false // "rejected a report that …" and "The report said …"
	for k := pc.ref[0]; k < pc.ref[1]; k++ {
		for j := pk.at.spk[0]; j < pk.at.spk[1] && in("doc", r.d.toks[k].low); j++ {
			sameDoc = sameDoc || r.d.toks[j].low == r.d.toks[k].low
		}
	}
	about := !accused && r.about(pk, pc.Actor)
	points := pc.ref[1] > pc.ref[0] && !describes && dist >= 0 && dist <= 6 && r.nearest(ps, c) == k
	f := map[string]float64{}
	for name, on := range map[string]bool{"deny": pc.counter == 3, "dispute": pc.counter == 2, "negation": pc.counter == 1,
		"names": names, "accused": accused, "about": about, "points": points, "describes": describes && shared > 0, "overlap": shared >= 2, "ahead": dist < 0,
		"kclaim": pk.at.class == "accuse" || pk.at.class == "claim" || pk.implicit, "kcounter": pk.counter >= 2,
		"knegation": pk.counter == 1, "near": dist >= 0 && dist <= 2, "knamed": r.named(pk.at.spk) || pk.implicit, "samedoc": sameDoc} {
		if on {
			f[name] = 1
		}
	}
	if len(pc.agent) > 0 && !names {
		return f, false // "claims by X" answers X
	}
	return f, names || accused || points || sameDoc || shared >= 2 || describes && shared >= 1 || about && pc.counter >= 2
}

// named reports whether a speaker span holds a name.
func (r *resolver) named(spk [2]int) bool { return spk[1] > spk[0] && r.lastRun(spk[0], spk[1]) >= 0 }

// describes reports whether what a denial answers says what was claimed
// ("a report that …", "allegations of …"), so that it may come before the
// claim it answers.
func (d *document) describes(ref [2]int) bool {
	seen := false
	for k := ref[0]; k < ref[1]; k++ {
		seen = seen || in("ref", d.toks[k].low)
		if seen && k > ref[0] && (d.toks[k].low == "that" || d.toks[k].low == "of" && in("ref", d.toks[k-1].low)) {
			return true
		}
	}
	return false
}

// nearest is the claim by someone else closest before counter-claim c,
// or -1.
func (r *resolver) nearest(ps []prop, c int) int {
	best := -1
	for k, p := range ps {
		if k != c && p.counter <= 1 && p.Actor.Name != "" && p.Start < ps[c].Start && !sameActor(p.Actor, ps[c].Actor) &&
			(best < 0 || p.Start > ps[best].Start) {
			best = k
		}
	}
	return best
}

// accused reports whether claim p accuses actor a: a is the accused of an
// accusation, or named in an allegation's content.
func (r *resolver) accused(p prop, a Actor) bool {
	switch {
	case p.at.class == "accuse":
		for _, o := range p.objActor {
			if sameActor(o, a) {
				return true
			}
		}
		return r.names(p.obj, a)
	case p.at.class == "claim" || p.implicit:
		return r.about(p, a)
	}
	return false
}

// names reports whether text names actor a.
func (r *resolver) names(text string, a Actor) bool {
	text = strings.ToLower(text)
	for _, n := range r.namesOf(a) {
		if a.Name != "" && strings.Contains(text, n) {
			return true
		}
	}
	return false
}

// about reports whether claim p is about actor a: its accused, or a name
// its content gives a.
func (r *resolver) about(p prop, a Actor) bool {
	if a.Name == "" {
		return false
	}
	text := strings.ToLower(p.Statement + " " + p.obj)
	for _, n := range r.namesOf(a) {
		if strings.Contains(text, n) {
			return true
		}
	}
	return false
}

// namesOf lists the lower-case names an actor goes by in the article: its
// name, its mention and the short forms of its entity.
func (r *resolver) namesOf(a Actor) []string {
	names := []string{strings.ToLower(a.Name)}
	if m := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(a.Mention, "the "), "The ")); m != "" && len(m) > 3 {
		names = append(names, m)
	}
	for _, e := range r.ents {
		if strings.EqualFold(e.name, a.Name) || e.known != nil && e.known.ID == a.ID && a.ID != "" {
			for s, ok := range e.short {
				if ok && len(s) > 2 {
					names = append(names, s)
				}
			}
		}
	}
	return names
}

// sameActor reports whether a and b are one party: the same known actor,
// or the same name (the names stage already gave a party one name for its
// surname, acronym and roles).
func sameActor(a, b Actor) bool {
	if a.ID != "" || b.ID != "" {
		return a.ID == b.ID
	}
	return a.Name != "" && strings.EqualFold(a.Name, b.Name)
}

// implicit is the claim a denial's reference describes, by its agent.
func (r *resolver) implicit(p prop) prop {
	d := r.d
	lo, hi := p.ref[0], p.ref[1]
	q := prop{at: p.at, sent: p.sent, implicit: true, words: p.words, mergeInto: -1}
	q.Actor = p.agent[0]
	q.Start, q.End = d.toks[lo].start, d.toks[hi-1].end
	q.Quote = d.text[q.Start:q.End]
	q.Statement = sentenceCase(trimTails(q.Quote))
	for k := lo; k < hi; k++ {
		if d.toks[k].low == "that" && k+1 < hi {
			q.Statement = sentenceCase(trimTails(d.span(k+1, hi)))
			break
		}
	}
	q.Verb = d.span(p.at.cue, p.at.cueEnd)
	q.Answers = -1
	return q
}
