package dedupe

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"claims/internal/model"
)

func summary(id, actor, statement, quote string) model.ClaimSummary {
	return model.ClaimSummary{Claim: model.Claim{ID: id, ActorID: actor, Statement: statement, Quote: quote}}
}

// pairs are made-up statements that a reviewer would, or would not, call
// the same assertion. They fix the threshold.
var pairs = []struct {
	name     string
	a, b     string
	sameActr bool
	dup      bool
}{
	{"reworded, same actor", "Borduria planned the March bombing that killed four engineers.",
		"Borduria planned a bombing that killed four engineers and their driver in March.", true, true},
	{"same words, other order", "The ceasefire was broken by rebel shelling on Monday.",
		"On Monday rebel shelling broke the ceasefire.", false, true},
	{"extra clause", "The dam was damaged by the storm.",
		"The dam was damaged by the storm and will close for repairs.", true, true},
	{"case and punctuation", "THE MINISTER RESIGNED OVER THE BRIBES!", "the minister resigned over the bribes", false, true},
	{"inflections", "Szohod harbors militants who attack Ruritania.", "Szohod harbored the militants attacking Ruritania.", true, true},
	{"different claim, same parties", "Borduria planned the March bombing that killed four engineers.",
		"Borduria shelters militants who attack Ruritania.", true, false},
	{"denial of the claim", "Borduria planned the March bombing that killed four engineers.",
		"Borduria denies that it planned the March bombing that killed four engineers.", false, false},
	{"same topic, other assertion", "The election was rigged by the ruling party.",
		"The election was postponed because of the floods.", false, false},
	{"unrelated", "Inflation rose to 9 percent in May.", "The talks in Geneva ended without agreement.", true, false},
}

func TestThresholdSeparatesPairs(t *testing.T) {
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			actor := "x"
			other := "y"
			if p.sameActr {
				other = "x"
			}
			got := Find(p.a, actor, []model.ClaimSummary{summary("c1", other, p.b, "")}, 0)
			s := score(newText(p.a), newText(p.b))
			if p.sameActr {
				s += SameActorBoost
			}
			t.Logf("score %.2f", s)
			if dup := len(got) == 1; dup != p.dup {
				t.Errorf("reported as duplicate: %v, want %v (score %.2f, threshold %.2f)", dup, p.dup, s, Threshold)
			}
		})
	}
}

func TestFindOrdersAndLimits(t *testing.T) {
	existing := []model.ClaimSummary{
		summary("far", "a", "Inflation rose to 9 percent in May.", ""),
		summary("close", "a", "The ceasefire was broken by rebel shelling on Monday.", ""),
		summary("closer", "a", "Rebel shelling broke the ceasefire on Monday night.", ""),
		summary("byquote", "b", "Something reworded entirely.", "rebel shelling broke the ceasefire on Monday"),
	}
	got := Find("Rebel shelling broke the ceasefire on Monday.", "a", existing, 0)
	if len(got) != 3 {
		t.Fatalf("got %d matches, want 3: %+v", len(got), got)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Score > got[i-1].Score {
			t.Errorf("not best first: %v", got)
		}
	}
	for _, m := range got {
		if m.Claim.ID == "far" {
			t.Errorf("unrelated claim reported")
		}
	}
	if got := Find("Rebel shelling broke the ceasefire on Monday.", "a", existing, 1); len(got) != 1 {
		t.Errorf("limit 1 gave %d", len(got))
	}
	if got := Find("  ", "a", existing, 0); got != nil {
		t.Errorf("empty statement gave %v", got)
	}
}

func TestSameActorBoosts(t *testing.T) {
	existing := []model.ClaimSummary{summary("c", "a", "The bridge collapsed under the trucks' weight last week.", "")}
	s := "Trucks were too heavy and the bridge collapsed last week."
	mine := Find(s, "a", existing, 0)
	theirs := Find(s, "b", existing, 0)
	if len(mine) > 0 && len(theirs) > 0 && mine[0].Score <= theirs[0].Score {
		t.Errorf("same actor did not raise the score: %v vs %v", mine, theirs)
	}
}

func TestIndexMatchesFind(t *testing.T) {
	existing := []model.ClaimSummary{
		summary("a", "x", "Borduria planned the March bombing that killed four engineers.", ""),
		summary("b", "y", "Inflation rose to 9 percent in May.", ""),
		summary("c", "x", "Rebel shelling broke the ceasefire on Monday.", "the ceasefire was broken"),
	}
	ix := NewIndex(existing)
	for _, p := range pairs {
		a, b := Find(p.a, "x", existing, 0), ix.Find(p.a, "x", 0)
		if len(a) != len(b) {
			t.Errorf("%s: Find %v, Index.Find %v", p.name, a, b)
		}
	}
}

// BenchmarkIndexFind checks 20 proposals against 100,000 claims, what the
// review window does with a large database.
func BenchmarkIndexFind(b *testing.B) {
	// A vocabulary of 3,000 made-up words, a few of them very common
	// ("army", "government"), 12 words a statement.
	common := []string{"army", "border", "ceasefire", "government", "village", "talks"}
	rng := rand.New(rand.NewPCG(1, 2))
	existing := make([]model.ClaimSummary, 100000)
	for i := range existing {
		var st []string
		for k := 0; k < 12; k++ {
			if rng.IntN(6) == 0 {
				st = append(st, common[rng.IntN(len(common))])
			} else {
				st = append(st, fmt.Sprintf("w%dx", rng.IntN(3000)))
			}
		}
		existing[i] = summary(fmt.Sprint(i), "x", strings.Join(st, " "), "")
	}
	ix := NewIndex(existing)
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for k := 0; k < 20; k++ {
			ix.Find("The army shelled the village near the border after the ceasefire talks.", "x", 3)
		}
	}
}

// TestScanEqualsFind: the prefilter of Scan passes over no claim that Find
// would report, on every statement of the pairs against all the others.
func TestScanEqualsFind(t *testing.T) {
	var corpus []model.ClaimSummary
	for i, p := range pairs {
		corpus = append(corpus, summary(fmt.Sprintf("a%d", i), "x", p.a, ""), summary(fmt.Sprintf("b%d", i), "y", p.b, p.a))
	}
	reported := 0
	for _, c := range corpus {
		for _, actor := range []string{"x", "y", ""} {
			want := Find(c.Statement, actor, corpus, 0)
			got := Scan(c.Statement, actor, corpus, 0)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%q as %q: Scan %v, Find %v", c.Statement, actor, got, want)
			}
			reported += len(got)
		}
	}
	if reported == 0 {
		t.Fatal("nothing reported: the comparison proves nothing")
	}
	if got := Scan("an of to", "x", corpus, 0); got != nil {
		t.Errorf("a statement with no content word: %v", got)
	}
}

// TestFindAllEqualsFind: FindAll gives, for each query with matches, what
// Find gives, without the query's own claim, in query order; a cancelled
// context stops it with an error.
func TestFindAllEqualsFind(t *testing.T) {
	var corpus []model.ClaimSummary
	var qs []Query
	for i, p := range pairs {
		corpus = append(corpus, summary(fmt.Sprintf("a%d", i), "x", p.a, ""), summary(fmt.Sprintf("b%d", i), "y", p.b, ""))
		// Each pair's first statement, as a claim of the corpus itself
		// (its own id) and as a new one (no id).
		qs = append(qs, Query{ID: fmt.Sprintf("a%d", i), ActorID: "x", Statement: p.a}, Query{ActorID: "y", Statement: p.a})
	}
	ix := NewIndex(corpus)
	reports, err := ix.FindAll(context.Background(), qs, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	next := 0
	for i, q := range qs {
		var want []Match
		for _, m := range ix.Find(q.Statement, q.ActorID, 0) {
			if m.Claim.ID != q.ID {
				want = append(want, m)
			}
		}
		want = want[:min(len(want), 2)]
		if len(want) == 0 {
			continue
		}
		if next >= len(reports) || reports[next].Query != i {
			t.Fatalf("query %d (%q) has matches %v but no report", i, q.Statement, want)
		}
		if got := reports[next].Matches; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("query %d: FindAll %v, Find %v", i, got, want)
		}
		next++
	}
	if next != len(reports) || next == 0 {
		t.Errorf("%d reports, %d expected", len(reports), next)
	}
	// No limit: every match but the query's own claim.
	all, err := ix.FindAll(context.Background(), qs[:1], 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(ix.Find(qs[0].Statement, qs[0].ActorID, 0)) - 1; want > 1 && (len(all) != 1 || len(all[0].Matches) != want) {
		t.Errorf("FindAll without a limit: %+v, want %d matches", all, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.FindAll(ctx, qs, 2, nil); err == nil {
		t.Error("FindAll with a cancelled context: no error")
	}
}
