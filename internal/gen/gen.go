// Package gen makes realistic synthetic claim databases for load tests and
// benchmarks: a few hundred actors with aliases, thousands of sources,
// statements of newsroom length, about one claim in three answered by one
// to three counter-claims, notes and tags. The same seed gives the same
// data.
package gen

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"time"

	"claims/internal/db"
	"claims/internal/model"
)

// Options say how much to make.
type Options struct {
	Claims int   // total claims, counter-claims included
	Seed   int64 // same seed, same data
	// Progress, when set, is called now and then with the claims written.
	Progress func(done int)
}

// Stats count what Fill wrote.
type Stats struct{ Actors, Sources, Claims, Links, Notes int }

var (
	places = []string{"Kabul", "Islamabad", "Washington", "Beijing", "Tehran", "Delhi", "Moscow", "Doha",
		"Tashkent", "Dushanbe", "Quetta", "Peshawar", "Karachi", "Lahore", "Kandahar", "Herat", "Brussels", "Ankara"}
	kinds    = model.ActorKinds()
	roles    = []string{"Ministry of Foreign Affairs", "Ministry of Interior", "Army", "Police", "Election Commission", "Central Bank", "Opposition Alliance", "Human Rights Commission", "Chamber of Commerce", "Press Council"}
	subjects = []string{"the border crossing", "the election", "the bombing", "the peace talks", "the aid programme",
		"the drone strike", "the trade deal", "the refugee camps", "the pipeline project", "the ceasefire",
		"the prison break", "the fuel subsidy", "the vaccination drive", "the dam project", "the curfew"}
	verbs = []string{"planned", "funded", "covered up", "ignored warnings about", "exaggerated", "sabotaged",
		"profited from", "delayed", "misreported", "blocked", "ordered", "approved"}
	details = []string{"according to documents seen by reporters", "despite repeated denials",
		"in the weeks before the vote", "with the help of foreign advisers", "while officials were abroad",
		"after talks broke down", "at a cost of several million dollars", "in at least three provinces",
		"without informing parliament", "as early as last spring"}
	denials = []string{"rejected the accusation as baseless", "said the claim was fabricated",
		"called the report politically motivated", "denied any involvement", "disputed the figures",
		"said the documents were forged", "insisted the decision was lawful"}
	outlets = []string{"Daily Ledger", "Evening Courier", "Frontier Post Review", "Capital Tribune",
		"Regional Wire", "Morning Herald", "Independent Monitor", "Valley Times"}
	tagPool  = []string{"elections", "security", "economy", "border", "militancy", "diplomacy", "health", "energy", "corruption", "refugees", "media", "courts"}
	noteText = []string{"Asked the ministry for the original document.", "Two independent sources confirm the timeline.",
		"The figure comes from a report we could not find.", "Quote checked against the broadcast recording.",
		"Needs a second reviewer before publication.", "Earlier version of this claim circulated in 2019."}
	reviewers = []string{"Amina", "Bilal", "Chen", "Dana", "Emre", "Farah"}
)

// Fill writes synthetic data into st in one transaction.
func Fill(ctx context.Context, st *db.Store, o Options) (Stats, error) {
	var stats Stats
	rng := rand.New(rand.NewSource(o.Seed))
	pick := func(s []string) string { return s[rng.Intn(len(s))] }
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	id := func(kind string, i int) string { return fmt.Sprintf("gen-%s-%07d", kind, i) }

	nActors := 100 + o.Claims/500
	if nActors > 600 {
		nActors = 600
	}
	nSources := 10 + o.Claims/25
	err := st.Update(ctx, func(tx *db.Tx) error {
		actors := make([]model.Actor, nActors)
		for i := range actors {
			place := pick(places)
			a := model.Actor{ID: id("actor", i), Kind: kinds[rng.Intn(len(kinds))]}
			switch a.Kind {
			case model.KindPerson:
				a.Name = fmt.Sprintf("%s %s", pick([]string{"Minister", "General", "Senator", "Spokesperson", "Judge"}), title(syllables(rng, 3)))
			default:
				a.Name = fmt.Sprintf("%s %s", place, pick(roles))
			}
			a.Name = fmt.Sprintf("%s %d", a.Name, i) // unique
			a.Aliases = []string{fmt.Sprintf("%s-%d", strings.ToUpper(syllables(rng, 2)), i)}
			if rng.Intn(2) == 0 {
				a.Aliases = append(a.Aliases, fmt.Sprintf("the %s side %d", place, i))
			}
			if err := tx.CreateActor(&a); err != nil {
				return err
			}
			actors[i] = a
		}
		stats.Actors = nActors
		for i := 0; i < nSources; i++ {
			s := model.Source{ID: id("source", i),
				Title:     fmt.Sprintf("%s: %s %s", pick(places), title(pick(subjects)[4:]), pick([]string{"under scrutiny", "questioned", "in dispute", "explained", "revisited"})),
				Outlet:    pick(outlets),
				URL:       fmt.Sprintf("https://news.example.org/%d/%s", 2020+i%5, syllables(rng, 4)),
				Published: base.AddDate(0, 0, rng.Intn(5*365)).Format("2006-01-02")}
			if err := tx.CreateSource(&s); err != nil {
				return err
			}
		}
		stats.Sources = nSources
		for n := 0; n < o.Claims; {
			actor := actors[rng.Intn(nActors)]
			subject := actors[rng.Intn(nActors)]
			made := base.AddDate(0, 0, rng.Intn(5*365))
			c := model.Claim{ID: id("claim", n), ActorID: actor.ID, SubjectIDs: []string{subject.ID},
				SourceID:  id("source", rng.Intn(nSources)),
				Statement: fmt.Sprintf("%s %s %s %s.", subject.Name, pick(verbs), pick(subjects), pick(details)),
				Quote:     fmt.Sprintf("%q, %s said.", fmt.Sprintf("%s %s %s", subject.Name, pick(verbs), pick(subjects)), actor.Name),
				MadeOn:    made.Format("2006-01-02"),
				Verdict:   model.Verdicts()[rng.Intn(len(model.Verdicts()))],
				Tags:      []string{pick(tagPool), pick(tagPool)},
				CreatedAt: made.Add(time.Duration(rng.Intn(86400)) * time.Second)}
			if err := tx.CreateClaim(&c); err != nil {
				return err
			}
			n++
			if rng.Intn(4) == 0 {
				if err := tx.AddNote(&model.Annotation{ID: id("note", n), ClaimID: c.ID, Author: pick(reviewers),
					Text: pick(noteText), CreatedAt: c.CreatedAt.Add(time.Hour)}); err != nil {
					return err
				}
				stats.Notes++
			}
			// About one claim in three draws 1-3 counter-claims.
			if rng.Intn(3) != 0 {
				continue
			}
			for k := 1 + rng.Intn(3); k > 0 && n < o.Claims; k-- {
				who := actors[rng.Intn(nActors)]
				d := model.Claim{ID: id("claim", n), ActorID: who.ID, SubjectIDs: []string{actor.ID}, SourceID: c.SourceID,
					Statement: fmt.Sprintf("%s %s about %s.", who.Name, pick(denials), pick(subjects)),
					Quote:     fmt.Sprintf("%s %s.", who.Name, pick(denials)),
					MadeOn:    made.AddDate(0, 0, 1+rng.Intn(10)).Format("2006-01-02"),
					Verdict:   model.Unreviewed, Tags: c.Tags[:1],
					CreatedAt: c.CreatedAt.Add(time.Duration(1+rng.Intn(1000)) * time.Minute)}
				if err := tx.CreateClaim(&d); err != nil {
					return err
				}
				rel := []model.Relation{model.Denies, model.Denies, model.Disputes, model.Contradicts}[rng.Intn(4)]
				if err := tx.Link(model.Link{FromID: d.ID, ToID: c.ID, Relation: rel}); err != nil {
					return err
				}
				n++
				stats.Links++
			}
			if o.Progress != nil && n%5000 < 4 {
				o.Progress(n)
			}
		}
		stats.Claims = o.Claims
		return nil
	})
	return stats, err
}

// title upper-cases the first letter of s.
func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func syllables(rng *rand.Rand, n int) string {
	parts := []string{"ka", "ri", "mo", "ta", "sha", "ne", "lo", "pa", "zi", "du", "ra", "hu", "bek", "far", "din"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(parts[rng.Intn(len(parts))])
	}
	return b.String()
}
