package db_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"claims/internal/db"
	"claims/internal/db/pgtest"
	"claims/internal/model"
)

// openTestDB opens a fresh database file in the test's temporary folder.
func openTestDB(t *testing.T) *db.Store {
	t.Helper()
	s, err := db.Open(pgtest.TestDB(t, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustActor(t *testing.T, s *db.Store, name string, kind model.ActorKind, aliases ...string) model.Actor {
	t.Helper()
	a := model.Actor{Name: name, Kind: kind, Aliases: aliases}
	if err := s.CreateActor(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

func mustClaim(t *testing.T, s *db.Store, actor model.Actor, statement string) model.Claim {
	t.Helper()
	c := model.Claim{Statement: statement, ActorID: actor.ID}
	if err := s.CreateClaim(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func mustLink(t *testing.T, s *db.Store, from, to model.Claim, rel model.Relation) {
	t.Helper()
	if err := s.Link(context.Background(), model.Link{FromID: from.ID, ToID: to.ID, Relation: rel}); err != nil {
		t.Fatal(err)
	}
}

func TestFindActorByNameOrAlias(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t)
	afg := mustActor(t, s, "Afghan government", model.KindGovernment, "Kabul", "Afghan authorities")
	mustActor(t, s, "Government of Pakistan", model.KindGovernment, "Pakistan", "Islamabad")
	for _, name := range []string{"Kabul", "kabul", "  KABUL ", "afghan AUTHORITIES", "Afghan government"} {
		got, err := s.FindActor(ctx, name)
		if err != nil {
			t.Fatalf("FindActor(%q): %v", name, err)
		}
		if got.ID != afg.ID {
			t.Errorf("FindActor(%q) = %q, want the Afghan government", name, got.Name)
		}
	}
	if _, err := s.FindActor(ctx, "Kandahar"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown name: err = %v, want ErrNotFound", err)
	}
}

func TestActorNamesAndAliasesAreUnique(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t)
	mustActor(t, s, "Afghan government", model.KindGovernment, "Kabul")
	for _, a := range []model.Actor{
		{Name: "afghan GOVERNMENT"},                               // same name, other case
		{Name: "Taliban government", Aliases: []string{"KABUL"}},  // alias taken
		{Name: "Someone", Aliases: []string{"Afghan government"}}, // alias is a name
	} {
		if err := s.CreateActor(ctx, &a); !errors.Is(err, model.ErrConflict) {
			t.Errorf("CreateActor(%q, %v) = %v, want ErrConflict", a.Name, a.Aliases, err)
		}
	}
	// Renaming onto another's name is refused in words a person can act
	// on, not the database's constraint name.
	other := mustActor(t, s, "Taliban", model.KindGroup)
	renamed := other
	renamed.Name = "Afghan Government"
	err := s.EditActor(ctx, other, renamed, false)
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), `another actor is already called "Afghan government"`) ||
		strings.Contains(err.Error(), "constraint") {
		t.Errorf("renaming onto another actor's name: %v", err)
	}
	a := model.Actor{Name: "AFGHAN government"}
	if err := s.CreateActor(ctx, &a); err == nil || !strings.Contains(err.Error(), "another actor is already called") {
		t.Errorf("creating another actor of that name: %v", err)
	}
	if err := s.DeleteActor(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	actors, err := s.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) != 1 {
		t.Errorf("failed creations left %d actors, want 1", len(actors))
	}
}

func TestUpdateAndDeleteActor(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t)
	shown := mustActor(t, s, "TTP", model.KindGroup)
	a := shown
	a.Name = "Tehreek-e-Taliban Pakistan"
	a.Aliases = []string{"TTP", "Tehrik-i-Taliban Pakistan"}
	if err := s.EditActor(ctx, shown, a, false); err != nil {
		t.Fatal(err)
	}
	got, err := s.Actor(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != a.Name || !reflect.DeepEqual(got.Aliases, []string{"Tehrik-i-Taliban Pakistan", "TTP"}) {
		t.Errorf("after update: %+v", got)
	}
	mustClaim(t, s, a, "Attacks continue")
	if err := s.DeleteActor(ctx, a.ID); !errors.Is(err, model.ErrInUse) {
		t.Errorf("deleting an actor with claims: %v, want ErrInUse", err)
	}
	b := mustActor(t, s, "Nobody", model.KindOther)
	if err := s.DeleteActor(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Actor(ctx, b.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("deleted actor: %v", err)
	}
	if err := s.DeleteActor(ctx, "missing"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("deleting a missing actor: %v", err)
	}
}

func TestMergeActors(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t)
	keep := mustActor(t, s, "Tehreek-e-Taliban Pakistan", model.KindGroup, "TTP")
	gone := mustActor(t, s, "Tehrik-i-Taliban Pakistan", model.KindGroup, "Pakistani Taliban")
	pk := mustActor(t, s, "Pakistan", model.KindGovernment)
	c1 := mustClaim(t, s, gone, "We fight the state")
	c2 := model.Claim{Statement: "The group has havens in Afghanistan", ActorID: pk.ID, SubjectIDs: []string{gone.ID, keep.ID}}
	if err := s.CreateClaim(ctx, &c2); err != nil {
		t.Fatal(err)
	}
	if err := s.MergeActors(ctx, keep.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Claim(ctx, c1.ID); got.ActorID != keep.ID {
		t.Errorf("claim actor after merge = %q, want %q", got.ActorID, keep.ID)
	}
	if got, _ := s.Claim(ctx, c2.ID); !reflect.DeepEqual(got.SubjectIDs, []string{keep.ID}) {
		t.Errorf("subjects after merge = %v, want just the kept actor", got.SubjectIDs)
	}
	for _, name := range []string{"Tehrik-i-Taliban Pakistan", "Pakistani Taliban", "TTP"} {
		if a, err := s.FindActor(ctx, name); err != nil || a.ID != keep.ID {
			t.Errorf("FindActor(%q) after merge = %v, %v", name, a.Name, err)
		}
	}
	if _, err := s.Actor(ctx, gone.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("merged-away actor still there: %v", err)
	}
	if err := s.MergeActors(ctx, keep.ID, keep.ID); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("self merge: %v", err)
	}
	if err := s.MergeActors(ctx, keep.ID, "missing"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("merge of a missing actor: %v", err)
	}
}

func TestSources(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t)
	src := model.Source{Title: "Pak-US diplomatic engagement", Outlet: "Pakistan Today", Text: "full text"}
	if err := s.CreateSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	shown := src
	src.URL = "https://example.org/a"
	if err := s.EditSource(ctx, shown, src, false); err != nil {
		t.Fatal(err)
	}
	got, err := s.Source(ctx, src.ID)
	if err != nil || !reflect.DeepEqual(got, src) {
		t.Errorf("Source = %+v, %v; want %+v", got, err, src)
	}
	list, err := s.Sources(ctx)
	if err != nil || len(list) != 1 || list[0].Text != "" || list[0].Title != src.Title {
		t.Errorf("Sources = %+v, %v", list, err)
	}
	bad := model.Source{Title: "x", URL: "javascript:alert(1)"}
	if err := s.CreateSource(ctx, &bad); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("bad URL: %v", err)
	}
	a := mustActor(t, s, "A", model.KindOther)
	c := model.Claim{Statement: "s", ActorID: a.ID, SourceID: src.ID}
	if err := s.CreateClaim(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSource(ctx, src.ID); !errors.Is(err, model.ErrInUse) {
		t.Errorf("deleting a cited source: %v", err)
	}
	if err := s.DeleteClaim(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSource(ctx, src.ID); err != nil {
		t.Errorf("deleting an uncited source: %v", err)
	}
}

func TestClaimLifecycle(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t)
	pk := mustActor(t, s, "Government of Pakistan", model.KindGovernment)
	af := mustActor(t, s, "Afghan government", model.KindGovernment)
	src := model.Source{Title: "Talks in Washington"}
	if err := s.CreateSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	c := model.Claim{Statement: "Afghanistan planned the bombing", Quote: "Pakistan has accused Afghanistan",
		ActorID: pk.ID, SubjectIDs: []string{af.ID}, SourceID: src.ID, MadeOn: "2024-03", Tags: []string{"Bombing", "china"}}
	if err := s.CreateClaim(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Claim(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Errorf("stored claim\n got %+v\nwant %+v", got, c)
	}

	c.Statement = "Afghanistan planned the March bombing"
	c.Tags = []string{"bombing"}
	if err := s.UpdateClaim(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Claim(ctx, c.ID)
	if got.Statement != c.Statement || !reflect.DeepEqual(got.Tags, []string{"bombing"}) || !got.CreatedAt.Equal(c.CreatedAt) {
		t.Errorf("after update: %+v", got)
	}
	if got.UpdatedAt.Before(got.CreatedAt) {
		t.Errorf("updated %v before created %v", got.UpdatedAt, got.CreatedAt)
	}

	if err := s.SetVerdict(ctx, c.ID, model.Unverifiable); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTags(ctx, c.ID, []string{"TTP", "cross-border"}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Claim(ctx, c.ID)
	if got.Verdict != model.Unverifiable || !reflect.DeepEqual(got.Tags, []string{"ttp", "cross-border"}) {
		t.Errorf("verdict/tags: %q %v", got.Verdict, got.Tags)
	}
	if err := s.SetVerdict(ctx, c.ID, "pants-on-fire"); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("bad verdict: %v", err)
	}
	if err := s.SetVerdict(ctx, "missing", model.True); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("verdict of a missing claim: %v", err)
	}

	missing := model.Claim{Statement: "x", ActorID: "no-such-actor"}
	if err := s.CreateClaim(ctx, &missing); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("claim by a missing actor: %v", err)
	}
}

func TestListAndDetailShowCounterClaimsBothWays(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t)
	khan := mustActor(t, s, "Imran Khan", model.KindPerson)
	us := mustActor(t, s, "United States government", model.KindGovernment)
	army := mustActor(t, s, "Pakistan military", model.KindMilitary)
	opp := mustActor(t, s, "Khan's political opponents", model.KindParty)
	charge := mustClaim(t, s, khan, "Washington worked to remove Khan")
	var denials []model.Claim
	for _, a := range []model.Actor{us, army, opp} {
		d := mustClaim(t, s, a, a.Name+" did not work to remove Khan")
		mustLink(t, s, d, charge, model.Denies)
		denials = append(denials, d)
	}
	support := mustClaim(t, s, khan, "A diplomatic cable shows it")
	mustLink(t, s, support, charge, model.Supports)

	list, err := s.ListClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 5 {
		t.Fatalf("ListClaims returned %d rows, want 5", len(list))
	}
	if list[0].ID != support.ID {
		t.Errorf("newest claim should come first, got %q", list[0].Statement)
	}
	var row model.ClaimSummary
	for _, r := range list {
		if r.ID == charge.ID {
			row = r
		}
	}
	if row.ActorName != "Imran Khan" || row.CounterCount != 3 {
		t.Errorf("charge row: actor %q, %d counter-claims; want Imran Khan, 3", row.ActorName, row.CounterCount)
	}
	if want := []string{us.Name, army.Name, opp.Name}; !reflect.DeepEqual(row.CounterActors, want) {
		t.Errorf("counter actors = %v, want %v", row.CounterActors, want)
	}

	d, err := s.ClaimDetail(ctx, charge.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Actor.ID != khan.ID || len(d.AnsweredBy) != 4 || len(d.Counters()) != 3 || len(d.Answers) != 0 {
		t.Errorf("detail: actor %q, answered by %d (%d counters), answers %d", d.Actor.Name, len(d.AnsweredBy), len(d.Counters()), len(d.Answers))
	}
	for i, r := range d.Counters() {
		if r.Claim.ID != denials[i].ID || r.Relation != model.Denies {
			t.Errorf("counter %d = %q %s, want %q denies", i, r.Claim.Statement, r.Relation, denials[i].Statement)
		}
	}
	back, err := s.ClaimDetail(ctx, denials[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Answers) != 1 || back.Answers[0].Claim.ID != charge.ID || back.Answers[0].ActorName != "Imran Khan" {
		t.Errorf("denial answers %+v, want the charge", back.Answers)
	}

	pairs, err := s.Contradictions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 3 || pairs[0].Claim.ID != charge.ID || pairs[0].Counter.ActorName != us.Name {
		t.Errorf("contradictions = %d pairs, first %+v", len(pairs), pairs)
	}

	// Re-linking changes the relation; unlinking removes it.
	mustLink(t, s, denials[0], charge, model.Disputes)
	if d, _ := s.ClaimDetail(ctx, charge.ID); d.AnsweredBy[0].Relation != model.Disputes {
		t.Errorf("relink: relation %s, want disputes", d.AnsweredBy[0].Relation)
	}
	if err := s.Unlink(ctx, denials[0].ID, charge.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Unlink(ctx, denials[0].ID, charge.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("second unlink: %v", err)
	}
	if err := s.Link(ctx, model.Link{FromID: charge.ID, ToID: "missing", Relation: model.Denies}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("link to a missing claim: %v", err)
	}
}

func TestDeleteClaimCascades(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t)
	pk := mustActor(t, s, "Pakistan", model.KindGovernment)
	af := mustActor(t, s, "Kabul", model.KindGovernment)
	claim := mustClaim(t, s, pk, "Afghanistan harbours militants")
	denial := mustClaim(t, s, af, "Afghanistan harbours no militants")
	mustLink(t, s, denial, claim, model.Denies)
	if err := s.SetTags(ctx, claim.ID, []string{"ttp"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddNote(ctx, &model.Annotation{ClaimID: claim.ID, Author: "rev", Text: "check the dossier"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteClaim(ctx, claim.ID); err != nil {
		t.Fatal(err)
	}
	if notes, _ := s.Notes(ctx, claim.ID); len(notes) != 0 {
		t.Errorf("notes survived their claim: %v", notes)
	}
	if links, _ := s.Links(ctx); len(links) != 0 {
		t.Errorf("links survived their claim: %v", links)
	}
	d, err := s.ClaimDetail(ctx, denial.ID)
	if err != nil {
		t.Fatalf("the counter-claim should stay: %v", err)
	}
	if len(d.Answers) != 0 {
		t.Errorf("counter-claim still answers a deleted claim")
	}
	if err := s.DeleteClaim(ctx, claim.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

func TestNotesAreAHistory(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t)
	a := mustActor(t, s, "A", model.KindOther)
	c := mustClaim(t, s, a, "s")
	for _, text := range []string{"first look", "second look", "third look"} {
		if err := s.AddNote(ctx, &model.Annotation{ClaimID: c.ID, Author: "Sana", Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	notes, err := s.Notes(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 3 || notes[0].Text != "first look" || notes[2].Text != "third look" || notes[1].Author != "Sana" {
		t.Errorf("notes = %+v", notes)
	}
	if notes[0].CreatedAt.IsZero() {
		t.Error("note has no time")
	}
	if err := s.AddNote(ctx, &model.Annotation{ClaimID: "missing", Author: "Sana", Text: "x"}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("note on a missing claim: %v", err)
	}
	if err := s.AddNote(ctx, &model.Annotation{ClaimID: c.ID, Text: "x"}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("note without author: %v", err)
	}
}

func TestUpdateRollsBackOnError(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t)
	boom := errors.New("boom")
	err := s.Update(ctx, func(tx *db.Tx) error {
		a := model.Actor{Name: "Half-made"}
		if err := tx.CreateActor(&a); err != nil {
			return err
		}
		c := model.Claim{Statement: "half-made claim", ActorID: a.ID}
		if err := tx.CreateClaim(&c); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want boom", err)
	}
	if empty, _ := s.IsEmpty(ctx); !empty {
		t.Error("a failed transaction left rows behind")
	}

	// A multi-row change that fails part-way (a subject that does not exist)
	// leaves nothing either.
	a := mustActor(t, s, "A", model.KindOther)
	c := model.Claim{Statement: "s", ActorID: a.ID, SubjectIDs: []string{a.ID, "ghost"}, Tags: []string{"t"}}
	if err := s.CreateClaim(ctx, &c); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("claim with a missing subject: %v", err)
	}
	if list, _ := s.ListClaims(ctx); len(list) != 0 {
		t.Errorf("failed claim creation left %d claims", len(list))
	}
}
