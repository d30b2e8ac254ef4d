package extract

import (
	"embed"
	"math"
	"strconv"
	"strings"
)

// The rules are data: word lists, the verbs that attribute words to
// someone, and the attribution patterns, each pattern with an example
// sentence that its test runs.

//go:embed tables/*.tsv
var tableFS embed.FS

// lex holds the word lists of tables/lexicon.tsv by name; a phrase "a_b"
// is stored as "a b".
var lex = map[string]map[string]bool{}

// cue is an attributing word: its class and whether it reports a clause
// only after "that", a colon or a quotation.
type cue struct {
	class    string
	needThat bool
}

// cues maps a lower-case form ("denied", "hit back") to its cue.
var cues = map[string]cue{}

func init() {
	for _, row := range tableRows("lexicon.tsv") {
		m := map[string]bool{}
		for _, w := range strings.Fields(row[1]) {
			m[strings.ReplaceAll(w, "_", " ")] = true
		}
		lex[row[0]] = m
	}
	for _, row := range tableRows("cues.tsv") {
		cues[strings.ReplaceAll(row[0], "_", " ")] = cue{class: row[1], needThat: len(row) > 2 && strings.Contains(row[2], "t")}
	}
	for _, row := range tableRows("weights.tsv") {
		m := models[row[0]]
		if m == nil {
			m = &logit{w: map[string]float64{}}
			models[row[0]] = m
		}
		v, err := strconv.ParseFloat(row[2], 64)
		if err != nil {
			panic(err)
		}
		if m.w[row[1]] = v; row[1] == "threshold" {
			m.threshold = v
		}
	}
	for _, row := range tableRows("patterns.tsv") {
		patterns = append(patterns, compilePattern(row))
	}
}

// logit is a logistic model of tables/weights.tsv: a weight per feature
// (fitted on labelled articles), and the probability a proposal needs.
type logit struct {
	w         map[string]float64
	threshold float64
}

// models are the rows of tables/weights.tsv by their first column.
var models = map[string]*logit{}

// prob is the model's probability for the given feature values.
func (m *logit) prob(f map[string]float64) float64 {
	s := m.w["bias"]
	for name, v := range f {
		s += m.w[name] * v
	}
	return 1 / (1 + math.Exp(-s))
}

// tableRows reads a tab-separated table, skipping comments and blank lines.
func tableRows(name string) [][]string {
	b, err := tableFS.ReadFile("tables/" + name)
	if err != nil {
		panic(err)
	}
	var out [][]string
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Split(line, "\t"))
	}
	return out
}

// in reports whether the lower-case word w is in the named list.
func in(list, w string) bool { return lex[list][w] }

// phraseAt reports the length in tokens of the longest phrase of the named
// list that starts at token i (0 when none does).
func (d *document) phraseAt(list string, i int) int {
	best := 0
	w := ""
	for k := i; k < len(d.toks) && k < i+4; k++ {
		if k > i {
			w += " "
		}
		w += d.toks[k].low
		if lex[list][w] {
			best = k - i + 1
		}
	}
	return best
}

// lexRaw is the raw row of a word list, for lists of pairs ("a=b").
func lexRaw(list string) string {
	var b strings.Builder
	for w := range lex[list] {
		b.WriteString(w + " ")
	}
	return b.String()
}
