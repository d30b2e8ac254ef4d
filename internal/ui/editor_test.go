package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
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
	test.Type(e.subjects.entry, "Islamabad")
	e.setSource(newSource)
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
	// On a small window the form scrolls; the mistake stays in sight.
	h.win.Resize(fyne.NewSize(720, 600))
	e.dlg.dlg.Resize(fitIn(h.win.Canvas(), fyne.NewSize(700, 900)))
	test.Tap(e.save)
	// It stands under the scroll, not at the foot of what scrolls.
	drv := fyne.CurrentApp().Driver()
	at, sc := drv.AbsolutePositionForObject(e.errLabel), drv.AbsolutePositionForObject(e.scroll)
	if bottom := at.Y + e.errLabel.Size().Height; at.Y < sc.Y+e.scroll.Size().Height || bottom > h.win.Canvas().Size().Height {
		t.Errorf("the error spans y=%v…%v, the form's scroll ends at %v, the window at %v: not in plain sight",
			at.Y, bottom, sc.Y+e.scroll.Size().Height, h.win.Canvas().Size().Height)
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
	for _, o := range e.actor.list.Objects {
		labels = append(labels, o.(*keyButton).Text)
	}
	if !slices.Contains(labels, "Afghan government (Kabul)") {
		t.Fatalf("suggestions for kabu = %q", labels)
	}
	test.Tap(e.actor.list.Objects[0].(*keyButton))
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
	if e.subjects.entry.Text != "Government of Pakistan" {
		t.Errorf("subject preset = %q, want the original claimant", e.subjects.entry.Text)
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
	test.Tap(findButton(h.win.Canvas().Overlays().Top(), "Unlink"))
	h.m.wait()
	if n := len(h.m.detail.counterCards); n != 1 {
		t.Errorf("after unlinking: %d counter-claims", n)
	}
}

// TestNewClaimWarnsOfDuplicate: saving a statement that repeats a recorded
// claim shows that claim first; "Save anyway" saves.
func TestNewClaimWarnsOfDuplicate(t *testing.T) {
	h := newHarness(t)
	e := h.m.openEditor(nil)
	test.Type(e.actor.entry, "Islamabad")
	test.Type(e.statement, "The suicide bombing in March that killed five Chinese engineers was planned in Afghanistan")
	test.Tap(e.save)
	h.m.wait()
	if !e.dups.Visible() || e.save.Text != "Save anyway" {
		t.Fatalf("no duplicate warning: visible %v, button %q", e.dups.Visible(), e.save.Text)
	}
	if !strings.Contains(dupText(e), "Government of Pakistan") || h.m.found.Len() != 6 {
		t.Fatalf("warning %q; %d claims (nothing may be saved yet)", dupText(e), h.m.found.Len())
	}
	test.Tap(e.save)
	h.m.wait()
	if h.m.found.Len() != 7 {
		t.Errorf("Save anyway: %d claims, want 7", h.m.found.Len())
	}

	// A statement like no other saves at once.
	e = h.m.openEditor(nil)
	test.Type(e.actor.entry, "Kabul")
	test.Type(e.statement, "Border crossings will reopen for trade next week")
	test.Tap(e.save)
	h.m.wait()
	if e.dups.Visible() || h.m.found.Len() != 8 {
		t.Errorf("a new statement: warning shown %v, %d claims, want 8", e.dups.Visible(), h.m.found.Len())
	}
}

// TestCounterClaimLinksExistingInstead: a counter-claim that repeats a
// recorded claim can be linked to it instead of being saved twice.
func TestCounterClaimLinksExistingInstead(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	existing := &model.Claim{ActorID: "army", Statement: "The army had no role at all in removing Imran Khan from office"}
	if err := h.m.st.CreateClaim(ctx, existing); err != nil {
		t.Fatal(err)
	}
	h.m.changed()
	h.m.wait()
	h.selectClaim(khanCharge)
	e := h.m.openEditor(&h.m.detail.d)
	test.Type(e.actor.entry, "Pakistan Army")
	test.Type(e.statement, "The army had no role in removing Imran Khan from office")
	test.Tap(e.save)
	h.m.wait()
	var link *widget.Button
	for _, o := range e.dups.Objects {
		if b, ok := o.(*fyne.Container); ok {
			for _, x := range b.Objects {
				if hb, ok := x.(*fyne.Container); ok {
					for _, y := range hb.Objects {
						if btn, ok := y.(*keyButton); ok && btn.Text == "Link it instead" {
							link = &btn.Button
						}
					}
				}
			}
		}
	}
	if link == nil {
		t.Fatalf("no \"Link it instead\" for the recorded claim; warning %q", dupText(e))
	}
	test.Tap(link)
	h.m.wait()
	cd, err := h.m.st.ClaimDetail(ctx, khanCharge)
	if err != nil {
		t.Fatal(err)
	}
	var linked bool
	for _, r := range cd.Counters() {
		linked = linked || (r.Claim.ID == existing.ID && r.Relation == model.Denies)
	}
	if !linked || len(cd.Counters()) != 4 {
		t.Errorf("counter-claims after linking: %d, the recorded one linked: %v", len(cd.Counters()), linked)
	}
	if claims, _ := h.m.st.ListClaims(ctx); len(claims) != 7 {
		t.Errorf("%d claims, want 7: linking must not save a new one", len(claims))
	}
}

// dupText is the duplicate warning's text.
func dupText(e *claimEditor) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			for _, y := range x.Objects {
				walk(y)
			}
		}
	}
	walk(e.dups)
	return b.String()
}

// Tab moves to the next field from the multi-line statement and quote, as
// the form's hint says, instead of typing a tab into them.
func TestTabLeavesMultiLineFields(t *testing.T) {
	h := newHarness(t)
	e := h.m.openEditor(nil)
	h.win.Canvas().Focus(e.statement)
	h.typeText("The crossings reopen next week.")
	h.press(fyne.KeyTab)
	if e.statement.Text != "The crossings reopen next week." || h.win.Canvas().Focused() != e.quote {
		t.Errorf("Tab in the statement: text %q, focus on %T", e.statement.Text, h.win.Canvas().Focused())
	}
}

// Enter on a suggestion of the Said by box picks it, and does not also
// try to save the half-filled form.
func TestEnterOnASuggestionOnlyPicksIt(t *testing.T) {
	h := newHarness(t)
	e := h.m.openEditor(nil)
	h.win.Canvas().Focus(e.actor.entry)
	h.typeText("kabu")
	h.press(fyne.KeyDown, fyne.KeyReturn)
	if e.actor.entry.Text != "Afghan government" || e.errLabel.Visible() {
		t.Errorf("after Down, Enter: Said by %q, error shown %v (%q)", e.actor.entry.Text, e.errLabel.Visible(), e.errLabel.Text)
	}
}
