// Package extract proposes claims from a news article: who asserted what,
// and which claims the article reports being denied or disputed.
//
// It is a pipeline of plain stages, each a function from one value to the
// next: the text is read into paragraphs, sentences and tokens with byte
// offsets (doc.go); the named parties are collected (entities.go); every
// cue word is tried with the attribution patterns of tables/patterns.tsv
// (match.go, attrib.go); each attribution's speaker is grounded in the
// text (resolve.go) and it becomes a proposal (propose.go); and denials
// are paired with the claims they answer by scoring candidate edges
// (pair.go). The words and patterns are data in tables/. There is no model
// and no network. Its proposals are for a reviewer to accept, edit or
// reject; it does no I/O and knows nothing of the store or the GUI.
package extract

import (
	"sort"

	"claims/internal/model"
)

// Proposal is one proposed claim.
type Proposal struct {
	Statement string // what is asserted, as a sentence of its own
	Quote     string // the verbatim words in the article
	// Start and End are Quote's byte offsets in the text given to Extract.
	Start, End int
	Actor      Actor   // who asserts (or denies); no Name when the rules could not ground one
	Subjects   []Actor // whom the claim is about
	Verb       string  // the attributing word, e.g. "accused", "denied", "according to"
	// Relation and Answers say which proposal this one answers: Answers
	// is its index in the returned slice, or -1 when this proposal
	// answers none (Relation is then empty).
	Relation model.Relation
	Answers  int
}

// IsCounter reports whether p answers another proposal.
func (p Proposal) IsCounter() bool { return p.Answers >= 0 }

// Extract proposes the claims made in text (plain text: reduce HTML and
// Markdown with Plain first). known are the actors already in the
// database; an actor is matched by name or alias, ignoring case, the
// longest name first. Proposals come in article order; a denial reported
// first ("X rejected a report that …") may answer a later claim.
func Extract(text string, known []model.Actor) []Proposal {
	d := readDocument(text)
	r := &resolver{d: d, known: newKnownIndex(known)}
	r.ents, r.runs = d.findEntities(r.known)
	props := r.likely(r.pair(r.propose(d.attributions())))
	return inOrder(props)
}

// inOrder sorts proposals by their place in the text and renumbers
// Answers.
func inOrder(ps []prop) []Proposal {
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ps[idx[a]].Start < ps[idx[b]].Start })
	pos := make([]int, len(ps))
	for n, i := range idx {
		pos[i] = n
	}
	out := make([]Proposal, len(ps))
	for n, i := range idx {
		out[n] = ps[i].Proposal
		if a := ps[i].Answers; a >= 0 {
			out[n].Answers = pos[a]
		}
	}
	return out
}
