package sample_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"claims/internal/db"
	"claims/internal/model"
	"claims/internal/sample"
)

func loaded(t *testing.T) *db.Store {
	t.Helper()
	st, err := db.Open(filepath.Join(t.TempDir(), "sample.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := sample.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	return st
}

func counterActors(t *testing.T, st *db.Store, claimID string) (relations []model.Relation, actors []string) {
	t.Helper()
	d, err := st.ClaimDetail(context.Background(), claimID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range d.Counters() {
		relations = append(relations, r.Relation)
		actors = append(actors, r.ActorName)
	}
	return relations, actors
}

// The bombing allegation: Pakistan accuses Afghanistan; the Afghan side,
// found by its alias "Kabul", denies it.
func TestBombingAllegationDeniedByKabul(t *testing.T) {
	ctx := context.Background()
	st := loaded(t)
	d, err := st.ClaimDetail(ctx, sample.BombingAllegation)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := st.FindActor(ctx, "Pakistan")
	if err != nil || d.Actor.ID != pk.ID {
		t.Fatalf("allegation actor = %q, want the actor found as \"Pakistan\" (%v)", d.Actor.Name, err)
	}
	for _, w := range []string{"Chinese engineers", "Pakistani driver", "March"} {
		if !strings.Contains(d.Claim.Statement, w) {
			t.Errorf("statement %q does not mention %q", d.Claim.Statement, w)
		}
	}
	kabul, err := st.FindActor(ctx, "kabul")
	if err != nil {
		t.Fatal(err)
	}
	rels, actors := counterActors(t, st, sample.BombingAllegation)
	if len(actors) != 1 || actors[0] != kabul.Name || rels[0] != model.Denies {
		t.Errorf("counter-claims = %v %v, want one denial by %q", rels, actors, kabul.Name)
	}
}

// Imran Khan's charge: one claim, three denials by three different actors.
func TestKhanChargeDeniedByThreeParties(t *testing.T) {
	ctx := context.Background()
	st := loaded(t)
	d, err := st.ClaimDetail(ctx, sample.KhanCharge)
	if err != nil {
		t.Fatal(err)
	}
	if d.Actor.Name != "Imran Khan" {
		t.Errorf("charge actor = %q", d.Actor.Name)
	}
	rels, actors := counterActors(t, st, sample.KhanCharge)
	var want []string
	for _, name := range []string{"Washington", "Pakistan Army", "Khan's political opponents"} {
		a, err := st.FindActor(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, a.Name)
	}
	sort.Strings(actors)
	sort.Strings(want)
	if strings.Join(actors, "|") != strings.Join(want, "|") {
		t.Errorf("denied by %v, want %v", actors, want)
	}
	for _, r := range rels {
		if r != model.Denies {
			t.Errorf("relation %s, want denies", r)
		}
	}
}

func TestTTPSpellingsAreOneActor(t *testing.T) {
	ctx := context.Background()
	st := loaded(t)
	a, err := st.FindActor(ctx, "Tehreek-e-Taliban Pakistan")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Tehrik-i-Taliban Pakistan", "TTP", "Pakistani Taliban"} {
		if b, err := st.FindActor(ctx, name); err != nil || b.ID != a.ID {
			t.Errorf("%q does not find the TTP actor: %v", name, err)
		}
	}
}

func TestListShowsEverySampleClaim(t *testing.T) {
	st := loaded(t)
	list, err := st.ListClaims(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(sample.Claims()) {
		t.Fatalf("%d claims listed, want %d", len(list), len(sample.Claims()))
	}
	if list[0].ID != sample.BombingAllegation {
		t.Errorf("first listed claim %q, want the bombing allegation", list[0].ID)
	}
	for _, c := range list {
		if c.SourceID == "" || c.Quote == "" {
			t.Errorf("claim %s lacks a source or a quote", c.ID)
		}
	}
}

// Quotes must be verbatim from the articles; sources must not invent URLs
// or dates.
func TestQuotesAreVerbatim(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("seed articles not found in %s", dir)
		}
		t.Skipf("seed articles not found in %s", dir)
	}
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	text := all.String()
	for _, c := range sample.Claims() {
		if !strings.Contains(text, c.Quote) {
			t.Errorf("claim %s: quote is not verbatim from the articles: %q", c.ID, c.Quote)
		}
	}
	var seeds []string
	for _, f := range files {
		b, _ := os.ReadFile(f)
		seeds = append(seeds, strings.TrimRight(string(b), " \n\r\t"))
	}
	for _, s := range sample.Sources() {
		if !slices.Contains(seeds, s.Text) {
			t.Errorf("source %s: its text is not one seed article's own text", s.ID)
		}
		if !strings.Contains(s.Text, s.Outlet) || s.Title != "" && !strings.HasPrefix(s.Title, "Untitled") && !strings.Contains(s.Text, s.Title) {
			t.Errorf("source %s: its title or outlet is not in its article", s.ID)
		}
		if s.URL != "" || s.Published != "" {
			t.Errorf("source %s has a URL or date the articles do not give", s.ID)
		}
		if s.Outlet != "" && !strings.Contains(text, s.Outlet) {
			t.Errorf("source %s: outlet %q does not appear in the articles", s.ID, s.Outlet)
		}
	}
}

// Every sample source keeps its article's text, which the Sources tab
// shows and extraction reads.
func TestSourcesKeepTheirText(t *testing.T) {
	ctx := context.Background()
	st := loaded(t)
	for _, s := range sample.Sources() {
		got, err := st.Source(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Text) < 1000 || got.Text != s.Text {
			t.Errorf("source %s: %d bytes of text stored", s.ID, len(got.Text))
		}
	}
}
