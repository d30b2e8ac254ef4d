package claimreview_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"claims/internal/claimreview"
	"claims/internal/csvio/csviotest"
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
	reviews, claims := 0, map[string]map[string]any{}
	for _, n := range doc.Graph {
		switch n["@type"] {
		case "ClaimReview":
			reviews++
			item := n["itemReviewed"].(map[string]any)
			claims[item["@id"].(string)] = item
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
	mil := claims[claimreview.IDPrefix+csviotest.MilitaryDenial]
	if mil == nil || mil["@type"] != "Claim" || mil["name"] == nil {
		t.Fatalf("the military's (unreviewed) denial is not a Claim item: %v", mil)
	}
	den := mil["claims:denies"].([]any)[0].(map[string]any)["@id"]
	if den != claimreview.IDPrefix+csviotest.KhanCharge {
		t.Errorf("military denial links to %v", den)
	}
}
