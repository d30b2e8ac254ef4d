package extract_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"claims/internal/db"
	"claims/internal/extract"
	"claims/internal/model"
)

// realStore is a claims database file in the test's folder: what Save
// writes through is the real store, inside one transaction.
func realStore(t *testing.T, actors ...model.Actor) *db.Store {
	t.Helper()
	st, err := db.Open(filepath.Join(t.TempDir(), "claims.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i := range actors {
		if err := st.CreateActor(context.Background(), &actors[i]); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// save runs Save in one transaction of st.
func save(st *db.Store, src *model.Source, props []extract.Proposal) (extract.Saved, error) {
	var saved extract.Saved
	err := st.Update(context.Background(), func(tx *db.Tx) error {
		var err error
		saved, err = extract.Save(tx, src, props)
		return err
	})
	return saved, err
}

func TestSaveCreatesSourceActorsClaimsAndLinks(t *testing.T) {
	known := []model.Actor{{ID: "ru", Name: "Government of Ruritania", Kind: model.KindGovernment, Aliases: []string{"Strelsau"}}}
	st := realStore(t, known...)
	ctx := context.Background()
	text := "Strelsau accused Borduria of shelling villages, a charge Borduria rejected. The Borduria army said that the border was quiet."
	props := extract.Extract(text, known)
	if len(props) != 3 {
		t.Fatalf("got %d proposals", len(props))
	}
	src := model.Source{Title: "made-up.txt", Text: text}
	saved, err := save(st, &src, props)
	if err != nil {
		t.Fatal(err)
	}
	sources, _ := st.Sources(ctx)
	if len(sources) != 1 || saved.SourceID != sources[0].ID || len(saved.ClaimIDs) != 3 || saved.Links != 1 {
		t.Fatalf("saved %+v; sources %+v", saved, sources)
	}
	// Borduria is created once, though it both is accused and denies.
	var names []string
	for _, a := range saved.NewActors {
		names = append(names, a.Name)
	}
	if strings.Join(names, ",") != "Borduria,Borduria army" {
		t.Errorf("new actors %q", names)
	}
	if first, _ := st.Claim(ctx, saved.ClaimIDs[0]); first.ActorID != "ru" || first.SourceID != saved.SourceID {
		t.Errorf("first claim %+v", first)
	}
	links, _ := st.Links(ctx)
	if len(links) != 1 || links[0].FromID != saved.ClaimIDs[1] || links[0].ToID != saved.ClaimIDs[0] || links[0].Relation != model.Denies {
		t.Errorf("links %+v", links)
	}
	// A stored source is reused, not created again.
	again := sources[0]
	if _, err := save(st, &again, props[:1]); err != nil {
		t.Fatal(err)
	}
	if sources, _ := st.Sources(ctx); len(sources) != 1 {
		t.Errorf("stored source reused: %d sources", len(sources))
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
