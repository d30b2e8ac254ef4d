// Package sample holds the sample claims compiled into the app: the
// contested claims of the news articles the app was designed around, with
// their sources, actors and counter-claims.
//
// Quotes are verbatim from the articles; statements and notes are the
// reviewers' own words. Sources carry the article's text, and an outlet
// or a date only where the article itself gives one. Every ID is fixed, so the samples merge by id
// when exported and imported again.
package sample

import (
	"context"
	"embed"
	"strings"
	"time"

	"claims/internal/db"
	"claims/internal/model"
)

// Actor IDs.
const (
	Pakistan       = "sample-actor-pakistan"
	AfghanGov      = "sample-actor-afghan-government"
	AfghanRepublic = "sample-actor-afghan-republic"
	AfghanTaliban  = "sample-actor-afghan-taliban"
	ImranKhan      = "sample-actor-imran-khan"
	US             = "sample-actor-united-states"
	PakMilitary    = "sample-actor-pakistan-military"
	KhanOpponents  = "sample-actor-khan-opponents"
	TTP            = "sample-actor-ttp"
	Haqqani        = "sample-actor-haqqani-network"
	NATO           = "sample-actor-nato"
)

// Claim IDs of the two headline cases.
const (
	BombingAllegation = "sample-claim-pk-bombing"
	BombingDenial     = "sample-claim-af-denies-bombing"
	KhanCharge        = "sample-claim-khan-charge"
)

const sampleAuthor = "Claims sample data"

// Actors are the parties that assert, deny or are the subject of the
// sample claims.
func Actors() []model.Actor {
	return []model.Actor{
		{ID: Pakistan, Name: "Government of Pakistan", Kind: model.KindGovernment,
			Aliases: []string{"Pakistan", "Islamabad", "Pakistani government", "Pakistani Foreign Office"}},
		{ID: AfghanGov, Name: "Afghan government", Kind: model.KindGovernment,
			Aliases: []string{"Afghanistan", "Kabul", "Afghan authorities", "Taliban government"}},
		{ID: AfghanRepublic, Name: "Government of the Islamic Republic of Afghanistan", Kind: model.KindGovernment,
			Aliases: []string{"Islamic Republic of Afghanistan", "Authorities in Kabul (before August 2021)"}},
		{ID: AfghanTaliban, Name: "Afghan Taliban", Kind: model.KindGroup,
			Aliases: []string{"Taliban"}},
		{ID: ImranKhan, Name: "Imran Khan", Kind: model.KindPerson,
			Aliases: []string{"Prime Minister Imran Khan"}},
		{ID: US, Name: "United States government", Kind: model.KindGovernment,
			Aliases: []string{"United States", "US", "U.S.", "Washington", "US administration", "US officials"}},
		{ID: PakMilitary, Name: "Pakistan military", Kind: model.KindMilitary,
			Aliases: []string{"Pakistani military", "Pakistan Army"}},
		{ID: KhanOpponents, Name: "Imran Khan's political opponents", Kind: model.KindParty,
			Aliases: []string{"Khan's political opponents"}},
		{ID: TTP, Name: "Tehreek-e-Taliban Pakistan", Kind: model.KindGroup,
			Aliases: []string{"TTP", "Tehrik-i-Taliban Pakistan", "Pakistani Taliban"}},
		{ID: Haqqani, Name: "Haqqani network", Kind: model.KindGroup},
		{ID: NATO, Name: "NATO", Kind: model.KindOrganisation,
			Aliases: []string{"North Atlantic Treaty Organization"}},
	}
}

// Source IDs, one per article.
const (
	srcWashingtonTalks = "sample-source-washington-talks"
	srcEnvoy           = "sample-source-envoy-ttp"
	srcIslamabadCT     = "sample-source-islamabad-dialogue"
	srcPakUS           = "sample-source-pak-us-engagement"
	srcKabulConference = "sample-source-kabul-conference"
)

// articles are the five articles as the user gave them (the seed files),
// stored as their sources' text.
//
//go:embed articles/*.txt
var articles embed.FS

// article is the text of articles/name.txt without its trailing blank
// lines.
func article(name string) string {
	b, err := articles.ReadFile("articles/" + name + ".txt")
	if err != nil {
		panic("sample: " + err.Error()) // embedded: cannot happen
	}
	return strings.TrimRight(string(b), " \n\r\t")
}

// Sources are the five articles, each with its text. Titles are the
// articles' own headlines where they have one; the first article has
// none, so its title describes it and says so. Only two articles name
// their outlet (Pakistan Today in its masthead, Arab News as the paper
// its sources spoke to); none gives its URL or its date of publication
// (the third dates the dialogue it reports, not itself), so those stay
// empty.
func Sources() []model.Source {
	return []model.Source{
		{ID: srcWashingtonTalks, Title: "Untitled article: Pakistani and US officials discuss the TTP and Islamic State threat in Washington",
			Text: article("000")},
		{ID: srcEnvoy, Title: "Pakistan’s Diplomatic Efforts to Address TTP Support in Afghanistan", Text: article("001")},
		{ID: srcIslamabadCT, Title: "Islamabad conducts discussions on counterterrorism with the U.S., both agreeing to address emerging militant strategies",
			Text: article("002")},
		{ID: srcPakUS, Title: "Pak-US diplomatic engagement", Outlet: "Pakistan Today", Text: article("003")},
		{ID: srcKabulConference, Title: "US, Pakistani, Afghan counterterrorism officials draw joint strategy on addressing threats", Outlet: "Arab News",
			Text: article("004")},
	}
}

// Claims are the contested claims and their counter-claims, in the order
// they were recorded.
func Claims() []model.Claim {
	return []model.Claim{
		{ID: BombingAllegation, ActorID: Pakistan, SubjectIDs: []string{AfghanGov}, SourceID: srcWashingtonTalks,
			Statement: "Afghanistan planned the March suicide bombing in Pakistan that killed five Chinese engineers and their Pakistani driver.",
			Quote:     "Pakistan has accused Afghanistan of planning a suicide bombing that killed five Chinese engineers and a Pakistani driver in March",
			Tags:      []string{"suicide-bombing", "chinese-engineers", "cross-border-militancy"}},
		{ID: BombingDenial, ActorID: AfghanGov, SubjectIDs: []string{Pakistan}, SourceID: srcWashingtonTalks,
			Statement: "Afghanistan had no part in planning the March bombing that killed the Chinese engineers.",
			Quote:     "an allegation that Kabul has denied",
			Tags:      []string{"suicide-bombing", "chinese-engineers"}},

		{ID: "sample-claim-pk-harbouring", ActorID: Pakistan, SubjectIDs: []string{AfghanGov}, SourceID: srcWashingtonTalks,
			Statement: "Afghanistan shelters and backs the militants who carry out attacks inside Pakistan.",
			Quote:     "Pakistan has accused Afghanistan of harboring and supporting militants who carry out attacks on Pakistani soil.",
			Tags:      []string{"cross-border-militancy", "safe-havens"}},
		{ID: "sample-claim-af-denies-harbouring", ActorID: AfghanGov, SubjectIDs: []string{Pakistan}, SourceID: srcWashingtonTalks,
			Statement: "Afghanistan neither shelters nor supports militants, and is committed to fighting terrorism.",
			Quote:     "Kabul has denied these allegations, stating that they are committed to combating terrorism and maintaining regional stability.",
			Tags:      []string{"cross-border-militancy", "safe-havens"}},

		{ID: KhanCharge, ActorID: ImranKhan, SubjectIDs: []string{US, KhanOpponents, PakMilitary}, SourceID: srcIslamabadCT,
			Statement: "The United States worked with Imran Khan's political opponents and the Pakistani military to push him out of office.",
			Quote:     "accusations were made by Imran Khan that Washington was working with his political opponents and the military to remove him from office",
			Tags:      []string{"regime-change", "us-pakistan-relations"}},
		{ID: "sample-claim-us-denies-khan", ActorID: US, SubjectIDs: []string{ImranKhan}, SourceID: srcIslamabadCT,
			Statement: "The United States did not work to remove Imran Khan from office.",
			Quote:     "All three parties have since denied these charges.",
			Tags:      []string{"regime-change"}},
		{ID: "sample-claim-military-denies-khan", ActorID: PakMilitary, SubjectIDs: []string{ImranKhan}, SourceID: srcIslamabadCT,
			Statement: "Pakistan's military did not conspire with Washington to remove Imran Khan.",
			Quote:     "All three parties have since denied these charges.",
			Tags:      []string{"regime-change"}},
		{ID: "sample-claim-opponents-deny-khan", ActorID: KhanOpponents, SubjectIDs: []string{ImranKhan}, SourceID: srcIslamabadCT,
			Statement: "Khan's political opponents did not plot with Washington to oust him.",
			Quote:     "All three parties have since denied these charges.",
			Tags:      []string{"regime-change"}},

		{ID: "sample-claim-pk-ttp-havens", ActorID: Pakistan, SubjectIDs: []string{TTP, AfghanGov}, SourceID: srcEnvoy,
			Statement: "The TTP plans and operates from safe havens in Afghanistan and receives facilitation from Afghan soil.",
			Quote:     "This visit comes in the wake of Pakistan providing substantial evidence of the TTP’s operations and the facilitation they receive from Afghan soil.",
			Tags:      []string{"ttp", "safe-havens", "cross-border-militancy"}},
		{ID: "sample-claim-pk-afghan-lapses", ActorID: Pakistan, SubjectIDs: []string{AfghanGov}, SourceID: srcEnvoy,
			Statement: "Afghan authorities promised to stop terrorist groups using their territory but have not enforced that promise.",
			Quote:     "Pakistan’s envoy plans to underscore that Afghan authorities had previously made commitments to prevent the misuse of their territory by such terrorist groups, but there have been notable lapses in their enforcement.",
			Tags:      []string{"ttp", "commitments"}},

		{ID: "sample-claim-us-haqqani", ActorID: US, SubjectIDs: []string{Pakistan, Haqqani}, SourceID: srcPakUS,
			Statement: "The Haqqani network and other terrorist groups are still present on Pakistani territory, and Islamabad should deal with them.",
			Quote:     "Ambassador Wells once again urged Islamabad to address the continuing presence of the Haqqani network and other terrorist groups within its territory.",
			Tags:      []string{"haqqani-network", "safe-havens", "us-pakistan-relations"}},

		{ID: "sample-claim-kabul-doha", ActorID: AfghanRepublic, SubjectIDs: []string{AfghanTaliban}, SourceID: srcKabulConference,
			Statement: "The Taliban have not kept their Doha pledge to cut ties with all militant groups, Al-Qaeda included.",
			Quote:     "Authorities in Kabul, as well as NATO and US officials have in recent months repeatedly said that the group had not fulfilled the pledge.",
			Tags:      []string{"doha-agreement", "al-qaeda"}},
		{ID: "sample-claim-nato-doha", ActorID: NATO, SubjectIDs: []string{AfghanTaliban}, SourceID: srcKabulConference,
			Statement: "The Taliban have not fulfilled their Doha commitment to break with militant groups.",
			Quote:     "Authorities in Kabul, as well as NATO and US officials have in recent months repeatedly said that the group had not fulfilled the pledge.",
			Tags:      []string{"doha-agreement", "al-qaeda"}},
		{ID: "sample-claim-us-doha", ActorID: US, SubjectIDs: []string{AfghanTaliban}, SourceID: srcKabulConference,
			Statement: "The Taliban have not honoured the Doha pledge to sever ties with militant groups.",
			Quote:     "Authorities in Kabul, as well as NATO and US officials have in recent months repeatedly said that the group had not fulfilled the pledge.",
			Tags:      []string{"doha-agreement", "al-qaeda"}},
	}
}

// Links connect counter-claims (and supporting claims) to the claims they
// answer.
func Links() []model.Link {
	return []model.Link{
		{FromID: BombingDenial, ToID: BombingAllegation, Relation: model.Denies},
		{FromID: "sample-claim-af-denies-harbouring", ToID: "sample-claim-pk-harbouring", Relation: model.Denies},
		{FromID: "sample-claim-us-denies-khan", ToID: KhanCharge, Relation: model.Denies},
		{FromID: "sample-claim-military-denies-khan", ToID: KhanCharge, Relation: model.Denies},
		{FromID: "sample-claim-opponents-deny-khan", ToID: KhanCharge, Relation: model.Denies},
		{FromID: "sample-claim-pk-afghan-lapses", ToID: "sample-claim-pk-ttp-havens", Relation: model.Supports},
		{FromID: "sample-claim-nato-doha", ToID: "sample-claim-kabul-doha", Relation: model.Supports},
		{FromID: "sample-claim-us-doha", ToID: "sample-claim-kabul-doha", Relation: model.Supports},
	}
}

// Notes are reviewers' notes that explain choices made in recording the
// samples.
func Notes() []model.Annotation {
	return []model.Annotation{
		{ID: "sample-note-khan-denials", ClaimID: KhanCharge, Author: sampleAuthor,
			Text: "The article reports one joint denial by the three parties; it is recorded as three counter-claims so each party's position can be checked on its own."},
		{ID: "sample-note-kabul-doha", ClaimID: "sample-claim-kabul-doha", Author: sampleAuthor,
			Text: "This article is from before the Taliban took Kabul in August 2021: 'authorities in Kabul' here is the former Islamic Republic government, recorded as a separate actor from today's Afghan government."},
		{ID: "sample-note-ttp-spelling", ClaimID: "sample-claim-pk-ttp-havens", Author: sampleAuthor,
			Text: "The articles spell the group both Tehreek-e-Taliban Pakistan and Tehrik-i-Taliban Pakistan; both are aliases of one actor."},
		{ID: "sample-note-haqqani-speaker", ClaimID: "sample-claim-us-haqqani", Author: sampleAuthor,
			Text: "Made by Ambassador Alice Wells, a senior US State Department official, speaking for the US side."},
	}
}

// Load stores the sample actors, sources, claims, links and notes in st, in
// one transaction. The first claim gets the newest creation time, so that
// the list, newest first, shows the claims in the order above.
func Load(ctx context.Context, st *db.Store) error {
	t0 := time.Now().UTC().Truncate(time.Millisecond)
	// The history says where these claims came from: the sample, not a
	// reviewer (a server still names the user it authenticated).
	ctx = db.WithOrigin(ctx, db.Origin{Reviewer: sampleAuthor, Via: "sample"})
	return st.Update(ctx, func(tx *db.Tx) error {
		for _, a := range Actors() {
			if err := tx.CreateActor(&a); err != nil {
				return err
			}
		}
		for _, s := range Sources() {
			if err := tx.CreateSource(&s); err != nil {
				return err
			}
		}
		for i, c := range Claims() {
			c.CreatedAt = t0.Add(-time.Duration(i) * time.Millisecond)
			if err := tx.CreateClaim(&c); err != nil {
				return err
			}
		}
		for _, l := range Links() {
			if err := tx.Link(l); err != nil {
				return err
			}
		}
		for _, n := range Notes() {
			if err := tx.AddNote(&n); err != nil {
				return err
			}
		}
		return nil
	})
}
