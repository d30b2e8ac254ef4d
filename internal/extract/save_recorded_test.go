package extract_test

import (
	"testing"

	"claims/internal/extract"
	"claims/internal/model"
)

// TestSaveUsingRecordedClaim: an allegation the reviewer found already
// recorded is not stored again; its new denial is linked to the recorded
// claim.
func TestSaveUsingRecordedClaim(t *testing.T) {
	st := &memStore{actors: []model.Actor{{ID: "ru", Name: "Government of Ruritania", Kind: model.KindGovernment, Aliases: []string{"Strelsau"}}}}
	text := "Strelsau accused Borduria of shelling villages, a charge Borduria rejected. The Borduria army said that the border was quiet."
	props := extract.Extract(text, st.actors)
	if len(props) != 3 || props[1].Answers != 0 {
		t.Fatalf("proposals %+v", props)
	}
	src := model.Source{Title: "made-up.txt", Text: text}
	saved, err := extract.SaveUsing(st, &src, props[:2], []string{"recorded-shelling", ""})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Recorded != 1 || len(st.claims) != 1 || saved.ClaimIDs[0] != "recorded-shelling" {
		t.Fatalf("saved %+v, %d claims stored", saved, len(st.claims))
	}
	if st.claims[0].Statement != props[1].Statement {
		t.Errorf("stored %q, want the denial", st.claims[0].Statement)
	}
	if len(st.links) != 1 || st.links[0].FromID != saved.ClaimIDs[1] || st.links[0].ToID != "recorded-shelling" {
		t.Errorf("links %+v", st.links)
	}
	// Both standing for one recorded claim: nothing stored, no self-link.
	st2 := &memStore{actors: st.actors}
	saved, err = extract.SaveUsing(st2, &src, props[:2], []string{"x", "x"})
	if err != nil || len(st2.claims) != 0 || len(st2.links) != 0 || saved.Recorded != 2 {
		t.Errorf("both recorded: %+v %v, %d claims, %d links", saved, err, len(st2.claims), len(st2.links))
	}
}
