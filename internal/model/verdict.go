package model

import "strings"

// Verdict is the reviewers' conclusion about a claim, on a small fixed
// scale that maps onto schema.org ClaimReview ratings.
type Verdict string

// The verdict scale, from best to worst rating, then the two verdicts that
// carry no rating.
const (
	True         Verdict = "true"
	MostlyTrue   Verdict = "mostly-true"
	Mixed        Verdict = "mixed"
	Misleading   Verdict = "misleading"
	False        Verdict = "false"
	Unverifiable Verdict = "unverifiable"
	Unreviewed   Verdict = "unreviewed"
)

// Rating scale bounds for ClaimReview's reviewRating.
const (
	WorstRating = 1
	BestRating  = 5
)

var verdictInfo = map[Verdict]struct {
	label  string
	rating int // 0: no rating
}{
	True:         {"True", 5},
	MostlyTrue:   {"Mostly true", 4},
	Mixed:        {"Mixed", 3},
	Misleading:   {"Misleading", 2},
	False:        {"False", 1},
	Unverifiable: {"Unverifiable", 0},
	Unreviewed:   {"Unreviewed", 0},
}

// Verdicts lists the scale in display order: unreviewed first, then from
// true to false, then unverifiable.
func Verdicts() []Verdict {
	return []Verdict{Unreviewed, True, MostlyTrue, Mixed, Misleading, False, Unverifiable}
}

// Valid reports whether v is on the scale.
func (v Verdict) Valid() bool { _, ok := verdictInfo[v]; return ok }

// Label is the verdict as a person reads it, e.g. "Mostly true".
func (v Verdict) Label() string {
	if info, ok := verdictInfo[v]; ok {
		return info.label
	}
	return string(v)
}

// Rating is the verdict's ClaimReview ratingValue between WorstRating and
// BestRating; ok is false for verdicts that carry no rating (unreviewed,
// unverifiable).
func (v Verdict) Rating() (value int, ok bool) {
	info := verdictInfo[v]
	return info.rating, info.rating != 0
}

// ParseVerdict reads a verdict from its value ("mostly-true") or its label
// ("Mostly true"), ignoring case, spaces, hyphens and underscores.
func ParseVerdict(s string) (Verdict, error) {
	key := verdictKey(s)
	if key == "" {
		return Unreviewed, nil
	}
	for _, v := range Verdicts() {
		if verdictKey(string(v)) == key {
			return v, nil
		}
	}
	return "", invalid("verdict %q is not one of %s", s, joinVerdicts())
}

func verdictKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '\t':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

func joinVerdicts() string {
	var s []string
	for _, v := range Verdicts() {
		s = append(s, string(v))
	}
	return strings.Join(s, ", ")
}
