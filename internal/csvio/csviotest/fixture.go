// Package csviotest builds the small, fixed database that the export and
// import tests share: the two headline cases of the seed articles with
// notes, tags, a supporting claim and cells that look like formulas.
// Every id and time is fixed, so exports of it are byte-for-byte stable.
package csviotest

import (
	"context"
	"testing"
	"time"

	"claims/internal/db"
	"claims/internal/db/pgtest"
	"claims/internal/model"
)

// Claim ids of the fixture.
const (
	Bombing        = "01HV0000000000000000000001"
	KabulDenial    = "01HV0000000000000000000002"
	KhanCharge     = "01HV0000000000000000000003"
	USDenial       = "01HV0000000000000000000004"
	MilitaryDenial = "01HV0000000000000000000005"
	OpponentsDeny  = "01HV0000000000000000000006"
	Support        = "01HV0000000000000000000007"
	Formula        = "01HV0000000000000000000008"
)

// T returns the fixture's clock: 2024-03-27 09:00 UTC plus minutes.
func T(minutes int) time.Time {
	return time.Date(2024, 3, 27, 9, 0, 0, 0, time.UTC).Add(time.Duration(minutes) * time.Minute)
}

// Open opens a new, empty database: a file in t.TempDir(), or, under
// CLAIMS_TEST_ENGINE=postgres, a database on the test server.
func Open(t testing.TB) *db.Store {
	t.Helper()
	st, err := db.Open(pgtest.TestDB(t, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Build opens a new database holding the fixture.
func Build(t testing.TB) *db.Store {
	t.Helper()
	st := Open(t)
	if err := Fill(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	return st
}

// Fill writes the fixture into st in one transaction.
func Fill(ctx context.Context, st *db.Store) error {
	return st.Update(ctx, func(tx *db.Tx) error {
		actors := []model.Actor{
			{ID: "actor-pakistan", Name: "Government of Pakistan", Kind: model.KindGovernment, Aliases: []string{"Islamabad", "Pakistan"}},
			{ID: "actor-afghanistan", Name: "Afghan government", Kind: model.KindGovernment, Aliases: []string{"Kabul", "Afghan authorities"}},
			{ID: "actor-khan", Name: "Imran Khan", Kind: model.KindPerson},
			{ID: "actor-us", Name: "United States government", Kind: model.KindGovernment, Aliases: []string{"Washington", "US"}},
			{ID: "actor-military", Name: "Pakistan military", Kind: model.KindMilitary},
			{ID: "actor-opponents", Name: "Imran Khan's political opponents", Kind: model.KindParty},
			{ID: "actor-ttp", Name: "Tehreek-e-Taliban Pakistan", Kind: model.KindGroup, Aliases: []string{"TTP", "Tehrik-i-Taliban Pakistan"}},
			{ID: "actor-formula", Name: "@SUM(1)", Kind: model.KindOther, Aliases: []string{"-2+3", "+SUM(1,1)"}},
		}
		for i := range actors {
			if err := tx.CreateActor(&actors[i]); err != nil {
				return err
			}
		}
		sources := []model.Source{
			{ID: "source-besham", Title: "Pakistan says attack on Chinese engineers was planned in Afghanistan",
				Outlet: "Example Wire", URL: "https://example.org/news/besham", Published: "2024-03-27", Text: "Article text, not exported."},
			{ID: "source-khan", Title: "Khan repeats charge that Washington backed his removal", Outlet: "Example Daily",
				URL: "https://example.org/politics/khan?id=1&lang=en", Published: "2022-04"},
			{ID: "source-denials", Title: "Denials, \"firm\" and otherwise"},
			{ID: "source-formula", Title: "=cmd|' /C calc'!A0", Outlet: "\tTabbed outlet"},
		}
		for i := range sources {
			if err := tx.CreateSource(&sources[i]); err != nil {
				return err
			}
		}
		claims := []model.Claim{
			{ID: Bombing, Statement: "Afghanistan planned the March suicide bombing that killed five Chinese engineers and their Pakistani driver.",
				Quote: "The attack was planned in Afghanistan, and the bomber was an Afghan national.", ActorID: "actor-pakistan",
				SubjectIDs: []string{"actor-afghanistan", "actor-ttp"}, SourceID: "source-besham", MadeOn: "2024-03-26",
				Verdict: model.Unverifiable, Tags: []string{"besham", "cross-border"}, CreatedAt: T(0), UpdatedAt: T(30)},
			{ID: KabulDenial, Statement: "Kabul denies any role in the bombing and rejects the allegation.",
				Quote: "Afghan soil is not used against any country.", ActorID: "actor-afghanistan",
				SubjectIDs: []string{"actor-pakistan"}, SourceID: "source-besham", MadeOn: "2024-03-27", CreatedAt: T(1), UpdatedAt: T(1)},
			{ID: KhanCharge, Statement: "Washington worked with his political opponents and the military to remove him from office.",
				Quote: "It was a \"foreign conspiracy\",\nhatched abroad.", ActorID: "actor-khan",
				SubjectIDs: []string{"actor-us", "actor-military", "actor-opponents"}, SourceID: "source-khan", MadeOn: "2022-04",
				Verdict: model.False, Tags: []string{"regime-change", "khan"}, CreatedAt: T(2), UpdatedAt: T(45),
				Review: model.Review{URL: "https://example.org/factcheck/khan-cable", Explanation: "The cable records displeasure, not a plan; all three named parties deny it.\nNo other evidence was offered.", Published: "2022-04-20"}},
			{ID: USDenial, Statement: "The US denies any involvement in Khan's removal.", ActorID: "actor-us",
				SourceID: "source-denials", Verdict: model.MostlyTrue, CreatedAt: T(3), UpdatedAt: T(3)},
			{ID: MilitaryDenial, Statement: "The military denies taking sides in the no-confidence vote.", ActorID: "actor-military",
				SourceID: "source-denials", CreatedAt: T(4), UpdatedAt: T(4)},
			{ID: OpponentsDeny, Statement: "Khan's opponents say the vote was a constitutional process, not a plot.",
				ActorID: "actor-opponents", Verdict: model.Mixed, CreatedAt: T(5), UpdatedAt: T(5)},
			{ID: Support, Statement: "Pakistani officials repeat that the attackers trained across the border.",
				ActorID: "actor-pakistan", SourceID: "source-besham", Verdict: model.Misleading, CreatedAt: T(6), UpdatedAt: T(6)},
			{ID: Formula, Statement: "=cmd|' /C calc'!A0", Quote: "+SUM(1,1)", ActorID: "actor-formula",
				SubjectIDs: []string{"actor-formula"}, SourceID: "source-formula",
				Tags: []string{"=1+1", "@sum(1)", "-2+3", "'=x"}, CreatedAt: T(7), UpdatedAt: T(7)},
		}
		for i := range claims {
			if err := tx.CreateClaim(&claims[i]); err != nil {
				return err
			}
		}
		links := []model.Link{
			{FromID: KabulDenial, ToID: Bombing, Relation: model.Denies},
			{FromID: Support, ToID: Bombing, Relation: model.Supports},
			{FromID: OpponentsDeny, ToID: KhanCharge, Relation: model.Disputes},
			{FromID: MilitaryDenial, ToID: KhanCharge, Relation: model.Denies},
			{FromID: USDenial, ToID: KhanCharge, Relation: model.Denies},
			{FromID: Formula, ToID: USDenial, Relation: model.Contradicts},
		}
		for _, l := range links {
			if err := tx.Link(l); err != nil {
				return err
			}
		}
		notes := []model.Annotation{
			{ClaimID: Bombing, Author: "A. Reviewer", Text: "No evidence offered beyond the bomber's nationality.", CreatedAt: T(20)},
			{ClaimID: Bombing, Author: "B. Editor", Text: "Asked the Foreign Office | no reply yet.\nFollow up on Friday; path C:\\notes\\besham.", CreatedAt: T(25)},
			{ClaimID: KhanCharge, Author: "A. Reviewer", Text: "The cable shows displeasure, not a plan to remove him.", CreatedAt: T(40)},
			{ClaimID: Formula, Author: "=HYPERLINK(\"https://example.org\")", Text: "@SUM(1) and\r\n\tthe rest", CreatedAt: T(50)},
		}
		for i := range notes {
			if err := tx.AddNote(&notes[i]); err != nil {
				return err
			}
		}
		return nil
	})
}
