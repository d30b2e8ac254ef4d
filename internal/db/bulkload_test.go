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

// schema returns the database's schema as SQLite stores it.
func schema(t *testing.T, st *db.Store) string {
	t.Helper()
	s, err := db.SchemaForTest(st)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A BulkTx refuses the references SQLite's foreign keys would refuse,
// leaves nothing behind when fn fails, and hands the connection back with
// foreign keys on and the schema as it was.
func TestUpdateBulkChecksReferences(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(filepath.Join(t.TempDir(), "bulk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before := schema(t, st)
	at := time.Date(2024, 3, 27, 9, 0, 0, 0, time.UTC)
	for name, fn := range map[string]func(tx *db.BulkTx) error{
		"claim by an unknown actor": func(tx *db.BulkTx) error {
			return tx.CreateClaim(&model.Claim{Statement: "x", ActorID: "nobody"})
		},
		"claim citing an unknown source": func(tx *db.BulkTx) error {
			a := model.Actor{Name: "A"}
			if err := tx.CreateActor(&a); err != nil {
				return err
			}
			return tx.CreateClaim(&model.Claim{Statement: "x", ActorID: a.ID, SourceID: "nowhere"})
		},
		"claim about an unknown subject": func(tx *db.BulkTx) error {
			a := model.Actor{Name: "A"}
			if err := tx.CreateActor(&a); err != nil {
				return err
			}
			return tx.CreateClaim(&model.Claim{Statement: "x", ActorID: a.ID, SubjectIDs: []string{"ghost"}})
		},
		"link to an unknown claim": func(tx *db.BulkTx) error {
			a := model.Actor{Name: "A"}
			if err := tx.CreateActor(&a); err != nil {
				return err
			}
			c := model.Claim{Statement: "x", ActorID: a.ID}
			if err := tx.CreateClaim(&c); err != nil {
				return err
			}
			return tx.Link(model.Link{FromID: c.ID, ToID: "missing", Relation: model.Denies})
		},
		"note on an unknown claim": func(tx *db.BulkTx) error {
			return tx.AddNote(&model.Annotation{ClaimID: "missing", Author: "R", Text: "t", CreatedAt: at})
		},
	} {
		err := st.UpdateBulk(ctx, fn)
		if !errors.Is(err, model.ErrNotFound) {
			t.Errorf("%s: err = %v, want not found", name, err)
		}
		if empty, _ := st.IsEmpty(ctx); !empty {
			t.Errorf("%s: rows were left behind", name)
		}
		if got := schema(t, st); got != before {
			t.Errorf("%s: the schema changed:\n%s\n---\n%s", name, got, before)
		}
	}
	// A bulk load that succeeds writes everything, builds the indexes it
	// dropped again, and leaves foreign keys on for the next writer. Small
	// batches keep the writer goroutine busy beside the caller.
	defer db.SetBulkBatchRowsForTest(97)()
	err = st.UpdateBulk(ctx, func(tx *db.BulkTx) error {
		a := model.Actor{Name: "A", Aliases: []string{"Alpha"}}
		if err := tx.CreateActor(&a); err != nil {
			return err
		}
		src := model.Source{Title: "T", URL: "https://example.org"}
		if err := tx.CreateSource(&src); err != nil {
			return err
		}
		if got, err := tx.Source(src.ID); err != nil || got.Title != "T" {
			t.Errorf("Source of a queued source: %v %v", got, err)
		}
		var prev string
		for i := range 1000 {
			c := model.Claim{Statement: "claim", ActorID: a.ID, SourceID: src.ID, SubjectIDs: []string{a.ID},
				Tags: []string{"b", "a"}, CreatedAt: at.Add(time.Duration(i) * time.Second)}
			if err := tx.CreateClaim(&c); err != nil {
				return err
			}
			if prev != "" {
				if err := tx.Link(model.Link{FromID: c.ID, ToID: prev, Relation: model.Denies}); err != nil {
					return err
				}
				if err := tx.Link(model.Link{FromID: c.ID, ToID: prev, Relation: model.Disputes}); err != nil {
					return err
				}
			}
			if err := tx.AddNote(&model.Annotation{ClaimID: c.ID, Author: "R", Text: "n", CreatedAt: at}); err != nil {
				return err
			}
			prev = c.ID
		}
		if ids, _ := tx.FindClaims(a.ID, " CLAIM "); len(ids) == 0 {
			t.Error("FindClaim does not see queued claims")
		}
		if ok, _ := tx.HasNote(prev, "R", "n", at); !ok {
			t.Error("HasNote does not see queued notes")
		}
		if rel, _ := tx.LinkRelation(prev, "x"); rel != "" {
			t.Error("LinkRelation invents links")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := schema(t, st); got != before {
		t.Errorf("the schema changed:\n%s\n---\n%s", got, before)
	}
	if err := st.Check(ctx); err != nil {
		t.Fatal(err)
	}
	snap, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Claims) != 1000 || len(snap.Links) != 999 || len(snap.Notes) != 1000 || snap.Claims[0].Tags[0] != "b" {
		t.Errorf("%d claims, %d links, %d notes, tags %v", len(snap.Claims), len(snap.Links), len(snap.Notes), snap.Claims[0].Tags)
	}
	for _, l := range snap.Links {
		if l.Relation != model.Disputes {
			t.Fatalf("link %v kept its first relation", l)
		}
	}
	// The writer connection enforces foreign keys again.
	err = st.Update(ctx, func(tx *db.Tx) error {
		return tx.CreateClaim(&model.Claim{Statement: "x", ActorID: "nobody"})
	})
	if !errors.Is(err, model.ErrNotFound) {
		t.Errorf("after a bulk load a dangling claim gives %v, want not found", err)
	}
}

// Claims after PutClaim replaced a claim gives the claim as it is now, not
// as it was read when the bulk transaction began.
func TestBulkClaimsAfterPutClaim(t *testing.T) {
	ctx := context.Background()
	st := openTestDB(t)
	a := &model.Actor{Name: "Borduria", Kind: model.KindGovernment}
	if err := st.CreateActor(ctx, a); err != nil {
		t.Fatal(err)
	}
	c := &model.Claim{ActorID: a.ID, Statement: "As first recorded"}
	if err := st.CreateClaim(ctx, c); err != nil {
		t.Fatal(err)
	}
	err := st.UpdateBulk(ctx, func(tx *db.BulkTx) error {
		edited := *c
		edited.Statement = "As edited"
		if err := tx.PutClaim(&edited); err != nil {
			return err
		}
		got, err := tx.Claims()
		if err != nil {
			return err
		}
		if got[c.ID].Statement != "As edited" {
			t.Errorf("Claims after PutClaim: %q, want the edited statement", got[c.ID].Statement)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
