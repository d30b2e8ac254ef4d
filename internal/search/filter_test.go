package search_test

import (
	"testing"

	"claims/internal/model"
	"claims/internal/search"
)

func TestFilterMatch(t *testing.T) {
	c := model.ClaimSummary{Claim: model.Claim{ID: "c", ActorID: "pk", SourceID: "dawn", MadeOn: "2024-03",
		Verdict: model.Misleading, Tags: []string{"ttp", "bombing"}},
		CounterCount: 2, Reviewers: []string{"Sara Ahmed"}}
	fresh := model.ClaimSummary{Claim: model.Claim{ID: "f", ActorID: "af", Verdict: model.Unreviewed}, AnswersCount: 1}
	for _, tt := range []struct {
		name          string
		f             search.Filter
		claim, answer bool // whether c and fresh pass
	}{
		{"none", search.Filter{}, true, true},
		{"verdict", search.Filter{Verdict: model.Misleading}, true, false},
		{"actor", search.Filter{ActorID: "af"}, false, true},
		{"tag", search.Filter{Tag: "bombing"}, true, false},
		{"tag is whole", search.Filter{Tag: "bomb"}, false, false},
		{"source", search.Filter{SourceID: "dawn"}, true, false},
		{"reviewer", search.Filter{Reviewer: "Sara Ahmed"}, true, false},
		{"contested", search.Filter{Contested: true}, true, false},
		{"counter-claims", search.Filter{Answers: true}, false, true},
		{"unreviewed: no verdict, no reviewer", search.Filter{Unreviewed: true}, false, true},
		{"from the same month", search.Filter{From: "2024-03-15"}, true, false},
		{"from the next month", search.Filter{From: "2024-04"}, false, false},
		{"to the year", search.Filter{To: "2024"}, true, false},
		{"to the month before", search.Filter{To: "2024-02-29"}, false, false},
		{"from and to around", search.Filter{From: "2023-12-01", To: "2024-03-01"}, true, false},
		{"combined", search.Filter{Tag: "ttp", Contested: true, Reviewer: "Sara Ahmed", From: "2024"}, true, false},
		{"combined, one fails", search.Filter{Tag: "ttp", Contested: true, Verdict: model.False}, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.Match(&c); got != tt.claim {
				t.Errorf("dated, contested claim: %v, want %v", got, tt.claim)
			}
			if got := tt.f.Match(&fresh); got != tt.answer {
				t.Errorf("undated counter-claim: %v, want %v", got, tt.answer)
			}
		})
	}
}

func TestFilterDateRangeByPrecision(t *testing.T) {
	for _, tt := range []struct {
		made, from, to string
		want           bool
	}{
		{"2024", "2024-06-01", "2024-06-30", true}, // the year overlaps June
		{"2024-05", "2024-06-01", "", false},
		{"2024-06-30", "2024-06", "2024-06", true},
		{"2024-07-01", "", "2024-06", false},
		{"2023-12-31", "2024", "", false},
		{"", "2024", "", false},
		{"", "", "2024", false},
		{"24-1", "2024", "", false},
	} {
		c := model.ClaimSummary{Claim: model.Claim{MadeOn: tt.made}}
		f := search.Filter{From: tt.from, To: tt.to}
		if got := f.Match(&c); got != tt.want {
			t.Errorf("made %q, range %q–%q: %v, want %v", tt.made, tt.from, tt.to, got, tt.want)
		}
	}
}
