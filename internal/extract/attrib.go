package extract

import "strings"

// The attributions stage: every cue word outside a quotation is tried with
// the patterns in table order; the first that matches gives the speaker,
// the cue and the content. Reports inside another report's content are
// dropped (the outer speaker is the one the article quotes), and a
// quotation with no attribution of its own continues the report just
// before it.

type attribution struct {
	match
	class string
	id    string // the pattern's id
	sent  int
	cont  int // when a following quotation continues it: the token after that quotation
}

// attributions finds the reports of d in text order.
func (d *document) attributions() []attribution {
	var out []attribution
	for v := 0; v < len(d.toks); v++ {
		if q := d.toks[v].quote; q >= 0 && !d.scare(q) || d.headline(d.toks[v].sent) {
			continue
		}
		c, n := d.cueAt(v)
		if n == 0 {
			continue
		}
		auxLo, passive, ok := d.auxBefore(v)
		if !ok {
			continue
		}
		for pi := range patterns {
			p := &patterns[pi]
			if !p.classes[c.class] {
				continue
			}
			m, ok := d.matchAt(p, v, v+n, auxLo, passive)
			if !ok || !d.valid(m, c) {
				continue
			}
			m.row = pi
			d.participleSpeaker(&m, out)
			if m.con[1] <= m.cue && m.con[1] > 0 && strings.HasPrefix(d.toks[v].low, "report") {
				break // "…, the Boston Globe reports": the outlet's sourcing, not a claim
			}
			out = append(out, attribution{match: m, class: c.class, id: p.id, sent: d.toks[v].sent})
			break
		}
	}
	out = dropNested(out)
	d.continueQuotes(out)
	return out
}

// headline reports whether sentence s is the article's title: a first
// paragraph of one line that does not end as a sentence does. The body
// tells the story again with its speakers named.
func (d *document) headline(s int) bool {
	if s != 0 || len(d.sents) < 2 || d.sents[1].para == 0 {
		return false
	}
	end := strings.TrimRight(d.text[d.sents[0].Start:d.sents[0].End], "\"'”’ ")
	return !strings.HasSuffix(end, ".") && !strings.HasSuffix(end, "!") && !strings.HasSuffix(end, "?")
}

// scare reports whether quotation q is a few quoted words inside a
// sentence ("“laments and categorically denies” the accusations"), read
// as part of it.
func (d *document) scare(q int) bool {
	qq := d.quotes[q]
	s := d.toks[qq.open].sent
	return qq.close-qq.open <= 7 && qq.open != d.sents[s].lo && qq.close < d.sents[s].hi-1
}

// cueAt returns the cue at token i (two-word cues first) and its length.
func (d *document) cueAt(i int) (cue, int) {
	if i+1 < len(d.toks) {
		if c, ok := cues[d.toks[i].low+" "+d.toks[i+1].low]; ok {
			return c, 2
		}
	}
	if c, ok := cues[d.toks[i].low]; ok {
		return c, 1
	}
	return cue{}, 0
}

// auxBefore steps back over the auxiliaries and adverbs before a cue
// ("has since denied", "have in recent months repeatedly said"). It
// reports where they start, whether the cue is passive ("is accused"),
// and false when the cue is negated ("did not deny") or is a noun ("the
// charge", "claims by").
func (d *document) auxBefore(v int) (int, bool, bool) {
	lo := d.sents[d.toks[v].sent].lo
	k, passive := v, false
	for k > lo {
		t := d.toks[k-1]
		if isNeg(t) || t.low == "to" {
			return k, false, false
		}
		if in("det", t.low) || in("poss", t.low) || t.poss || in("prep", t.low) && k == v && !strings.HasSuffix(d.toks[v].low, "ing") {
			return k, false, false
		}
		if in("time", singular(t.low)) && k-1 > lo {
			// "have in recent months repeatedly said", "on Wednesday refuted"
			j := k - 1
			for j > lo && j > k-4 && !in("prep", d.toks[j-1].low) && d.toks[j-1].isWord() && !d.toks[j-1].capitalised() {
				j--
			}
			if j > lo && in("prep", d.toks[j-1].low) && in("aux", d.toks[j-2].low) {
				k = j - 1
				continue
			}
		}
		if !(in("aux", t.low) || strings.HasSuffix(t.low, "ly") && !t.capitalised()) || in("time", t.low) {
			break
		}
		passive = passive || in("be", t.low)
		k--
	}
	return k, passive && !strings.HasSuffix(d.toks[v].low, "ing"), true
}

// valid checks a match against the cue: a cue that needs "that" reports a
// clause after it only with "that", a colon or a quotation; an active
// pattern does not read a passive cue; "told him to" is not a report,
// "claimed to have compromised" is.
func (d *document) valid(m match, c cue) bool {
	if m.con[1] > m.con[0] && m.con[0] >= m.cueEnd && !m.quoted {
		before := d.toks[m.con[0]-1].low
		claimTo := c.class == "claim" && m.con[0]+1 < m.con[1] && (d.toks[m.con[0]+1].low == "have" || d.toks[m.con[0]+1].low == "be")
		if c.needThat && before != "that" && before != ":" || d.toks[m.con[0]].low == "to" && !claimTo {
			return false
		}
	}
	return true
}

// participleSpeaker: an -ing cue after a comma or after an object
// ("denies the charge, saying …", "released a statement denying …")
// speaks for the subject of its sentence, or for the report before it in
// the sentence ("…, he said, adding that …").
func (d *document) participleSpeaker(m *match, prev []attribution) {
	if !strings.HasSuffix(d.toks[m.cue].low, "ing") || m.spk[0] > m.cue {
		return
	}
	s := d.toks[m.cue].sent
	lo := d.sents[s].lo
	switch {
	case m.spk[1] > m.spk[0]:
		if d.toks[m.spk[0]].low == "by" || m.spk[0] == lo || !d.verbLike(m.spk[0]-1) || !(d.refHead(m.spk[0], m.spk[1]) || !d.toks[m.spk[1]-1].capitalised()) {
			return
		}
	case m.cue == lo || d.toks[m.cue-1].text != ",":
		return
	}
	if n := len(prev); n > 0 && prev[n-1].sent == s && prev[n-1].spk[1] > prev[n-1].spk[0] {
		m.spk = prev[n-1].spk
		return
	}
	cs := d.clauseStart(s)
	end := d.npForward(cs, d.sents[s].hi)
	for k := cs; k+1 < end; k++ {
		next := d.toks[k+1].low
		if w := singular(d.toks[k].low); (in("doc", w) || in("role", w) || in("body", w)) && !d.toks[k+1].capitalised() &&
			(d.verbLike(k+1) || strings.HasSuffix(next, "s") && !in("role", singular(next)) && !in("body", singular(next))) {
			end = k + 1 // "The statement goes on …": the head noun ends the subject
		}
	}
	if end > cs && end <= m.cue {
		m.spk = [2]int{cs, end}
	}
}

// dropNested drops a report whose cue lies in another report's content or
// in what another denial answers; of two reports each inside the other
// ("The other woman said …, Edwardes said"), the one after its content
// is the outer one.
func dropNested(as []attribution) []attribution {
	inside := func(k int, b attribution) bool {
		return k >= b.con[0] && k < b.con[1] || k >= b.ref[0] && k < b.ref[1]
	}
	for _, a := range as {
		if strings.HasPrefix(a.id, "deny-appos") || strings.HasPrefix(a.id, "deny-which") {
			// "…, an allegation that Kabul has denied" closes the clause
			// it answers.
			for j := range as {
				if b := &as[j]; inside(a.cue, *b) {
					start := a.spk[0]
					if a.ref[1] > a.ref[0] {
						start = a.ref[0]
					}
					b.con[1] = min(b.con[1], start-1)
				}
			}
		}
	}
	var out []attribution
	for i, a := range as {
		nested := false
		if a.class == "according" {
			for j, b := range as {
				nested = nested || j != i && inside(b.cue, a) // "X alleges …, according to court documents": X's
			}
		}
		for j, b := range as {
			if i == j || !inside(a.cue, b) {
				continue
			}
			if inside(b.cue, a) && a.con[0] < a.cue && b.class != "according" {
				continue // a is the trailing, outer report
			}
			nested = true
		}
		if !nested {
			out = append(out, a)
		}
	}
	return out
}

// continueQuotes gives a quotation that opens a sentence and has no
// report of its own to the report just before it, in its paragraph or the
// one before ("“…,” Edwardes wrote. “His hand is high up my leg …”").
func (d *document) continueQuotes(as []attribution) {
	covered := func(q quotation) bool {
		for _, a := range as {
			if q.open+1 >= a.con[0] && q.open+1 < max(a.con[1], a.cont) {
				return true
			}
		}
		return false
	}
	for _, q := range d.quotes {
		open := d.toks[q.open]
		if q.open != d.sents[open.sent].lo || covered(q) || q.close-q.open < 4 {
			continue
		}
		for i := len(as) - 1; i >= 0; i-- {
			a := &as[i]
			end := max(a.cueEnd, a.con[1], a.cont)
			if end > q.open {
				continue
			}
			if d.sents[open.sent].para-d.sents[d.toks[end-1].sent].para <= 1 && d.between(end, q.open) {
				a.cont = min(q.close+1, len(d.toks))
			}
			break
		}
	}
}

// between reports whether nothing but quotations and sentences without
// names lie between tokens lo and hi.
func (d *document) between(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if d.toks[k].quote < 0 && d.toks[k].isWord() && k != d.sents[d.toks[k].sent].lo && d.toks[k].capitalised() {
			return false
		}
	}
	return true
}
