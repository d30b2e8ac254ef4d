package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"claims/internal/extract"
	"claims/internal/model"
)

// memStore is an in-memory extract.Store.
type memStore struct {
	actors  []model.Actor
	sources []model.Source
	claims  []model.Claim
	links   []model.Link
	n       int
}

func (m *memStore) id(kind string) string { m.n++; return fmt.Sprintf("%s%d", kind, m.n) }

func (m *memStore) FindActor(name string) (model.Actor, error) {
	for _, a := range m.actors {
		if strings.EqualFold(a.Name, name) {
			return a, nil
		}
		for _, al := range a.Aliases {
			if strings.EqualFold(al, name) {
				return a, nil
			}
		}
	}
	return model.Actor{}, fmt.Errorf("no actor %q: %w", name, model.ErrNotFound)
}

func (m *memStore) CreateActor(a *model.Actor) error {
	if err := a.Validate(); err != nil {
		return err
	}
	m.actors = append(m.actors, *a)
	return nil
}

func (m *memStore) CreateSource(s *model.Source) error {
	s.ID = m.id("s")
	if err := s.Validate(); err != nil {
		return err
	}
	m.sources = append(m.sources, *s)
	return nil
}

func (m *memStore) CreateClaim(c *model.Claim) error {
	c.ID = m.id("c")
	if err := c.Validate(); err != nil {
		return err
	}
	m.claims = append(m.claims, *c)
	return nil
}

func (m *memStore) Link(l model.Link) error {
	if err := l.Validate(); err != nil {
		return err
	}
	m.links = append(m.links, l)
	return nil
}

func TestSaveCreatesSourceActorsClaimsAndLinks(t *testing.T) {
	st := &memStore{actors: []model.Actor{{ID: "ru", Name: "Government of Ruritania", Kind: model.KindGovernment, Aliases: []string{"Strelsau"}}}}
	text := "Strelsau accused Borduria of shelling villages, a charge Borduria rejected. The Borduria army said that the border was quiet."
	props := extract.Extract(text, st.actors)
	if len(props) != 3 {
		t.Fatalf("got %d proposals", len(props))
	}
	src := model.Source{Title: "made-up.txt", Text: text}
	saved, err := extract.Save(st, &src, props)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.sources) != 1 || saved.SourceID != st.sources[0].ID || len(saved.ClaimIDs) != 3 || saved.Links != 1 {
		t.Fatalf("saved %+v; sources %+v", saved, st.sources)
	}
	// Borduria is created once, though it both is accused and denies.
	var names []string
	for _, a := range saved.NewActors {
		names = append(names, a.Name)
	}
	if strings.Join(names, ",") != "Borduria,Borduria army" {
		t.Errorf("new actors %q", names)
	}
	if st.claims[0].ActorID != "ru" || st.claims[0].SourceID != saved.SourceID {
		t.Errorf("first claim %+v", st.claims[0])
	}
	if l := st.links[0]; l.FromID != saved.ClaimIDs[1] || l.ToID != saved.ClaimIDs[0] || l.Relation != model.Denies {
		t.Errorf("link %+v", l)
	}
	// A stored source is reused, not created again.
	again := st.sources[0]
	if _, err := extract.Save(st, &again, props[:1]); err != nil || len(st.sources) != 1 {
		t.Errorf("stored source: err %v, %d sources", err, len(st.sources))
	}
}

func TestSelectRenumbersAnswers(t *testing.T) {
	props := []extract.Proposal{
		{Statement: "a", Answers: -1},
		{Statement: "b", Answers: -1},
		{Statement: "c", Answers: 1, Relation: model.Denies},
		{Statement: "d", Answers: 0, Relation: model.Denies},
	}
	got := extract.Select(props, []bool{false, true, true, true})
	if len(got) != 3 || got[1].Answers != 0 || got[1].Relation != model.Denies || got[2].Answers != -1 || got[2].Relation != "" {
		t.Errorf("got %+v", got)
	}
}
