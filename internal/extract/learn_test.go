package extract

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Labelled real articles, read from folders outside the repository (the
// EXTRACT_SETS variable: folders separated by ":" holding NN-slug.txt and
// NN-slug.gold.tsv, in the format and with the scoring of the shared
// article sets' score.py). No text of theirs is in the repository; the
// tests here skip when the variable is not set.

type labelled struct {
	real       bool // from a folder of real articles, not a gold.json
	name, text string
	claims     []goldItem
	pairs      []goldItem
}

// goldItem is a labelled claim (aliases: its actor's names) or pair (ans:
// the answered actor's names, aliases: the counter-claim actor's names).
type goldItem struct {
	aliases, ans []string
	text         string
	core         bool
}

func labelledSets(t testing.TB) map[string][]labelled {
	env := os.Getenv("EXTRACT_SETS")
	if env == "" {
		t.Skip("EXTRACT_SETS names no folders of labelled articles")
	}
	sets := map[string][]labelled{}
	for _, dir := range strings.Split(env, ":") {
		if strings.HasSuffix(dir, ".json") {
			sets[dir] = jsonArticles(t, dir)
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.gold.tsv"))
		sort.Strings(files)
		for _, g := range files {
			base := strings.TrimSuffix(g, ".gold.tsv")
			raw, err := os.ReadFile(base + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			_, body, _ := strings.Cut(string(raw), "\n")
			a := labelled{real: true, name: filepath.Base(base), text: Plain("a.txt", []byte(body))}
			a.claims, a.pairs = readGoldTSV(t, g)
			sets[dir] = append(sets[dir], a)
		}
	}
	return sets
}

// jsonArticles reads a gold.json of the package's own labels (the seeds,
// the made-up articles): names starting with "!" after the path's last
// ":"-free part are left out, as are the held-out made-up sets.
func jsonArticles(t testing.TB, path string) []labelled {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Articles []struct {
			File     string
			Claims   []jsonClaim
			Optional []jsonClaim
		}
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	var out []labelled
	for _, a := range g.Articles {
		if strings.HasPrefix(a.File, "holdout") {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(filepath.Dir(path), a.File))
		if os.IsNotExist(err) {
			raw, err = os.ReadFile(filepath.Join("../../../shared/seeds", a.File)) // the seeds' labels are in testdata
		}
		if err != nil {
			t.Fatal(err)
		}
		l := labelled{name: a.File, text: Plain(a.File, raw)}
		for _, c := range a.Claims {
			l.claims = append(l.claims, goldItem{aliases: c.Actor, text: c.Statement, core: true})
			for _, k := range c.Counters {
				l.claims = append(l.claims, goldItem{aliases: k.Actor, text: k.Statement, core: true})
				l.pairs = append(l.pairs, goldItem{aliases: k.Actor, ans: c.Actor, core: true})
			}
		}
		for _, c := range a.Optional {
			l.claims = append(l.claims, goldItem{aliases: c.Actor, text: c.Statement + " " + c.Quote})
		}
		out = append(out, l)
	}
	return out
}

type jsonClaim struct {
	Actor     []string
	Statement string
	Quote     string
	Counters  []jsonClaim
}

func readGoldTSV(t testing.TB, path string) (claims, pairs []goldItem) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]goldItem{}
	for _, line := range strings.Split(string(b), "\n") {
		c := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#") || len(c) < 5 {
			continue
		}
		switch c[0] {
		case "claim":
			g := goldItem{aliases: strings.Split(c[2], "|"), text: c[3], core: strings.TrimSpace(c[4]) == "core"}
			byID[c[1]] = g
			claims = append(claims, g)
		case "pair":
			a, b, _ := strings.Cut(c[2], "->")
			g := goldItem{ans: []string{strings.TrimSpace(a)}, aliases: []string{strings.TrimSpace(b)}, core: strings.TrimSpace(c[4]) == "core"}
			if l, r, ok := strings.Cut(c[3], "<-"); ok {
				for _, id := range strings.Split(l, "|") {
					g.ans = append(g.ans, byID[strings.TrimSpace(id)].aliases...)
				}
				for _, id := range strings.Split(r, "|") {
					g.aliases = append(g.aliases, byID[strings.TrimSpace(id)].aliases...)
				}
			}
			pairs = append(pairs, g)
		}
	}
	return claims, pairs
}

var nonWord = regexp.MustCompile(`[^a-z0-9 ]`)

func scoreNorm(s string) string {
	return strings.Join(strings.Fields(nonWord.ReplaceAllString(strings.ToLower(s), " ")), " ")
}

// scoreSame is score.py's loose name match: one name holds the other.
func scoreSame(name string, aliases []string) bool {
	n := scoreNorm(name)
	if n == "" {
		return false
	}
	for _, a := range aliases {
		if a = scoreNorm(a); a != "" && (strings.Contains(n, a) || strings.Contains(a, n)) {
			return true
		}
	}
	return false
}

var scoreStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields("a an the of to in on at for by with and or but that this it its is was were be been " +
		"has have had not no he she they his her their them we our you your i from as about") {
		scoreStop[w] = true
	}
}

func scoreWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(scoreNorm(s)) {
		if !scoreStop[w] && len(w) > 2 {
			m[w] = true
		}
	}
	return m
}

// claimMatches is score.py's claim match: the actor, and a quarter of the
// labelled statement's words in the proposed statement or quote.
func claimMatches(p Proposal, g goldItem) bool {
	if !scoreSame(p.Actor.Name, g.aliases) {
		return false
	}
	have := scoreWords(p.Statement + " " + p.Quote)
	n, k := 0, 0
	for w := range scoreWords(g.text) {
		n++
		if have[w] {
			k++
		}
	}
	return k*4 >= n
}

// tally is score.py's count for one set.
type tally struct{ cr, cw, cc, cf, pr, pw, pc, pf int }

func (t *tally) add(o tally) {
	t.cr, t.cw, t.cc, t.cf = t.cr+o.cr, t.cw+o.cw, t.cc+o.cc, t.cf+o.cf
	t.pr, t.pw, t.pc, t.pf = t.pr+o.pr, t.pw+o.pw, t.pc+o.pc, t.pf+o.pf
}

func (t tally) String() string {
	p := func(r, w int) float64 {
		if r+w == 0 {
			return 0
		}
		return float64(r) / float64(r+w)
	}
	return fmt.Sprintf("claims P %.2f (%d right, %d wrong) R %.2f (%d of %d) | pairs P %.2f (%d right, %d wrong) R %.2f (%d of %d)",
		p(t.cr, t.cw), t.cr, t.cw, float64(t.cf)/float64(max(t.cc, 1)), t.cf, t.cc, p(t.pr, t.pw), t.pr, t.pw, float64(t.pf)/float64(max(t.pc, 1)), t.pf, t.pc)
}

// assignGold matches proposals to labels one to one, first come first
// served, as score.py does; it returns for each proposal the label's
// index or -1, and the tally.
func assignGold(props []Proposal, golds []goldItem, match func(Proposal, goldItem) bool) ([]int, int, int, int) {
	used := map[int]bool{}
	hit := make([]int, len(props))
	right, wrong := 0, 0
	for i, p := range props {
		hit[i] = -1
		for j, g := range golds {
			if !used[j] && match(p, g) {
				used[j], hit[i] = true, j
				break
			}
		}
		switch {
		case hit[i] < 0:
			wrong++
		case golds[hit[i]].core:
			right++
		}
	}
	found := 0
	for j := range used {
		if golds[j].core {
			found++
		}
	}
	return hit, right, wrong, found
}

// scoreArticle scores proposals as score.py does.
func scoreArticle(a labelled, props []Proposal) (tally, []int, []int) {
	var t tally
	ch, r, w, f := assignGold(props, a.claims, claimMatches)
	t.cr, t.cw, t.cf = r, w, f
	var counters []Proposal
	var idx []int
	for i, p := range props {
		if p.Relation != "" {
			counters = append(counters, p)
			idx = append(idx, i)
		}
	}
	pm := func(p Proposal, g goldItem) bool {
		return scoreSame(p.Actor.Name, g.aliases) && scoreSame(props[p.Answers].Actor.Name, g.ans)
	}
	phit, r, w, f := assignGold(counters, a.pairs, pm)
	t.pr, t.pw, t.pf = r, w, f
	ph := make([]int, len(props))
	for i := range ph {
		ph[i] = -2
	}
	for n, i := range idx {
		ph[i] = phit[n]
	}
	for _, g := range a.claims {
		if g.core {
			t.cc++
		}
	}
	for _, g := range a.pairs {
		if g.core {
			t.pc++
		}
	}
	return t, ch, ph
}

// TestLabelledArticles prints the figures per set (with EXTRACT_SHOW=1
// each proposal's verdict) and checks on real text that every quote is
// verbatim and no pair has an empty actor on either side.
func TestLabelledArticles(t *testing.T) {
	sets := labelledSets(t)
	for dir, arts := range sets {
		var tot tally
		for _, a := range arts {
			props := Extract(a.text, nil)
			for _, p := range props {
				if a.text[p.Start:p.End] != p.Quote {
					t.Errorf("%s: quote %q is not verbatim at %d:%d", a.name, p.Quote, p.Start, p.End)
				}
				if p.Answers >= 0 && (p.Actor.Name == "" || props[p.Answers].Actor.Name == "") {
					t.Errorf("%s: a pair with an empty actor: %q answering %q", a.name, p.Statement, props[p.Answers].Statement)
				}
			}
			s, ch, ph := scoreArticle(a, props)
			tot.add(s)
			if os.Getenv("EXTRACT_SHOW") == "" {
				continue
			}
			t.Logf("== %s", a.name)
			for i, p := range props {
				tag := "WRONG"
				if p.Actor.Name == "" {
					tag = "W-none"
				} else {
					for _, g := range a.claims {
						if scoreSame(p.Actor.Name, g.aliases) {
							tag = "W-more"
						}
					}
				}
				if ch[i] >= 0 {
					tag = "ok"
					if !a.claims[ch[i]].core {
						tag = "opt"
					}
				}
				pt := ""
				switch {
				case ph[i] == -1:
					pt = "PAIR-WRONG"
				case ph[i] >= 0:
					pt = "PAIR-ok"
				}
				ans := ""
				if p.Answers >= 0 {
					ans = props[p.Answers].Actor.Name
				}
				t.Logf("  %-6s %-10s %-28.28s | %-90.90s | %s %s", tag, pt, p.Actor.Name, p.Statement, p.Relation, ans)
			}
		}
		t.Logf("%s: %d articles: %s", filepath.Base(dir), len(arts), tot)
	}
}

// sample is one labelled candidate: its features and whether it is right.
type sample struct {
	f     map[string]float64
	right bool
	art   int // the article it comes from, for folds
}

// edgeSamples are the grounded candidate edges of the pairing stage in a,
// labelled by the article's pairs (by the actors of both sides, as
// score.py matches them).
func edgeSamples(a labelled, art int) []sample {
	d := readDocument(a.text)
	r := &resolver{d: d, known: newKnownIndex(nil)}
	r.ents, r.runs = d.findEntities(r.known)
	ps := r.pairPlural(r.propose(d.attributions()))
	var out []sample
	for c := range ps {
		if ps[c].counter == 0 || ps[c].Actor.Name == "" || ps[c].Answers >= 0 {
			continue
		}
		for k, f := range r.candidates(ps, c) {
			s := sample{f: f, art: art}
			for _, g := range a.pairs {
				s.right = s.right || scoreSame(ps[c].Actor.Name, g.aliases) && scoreSame(ps[k].Actor.Name, g.ans)
			}
			out = append(out, s)
		}
	}
	return out
}

// priors are the hand-set weights of tables/weights.tsv (its fourth
// column) that a fit is drawn towards.
var priors = map[string]float64{}

// fitLogit fits a logistic model by gradient descent with an L2 penalty
// drawing each weight (not the bias) towards its prior: with few labelled
// articles the data move the hand-set weights rather than replace them.
func fitLogit(ss []sample, names []string, lambda float64) map[string]float64 {
	w := map[string]float64{}
	for _, n := range names {
		w[n] = priors[n]
	}
	for it := 0; it < 4000; it++ {
		g := map[string]float64{}
		for _, s := range ss {
			z := w["bias"]
			for n, v := range s.f {
				z += w[n] * v
			}
			e := 1/(1+math.Exp(-z)) - map[bool]float64{true: 1}[s.right]
			g["bias"] += e
			for n, v := range s.f {
				g[n] += e * v
			}
		}
		for _, n := range append(names, "bias") {
			reg := 0.0
			if n != "bias" {
				reg = lambda * (w[n] - priors[n])
			}
			w[n] -= 0.5 * (g[n]/float64(len(ss)) + reg)
		}
	}
	return w
}

// claimSamples are the proposals of the pipeline before the claim model,
// labelled by score.py's verdict (a match to an optional label is left
// out).
func claimSamples(a labelled, art int) []sample {
	d := readDocument(a.text)
	r := &resolver{d: d, known: newKnownIndex(nil)}
	r.ents, r.runs = d.findEntities(r.known)
	ps := r.pair(r.propose(d.attributions()))
	props := inOrder(ps)
	_, ch, _ := scoreArticle(a, props)
	var out []sample
	for i := range ps {
		n := 0 // ps[i]'s place in article order
		for j := range ps {
			if ps[j].Start < ps[i].Start || ps[j].Start == ps[i].Start && j < i {
				n++
			}
		}
		if ch[n] >= 0 && !a.claims[ch[n]].core || ps[i].Actor.Name == "" {
			continue // an optional claim; one with no speaker is wrong for want of an actor, not as a claim
		}
		out = append(out, sample{f: r.claimFeatures(ps, i), right: ch[n] >= 0, art: art})
	}
	return out
}

// tallyWith runs the whole pipeline on arts with the named model m.
func tallyWith(arts []labelled, name string, m *logit) tally {
	saved := models[name]
	models[name] = m
	defer func() { models[name] = saved }()
	var tot tally
	for _, a := range arts {
		s, _, _ := scoreArticle(a, Extract(a.text, nil))
		tot.add(s)
	}
	return tot
}

// TestFitWeights fits the pairing and the claim models on the labelled
// articles and checks that tables/weights.tsv holds them. It reports, for
// each threshold, the figures in five-fold cross-validation by article:
// what a model does on articles it was not fitted on.
func TestFitWeights(t *testing.T) {
	sets := labelledSets(t)
	var arts []labelled
	for _, dir := range sortedKeys(sets) {
		arts = append(arts, sets[dir]...)
	}
	var table []string
	for _, mod := range []struct {
		name    string
		samples func(labelled, int) []sample
		lambda  float64 // the pull towards the priors
	}{{"pair", edgeSamples, 0.1}, {"claim", claimSamples, 0.02}} {
		if os.Getenv("EXTRACT_MODEL") != "" && os.Getenv("EXTRACT_MODEL") != mod.name {
			table = append(table, tableOf(mod.name))
			continue
		}
		readPriors(mod.name)
		var all []sample
		for i, a := range arts {
			all = append(all, mod.samples(a, i)...)
		}
		names, pos := featureNames(all), 0
		for _, s := range all {
			if s.right {
				pos++
			}
		}
		t.Logf("%s: %d articles, %d samples, %d right", mod.name, len(arts), len(all), pos)
		for _, th := range []float64{0.3, 0.5, 0.6, 0.65, 0.7} {
			var cv tally
			for fold := 0; fold < 5; fold++ {
				var train []sample
				var test []labelled
				for _, s := range all {
					if s.art%5 != fold {
						train = append(train, s)
					}
				}
				for i, a := range arts {
					if i%5 == fold && a.real {
						test = append(test, a)
					}
				}
				cv.add(tallyWith(test, mod.name, &logit{w: fitLogit(train, names, mod.lambda), threshold: th}))
			}
			t.Logf("%s threshold %.2f, cross-validated (real articles): %s", mod.name, th, cv)
		}
		w, cur := fitLogit(all, names, mod.lambda), models[mod.name]
		if cur == nil {
			cur = &logit{w: map[string]float64{}, threshold: 0.5}
		}
		var real []labelled
		for _, a := range arts {
			if a.real {
				real = append(real, a)
			}
		}
		t.Logf("%s fitted on all, threshold %.2f, in-sample (real articles): %s", mod.name, cur.threshold, tallyWith(real, mod.name, &logit{w: w, threshold: cur.threshold}))
		var b strings.Builder
		for _, n := range append([]string{"bias"}, names...) {
			fmt.Fprintf(&b, "%s\t%s\t%.2f\t%g\n", mod.name, n, w[n], priors[n])
			if d := w[n] - cur.w[n]; d > 0.05 || d < -0.05 {
				t.Errorf("tables/weights.tsv: %s %s is %.2f, the fit gives %.2f", mod.name, n, cur.w[n], w[n])
			}
		}
		fmt.Fprintf(&b, "%s\tthreshold\t%.2f\n", mod.name, cur.threshold)
		t.Logf("fitted weights:\n%s", b.String())
		table = append(table, b.String())
	}
	if os.Getenv("EXTRACT_WRITE") != "" {
		head := "# Logistic models fitted on labelled real articles by TestFitWeights (learn_test.go, EXTRACT_WRITE=1\n" +
			"# rewrites this file): model<TAB>feature<TAB>weight<TAB>prior; the fit draws each weight towards its\n" +
			"# hand-set prior. \"threshold\" is the probability a proposal needs.\n" +
			"# pair: the edge \"counter-claim c answers claim k\" (pair.go, edgeFeatures); claim: a proposal as a claim\n" +
			"# a reviewer keeps (propose.go, claimFeatures).\n"
		if err := os.WriteFile("tables/weights.tsv", []byte(head+strings.Join(table, "")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// tableOf is a model's rows as tables/weights.tsv holds them.
func tableOf(name string) string {
	var b strings.Builder
	readPriors(name)
	m := models[name]
	if m == nil {
		return ""
	}
	for _, n := range sortedKeys(m.w) {
		if n != "threshold" {
			fmt.Fprintf(&b, "%s\t%s\t%.2f\t%g\n", name, n, m.w[n], priors[n])
		}
	}
	fmt.Fprintf(&b, "%s\tthreshold\t%.2f\n", name, m.threshold)
	return b.String()
}

// readPriors reads the fourth column of tables/weights.tsv for model name.
func readPriors(name string) {
	priors = map[string]float64{}
	for _, row := range tableRows("weights.tsv") {
		if row[0] == name && len(row) > 3 {
			priors[row[1]], _ = strconv.ParseFloat(row[3], 64)
		}
	}
}

func featureNames(ss []sample) []string {
	seen := map[string]bool{}
	for _, s := range ss {
		for n := range s.f {
			seen[n] = true
		}
	}
	return sortedKeys(seen)
}

func sortedKeys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
