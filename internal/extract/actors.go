package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"claims/internal/model"
)

// Actor is the proposed asserting (or denying) party of a claim, or one of
// its subjects: a known actor (ID set) or a suggested new one. An empty
// Name means the rules found no speaker they could ground in the text: the
// reviewer picks one.
type Actor struct {
	ID      string          // the known actor's ID; empty for a suggested new actor
	Name    string          // the known actor's canonical name, or the suggested name
	Kind    model.ActorKind // the known kind, or a guess
	Mention string          // the words in the article that name it
}

// Known reports whether the actor matched one of the known actors.
func (a Actor) Known() bool { return a.ID != "" }

// knownIndex finds known actors by name or alias, longest first.
type knownIndex struct {
	names []knownName
}

type knownName struct {
	lower string
	caps  bool // a short name written in capitals ("US"): match it only so
	actor model.Actor
}

func newKnownIndex(actors []model.Actor) *knownIndex {
	ix := &knownIndex{}
	for _, a := range actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if n = strings.TrimSpace(n); n != "" {
				ix.names = append(ix.names, knownName{strings.ToLower(n), len(n) <= 4 && strings.ToUpper(n) == n, a})
			}
		}
	}
	sort.SliceStable(ix.names, func(i, j int) bool { return len(ix.names[i].lower) > len(ix.names[j].lower) })
	return ix
}

// find returns the known actor whose name or alias is the longest one in
// phrase, matched on word boundaries.
func (ix *knownIndex) find(phrase string) (model.Actor, bool) {
	lp := strings.ToLower(phrase)
	for _, n := range ix.names {
		for from := 0; ; {
			i := strings.Index(lp[from:], n.lower)
			if i < 0 {
				break
			}
			i += from
			e := i + len(n.lower)
			from = i + 1
			if len(lp) != len(phrase) || !wordBoundary(phrase, i, e) || n.caps && strings.ToUpper(phrase[i:e]) != phrase[i:e] {
				continue
			}
			return n.actor, true
		}
	}
	return model.Actor{}, false
}

// endsWith returns the known actor named "<something> word" when the
// something is itself a known name the article uses ("the military" in an
// article about Pakistan is the known "Pakistan military").
func (ix *knownIndex) endsWith(word string, text string) (model.Actor, bool) {
	for _, n := range ix.names {
		if pre, ok := strings.CutSuffix(n.lower, " "+word); ok {
			if _, found := ix.find(pre); found && strings.Contains(strings.ToLower(text), pre) {
				return n.actor, true
			}
		}
	}
	return model.Actor{}, false
}

// wordBoundary reports whether s[i:e] is a whole word or phrase.
func wordBoundary(s string, i, e int) bool {
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if e < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[e:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// guessKind guesses what kind of party a suggested actor is from the words
// of its name and whether the article read it as a person.
func guessKind(name string, person bool) model.ActorKind {
	words := strings.Fields(strings.ToLower(strings.NewReplacer("'s", "", "’s", "", "(", " ", ")", " ").Replace(name)))
	for _, k := range []struct {
		list string
		kind model.ActorKind
	}{{"kind.group", model.KindGroup}, {"kind.military", model.KindMilitary}, {"kind.party", model.KindParty},
		{"kind.outlet", model.KindOutlet}, {"kind.gov", model.KindGovernment}, {"kind.org", model.KindOrganisation}} {
		for _, w := range words {
			if in(k.list, w) {
				return k.kind
			}
		}
	}
	if person {
		return model.KindPerson
	}
	return model.KindOther
}
