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

// TestRowFitsItsWidth: a row cuts a long statement with "…" to what its
// width holds, lets a short actor line be, and cuts a long one with
// RichText's ellipsis; drawing the same hit again changes nothing.
func TestRowFitsItsWidth(t *testing.T) {
	test.NewTempApp(t)
	c := model.ClaimSummary{Claim: model.Claim{ID: "c1",
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
	if r.head.Truncation != fyne.TextTruncateOff {
		t.Error("a short actor line is cut")
	}
	segs := r.body.Segments
	r.set(search.Hit{Claim: &c})
	if &r.body.Segments[0] != &segs[0] {
		t.Error("the same hit was laid out again")
	}
	long := c
	long.ID, long.ActorName = "c2", strings.Repeat("Committee for the Protection of Journalists ", 3)
	r.set(search.Hit{Claim: &long})
	if r.head.Truncation != fyne.TextTruncateEllipsis {
		t.Error("a long actor line is not cut")
	}
	r.Resize(fyne.NewSize(4000, 60))
	if r.head.Truncation != fyne.TextTruncateOff || strings.HasSuffix(r.body.String(), "…") {
		t.Errorf("a wide row still cuts: head %v, body %q", r.head.Truncation, r.body.String())
	}
}
