package db_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"claims/internal/db"
	"claims/internal/db/pgtest"
	"claims/internal/model"
)

// as returns a context whose writes are made by reviewer, via how.
func as(reviewer, how string) context.Context {
	return db.WithOrigin(context.Background(), db.Origin{Reviewer: reviewer, Via: how})
}

// who is the name the history gives a reviewer: on a server, the user it
// authenticated, whatever name the window or the command line gives.
func who(st *db.Store, typed string) string {
	if u := st.ServerUser(); u != "" {
		return u
	}
	return typed
}

// describe lists a claim's history as "reviewer via: change" lines.
func describe(t *testing.T, st *db.Store, claimID string) []string {
	t.Helper()
	list, err := st.History(context.Background(), claimID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range list {
		out = append(out, c.Set.Reviewer+" "+c.Set.Via+": "+c.Describe())
	}
	return out
}

func TestEveryChangeIsRecorded(t *testing.T) {
	st := openTestDB(t)
	ctx := as("Ayesha", "window")
	pak := model.Actor{Name: "Government of Pakistan", Kind: model.KindGovernment}
	afg := model.Actor{Name: "Afghan government", Kind: model.KindGovernment}
	for _, a := range []*model.Actor{&pak, &afg} {
		if err := st.CreateActor(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	claim := model.Claim{Statement: "The bombing was planned in Afghanistan", ActorID: pak.ID}
	denial := model.Claim{Statement: "Kabul had no part in it", ActorID: afg.ID}
	for _, c := range []*model.Claim{&claim, &denial} {
		if err := st.CreateClaim(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	steps := []func() error{
		func() error { return st.SetVerdict(as("Bilal", "window"), claim.ID, model.Misleading) },
		func() error { return st.SetTags(ctx, claim.ID, []string{"bombing", "dasu"}) },
		func() error {
			return st.AddNote(ctx, &model.Annotation{ClaimID: claim.ID, Author: "Ayesha", Text: "Check the ISPR statement"})
		},
		func() error {
			return st.Link(as("Ayesha", "import of pairs.csv"), model.Link{FromID: denial.ID, ToID: claim.ID, Relation: model.Denies})
		},
		func() error {
			return st.Link(ctx, model.Link{FromID: denial.ID, ToID: claim.ID, Relation: model.Denies}) // no change
		},
		func() error { return st.SetVerdict(ctx, claim.ID, model.Misleading) }, // no change
		func() error {
			c, _ := st.Claim(ctx, claim.ID)
			c.Review = model.Review{URL: "https://example.org/check", Published: "2024-03-30"}
			c.SubjectIDs = []string{afg.ID}
			return st.UpdateClaim(as("Bilal", "cli"), &c)
		},
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	got := describe(t, st, claim.ID)
	a, b := who(st, "Ayesha"), who(st, "Bilal")
	want := []string{
		a + " window: claim added: The bombing was planned in Afghanistan",
		b + " window: verdict: unreviewed → misleading",
		a + " window: tags: (none) → bombing; dasu",
		a + " window: note added: Check the ISPR statement",
		a + " import of pairs.csv: link added: denies",
		b + " cli: subjects: (none) → Afghan government",
		b + " cli: review url: (none) → https://example.org/check",
		b + " cli: review date: (none) → 2024-03-30",
	}
	if !slices.Equal(got, want) {
		t.Errorf("history:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The denial's history shows the link too: it is the claim that answers.
	if d := describe(t, st, denial.ID); len(d) != 2 || !strings.Contains(d[1], "link added: denies") {
		t.Errorf("denial's history: %q", d)
	}
	sets, err := st.Sets(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	// Two actors, two claims, five writes that changed something: one set each.
	if len(sets) != 9 {
		t.Errorf("%d change sets, want 9 (writes that change nothing make none)", len(sets))
	}
	if v, _ := st.Version(context.Background()); v != sets[0].ID {
		t.Errorf("Version = %d, want the newest set %d", v, sets[0].ID)
	}
	for _, want := range sets {
		if got, err := st.Set(context.Background(), want.ID); err != nil || got != want {
			t.Errorf("Set(%d) = %+v, %v; want %+v as Sets lists it", want.ID, got, err, want)
		}
	}
	if _, err := st.Set(context.Background(), sets[0].ID+1); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Set of a set not made: %v, want ErrNotFound", err)
	}
}

func TestUndoAndRedo(t *testing.T) {
	st := openTestDB(t)
	ctx := context.Background()
	a := mustActor(t, st, "Imran Khan", model.KindPerson)
	c := mustClaim(t, st, a, "Washington conspired to remove him")
	var set int64
	if err := st.SetVerdict(db.WithSetID(as("Ayesha", "window"), &set), c.ID, model.False); err != nil {
		t.Fatal(err)
	}
	if set == 0 {
		t.Fatal("WithSetID left no set number")
	}
	undo, err := st.Undo(as("Ayesha", "window"), set)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Claim(ctx, c.ID); got.Verdict != model.Unreviewed {
		t.Errorf("after undo the verdict is %s", got.Verdict)
	}
	if _, err := st.Undo(ctx, set); !errors.Is(err, model.ErrConflict) {
		t.Errorf("undoing a set twice: %v", err)
	}
	redo, err := st.Undo(ctx, undo) // redo
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Claim(ctx, c.ID); got.Verdict != model.False {
		t.Errorf("after redo the verdict is %s", got.Verdict)
	}
	h := describe(t, st, c.ID)
	if !strings.HasSuffix(h[len(h)-2], "undo of set "+fmt.Sprint(set)+": verdict: false → unreviewed") ||
		!strings.HasSuffix(h[len(h)-1], "redo of set "+fmt.Sprint(set)+": verdict: unreviewed → false") {
		t.Errorf("history after undo and redo:\n%s", strings.Join(h, "\n"))
	}

	// A later change to the same value blocks the undo, naming it.
	if err := st.SetVerdict(as("Bilal", "window"), c.ID, model.Mixed); err != nil {
		t.Fatal(err)
	}
	_, err = st.Undo(ctx, redo)
	var ue *db.UndoError
	if !errors.As(err, &ue) || len(ue.Conflicts) != 1 || ue.Conflicts[0].Field != "verdict" ||
		ue.Conflicts[0].By.Reviewer != who(st, "Bilal") || ue.Conflicts[0].Now != "mixed" {
		t.Fatalf("undo over a later change: %v", err)
	}
	if !strings.Contains(err.Error(), "verdict") || !strings.Contains(err.Error(), who(st, "Bilal")) {
		t.Errorf("message does not name the field and who: %v", err)
	}
	if got, _ := st.Claim(ctx, c.ID); got.Verdict != model.Mixed {
		t.Errorf("a refused undo changed the verdict to %s", got.Verdict)
	}
	if _, err := st.Undo(ctx, 999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("undo of no set: %v", err)
	}
}

func TestTrashKeepsWhatWasDeleted(t *testing.T) {
	st := openTestDB(t)
	ctx := context.Background()
	khan := mustActor(t, st, "Imran Khan", model.KindPerson)
	us := mustActor(t, st, "US government", model.KindGovernment)
	src := model.Source{Title: "Khan's rally", Outlet: "Dawn", Published: "2022-04-10"}
	if err := st.CreateSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	charge := model.Claim{Statement: "Washington conspired to remove him", ActorID: khan.ID, SourceID: src.ID,
		SubjectIDs: []string{us.ID}, Tags: []string{"regime-change"}, Verdict: model.False}
	if err := st.CreateClaim(ctx, &charge); err != nil {
		t.Fatal(err)
	}
	denial := mustClaim(t, st, us, "The US played no part")
	mustLink(t, st, denial, charge, model.Denies)
	if err := st.AddNote(ctx, &model.Annotation{ClaimID: charge.ID, Author: "Ayesha", Text: "no evidence offered"}); err != nil {
		t.Fatal(err)
	}
	before, err := st.ClaimDetail(ctx, charge.ID)
	if err != nil {
		t.Fatal(err)
	}

	if err := st.DeleteClaim(as("Bilal", "window"), charge.ID); err != nil {
		t.Fatal(err)
	}
	trash, err := st.Trash(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(trash) != 1 || trash[0].ID != charge.ID || trash[0].ActorName != "Imran Khan" || trash[0].Deleted.Reviewer != who(st, "Bilal") {
		t.Fatalf("Trash = %+v", trash)
	}
	if _, err := st.Claim(ctx, charge.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("deleted claim still listed: %v", err)
	}
	// The source is no longer cited; deleting it does not stop the restore.
	if err := st.DeleteSource(ctx, src.ID); err != nil {
		t.Fatal(err)
	}

	if err := st.RestoreClaim(ctx, charge.ID); err != nil {
		t.Fatal(err)
	}
	after, err := st.ClaimDetail(ctx, charge.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Claim.Statement != before.Claim.Statement || after.Claim.Verdict != model.False ||
		!slices.Equal(after.Claim.Tags, before.Claim.Tags) || len(after.Subjects) != 1 || after.Subjects[0].ID != us.ID ||
		after.Source == nil || after.Source.ID != src.ID || after.Source.Outlet != "Dawn" ||
		len(after.Counters()) != 1 || after.Counters()[0].Claim.ID != denial.ID ||
		len(after.Notes) != 1 || after.Notes[0].Text != "no evidence offered" || !after.Notes[0].CreatedAt.Equal(before.Notes[0].CreatedAt) ||
		!after.Claim.CreatedAt.Equal(before.Claim.CreatedAt) {
		t.Errorf("restored:\n%+v\nwas:\n%+v", after, before)
	}
	if trash, _ := st.Trash(ctx); len(trash) != 0 {
		t.Errorf("Trash after restoring = %+v", trash)
	}
	if sets, _ := st.Sets(ctx, 1); len(sets) != 1 || sets[0].Via != "restore from the Trash" {
		t.Errorf("the restore is recorded as %+v", sets)
	}
	if err := st.RestoreClaim(ctx, charge.ID); !errors.Is(err, model.ErrConflict) {
		t.Errorf("restoring twice: %v", err)
	}
}

func TestUndoImportLikeSet(t *testing.T) {
	st := openTestDB(t)
	ctx := context.Background()
	var set int64
	var ids []string
	err := st.Update(db.WithSetID(as("Ayesha", "import of liar.tsv"), &set), func(tx *db.Tx) error {
		a, _, err := tx.FindOrCreateActor(model.Actor{Name: "rick-perry"})
		if err != nil {
			return err
		}
		for _, s := range []string{"Texas leads in jobs", "Taxes are lowest here"} {
			c := model.Claim{Statement: s, ActorID: a.ID, Verdict: model.MostlyTrue}
			if err := tx.CreateClaim(&c); err != nil {
				return err
			}
			ids = append(ids, c.ID)
		}
		return tx.Link(model.Link{FromID: ids[1], ToID: ids[0], Relation: model.Supports})
	})
	if err != nil {
		t.Fatal(err)
	}
	// A reviewer's later verdict on one of them blocks undoing the import.
	if err := st.SetVerdict(as("Bilal", "window"), ids[0], model.False); err != nil {
		t.Fatal(err)
	}
	_, err = st.Undo(ctx, set)
	var ue *db.UndoError
	if !errors.As(err, &ue) || len(ue.Conflicts) != 1 || ue.Conflicts[0].EntityID != ids[0] || ue.Conflicts[0].Field != "verdict" {
		t.Fatalf("undo of an import over a later verdict: %v", err)
	}
	if list, _ := st.ListClaims(ctx); len(list) != 2 {
		t.Fatalf("a refused undo changed the claims: %d left", len(list))
	}
	// Set back, the way is clear: the claims go to the Trash and the actor
	// the import made goes too.
	if err := st.SetVerdict(ctx, ids[0], model.MostlyTrue); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Undo(ctx, set); err != nil {
		t.Fatal(err)
	}
	if list, _ := st.ListClaims(ctx); len(list) != 0 {
		t.Errorf("%d claims left after undoing the import", len(list))
	}
	if actors, _ := st.Actors(ctx); len(actors) != 0 {
		t.Errorf("actors left after undoing the import: %v", actors)
	}
	if trash, _ := st.Trash(ctx); len(trash) != 2 {
		t.Errorf("Trash holds %d claims, want the 2 the import made", len(trash))
	}
}

func TestEditClaimStaleSaveCheck(t *testing.T) {
	st := openTestDB(t)
	ctx := context.Background()
	a := mustActor(t, st, "ISPR", model.KindMilitary)
	shown := mustClaim(t, st, a, "The army stayed neutral")

	// Another reviewer sets the verdict after this window showed the claim.
	if err := st.SetVerdict(as("Bilal", "window"), shown.ID, model.Misleading); err != nil {
		t.Fatal(err)
	}
	// Editing another field saves it and keeps Bilal's verdict.
	mine := shown
	mine.Tags = []string{"army"}
	if err := st.EditClaim(ctx, shown, mine); err != nil {
		t.Fatal(err)
	}
	got, _ := st.Claim(ctx, shown.ID)
	if got.Verdict != model.Misleading || !slices.Equal(got.Tags, []string{"army"}) {
		t.Errorf("after an edit of tags: verdict %s tags %v", got.Verdict, got.Tags)
	}
	// Editing the verdict Bilal changed is refused, naming him.
	mine = shown
	mine.Verdict = model.True
	err := st.EditClaim(ctx, shown, mine)
	var se *db.StaleError
	if !errors.As(err, &se) || len(se.Fields) != 1 || se.Fields[0].Field != string(model.FieldVerdict) ||
		se.Fields[0].Stored != "misleading" || se.Fields[0].Mine != "true" || se.Fields[0].By.Reviewer != who(st, "Bilal") {
		t.Fatalf("stale save: %v", err)
	}
	if got, _ := st.Claim(ctx, shown.ID); got.Verdict != model.Misleading {
		t.Errorf("a refused save changed the verdict to %s", got.Verdict)
	}
	// Saving again over what is stored now (the window's "keep mine").
	if err := st.EditClaim(ctx, got, func() model.Claim { c := got; c.Verdict = model.True; return c }()); err != nil {
		t.Fatal(err)
	}
	// The same value saved by both is no conflict.
	mine = shown
	mine.Verdict = model.True
	if err := st.EditClaim(ctx, shown, mine); err != nil {
		t.Errorf("saving the value already stored: %v", err)
	}
}

// Actors and sources have the claims' stale-save check: an edit made from
// a form saves only the fields it changed, and refuses, naming who, where
// someone changed the same field since the form was opened.
func TestEditActorAndSourceStaleSaveCheck(t *testing.T) {
	st := openTestDB(t)
	ctx := context.Background()
	shown := mustActor(t, st, "ISPR", model.KindMilitary)
	theirs := shown
	theirs.Kind = model.KindGovernment
	if err := st.EditActor(as("Bilal", "window"), shown, theirs, false); err != nil {
		t.Fatal(err)
	}
	// My form, opened before Bilal's save, renames the actor: saved, and
	// his kind kept.
	mine := shown
	mine.Name = "Inter-Services Public Relations"
	if err := st.EditActor(ctx, shown, mine, false); err != nil {
		t.Fatal(err)
	}
	got, _ := st.Actor(ctx, shown.ID)
	if got.Name != mine.Name || got.Kind != model.KindGovernment {
		t.Fatalf("after a rename over another field's change: %+v", got)
	}
	// Changing the kind Bilal changed is refused, naming him, and changes
	// nothing; with overwrite it saves.
	mine = shown
	mine.Kind = model.KindGroup
	err := st.EditActor(ctx, shown, mine, false)
	var se *db.StaleError
	if !errors.As(err, &se) || se.Entity != "actor" || len(se.Fields) != 1 || se.Fields[0].Field != "kind" ||
		se.Fields[0].Stored != string(model.KindGovernment) || se.Fields[0].By.Reviewer != who(st, "Bilal") {
		t.Fatalf("stale actor save: %v", err)
	}
	if got, _ := st.Actor(ctx, shown.ID); got.Kind != model.KindGovernment {
		t.Errorf("a refused save changed the kind to %s", got.Kind)
	}
	if err := st.EditActor(ctx, shown, mine, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Actor(ctx, shown.ID); got.Kind != model.KindGroup || got.Name != "Inter-Services Public Relations" {
		t.Errorf("after overwriting: %+v", got)
	}

	src := model.Source{Title: "Press briefing", Outlet: "Dawn"}
	if err := st.CreateSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	theirSrc := src
	theirSrc.Title = "Press briefing in Rawalpindi"
	if err := st.EditSource(as("Bilal", "window"), src, theirSrc, false); err != nil {
		t.Fatal(err)
	}
	mySrc := src
	mySrc.Title = "ISPR press briefing"
	mySrc.URL = "https://example.org/briefing"
	err = st.EditSource(ctx, src, mySrc, false)
	if !errors.As(err, &se) || se.Entity != "source" || len(se.Fields) != 1 || se.Fields[0].Field != "title" {
		t.Fatalf("stale source save: %v", err)
	}
	if got, _ := st.Source(ctx, src.ID); got.Title != theirSrc.Title || got.URL != "" {
		t.Errorf("a refused save changed the source: %+v", got)
	}
}

// A link made between two claims shown as not linked refuses, naming who,
// when someone linked them meanwhile with another relation; the same
// relation is no change, and Link saves over it.
func TestAddLinkStaleSaveCheck(t *testing.T) {
	st := openTestDB(t)
	ctx := context.Background()
	a := mustActor(t, st, "ISPR", model.KindMilitary)
	from, to := mustClaim(t, st, a, "The army stayed neutral"), mustClaim(t, st, a, "The army took sides")
	if err := st.AddLink(as("Bilal", "window"), model.Link{FromID: from.ID, ToID: to.ID, Relation: model.Disputes}); err != nil {
		t.Fatal(err)
	}
	mine := model.Link{FromID: from.ID, ToID: to.ID, Relation: model.Denies}
	err := st.AddLink(ctx, mine)
	var se *db.StaleError
	if !errors.As(err, &se) || se.Entity != "link" || len(se.Fields) != 1 || se.Fields[0].Stored != string(model.Disputes) ||
		se.Fields[0].By.Reviewer != who(st, "Bilal") {
		t.Fatalf("linking over another relation: %v", err)
	}
	if rel := linkRelation(t, st, from.ID, to.ID); rel != model.Disputes {
		t.Errorf("a refused link changed the relation to %s", rel)
	}
	if err := st.AddLink(ctx, model.Link{FromID: from.ID, ToID: to.ID, Relation: model.Disputes}); err != nil {
		t.Errorf("the same relation: %v", err)
	}
	if err := st.Link(ctx, mine); err != nil {
		t.Fatal(err)
	}
	if rel := linkRelation(t, st, from.ID, to.ID); rel != model.Denies {
		t.Errorf("after saving over it: %s", rel)
	}
}

func linkRelation(t *testing.T, st *db.Store, from, to string) model.Relation {
	t.Helper()
	links, err := st.Links(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		if l.FromID == from && l.ToID == to {
			return l.Relation
		}
	}
	return ""
}

func TestMergeActorsCanBeUndone(t *testing.T) {
	st := openTestDB(t)
	ctx := context.Background()
	keep := mustActor(t, st, "Tehreek-e-Taliban Pakistan", model.KindGroup, "TTP")
	gone := mustActor(t, st, "Tehrik-i-Taliban Pakistan", model.KindGroup)
	c := mustClaim(t, st, gone, "The group denied the attack")
	var set int64
	if err := st.MergeActors(db.WithSetID(ctx, &set), keep.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Claim(ctx, c.ID); got.ActorID != keep.ID {
		t.Fatalf("merge did not move the claim")
	}
	if _, err := st.Undo(ctx, set); err != nil {
		t.Fatal(err)
	}
	got, _ := st.Claim(ctx, c.ID)
	back, err := st.Actor(ctx, gone.ID)
	if err != nil || got.ActorID != gone.ID || back.Name != gone.Name {
		t.Errorf("after undoing the merge: claim's actor %s, gone actor %+v %v", got.ActorID, back, err)
	}
	if k, _ := st.Actor(ctx, keep.ID); !slices.Equal(k.Aliases, []string{"TTP"}) {
		t.Errorf("kept actor's aliases after undo: %v", k.Aliases)
	}
}

func TestMatchActorBySlug(t *testing.T) {
	st := openTestDB(t)
	perry := mustActor(t, st, "Rick Perry", model.KindPerson)
	slug := mustActor(t, st, "barack-obama", model.KindPerson)
	mustActor(t, st, "John Smith", model.KindPerson)
	mustActor(t, st, "John-Smith", model.KindOrganisation)
	err := st.Update(context.Background(), func(tx *db.Tx) error {
		for _, tt := range []struct{ name, want string }{
			{"rick-perry", perry.ID},
			{"rick_perry", perry.ID},
			{"Barack Obama", slug.ID},
			{"RICK PERRY", perry.ID},
			{"Rick Perry Jr", ""},
			{"john_smith", ""}, // two actors fit
		} {
			got, err := tx.MatchActor(tt.name)
			if tt.want == "" {
				if !errors.Is(err, model.ErrNotFound) {
					t.Errorf("MatchActor(%q) = %v, %v; want none", tt.name, got.Name, err)
				}
				continue
			}
			if err != nil || got.ID != tt.want {
				t.Errorf("MatchActor(%q) = %v, %v", tt.name, got.Name, err)
			}
		}
		a, created, err := tx.FindOrCreateActor(model.Actor{Name: "greg-abbott", Kind: model.KindPerson})
		if err != nil || !created {
			t.Fatalf("FindOrCreateActor: %v %v", created, err)
		}
		if b, created, err := tx.FindOrCreateActor(model.Actor{Name: "Greg Abbott"}); err != nil || created || b.ID != a.ID {
			t.Errorf("an actor made in the same transaction is not found by its slug: %v %v", created, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Watch on a file reports another process's (here: another store's)
// writes, and the newest change set.
func TestWatchSeesAnotherWriterOfTheFile(t *testing.T) {
	if pgtest.Wanted() {
		t.Skip("the server's watch has its own test (TestWatchHearsOtherWriters)")
	}
	path := filepath.Join(t.TempDir(), "claims.db")
	a, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := make(chan db.Event, 8)
	a.Watch(ctx, 50*time.Millisecond, func(e db.Event) { events <- e })
	time.Sleep(100 * time.Millisecond)
	mustActor(t, b, "Afghan government", model.KindGovernment)
	v, _ := b.Version(context.Background())
	select {
	case e := <-events:
		if e.Version != v {
			t.Errorf("event %+v, want version %d", e, v)
		}
	case <-time.After(10 * time.Second): // bounds a hang; not a speed test
		t.Fatal("no event for another writer's change")
	}
}
