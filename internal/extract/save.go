package extract

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"claims/internal/model"
)

// Store is what saving proposals needs from a write transaction; the
// claim store's *db.Tx has these methods, so callers pass one from inside
// Store.Update and everything is saved together or not at all.
type Store interface {
	MatchActor(name string) (model.Actor, error)
	FindOrCreateActor(a model.Actor) (model.Actor, bool, error)
	CreateSource(src *model.Source) error
	CreateClaim(c *model.Claim) error
	Link(l model.Link) error
}

// Saved says what Save stored.
type Saved struct {
	SourceID  string
	ClaimIDs  []string      // one per proposal, in order
	NewActors []model.Actor // actors created because no known one matched
	Links     int
	Recorded  int // proposals that stood for a claim already recorded
}

// Save stores proposals as claims reported in src: a new source when src.ID
// is empty, else the existing one. An actor without an ID is looked up by
// name (and alias) and created when there is none; a subject that is
// neither known nor created for a claim is left out rather than created.
// Each counter-claim is linked to the claim it answers with its relation.
func Save(st Store, src *model.Source, props []Proposal) (Saved, error) {
	return SaveUsing(st, src, props, nil)
}

// SaveUsing is Save where the reviewer found that some proposals repeat a
// claim already recorded: recorded[i], when not empty, is the id of the
// claim that proposal i stands for. That proposal is not stored again;
// the links to and from it are made with the recorded claim (a new denial
// of a recorded allegation answers the recorded one).
func SaveUsing(st Store, src *model.Source, props []Proposal, recorded []string) (Saved, error) {
	sv := saver{st: st, ids: map[string]string{}}
	reuse := func(i int) string {
		if i < len(recorded) {
			return recorded[i]
		}
		return ""
	}
	if src.ID == "" {
		if err := st.CreateSource(src); err != nil {
			return sv.out, err
		}
	}
	sv.out.SourceID = src.ID
	actorIDs := make([]string, len(props))
	for i, p := range props {
		if reuse(i) != "" {
			continue
		}
		id, err := sv.lookup(p.Actor, true)
		if err != nil {
			return sv.out, err
		}
		if id == "" {
			return sv.out, fmt.Errorf("%w: proposal %d (%q) has no actor", model.ErrInvalid, i+1, p.Statement)
		}
		actorIDs[i] = id
	}
	for i, p := range props {
		if id := reuse(i); id != "" {
			sv.out.ClaimIDs = append(sv.out.ClaimIDs, id)
			sv.out.Recorded++
			continue
		}
		if err := sv.claim(p, actorIDs[i]); err != nil {
			return sv.out, err
		}
	}
	return sv.out, sv.links(props)
}

// saver holds what one save has stored so far.
type saver struct {
	st  Store
	out Saved
	ids map[string]string // lower-cased name → actor ID
}

// lookup finds the actor of a proposal by ID or name, creating it when
// create is set and there is none; "" when it has no name.
func (sv *saver) lookup(a Actor, create bool) (string, error) {
	if a.ID != "" {
		return a.ID, nil
	}
	name := strings.TrimSpace(a.Name)
	if name == "" {
		name = strings.TrimSpace(a.Mention)
	}
	if name == "" {
		return "", nil
	}
	key := strings.ToLower(name)
	if id, ok := sv.ids[key]; ok {
		return id, nil
	}
	if !create {
		found, err := sv.st.MatchActor(name)
		switch {
		case err == nil:
			sv.ids[key] = found.ID
			return found.ID, nil
		case errors.Is(err, model.ErrNotFound):
			return "", nil
		}
		return "", err
	}
	kind := a.Kind
	if kind == "" {
		kind = model.KindOther
	}
	found, made, err := sv.st.FindOrCreateActor(model.Actor{Name: name, Kind: kind})
	if err != nil {
		return "", err
	}
	sv.ids[key] = found.ID
	if made {
		sv.out.NewActors = append(sv.out.NewActors, found)
	}
	return found.ID, nil
}

// claim stores one proposal as a claim by actorID.
func (sv *saver) claim(p Proposal, actorID string) error {
	var subjects []string
	for _, s := range p.Subjects {
		id, err := sv.lookup(s, false)
		if err != nil {
			return err
		}
		if id != "" && id != actorID {
			subjects = append(subjects, id)
		}
	}
	c := model.Claim{
		Statement:  clip(p.Statement, model.MaxStatementLen),
		Quote:      clip(p.Quote, model.MaxQuoteLen),
		ActorID:    actorID,
		SubjectIDs: subjects,
		SourceID:   sv.out.SourceID,
	}
	if err := sv.st.CreateClaim(&c); err != nil {
		return err
	}
	sv.out.ClaimIDs = append(sv.out.ClaimIDs, c.ID)
	return nil
}

// links links each counter-claim to the claim it answers.
func (sv *saver) links(props []Proposal) error {
	for i, p := range props {
		if p.Answers < 0 || p.Answers >= len(props) || p.Answers == i || sv.out.ClaimIDs[i] == sv.out.ClaimIDs[p.Answers] {
			continue // nothing answered, or both stand for the same recorded claim
		}
		rel := p.Relation
		if rel == "" {
			rel = model.Denies
		}
		if err := sv.st.Link(model.Link{FromID: sv.out.ClaimIDs[i], ToID: sv.out.ClaimIDs[p.Answers], Relation: rel}); err != nil {
			return err
		}
		sv.out.Links++
	}
	return nil
}

// Select keeps the proposals marked in keep and renumbers Answers to the
// kept slice; a counter-claim whose claim was dropped answers nothing.
func Select(props []Proposal, keep []bool) []Proposal {
	newIndex := make([]int, len(props))
	var out []Proposal
	for i, p := range props {
		newIndex[i] = -1
		if i < len(keep) && keep[i] {
			newIndex[i] = len(out)
			out = append(out, p)
		}
	}
	for i := range out {
		if a := out[i].Answers; a >= 0 {
			if a < len(newIndex) {
				out[i].Answers = newIndex[a]
			} else {
				out[i].Answers = -1
			}
			if out[i].Answers < 0 {
				out[i].Relation = ""
			}
		}
	}
	return out
}

// clip shortens s to at most max characters.
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}
