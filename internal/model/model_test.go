package model_test

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"claims/internal/model"
)

func TestClaimValidate(t *testing.T) {
	valid := func() model.Claim {
		return model.Claim{ID: "c1", Statement: " Afghanistan planned the bombing ", ActorID: "a1"}
	}
	tests := []struct {
		name    string
		mutate  func(*model.Claim)
		wantErr string // empty: valid
	}{
		{"minimal", func(*model.Claim) {}, ""},
		{"no id", func(c *model.Claim) { c.ID = "" }, "no id"},
		{"blank statement", func(c *model.Claim) { c.Statement = "  \n" }, "statement is required"},
		{"no actor", func(c *model.Claim) { c.ActorID = "" }, "actor"},
		{"bad verdict", func(c *model.Claim) { c.Verdict = "pants-on-fire" }, "verdict"},
		{"bad date", func(c *model.Claim) { c.MadeOn = "March 2024" }, "not a date"},
		{"month date", func(c *model.Claim) { c.MadeOn = "2024-03" }, ""},
		{"impossible day", func(c *model.Claim) { c.MadeOn = "2024-02-30" }, "not a date"},
		{"control character", func(c *model.Claim) { c.Statement = "a\x1fb" }, "control character"},
		{"invalid utf8", func(c *model.Claim) { c.Quote = "\xff\xfe" }, "UTF-8"},
		{"too long", func(c *model.Claim) { c.Statement = strings.Repeat("x", model.MaxStatementLen+1) }, "limit"},
		{"tag with comma", func(c *model.Claim) { c.Tags = []string{"a,b"} }, "comma"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := valid()
			tt.mutate(&c)
			err := c.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Validate() = %v, want ErrInvalid mentioning %q", err, tt.wantErr)
			}
		})
	}
}

func TestClaimValidateNormalises(t *testing.T) {
	c := model.Claim{ID: "c1", Statement: "  s  ", ActorID: "a", Tags: []string{" TTP ", "ttp", "", "Bombing"}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Statement != "s" || c.Verdict != model.Unreviewed {
		t.Errorf("statement %q verdict %q", c.Statement, c.Verdict)
	}
	if got := strings.Join(c.Tags, "|"); got != "ttp|bombing" {
		t.Errorf("tags = %q, want ttp|bombing", got)
	}
}

func TestActorValidate(t *testing.T) {
	a := model.Actor{ID: "a", Name: " Tehreek-e-Taliban Pakistan ", Kind: model.KindGroup,
		Aliases: []string{"TTP", "ttp", "tehreek-e-taliban pakistan", "Tehrik-i-Taliban Pakistan"}}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(a.Aliases, "|"); got != "TTP|Tehrik-i-Taliban Pakistan" {
		t.Errorf("aliases = %q", got)
	}
	bad := model.Actor{ID: "a", Name: "X", Kind: "alien"}
	if err := bad.Validate(); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("unknown kind: %v", err)
	}
	empty := model.Actor{ID: "a"}
	if err := empty.Validate(); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("empty name: %v", err)
	}
}

func TestSourceValidate(t *testing.T) {
	for _, tt := range []struct {
		url string
		ok  bool
	}{
		{"", true},
		{"https://example.org/a", true},
		{"HTTP://example.org", true},
		{"javascript:alert(1)", false},
		{"file:///etc/passwd", false},
		{"https://", false},
		{"ftp://example.org", false},
	} {
		s := model.Source{ID: "s", Title: "T", URL: tt.url}
		if err := s.Validate(); (err == nil) != tt.ok {
			t.Errorf("URL %q: Validate() = %v, want ok=%v", tt.url, err, tt.ok)
		}
	}
	s := model.Source{ID: "s"}
	if err := s.Validate(); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("missing title: %v", err)
	}
}

func TestLinkValidate(t *testing.T) {
	if err := (model.Link{FromID: "a", ToID: "a", Relation: model.Denies}).Validate(); err == nil {
		t.Error("self link accepted")
	}
	if err := (model.Link{FromID: "a", ToID: "b", Relation: "refutes"}).Validate(); err == nil {
		t.Error("unknown relation accepted")
	}
	if err := (model.Link{FromID: "a", ToID: "b", Relation: model.Disputes}).Validate(); err != nil {
		t.Error(err)
	}
	if model.Supports.Opposes() || !model.Denies.Opposes() {
		t.Error("Opposes is wrong")
	}
}

func TestAnnotationValidate(t *testing.T) {
	n := model.Annotation{ID: "n", ClaimID: "c", Author: " ", Text: "checked"}
	if err := n.Validate(); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("no author: %v", err)
	}
}

func TestVerdicts(t *testing.T) {
	for _, v := range model.Verdicts() {
		got, err := model.ParseVerdict(v.Label())
		if err != nil || got != v {
			t.Errorf("ParseVerdict(%q) = %q, %v", v.Label(), got, err)
		}
		r, ok := v.Rating()
		if ok && (r < model.WorstRating || r > model.BestRating) {
			t.Errorf("%s rating %d out of range", v, r)
		}
		if !ok && v != model.Unreviewed && v != model.Unverifiable {
			t.Errorf("%s has no rating", v)
		}
	}
	if v, _ := model.ParseVerdict("MOSTLY_TRUE"); v != model.MostlyTrue {
		t.Errorf("MOSTLY_TRUE = %q", v)
	}
	if _, err := model.ParseVerdict("pants on fire"); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("unknown verdict: %v", err)
	}
	if r, _ := model.True.Rating(); r != model.BestRating {
		t.Errorf("true rating %d", r)
	}
	if r, _ := model.False.Rating(); r != model.WorstRating {
		t.Errorf("false rating %d", r)
	}
}

func TestNewID(t *testing.T) {
	ids := make([]string, 1000)
	seen := map[string]bool{}
	for i := range ids {
		ids[i] = model.NewID()
		if len(ids[i]) != 26 || seen[ids[i]] {
			t.Fatalf("id %d = %q (len %d, dup %v)", i, ids[i], len(ids[i]), seen[ids[i]])
		}
		seen[ids[i]] = true
	}
	if !sort.StringsAreSorted(ids) {
		t.Error("ids made in sequence do not sort in order")
	}
}
