package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"claims/internal/extract"
	"claims/internal/model"
	"claims/internal/sample"
)

// seedsDir is where the seed articles live relative to this package: the
// repository's shared/ folder sits beside the repository.
const seedsDir = "../../../shared/seeds"

type goldFile struct {
	Articles []goldArticle `json:"articles"`
}

type goldArticle struct {
	File     string      `json:"file"`
	Claims   []goldClaim `json:"claims"`
	Optional []goldClaim `json:"optional"`
}

type goldClaim struct {
	ID        string      `json:"id"`
	Actor     []string    `json:"actor"`
	Subjects  []string    `json:"subjects"`
	Statement string      `json:"statement"`
	Quote     string      `json:"quote"`
	Relation  string      `json:"relation"`
	Counters  []goldClaim `json:"counters"`
	// AlsoAnswers lists other claims (by ID) that a counter-claim may
	// answer and still count as right ("dismissed the claims" after two
	// claims by the same group).
	AlsoAnswers []string `json:"also_answers"`
}

// score counts hits and misses.
type score struct {
	claimTP, claimFP, claimGold, claimFound int
	claimOptional                           int // proposals matching optional labels
	pairTP, pairFP, pairGold, pairFound     int
}

func (s *score) add(o score) {
	s.claimTP += o.claimTP
	s.claimFP += o.claimFP
	s.claimGold += o.claimGold
	s.claimFound += o.claimFound
	s.claimOptional += o.claimOptional
	s.pairTP += o.pairTP
	s.pairFP += o.pairFP
	s.pairGold += o.pairGold
	s.pairFound += o.pairFound
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s score) claimPrecision() float64 { return ratio(s.claimTP, s.claimTP+s.claimFP) }
func (s score) claimRecall() float64    { return ratio(s.claimFound, s.claimGold) }
func (s score) pairPrecision() float64  { return ratio(s.pairTP, s.pairTP+s.pairFP) }
func (s score) pairRecall() float64     { return ratio(s.pairFound, s.pairGold) }

func loadGold(t testing.TB) (goldFile, string) {
	t.Helper()
	if _, err := os.Stat(seedsDir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("seed articles missing at %s (CI clones shared/ beside the repository): %v", seedsDir, err)
		}
		t.Skipf("seed articles not found at %s; skipping the quality measurement", seedsDir)
	}
	b, err := os.ReadFile(filepath.Join("testdata", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("gold.json: %v", err)
	}
	return g, seedsDir
}

// measure runs the extractor over every gold article and scores it.
func measure(t testing.TB, g goldFile, dir string, known []model.Actor, log func(string, ...any)) score {
	var total score
	for _, art := range g.Articles {
		b, err := os.ReadFile(filepath.Join(dir, art.File))
		if err != nil {
			t.Fatalf("%s: %v", art.File, err)
		}
		text := extract.Plain(art.File, b)
		props := extract.Extract(text, known)
		s := scoreArticle(art, props, log)
		log("%s: %d proposals; claims P=%.2f R=%.2f (%d/%d found); pairs P=%.2f R=%.2f (%d/%d found)",
			art.File, len(props), s.claimPrecision(), s.claimRecall(), s.claimFound, s.claimGold,
			s.pairPrecision(), s.pairRecall(), s.pairFound, s.pairGold)
		total.add(s)
	}
	return total
}

func scoreArticle(art goldArticle, props []extract.Proposal, log func(string, ...any)) score {
	var s score
	// Every gold claim and every gold counter-claim is a claim to find.
	type item struct {
		g      goldClaim
		parent int // index of the claim a counter answers, -1 for claims
	}
	var items []item
	// A counter-claim may have counters of its own (a rebuttal of a
	// denial): every link of such a chain is a pair to find.
	var add func(c goldClaim, parent int)
	add = func(c goldClaim, parent int) {
		items = append(items, item{c, parent})
		if parent >= 0 {
			s.pairGold++
		}
		self := len(items) - 1
		for _, k := range c.Counters {
			add(k, self)
		}
	}
	for _, c := range art.Claims {
		add(c, -1)
	}
	s.claimGold = len(items)
	matchedBy := make([]int, len(props)) // gold item index, or -1
	optional := make([]bool, len(props)) // matches an optional label
	used := make([]bool, len(items))
	// Each gold item goes to the proposal that quotes it best: a headline
	// that repeats a claim in fewer words must not take the body's label.
	type cand struct {
		i, j  int
		score float64
	}
	var cands []cand
	for i, p := range props {
		matchedBy[i] = -1
		for j, it := range items {
			if !actorMatches(p.Actor, it.g.Actor) || !(quoteMatches(it.g.Quote, p.Quote) || statementMatches(it.g.Statement, p.Statement)) {
				continue
			}
			// A counter-claim only counts as found when proposed as one.
			if (it.parent >= 0) != p.IsCounter() {
				continue
			}
			cands = append(cands, cand{i, j, cover(it.g.Quote, p.Quote) + cover(p.Quote, it.g.Quote)})
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	for _, c := range cands {
		if matchedBy[c.i] < 0 && !used[c.j] {
			used[c.j], matchedBy[c.i] = true, c.j
		}
	}
	for i, p := range props {
		switch {
		case matchedBy[i] >= 0:
			s.claimTP++
		case matchesOptional(art.Optional, p):
			// Neither a hit nor a false alarm.
			s.claimOptional++
			optional[i] = true
		default:
			s.claimFP++
			log("  unexpected proposal: %s | %s", p.Actor.Name, p.Statement)
		}
	}
	for j := range items {
		if used[j] {
			s.claimFound++
		} else {
			log("  missed: %s | %s", items[j].g.Actor, items[j].g.Quote)
		}
	}
	for i, p := range props {
		if !p.IsCounter() {
			continue
		}
		j, k := matchedBy[i], matchedBy[p.Answers]
		if optional[i] && (optional[p.Answers] || k >= 0) {
			// An optional counter-claim ("prison service rejects report"
			// in the headline) answering an optional or a labelled claim:
			// neither a hit nor a wrong pair.
			continue
		}
		if j >= 0 && k >= 0 && (items[j].parent == k || contains(items[j].g.AlsoAnswers, items[k].g.ID)) {
			s.pairTP++
			s.pairFound++
		} else {
			s.pairFP++
			log("  wrong pair: %s %s %q", p.Actor.Name, p.Relation, props[p.Answers].Statement)
		}
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x != "" && x == s {
			return true
		}
	}
	return false
}

func actorMatches(a extract.Actor, names []string) bool {
	if len(names) == 0 {
		return true
	}
	for _, n := range names {
		if strings.EqualFold(n, a.Name) {
			return true
		}
	}
	return false
}

// quoteMatches says whether a proposal's quote is the gold quote: most of
// the gold quote's words are in it, or it is nearly all gold words.
func quoteMatches(gold, got string) bool {
	return cover(gold, got) >= 0.6 || cover(got, gold) >= 0.85
}

// statementMatches says whether a proposal's statement says what the gold
// statement says, in mostly the same words. Gold statements are the
// labeller's own words, so this rarely decides; the quote usually does.
func statementMatches(gold, got string) bool {
	return gold != "" && cover(gold, got) >= 0.6 && cover(got, gold) >= 0.6
}

func matchesOptional(opt []goldClaim, p extract.Proposal) bool {
	for _, o := range opt {
		if actorMatches(p.Actor, o.Actor) && quoteMatches(o.Quote, p.Quote) {
			return true
		}
	}
	return false
}

var stop = map[string]bool{"the": true, "and": true, "that": true, "has": true, "have": true, "had": true, "was": true,
	"were": true, "for": true, "with": true, "this": true, "these": true, "its": true, "their": true, "from": true, "are": true}

func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) >= 3 && !stop[w] {
			out = append(out, w)
		}
	}
	return out
}

// cover is the share of a's words found in b.
func cover(a, b string) float64 {
	aw := words(a)
	if len(aw) == 0 {
		return 0
	}
	bs := map[string]bool{}
	for _, w := range words(b) {
		bs[w] = true
	}
	n := 0
	for _, w := range aw {
		if bs[w] {
			n++
		}
	}
	return float64(n) / float64(len(aw))
}

// TestQuality measures the extractor against the gold labels of the seed
// articles, with the actors the app ships with as the known actors (what a
// reviewer's database holds on the first run) and with none. Run it with
// -v to see the numbers.
func TestQuality(t *testing.T) {
	g, dir := loadGold(t)
	for _, cfg := range []struct {
		name  string
		known []model.Actor
	}{
		{"sample actors known", sample.Actors()},
		{"no actors known", nil},
	} {
		t.Run(strings.ReplaceAll(cfg.name, " ", "_"), func(t *testing.T) {
			s := measure(t, g, dir, cfg.known, t.Logf)
			t.Logf("TOTAL (%s): claims precision %.2f recall %.2f (%d hits, %d false alarms, %d of %d gold found; "+
				"%d more proposals match optional labels — counting them as false alarms, precision would be %.2f); "+
				"claim–denial pairs precision %.2f recall %.2f (%d of %d gold pairs found, %d wrong)",
				cfg.name, s.claimPrecision(), s.claimRecall(), s.claimTP, s.claimFP, s.claimFound, s.claimGold,
				s.claimOptional, ratio(s.claimTP, s.claimTP+s.claimFP+s.claimOptional),
				s.pairPrecision(), s.pairRecall(), s.pairFound, s.pairGold, s.pairFP)
			if s.pairRecall() < 0.9 {
				t.Errorf("pair recall %.2f is below 0.9", s.pairRecall())
			}
			if s.pairPrecision() < 0.7 {
				t.Errorf("pair precision %.2f is below 0.7", s.pairPrecision())
			}
		})
	}
}

// BenchmarkExtract times the extractor over the seed articles and reports
// the quality numbers as metrics: go test -run '^$' -bench Extract.
func BenchmarkExtract(b *testing.B) {
	g, dir := loadGold(b)
	var texts []string
	for _, art := range g.Articles {
		raw, err := os.ReadFile(filepath.Join(dir, art.File))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, extract.Plain(art.File, raw))
	}
	known := sample.Actors()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			extract.Extract(t, known)
		}
	}
	b.StopTimer()
	s := measure(b, g, dir, known, func(string, ...any) {})
	b.ReportMetric(s.claimPrecision(), "claimP")
	b.ReportMetric(s.claimRecall(), "claimR")
	b.ReportMetric(s.pairPrecision(), "pairP")
	b.ReportMetric(s.pairRecall(), "pairR")
}

// TestSeedStatements pins the statements proposed for the headline cases,
// so that a change in wording shows up here and not only in the numbers.
func TestSeedStatements(t *testing.T) {
	_, dir := loadGold(t)
	want := map[string][]string{
		"000_664206669eb67e18.txt": {
			"Government of Pakistan: Afghanistan planned a suicide bombing that killed five Chinese engineers and a Pakistani driver in March.",
			"Afghan government: Afghan government denies that Afghanistan planned a suicide bombing that killed five Chinese engineers and a Pakistani driver in March.",
			"Government of Pakistan: Afghanistan harbored and supported militants who carry out attacks on Pakistani soil.",
		},
		"002_de8e397345a55d39.txt": {
			"Imran Khan: Washington was working with his political opponents and the military to remove him from office.",
			"Pakistan military: Pakistan military denies that Washington was working with his political opponents and the military to remove him from office.",
			"Imran Khan's political opponents: Imran Khan's political opponents deny that Washington was working with his political opponents and the military to remove him from office.",
		},
		"003_098fdc8fca238d34.txt": {
			"Alice Wells: Islamabad should address the continuing presence of the Haqqani network and other terrorist groups within its territory.",
		},
	}
	for file, lines := range want {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, p := range extract.Extract(extract.Plain(file, b), sample.Actors()) {
			got[p.Actor.Name+": "+p.Statement] = true
		}
		if testing.Verbose() {
			for l := range got {
				t.Log(l)
			}
		}
		for _, l := range lines {
			if !got[l] {
				t.Errorf("%s: no proposal %q", file, l)
			}
		}
	}
}

// TestMadeUpQuality measures the extractor on the made-up articles that
// have full labels (testdata/madeup/gold.json): written for the tests in
// wire-report styles the seeds lack, with no actors known. Run it with -v
// to see the numbers; the floors below only catch regressions on the
// articles the patterns were developed on, not on the held-out ones.
func TestMadeUpQuality(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "madeup", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("madeup/gold.json: %v", err)
	}
	// The holdout-*, holdout2-* and holdout3-* articles were written last
	// (three sets, for three rounds of work) and never used to add
	// patterns or rules: their figures estimate unseen text and have no
	// floor. The third set is longer (250–600 words) and labels chains: a
	// rebuttal of a denial is a counter-claim of the denial. The fourth
	// set (holdout4-*, ten articles in eight domains) was written before
	// the fourth round of rules; only its totals are read. The fifth set
	// (holdout5-*, ten articles in ten domains) was written last, by
	// someone who did not see the rules' output on it: only its total is
	// printed, and it has no floor.
	var tuned, holdout, holdout2, holdout3, holdout4, holdout5 goldFile
	for _, a := range g.Articles {
		switch {
		case strings.HasPrefix(a.File, "holdout-"):
			holdout.Articles = append(holdout.Articles, a)
		case strings.HasPrefix(a.File, "holdout2-"):
			holdout2.Articles = append(holdout2.Articles, a)
		case strings.HasPrefix(a.File, "holdout3-"):
			holdout3.Articles = append(holdout3.Articles, a)
		case strings.HasPrefix(a.File, "holdout4-"):
			holdout4.Articles = append(holdout4.Articles, a)
		case strings.HasPrefix(a.File, "holdout5-"):
			holdout5.Articles = append(holdout5.Articles, a)
		default:
			tuned.Articles = append(tuned.Articles, a)
		}
	}
	dir := filepath.Join("testdata", "madeup")
	h := measure(t, holdout, dir, nil, t.Logf)
	h2 := measure(t, holdout2, dir, nil, t.Logf)
	h3 := measure(t, holdout3, dir, nil, t.Logf)
	// The fourth set's per-article lines are not logged, so that it stays
	// an honest estimate: only its total is printed.
	h4 := measure(t, holdout4, dir, nil, func(string, ...any) {})
	// Likewise the fifth set: written last, by someone who did not see
	// the rules' output on it; only its total is printed.
	h5 := measure(t, holdout5, dir, nil, func(string, ...any) {})
	s := measure(t, tuned, dir, nil, t.Logf)
	for _, r := range []struct {
		name string
		n    int
		s    score
	}{{"held-out articles (first set)", len(holdout.Articles), h}, {"held-out articles (second set)", len(holdout2.Articles), h2},
		{"held-out articles (third set)", len(holdout3.Articles), h3},
		{"held-out articles (fourth set)", len(holdout4.Articles), h4},
		{"held-out articles (fifth set)", len(holdout5.Articles), h5},
		{"made-up articles used for the patterns", len(tuned.Articles), s}} {
		t.Logf("TOTAL (%d %s): claims precision %.2f recall %.2f (%d hits, %d false alarms, %d optional, %d of %d gold found); "+
			"claim–denial pairs precision %.2f recall %.2f (%d of %d gold pairs found, %d wrong)",
			r.n, r.name, r.s.claimPrecision(), r.s.claimRecall(), r.s.claimTP, r.s.claimFP, r.s.claimOptional, r.s.claimFound, r.s.claimGold,
			r.s.pairPrecision(), r.s.pairRecall(), r.s.pairFound, r.s.pairGold, r.s.pairFP)
	}
	// Floors a little under the figures measured when the staged pipeline
	// replaced the old rules (none of these articles was read to write
	// it): a change that loses claims or adds wrong pairs fails. Round two
	// lowered the recall floors (0.45 → 0.40 for claims, 0.10 → 0.07 for
	// pairs): the fitted models of tables/weights.tsv propose less, for
	// precision on real articles.
	for _, f := range []struct {
		name       string
		got, floor float64
	}{
		{"claim precision", s.claimPrecision(), 0.55},
		{"claim recall", s.claimRecall(), 0.40},
		{"pair precision", s.pairPrecision(), 0.45},
		{"pair recall", s.pairRecall(), 0.07},
	} {
		if f.got < f.floor {
			t.Errorf("%s %.2f is below %.2f on the made-up articles", f.name, f.got, f.floor)
		}
	}
}

// BenchmarkExtract1000Words times the extractor on an article of 1,000
// words (made-up articles of testdata/madeup run together): go test
// -run '^$' -bench 1000Words ./internal/extract. The target is 50 ms.
func BenchmarkExtract1000Words(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("testdata", "madeup", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatal("no made-up articles", err)
	}
	sort.Strings(files)
	var text strings.Builder
	words := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, w := range strings.Fields(string(raw)) {
			if words == 1000 {
				break
			}
			text.WriteString(w + " ")
			words++
			if strings.HasSuffix(w, ".") && words%60 < 12 {
				text.WriteString("\n\n")
			}
		}
	}
	article := text.String()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		extract.Extract(article, nil)
	}
	b.ReportMetric(float64(len(strings.Fields(article))), "words")
}
