package search_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"claims/internal/model"
	"claims/internal/search"
)

func fixture() ([]model.ClaimSummary, []model.Actor) {
	actors := []model.Actor{
		{ID: "khan", Name: "Imran Khan", Aliases: []string{"Prime Minister Imran Khan"}},
		{ID: "us", Name: "United States government", Aliases: []string{"Washington", "US"}},
		{ID: "pk", Name: "Government of Pakistan", Aliases: []string{"Islamabad"}},
		{ID: "af", Name: "Afghan government", Aliases: []string{"Kabul", "Afghan authorities"}},
	}
	claim := func(id, actor, name, statement string, v model.Verdict, tags ...string) model.ClaimSummary {
		return model.ClaimSummary{Claim: model.Claim{ID: id, ActorID: actor, Statement: statement, Verdict: v, Tags: tags},
			ActorName: name}
	}
	claims := []model.ClaimSummary{
		claim("c1", "khan", "Imran Khan", "Washington worked with his opponents and the military to remove him", model.Unreviewed, "pakistan"),
		claim("c2", "us", "United States government", "There is no truth to the allegations", model.Unreviewed),
		claim("c3", "pk", "Government of Pakistan", "The March suicide bombing was planned in Afghanistan", model.Misleading, "ttp"),
		claim("c4", "af", "Afghan government", "Afghanistan had no part in the bombing", model.Unverifiable),
	}
	claims[2].SourceTitle, claims[2].SourceOutlet = "Pakistan says bombing planned in Afghanistan", "Dawn"
	claims[3].Quote = "We reject the accusation."
	return claims, actors
}

func ids(hits []search.Hit) string {
	var s []string
	for _, h := range hits {
		s = append(s, h.Claim.ID)
	}
	return strings.Join(s, ",")
}

func TestSearch(t *testing.T) {
	claims, actors := fixture()
	ix := search.New(claims, actors)
	tests := []struct {
		name, query string
		filter      search.Filter
		want        string // claim ids in order; "" for none
	}{
		{"empty query lists all in order", "", search.Filter{}, "c1,c2,c3,c4"},
		{"actor name", "imran", search.Filter{}, "c1"},
		{"fuzzy actor", "imrn", search.Filter{}, "c1"},
		{"alias finds the actor's claims", "kabul", search.Filter{}, "c4"},
		{"statement words, tighter match first", "bombing", search.Filter{}, "c4,c3"},
		{"every word must match", "bombing march", search.Filter{}, "c3"},
		{"quote", "reject", search.Filter{}, "c4"},
		{"outlet", "dawn", search.Filter{}, "c3"},
		{"tag", "ttp", search.Filter{}, "c3"},
		{"no match", "zebra", search.Filter{}, ""},
		{"scattered letters do not match", "wxyz", search.Filter{}, ""},
		{"verdict filter", "", search.Filter{Verdict: model.Misleading}, "c3"},
		{"actor filter", "bombing", search.Filter{ActorID: "af"}, "c4"},
		{"filter and query disagree", "imran", search.Filter{Verdict: model.False}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(ix.Search(tt.query, tt.filter)); got != tt.want {
				t.Errorf("Search(%q) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestSearchPositions(t *testing.T) {
	claims, actors := fixture()
	ix := search.New(claims, actors)

	hits := ix.Search("imran", search.Filter{})
	if len(hits) != 1 {
		t.Fatalf("got %d hits", len(hits))
	}
	if got := pick(hits[0].Claim.ActorName, hits[0].ActorPos); got != "Imran" {
		t.Errorf("actor highlight = %q, want Imran", got)
	}

	hits = ix.Search("suicide", search.Filter{})
	if len(hits) != 1 || pick(hits[0].Claim.Statement, hits[0].StatementPos) != "suicide" {
		t.Fatalf("statement highlight wrong: %+v", hits)
	}

	hits = ix.Search("kabul", search.Filter{})
	if len(hits) != 1 || len(hits[0].ActorPos) != 0 || strings.Join(hits[0].Also, ";") != `alias "Kabul"` {
		t.Fatalf("alias hit = %+v, want Also alias \"Kabul\" and no actor highlight", hits)
	}
}

func TestSearchUnicode(t *testing.T) {
	claims := []model.ClaimSummary{{Claim: model.Claim{ID: "u", ActorID: "a", Statement: "Ça dépend: ذبیح‌الله مجاهد said"}, ActorName: "Zabihullah Mujahid"}}
	ix := search.New(claims, nil)
	hits := ix.Search("dépend", search.Filter{})
	if len(hits) != 1 || pick(claims[0].Statement, hits[0].StatementPos) != "dépend" {
		t.Fatalf("hits = %+v", hits)
	}
	hits = ix.Search("مجاهد", search.Filter{})
	if len(hits) != 1 || pick(claims[0].Statement, hits[0].StatementPos) != "مجاهد" {
		t.Fatalf("hits = %+v", hits)
	}
}

// pick returns the runes of s at the byte offsets pos.
func pick(s string, pos []int) string {
	var b strings.Builder
	for _, p := range pos {
		for _, r := range s[p:] {
			b.WriteRune(r)
			break
		}
	}
	return b.String()
}

// synthetic makes n claims by a few hundred actors with varied words.
func synthetic(n int) ([]model.ClaimSummary, []model.Actor) {
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("government military bombing allegation denies attack border talks ceasefire election " +
		"rigged opponents removed office planned engineers convoy province militants sanctuary officials report " +
		"ministry spokesman statement evidence investigation accused rejected conspiracy foreign")
	var actors []model.Actor
	for i := range 300 {
		actors = append(actors, model.Actor{ID: fmt.Sprint("a", i), Name: fmt.Sprintf("Actor %d %s", i, words[i%len(words)]),
			Aliases: []string{fmt.Sprintf("alias%d", i)}})
	}
	claims := make([]model.ClaimSummary, n)
	for i := range claims {
		a := actors[r.IntN(len(actors))]
		var st []string
		for range 12 {
			st = append(st, words[r.IntN(len(words))])
		}
		claims[i] = model.ClaimSummary{Claim: model.Claim{ID: fmt.Sprint("c", i), ActorID: a.ID,
			Statement: strings.Join(st, " "), Quote: strings.Join(st[:6], " "), Tags: []string{words[i%len(words)]}},
			ActorName: a.Name, SourceTitle: "Report " + fmt.Sprint(i%500), SourceOutlet: "Outlet"}
	}
	return claims, actors
}

func BenchmarkSearch10k(b *testing.B) {
	claims, actors := synthetic(10000)
	ix := search.New(claims, actors)
	b.ResetTimer()
	for b.Loop() {
		ix.Search("bombing denies", search.Filter{})
	}
}

func BenchmarkSearchBuild10k(b *testing.B) {
	claims, actors := synthetic(10000)
	for b.Loop() {
		search.New(claims, actors)
	}
}

func TestActors(t *testing.T) {
	_, actors := fixture()
	got := search.Actors("kabul", actors, 5)
	if len(got) != 1 || got[0].Actor.ID != "af" || got[0].Via != "Kabul" {
		t.Errorf("Actors(kabul) = %+v", got)
	}
	got = search.Actors("gov", actors, 5)
	if len(got) != 3 {
		t.Errorf("Actors(gov) = %d matches, want the three governments", len(got))
	}
	if got := search.Actors("gov", actors, 1); len(got) != 1 {
		t.Errorf("limit not kept: %d", len(got))
	}
	if a, ok := search.ExactActor(" washington ", actors); !ok || a.ID != "us" {
		t.Errorf("ExactActor(washington) = %+v, %v", a, ok)
	}
	if _, ok := search.ExactActor("Washingto", actors); ok {
		t.Error("ExactActor matched a prefix")
	}
}

// TestListingIsTheEmptyQuery: Listing gives, claim by claim, what an empty
// query on a built index gives.
func TestListingIsTheEmptyQuery(t *testing.T) {
	claims, actors := fixture()
	want, _ := search.New(claims, actors).SearchContext(context.Background(), "", search.Filter{})
	got := search.Listing(claims)
	if got.Len() != want.Len() || got.Len() != len(claims) {
		t.Fatalf("Listing holds %d claims, the empty query %d, of %d", got.Len(), want.Len(), len(claims))
	}
	for i := range got.Len() {
		if g, w := got.Hit(i), want.Hit(i); g.Claim.ID != w.Claim.ID || g.Score != w.Score || len(g.StatementPos) != 0 {
			t.Errorf("row %d: Listing %+v, empty query %+v", i, g, w)
		}
	}
}
