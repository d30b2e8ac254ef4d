package search_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"claims/internal/db"
	"claims/internal/gen"
	"claims/internal/model"
	"claims/internal/search"
)

// generated lists claims made by claims gen in a real database, plus a few
// with Unicode, camel case, separators and a NUL, which the generator
// does not write.
func generated(t *testing.T, n int) ([]model.ClaimSummary, []model.Actor) {
	t.Helper()
	ctx := context.Background()
	st, err := db.Open(filepath.Join(t.TempDir(), "gen.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := gen.Fill(ctx, st, gen.Options{Claims: n, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	claims, err := st.ListClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	actors, err := st.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	odd := []string{
		"Ça dépend: ذبیح‌الله مجاهد said ÉTÉ", "Straße STRASSE ẞ ß", "the \u212aelvin sign and ſtatistics",
		"camelCaseWordsHere_and-separators/too.ok\\yes", "NUL\x00hidden after nul", "Ünïcödé résumé naïve café",
		"ΣΊΣΥΦΟΣ σίσυφος ς", "İstanbul ıstanbul", "日本語のテキスト and English", "aaaaaaaaaaaaaaaaaaab",
		// Letters at and after the first bytes, after leading spaces, and
		// next to digits and punctuation that share a letter's mask bit.
		"a", "ab", "ba", "xya", " a", "  a b", "x a", "ax a", "1 q 2 l,m-n.", "zz9 p0 y9 9y", "q1 ,l .n -m",
		"the theme then at the end: th", "t th the thee", "hat hh tt ht th",
	}
	for i, s := range odd {
		c := claims[i%len(claims)]
		c.ID = "odd" + string(rune('a'+i))
		c.Statement = s
		c.Quote = odd[(i+3)%len(odd)]
		c.Tags = append([]string{s[:min(len(s), 5)]}, c.Tags...)
		claims = append(claims, c)
	}
	actors = append(actors, model.Actor{ID: claims[0].ActorID, Name: "dup", Aliases: []string{"Κabul ſide", "", "x\x00y"}})
	return claims, actors
}

// randomQueries makes queries as a person types them: fragments of the
// indexed texts, typed one key at a time, with random letters, Unicode,
// spaces, several words, and empty and blank queries.
func randomQueries(r *rand.Rand, claims []model.ClaimSummary, count int) []string {
	pool := []rune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_./\\'\"éÉßẞ\u212aſςΣσıİ日本ذ\u00a0\t")
	var out []string
	for len(out) < count {
		var q string
		switch r.IntN(7) {
		case 0, 1, 2: // a fragment of a text, maybe with a letter changed
			c := claims[r.IntN(len(claims))]
			texts := []string{c.Statement, c.ActorName, c.Quote, c.SourceTitle, c.SourceOutlet}
			s := []rune(texts[r.IntN(len(texts))])
			if len(s) == 0 {
				continue
			}
			i := r.IntN(len(s))
			frag := s[i:min(len(s), i+1+r.IntN(14))]
			if r.IntN(3) == 0 {
				frag[r.IntN(len(frag))] = pool[r.IntN(len(pool))]
			}
			if r.IntN(3) == 0 { // every other letter: a fuzzy query
				var f []rune
				for j := 0; j < len(frag); j += 2 {
					f = append(f, frag[j])
				}
				frag = f
			}
			q = string(frag)
		case 3: // random runes
			var f []rune
			for range 1 + r.IntN(6) {
				f = append(f, pool[r.IntN(len(pool))])
			}
			q = string(f)
		case 4: // blank
			q = []string{"", " ", "\t", "  \u00a0 ", "\n"}[r.IntN(5)]
		case 5: // several words
			c := claims[r.IntN(len(claims))]
			w := strings.Fields(c.Statement + " " + c.ActorName)
			q = w[r.IntN(len(w))] + " " + w[r.IntN(len(w))][:1+r.IntN(2)]
		case 6: // another form of a word: "denied" typed as "denies"
			c := claims[r.IntN(len(claims))]
			w := strings.Fields(c.Statement + " " + c.Quote)
			word := strings.Trim(w[r.IntN(len(w))], ".,;:\"'")
			for _, suffix := range []string{"ies", "ied", "ying", "ing", "ed", "es", "s", "e", "y"} {
				if strings.HasSuffix(word, suffix) && len(word) > len(suffix)+2 {
					word = word[:len(word)-len(suffix)]
					break
				}
			}
			q = word + []string{"s", "ed", "ing", "ies", "ied", "y", "es", ""}[r.IntN(8)]
			if r.IntN(3) == 0 {
				q += " " + w[r.IntN(len(w))]
			}
		}
		// Type it one key at a time, as the window searches.
		rs := []rune(q)
		for i := range rs {
			out = append(out, string(rs[:i+1]))
		}
		if len(rs) == 0 {
			out = append(out, q)
		}
	}
	return out
}

func TestSearchEqualsReference(t *testing.T) {
	n, count := 300, 3000
	if testing.Short() {
		n, count = 150, 800
	}
	claims, actors := generated(t, n)
	ix := search.New(claims, actors)
	r := rand.New(rand.NewPCG(3, 4))
	verdicts := model.Verdicts()
	for i, q := range randomQueries(r, claims, count) {
		f := randomFilter(r, claims, verdicts)
		want := ix.ReferenceSearch(q, f)
		var got []search.Hit
		if i%7 == 0 {
			var err error
			if got, err = ix.SearchUncached(context.Background(), q, f); err != nil {
				t.Fatal(err)
			}
		} else {
			got = ix.Search(q, f)
		}
		if !sameHits(got, want) {
			t.Fatalf("Search(%q, %+v) differs from the reference:\n got %s\nwant %s", q, f, describe(got), describe(want))
		}
		// The window draws rows one at a time from the lazy results.
		res, err := ix.SearchContext(context.Background(), q, f)
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.CheckTerms(); err != nil {
			t.Fatalf("after Search(%q): %v", q, err)
		}
		if !sameHits(rowByRow(res, r), want) {
			t.Fatalf("SearchContext(%q, %+v).Hit differs from the reference:\n got %s\nwant %s", q, f, describe(rowByRow(res, r)), describe(want))
		}
	}
}

// randomFilter sets none, one or two of the filter's conditions, each
// from the claims' own values.
func randomFilter(r *rand.Rand, claims []model.ClaimSummary, verdicts []model.Verdict) search.Filter {
	var f search.Filter
	for range r.IntN(3) {
		c := claims[r.IntN(len(claims))]
		switch r.IntN(11) {
		case 0:
			f.Verdict = verdicts[r.IntN(len(verdicts))]
		case 1:
			f.ActorID = c.ActorID
		case 2:
			if len(c.Tags) > 0 {
				f.Tag = c.Tags[r.IntN(len(c.Tags))]
			}
		case 3:
			f.SourceID = c.SourceID
		case 4:
			if len(c.Reviewers) > 0 {
				f.Reviewer = c.Reviewers[0]
			}
		case 5:
			f.Contested = true
		case 6:
			f.Unreviewed = true
		case 7:
			f.Answers = true
		case 8:
			f.From = c.MadeOn
		case 9:
			f.To = c.MadeOn
		case 10:
			if len(c.MadeOn) >= 4 {
				f.From, f.To = c.MadeOn[:4], c.MadeOn[:4]
			}
		}
	}
	return f
}

// rowByRow reads every hit of res with Hit and Claim, in a random order as
// a scrolled list would.
func rowByRow(res *search.Results, r *rand.Rand) []search.Hit {
	hits := make([]search.Hit, res.Len())
	for _, i := range r.Perm(len(hits)) {
		hits[i] = res.Hit(i)
		if res.Claim(i) != hits[i].Claim {
			panic("Claim and Hit disagree")
		}
	}
	return hits
}

func TestResultsWithout(t *testing.T) {
	claims, actors := synthetic(3000)
	ix := search.New(claims, actors)
	r := rand.New(rand.NewPCG(5, 6))
	for _, q := range []string{"", "b", "bombing de", "zzz"} {
		res, err := ix.SearchContext(context.Background(), q, search.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		skip := func(c *model.ClaimSummary) bool { return len(c.ID)%3 == 0 }
		var want []search.Hit
		for _, h := range ix.ReferenceSearch(q, search.Filter{}) {
			if !skip(h.Claim) {
				want = append(want, h)
			}
		}
		if got := rowByRow(res.Without(skip), r); !sameHits(got, want) {
			t.Fatalf("Without(%q): %s, want %s", q, describe(got), describe(want))
		}
	}
}

// TestSearchEqualsReferenceLarge checks a result big enough to be split
// across workers and radix-sorted.
func TestSearchEqualsReferenceLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	claims, actors := synthetic(20000)
	ix := search.New(claims, actors)
	for _, q := range []string{"b", "bo", "bom", "bomb", "e", "a", "e m", "report 1", "zz", "al", "alias1", "ctr"} {
		if got, want := ix.Search(q, search.Filter{}), ix.ReferenceSearch(q, search.Filter{}); !sameHits(got, want) {
			t.Fatalf("Search(%q): %d hits, reference %d, or they differ", q, len(got), len(want))
		}
	}
}

// TestSearchEqualsReferenceShort types every letter, digit and some
// punctuation alone and followed by a second key: the words a person has
// only begun to type, which match nearly every text.
func TestSearchEqualsReferenceShort(t *testing.T) {
	claims, actors := generated(t, 150)
	ix := search.New(claims, actors)
	keys := "abcdefghijklmnopqrstuvwxyz0123456789,.-_/:!'AZ\u212a\u017f"
	seconds := []rune("aehnrtsz1.")
	if testing.Short() {
		seconds = seconds[:3]
	}
	for _, a := range keys {
		for _, b := range seconds {
			for _, q := range []string{string(a), string(a) + string(b), "the " + string(a), string(a) + " " + string(b)} {
				if got, want := ix.Search(q, search.Filter{}), ix.ReferenceSearch(q, search.Filter{}); !sameHits(got, want) {
					t.Fatalf("Search(%q) differs from the reference:\n got %s\nwant %s", q, describe(got), describe(want))
				}
				if err := ix.CheckTerms(); err != nil {
					t.Fatalf("after Search(%q): %v", q, err)
				}
			}
		}
	}
}

func sameHits(a, b []search.Hit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Claim != b[i].Claim || a[i].Score != b[i].Score || a[i].Order() != b[i].Order() ||
			!reflect.DeepEqual(a[i].StatementPos, b[i].StatementPos) || !reflect.DeepEqual(a[i].ActorPos, b[i].ActorPos) ||
			!reflect.DeepEqual(a[i].Also, b[i].Also) {
			return false
		}
	}
	return true
}

func describe(hits []search.Hit) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d hits", len(hits))
	for i, h := range hits {
		if i == 8 {
			b.WriteString(" …")
			break
		}
		fmt.Fprintf(&b, "\n  %s %d %v %v %q", h.Claim.ID, h.Score, h.StatementPos, h.ActorPos, h.Also)
	}
	return b.String()
}

func TestSearchCancelled(t *testing.T) {
	claims, actors := synthetic(5000)
	ix := search.New(claims, actors)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.SearchContext(ctx, "bombing", search.Filter{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled search: err = %v, want context.Canceled", err)
	}
	if hits := ix.Search("bombing", search.Filter{}); len(hits) == 0 {
		t.Fatal("a cancelled search spoiled the next one")
	}
}

// FuzzSearchEqualsReference searches any query, and every prefix of it as
// typing would, and compares each with the reference.
func FuzzSearchEqualsReference(f *testing.F) {
	claims, actors := synthetic(300)
	fc, fa := fixture()
	claims, actors = append(claims, fc...), append(actors, fa...)
	for i, s := range []string{"Ça dépend: ذبیح‌الله مجاهد said ÉTÉ", "Straße STRASSE ẞ ß", "the \u212aelvin ſtatistics",
		"camelCaseWords_and-separators/too.ok\\yes", "NUL\x00hidden", "ΣΊΣΥΦΟΣ σίσυφος ς", "İstanbul ıstanbul"} {
		c := claims[i]
		c.ID, c.Statement, c.Quote = fmt.Sprint("odd", i), s, s
		claims = append(claims, c)
	}
	ix := search.New(claims, actors)
	for _, q := range []string{"bombing de", "imrn", "kabul", "ß", "\u212a", "ſ", "ς", "caseW", "a b c", " ", "", "\x00", "\xff"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if len(q) > 64 {
			return
		}
		prefixes := []string{q} // q as it is, invalid UTF-8 included
		for i := range q {
			prefixes = append(prefixes, q[:i])
		}
		for _, p := range prefixes {
			if got, want := ix.Search(p, search.Filter{}), ix.ReferenceSearch(p, search.Filter{}); !sameHits(got, want) {
				t.Fatalf("Search(%q) differs from the reference:\n got %s\nwant %s", p, describe(got), describe(want))
			}
		}
	})
}

// A second word is matched only on the texts of the claims a rare first
// word matched; typing on, editing the first word, or dropping it must
// still give the reference's hits.
func TestSearchEqualsReferenceSecondWord(t *testing.T) {
	claims, actors := generated(t, 400)
	ix := search.New(claims, actors)
	r := rand.New(rand.NewPCG(11, 12))
	var queries []string
	for range 40 {
		a := strings.Fields(claims[r.IntN(len(claims))].Statement)
		b := strings.Fields(claims[r.IntN(len(claims))].Quote + " " + claims[r.IntN(len(claims))].ActorName)
		first, second := a[r.IntN(len(a))], b[r.IntN(len(b))]
		for i := range second {
			queries = append(queries, first+" "+second[:i+1])
		}
		queries = append(queries, first[:len(first)/2+1]+" "+second, second, second[:len(second)/2+1]+" "+first)
	}
	for _, q := range queries {
		want := ix.ReferenceSearch(q, search.Filter{})
		if got := ix.Search(q, search.Filter{}); !sameHits(got, want) {
			t.Fatalf("Search(%q) differs from the reference:\n got %s\nwant %s", q, describe(got), describe(want))
		}
	}
}
