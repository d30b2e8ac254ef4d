package db_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"claims/internal/db"
	"claims/internal/model"
)

func TestSnapshotAndBulkLookups(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(filepath.Join(t.TempDir(), "bulk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	at := time.Date(2024, 3, 27, 9, 0, 0, 0, time.UTC)
	err = st.Update(ctx, func(tx *db.Tx) error {
		for _, a := range []model.Actor{
			{ID: "a1", Name: "Government of Pakistan", Kind: model.KindGovernment, Aliases: []string{"Pakistan", "Islamabad"}},
			{ID: "a2", Name: "Afghan government", Kind: model.KindGovernment, Aliases: []string{"Kabul"}},
		} {
			if err := tx.CreateActor(&a); err != nil {
				return err
			}
		}
		if err := tx.CreateSource(&model.Source{ID: "s1", Title: "T", URL: "https://example.org/a", Text: "body"}); err != nil {
			return err
		}
		if err := tx.CreateSource(&model.Source{ID: "s2", Title: "Untitled", Outlet: "Wire"}); err != nil {
			return err
		}
		for _, c := range []model.Claim{
			{ID: "c2", Statement: "Kabul denies it", ActorID: "a2", CreatedAt: at.Add(time.Minute)},
			{ID: "c1", Statement: "Afghanistan planned it", ActorID: "a1", SourceID: "s1", SubjectIDs: []string{"a2"},
				Tags: []string{"b", "a"}, CreatedAt: at},
		} {
			if err := tx.CreateClaim(&c); err != nil {
				return err
			}
		}
		if err := tx.Link(model.Link{FromID: "c2", ToID: "c1", Relation: model.Denies}); err != nil {
			return err
		}
		return tx.AddNote(&model.Annotation{ClaimID: "c1", Author: "R", Text: "checked", CreatedAt: at})
	})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Claims) != 2 || snap.Claims[0].ID != "c1" || snap.Claims[0].Tags[0] != "b" || snap.Claims[0].SubjectIDs[0] != "a2" {
		t.Errorf("claims %+v", snap.Claims)
	}
	if len(snap.Actors) != 2 || snap.Actors[0].Aliases[0] != "Islamabad" {
		t.Errorf("actors %+v", snap.Actors)
	}
	if len(snap.Sources) != 2 || snap.Sources[0].Text != "" {
		t.Errorf("sources %+v (text must be left out)", snap.Sources)
	}
	if len(snap.Links) != 1 || len(snap.Notes) != 1 || !snap.Notes[0].CreatedAt.Equal(at) {
		t.Errorf("links %+v notes %+v", snap.Links, snap.Notes)
	}

	err = st.Update(ctx, func(tx *db.Tx) error {
		if a, err := tx.Actor("a1"); err != nil || a.Name != "Government of Pakistan" {
			t.Errorf("Actor: %v %v", a, err)
		}
		if _, err := tx.Actor("zz"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("missing actor: %v", err)
		}
		if s, err := tx.Source("s1"); err != nil || s.Text != "body" {
			t.Errorf("Source: %v %v", s, err)
		}
		if s, err := tx.FindSource("https://example.org/a", "", "", ""); err != nil || s.ID != "s1" {
			t.Errorf("FindSource by URL: %v %v", s, err)
		}
		if s, err := tx.FindSource("", "untitled", "Wire", ""); err != nil || s.ID != "s2" {
			t.Errorf("FindSource by title: %v %v", s, err)
		}
		if _, err := tx.FindSource("https://example.org/none", "", "", ""); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("FindSource none: %v", err)
		}
		if c, err := tx.Claim("c1"); err != nil || len(c.Tags) != 2 {
			t.Errorf("Claim: %v %v", c, err)
		}
		if ids, err := tx.FindClaims("a1", " afghanistan PLANNED it "); err != nil || len(ids) != 1 || ids[0] != "c1" {
			t.Errorf("FindClaims: %q %v", ids, err)
		}
		if ids, _ := tx.FindClaims("a2", "Afghanistan planned it"); len(ids) != 0 {
			t.Errorf("FindClaims matched another actor's claim: %q", ids)
		}
		if r, err := tx.LinkRelation("c2", "c1"); err != nil || r != model.Denies {
			t.Errorf("LinkRelation: %q %v", r, err)
		}
		if r, _ := tx.LinkRelation("c1", "c2"); r != "" {
			t.Errorf("reverse link: %q", r)
		}
		if ok, err := tx.HasNote("c1", "R", "checked", at); err != nil || !ok {
			t.Errorf("HasNote: %v %v", ok, err)
		}
		if ok, _ := tx.HasNote("c1", "R", "checked", at.Add(time.Second)); ok {
			t.Error("HasNote ignored the time")
		}
		if ok, _ := tx.HasNote("c1", "R", "checked", time.Time{}); !ok {
			t.Error("HasNote without a time")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
