package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"claims/internal/model"
	"claims/internal/search"
)

// TestRowFitsItsWidth: a row cuts a long statement, and an actor line too
// long for it beside the verdict and counter-claim chips, with "…" to
// what its width holds, and leaves short ones whole; drawing the same hit
// again changes nothing.
func TestRowFitsItsWidth(t *testing.T) {
	test.NewTempApp(t)
	c := model.ClaimSummary{Claim: model.Claim{ID: "c1", Verdict: model.Unreviewed,
		Statement: strings.Repeat("The ministry denied every part of the report. ", 6)}, ActorName: "Ministry of Interior"}
	r := newClaimRow().(*claimRow)
	r.Resize(fyne.NewSize(400, 60))
	r.set(search.Hit{Claim: &c})
	avail := r.Size().Width - 2*theme.InnerPadding() - 4
	body := r.body.String()
	if !strings.HasSuffix(body, "…") || len(body) >= len(c.Statement) {
		t.Fatalf("the long statement is not cut: %q", body)
	}
	if w := fyne.MeasureText(body, theme.TextSize(), fyne.TextStyle{}).Width; w > avail {
		t.Errorf("the cut statement is %.0f wide, the row holds %.0f", w, avail)
	}
	if head := r.head.String(); head != "Ministry of Interior" || r.verdict.label != "Unreviewed" || r.counter.Visible() {
		t.Errorf("a short actor line reads %q beside the chip %q", head, r.verdict.label)
	}
	segs := r.body.Segments
	r.set(search.Hit{Claim: &c})
	if &r.body.Segments[0] != &segs[0] {
		t.Error("the same hit was laid out again")
	}
	long := c
	long.ID, long.ActorName, long.CounterCount, long.AnswersCount = "c2", "Committee for the Protection of Journalists", 3, 1
	long.Verdict = model.MostlyTrue
	r.set(search.Hit{Claim: &long, Also: []string{`source "Doha: Bombing explained"`}})
	head := r.head.String()
	if !strings.HasSuffix(head, "…") || r.verdict.label != "Mostly true" || !r.counter.Visible() {
		t.Errorf("a long head line reads %q, chips %q %v", head, r.verdict.label, r.counter.Visible())
	}
	if w := fyne.MeasureText(head, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + r.chips.MinSize().Width + chipGap; w > avail+chipGap {
		t.Errorf("the chips and the cut head line are %.0f wide, the row holds %.0f", w, avail)
	}
	long.ActorName = strings.Repeat("Committee for the Protection of Journalists ", 3)
	r.set(search.Hit{Claim: &long})
	if head := r.head.String(); !strings.HasSuffix(head, "…") || strings.Contains(head, "counter-claims") {
		t.Errorf("an actor name too long for the row: %q", head)
	}
	r.Resize(fyne.NewSize(4000, 60))
	if strings.HasSuffix(r.head.String(), "…") || strings.HasSuffix(r.body.String(), "…") {
		t.Errorf("a wide row still cuts: %q / %q", r.head.String(), r.body.String())
	}
}
