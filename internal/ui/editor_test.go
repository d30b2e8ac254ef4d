package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"claims/internal/model"
	"claims/internal/search"
)

func TestNewClaimWithNewActorAndSource(t *testing.T) {
	h := newHarness(t)
	e := h.m.openEditor(nil)
	test.Type(e.actor.entry, "Tehreek-e-Taliban Pakistan")
	if !e.actor.isNew() {
		t.Error("an unknown actor is not offered as a new actor")
	}
	e.actor.kind.SetSelected(string(model.KindGroup))
	test.Type(e.statement, "The group had no role in the Dasu attack")
	test.Type(e.subjects, "Islamabad")
	e.source.SetSelected(newSource)
	if !e.srcBox.Visible() {
		t.Fatal("the new-source fields do not appear")
	}
	test.Type(e.srcTitle, "TTP denies role in Dasu attack")
	test.Type(e.srcURL, "https://example.org/ttp")
	test.Type(e.madeOn, "2024-03-27")
	test.Tap(e.save)
	h.m.wait()
	if e.errLabel.Visible() {
		t.Fatalf("save failed: %s", e.errLabel.Text)
	}
	if h.m.found.Len() != 7 {
		t.Fatalf("list holds %d claims after saving, want 7", h.m.found.Len())
	}
	cd := h.m.detail.d
	if h.m.selected != cd.Claim.ID || cd.Actor.Name != "Tehreek-e-Taliban Pakistan" || cd.Actor.Kind != model.KindGroup {
		t.Fatalf("detail shows %+v", cd.Actor)
	}
	if cd.Source == nil || cd.Source.Title != "TTP denies role in Dasu attack" || cd.Claim.MadeOn != "2024-03-27" {
		t.Errorf("source/date not saved: %+v %q", cd.Source, cd.Claim.MadeOn)
	}
	if len(cd.Subjects) != 1 || cd.Subjects[0].ID != "pk" {
		t.Errorf("the alias Islamabad did not resolve to the Government of Pakistan: %+v", cd.Subjects)
	}
}

func TestNewClaimShowsMistakesInPlace(t *testing.T) {
	h := newHarness(t)
	e := h.m.openEditor(nil)
	test.Type(e.statement, "Something")
	test.Tap(e.save)
	if !e.errLabel.Visible() || !strings.Contains(e.errLabel.Text, "Said by") {
		t.Errorf("no actor: error %q", e.errLabel.Text)
	}
	test.Type(e.actor.entry, "Kabul")
	if e.actor.isNew() {
		t.Error("an alias of a known actor is offered as a new actor")
	}
	test.Type(e.madeOn, "last March")
	test.Tap(e.save)
	if !strings.Contains(e.errLabel.Text, "not a date") {
		t.Errorf("bad date: error %q", e.errLabel.Text)
	}
	if h.m.found.Len() != 6 {
		t.Error("a claim was saved despite the error")
	}
	if acts, _ := h.m.st.Actors(context.Background()); len(acts) != 6 {
		t.Errorf("a failed save left %d actors, want 6 (all or nothing)", len(acts))
	}
}

func TestActorPickerCompletes(t *testing.T) {
	h := newHarness(t)
	e := h.m.openEditor(nil)
	test.Type(e.actor.entry, "kabu")
	var labels []string
	for _, o := range e.actor.suggestions.Objects {
		labels = append(labels, o.(*widget.Button).Text)
	}
	if !slices.Contains(labels, "Afghan government (Kabul)") {
		t.Fatalf("suggestions for kabu = %q", labels)
	}
	test.Tap(e.actor.suggestions.Objects[0].(*widget.Button))
	if e.actor.entry.Text != "Afghan government" || e.actor.isNew() {
		t.Errorf("picking a suggestion: entry %q", e.actor.entry.Text)
	}
}

func TestAddCounterClaim(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(pkAllegation)
	e := h.m.openEditor(&h.m.detail.d)
	if e.relation.Selected != string(model.Denies) {
		t.Errorf("relation preset = %q, want denies", e.relation.Selected)
	}
	if e.subjects.Text != "Government of Pakistan" {
		t.Errorf("subject preset = %q, want the original claimant", e.subjects.Text)
	}
	test.Type(e.actor.entry, "Taliban government spokesman")
	test.Type(e.statement, "Pakistan should not blame Afghanistan for its own security failures")
	test.Tap(e.save)
	h.m.wait()
	if e.errLabel.Visible() {
		t.Fatalf("save failed: %s", e.errLabel.Text)
	}
	if h.m.selected != pkAllegation {
		t.Errorf("after saving, detail shows %q, want the answered claim", h.m.selected)
	}
	if n := len(h.m.detail.counterCards); n != 2 {
		t.Errorf("the allegation shows %d counter-claims, want 2", n)
	}
	cd, _ := h.m.st.ClaimDetail(context.Background(), pkAllegation)
	if len(cd.Counters()) != 2 {
		t.Errorf("store holds %d counter-claims", len(cd.Counters()))
	}
}

func TestLinkExistingAndUnlink(t *testing.T) {
	h := newHarness(t)
	h.selectClaim(pkAllegation)
	l := h.m.openLinkDialog()
	h.m.wait() // the picker searches off the UI goroutine
	if slices.ContainsFunc(l.found.Hits(), func(hh search.Hit) bool { return hh.Claim.ID == pkAllegation || hh.Claim.ID == afDenial }) {
		t.Error("the picker offers the claim itself or one already linked")
	}
	test.Type(l.query, "lawful vote")
	h.m.wait()
	if l.found.Len() != 1 || l.found.Hits()[0].Claim.ID != oppDenial {
		t.Fatalf("picker hits %d", l.found.Len())
	}
	if !l.link.Disabled() {
		t.Error("Link is enabled before a claim is picked")
	}
	l.list.Select(0)
	l.relation.SetSelected(string(model.Contradicts))
	test.Tap(l.link)
	h.m.wait()
	if n := len(h.m.detail.counterCards); n != 2 {
		t.Fatalf("after linking: %d counter-claims", n)
	}
	var card *claimCard
	for _, k := range h.m.detail.counterCards {
		if k.relation.Text == "CONTRADICTS" {
			card = k
		}
	}
	if card == nil {
		t.Fatal("the linked claim is not shown as CONTRADICTS")
	}
	test.Tap(card.unlink)
	test.Tap(findButton(h.win.Canvas().Overlays().Top(), "Yes"))
	h.m.wait()
	if n := len(h.m.detail.counterCards); n != 1 {
		t.Errorf("after unlinking: %d counter-claims", n)
	}
}
