package extract_test

import (
	"context"
	"testing"

	"claims/internal/db"
	"claims/internal/extract"
	"claims/internal/model"
)

// TestSaveUsingRecordedClaim: an allegation the reviewer found already
// recorded is not stored again; its new denial is linked to the recorded
// claim.
func TestSaveUsingRecordedClaim(t *testing.T) {
	ru := model.Actor{ID: "ru", Name: "Government of Ruritania", Kind: model.KindGovernment, Aliases: []string{"Strelsau"}}
	st := realStore(t, ru)
	ctx := context.Background()
	recorded := model.Claim{ID: "recorded-shelling", Statement: "Borduria shelled villages", ActorID: "ru"}
	if err := st.CreateClaim(ctx, &recorded); err != nil {
		t.Fatal(err)
	}
	text := "Strelsau accused Borduria of shelling villages, a charge Borduria rejected. The Borduria army said that the border was quiet."
	props := extract.Extract(text, []model.Actor{ru})
	if len(props) != 3 || props[1].Answers != 0 {
		t.Fatalf("proposals %+v", props)
	}
	saveUsing := func(src model.Source, props []extract.Proposal, rec []string) (extract.Saved, error) {
		var saved extract.Saved
		err := st.Update(ctx, func(tx *db.Tx) error {
			var err error
			saved, err = extract.SaveUsing(tx, &src, props, rec)
			return err
		})
		return saved, err
	}
	saved, err := saveUsing(model.Source{Title: "made-up.txt", Text: text}, props[:2], []string{recorded.ID, ""})
	if err != nil {
		t.Fatal(err)
	}
	list, _ := st.ListClaims(ctx)
	if saved.Recorded != 1 || len(list) != 2 || saved.ClaimIDs[0] != recorded.ID {
		t.Fatalf("saved %+v, %d claims stored", saved, len(list))
	}
	if denial, _ := st.Claim(ctx, saved.ClaimIDs[1]); denial.Statement != props[1].Statement {
		t.Errorf("stored %q, want the denial", denial.Statement)
	}
	links, _ := st.Links(ctx)
	if len(links) != 1 || links[0].FromID != saved.ClaimIDs[1] || links[0].ToID != recorded.ID {
		t.Errorf("links %+v", links)
	}
	// Both standing for one recorded claim: nothing stored, no self-link.
	saved, err = saveUsing(model.Source{Title: "again.txt", Text: text}, props[:2], []string{recorded.ID, recorded.ID})
	list, _ = st.ListClaims(ctx)
	links, _ = st.Links(ctx)
	if err != nil || len(list) != 2 || len(links) != 1 || saved.Recorded != 2 {
		t.Errorf("both recorded: %+v %v, %d claims, %d links", saved, err, len(list), len(links))
	}
}
