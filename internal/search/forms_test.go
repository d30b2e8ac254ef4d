package search_test

import (
	"slices"
	"testing"

	"claims/internal/model"
	"claims/internal/search"
)

// Each group's words share a stem; no word of one group shares the stem of
// another group's.
func TestStemGroups(t *testing.T) {
	groups := [][]string{
		{"deny", "denies", "denied", "denying"},
		{"accuse", "accuses", "accused", "accusing"},
		{"plan", "plans", "planned", "planning"},
		{"kill", "kills", "killed", "killing"},
		{"bomb", "bombs", "bombed", "bombing", "bombings"},
		{"claim", "claims", "claimed", "claiming"},
		{"state", "states", "stated", "stating"},
		{"agree", "agrees", "agreed", "agreeing"},
		{"try", "tries", "tried", "trying"},
		{"say", "says", "saying"},
		{"reject", "rejects", "rejected", "rejecting"},
		{"blame", "blames", "blamed", "blaming"},
		{"dispute", "disputes", "disputed", "disputing"},
		{"use", "uses", "used", "using"},
		{"need", "needs", "needed", "needing"},
		{"process", "processes", "processed"},
		{"tax", "taxes", "taxed"},
		{"army", "armies"},
		{"support", "supports", "supported", "supporting"},
		{"status"},
		{"news"},
		{"denial", "denials"},
	}
	stems := map[string]int{}
	for gi, g := range groups {
		want := search.Stem(g[0])
		for _, w := range g {
			got := search.Stem(w)
			if got != want {
				t.Errorf("stem(%q) = %q, stem(%q) = %q: they should meet", w, got, g[0], want)
			}
		}
		if other, ok := stems[want]; ok && other != gi {
			t.Errorf("%v and %v share the stem %q", groups[other], g, want)
		}
		stems[want] = gi
	}
}

func TestWordFormOnlyWhenNeeded(t *testing.T) {
	for _, tt := range []struct {
		term string
		want bool
	}{
		{"denies", true}, {"deny", true}, {"DENIED", true}, {"bombing", true},
		{"bomb", false},  // every form contains "bomb"
		{"kabul", false}, // its own stem
		{"den", false},   // too short
		{"don't", false}, // not a plain word
		{"naïve", false}, // not ASCII
		{"bomb1ng", false},
	} {
		if _, _, got := search.WordForm(tt.term); got != tt.want {
			t.Errorf("wordForm(%q) = %v, want %v", tt.term, got, tt.want)
		}
	}
}

// "denies" finds the claims that say "denied" or "deny", after the ones
// that match "denies" as typed, whose order is the one the word alone
// gives; the whole word that matched is highlighted.
func TestSearchFindsWordForms(t *testing.T) {
	claim := func(id, statement string) model.ClaimSummary {
		return model.ClaimSummary{Claim: model.Claim{ID: id, ActorID: "a", Statement: statement, Verdict: model.Unreviewed}, ActorName: "Kabul"}
	}
	claims := []model.ClaimSummary{
		claim("past", "Kabul denied the allegation outright"),
		claim("exact", "The ministry denies any role in the attack"),
		claim("base", "We deny that we sheltered them"),
		claim("other", "The dentist said nothing"),
		claim("exact2", "It denies it and denies it again"),
		claim("progressive", "Officials were denying it on Monday"),
	}
	ix := search.New(claims, []model.Actor{{ID: "a", Name: "Kabul"}})
	hits := ix.Search("denies", search.Filter{})
	var got []string
	for _, h := range hits {
		got = append(got, h.Claim.ID)
	}
	exact := ix.Search("denies", search.Filter{})[:2]
	if got[0] != exact[0].Claim.ID || !slices.Contains([]string{"exact", "exact2"}, got[0]) || !slices.Contains([]string{"exact", "exact2"}, got[1]) {
		t.Fatalf("the claims that say \"denies\" do not come first: %v", got)
	}
	for _, id := range []string{"past", "base", "progressive"} {
		if !slices.Contains(got[2:], id) {
			t.Errorf("%q is not found by its form: %v", id, got)
		}
	}
	if slices.Contains(got, "other") {
		t.Errorf("\"dentist\" matched \"denies\": %v", got)
	}
	for _, h := range hits {
		if h.Claim.ID == "past" {
			if w := pick(h.Claim.Statement, h.StatementPos); w != "denied" {
				t.Errorf("highlighted %q, want the word denied", w)
			}
		}
	}
	if want := ix.ReferenceSearch("denies", search.Filter{}); !sameHits(hits, want) {
		t.Errorf("differs from the reference:\n got %s\nwant %s", describe(hits), describe(want))
	}
}
