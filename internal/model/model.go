// Package model holds the plain types a fact-checker records — actors,
// sources, claims, links between claims, annotations and verdicts — and
// their validation. It does no I/O.
package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Sentinel errors that callers (the store, the UI, the CLI) test for with
// errors.Is. Errors returned by Validate wrap ErrInvalid.
var (
	ErrInvalid  = errors.New("invalid")
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("conflict")
	ErrInUse    = errors.New("in use")
)

// Limits that keep a single field from swallowing a whole article by
// mistake, sized for real fact-check data: PolitiFact, Snopes and ClaimsKG
// exports hold statements of a few hundred characters, speaker names with
// their titles and topic tags of up to a couple of hundred.
const (
	MaxStatementLen = 5000
	MaxQuoteLen     = 20000
	MaxNameLen      = 500
	MaxTagLen       = 500
)

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// checkText reports an error when s is not valid UTF-8, holds a control
// character other than tab and line breaks, or is longer than max
// characters.
func checkText(field, s string, max int) error {
	if !utf8.ValidString(s) {
		return invalid("%s is not valid UTF-8", field)
	}
	if i := strings.IndexFunc(s, isForbiddenControl); i >= 0 {
		return invalid("%s holds the control character %U at byte %d", field, []rune(s[i:])[0], i)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return invalid("%s is %d characters long; the limit is %d", field, n, max)
	}
	return nil
}

func isForbiddenControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f
}

// ActorKind says what sort of party an actor is.
type ActorKind string

// The actor kinds.
const (
	KindGovernment   ActorKind = "government"
	KindPerson       ActorKind = "person"
	KindMilitary     ActorKind = "military"
	KindParty        ActorKind = "party"
	KindGroup        ActorKind = "militant-group"
	KindOrganisation ActorKind = "organisation"
	KindOutlet       ActorKind = "outlet"
	KindOther        ActorKind = "other"
)

// ActorKinds lists every kind in display order.
func ActorKinds() []ActorKind {
	return []ActorKind{KindGovernment, KindPerson, KindMilitary, KindParty, KindGroup, KindOrganisation, KindOutlet, KindOther}
}

// Valid reports whether k is one of ActorKinds.
func (k ActorKind) Valid() bool {
	for _, v := range ActorKinds() {
		if k == v {
			return true
		}
	}
	return false
}

// Actor is whoever asserts, denies or is the subject of a claim.
type Actor struct {
	ID      string
	Name    string // canonical name
	Kind    ActorKind
	Aliases []string // other names the same actor goes by, e.g. "Kabul"
}

// Validate checks the actor's fields and normalises whitespace in place.
func (a *Actor) Validate() error {
	a.Name = strings.TrimSpace(a.Name)
	if a.ID == "" {
		return invalid("actor has no id")
	}
	if a.Name == "" {
		return invalid("actor name is required")
	}
	if err := checkText("actor name", a.Name, MaxNameLen); err != nil {
		return err
	}
	if a.Kind == "" {
		a.Kind = KindOther
	}
	if !a.Kind.Valid() {
		return invalid("actor kind %q is not one of %s", a.Kind, joinKinds())
	}
	aliases, err := cleanList("alias", a.Aliases, MaxNameLen)
	if err != nil {
		return err
	}
	// An alias equal to the name adds nothing.
	out := aliases[:0]
	for _, al := range aliases {
		if !strings.EqualFold(al, a.Name) {
			out = append(out, al)
		}
	}
	a.Aliases = out
	return nil
}

func joinKinds() string {
	var s []string
	for _, k := range ActorKinds() {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

// Source is where a claim was reported: an article, a broadcast, a post.
// Fields that the material does not give stay empty.
type Source struct {
	ID        string
	Title     string
	Outlet    string
	URL       string
	Published string // a Date: YYYY, YYYY-MM or YYYY-MM-DD, or empty
	Text      string // the article text, when stored
}

// Validate checks the source's fields and normalises whitespace in place.
func (s *Source) Validate() error {
	s.Title = strings.TrimSpace(s.Title)
	s.Outlet = strings.TrimSpace(s.Outlet)
	s.URL = strings.TrimSpace(s.URL)
	s.Published = strings.TrimSpace(s.Published)
	if s.ID == "" {
		return invalid("source has no id")
	}
	if s.Title == "" {
		return invalid("source title is required")
	}
	for _, f := range []struct{ name, v string }{{"source title", s.Title}, {"outlet", s.Outlet}, {"source URL", s.URL}} {
		if err := checkText(f.name, f.v, MaxStatementLen); err != nil {
			return err
		}
	}
	if err := checkText("source text", s.Text, 1<<24); err != nil {
		return err
	}
	if s.URL != "" && !IsWebURL(s.URL) {
		return invalid("source URL %q must start with http:// or https://", s.URL)
	}
	if err := ValidateDate("publication date", s.Published); err != nil {
		return err
	}
	return nil
}

// IsWebURL reports whether u is an absolute http or https URL with a host:
// the only links the app will open.
func IsWebURL(u string) bool {
	l := strings.ToLower(u)
	var rest string
	switch {
	case strings.HasPrefix(l, "https://"):
		rest = u[len("https://"):]
	case strings.HasPrefix(l, "http://"):
		rest = u[len("http://"):]
	default:
		return false
	}
	host := rest
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	return host != "" && !strings.ContainsAny(u, " \t\r\n")
}

// ValidateDate accepts an empty string or a date as precise as the source
// allows: "2024", "2024-03" or "2024-03-26".
func ValidateDate(field, d string) error {
	if d == "" {
		return nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(d) == len(layout) {
			if _, err := time.Parse(layout, d); err == nil {
				return nil
			}
		}
	}
	return invalid("%s %q is not a date like 2024, 2024-03 or 2024-03-26", field, d)
}

// Claim is one assertion by one actor.
type Claim struct {
	ID         string
	Statement  string   // what is asserted, in the reviewer's words
	Quote      string   // the verbatim words from the source
	ActorID    string   // who asserts it
	SubjectIDs []string // whom it is about
	SourceID   string   // where it was reported; may be empty
	MadeOn     string   // when it was made, a Date; may be empty
	Verdict    Verdict
	Tags       []string
	Review     Review // the published fact-check, when there is one
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Review is the published fact-check behind a claim's verdict: where it
// is, why the rating, and when it was published. Each part may be empty.
type Review struct {
	URL         string // the fact-check article itself (ClaimReview url)
	Explanation string // why the rating (ClaimReview ratingExplanation)
	Published   string // a Date (ClaimReview datePublished)
}

// Validate checks the review's parts and trims them in place.
func (r *Review) Validate() error {
	r.URL = strings.TrimSpace(r.URL)
	r.Explanation = strings.TrimSpace(r.Explanation)
	r.Published = strings.TrimSpace(r.Published)
	if err := checkText("review URL", r.URL, MaxStatementLen); err != nil {
		return err
	}
	if r.URL != "" && !IsWebURL(r.URL) {
		return invalid("review URL %q must start with http:// or https://", r.URL)
	}
	if err := checkText("rating explanation", r.Explanation, MaxQuoteLen); err != nil {
		return err
	}
	return ValidateDate("review date", r.Published)
}

// Validate checks the claim's fields and normalises them in place:
// whitespace trimmed, tags lower-cased and de-duplicated.
func (c *Claim) Validate() error {
	c.Statement = strings.TrimSpace(c.Statement)
	c.Quote = strings.TrimSpace(c.Quote)
	c.MadeOn = strings.TrimSpace(c.MadeOn)
	if c.ID == "" {
		return invalid("claim has no id")
	}
	if c.Statement == "" {
		return invalid("claim statement is required")
	}
	if err := checkText("statement", c.Statement, MaxStatementLen); err != nil {
		return err
	}
	if err := checkText("quote", c.Quote, MaxQuoteLen); err != nil {
		return err
	}
	if c.ActorID == "" {
		return invalid("claim needs the actor who makes it")
	}
	if err := ValidateDate("date made", c.MadeOn); err != nil {
		return err
	}
	if err := c.Review.Validate(); err != nil {
		return err
	}
	if c.Verdict == "" {
		c.Verdict = Unreviewed
	}
	if !c.Verdict.Valid() {
		return invalid("verdict %q is not one of %s", c.Verdict, joinVerdicts())
	}
	tags, err := NormaliseTags(c.Tags)
	if err != nil {
		return err
	}
	c.Tags = tags
	subjects, err := cleanList("subject", c.SubjectIDs, MaxNameLen)
	if err != nil {
		return err
	}
	c.SubjectIDs = subjects
	return nil
}

// NormaliseTags trims, lower-cases and de-duplicates tags, keeping their
// order. A tag may not contain a comma or a semicolon, which separate tags in
// exported files.
func NormaliseTags(tags []string) ([]string, error) {
	lowered := make([]string, 0, len(tags))
	for _, t := range tags {
		t = strings.ToLower(strings.TrimSpace(t))
		if strings.ContainsAny(t, ",;\n\r\t") {
			return nil, invalid("tag %q may not contain a comma, semicolon or line break", t)
		}
		lowered = append(lowered, t)
	}
	return cleanList("tag", lowered, MaxTagLen)
}

// cleanList trims items, drops empty ones and case-insensitive duplicates.
func cleanList(field string, items []string, max int) ([]string, error) {
	out := make([]string, 0, len(items))
	seen := make(map[string]bool, len(items))
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		if err := checkText(field, it, max); err != nil {
			return nil, err
		}
		key := strings.ToLower(it)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, it)
	}
	return out, nil
}

// Relation is the type of a link from one claim to the claim it answers.
type Relation string

// The relations. A link "B denies A" is stored From=B, To=A.
const (
	Denies      Relation = "denies"
	Disputes    Relation = "disputes"
	Contradicts Relation = "contradicts"
	Supports    Relation = "supports"
)

// Relations lists every relation, opposing ones first.
func Relations() []Relation { return []Relation{Denies, Disputes, Contradicts, Supports} }

// Valid reports whether r is one of Relations.
func (r Relation) Valid() bool {
	for _, v := range Relations() {
		if r == v {
			return true
		}
	}
	return false
}

// Opposes reports whether a claim linked with r is a counter-claim: denies,
// disputes and contradicts oppose; supports does not.
func (r Relation) Opposes() bool { return r == Denies || r == Disputes || r == Contradicts }

// Link says that claim FromID answers claim ToID with Relation.
type Link struct {
	FromID   string
	ToID     string
	Relation Relation
}

// Validate checks the link.
func (l Link) Validate() error {
	if l.FromID == "" || l.ToID == "" {
		return invalid("a link needs two claims")
	}
	if l.FromID == l.ToID {
		return invalid("a claim cannot answer itself")
	}
	if !l.Relation.Valid() {
		var s []string
		for _, r := range Relations() {
			s = append(s, string(r))
		}
		return invalid("relation %q is not one of %s", l.Relation, strings.Join(s, ", "))
	}
	return nil
}

// Annotation is a reviewer's note on a claim. Notes form a history: they are
// added, never edited.
type Annotation struct {
	ID        string
	ClaimID   string
	Author    string
	Text      string
	CreatedAt time.Time
}

// Validate checks the note and trims its fields in place.
func (n *Annotation) Validate() error {
	n.Author = strings.TrimSpace(n.Author)
	n.Text = strings.TrimSpace(n.Text)
	if n.ID == "" || n.ClaimID == "" {
		return invalid("note has no id or claim")
	}
	if n.Author == "" {
		return invalid("note author is required (set your reviewer name)")
	}
	if n.Text == "" {
		return invalid("note text is empty")
	}
	if err := checkText("note author", n.Author, MaxNameLen); err != nil {
		return err
	}
	return checkText("note", n.Text, MaxQuoteLen)
}
