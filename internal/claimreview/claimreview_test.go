package claimreview_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claims/internal/claimreview"
	"claims/internal/csvio/csviotest"
	"claims/internal/db"
	"claims/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func render(t *testing.T) []byte {
	t.Helper()
	st := csviotest.Build(t)
	snap, err := st.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := claimreview.Write(&buf, snap, claimreview.Org{Name: "Example Fact Desk", URL: "https://example.org/factdesk"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	got := render(t)
	path := filepath.Join("testdata", "claimreview.golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("ClaimReview output differs from %s (go test -update after checking):\n%s", path, got)
	}
}

// TestStructure checks the JSON-LD: valid JSON, one ClaimReview per
// reviewed claim with its rating, authors typed from the actor's kind, and
// the denials of Khan's charge as Claim items linked to it.
func TestStructure(t *testing.T) {
	var doc struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(render(t), &doc); err != nil {
		t.Fatal(err)
	}
	reviews, claims, byItem := 0, map[string]map[string]any{}, map[string]map[string]any{}
	for _, n := range doc.Graph {
		switch n["@type"] {
		case "ClaimReview":
			reviews++
			item := n["itemReviewed"].(map[string]any)
			claims[item["@id"].(string)] = item
			byItem[strings.TrimPrefix(item["@id"].(string), claimreview.IDPrefix)] = n
			r := n["reviewRating"].(map[string]any)
			if r["alternateName"] == "False" && (r["ratingValue"] != 1.0 || r["bestRating"] != 5.0 || r["worstRating"] != 1.0) {
				t.Errorf("False rating = %v", r)
			}
			if r["alternateName"] == "Unverifiable" && r["ratingValue"] != nil {
				t.Errorf("Unverifiable carries a rating value: %v", r)
			}
			if a := n["author"].(map[string]any); a["name"] != "Example Fact Desk" || a["@type"] != "Organization" {
				t.Errorf("review author %v", a)
			}
		case "Claim":
			claims[n["@id"].(string)] = n
		}
	}
	// Reviewed: the bombing allegation, Khan's charge, the US denial, the
	// opponents' denial and the supporting claim.
	if reviews != 5 {
		t.Errorf("%d ClaimReviews, want 5", reviews)
	}
	khan := claims[claimreview.IDPrefix+csviotest.KhanCharge]
	if khan == nil || khan["author"].(map[string]any)["@type"] != "Person" {
		t.Fatalf("Khan's claim: %v", khan)
	}
	if r := byItem[csviotest.KhanCharge]; r["url"] != "https://example.org/factcheck/khan-cable" || r["datePublished"] != "2022-04-20" ||
		!strings.HasPrefix(r["reviewRating"].(map[string]any)["ratingExplanation"].(string), "The cable records displeasure") {
		t.Errorf("Khan's review: %v", r)
	}
	if r := byItem[csviotest.Bombing]; r["url"] != nil || r["datePublished"] != nil {
		t.Errorf("a review without URL or date got one: %v", r)
	}

	mil := claims[claimreview.IDPrefix+csviotest.MilitaryDenial]
	if mil == nil || mil["@type"] != "Claim" || mil["name"] == nil {
		t.Fatalf("the military's (unreviewed) denial is not a Claim item: %v", mil)
	}
	den := mil["claims:denies"].([]any)[0].(map[string]any)["@id"]
	if den != claimreview.IDPrefix+csviotest.KhanCharge {
		t.Errorf("military denial links to %v", den)
	}
}

// A claimant is typed from the actor's kind, and not at all when the kind
// is "other"; Missing counts the reviews without a URL.
func TestClaimantTypesAndMissingURLs(t *testing.T) {
	snap := &db.Snapshot{
		Actors: []model.Actor{{ID: "a", Name: "jane-doe", Kind: model.KindOther}, {ID: "b", Name: "Ministry", Kind: model.KindGovernment}},
		Claims: []model.Claim{
			{ID: "1", Statement: "s1", ActorID: "a", Verdict: model.False},
			{ID: "2", Statement: "s2", ActorID: "b", Verdict: model.True, Review: model.Review{URL: "https://example.org/r"}},
			{ID: "3", Statement: "s3", ActorID: "b"},
		},
	}
	var buf bytes.Buffer
	if err := claimreview.Write(&buf, snap, claimreview.Org{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Graph []struct {
			Item struct {
				Author map[string]any `json:"author"`
			} `json:"itemReviewed"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || len(doc.Graph) != 2 {
		t.Fatalf("%v: %s", err, buf.String())
	}
	if _, typed := doc.Graph[0].Item.Author["@type"]; typed || doc.Graph[0].Item.Author["name"] != "jane-doe" {
		t.Errorf("kind other: %v", doc.Graph[0].Item.Author)
	}
	if doc.Graph[1].Item.Author["@type"] != "Organization" {
		t.Errorf("a government: %v", doc.Graph[1].Item.Author)
	}
	if n := claimreview.Missing(snap); n != 1 {
		t.Errorf("Missing = %d, want 1", n)
	}
}
