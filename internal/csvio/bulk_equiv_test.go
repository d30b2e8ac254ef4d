package csvio_test

import (
	"context"
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"claims/internal/csvio"
	"claims/internal/csvio/csviotest"
	"claims/internal/db"
)

// A large import (through db.BulkTx) and the row-by-row Apply give the same
// result on a spreadsheet without ids whose rows repeat statements (in
// other letter cases, with other verdicts and quotes), so that rows merge
// with claims created earlier in the same file and some of those are
// then changed.
func TestBulkImportEqualsRowByRow(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	var b strings.Builder
	b.WriteString("claim,claimant,rating,quote,created at,updated at\n")
	for i := range 1500 {
		n := rng.Intn(400)
		stmt := fmt.Sprintf("Statement number %d", n)
		if rng.Intn(3) == 0 {
			stmt = strings.ToUpper(stmt)
		}
		fmt.Fprintf(&b, "%s,Actor %d,%s,quote %d,2024-03-%02dT10:00:00.000Z,2024-04-%02dT10:00:00.000Z\n",
			stmt, n%9, []string{"true", "false", "half-true"}[rng.Intn(3)], rng.Intn(3), 1+i%28, 1+rng.Intn(28))
	}
	ctx := context.Background()
	for _, data := range [][]byte{[]byte(b.String()), ownShapeWithRepeats(rng)} {
		compareBulkAndRowByRow(t, ctx, data)
	}
}

// ownShapeWithRepeats is a file in the app's shape where several rows with
// ids share an actor and a statement, and rows without ids then merge with
// the oldest of them.
func ownShapeWithRepeats(rng *rand.Rand) []byte {
	cols := csvio.ClaimsColumns()
	at := map[csvio.Field]int{}
	var b strings.Builder
	for i, c := range cols {
		at[c] = i
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(string(c))
	}
	b.WriteString("\r\n")
	ids := rng.Perm(800)
	for i := range 1200 {
		r := make([]string, len(cols))
		if i < 800 {
			r[at[csvio.FID]] = fmt.Sprintf("id-%04d", ids[i])
		}
		n := rng.Intn(50)
		r[at[csvio.FStatement]] = fmt.Sprintf("Repeated statement %d", n)
		r[at[csvio.FActor]] = fmt.Sprintf("Actor %d", n%5)
		r[at[csvio.FVerdict]] = []string{"true", "false", "mixed"}[rng.Intn(3)]
		r[at[csvio.FCreatedAt]] = fmt.Sprintf("2024-%02d-%02dT10:00:00.000Z", 1+rng.Intn(12), 1+rng.Intn(28))
		r[at[csvio.FUpdatedAt]] = "2024-12-31T10:00:00.000Z"
		b.WriteString(strings.Join(r, ","))
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

func compareBulkAndRowByRow(t *testing.T, ctx context.Context, data []byte) {
	t.Helper()
	summary := func(st *db.Store) []string {
		snap, err := st.Snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]string{}
		for _, a := range snap.Actors {
			names[a.ID] = a.Name
		}
		var out []string
		for _, c := range snap.Claims {
			updated := c.UpdatedAt.String()
			if c.UpdatedAt.Year() > 2024 {
				updated = "stamped by the import"
			}
			out = append(out, fmt.Sprint(names[c.ActorID], "|", c.Statement, "|", c.Verdict, "|", c.Quote, "|", c.CreatedAt, "|", updated))
		}
		slices.Sort(out)
		return out
	}
	for round := range 2 { // the second round imports into a database that has the claims
		bulk, plain := csviotest.Open(t), csviotest.Open(t)
		for k := range round + 1 {
			batch, err := csvio.Read(strings.NewReader(string(data)), csvio.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := csvio.Import(ctx, bulk, batch, nil)
			if err != nil {
				t.Fatal(err)
			}
			var want csvio.Result
			err = plain.Update(ctx, func(tx *db.Tx) error {
				var err error
				want, err = batch.Apply(ctx, tx, nil)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if !sameCreated(got.Created, want.Created) {
				t.Fatalf("round %d: bulk import created %v, row by row %v", round, got.Created, want.Created)
			}
			got.Created, want.Created = nil, nil
			for _, r := range []*csvio.Result{&got, &want} { // ids made afresh differ
				for i := range r.Merged {
					r.Merged[i].ClaimID = ""
				}
				for i := range r.Kept {
					r.Kept[i].ClaimID = ""
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d: bulk import %v, row by row %v", round, got, want)
			}
			if k == 0 && (got.ClaimsUpdated == 0 || got.ClaimsUnchanged == 0) {
				t.Fatalf("round %d: the file does not exercise merging: %v", round, got)
			}
		}
		if g, w := summary(bulk), summary(plain); !slices.Equal(g, w) {
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Fatalf("round %d: the databases differ (%d and %d claims): bulk %q, row by row %q", round, len(g), len(w), g[i], w[i])
				}
			}
			t.Fatalf("round %d: the databases differ: %d and %d claims", round, len(g), len(w))
		}
	}
}

// sameCreated reports whether two imports created claims from the same
// lines with the same statements (ids made afresh may differ).
func sameCreated(a, b []csvio.Created) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Line != b[i].Line || a[i].Statement != b[i].Statement || (a[i].ActorID == "") != (b[i].ActorID == "") {
			return false
		}
	}
	return true
}
