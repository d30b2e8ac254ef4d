package db

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"claims/internal/model"
)

// SlugKey is a name reduced to its words, lower-cased and joined by
// hyphens: "Rick Perry", "rick-perry" and "rick_perry" all give
// "rick-perry".
func SlugKey(name string) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return strings.Join(words, "-")
}

// IsSlug reports whether name is written the way web addresses and data
// sets write names ("rick-perry", "barack_obama"): no spaces, no capitals,
// words joined by hyphens or underscores.
func IsSlug(name string) bool {
	if !strings.ContainsAny(name, "-_") || strings.ContainsFunc(name, unicode.IsSpace) {
		return false
	}
	letter := false
	for _, r := range name {
		if unicode.IsUpper(r) {
			return false
		}
		letter = letter || unicode.IsLetter(r)
	}
	return letter
}

// slugIndex finds actors by SlugKey, for the names FindActor's exact
// match misses. It is read on first use in a transaction and kept up to
// date by the transaction's own actor changes.
type slugIndex struct {
	all   map[string][]string // key of every name and alias → actor ids
	slugs map[string][]string // key of slug-shaped names and aliases → actor ids
}

func (ix *slugIndex) add(a *model.Actor) {
	if ix == nil || ix.all == nil {
		return
	}
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		k := SlugKey(n)
		if k == "" {
			continue
		}
		if !slices.Contains(ix.all[k], a.ID) {
			ix.all[k] = append(ix.all[k], a.ID)
		}
		if IsSlug(n) && !slices.Contains(ix.slugs[k], a.ID) {
			ix.slugs[k] = append(ix.slugs[k], a.ID)
		}
	}
}

func (ix *slugIndex) remove(id string) {
	if ix == nil || ix.all == nil {
		return
	}
	for _, m := range []map[string][]string{ix.all, ix.slugs} {
		for k, ids := range m {
			m[k] = slices.DeleteFunc(ids, func(x string) bool { return x == id })
		}
	}
}

func (tx *Tx) slugIndex() (*slugIndex, error) {
	if tx.slugs.all != nil {
		return &tx.slugs, nil
	}
	tx.slugs = slugIndex{all: map[string][]string{}, slugs: map[string][]string{}}
	actors, err := listActors(tx.ctx, tx.q)
	if err != nil {
		tx.slugs = slugIndex{}
		return nil, err
	}
	for i := range actors {
		tx.slugs.add(&actors[i])
	}
	return &tx.slugs, nil
}

// MatchActor finds the actor a name in a file or a form means: by name or
// alias, ignoring case (FindActor), and otherwise, when one side is
// written as a slug, by SlugKey ("rick-perry" finds Rick Perry, "Rick
// Perry" finds an actor imported as rick-perry). A slug that fits several
// actors matches none of them.
func (tx *Tx) MatchActor(name string) (model.Actor, error) {
	a, err := tx.FindActor(name)
	if !errors.Is(err, model.ErrNotFound) {
		return a, err
	}
	k := SlugKey(name)
	if k == "" {
		return a, err
	}
	ix, ierr := tx.slugIndex()
	if ierr != nil {
		return model.Actor{}, ierr
	}
	ids := ix.slugs[k]
	if IsSlug(strings.TrimSpace(name)) {
		ids = ix.all[k]
	}
	if len(ids) != 1 {
		return a, err
	}
	return tx.Actor(ids[0])
}

// FindOrCreateActor returns the actor a.Name means (MatchActor), or, when
// none, creates a with its kind and those of its aliases that name nobody
// yet. created says which. It is the one way the window, the importer and
// the extractor turn a typed or read name into an actor.
func (tx *Tx) FindOrCreateActor(a model.Actor) (found model.Actor, created bool, err error) {
	if strings.TrimSpace(a.Name) == "" {
		return model.Actor{}, false, fmt.Errorf("%w: an actor needs a name", model.ErrInvalid)
	}
	found, err = tx.MatchActor(a.Name)
	if err == nil || !errors.Is(err, model.ErrNotFound) {
		return found, false, err
	}
	var aliases []string
	for _, al := range a.Aliases {
		if _, err := tx.FindActor(al); errors.Is(err, model.ErrNotFound) {
			aliases = append(aliases, al)
		} else if err != nil {
			return model.Actor{}, false, err
		}
	}
	a.Aliases = aliases
	if err := tx.CreateActor(&a); err != nil {
		return model.Actor{}, false, err
	}
	return a, true, nil
}
