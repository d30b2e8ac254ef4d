// Package claimreview writes reviewed claims as schema.org ClaimReview
// JSON-LD, the markup search engines and fact-check aggregators read.
//
// The document is one JSON object: "@context" is schema.org plus a
// "claims:" prefix for the app's own terms, and "@graph" lists
//
//   - a ClaimReview for every claim whose verdict is not "unreviewed":
//     url (the published fact-check's address, the claim's review URL),
//     claimReviewed (the statement), reviewRating (alternateName = the
//     verdict's label; ratingValue, bestRating and worstRating when the
//     verdict has a rating; ratingExplanation), author (the reviewing
//     organisation), datePublished (the review's date), keywords (tags)
//     and itemReviewed, a Claim with its author (Person for an actor of
//     kind person, Organization for a government, military, party, group,
//     organisation or outlet, and no type for "other": the app does not
//     guess which; aliases as alternateName),
//     datePublished (when the claim was made), text (the verbatim quote)
//     and appearance (the source: url, headline, publisher, date);
//   - a Claim item for every other claim linked to a reviewed claim, in
//     either direction: the counter-claims, and the claims a reviewed
//     claim answers.
//
// Every Claim has a stable "@id", "urn:claims:claim:<claim id>". A link
// "B denies A" is carried on B's Claim: "about" holds A's @id (plain
// schema.org), and "claims:denies" (or claims:disputes,
// claims:contradicts, claims:supports) holds it again with the relation.
// Links are written only when both claims are in the document.
//
// Nothing is made up: a review without a URL or a date goes out without
// them (Missing counts the reviews that lack the URL search engines
// require).
package claimreview

import (
	"encoding/json"
	"io"
	"strings"

	"claims/internal/db"
	"claims/internal/model"
)

// Org is the reviewing organisation, the ClaimReviews' author.
type Org struct {
	Name string
	URL  string
}

// IDPrefix starts every Claim's @id.
const IDPrefix = "urn:claims:claim:"

type ref struct {
	ID string `json:"@id"`
}

type party struct {
	Type          string   `json:"@type,omitempty"`
	Name          string   `json:"name"`
	AlternateName []string `json:"alternateName,omitempty"`
	URL           string   `json:"url,omitempty"`
}

type creativeWork struct {
	Type          string `json:"@type"`
	URL           string `json:"url,omitempty"`
	Headline      string `json:"headline,omitempty"`
	Publisher     *party `json:"publisher,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
}

type claim struct {
	Type          string         `json:"@type"`
	ID            string         `json:"@id"`
	Name          string         `json:"name,omitempty"`
	Text          string         `json:"text,omitempty"`
	Author        *party         `json:"author,omitempty"`
	DatePublished string         `json:"datePublished,omitempty"`
	Appearance    []creativeWork `json:"appearance,omitempty"`
	About         []ref          `json:"about,omitempty"`
	Denies        []ref          `json:"claims:denies,omitempty"`
	Disputes      []ref          `json:"claims:disputes,omitempty"`
	Contradicts   []ref          `json:"claims:contradicts,omitempty"`
	Supports      []ref          `json:"claims:supports,omitempty"`
}

type rating struct {
	Type              string `json:"@type"`
	AlternateName     string `json:"alternateName"`
	RatingValue       int    `json:"ratingValue,omitempty"`
	BestRating        int    `json:"bestRating,omitempty"`
	WorstRating       int    `json:"worstRating,omitempty"`
	RatingExplanation string `json:"ratingExplanation,omitempty"`
}

type review struct {
	Type          string `json:"@type"`
	URL           string `json:"url,omitempty"`
	ClaimReviewed string `json:"claimReviewed"`
	ReviewRating  rating `json:"reviewRating"`
	ItemReviewed  *claim `json:"itemReviewed"`
	Author        *party `json:"author,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
	Keywords      string `json:"keywords,omitempty"`
}

type document struct {
	Context []any `json:"@context"`
	Graph   []any `json:"@graph"`
}

// Write writes the JSON-LD document for the snapshot. The output is
// deterministic: claims in the snapshot's order.
func Write(w io.Writer, s *db.Snapshot, org Org) error {
	actors := make(map[string]model.Actor, len(s.Actors))
	for _, a := range s.Actors {
		actors[a.ID] = a
	}
	sources := make(map[string]model.Source, len(s.Sources))
	for _, src := range s.Sources {
		sources[src.ID] = src
	}
	reviewed := func(c model.Claim) bool { return c.Verdict != model.Unreviewed && c.Verdict != "" }
	byID := make(map[string]model.Claim, len(s.Claims))
	for _, c := range s.Claims {
		byID[c.ID] = c
	}
	in := map[string]bool{}
	for _, c := range s.Claims {
		if reviewed(c) {
			in[c.ID] = true
		}
	}
	for _, l := range s.Links {
		if reviewed(byID[l.ToID]) || reviewed(byID[l.FromID]) {
			in[l.FromID], in[l.ToID] = true, true
		}
	}
	nodes := map[string]*claim{}
	for _, c := range s.Claims {
		if in[c.ID] {
			nodes[c.ID] = claimNode(c, actors, sources)
		}
	}
	for _, l := range s.Links {
		from, ok := nodes[l.FromID]
		if !ok || nodes[l.ToID] == nil {
			continue
		}
		r := ref{IDPrefix + l.ToID}
		from.About = append(from.About, r)
		switch l.Relation {
		case model.Denies:
			from.Denies = append(from.Denies, r)
		case model.Disputes:
			from.Disputes = append(from.Disputes, r)
		case model.Contradicts:
			from.Contradicts = append(from.Contradicts, r)
		case model.Supports:
			from.Supports = append(from.Supports, r)
		}
	}
	var author *party
	if strings.TrimSpace(org.Name) != "" {
		author = &party{Type: "Organization", Name: strings.TrimSpace(org.Name), URL: strings.TrimSpace(org.URL)}
	}
	doc := document{
		Context: []any{"https://schema.org", map[string]string{"claims": "urn:claims:terms#"}},
		Graph:   []any{},
	}
	for _, c := range s.Claims {
		if !reviewed(c) {
			continue
		}
		rv := review{
			Type:          "ClaimReview",
			URL:           c.Review.URL,
			ClaimReviewed: c.Statement,
			ReviewRating:  rating{Type: "Rating", AlternateName: c.Verdict.Label(), RatingExplanation: c.Review.Explanation},
			ItemReviewed:  nodes[c.ID],
			Author:        author,
			DatePublished: c.Review.Published,
			Keywords:      strings.Join(c.Tags, ", "),
		}
		if v, ok := c.Verdict.Rating(); ok {
			rv.ReviewRating.RatingValue, rv.ReviewRating.BestRating, rv.ReviewRating.WorstRating = v, model.BestRating, model.WorstRating
		}
		doc.Graph = append(doc.Graph, rv)
	}
	for _, c := range s.Claims {
		if in[c.ID] && !reviewed(c) {
			n := nodes[c.ID]
			n.Name = c.Statement
			doc.Graph = append(doc.Graph, n)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// schemaType is the schema.org type of an actor of kind k: Person,
// Organization, or "" for "other", which could be either.
func schemaType(k model.ActorKind) string {
	switch k {
	case model.KindPerson:
		return "Person"
	case model.KindOther, "":
		return ""
	}
	return "Organization"
}

// Missing counts the reviews Write writes without a URL: search engines
// require one, and the app does not make one up.
func Missing(s *db.Snapshot) int {
	n := 0
	for _, c := range s.Claims {
		if c.Verdict != model.Unreviewed && c.Verdict != "" && c.Review.URL == "" {
			n++
		}
	}
	return n
}

func claimNode(c model.Claim, actors map[string]model.Actor, sources map[string]model.Source) *claim {
	n := &claim{Type: "Claim", ID: IDPrefix + c.ID, Text: c.Quote, DatePublished: c.MadeOn}
	if a, ok := actors[c.ActorID]; ok {
		n.Author = &party{Type: schemaType(a.Kind), Name: a.Name, AlternateName: a.Aliases}
	}
	if src, ok := sources[c.SourceID]; ok {
		cw := creativeWork{Type: "CreativeWork", URL: src.URL, Headline: src.Title, DatePublished: src.Published}
		if src.Outlet != "" {
			cw.Publisher = &party{Type: "Organization", Name: src.Outlet}
		}
		n.Appearance = []creativeWork{cw}
	}
	return n
}
