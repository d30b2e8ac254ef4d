package search

import (
	"strings"

	"github.com/sahilm/fuzzy"

	"claims/internal/model"
)

// ActorMatch is an actor whose name or alias matched a query.
type ActorMatch struct {
	Actor model.Actor
	// Via is the alias that matched, or "" when the name did.
	Via string
}

// Actors returns up to n actors whose name or one of whose aliases matches
// query fuzzily, best first, each actor once. It is what the actor pickers
// complete from; "kabul" offers the Afghan government.
func Actors(query string, actors []model.Actor, n int) []ActorMatch {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil
	}
	type name struct {
		actor int
		alias string
	}
	var names []name
	var texts []string
	for i, a := range actors {
		names = append(names, name{i, ""})
		texts = append(texts, a.Name)
		for _, al := range a.Aliases {
			names = append(names, name{i, al})
			texts = append(texts, al)
		}
	}
	var out []ActorMatch
	seen := map[int]bool{}
	runes := len([]rune(query))
	for _, m := range fuzzy.Find(query, texts) {
		nm := names[m.Index]
		if seen[nm.actor] || !tight(texts[m.Index], m.MatchedIndexes, runes) && substring(texts[m.Index], query) == nil {
			continue
		}
		seen[nm.actor] = true
		out = append(out, ActorMatch{Actor: actors[nm.actor], Via: nm.alias})
		if len(out) == n {
			break
		}
	}
	return out
}

// ExactActor returns the actor whose name or alias is name, ignoring case
// and surrounding space.
func ExactActor(name string, actors []model.Actor) (model.Actor, bool) {
	name = strings.TrimSpace(name)
	for _, a := range actors {
		if strings.EqualFold(a.Name, name) {
			return a, true
		}
	}
	for _, a := range actors {
		for _, al := range a.Aliases {
			if strings.EqualFold(al, name) {
				return a, true
			}
		}
	}
	return model.Actor{}, false
}
