package csvio

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"claims/internal/model"
)

// Mapping says which column (0-based) of another tool's file holds which
// field. Fields not in the map are left empty.
type Mapping map[Field]int

// key lower-cases s and keeps only its letters and digits, so "Claim_Text",
// "claim text" and "claimText" compare equal.
func key(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// fieldNames maps header names (as keys) to fields: the claims shape's own
// names first, then what other tools call them. Guessing uses it for
// headers, --map for field names.
var fieldNames = func() map[string]Field {
	m := map[string]Field{}
	for _, f := range ClaimsColumns() {
		m[key(string(f))] = f
	}
	add := func(f Field, names ...string) {
		for _, n := range names {
			m[key(n)] = f
		}
	}
	add(FID, "claim id", "claim_id", "identifier")
	add(FStatement, "claim", "claim text", "claimReviewed", "claim reviewed", "text", "assertion", "statement text")
	add(FQuote, "verbatim", "quotation", "verbatim quote")
	add(FActor, "claimant", "speaker", "said by", "author", "claim author", "person", "who", "asserted by",
		"statement originator", "originator", "speaker name", "claimant name", "source of claim", "claimer")
	add(FActorKind, "kind", "claimant type", "actor type", "speaker type")
	add(FActorAliases, "aliases", "alias")
	add(FSubjects, "about", "targets", "subject actors")
	add(FSourceTitle, "source", "source name", "title", "headline", "article", "article title")
	add(FOutlet, "publisher", "publisher name", "publication", "site", "medium", "outlet name")
	add(FURL, "source url", "link", "source link", "article url", "appearance", "claim url")
	add(FPublished, "published", "date published", "publication date", "published on", "source date", "publish date")
	add(FMadeOn, "made on", "date", "claim date", "statement date", "when", "date of claim")
	add(FVerdict, "rating", "textual rating", "textualRating", "ruling", "label", "truth rating",
		"alternateName", "conclusion", "rating name")
	add(FTags, "tag", "topics", "topic", "categories", "category", "keywords")
	add(FNotes, "note", "comment", "comments", "annotation", "annotations", "explanation")
	add(FCounterIDs, "counter claim ids", "counterclaim ids")
	return m
}()

// ParseField reads a field name as --map takes it: the claims shape's
// column name ("date made", "date-made") or a common synonym ("claimant").
func ParseField(name string) (Field, error) {
	if f, ok := fieldNames[key(name)]; ok {
		return f, nil
	}
	var names []string
	for _, f := range ClaimsColumns() {
		names = append(names, strings.ReplaceAll(string(f), " ", "-"))
	}
	return "", fmt.Errorf("%w: %q is not a field; fields are %s", model.ErrInvalid, name, strings.Join(names, ", "))
}

// GuessMapping guesses from a header row which column holds which field.
// The first column that names a field wins it.
func GuessMapping(header []string) Mapping {
	m := Mapping{}
	for i, h := range header {
		if f, ok := fieldNames[key(Restore(strings.TrimSpace(h)))]; ok {
			if _, taken := m[f]; !taken {
				m[f] = i
			}
		}
	}
	return m
}

// ParseMapping reads a --map specification: comma-separated field=column
// pairs, the column a 1-based number or a header name ("statement=3,
// actor=Speaker"). A pair with an empty column or "-" unmaps the field.
// The result starts from base (a guess, or nil) and applies the pairs.
func ParseMapping(spec string, header []string, base Mapping) (Mapping, error) {
	m := Mapping{}
	for f, i := range base {
		m[f] = i
	}
	for _, pair := range strings.Split(spec, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		name, col, ok := strings.Cut(pair, "=")
		if !ok {
			return nil, fmt.Errorf("%w: --map: %q is not field=column", model.ErrInvalid, pair)
		}
		f, err := ParseField(name)
		if err != nil {
			return nil, fmt.Errorf("--map: %w", err)
		}
		col = strings.TrimSpace(col)
		if col == "" || col == "-" {
			delete(m, f)
			continue
		}
		if n, err := strconv.Atoi(col); err == nil {
			if n < 1 {
				return nil, fmt.Errorf("%w: --map: column %d for %s; columns count from 1", model.ErrInvalid, n, f)
			}
			m[f] = n - 1
			continue
		}
		found := -1
		for i, h := range header {
			if key(h) == key(col) {
				found = i
				break
			}
		}
		if found < 0 {
			if header == nil {
				return nil, fmt.Errorf("%w: --map: %s=%q names a column, but the file has no header; give its number", model.ErrInvalid, f, col)
			}
			return nil, fmt.Errorf("%w: --map: no column is headed %q", model.ErrInvalid, col)
		}
		m[f] = found
	}
	return m, nil
}

// String writes the mapping as --map takes it, 1-based, in column order.
func (m Mapping) String() string {
	type fc struct {
		f Field
		c int
	}
	var list []fc
	for f, c := range m {
		list = append(list, fc{f, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].c != list[j].c {
			return list[i].c < list[j].c
		}
		return list[i].f < list[j].f
	})
	parts := make([]string, len(list))
	for i, x := range list {
		parts[i] = strings.ReplaceAll(string(x.f), " ", "-") + "=" + strconv.Itoa(x.c+1)
	}
	return strings.Join(parts, ",")
}

// VerdictLabels is the built-in table that reads other fact-checkers'
// rating labels, keyed as key() normalises them (case, spaces and
// punctuation ignored). The scale's own values and labels are read too.
var VerdictLabels = map[string]model.Verdict{
	// true
	"correct": model.True, "accurate": model.True, "truthful": model.True, "verified": model.True,
	"geppettocheckmark": model.True,
	// mostly true
	"mostlytrue": model.MostlyTrue, "largelytrue": model.MostlyTrue, "mostlyaccurate": model.MostlyTrue,
	"onepinocchio": model.MostlyTrue,
	// mixed
	"halftrue": model.Mixed, "mixture": model.Mixed, "mixed": model.Mixed, "partlytrue": model.Mixed,
	"partiallytrue": model.Mixed, "halfaccurate": model.Mixed, "twopinocchios": model.Mixed,
	"truebutmisleading": model.Misleading,
	// misleading: true in part but leaving a false impression
	"mostlyfalse": model.Misleading, "partlyfalse": model.Misleading, "partiallyfalse": model.Misleading,
	"missingcontext": model.Misleading, "lackscontext": model.Misleading, "outofcontext": model.Misleading,
	"needscontext": model.Misleading, "exaggerated": model.Misleading, "exaggeration": model.Misleading,
	"distorted": model.Misleading, "cherrypicks": model.Misleading, "spin": model.Misleading,
	"threepinocchios": model.Misleading, "altered": model.Misleading,
	// false
	"pantsfire": model.False, "pantsonfire": model.False, "incorrect": model.False, "inaccurate": model.False,
	"fake": model.False, "fabricated": model.False, "falso": model.False, "wrong": model.False,
	"fourpinocchios": model.False, "baseless": model.False, "hoax": model.False, "scam": model.False,
	"untrue": model.False, "bogus": model.False,
	// cannot be established
	"unproven": model.Unverifiable, "unsupported": model.Unverifiable, "noevidence": model.Unverifiable,
	"unverified": model.Unverifiable, "notverifiable": model.Unverifiable, "unsubstantiated": model.Unverifiable,
	"insufficientevidence": model.Unverifiable, "researchinprogress": model.Unverifiable,
	"undetermined": model.Unverifiable, "inconclusive": model.Unverifiable,
	// older and other-language labels
	"barelytrue": model.Misleading, "halftruth": model.Mixed, "nottrue": model.False, "misattributed": model.False,
	"vrai": model.True, "verdadero": model.True, "verdadeiro": model.True, "faux": model.False,
	"engañoso": model.Misleading, "enganoso": model.Misleading, "trompeur": model.Misleading,
	"impreciso": model.Misleading, "sincontexto": model.Misleading, "fueradecontexto": model.Misleading,
	// not yet reviewed
	"notrated": model.Unreviewed, "unrated": model.Unreviewed, "pending": model.Unreviewed,
}

// VerdictMap reads rating labels: user overrides first, then the built-in
// table, then the scale's own names. The label "*" in the overrides sets
// the verdict for every label nothing else knows.
type VerdictMap map[string]model.Verdict

// ParseVerdictMap reads --verdict-map values: LABEL=VERDICT pairs separated
// by ";" or line breaks (commas may appear in labels).
func ParseVerdictMap(specs ...string) (VerdictMap, error) {
	vm := VerdictMap{}
	for _, spec := range specs {
		for _, pair := range strings.FieldsFunc(spec, func(r rune) bool { return r == ';' || r == '\n' }) {
			if strings.TrimSpace(pair) == "" {
				continue
			}
			i := strings.LastIndex(pair, "=")
			if i < 0 {
				return nil, fmt.Errorf("%w: --verdict-map: %q is not LABEL=VERDICT", model.ErrInvalid, pair)
			}
			v, err := model.ParseVerdict(pair[i+1:])
			if err != nil || strings.TrimSpace(pair[i+1:]) == "" {
				return nil, fmt.Errorf("--verdict-map %q: %w", pair, err)
			}
			label := strings.TrimSpace(pair[:i])
			if label == "*" {
				vm["*"] = v
			} else {
				vm[key(label)] = v
			}
		}
	}
	return vm, nil
}

// errUnknownLabel is the error of a label no table reads.
var errUnknownLabel = fmt.Errorf("%w: rating label not known", model.ErrInvalid)

// Verdict reads one label: case, spaces and punctuation do not count
// ("False.", "Misleading!", "Pants on Fire!"). A label nothing reads gives
// an error wrapping errUnknownLabel; no verdict is ever guessed.
func (vm VerdictMap) Verdict(label string) (model.Verdict, error) {
	k := key(label)
	if k == "" {
		return model.Unreviewed, nil
	}
	if v, ok := vm[k]; ok {
		return v, nil
	}
	if v, err := model.ParseVerdict(k); err == nil {
		return v, nil
	}
	if v, ok := VerdictLabels[k]; ok {
		return v, nil
	}
	if v, ok := vm["*"]; ok {
		return v, nil
	}
	return "", fmt.Errorf("%w: %q", errUnknownLabel, strings.TrimSpace(label))
}

// UnknownLabelsError lists every rating label of a file that nothing
// reads, with how many rows carry each and the first of them.
type UnknownLabelsError struct {
	Labels []UnknownLabel // in the order they first appear
}

// UnknownLabel is one label nothing reads.
type UnknownLabel struct {
	Label string
	Rows  int
	Line  int // the first
}

func (e *UnknownLabelsError) add(label string, line int) {
	for i := range e.Labels {
		if e.Labels[i].Label == label {
			e.Labels[i].Rows++
			return
		}
	}
	e.Labels = append(e.Labels, UnknownLabel{Label: label, Rows: 1, Line: line})
}

// Is makes errors.Is(err, model.ErrInvalid) true.
func (e *UnknownLabelsError) Is(target error) bool { return target == model.ErrInvalid }

// Suggestion is a --verdict-map for the unknown labels with a blank to
// fill in for each: the app does not guess what another fact-checker's
// rating means.
func (e *UnknownLabelsError) Suggestion() string {
	parts := make([]string, len(e.Labels))
	for i, l := range e.Labels {
		parts[i] = l.Label + "=…"
	}
	return strings.Join(parts, ";")
}

func (e *UnknownLabelsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d rating label(s) are not known:", len(e.Labels))
	for _, l := range e.Labels {
		rows := "rows"
		if l.Rows == 1 {
			rows = "row"
		}
		fmt.Fprintf(&b, "\n  %q: %d %s, first on line %d", l.Label, l.Rows, rows, l.Line)
	}
	fmt.Fprintf(&b, "\nSay what each means on the app's scale (%s), replacing each … in\n  --verdict-map %q\n"+
		"or import them all as unreviewed with --verdict-map \"*=unreviewed\"", scaleNames(), e.Suggestion())
	return b.String()
}

func scaleNames() string {
	var s []string
	for _, v := range model.Verdicts() {
		s = append(s, string(v))
	}
	return strings.Join(s, ", ")
}
