package csvio_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"claims/internal/csvio"
	"claims/internal/csvio/csviotest"
	"claims/internal/db"
	"claims/internal/gen"
	"claims/internal/model"
)

// The fast WriteClaims writes the same bytes as the plain cell-by-cell
// writer, on generated data large enough to be split across workers and on
// claims whose cells need every kind of quoting, escaping and guarding.
func TestWriteClaimsEqualsReference(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := gen.Fill(ctx, st, gen.Options{Claims: 5000, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)
	odd := []string{" leading space", "trailing space ", "a, comma", `a "quote"`, "line\nbreak", "crlf\r\ninside",
		"cr\r\r\nlf", "=1+1", "+SUM(1,1)", "-2", "@x", "\tTab", "\rCR", "'=already", "pipe | and \\ backslash", "'plain"}
	err = st.Update(ctx, func(tx *db.Tx) error {
		a := model.Actor{ID: "odd-actor", Name: "=Odd, \"actor\"", Aliases: []string{"-alias", "pipe|alias"}}
		if err := tx.CreateActor(&a); err != nil {
			return err
		}
		src := model.Source{ID: "odd-src", Title: "+Title, with \"quotes\"", Outlet: "@outlet", URL: "https://example.org/a,b"}
		if err := tx.CreateSource(&src); err != nil {
			return err
		}
		var prev string
		for i, s := range odd {
			c := model.Claim{ID: "odd-" + string(rune('a'+i)), Statement: "x" + s, Quote: s, ActorID: a.ID, SourceID: src.ID,
				SubjectIDs: []string{a.ID, "gen-actor-0000001"}, Tags: []string{"t" + string(rune('a'+i))}, CreatedAt: at.Add(time.Duration(i) * time.Second)}
			if err := tx.CreateClaim(&c); err != nil {
				return err
			}
			if prev != "" {
				if err := tx.Link(model.Link{FromID: c.ID, ToID: prev, Relation: model.Denies}); err != nil {
					return err
				}
			}
			if err := tx.AddNote(&model.Annotation{ClaimID: c.ID, Author: "-" + s, Text: "note " + s, CreatedAt: at}); err != nil {
				return err
			}
			prev = c.ID
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []*db.Store{st, csviotest.Build(t)} {
		snap, err := st.Snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, bom := range []bool{false, true} {
			var fast, ref bytes.Buffer
			if err := csvio.WriteClaims(&fast, snap, csvio.WriteOptions{BOM: bom}); err != nil {
				t.Fatal(err)
			}
			if err := csvio.WriteClaimsRef(&ref, snap, csvio.WriteOptions{BOM: bom}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(fast.Bytes(), ref.Bytes()) {
				i := 0
				for i < min(fast.Len(), ref.Len()) && fast.Bytes()[i] == ref.Bytes()[i] {
					i++
				}
				t.Fatalf("WriteClaims differs from the reference at byte %d of %d:\nfast %q\nref  %q",
					i, ref.Len(), fast.Bytes()[max(0, i-80):min(fast.Len(), i+80)], ref.Bytes()[max(0, i-80):min(ref.Len(), i+80)])
			}
		}
	}
}
