package model

import (
	"slices"
	"strings"
)

// ClaimField names one recorded part of a claim: what the change history,
// the stale-save check and the import's conflict list speak of.
type ClaimField string

// A claim's fields. Actor, subjects and source are held as ids; subjects
// and tags as one item per line.
const (
	FieldStatement   ClaimField = "statement"
	FieldQuote       ClaimField = "quote"
	FieldActor       ClaimField = "actor"
	FieldSubjects    ClaimField = "subjects"
	FieldSource      ClaimField = "source"
	FieldMadeOn      ClaimField = "date made"
	FieldVerdict     ClaimField = "verdict"
	FieldTags        ClaimField = "tags"
	FieldReviewURL   ClaimField = "review url"
	FieldExplanation ClaimField = "rating explanation"
	FieldReviewedOn  ClaimField = "review date"
)

// ClaimFields lists a claim's fields in the order the app shows them.
func ClaimFields() []ClaimField {
	return []ClaimField{FieldStatement, FieldQuote, FieldActor, FieldSubjects, FieldSource, FieldMadeOn,
		FieldVerdict, FieldTags, FieldReviewURL, FieldExplanation, FieldReviewedOn}
}

// Get returns the field of c as text.
func (f ClaimField) Get(c *Claim) string {
	switch f {
	case FieldStatement:
		return c.Statement
	case FieldQuote:
		return c.Quote
	case FieldActor:
		return c.ActorID
	case FieldSubjects:
		return strings.Join(c.SubjectIDs, "\n")
	case FieldSource:
		return c.SourceID
	case FieldMadeOn:
		return c.MadeOn
	case FieldVerdict:
		return string(c.Verdict)
	case FieldTags:
		return strings.Join(c.Tags, "\n")
	case FieldReviewURL:
		return c.Review.URL
	case FieldExplanation:
		return c.Review.Explanation
	case FieldReviewedOn:
		return c.Review.Published
	}
	return ""
}

// Set sets the field of c from text as Get writes it.
func (f ClaimField) Set(c *Claim, v string) {
	lines := func() []string {
		if v == "" {
			return nil
		}
		return strings.Split(v, "\n")
	}
	switch f {
	case FieldStatement:
		c.Statement = v
	case FieldQuote:
		c.Quote = v
	case FieldActor:
		c.ActorID = v
	case FieldSubjects:
		c.SubjectIDs = lines()
	case FieldSource:
		c.SourceID = v
	case FieldMadeOn:
		c.MadeOn = v
	case FieldVerdict:
		c.Verdict = Verdict(v)
	case FieldTags:
		c.Tags = lines()
	case FieldReviewURL:
		c.Review.URL = v
	case FieldExplanation:
		c.Review.Explanation = v
	case FieldReviewedOn:
		c.Review.Published = v
	}
}

// Valid reports whether f is one of ClaimFields.
func (f ClaimField) Valid() bool { return slices.Contains(ClaimFields(), f) }

// ChangedFields lists the fields in which a and b differ, in ClaimFields
// order.
func ChangedFields(a, b *Claim) []ClaimField {
	var out []ClaimField
	for _, f := range ClaimFields() {
		if f.Get(a) != f.Get(b) {
			out = append(out, f)
		}
	}
	return out
}
