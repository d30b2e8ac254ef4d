package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"claims/internal/model"
)

// dismissive matches a reported clause that calls a claim untrue.
var dismissive = regexp.MustCompile(`(?i)^(?:that\s+)?((?:the|these|those|such|this|his|her|their|its|all)\s+(?:\w+\s+){0,2}?(?:allegations?|claims?|accusations?|charges?|reports?|assertions?|documents|files|figures|findings|video|recording|images|photos|remarks|comments|statements?|words))\s+(?:were|are|was|is|had\s+been|have\s+been)\s+["“]?(?:\w+\s+){0,2}?["“]?(?:false|baseless|untrue|unfounded|groundless|without\s+merit|completely\s+without\s+merit|nonsense|fabricated|lies|a\s+lie|politically\s+motivated|fake|absurd|ridiculous|misleading|inaccurate|wrong|malicious|a\s+fabrication|propaganda|taken\s+out\s+of\s+context|doctored|forged|exaggerated|not\s+true)`)

// thisDismissive matches a clause that calls what was just said untrue:
// "This is simply not true", "That is a lie".
var thisDismissive = regexp.MustCompile(`(?i)^["“]?(this|that|it)\s+(?:is|was)\s+(?:also\s+|simply\s+|just\s+|completely\s+|totally\s+|absolutely\s+)?(?:not\s+true|untrue|false|a\s+lie|lies|nonsense|rubbish|fake\s+news|misinformation|disinformation|a\s+myth|a\s+hoax|baseless|an?\s+(?:\w+\s+)?smear|a\s+witch[\s-]hunt|politically\s+motivated|a\s+fabrication|pure\s+speculation|speculation)\b`)

// Unnamed is the actor proposed for an accusation whose accuser the
// article does not name ("The government has been accused of …"); the
// reviewer replaces it with whoever made the accusation.
var Unnamed = Actor{Name: "Unnamed accuser", Kind: model.KindOther, Mention: ""}

// emitClaim turns a finding into one proposal per asserting party ("NATO
// and US officials said …" gives two).
func (a *article) emitClaim(si int, f finding) {
	a.lastSubj = f.subj
	// "X said the allegations were baseless": a denial in other words.
	if f.kind == kAssert && f.content.End > f.content.Start {
		m := dismissive.FindStringSubmatchIndex(a.text[f.content.Start:f.content.End])
		if m == nil {
			m = thisDismissive.FindStringSubmatchIndex(a.text[f.content.Start:f.content.End])
		}
		if m != nil {
			d := f
			d.kind, d.ref, d.relation = kDeny, true, model.Denies
			d.object = Span{f.content.Start + m[2], f.content.Start + m[3]}
			d.extra = f.content
			before := len(a.props)
			if target := a.denialTarget(si, d); target >= 0 {
				a.addDenials(si, d.subj, d.verb, d.quote, d.extra, target)
				if len(a.props) > before {
					return
				}
			}
		}
	}
	// "The club said in a statement that it “categorically denies any
	// involvement”": the speaker's own denial, reported.
	if f.kind == kAssert && f.content.End > f.content.Start {
		if m := saidItDenies.FindStringSubmatchIndex(a.text[f.content.Start:f.content.End]); m != nil {
			at := f.content.Start
			d := f
			d.kind, d.ref = kDeny, true
			d.verb = strings.ToLower(a.text[at+m[2] : at+m[3]])
			d.relation = model.Relation(denyVerbs[d.verb])
			d.object = trimSpan(a.text, Span{at + m[4], at + m[5]})
			d.object.End = d.object.Start + len(strings.TrimRight(a.text[d.object.Start:d.object.End], "\"”'’.!?"))
			d.extra = Span{}
			if m[6] >= 0 {
				d.extra = a.clauseEnd(Span{at + m[6], f.content.End})
			}
			before := len(a.props)
			a.emitDenial(si, d)
			if len(a.props) > before {
				return
			}
		}
	}
	speakers := a.resolveParties(f.subj)
	if f.unnamed {
		speakers = []Actor{Unnamed}
	}
	// "It said …", "They claimed …": the body that spoke just before.
	for i, sp := range speakers {
		if low := strings.ToLower(sp.Mention); sp.Kind == "" && (low == "it" || low == "they" || low == "we") {
			if x, ok := a.lastBodySpeaker(si, low == "they"); ok {
				x.Mention = sp.Mention
				speakers[i] = x
			}
		}
		// "The Free Hills Movement denied firing … the group said …": a
		// bare "the group" (movement, organisation) is the named body
		// that spoke just before.
		if low := strings.ToLower(sp.Mention); !sp.Known() && (low == "the group" || low == "the movement" || low == "the organisation" || low == "the organization") {
			if x, ok := a.lastBodySpeaker(si, false); ok && startsCapital(x.Name) && x.Kind != model.KindGovernment {
				x.Mention = sp.Mention
				speakers[i] = x
			}
		}
	}
	if len(speakers) == 0 {
		return
	}
	content := a.text[f.content.Start:f.content.End]
	if strings.TrimSpace(content) == "" {
		return
	}
	if f.kind == kAssert && scheduling.MatchString(cleanClause(content)) {
		// "said it would hold a hearing next month": an announcement of
		// what the speaker will do, not a claim to check.
		return
	}
	var object []Actor
	if f.object.End > f.object.Start {
		object = a.resolveParties(f.object)
		// "Lusenia said Kovar had started the shelling and accused it of
		// targeting civilian homes": "it" is the body named last that is
		// not the speaker.
		if o := strings.ToLower(a.text[f.object.Start:f.object.End]); o == "it" && len(object) == 1 && object[0].Kind == "" && len(speakers) == 1 {
			sp := speakers[0]
			for k := len(a.props) - 1; k >= 0 && si-a.meta[k].sent <= 1 && len(object) == 1 && object[0].Kind == ""; k-- {
				for _, x := range a.props[k].Subjects {
					if x.Kind != "" && x.Kind != model.KindPerson && (x.Kind != model.KindOther || startsCapital(x.Name)) && !sameActor(x, sp) {
						x.Mention = a.text[f.object.Start:f.object.End]
						object = []Actor{x}
						break
					}
				}
			}
		}
	}
	// "Israel and Hamas blamed each other": each blames the other.
	reciprocal := ""
	if f.object.End > f.object.Start && len(speakers) == 2 {
		if o := strings.ToLower(a.text[f.object.Start:f.object.End]); o == "each other" || o == "one another" {
			reciprocal = o
		}
	}
	if len(speakers) == 1 {
		a.unifyDescribed(si, speakers[0])
	}
	for idx, sp := range speakers {
		if sp.Kind == "" { // an unresolved plural reference
			continue
		}
		stmt := a.statement(f, sp, object)
		if stmt == "" {
			continue
		}
		if reciprocal != "" {
			other := speakers[1-idx]
			object = []Actor{other}
			stmt = sentenceCase(a.name(other) + stmt[len(reciprocal):])
		}
		subjects := mergeActors(object, a.subjectsIn(f.content, sp))
		if f.about.End > f.about.Start {
			subjects = mergeActors(subjects, a.subjectsIn(f.about, sp))
		}
		subjects = withoutActor(subjects, sp)
		a.props = append(a.props, Proposal{
			Statement: stmt,
			Quote:     a.text[f.quote.Start:f.quote.End],
			Start:     f.quote.Start, End: f.quote.End,
			Actor: sp, Subjects: subjects, Verb: f.verb, Answers: -1,
		})
		a.meta = append(a.meta, propMeta{kind: f.kind, sent: si})
	}
}

// emitDenial turns a denial into counter-claims: paired with the claim it
// answers when there is one, else a claim of its own.
func (a *article) emitDenial(si int, f finding) {
	a.lastSubj = f.subj
	if f.ref {
		target := a.denialTarget(si, f)
		if target < 0 && involvementDenial(a.text, f) {
			// "Brooks has denied any wrongdoing", with nothing said
			// about Brooks before: a claim of its own.
			what := a.text[f.object.Start:f.object.End]
			for _, sp := range a.resolveParties(f.subj) {
				if sp.Kind == "" {
					continue
				}
				stmt := a.name(sp) + " " + denyPresent(f.relation, a.name(sp)) + " " + what
				if f.verb == "pleaded not guilty" {
					stmt = a.name(sp) + " pleaded not guilty"
				}
				a.props = append(a.props, Proposal{
					Statement: sentenceCase(stmt), Quote: a.text[f.quote.Start:f.quote.End],
					Start: f.quote.Start, End: f.quote.End, Actor: sp, Verb: f.verb, Answers: -1,
				})
				a.meta = append(a.meta, propMeta{kind: kDeny, sent: si, own: true})
			}
			return
		}
		if target < 0 {
			// Left for pairGeneral, which looks further.
			a.pendingDenial(si, f)
			return
		}
		a.addDenials(si, f.subj, f.verb, f.quote, f.extra, target)
		return
	}
	// "X rejected Y's claim that …": Y's claim, then X's denial.
	if f.object.End > f.object.Start {
		obj := a.text[f.object.Start:f.object.End]
		owner := Span{}
		if i := strings.Index(obj, " by "); i > 0 {
			owner = Span{f.object.Start + i + len(" by "), f.object.End}
		} else if i := strings.IndexAny(obj, "'’"); i > 0 {
			owner = Span{f.object.Start, f.object.Start + i}
		} else if w := strings.Fields(obj); len(w) >= 2 && ownedClaimNouns[strings.ToLower(w[len(w)-1])] {
			// "denied opposition claims that …".
			head := strings.Join(w[:len(w)-1], " ")
			if lw := strings.ToLower(head); !determiners[lw] && lw != "these" && lw != "those" && lw != "such" && lw != "the latest" && a.plausibleSpeaker(head) {
				owner = Span{f.object.Start, f.object.Start + strings.LastIndex(obj, " ")}
			}
		}
		if owner.End > owner.Start {
			before := len(a.props)
			a.emitClaim(si, finding{kind: kAccuse, verb: "claim", subj: owner, content: f.content, quote: f.quote, pronounFor: f.subj})
			if len(a.props) > before {
				a.addDenials(si, f.subj, f.verb, f.quote, Span{}, before)
				return
			}
		}
	}
	// "X denied that …": pair it with an earlier claim that says the
	// same, if any.
	content := a.text[f.content.Start:f.content.End]
	best, bestScore := -1, 0.0
	deniers := a.resolveParties(f.subj)
	for i := range a.props {
		if a.meta[i].kind == kDeny {
			continue
		}
		own := false
		for _, d := range deniers {
			own = own || d.Kind != "" && sameActor(d, a.props[i].Actor)
		}
		if own {
			// "Vantor has denied that it delayed the recall" does not
			// answer Vantor's own "is recalling 80,000 cars".
			continue
		}
		s := overlap(content, a.props[i].Statement+" "+a.props[i].Quote)
		if a.headlineProp(i) {
			// The story told again in the body is the better target.
			s /= 2
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	if best >= 0 && bestScore >= 0.35 {
		extra := f.content
		if _, deny := denyVerbs[f.verb]; deny || strings.HasSuffix(f.verb, " gerund") || strings.HasSuffix(f.verb, " object") || dismissVerbs[f.verb] {
			// "denied misleading anyone" says no more than the denial;
			// "called the claim that … false" repeats the claim; "denied
			// that its systems had been breached" is what it denies, not
			// what it says.
			extra = Span{}
		}
		a.addDenials(si, f.subj, f.verb, f.quote, extra, best)
		return
	}
	// "Ortiz has denied knowingly taking any banned substance": what was
	// said about the denier a few sentences back. ("Denied any plans for
	// …" is too loose to pair.)
	// Accusations first, the latest first.
	var order []int
	for _, wantAccuse := range []bool{true, false} {
		for i := len(a.props) - 1; i >= 0 && !strings.HasSuffix(f.verb, " object"); i-- {
			if si-a.meta[i].sent > 6 {
				break
			}
			if (a.meta[i].kind == kAccuse) == wantAccuse {
				order = append(order, i)
			}
		}
	}
	for _, i := range order {
		if a.meta[i].kind == kDeny || a.props[i].IsCounter() {
			continue
		}
		found := false
		for _, d := range a.resolveParties(f.subj) {
			if d.Kind != "" && !sameActor(d, a.props[i].Actor) && a.isAbout(a.props[i], d) {
				found = true
			}
		}
		if found {
			before := len(a.props)
			a.addDenials(si, f.subj, f.verb, f.quote, f.content, i)
			if len(a.props) > before {
				// Say what was denied in the denier's words.
				for k := before; k < len(a.props); k++ {
					a.props[k].Statement = a.denialStatement(a.props[k].Actor, f, content)
				}
				return
			}
		}
	}
	speakers := a.resolveParties(f.subj)
	for _, sp := range speakers {
		if sp.Kind == "" {
			continue
		}
		verb := strings.TrimSuffix(strings.TrimSuffix(f.verb, " gerund"), " object")
		a.props = append(a.props, Proposal{
			Statement: a.denialStatement(sp, f, content),
			Quote:     a.text[f.quote.Start:f.quote.End], Start: f.quote.Start, End: f.quote.End,
			Actor: sp, Subjects: withoutActor(a.subjectsIn(f.content, sp), sp),
			Verb: verb, Answers: -1,
		})
		noun := ""
		if f.object.End > f.object.Start {
			if w := strings.Fields(a.text[f.object.Start:f.object.End]); len(w) > 0 {
				noun = strings.ToLower(w[len(w)-1])
			}
		}
		a.meta = append(a.meta, propMeta{kind: kDeny, sent: si, content: content, relation: f.relation, noun: noun})
	}
}

// denyPresent is the verb of a denial's statement, agreeing with the
// actor's name ("the opponents deny", "Kabul denies").
// denialStatement words a denial with its own clause: "Police deny that
// officers fired", "Ortiz denies knowingly taking any banned substance",
// "Turkey denies any plans for an offensive".
func (a *article) denialStatement(sp Actor, f finding, content string) string {
	clause := a.resolvePronouns(cleanClause(content), sp, f.content.Start)
	that := " that "
	if strings.HasSuffix(f.verb, " gerund") || strings.HasSuffix(f.verb, " object") {
		that = " "
	}
	return sentenceCase(a.name(sp) + " " + denyPresent(f.relation, a.name(sp)) + that + a.lowerStart(clause))
}

// pluralWho reports whether an actor's name takes a plural verb ("the
// opponents", "Opposition lawmakers", "police").
func pluralWho(who string) bool {
	if k := strings.Index(who, " of "); k > 0 {
		// "Organisers of the Sunrise music festival": the head noun.
		who = who[:k]
	}
	f := strings.Fields(who)
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	l := strings.ToLower(last)
	return (!startsCapital(last) && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss")) ||
		l == "police" || l == "authorities" || l == "officials" || l == "forces" || l == "troops" || l == "people"
}

// andSays joins a denier's own words to its denial: ", and says" or, for
// a plural denier, ", and say".
func andSays(who string) string {
	if pluralWho(who) {
		return ", and say "
	}
	return ", and says "
}

// lowerStart lower-cases the first word of a statement embedded in
// another when the article writes that word in lower case somewhere
// ("dispute that unemployment …"): a word capitalised only because it
// began the clause. Names keep their capital.
func (a *article) lowerStart(s string) string {
	// A name of several words keeps its capital: "Consumer Authority",
	// "Government of Borduria's drones".
	if f := strings.Fields(s); len(f) > 1 && startsCapital(f[0]) && (startsCapital(f[1]) || len(f) > 2 && f[1] == "of" && startsCapital(f[2])) {
		return s
	}
	if t := lowerFirst(s); t != s {
		return t
	}
	w := strings.SplitN(s, " ", 2)[0]
	w = strings.TrimRight(w, ",;:.")
	if w == "" || !startsCapital(w) || len(w) < 2 || strings.ToUpper(w) == w {
		return s
	}

	low := strings.ToLower(w[:1]) + w[1:]
	if regexp.MustCompile(`\b` + regexp.QuoteMeta(low) + `\b`).MatchString(a.text) {
		return low + s[len(w):]
	}
	return s
}

// deniedWhat is what a denial of claim t denies, for its statement:
// "that <t's statement>", or, when t is in its speaker's own first-person
// words ("We did not target civilians. Our soldiers …"), which do not
// read after "denies that", "<t's speaker>'s account".
func (a *article) deniedWhat(t Proposal) string {
	body := strings.TrimSuffix(t.Statement, ".")
	first := strings.ToLower(strings.Trim(strings.SplitN(body, " ", 2)[0], "\"“'‘"))
	if firstPerson[first] || strings.Contains(body, ". ") {
		return a.name(t.Actor) + "'s account"
	}
	return "that " + a.lowerStart(body)
}

var firstPerson = set("i", "we", "our", "my", "us", "me", "i'm", "we're", "we've", "i've")

func denyPresent(r model.Relation, who string) string {
	if r == "" {
		r = model.Denies
	}
	plural := pluralWho(who)
	v := "denies"
	switch r {
	case model.Disputes:
		v = "disputes"
	case model.Contradicts:
		v = "contradicts"
	}
	if plural {
		v = map[string]string{"denies": "deny", "disputes": "dispute", "contradicts": "contradict"}[v]
	}
	if r == model.Contradicts {
		v += " the claim"
	}
	return v
}

// denialTarget finds the claim a back-pointing denial answers: the latest
// accusation in this or the two sentences before, else the latest claim,
// not made by the denier.
func (a *article) denialTarget(si int, f finding) int {
	deniers := a.resolveParties(f.subj)
	involvement := involvementDenial(a.text, f)
	same := func(i int) bool {
		for _, d := range deniers {
			// The denier's own claim, or one it has answered already ("a
			// spokesman dismissed the claims" after the ministry rejected
			// the report). A plea and a denial of wrongdoing are one
			// answer, to the same claim.
			if d.Kind != "" && (sameActor(d, a.props[i].Actor) || !involvement && a.alreadyAnswers(d, i)) {
				return true
			}
		}
		return false
	}
	// A party denies what is said about it ("Brooks has denied any
	// wrongdoing"): the latest claim about the denier, a few sentences
	// back at most.
	reach := 6
	if involvement || f.object.End > f.object.Start && backNoun.MatchString(a.text[f.object.Start:f.object.End]) {
		// "any wrongdoing", "these accusations": what was said about the
		// denier may be paragraphs back.
		reach = 12
	}
	for _, wantAccuse := range []bool{true, false} {
		for i := len(a.props) - 1; i >= 0; i-- {
			m := a.meta[i]
			if si-m.sent > reach {
				break
			}
			if m.kind == kDeny || a.props[i].IsCounter() || same(i) || (wantAccuse && m.kind != kAccuse) || a.headlineProp(i) {
				continue
			}
			for _, d := range deniers {
				if d.Kind != "" && a.isAbout(a.props[i], d) {
					return i
				}
			}
		}
	}
	if involvement {
		// Denying "any wrongdoing" answers only what is said about the
		// denier.
		return -1
	}
	if f.object.End > f.object.Start {
		// "called the study alarmist": the study's claim.
		w := strings.Fields(strings.ToLower(a.text[f.object.Start:f.object.End]))
		if head := w[len(w)-1]; documentNouns[head] {
			for i := len(a.props) - 1; i >= 0 && si-a.meta[i].sent <= 8; i-- {
				if !a.props[i].IsCounter() && a.meta[i].kind != kDeny && !same(i) {
					if n := strings.Fields(strings.ToLower(a.props[i].Actor.Name)); len(n) > 0 && n[len(n)-1] == head {
						return i
					}
				}
			}
		}
	}
	window := 2
	if f.object.End > f.object.Start {
		obj := strings.ToLower(a.text[f.object.Start:f.object.End])
		if obj == "this" || obj == "that" || obj == "it" {
			// "That is also false": what was said just before, else a
			// recent allegation ("“This is simply not true,” said …" after
			// a quotation).
			for i := len(a.props) - 1; i >= 0 && si-a.meta[i].sent <= 1; i-- {
				if a.meta[i].kind != kDeny && !a.props[i].IsCounter() && !same(i) && !a.headlineProp(i) {
					// A quotation that illustrates the report before it
					// ("Survivors said the coast guard had towed their
					// boat … “They tied a rope to our boat,” said one"):
					// the report.
					if k := i - 1; k >= 0 && (strings.HasPrefix(a.props[i].Quote, "\"") || strings.HasPrefix(a.props[i].Quote, "“")) &&
						a.meta[k].kind != kDeny && !a.props[k].IsCounter() && !same(k) && si-a.meta[k].sent <= 2 && sharesCommonWord(a.props[i].Statement, a.props[k].Statement) {
						return k
					}
					return i
				}
			}
			window = 4
		}
		if strings.Contains(obj, "allegation") || strings.Contains(obj, "accusation") || strings.Contains(obj, "charge") || strings.Contains(obj, "claims") {
			// "dismissed the allegations": the allegation may be a few
			// sentences back, past quotes and details.
			window = 6
		}
	}
	for _, wantAccuse := range []bool{true, false} {
		for i := len(a.props) - 1; i >= 0; i-- {
			m := a.meta[i]
			if si-m.sent > window || (!wantAccuse && si-m.sent > 2) {
				break
			}
			if m.kind == kDeny || a.props[i].IsCounter() || same(i) || a.headlineProp(i) && !a.onlyHeadline(si) {
				continue
			}
			if wantAccuse && m.kind != kAccuse {
				continue
			}
			if !wantAccuse && i > 0 && strings.HasPrefix(strings.TrimLeft(a.props[i].Quote, " "), "\"") || !wantAccuse && i > 0 && strings.HasPrefix(a.props[i].Quote, "“") {
				// "“Our engineers found a hole …,” the company said" after
				// the company's claim: the claim it repeats.
				if k := i - 1; sameActor(a.props[k].Actor, a.props[i].Actor) && !a.props[k].IsCounter() && a.meta[k].kind != kDeny && si-a.meta[k].sent <= window+1 {
					return k
				}
			}
			return i
		}
	}
	return -1
}

// involvementDenial reports whether a back-pointing denial is about the
// denier's own part ("denied any wrongdoing", "pleaded not guilty") rather
// than about "these allegations".
func involvementDenial(text string, f finding) bool {
	if f.verb == "pleaded not guilty" {
		return true
	}
	if f.object.End <= f.object.Start {
		return false
	}
	w := strings.Fields(strings.ToLower(text[f.object.Start:f.object.End]))
	return len(w) > 0 && involvementNouns[w[len(w)-1]]
}

// alreadyAnswers reports whether x has already answered proposal target:
// a plea and a denial of wrongdoing are one counter-claim.
func (a *article) alreadyAnswers(x Actor, target int) bool {
	for _, p := range a.props {
		if p.Answers == target && sameActor(p.Actor, x) {
			return true
		}
	}
	return false
}

// indefinite reports whether the lower-case text introduces noun with "a"
// or "an", up to three words before it ("a construction firm").
func indefinite(text, noun string) bool {
	w := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' })
	for i, x := range w {
		if x != "a" && x != "an" {
			continue
		}
		for k := i + 1; k < len(w) && k <= i+4; k++ {
			if w[k] == noun {
				return true
			}
		}
	}
	return false
}

// namedIn reports whether the lower-case statement st names x by its
// name or its mention (not "it" or "they").
func namedIn(st string, x Actor) bool {
	for _, n := range []string{x.Name, x.Mention} {
		n = strings.ToLower(strings.TrimSpace(n))
		if len(n) >= 3 && n != "it" && n != "they" && strings.Contains(st, n) {
			return true
		}
	}
	return false
}

// isAbout reports whether claim p is about actor x: x is one of its
// subjects or is named in its statement.
func (a *article) isAbout(p Proposal, x Actor) bool {
	for _, s := range p.Subjects {
		if sameActor(s, x) {
			return true
		}
	}
	st := strings.ToLower(p.Statement)
	if namedIn(st, x) {
		return true
	}
	// "… payments from a construction firm" is about the firm the
	// article goes on to name ("The firm, Halden Build, said …").
	if d := strings.Fields(strings.ToLower(a.descOf(x))); len(d) > 0 && indefinite(st, d[len(d)-1]) {
		return true
	}
	// "Officers had used batons" is about the police; "club stewards"
	// about the club.
	heads := map[string]bool{}
	for _, n := range []string{x.Name, x.Mention, a.descOf(x)} {
		if f := strings.Fields(strings.ToLower(n)); len(f) > 0 {
			heads[f[len(f)-1]] = true
		}
	}
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(st, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words[w] = true
	}
	for h := range heads {
		for _, m := range memberWords[h] {
			if words[m] {
				return true
			}
		}
	}
	return false
}

// addDenials adds the denials by the parties in denier of proposal target.
// A plural reference ("All three parties", "both sides", "they") stands
// for the parties the target claim is about.
func (a *article) addDenials(si int, denier Span, verb string, quote, extra Span, target int) {
	t := a.props[target]
	rel := model.Relation(denyVerbs[strings.TrimSuffix(verb, " gerund")])
	if rel == "" {
		rel = model.Denies
	}
	var parties []Actor
	for _, d := range a.resolveParties(denier) {
		if d.Kind != "" {
			parties = append(parties, d)
			continue
		}
		// Plural reference: the target's subjects, or else the parties
		// named last before it.
		subjects := t.Subjects
		if low := strings.ToLower(d.Mention); low == "it" && strings.HasPrefix(a.text[denier.Start:denier.End], "It") {
			// "Karst Energy said … It called the union's claims
			// “irresponsible”": the body that spoke just before.
			if x, ok := a.lastBodySpeaker(si, false); ok && !sameActor(x, t.Actor) {
				parties = append(parties, x)
				continue
			}
		}
		if low := strings.ToLower(d.Mention); low == "it" || low == "he" || low == "she" {
			// "…, a charge it denies": the party accused.
			if len(subjects) > 0 {
				parties = append(parties, subjects[0])
			}
			continue
		}
		want := d.count
		if want == 0 && len(subjects) < 2 {
			want = 2
		}
		if len(subjects) < want {
			subjects = mergeActors(subjects, a.partiesBefore(t.Start, t.Actor, want, strings.Contains(strings.ToLower(d.Mention), "government")))
		}
		n := len(subjects)
		if d.count > 0 && d.count < n {
			n = d.count
		}
		parties = append(parties, subjects[:n]...)
	}
	for _, p := range parties {
		if sameActor(p, t.Actor) || a.alreadyAnswers(p, target) {
			continue
		}
		stmt := a.name(p) + " " + denyPresent(rel, a.name(p)) + " " + a.deniedWhat(t)
		if extra.End > extra.Start && !willOnly.MatchString(cleanClause(a.text[extra.Start:extra.End])) {
			stmt += andSays(a.name(p)) + lowerFirst(cleanClause(a.text[extra.Start:extra.End]))
		}
		subjects := []Actor{t.Actor}
		a.props = append(a.props, Proposal{
			Statement: sentenceCase(stmt),
			Quote:     a.text[quote.Start:quote.End], Start: quote.Start, End: quote.End,
			Actor: p, Subjects: subjects, Verb: verb, Relation: rel, Answers: target,
		})
		a.meta = append(a.meta, propMeta{kind: kDeny, sent: si})
	}
}

// partiesBefore lists up to n distinct parties named last before position
// at (nearest first), in its sentence and the one before: governments
// only when govOnly. not is left out.
func (a *article) partiesBefore(at int, not Actor, n int, govOnly bool) []Actor {
	floor := 0
	for i, s := range a.sents {
		if s.Start <= at && at <= s.End && i >= 1 {
			floor = a.sents[i-1].Start
		}
	}
	var out []Actor
	for i := len(a.mentions) - 1; i >= 0 && len(out) < n; i-- {
		m := a.mentions[i]
		if m.Start >= at || m.Start < floor {
			continue
		}
		x := m.actor
		if x.Kind == model.KindOther || x.Kind == model.KindOutlet || sameActor(x, not) || (govOnly && x.Kind != model.KindGovernment) {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || sameActor(o, x)
		}
		if !dup {
			out = append(out, x)
		}
	}
	return out
}

// insideName reports whether name ends a longer capitalised name joined
// by "of", "for", "on" or "and": "Police Conduct" in "The Independent
// Office for Police Conduct" is not a person.
func insideName(phrase, name string) bool {
	f := strings.Fields(strings.TrimSuffix(phrase, name))
	if len(f) < 2 {
		return false
	}
	switch strings.ToLower(f[len(f)-1]) {
	case "of", "for", "on", "and", "&":
		return startsCapital(f[len(f)-2])
	}
	return false
}

// name is how a statement names an actor: the known actor's name, or the
// words of the article for a suggested one.
func (a *article) name(p Actor) string {
	if !p.Known() && len(p.Mention) > 4 && strings.EqualFold(p.Mention[:4], "the ") && strings.EqualFold(p.Mention[4:], p.Name) {
		return "the " + p.Name
	}
	if !p.Known() && p.Name != "" && !startsCapital(p.Name) && (strings.HasPrefix(strings.ToLower(p.Mention), "a ") || strings.HasPrefix(strings.ToLower(p.Mention), "an ")) {
		// "A consumer association said it had …": "the consumer
		// association had …", once it has been introduced.
		return "the " + p.Name
	}
	if p.Name != "" {
		return p.Name
	}
	return p.Mention
}

// statement writes the claim as a sentence of its own.
func (a *article) statement(f finding, speaker Actor, object []Actor) string {
	content := a.text[f.content.Start:f.content.End]
	content = cleanClause(content)
	if f.pronounFor.End > f.pronounFor.Start && leadingPronoun.MatchString(content) {
		// "rejected claims by the union that it had pressured crews":
		// "it" is the one who rejects them.
		if ps := a.resolveParties(f.pronounFor); len(ps) == 1 && ps[0].Kind != "" {
			content = a.name(ps[0]) + content[strings.Index(content, " "):]
		}
	} else if f.pronounFor.End > f.pronounFor.Start && leadingPossessive.MatchString(content) {
		// "blamed the Free Hills Movement, saying its fighters had
		// fired": the Free Hills Movement's fighters.
		if ps := a.resolveParties(f.pronounFor); len(ps) == 1 && ps[0].Kind != "" && ps[0].Kind != model.KindPerson {
			content = a.name(ps[0]) + "'s" + content[strings.Index(content, " "):]
		}
	}
	content = a.resolvePronouns(content, speaker, f.content.Start)
	if content == "" {
		return ""
	}
	if speaker.Kind != model.KindPerson && leadingHeShe.MatchString(content) && !a.quoted(f.content.Start) && !roleSpeaker(speaker) {
		// "The board said he had lost four matches": the person named
		// before.
		if x, ok := a.lastMention(f.content.Start, func(x Actor) bool { return x.Kind == model.KindPerson }); ok {
			content = a.name(x) + content[strings.Index(content, " "):]
		}
	}
	objText := ""
	if f.object.End > f.object.Start {
		objText = a.text[f.object.Start:f.object.End]
		objText = a.resolvePronouns(objText, speaker, f.object.Start)
	}
	switch f.kind {
	case kAccuse:
		if strings.HasSuffix(f.verb, " np") {
			return sentenceCase("There was " + content)
		}
		if f.verb == "claimed victory" {
			return sentenceCase(a.name(speaker) + " won " + lowerFirst(content))
		}
		if f.verb == "claimed responsibility" {
			return sentenceCase(a.name(speaker) + " was responsible for " + content)
		}
		if f.evidence {
			return sentenceCase(a.name(speaker) + " has evidence " + strings.TrimPrefix(f.verb, "evidence ") + " " + lowerFirst(content))
		}
		if objText != "" {
			if lo := strings.ToLower(objText); (personPronouns[lo] || lo == "them" || lo == "it") && len(object) == 1 && object[0].Kind != "" {
				// "accused him of …": the person named before.
				objText = a.name(object[0])
			}
			if w := strings.Fields(objText); len(w) > 2 && titleWords[strings.ToLower(w[0])] && personName(objText) != objText && looksLikePersonName(personName(objText)) {
				// "accused Finance Minister Petra Solan of …": "Petra
				// Solan passed …".
				objText = personName(objText)
			}
			if f.verb == "blamed" || f.verb == "blames" || f.verb == "blame" || f.verb == "blaming" {
				if _, gerund := gerundToPast(strings.Fields(content)[0]); gerund {
					return sentenceCase(gerundClause(content, objText))
				}
				be := " was"
				if w := strings.Fields(objText); strings.HasSuffix(w[len(w)-1], "s") && !startsCapital(w[len(w)-1]) {
					be = " were"
				}
				return sentenceCase(objText + be + " responsible for " + lowerFirst(content))
			}
			return sentenceCase(accusedClause(content, objText))
		}
	case kUrge:
		return sentenceCase(objText + " should " + content)
	}
	if f.verb == "claimed victory" {
		return sentenceCase(a.name(speaker) + " won " + lowerFirst(content))
	}
	if f.verb == "put the toll at" {
		return sentenceCase("The death toll was " + content)
	}
	return sentenceCase(content)
}

// gerundClause turns "planning a bombing" with subject "Afghanistan" into
// "Afghanistan planned a bombing"; coordinated gerunds ("harboring and
// supporting militants") all change.
func gerundClause(content, subject string) string {
	toks := strings.Fields(content)
	if len(toks) == 0 {
		return content
	}
	past, ok := gerundToPast(toks[0])
	if !ok {
		if subject == "" {
			return content
		}
		return subject + " " + content
	}
	toks[0] = past
	last := 0
	for i := 1; i < len(toks); i++ {
		w := strings.ToLower(strings.Trim(toks[i-1], ","))
		if (w == "and" || w == "or" || strings.HasSuffix(toks[i-1], ",")) && i-last <= 5 {
			if p, ok := gerundToPast(strings.Trim(toks[i], ",")); ok && !unicode.IsUpper([]rune(toks[i])[0]) {
				suffix := ""
				if strings.HasSuffix(toks[i], ",") {
					suffix = ","
				}
				toks[i] = p + suffix
				last = i
			}
		}
	}
	out := strings.Join(toks, " ")
	if subject == "" {
		return out
	}
	return subject + " " + out
}

var (
	leadingReport = regexp.MustCompile(`(?i)^(?:claimed|claims|said|says|alleged|alleges|showed|shows|found|finds|suggested|suggests|argued|argues|stated|states|asserted|asserts|warned|warns|concluded|concludes|reported|reports)\s+(?:that\s+)?`)
	andThat       = regexp.MustCompile(`,?\s+(and|but)\s+that\s+`)
	leadingThat   = regexp.MustCompile(`(?i)^(?:that\s+)+`)
	// "That is also false": a demonstrative, not a conjunction.
	demonstrativeThat = regexp.MustCompile(`(?i)^that\s+(?:is|was|has|had|'s|would|will)\b`)
	spaces            = regexp.MustCompile(`\s+`)
)

// cleanClause tidies a reported clause: no leading "that", no dateline,
// no enclosing quotation marks, one space between words.
func cleanClause(s string) string {
	s = strings.TrimSpace(spaces.ReplaceAllString(s, " "))
	s = dateline.ReplaceAllString(s, "")
	if !demonstrativeThat.MatchString(s) {
		s = leadingThat.ReplaceAllString(s, "")
	}
	// "a report that claimed the dam was at risk": the relative clause's
	// verb is not part of the claim.
	s = leadingReport.ReplaceAllString(s, "")
	// "said that A and that B": one claim, "A and B".
	s = andThat.ReplaceAllString(s, " $1 ")
	s = strings.Trim(s, " ,;:")
	if strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”") && strings.Count(s, "“") == 1 {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "“"), "”")
	}
	if strings.HasPrefix(s, "\"") && strings.HasSuffix(s, "\"") && strings.Count(s, "\"") == 2 {
		s = strings.Trim(s, "\"")
	}
	return strings.TrimRight(s, " ,;:.")
}

var (
	pronounHis = regexp.MustCompile(`\b(his|her)\b`)
	pronounHim = regexp.MustCompile(`\b(him|he|she)\b`)
	// "her" before a subject pronoun, a determiner ("told her the
	// paperwork was …"), a preposition or the end is an object, not a
	// possessive.
	herObject = regexp.MustCompile(`\bher(\s+(?:they|he|she|we|it|that|the|a|an|this|these|those|to|and|or|about|of|in|on|at|for|with|by|from)\b|[,.;:]|$)`)
	// "it had killed", "they had seen" — not "it was possible".
	leadingIt = regexp.MustCompile(`^(?i:they\s|it\s+(?:had|has|would|will|could|did|does|can|may|might|must|should|remained|remains|wanted|wants|plans|planned|intends|intended|[a-z]+ed)\s)`)
	theGroup  = regexp.MustCompile(`^(?i)(the\s+(?:group|militants|movement|organi[sz]ation|militia))\b`)
)

// causedIt matches "it" as the object of a causative verb: "forced it
// to", "allowed it to".
var causedIt = regexp.MustCompile(`\b(?:forced|forces|caused|causes|allowed|allows|required|requires|prompted|prompts|obliged|obliges|compelled|compels|led|leads|made|makes)\s+it\s+to\b`)

// resolvePronouns replaces the speaker's own pronouns in a clause with the
// speaker's name ("remove him from office" → "remove Imran Khan from
// office"), and a leading "the group" with the group last named before it.
func (a *article) resolvePronouns(s string, speaker Actor, at int) string {
	if r, _ := utf8.DecodeLastRuneInString(a.text[:at]); r == '“' || r == '"' {
		// Quoted words: "they" and "he" there are other people.
		return a.resolveGroup(s, at)
	}
	if speaker.Kind != model.KindPerson && speaker.Kind != "" {
		if m := leadingIt.FindStringIndex(s); m != nil {
			name := a.name(speaker)
			word := strings.Fields(s)[0]
			if strings.EqualFold(word, "they") && speaker.Mention != "" && !pluralRef.MatchString(strings.ToLower(speaker.Mention)) {
				// "US officials said they had seen …": the officials.
				name = speaker.Mention
			}
			s = name + s[len(word):]
		}
		// "storms forced it to cancel 140 flights": the body itself.
		name := a.name(speaker)
		s = causedIt.ReplaceAllStringFunc(s, func(m string) string {
			f := strings.Fields(m)
			return f[0] + " " + name + " " + f[2]
		})
	}
	if speaker.Kind == model.KindPerson {
		name := a.name(speaker)
		// A pronoun is the speaker only when its gender can be the
		// speaker's: the speaker's own when known ("he said" after the
		// name, "Mr"), else the only gender in the clause ("his client
		// … when she left" is left as written).
		g := a.genderOf(speaker)
		hasM, hasF := malePronoun.MatchString(s), femalePronoun.MatchString(s)
		if f := strings.Fields(s); g == 0 && hasM && hasF && len(f) > 1 {
			// Both genders: the one that opens the clause ("he had
			// accepted … and thanked Ferro for her service", "his client
			// … when she left") is the speaker's.
			g = pronounGender(f[0])
		}
		other := a.relativeGender(speaker, at)
		if g == other {
			g = 0
		}
		fits := func(pg byte) bool {
			if pg == other {
				// "His lawyer, Irene Falk, said … his phone": the client's.
				return false
			}
			if g != 0 {
				return pg == g
			}
			return !(hasM && hasF)
		}
		// "she had raised her concerns": after the name replaces the
		// subject, the subject's own "her" stays.
		lead := byte(0)
		if m := leadingSubjectPronoun.FindStringSubmatch(s); m != nil && fits(pronounGender(m[1])) {
			lead = pronounGender(m[1])
			s = name + s[len(m[1]):]
		}
		// "told her they saw no gun": "her" as an object is the name.
		if fits('f') {
			s = herObject.ReplaceAllString(s, name+"$1")
		}
		s = pronounHis.ReplaceAllStringFunc(s, func(w string) string {
			if pg := pronounGender(w); fits(pg) && pg != lead {
				return name + "'s"
			}
			return w
		})
		s = pronounHim.ReplaceAllStringFunc(s, func(w string) string {
			if fits(pronounGender(w)) {
				return name
			}
			return w
		})
	}
	return a.resolveGroup(s, at)
}

// resolveGroup replaces a leading "the group" with the group it stands
// for: the first group named in the nearest sentence before that names
// one — the subject, usually ("the Taliban pledged to cut ties with all
// militant groups, including Al-Qaeda").
func (a *article) resolveGroup(s string, at int) string {
	m := theGroup.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	si := -1
	for i, sent := range a.sents {
		if sent.Start <= at && at <= sent.End {
			si = i
		}
	}
	for i := si; i >= 0 && i >= si-3; i-- {
		for _, mm := range a.mentions {
			if mm.Start >= a.sents[i].Start && mm.End <= a.sents[i].End && mm.Start < at && mm.actor.Kind == model.KindGroup {
				return "the " + strings.TrimPrefix(strings.TrimPrefix(mm.actor.Mention, "the "), "The ") + s[m[3]:]
			}
		}
	}
	return s
}

// lastMention finds the latest mention before position at, within the
// current and two previous sentences, that satisfies ok.
func (a *article) lastMention(at int, ok func(Actor) bool) (Actor, bool) {
	floor := 0
	for i, s := range a.sents {
		if s.Start <= at && at <= s.End {
			if i >= 3 {
				floor = a.sents[i-3].Start
			}
		}
	}
	for i := len(a.mentions) - 1; i >= 0; i-- {
		m := a.mentions[i]
		if m.Start >= at {
			continue
		}
		if m.Start < floor {
			break
		}
		if ok(m.actor) {
			return m.actor, true
		}
	}
	return Actor{}, false
}

// resolveParties turns a subject phrase into the parties it names: known
// actors, suggested new ones, or — for "all three parties", "both sides",
// "they" — a plural reference (Kind empty, the count in ID) that the
// caller resolves.
func (a *article) resolveParties(sp Span) []Actor {
	phrase := strings.TrimSpace(a.text[sp.Start:sp.End])
	if phrase == "It" {
		// "It called the union's claims “irresponsible”" at the start of
		// a sentence: the body that spoke just before.
		for si, s := range a.sents {
			if s.Start <= sp.Start && sp.Start < s.End {
				if x, ok := a.lastBodySpeaker(si, false); ok {
					x.Mention = phrase
					return []Actor{x}
				}
			}
		}
	}
	phrase = dateline.ReplaceAllString(phrase, "")
	phrase = strings.Trim(phrase, " ,;:\"“”")
	phrase = cleanSpeaker(phrase)
	if phrase == "" {
		return nil
	}
	low := strings.ToLower(phrase)
	if m := pluralRef.FindStringSubmatch(low); m != nil && !a.isKnownPhrase(phrase) {
		n := numberWords[m[1]+m[2]+m[3]]
		if n == 0 && strings.HasPrefix(low, "both") {
			n = 2
		}
		return []Actor{{Mention: phrase, count: n}}
	}
	if low == "they" || low == "both" || low == "it" {
		return []Actor{{Mention: phrase}}
	}
	if k, ok := a.ix.exact(phrase); ok {
		return []Actor{fromKnown(k, phrase)}
	}
	// "A councillor in Dunmere": a person described by a role and a
	// place, not the place (nameRoles may then find the name the article
	// gives the role, "Councillor Ruth Abara").
	if m := roleInPlace.FindStringSubmatch(phrase); m != nil {
		if w := strings.Fields(strings.ToLower(m[1])); titleWords[w[len(w)-1]] || roleWords[w[len(w)-1]] || peopleNoun(w[len(w)-1]+"s") {
			return []Actor{{Name: strings.ToLower(m[1]) + " " + m[2], Mention: phrase, Kind: model.KindPerson}}
		}
	}
	// "X of the Y Centre" (a person and their affiliation).
	if m := personOf.FindStringSubmatch(phrase); m != nil && looksLikePersonName(m[1]) {
		return []Actor{a.resolveOne(m[1], sp.Start)}
	}
	parts := splitParties(phrase)
	var out []Actor
	for _, p := range parts {
		out = append(out, a.resolveOne(p, sp.Start))
	}
	return dedupeActors(out)
}

var personOf = regexp.MustCompile(`^([\p{Lu}][\p{L}'’\-.]+(?:\s+[\p{Lu}][\p{L}'’\-.]+){1,3})\s+(?:of|from|at|with)\s+(?:the\s+)?[\p{Lu}]`)

func (a *article) isKnownPhrase(p string) bool {
	_, ok := a.ix.exact(p)
	return ok
}

// ampName matches a firm's name joined by "&": "Hallam & Price", "Pell &
// Rowe".
var ampName = regexp.MustCompile(`[\p{Lu}][\p{L}]+\s+&\s+[\p{Lu}][\p{L}]+`)

var partySplit = regexp.MustCompile(`(?i),?\s+as\s+well\s+as\s+|,?\s+along\s+with\s+|,?\s+together\s+with\s+|,\s+and\s+|\s+and\s+|,\s+|\s+or\s+|\s+&\s+`)

// splitParties splits "Authorities in Kabul, as well as NATO and US
// officials" into its parties, and shares a trailing head noun with a bare
// adjective ("Afghan and US officials" → "Afghan officials", "US
// officials").
// isCountryWord reports whether w names one of the known countries.
func isCountryWord(w string) bool {
	for _, c := range countries {
		if strings.EqualFold(c.name, w) {
			return true
		}
		for _, al := range c.aliases {
			if strings.EqualFold(al, w) {
				return true
			}
		}
	}
	return false
}

func splitParties(p string) []string {
	// Not inside a name such as "Centre for Strategic Studies and Research".
	if orgName.MatchString(p) && !strings.Contains(p, ",") {
		return []string{p}
	}
	// "Hallam & Price" is one company: "&" joins two capitalised names
	// into one.
	if ampName.MatchString(p) && !strings.Contains(p, ",") && !strings.Contains(strings.ToLower(p), " and ") {
		return []string{p}
	}
	parts := partySplit.Split(p, -1)
	var out []string
	for _, x := range parts {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	if len(out) == 2 {
		// "The energy and water regulator": one body, "energy" does not
		// speak on its own.
		first := strings.TrimPrefix(strings.TrimPrefix(out[0], "The "), "the ")
		if startsCapital(first) {
			// "the Competition and Consumer Authority", "Food and Drug
			// Administration": one body whose name holds "and" — a single
			// capitalised word that is no country, then a name ending in
			// a body's noun.
			last := strings.Fields(out[1])
			if !strings.Contains(first, " ") && !isCountryWord(first) && len(last) >= 2 && startsCapital(last[0]) &&
				(orgHeads[strings.ToLower(last[len(last)-1])] || strings.EqualFold(last[len(last)-1], "administration") ||
					strings.EqualFold(last[len(last)-1], "executive")) {
				return []string{p}
			}
			return out
		}
		first = strings.ToLower(first)
		if !strings.Contains(first, " ") && !speakerWords[first] && !speakerNouns[first] && !peopleNoun(first) &&
			!militaryWords[first] && !groupWords[first] && !orgWords[first] && !govWords[first] && !partyWords[first] {
			return []string{p}
		}
	}
	if len(out) > 1 {
		lastWords := strings.Fields(out[len(out)-1])
		head := lastWords[len(lastWords)-1]
		if speakerWords[strings.ToLower(head)] && len(lastWords) > 1 {
			for i, x := range out[:len(out)-1] {
				if _, ok := countryOf[strings.ToLower(x)]; ok && len(strings.Fields(x)) == 1 {
					out[i] = x + " " + head
				}
			}
		}
	}
	return out
}

// resolveOne names one party.
func (a *article) resolveOne(p string, at int) Actor {
	p = cleanSpeaker(strings.TrimSpace(p))
	if p == "" {
		return Actor{}
	}
	mentionText := p
	low := strings.ToLower(p)
	bare := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(low, "the "), "a "), "an "))
	if k, ok := a.ix.exact(p); ok {
		return fromKnown(k, mentionText)
	}
	// "Both the ministry and the company": each part without "both".
	for _, lead := range []string{"both ", "all ", "either "} {
		if strings.HasPrefix(low, lead) && len(p) > len(lead) {
			x := a.resolveOne(p[len(lead):], at)
			if x.Kind != "" {
				return x
			}
		}
	}
	// "Its defence ministry said": the body that spoke just before.
	for _, pro := range []string{"its ", "their "} {
		if strings.HasPrefix(low, pro) && allSpeakerWords(low[len(pro):]) || strings.HasPrefix(low, pro) && (militaryWords[bare[strings.LastIndex(bare, " ")+1:]] || orgHeads[bare[strings.LastIndex(bare, " ")+1:]]) {
			for i := len(a.props) - 1; i >= 0 && i >= len(a.props)-3; i-- {
				if x := a.props[i].Actor; x.Kind != "" && x.Kind != model.KindPerson && x.Name != Unnamed.Name {
					x.Mention = mentionText
					return x
				}
			}
		}
	}
	// "the environmental group RiverWatch" is RiverWatch; the description
	// gives its kind.
	if _, kind, name, ok := describedName(p); ok {
		x := a.resolveOne(name, at)
		if !x.Known() && x.Kind != "" && (x.Kind == model.KindOther || x.Kind == model.KindPerson || !looksLikePersonName(name)) {
			x.Kind = kind
		}
		if x.Kind != "" {
			x.Mention = mentionText
			return x
		}
	}
	// "the centre-left Unity Party", "budget airline SkyNova": adjectives
	// before a name of two or more words, or a hyphenated one, are not
	// part of it.
	if name, ok := adjectivesBeforeName(p); ok {
		x := a.resolveOne(name, at)
		if x.Kind != "" {
			x.Mention = mentionText
			return x
		}
	}
	// "A militant group calling itself the Red Dawn Brigade": the name it
	// gives itself.
	for _, lead := range []string{"itself ", "themselves "} {
		// The speaker read back only to "calling": "itself the Red Dawn
		// Brigade".
		if strings.HasPrefix(low, lead) && len(p) > len(lead) && startsCapital(strings.TrimPrefix(p[len(lead):], "the ")) {
			x := a.resolveOne(p[len(lead):], at)
			if x.Kind != "" {
				x.Mention = mentionText
				return x
			}
		}
	}
	if m := callingItself.FindStringSubmatch(p); m != nil {
		x := a.resolveOne(m[2], at)
		if x.Kind != "" {
			if !x.Known() && hasWord(strings.ToLower(m[1]), armedDescriptors) {
				x.Kind = model.KindGroup
			}
			x.Mention = mentionText
			return x
		}
	}
	// "Rebels of the Southern Liberation Front": the front.
	if m := groupOf.FindStringSubmatch(p); m != nil {
		x := a.resolveOne(m[1], at)
		if x.Kind != "" {
			x.Mention = mentionText
			return x
		}
	}
	// "The coast guard denied this. A spokesman said …": the body that
	// spoke just before.
	if bare == "spokesman" || bare == "spokeswoman" || bare == "spokesperson" {
		for i := len(a.props) - 1; i >= 0 && i >= len(a.props)-2; i-- {
			if x := a.props[i].Actor; x.Kind != "" && x.Kind != model.KindPerson && x.Name != Unnamed.Name && !strings.HasPrefix(strings.ToLower(x.Name), "spokes") {
				x.Mention = mentionText
				return x
			}
		}
	}
	// "A Velora spokesman said": the body named before whose name starts
	// so ("Velora Pharmaceuticals").
	if m := namedRole.FindStringSubmatch(p); m != nil {
		for i := len(a.mentions) - 1; i >= 0; i-- {
			mn := a.mentions[i]
			if n := a.name(mn.actor); mn.Start < at && mn.actor.Kind != model.KindPerson && mn.actor.Kind != "" && (n == m[1] || strings.HasPrefix(n, m[1]+" ")) {
				x := mn.actor
				x.Mention = mentionText
				return x
			}
		}
	}
	// "A police statement said": the police.
	if f := strings.Fields(p); len(f) >= 2 && (strings.EqualFold(f[len(f)-1], "statement") || strings.EqualFold(f[len(f)-1], "statements")) {
		if rest := strings.Join(f[:len(f)-1], " "); a.plausibleSpeaker(rest) {
			x := a.resolveOne(rest, at)
			if x.Kind != "" {
				x.Mention = mentionText
				return x
			}
		}
	}
	// "A spokeswoman for the airline", "an official of the ministry":
	// the body named before that the noun stands for.
	if m := roleForBody.FindStringSubmatch(p); m != nil {
		if n := strings.ToLower(m[1]); orgHeads[n] || descriptorKinds[n] != "" {
			if x, ok := a.bodyForNoun(n, at); ok {
				x.Mention = mentionText
				return x
			}
		}
	}
	// "a ministry spokesman" speaks for the ministry named before.
	if m := roleOfBody.FindStringSubmatch(p); m != nil && orgHeads[strings.ToLower(m[1])] {
		if x, ok := a.bodyNamedBefore(strings.ToLower(m[1]), at); ok {
			x.Mention = mentionText
			return x
		}
	}
	// "the agency" after "the National Food Safety Agency".
	if strings.HasPrefix(low, "the ") && orgHeads[bare] {
		if x, ok := a.bodyNamedBefore(bare, at); ok {
			x.Mention = mentionText
			return x
		}
	}
	// Pronouns.
	if personPronouns[bare] {
		if m, ok := a.lastMention(at, func(x Actor) bool { return x.Kind == model.KindPerson }); ok {
			m.Mention = mentionText
			return m
		}
		return Actor{}
	}
	if bare == "it" || bare == "they" || bare == "we" {
		return Actor{Mention: mentionText}
	}
	// "the statement", "the report": whoever spoke last.
	if bare == "statement" && len(a.props) > 0 {
		return a.props[len(a.props)-1].Actor
	}
	// "Former pupils of St Aldric's boarding school" are the pupils, not
	// the school.
	// So are "Residents of the fishing village of Santa Rin" and
	// "Parents at Millbrook Primary": a plural noun for people.
	m := peopleOf.FindStringSubmatch(p)
	if m == nil {
		if m = pluralPeopleOf.FindStringSubmatch(p); m != nil && !strings.HasSuffix(strings.ToLower(m[1]), "s") {
			m = nil
		}
	}
	if m != nil && peopleNoun(strings.ToLower(m[1])) && !groupOf.MatchString(p) {
		name := p
		if f := strings.Fields(name); strings.EqualFold(f[0], "the") || strings.EqualFold(f[0], "a") || strings.EqualFold(f[0], "an") {
			name = strings.Join(f[1:], " ")
		}
		return Actor{Name: name, Kind: model.KindOther, Mention: mentionText}
	}
	// Possessive: "Pakistan's envoy" speaks for Pakistan; "Khan's political
	// opponents" are a party of their own.
	if i := strings.LastIndexAny(p, "'’"); i > 0 && (strings.HasPrefix(p[i:], "'s ") || strings.HasPrefix(p[i:], "’s ")) {
		owner := p[:i]
		rest := strings.TrimSpace(p[i+len("'s"):])
		if strings.HasPrefix(p[i:], "’s") {
			rest = strings.TrimSpace(p[i+len("’s"):])
		}
		if allSpeakerWords(rest) {
			o := a.resolveOne(owner, at)
			if o.Kind != "" {
				o.Mention = mentionText
				return o
			}
		}
		o := a.resolveOne(owner, at)
		full := a.name(o) + "'s " + rest
		if k, ok := a.ix.exact(full); ok {
			return fromKnown(k, mentionText)
		}
		return Actor{Name: strings.TrimPrefix(strings.TrimPrefix(full, "the "), "The "), Kind: guessKind(rest), Mention: mentionText}
	}
	// A country word with speaker words: "Pakistani officials", "US
	// officials", "authorities in Kabul".
	if c, rest := countryIn(p); c != "" {
		if allSpeakerWords(rest) {
			if k, ok := a.countryActor(c); ok {
				return fromKnown(k, mentionText)
			}
			return Actor{Name: c, Kind: model.KindGovernment, Mention: mentionText}
		}
		// An institution of that country: "Pakistani military".
		for _, form := range countryForms(c) {
			if k, ok := a.ix.exact(form + " " + rest); ok {
				return fromKnown(k, mentionText)
			}
		}
	}
	// A known name inside the phrase with only speaker words around it.
	if hits := a.ix.find(p); len(hits) == 1 {
		rest := strings.TrimSpace(p[:hits[0].Start] + " " + p[hits[0].End:])
		if allSpeakerWords(rest) {
			return fromKnown(hits[0].actor, mentionText)
		}
	}
	// A person: title and surname ("Ambassador Wells"), or surname alone,
	// named in full earlier.
	name := personName(p)
	if name != "" && !strings.Contains(name, " ") && (hasTitle(p) || name == p) {
		if m, ok := a.fullName(name, at); ok {
			m.Mention = mentionText
			return m
		}
	}
	if name != "" && name != p && looksLikePersonName(name) && !insideName(p, name) {
		if k, ok := a.ix.exact(name); ok {
			return fromKnown(k, mentionText)
		}
		return Actor{Name: name, Kind: model.KindPerson, Mention: mentionText}
	}
	// An institution with no country ("the military", "government
	// officials"): the country the article is about.
	if !startsCapital(bare) || allSpeakerWords(bare) {
		for _, c := range a.countriesNear(at) {
			if allSpeakerWords(bare) && (strings.Contains(bare, "government") || strings.Contains(bare, "official") || strings.Contains(bare, "authorit")) {
				if k, ok := a.countryActor(c); ok {
					return fromKnown(k, mentionText)
				}
			}
			for _, form := range countryForms(c) {
				if k, ok := a.ix.exact(form + " " + bare); ok {
					return fromKnown(k, mentionText)
				}
			}
		}
	}
	// An institution of the country the article is about: "the military"
	// → "Pakistan military".
	if m := institution.FindString(p); m == p && a.dominant != "" && (strings.HasPrefix(low, "the ")) {
		return Actor{Name: a.dominant + " " + bare, Kind: guessKind(bare), Mention: mentionText}
	}
	// "the NDS" after "the Directorate of National Security (NDS)".
	if acr := strings.TrimPrefix(p, "the "); acr == strings.ToUpper(acr) && len(acr) >= 2 && len(acr) <= 10 {
		for _, m := range a.mentions {
			if m.Start < at && strings.Contains(m.actor.Mention, "("+acr+")") {
				return m.actor
			}
		}
	}
	// "the company" after "Goldreef Mining": the last organisation named.
	if bare == "company" || bare == "firm" {
		for i := len(a.mentions) - 1; i >= 0; i-- {
			m := a.mentions[i]
			if m.Start >= at || m.actor.Kind != model.KindOrganisation {
				continue
			}
			f := strings.Fields(strings.ToLower(a.name(m.actor)))
			if len(f) > 1 && companyWords[f[len(f)-1]] {
				x := m.actor
				x.Mention = mentionText
				return x
			}
		}
		// Else the last speaker with a proper name that is no person,
		// state or armed force, in the sentences just before.
		for i := len(a.props) - 1; i >= 0 && i >= len(a.props)-3; i-- {
			x := a.props[i].Actor
			if !x.Known() && startsCapital(x.Name) && x.Name != Unnamed.Name &&
				(x.Kind == model.KindOther || x.Kind == model.KindOrganisation) {
				x.Mention = mentionText
				return x
			}
		}
	}
	// "Goldreef" after "Goldreef Mining", "Delta Crest" after "Delta Crest
	// Energy": the same party.
	if startsCapital(p) && len(strings.Fields(p)) <= 2 {
		for i := len(a.mentions) - 1; i >= 0; i-- {
			m := a.mentions[i]
			if m.Start < at && m.actor.Kind != model.KindPerson && strings.HasPrefix(a.name(m.actor), p+" ") {
				return m.actor
			}
		}
	}
	// "the ministry" after "Russia's defence ministry": the same speaker.
	if strings.HasPrefix(low, "the ") && !strings.Contains(bare, " ") && !startsCapital(bare) {
		for i := len(a.props) - 1; i >= 0; i-- {
			m := strings.ToLower(a.props[i].Actor.Mention)
			if m != low && strings.HasSuffix(m, " "+bare) && !pluralRef.MatchString(m) {
				x := a.props[i].Actor
				x.Mention = mentionText
				return x
			}
		}
	}
	// "the source" after "a security source": the same one.
	if strings.HasPrefix(low, "the ") {
		for i := len(a.props) - 1; i >= 0; i-- {
			if !a.props[i].Actor.Known() && strings.HasSuffix(strings.ToLower(a.props[i].Actor.Name), bare) {
				return a.props[i].Actor
			}
		}
	}
	// "the Kesteran navy": an institution of a state the country list does
	// not know.
	if f := strings.Fields(strings.TrimPrefix(strings.TrimPrefix(p, "the "), "The ")); len(f) >= 2 && startsCapital(f[0]) && allInstitution(f[1:]) {
		if x, ok := a.demonymOf(f[0]); ok {
			x.Mention = mentionText
			return x
		}
	}
	// "Ostrenian" after "Ostrenia": the adjective of a place or party the
	// country list does not know.
	if !strings.Contains(p, " ") && startsCapital(p) {
		if x, ok := a.demonymOf(p); ok {
			x.Mention = mentionText
			return x
		}
	}
	// A capital as the government: "Kabul" → Afghanistan.
	if c, ok := countryOf[bare]; ok {
		if k, ok := a.countryActor(c); ok {
			return fromKnown(k, mentionText)
		}
		return Actor{Name: c, Kind: model.KindGovernment, Mention: mentionText}
	}
	clean := p
	if strings.HasPrefix(low, "the ") || strings.HasPrefix(low, "a ") || strings.HasPrefix(low, "an ") {
		clean = p[strings.Index(p, " ")+1:]
	}
	kind := guessKind(clean)
	if k, ok := a.descKinds[strings.ToLower(clean)]; ok {
		kind = k
	}
	if i := strings.Index(clean, " with "); i > 0 && !startsCapital(clean) {
		// "social media influencer with four million followers".
		if w := strings.Fields(clean[:i]); peopleNoun(strings.ToLower(w[len(w)-1])+"s") || peopleNoun(strings.ToLower(w[len(w)-1])) {
			clean = clean[:i]
			kind = guessKind(clean)
		}
	}
	if m := roleAt.FindStringSubmatch(clean); m != nil && peopleNoun(strings.ToLower(m[1])+"s") {
		// "a former researcher at Medixa Labs" is a person.
		kind = model.KindPerson
	}
	return Actor{Name: clean, Kind: kind, Mention: mentionText}
}

// roleInPlace matches a singular role and where it is: "A councillor in
// Dunmere", "a doctor from Belmar".
var roleInPlace = regexp.MustCompile(`^(?:(?i:an?)\s+)?((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s+((?:in|from)\s+[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?)$`)

// leadingPossessive matches "its" or "their" opening a clause.
var leadingPossessive = regexp.MustCompile(`^(?i:its|their)\s`)

// callingItself matches a party described, then named by what it calls
// itself: "A militant group calling itself the Red Dawn Brigade".
var callingItself = regexp.MustCompile(`(?i)^(.*?)\s+(?:calling\s+(?:itself|themselves)|which\s+calls\s+itself|known\s+as)\s+((?:the\s+)?[\p{Lu}].*)$`)

// peopleOf matches people described by where they belong: "Former
// pupils of St Aldric's boarding school", "workers at the plant".
var peopleOf = regexp.MustCompile(`^(?:[\p{L}-]+\s+){0,2}?([\p{L}]+)\s+(?:of|at|from)\s+\S.*['’]`)

// pluralPeopleOf matches a plural noun for people and where they are
// from: "Residents of Santa Rin", "Parents at Millbrook Primary".
var pluralPeopleOf = regexp.MustCompile(`^(?:[\p{L}-]+\s+){0,2}?([\p{L}]+)\s+(?:of|at|from|in)\s+(?:the\s+)?[\p{L}]`)

// adjectivesBeforeName splits "the centre-left Unity Party" into its
// name, "Unity Party": one or two lower-case words (a hyphenated one, or
// one ending in -ing, -al, -ist or -ive) before a capitalised name of two
// words or more. ok is false for anything else ("health ministry",
// "government of Kesh", "opposition lawmakers").
func adjectivesBeforeName(p string) (string, bool) {
	f := strings.Fields(p)
	if len(f) > 0 && (strings.EqualFold(f[0], "the") || strings.EqualFold(f[0], "a") || strings.EqualFold(f[0], "an")) {
		f = f[1:]
	}
	k := 0
	if len(f) >= 3 && startsCapital(f[0]) && !startsCapital(f[1]) && descriptorKinds[strings.ToLower(f[1])] != "" {
		// "British retailer Hallam & Price": a nationality and what it
		// is.
		if demonyms[strings.ToLower(f[0])] || strings.HasSuffix(strings.ToLower(f[0]), "ian") || strings.HasSuffix(strings.ToLower(f[0]), "ish") || strings.HasSuffix(strings.ToLower(f[0]), "ese") {
			return strings.Join(f[2:], " "), true
		}
	}
	for k < len(f) && !startsCapital(f[k]) {
		w := strings.ToLower(f[k])
		if !(strings.Contains(w, "-") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "al") || strings.HasSuffix(w, "ist") || strings.HasSuffix(w, "ive")) ||
			peopleNoun(w) || speakerWords[w] || functionWordStart(w) {
			return "", false
		}
		k++
	}
	if k == 0 || k > 2 || len(f)-k < 2 {
		return "", false
	}
	for _, w := range f[k:] {
		if !startsCapital(w) && w != "of" && w != "for" && w != "and" && w != "the" {
			return "", false
		}
	}
	return strings.Join(f[k:], " "), true
}

// startsCapital reports whether s begins with a capital letter.
func startsCapital(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// fullName finds an earlier mention of a person with this surname.
func (a *article) fullName(surname string, at int) (Actor, bool) {
	for i := len(a.mentions) - 1; i >= 0; i-- {
		m := a.mentions[i]
		if m.Start >= at {
			continue
		}
		n := a.name(m.actor)
		if m.actor.Kind == model.KindPerson && strings.Contains(n, " ") && strings.HasSuffix(n, " "+surname) {
			if k, ok := a.ix.exact(n); ok {
				return fromKnown(k, n), true
			}
			return m.actor, true
		}
	}
	return Actor{}, false
}

// countriesNear lists the countries named in the sentence holding position
// at and the two before it, nearest first, then the article's main
// country.
func (a *article) countriesNear(at int) []string {
	var out []string
	seen := map[string]bool{}
	add := func(c string) {
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	si := -1
	for i, s := range a.sents {
		if s.Start <= at && at <= s.End {
			si = i
		}
	}
	for i := si; i >= 0 && i >= si-2; i-- {
		s := a.sents[i]
		for _, w := range capRun.FindAllString(a.text[s.Start:s.End], -1) {
			for _, x := range strings.Fields(w) {
				add(countryOf[strings.ToLower(strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(x, "'s"), "’s"), ".,:"))])
			}
		}
	}
	add(a.dominant)
	return out
}

// countryIn finds a country word in a phrase and returns the country and
// the other words.
func countryIn(p string) (string, string) {
	words := strings.Fields(p)
	for n := 3; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			cand := strings.ToLower(strings.Join(words[i:i+n], " "))
			cand = strings.TrimSuffix(strings.TrimSuffix(cand, "'s"), "’s")
			if c, ok := countryOf[cand]; ok {
				rest := strings.Join(append(append([]string{}, words[:i]...), words[i+n:]...), " ")
				return c, rest
			}
		}
	}
	return "", ""
}

// countryForms are the ways a country qualifies an institution:
// "Pakistan military", "Pakistani military".
func countryForms(c string) []string {
	out := []string{c}
	for _, k := range countries {
		if k.name == c {
			for _, al := range k.aliases {
				if r, _ := utf8.DecodeRuneInString(al); unicode.IsUpper(r) {
					out = append(out, al)
				}
			}
		}
	}
	return out
}

// countryActor finds the known actor that stands for a country.
func (a *article) countryActor(c string) (model.Actor, bool) {
	for _, form := range countryForms(c) {
		if k, ok := a.ix.exact(form); ok {
			return k, true
		}
	}
	return model.Actor{}, false
}

// allSpeakerWords reports whether every word of s is a determiner, a
// preposition or a word for people who speak for a party.
func allSpeakerWords(s string) bool {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && strings.EqualFold(words[i-1], "in") && startsCapital(w) {
			// "embassy in London", "officials in Washington".
			continue
		}
		w = strings.ToLower(strings.Trim(w, ",."))
		if !(speakerWords[w] || w == "the" || w == "in" || w == "of" || w == "senior" || w == "top" || w == "some" ||
			w == "government" || w == "state" || w == "federal" || w == "national" || w == "foreign" || w == "affairs" ||
			w == "spokesperson" || w == "press" || w == "secretary" || w == "deputy" || w == "a" || w == "an" ||
			w == "defence" || w == "defense" || w == "interior" || w == "health" || w == "finance" || w == "justice" ||
			w == "information" || w == "home" || w == "external" || w == "ministry's") {
			return false
		}
	}
	return true
}

// subjectsIn finds the parties a claim's clause is about: known actors,
// institutions ("the military", "his political opponents") and capitalised
// names that look like parties.
func (a *article) subjectsIn(c Span, speaker Actor) []Actor {
	var found []mention
	taken := make([]bool, c.End-c.Start)
	s := a.text[c.Start:c.End]
	for _, h := range a.ix.find(s) {
		// "Pakistani soil" names a place, not a party.
		if strings.HasPrefix(strings.ToLower(s[h.End:]), " soil") || strings.HasPrefix(strings.ToLower(s[h.End:]), " territory") {
			continue
		}
		found = append(found, mention{Span: h.Span, actor: fromKnown(h.actor, s[h.Start:h.End])})
		for k := h.Start; k < h.End; k++ {
			taken[k] = true
		}
	}
	for _, m := range institution.FindAllStringIndex(s, -1) {
		if anyTaken(taken, m[0], m[1]) {
			continue
		}
		phrase := s[m[0]:m[1]]
		if speaker.Kind == model.KindPerson {
			phrase = pronounHis.ReplaceAllString(phrase, a.name(speaker)+"'s")
		} else if strings.HasPrefix(phrase, "his ") || strings.HasPrefix(phrase, "her ") || strings.HasPrefix(phrase, "their ") || strings.HasPrefix(phrase, "its ") {
			continue
		}
		found = append(found, mention{Span: Span{m[0], m[1]}, actor: a.resolveOne(phrase, c.Start+m[0])})
		for k := m[0]; k < m[1]; k++ {
			taken[k] = true
		}
	}
	// "the company", "the agency": the body named before, when there is one.
	for _, m := range theBody.FindAllStringSubmatchIndex(s, -1) {
		if anyTaken(taken, m[0], m[1]) || !orgHeads[strings.ToLower(s[m[2]:m[3]])] {
			continue
		}
		x := a.resolveOne(s[m[0]:m[1]], c.Start+m[0])
		if x.Kind == "" || strings.EqualFold(x.Name, s[m[2]:m[3]]) || sameActor(x, speaker) {
			continue
		}
		found = append(found, mention{Span: Span{m[0], m[1]}, actor: x})
		for k := m[0]; k < m[1]; k++ {
			taken[k] = true
		}
	}
	for _, m := range a.mentions {
		if m.Start < c.Start || m.End > c.End || anyTaken(taken, m.Start-c.Start, m.End-c.Start) || m.actor.Known() {
			continue
		}
		if m.actor.Kind == model.KindOther {
			continue
		}
		if demonyms[strings.ToLower(m.actor.Name)] {
			continue
		}
		after := strings.ToLower(a.text[m.End:min(len(a.text), m.End+10)])
		if strings.HasPrefix(after, " soil") || strings.HasPrefix(after, " territory") {
			continue
		}
		found = append(found, mention{Span: Span{m.Start - c.Start, m.End - c.Start}, actor: m.actor})
	}
	// Single capitalised names the article does not otherwise explain
	// ("Strelsau was working with …"): parties too, of unknown kind.
	for _, m := range capRun.FindAllStringIndex(s, -1) {
		w := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(s[m[0]:m[1]], "'s"), "’s"), ".,'’")
		if strings.Contains(w, " ") || anyTaken(taken, m[0], m[1]) || commonCapitals[strings.ToLower(w)] || demonyms[strings.ToLower(w)] || len(w) < 3 {
			continue
		}
		covered := false
		for _, f := range found {
			if f.Start <= m[0] && m[0] < f.End {
				covered = true
			}
		}
		if !covered {
			found = append(found, mention{Span: Span{m[0], m[0] + len(w)}, actor: a.resolveOne(w, c.Start+m[0])})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].Start < found[j].Start })
	var out []Actor
	for _, m := range found {
		out = append(out, m.actor)
	}
	return dedupeActors(out)
}

var institution = regexp.MustCompile(`\b(?:the|his|her|their|its)\s+(?:(?:political|main|former|rival|own|country's|country’s|powerful)\s+){0,2}(?:opponents|rivals|military|army|opposition|police|allies|establishment|judiciary|courts?|parliament|intelligence\s+agencies|security\s+forces|generals|armed\s+forces|government|election\s+(?:board|commission))\b`)

func sameActor(x, y Actor) bool {
	if x.ID != "" || y.ID != "" {
		return x.ID == y.ID
	}
	if strings.EqualFold(x.Name, y.Name) {
		return true
	}
	// "the council" and "the local council": a suggested name that ends
	// another (by whole words) is the same party.
	a, b := strings.ToLower(x.Name), strings.ToLower(y.Name)
	if len(a) > len(b) {
		a, b = b, a
	}
	// "Black Banner" and "Black Banner group".
	if i := strings.LastIndex(b, " "); i > 0 && b[:i] == a && descriptorKinds[b[i+1:]] != "" {
		return true
	}
	return a != "" && !strings.Contains(a, " ") && x.Kind != model.KindPerson && y.Kind != model.KindPerson &&
		strings.HasSuffix(b, " "+a)
}

func withoutActor(list []Actor, x Actor) []Actor {
	var out []Actor
	for _, a := range list {
		if !sameActor(a, x) {
			out = append(out, a)
		}
	}
	return out
}

func mergeActors(a, b []Actor) []Actor {
	return dedupeActors(append(append([]Actor{}, a...), b...))
}

func dedupeActors(list []Actor) []Actor {
	var out []Actor
	for _, a := range list {
		dup := false
		for _, b := range out {
			if a.Kind != "" && b.Kind != "" && sameActor(a, b) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}

// sentenceCase capitalises the first letter and ends with a full stop.
func sentenceCase(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	r, sz := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[sz:]
	s = strings.TrimRight(s, " ,;:")
	trimmed := strings.TrimRight(s, "\"”’'")
	if !strings.HasSuffix(trimmed, ".") && !strings.HasSuffix(trimmed, "?") && !strings.HasSuffix(trimmed, "!") {
		s += "."
	}
	return s
}

// lowerFirst lower-cases a leading function word ("The group" → "the
// group") but keeps names ("Afghanistan planned").
func lowerFirst(s string) string {
	f := strings.SplitN(s, " ", 2)
	if len(f) > 0 && commonCapitals[strings.ToLower(f[0])] && f[0] != "I" {
		r, sz := utf8.DecodeRuneInString(s)
		return string(unicode.ToLower(r)) + s[sz:]
	}
	return s
}

// overlap is the share of a's content words found in b.
func overlap(a, b string) float64 {
	aw := contentWords(a)
	if len(aw) == 0 {
		return 0
	}
	bs := map[string]bool{}
	for _, w := range contentWords(b) {
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

// leadingTime matches a time phrase read back into a subject: "Earlier
// this year Varnia accused …", "Last week the ministry said …", "On
// Monday, police said …".
var leadingTime = regexp.MustCompile(`^(?i:(?:earlier|later)\s+(?:this|that|last|in\s+the)\s+(?:year|month|week|day|morning|evening|afternoon|spring|summer|autumn|winter)|(?:earlier|later|meanwhile|separately|yesterday|today|tonight|previously|now|then)|(?:on|last|this|by|late|early)\s+(?:` + timeWordsRe + `)(?:\s+(?:morning|afternoon|evening|night))?|(?:in|by|since)\s+(?:` + monthsRe + `|\d{4}))\s*,?\s+`)

// trailingAdverb matches an adverb read into the end of a subject:
// "Kessovia also denied", "the company later said".
var trailingAdverb = regexp.MustCompile(`\s+(?:also|too|again|later|quickly|swiftly|repeatedly|then|still|now|already|previously|meanwhile|subsequently|immediately|promptly|strongly|firmly|flatly|initially|originally|first|once|separately|likewise|similarly|however)$`)

// dataBy matches data as the speaker: "public records compiled by the
// Grenholm Gazette", "figures kept by the mission" — the one who compiled
// them speaks.
var dataBy = regexp.MustCompile(`^(?i:(?:the\s+|an?\s+)?(?:[\p{L}-]+\s+){0,2}?(?:records|figures|data|documents|statistics|count|tally|analysis|estimates?|numbers|survey|research|calculations|report|study|review|audit|investigation|inquiry|assessment)\s+(?:(?:compiled|kept|published|gathered|collected|released|produced|held|seen|obtained|analysed|analyzed|reviewed|conducted|carried\s+out|made|done|issued|commissioned|written)\s+)?(?:(?:on|last|this)\s+[\p{L}]+\s+|in\s+[\p{L}]+\s+)?by)\s+(.+)$`)

const timeWordsRe = `monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|weekend|spring|summer|autumn|winter|` + monthsRe

const monthsRe = `january|february|march|april|may|june|july|august|september|october|november|december`

// timeOnly are words that name a time and never a speaker: a subject read
// back to "on Saturday" is no speaker.
var timeOnly = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
	"tonight", "tomorrow", "january", "february", "march", "april", "june", "july", "august", "september", "october",
	"november", "december", "weekend", "morning", "evening", "afternoon", "night")

// cleanSpeaker drops what a subject read backwards may carry that is no
// part of who speaks: a leading time phrase, a trailing adverb, data as
// the speaker ("records compiled by X" is X), and a time word alone.
func cleanSpeaker(p string) string {
	for i := 0; i < 3; i++ {
		q := p
		if m := leadingTime.FindStringIndex(q); m != nil && m[1] < len(q) {
			q = q[m[1]:]
		}
		// "On Tuesday the ministry said" read back to "Tuesday the
		// ministry".
		if f := strings.Fields(q); len(f) >= 2 && timeOnly[strings.ToLower(strings.Trim(f[0], ","))] {
			q = strings.Join(f[1:], " ")
		}
		q = trailingAdverb.ReplaceAllString(q, "")
		if m := dataBy.FindStringSubmatch(q); m != nil {
			q = m[1]
		}
		q = strings.TrimSpace(q)
		if q == p {
			break
		}
		p = q
	}
	f := strings.Fields(strings.ToLower(p))
	if len(f) == 1 && timeOnly[strings.Trim(f[0], ",.")] || len(f) == 2 && (f[0] == "on" || f[0] == "last" || f[0] == "this") && timeOnly[f[1]] {
		return ""
	}
	return p
}

// namedRole matches a role for a body given by its name: "A Velora
// spokesman", "a Frisco official".
var namedRole = regexp.MustCompile(`^(?:[Aa]n?|[Tt]he)\s+([\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?)\s+(?:spokesman|spokeswoman|spokesperson|official|executive|representative|source)$`)

var (
	malePronoun           = regexp.MustCompile(`\b(?i:he|him|his|himself)\b`)
	femalePronoun         = regexp.MustCompile(`\b(?i:she|her|hers|herself)\b`)
	leadingSubjectPronoun = regexp.MustCompile(`^(he|she)\s`)
	// genderCue is a pronoun speaking right after a person is named:
	// "…,” he said", "She told reporters".
	genderCue = regexp.MustCompile(`\b(he|she|He|She)\s+(?:said|says|told|added|adds|wrote|denied|denies|insisted|argued|claimed|testified|explained|noted|stated|replied|warned|asked|recalled|acknowledged|admitted)\b`)
	// honorificCue is a title that gives a gender: "Mr Castell".
	honorificCue = regexp.MustCompile(`\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+$`)
)

// pronounGender is 'm' or 'f' for a gendered pronoun, else 0.
func pronounGender(w string) byte {
	switch strings.ToLower(w) {
	case "he", "him", "his", "himself":
		return 'm'
	case "she", "her", "hers", "herself":
		return 'f'
	}
	return 0
}

// genderOf is what the article says of a person's gender: 'm', 'f', or 0
// when it does not say or says both. The cues are a title before one of
// the person's mentions and a pronoun that speaks when the person is the
// last one named.
func (a *article) genderOf(x Actor) byte {
	if a.genders == nil {
		a.genders = map[string]byte{}
		set := func(n string, g byte) {
			if old, ok := a.genders[n]; ok && old != g {
				g = 'x'
			}
			a.genders[n] = g
		}
		for _, mn := range a.mentions {
			if mn.actor.Kind != model.KindPerson {
				continue
			}
			if m := honorificCue.FindStringSubmatch(a.text[max(0, mn.Start-8):mn.Start]); m != nil {
				g := byte('m')
				if w := strings.ToLower(m[1]); w == "mrs" || w == "ms" || w == "miss" || w == "dame" || w == "lady" {
					g = 'f'
				}
				set(a.name(mn.actor), g)
			}
		}
		for _, m := range genderCue.FindAllStringSubmatchIndex(a.text, -1) {
			if y, ok := a.lastMention(m[0], func(y Actor) bool { return y.Kind == model.KindPerson }); ok {
				set(a.name(y), pronounGender(a.text[m[2]:m[3]]))
			}
		}
	}
	if g := a.genders[a.name(x)]; g == 'm' || g == 'f' {
		return g
	}
	return 0
}

// relativeOf matches a person introduced by a tie to someone else, just
// before the name: "His lawyer, ", "her sister ".
var relativeOf = regexp.MustCompile(`\b(His|his|Her|her)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+,?\s+$`)

// relativeGender is the gender of the one the speaker is introduced by,
// in the sentence of position at ("His lawyer, Irene Falk, said …": 'm'),
// or 0.
func (a *article) relativeGender(x Actor, at int) byte {
	from := 0
	for _, s := range a.sents {
		if s.Start <= at && at <= s.End {
			from = s.Start
		}
	}
	for i := len(a.mentions) - 1; i >= 0; i-- {
		mn := a.mentions[i]
		if mn.Start >= at || mn.Start < from {
			continue
		}
		if sameActor(mn.actor, x) {
			if m := relativeOf.FindStringSubmatch(a.text[max(from, mn.Start-40):mn.Start]); m != nil {
				return pronounGender(m[1])
			}
			return 0
		}
	}
	return 0
}
