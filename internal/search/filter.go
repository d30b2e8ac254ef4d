package search

import (
	"slices"

	"claims/internal/model"
)

// Filter narrows a search, or a listing, to the claims that pass every
// condition set; its zero value passes every claim. It knows nothing of
// the window, so other views (the map, exports, the command line) can use
// it. A Filter is comparable: Filter{} tells that none is set.
type Filter struct {
	Verdict  model.Verdict // "" for any verdict
	ActorID  string        // the actor who made the claim; "" for any
	Tag      string        // a tag the claim carries, as stored (lower case); "" for any
	SourceID string        // the source that reported it; "" for any
	// From and To bound the date the claim was made, inclusive, each a
	// date as precise as the claims': "2024", "2024-03" or "2024-03-26";
	// either may be empty. A claim passes when the period its date names
	// overlaps the range ("2024-03" passes From "2024-03-15"); a claim
	// with no date does not pass once either is set.
	From, To string
	Reviewer string // one of the claim's Reviewers; "" for any
	// Contested keeps the claims that something denies, disputes or
	// contradicts (CounterCount > 0).
	Contested bool
	// Unreviewed keeps the claims no one has worked on yet: no verdict
	// and no reviewer.
	Unreviewed bool
	// Answers keeps the counter-claims: claims that deny, dispute or
	// contradict another (AnswersCount > 0).
	Answers bool
}

// Match reports whether c passes the filter.
func (f *Filter) Match(c *model.ClaimSummary) bool { return f.match(c) }

func (f *Filter) match(c *model.ClaimSummary) bool {
	switch {
	case f.Verdict != "" && c.Verdict != f.Verdict,
		f.ActorID != "" && c.ActorID != f.ActorID,
		f.SourceID != "" && c.SourceID != f.SourceID,
		f.Contested && c.CounterCount == 0,
		f.Answers && c.AnswersCount == 0,
		f.Unreviewed && (c.Verdict != model.Unreviewed && c.Verdict != "" || len(c.Reviewers) > 0),
		f.Tag != "" && !slices.Contains(c.Tags, f.Tag),
		f.Reviewer != "" && !slices.Contains(c.Reviewers, f.Reviewer):
		return false
	}
	if f.From != "" || f.To != "" {
		return inRange(c.MadeOn, f.From, f.To)
	}
	return true
}

// inRange reports whether the period the date d names (a year, a month
// or a day) overlaps the range from–to, each as precise as may be and
// either empty. Dates of these layouts sort as text, and a shorter one
// stands for its whole period, so comparing the common prefix decides.
func inRange(d, from, to string) bool {
	if !dateShape(d) {
		return false // no date, or not one a claim can hold
	}
	if from != "" {
		k := min(len(d), len(from))
		if d[:k] < from[:k] {
			return false
		}
	}
	if to != "" {
		k := min(len(d), len(to))
		if d[:k] > to[:k] {
			return false
		}
	}
	return true
}

// dateShape reports whether d looks like YYYY, YYYY-MM or YYYY-MM-DD.
func dateShape(d string) bool {
	if len(d) != 4 && len(d) != 7 && len(d) != 10 {
		return false
	}
	for i := 0; i < len(d); i++ {
		if i == 4 || i == 7 {
			if d[i] != '-' {
				return false
			}
		} else if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}
