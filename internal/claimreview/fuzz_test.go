package claimreview_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"claims/internal/claimreview"
	"claims/internal/db"
	"claims/internal/model"
)

// FuzzWrite puts arbitrary text in every field the ClaimReview writer
// copies out; the output must always be valid JSON.
func FuzzWrite(f *testing.F) {
	f.Add("Afghanistan planned the bombing", "Pakistan has accused Afghanistan", "Government of Pakistan", "Kabul",
		"https://example.org/a", "Daily Ledger", "2024-03", uint8(5), "Example Checkers", "https://example.org")
	f.Add("\"quoted\" </script>", "\u2028\u2029", "Imran Khan", "", "", "", "", uint8(1), "", "")
	f.Add("\xff\xfe", "\x00", "", "\t", "javascript:alert(1)", "=cmd", "2024-02-30", uint8(200), "\\", "\"")
	f.Fuzz(func(t *testing.T, statement, quote, actor, alias, url, outlet, date string, verdict uint8, orgName, orgURL string) {
		verdicts := model.Verdicts()
		claim := model.Claim{ID: "c1", Statement: statement, Quote: quote, ActorID: "a1", SourceID: "s1",
			MadeOn: date, Verdict: verdicts[int(verdict)%len(verdicts)],
			CreatedAt: time.Unix(1700000000, 0).UTC(), UpdatedAt: time.Unix(1700000000, 0).UTC()}
		counter := model.Claim{ID: "c2", Statement: "Denied: " + statement, ActorID: "a2", Verdict: model.False,
			CreatedAt: claim.CreatedAt, UpdatedAt: claim.UpdatedAt}
		snap := &db.Snapshot{
			Actors: []model.Actor{
				{ID: "a1", Name: actor, Kind: model.KindPerson, Aliases: []string{alias}},
				{ID: "a2", Name: alias, Kind: model.KindGovernment},
			},
			Sources: []model.Source{{ID: "s1", Title: outlet, Outlet: outlet, URL: url, Published: date}},
			Claims:  []model.Claim{claim, counter},
			Links:   []db.LinkInfo{{Link: model.Link{FromID: "c2", ToID: "c1", Relation: model.Denies}, CreatedAt: claim.CreatedAt}},
		}
		var buf bytes.Buffer
		if err := claimreview.Write(&buf, snap, claimreview.Org{Name: orgName, URL: orgURL}); err != nil {
			return // refusing is fine; writing invalid JSON is not
		}
		if !json.Valid(buf.Bytes()) {
			t.Fatalf("invalid JSON:\n%s", buf.String())
		}
	})
}
