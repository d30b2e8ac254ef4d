package extract

import (
	"regexp"
	"strings"

	"claims/internal/model"
)

// This file holds the general pairing that runs after the specific
// patterns: any denial or rebuttal still unpaired answers the claim it
// most plausibly answers, by position and by whom the claim is about
// rather than by its wording.

// rebuttalWords call something untrue ("not true", "baseless", "a
// fabrication", "politically motivated", "no evidence").
var rebuttalWords = regexp.MustCompile(`(?i)\b(?:not\s+true|untrue|false|baseless|unfounded|groundless|fabricat\w*|an?\s+(?:outright\s+|complete\s+|total\s+|blatant\s+)?lie|lies|politically\s+motivated|no\s+evidence|nonsense|without\s+(?:any\s+)?(?:merit|foundation|basis)|misleading|inaccurate|incorrect|untruthful|a\s+smear|slanderous|defamatory|rubbish|absurd)\b`)

// rebuttalClause is a reported clause that calls what was said before
// untrue: "the figure was not true", "the claims were baseless", "there
// was no evidence of that". A clause that only contains "false" ("had
// filed false invoices") is not one.
var rebuttalClause = regexp.MustCompile(`(?i)^(?:(?:the|these|those|this|that|such|it|its|his|her|their|they|any|all)\b[^,;]{0,50}?\b(?:was|were|is|are|had\s+been|has\s+been|have\s+been|remains?|remained)\s+(?:\w+\s+){0,3}?(?:not\s+true|untrue|false|baseless|unfounded|groundless|fabricat\w*|an?\s+(?:outright\s+|complete\s+|total\s+)?lie|lies|politically\s+motivated|nonsense|without\s+(?:any\s+)?(?:merit|foundation|basis)|misleading|inaccurate|incorrect|wrong|rubbish|absurd|exaggerated|inflated|overstated|an?\s+(?:\w+\s+)?pretext|a\s+smokescreen|a\s+cover-up|staged|invented|made\s+up|propaganda|a\s+hoax|a\s+witch[\s-]hunt)|there\s+(?:was|is|had\s+been|has\s+been)\s+no\s+evidence\s+(?:of|for)\s+(?:this|that|it|the|such|these|any)\b)`)

// willOnly matches a denier's own words that only say what it will do
// ("she would cooperate fully with investigators"): not a claim, so not
// added to the denial.
var willOnly = regexp.MustCompile(`(?i)^(?:[\p{L}'’]+\s+){1,3}?(?:would|will)\s+(?:cooperate|co-operate|appeal|defend|fight|take|seek|sue|consider|review|respond|comment|continue|work|support|challenge)\b`)

// figureWords point to a claim with a number: "disputed the figure".
var figureWords = regexp.MustCompile(`(?i)\b(?:the|that|this|these|those|its|their)\s+(?:\w+\s+)?(?:figures?|numbers?|toll|count|tally|estimates?|statistics)\b`)

// pendingDenial records a back-pointing denial whose claim was not found
// near it, for pairGeneral.
func (a *article) pendingDenial(si int, f finding) {
	what := "the claim"
	if f.object.End > f.object.Start {
		what = a.text[f.object.Start:f.object.End]
	}
	rel := f.relation
	if rel == "" {
		rel = model.Denies
	}
	for _, sp := range a.resolveParties(f.subj) {
		if sp.Kind == "" {
			continue
		}
		a.props = append(a.props, Proposal{
			Statement: sentenceCase(a.name(sp) + " " + denyPresent(rel, a.name(sp)) + " " + what),
			Quote:     a.text[f.quote.Start:f.quote.End], Start: f.quote.Start, End: f.quote.End,
			Actor: sp, Verb: f.verb, Answers: -1,
		})
		a.meta = append(a.meta, propMeta{kind: kDeny, sent: si, pending: true, extra: f.extra, relation: rel})
	}
}

// paragraph is the paragraph number of sentence si: a line break between
// two sentences starts a new paragraph.
func (a *article) paragraph(si int) int {
	if a.paras == nil {
		a.paras = make([]int, len(a.sents))
		for k := 1; k < len(a.sents); k++ {
			a.paras[k] = a.paras[k-1]
			if gap := a.text[a.sents[k-1].End:a.sents[k].Start]; strings.Contains(gap, "\n") {
				a.paras[k]++
			}
		}
	}
	if si < 0 || si >= len(a.paras) {
		return 0
	}
	return a.paras[si]
}

// rolesOf are the role nouns the article uses for x: the titles and
// descriptions written before its names ("the mayor" for "The mayor of
// Dorval, Lena Hoss"; "the company" for "the construction company
// Brenner").
func (a *article) rolesOf(x Actor) []string {
	var out []string
	if d := a.descOf(x); d != "" {
		out = append(out, strings.ToLower(d))
	}
	for _, m := range a.mentions {
		if !sameActor(m.actor, x) {
			continue
		}
		from := max(0, m.Start-40)
		before := strings.Fields(strings.ToLower(a.text[from:m.Start]))
		for k := len(before) - 1; k >= 0 && k >= len(before)-5; k-- {
			w := strings.Trim(before[k], ",.;:\"“”")
			if titleWords[w] && !functionWordStart(w) && w != "of" && w != "the" && w != "former" && w != "acting" && w != "us" {
				out = append(out, w)
			}
			if _, ok := descriptorKinds[w]; ok {
				out = append(out, w)
			}
		}
	}
	if k := x.Kind; k == model.KindOrganisation {
		out = append(out, "company")
	}
	return out
}

// namesRole reports whether claim p names x by a role noun ("an account
// linked to the mayor").
func (a *article) namesRole(p Proposal, x Actor) bool {
	st := " " + strings.ToLower(p.Statement) + " "
	for _, r := range a.rolesOf(x) {
		if len(r) >= 3 && (strings.Contains(st, " the "+r+" ") || strings.Contains(st, " the "+r+"'") || strings.Contains(st, " the "+r+"’") ||
			strings.Contains(st, " the "+r+".") || strings.Contains(st, " the "+r+",")) {
			return true
		}
	}
	// "the national electricity company" for "The electricity company,
	// Elektra,": the description the article put before its name, with
	// adjectives.
	for _, m := range a.mentions {
		if !sameActor(m.actor, x) {
			continue
		}
		if d := descComma.FindStringSubmatch(a.text[max(0, m.Start-60):m.Start]); d != nil {
			if regexp.MustCompile(`\bthe\s+(?:[\p{L}-]+\s+){0,2}` + regexp.QuoteMeta(strings.ToLower(d[1])) + `\b`).MatchString(st) {
				return true
			}
		}
	}
	return false
}

// descComma matches a description of two words or more before a name
// in an appositive: "The electricity company, " before "Elektra".
var descComma = regexp.MustCompile(`(?i)\bthe\s+([\p{Ll}-]+\s+[\p{Ll}-]+),\s+$`)

// pairGeneral pairs the denials and rebuttals the patterns left alone.
// A proposal answers, best first: (1) a claim in its sentence or the one
// before; (2) a claim about the denier (it is a subject, or named by name
// or role) in the twelve sentences before; (3) for a denial that points
// back ("rejected the accusation"), the latest claim by someone else in
// its paragraph, then the two before. Never the denier's own claim, nor
// one it answers already. A clause that calls something untrue ("the
// figure was not true") is a rebuttal only when it answers something by
// (1) or (2); "disputed the figure" prefers the latest claim with a
// number. A denial of the denier's own part answers only by (2).
// Back-pointing denials still unpaired are dropped.
func (a *article) pairGeneral() {
	for i := range a.props {
		p, m := a.props[i], a.meta[i]
		if p.IsCounter() || a.headlineProp(i) || m.kind == kUrge || p.Actor.Name == Unnamed.Name {
			continue
		}
		clause := strings.TrimSuffix(p.Statement, ".")
		mode := 0
		switch {
		case m.pending:
			mode = 1
		case m.kind == kDeny:
			mode = 2
		case m.kind == kAssert && rebuttalClause.MatchString(clause):
			mode = 2
		default:
			continue
		}
		j := a.generalTarget(i, mode)
		if j < 0 {
			continue
		}
		rel := m.relation
		if m.kind == kAssert {
			rel = model.Disputes
			if regexp.MustCompile(`(?i)\b(?:not\s+true|untrue|false|fabricat\w*|lie|lies)\b`).MatchString(clause) {
				rel = model.Denies
			}
		}
		if rel == "" {
			rel = model.Denies
		}
		a.props[i].Answers, a.props[i].Relation = j, rel
		if t := a.props[j]; t.IsCounter() {
			// A rebuttal of an answer: "The union disputes Harbour
			// Lines's account", with its own words after.
			who := a.name(p.Actor)
			noun := answerRef.FindStringSubmatch(p.Quote)[1]
			stmt := who + " " + denyPresent(model.Disputes, who) + " " + a.name(t.Actor) + "'s " + strings.ToLower(noun)
			if m.extra.End > m.extra.Start && !willOnly.MatchString(cleanClause(a.text[m.extra.Start:m.extra.End])) {
				stmt += andSays(who) + lowerFirst(cleanClause(a.text[m.extra.Start:m.extra.End]))
			}
			a.props[i].Statement = sentenceCase(stmt)
			a.props[i].Relation = model.Disputes
			a.props[i].Subjects = []Actor{t.Actor}
			a.meta[i].pending = false
			continue
		}
		if m.pending {
			t := a.props[j]
			who := a.name(p.Actor)
			stmt := who + " " + denyPresent(rel, who) + " " + a.deniedWhat(t)
			if m.extra.End > m.extra.Start && !willOnly.MatchString(cleanClause(a.text[m.extra.Start:m.extra.End])) {
				stmt += andSays(who) + lowerFirst(cleanClause(a.text[m.extra.Start:m.extra.End]))
			}
			a.props[i].Statement = sentenceCase(stmt)
			a.props[i].Subjects = []Actor{t.Actor}
			a.meta[i].pending = false
		}
	}
	for k := len(a.props) - 1; k >= 0; k-- {
		if a.meta[k].pending && !a.props[k].IsCounter() {
			a.dropProp(k)
		}
	}
}

// generalTarget is the claim proposal i answers under pairGeneral's
// ranking, or -1.
func (a *article) generalTarget(i, mode int) int {
	p, m := a.props[i], a.meta[i]
	if m.kind == kDeny && answerRef.MatchString(p.Quote) {
		// "The union rejected that account": the answer just before,
		// when it is by someone else.
		for j := i - 1; j >= 0 && m.sent-a.meta[j].sent <= 2; j-- {
			if a.meta[j].sent == m.sent || a.meta[j].kind == kUrge || a.headlineProp(j) {
				continue
			}
			if a.props[j].IsCounter() && !sameActor(a.props[j].Actor, p.Actor) && !a.alreadyAnswers(p.Actor, j) {
				return j
			}
			break
		}
	}
	wantFigure := figureWords.MatchString(p.Quote) || figureWords.MatchString(p.Statement)
	best, bestKey := -1, 1<<30
	for j := range a.props {
		t, tm := a.props[j], a.meta[j]
		if j == i || t.IsCounter() || tm.kind == kDeny || tm.kind == kUrge || sameActor(t.Actor, p.Actor) ||
			a.alreadyAnswers(p.Actor, j) || a.answersOwn(j, p.Actor) {
			continue
		}
		if a.headlineProp(j) {
			continue
		}
		d := m.sent - tm.sent
		if d < 0 || j > i && d != 0 {
			continue
		}
		if tm.kind == kAssert && rebuttalClause.MatchString(strings.TrimSuffix(t.Statement, ".")) {
			// A rebuttal itself is not the claim.
			continue
		}
		about := a.isAbout(t, p.Actor) || a.namesRole(t, p.Actor)
		shares := sharesContent(p.Statement, t.Statement, p.Actor, t.Actor)
		tier := -1
		switch {
		case m.own:
			if about && d <= 12 {
				tier = 2
			}
		case wantFigure && numberIn(t.Statement) != "" && d <= 6:
			tier = 0
		case d <= 1 && (mode != 2 || m.kind != kDeny || shares || d == 0):
			// A denial in its own words ("denied any plans for an
			// offensive") answers the sentence before only on the same
			// matter.
			tier = 1
		case about && d <= 12 && (mode != 2 || m.kind != kDeny || shares):
			tier = 2
		case mode == 1 && d <= 10:
			if back := a.paragraph(m.sent) - a.paragraph(tm.sent); back <= 2 {
				tier = 3 + back
			}
		case mode == 2 && d <= 6 && m.kind == kDeny && shares:
			if back := a.paragraph(m.sent) - a.paragraph(tm.sent); back <= 1 {
				tier = 3 + back
			}
		}
		if tier < 0 {
			continue
		}
		// Within a tier: about the denier, then accusations, then the
		// latest.
		key := tier * 1000
		if !about {
			key += 500
		}
		if tm.kind != kAccuse {
			key += 200
		}
		key += min(d, 50) * 3
		if j < i {
			key += (i - j) % 3
		}
		if key < bestKey {
			best, bestKey = j, key
		}
	}
	if best < 0 && mode == 1 && a.leadSentence(m.sent) {
		// "The family … has disputed the police account of his death"
		// opening the article: the account the next sentences give.
		for j := i + 1; j < len(a.props) && a.meta[j].sent-m.sent <= 2; j++ {
			t, tm := a.props[j], a.meta[j]
			if t.IsCounter() || tm.kind == kDeny || tm.kind == kUrge || tm.sent == m.sent || sameActor(t.Actor, p.Actor) {
				continue
			}
			return j
		}
	}
	return best
}

// answerRef matches a denial of an answer rather than of an allegation:
// "rejected that account", "dismissed the company's explanation",
// "disputed the ministry's figures".
var answerRef = regexp.MustCompile(`(?i)\b(?:rejected|rejects|dismissed|dismisses|disputed|disputes|denied|denies|questioned|questions|contested|contests)\s+(?:that|this|the|those|these|its|his|her|their|[\p{Lu}][\p{L}'’-]*['’]s?)\s+(?:[\p{L}'’-]+\s+)?(account|accounts|explanation|explanations|version|denial|denials|response|statement|figure|figures)\b`)

// answersOwn reports whether proposal j answers a claim by x: x's
// opponent's answer is not what x denies next.
func (a *article) answersOwn(j int, x Actor) bool {
	t := a.props[j]
	return t.IsCounter() && sameActor(a.props[t.Answers].Actor, x)
}

// dropProp removes proposal k; proposals that answered it answer none.
func (a *article) dropProp(k int) {
	for i := range a.props {
		if a.props[i].Answers == k {
			a.props[i].Answers, a.props[i].Relation = -1, ""
		}
	}
	a.remove(k)
}

// dropHeadline removes the proposals from the headline: the body tells
// the story again with its speakers named.
func (a *article) dropHeadline() {
	for k := len(a.props) - 1; k >= 0; k-- {
		if a.headlineProp(k) && len(a.sents) > 2 {
			a.dropProp(k)
		}
	}
}

// roleAhead matches the words before a name that give its role: "The
// watchdog, Digital Rights Monitor" or "Councillor Piet Varga".
func roleAhead(text string, at int, role string) bool {
	from := max(0, at-len(role)-8)
	before := strings.ToLower(strings.TrimRight(text[from:at], " "))
	before = strings.TrimSuffix(before, ",")
	return strings.HasSuffix(before, " "+role) || strings.HasSuffix(before, "\n"+role) || before == role
}

// roleOfMention reports whether mention mn is given the role noun role:
// "Councillor Piet Varga", "The watchdog, Digital Rights Monitor", or
// "Finance Minister Petra Solan" as one mention.
func (a *article) roleOfMention(mn mention, role string) bool {
	if roleAhead(a.text, mn.Start, role) || roleAhead(a.text, titleBefore(a.text, mn.Start), role) {
		return true
	}
	// "Miriam Oakes, the researcher," or "Miriam Oakes, a researcher at
	// Velora,": the role after the name.
	if mn.actor.Kind == model.KindPerson || looksLikePersonName(a.text[mn.Start:mn.End]) {
		if m := roleAfter.FindStringSubmatch(a.text[mn.End:min(len(a.text), mn.End+80)]); m != nil && strings.EqualFold(m[1], role) {
			return true
		}
	}
	w := strings.Fields(strings.ToLower(a.text[mn.Start:mn.End]))
	for k := 0; k+1 < len(w); k++ {
		if w[k] == role {
			return true
		}
	}
	return false
}

// nameRoles gives a speaker known only by a role ("a city councillor
// said …", "a consumer watchdog accused …") the name the article gives
// it later with that role ("Councillor Piet Varga", "The watchdog,
// Digital Rights Monitor,").
func (a *article) nameRoles() {
	for i := range a.props {
		x := a.props[i].Actor
		if x.Known() || x.Name == "" || startsCapital(x.Name) {
			continue
		}
		w := strings.Fields(strings.ToLower(x.Name))
		// "a former researcher at Velora Pharmaceuticals", "a lawyer for
		// the family": the role is the noun before the body.
		for k := 1; k < len(w); k++ {
			if w[k] == "at" || w[k] == "of" || w[k] == "for" || w[k] == "with" || w[k] == "from" || w[k] == "in" {
				w = w[:k]
				break
			}
		}
		if len(w) == 0 || len(w) > 4 {
			continue
		}
		role := w[len(w)-1]
		if !titleWords[role] && descriptorKinds[role] == "" && !peopleNoun(role) && !peopleNoun(role+"s") || pluralName(strings.Join(w, " ")) {
			continue
		}
		// "the minister" is the one named before with that title; "a city
		// councillor" the one named after.
		var found Actor
		if !strings.HasPrefix(strings.ToLower(x.Mention), "a ") && !strings.HasPrefix(strings.ToLower(x.Mention), "an ") {
			for _, mn := range a.mentions {
				if mn.Start >= a.props[i].Start {
					break
				}
				if mn.actor.Name != "" && startsCapital(mn.actor.Name) && !sameActor(mn.actor, x) && a.roleOfMention(mn, role) {
					found = mn.actor
				}
			}
		}
		for _, mn := range a.mentions {
			if found.Name != "" {
				break
			}
			if mn.Start <= a.props[i].Start || mn.actor.Name == "" || !startsCapital(mn.actor.Name) || sameActor(mn.actor, x) {
				continue
			}
			if a.roleOfMention(mn, role) {
				found = mn.actor
			}
		}
		if found.Name != "" && orgHeads[role] && found.Kind == model.KindPerson {
			// "the council" is the body, not "council leader Brian Tull".
			found = Actor{}
		}
		if found.Name != "" {
			for k := range a.props {
				if sameActor(a.props[k].Actor, x) {
					a.props[k].Actor = found
					st := a.props[k].Statement
					for _, old := range []string{a.name(x), "the " + x.Name, x.Name} {
						if len(st) > len(old) && strings.EqualFold(st[:len(old)+1], old+" ") {
							a.props[k].Statement = found.Name + st[len(old):]
							break
						}
					}
				}
			}
		}
	}
}

// counselFor matches a speaker who speaks for someone else at the start
// of a quote: "Mercer's lawyer, Ruth Adeyemi, told …", "His lawyer said
// …", "A lawyer for Ferro said …".
var counselFor = regexp.MustCompile(`^(?:([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})['’]s?|(?i:his|her|their))\s+(?:\w+\s+)?(?:lawyers?|attorneys?|counsel|solicitors?|spokesman|spokeswoman|spokesperson|agents?|representatives?)\b|^(?i:an?|the)\s+(?:\w+\s+)?(?:lawyer|attorney|spokesman|spokeswoman|spokesperson|agent|representative)\s+for\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})`)

// pairGoingOn links what a party (or its lawyer or spokesman) says after
// it has been accused or has denied: "Brenner Construction also rejected
// the accusation. In a statement, the company said it had … never made
// payments to any official" contradicts the same claim; "Mercer's
// lawyer told the court her client had relied on the advice of the
// auditors" disputes the charge against Mercer. The claim must share a
// word with what is answered, or say that something is not so.
func (a *article) pairGoingOn() {
	for i := range a.props {
		p, m := a.props[i], a.meta[i]
		if p.IsCounter() || m.kind != kAssert || a.headlineProp(i) || a.answered(i) {
			continue
		}
		// A denier going on, in the sentence after its denial (or the
		// person who speaks for it: "Chief executive Mara Lind said the
		// company …").
		done := false
		for d := i - 1; d >= 0 && !done; d-- {
			dp, dm := a.props[d], a.meta[d]
			if m.sent-dm.sent > 2 || m.sent-dm.sent == 2 && !(sameActor(dp.Actor, p.Actor) && negation.MatchString(p.Statement)) {
				// Two sentences on only for the denier itself saying
				// something is not so ("“I have never traded favours …,”
				// Ferri said").
				if m.sent-dm.sent > 2 {
					break
				}
				continue
			}
			if !dp.IsCounter() || dm.kind == kUrge || m.sent == dm.sent {
				continue
			}
			forIt := sameActor(dp.Actor, p.Actor)
			spokes := spokesName.MatchString(p.Actor.Name)
			if !sameActor(dp.Actor, p.Actor) && (p.Actor.Kind == model.KindPerson || spokes) {
				content := strings.ToLower(a.text[a.contentStart(p):p.End])
				for _, r := range append(a.rolesOf(dp.Actor), "company") {
					if strings.HasPrefix(content, "the "+r) {
						forIt = true
					}
				}
				for _, r := range a.rolesOf(dp.Actor) {
					for _, w := range memberWords[r] {
						forIt = forIt || strings.HasPrefix(content, w+" ")
					}
				}
				// "Military spokesman Colonel Adil Farouk said …" right
				// after the army's denial speaks for the army.
				forIt = forIt || spokesPrefix.MatchString(p.Quote) || spokesAfter.MatchString(p.Quote)
			}
			t := a.props[dp.Answers]
			// One who speaks for the denier, right after the denial, goes
			// on about the same matter; the denier itself must say that
			// something is not so or share a word with the claim.
			// A quotation its spokesman is named after ("“…,” spokesman
			// Yusuf Halabi said") goes on with the body's statement.
			speaksFor := forIt && !sameActor(dp.Actor, p.Actor) && m.sent-dm.sent == 1 &&
				(a.recentShares(i, dp.Actor) || negation.MatchString(p.Statement) || spokesAfter.MatchString(p.Quote))
			// "Aerovia rejected that account. A spokeswoman for the
			// airline said …": the body's spokesman, right after its
			// denial, gives the body's account.
			speaksFor = speaksFor || sameActor(dp.Actor, p.Actor) && m.sent-dm.sent == 1 && roleForQuote.MatchString(p.Quote)
			if forIt && !sameActor(t.Actor, p.Actor) && (speaksFor || negation.MatchString(p.Statement) || sharesContent(p.Statement, t.Statement, p.Actor, t.Actor)) {
				a.props[i].Answers, a.props[i].Relation = dp.Answers, model.Contradicts
				if m := spokesName.FindStringSubmatch(p.Actor.Name); m != nil && strings.Contains(" "+strings.ToLower(dp.Actor.Name)+" ", " "+strings.ToLower(m[1])+" ") {
					// "A ministry spokeswoman" after the health ministry's
					// denial speaks for the health ministry.
					a.props[i].Actor = dp.Actor
				}
				done = true
			}
		}
		if done {
			continue
		}
		// A lawyer's or spokesman's case for the accused, unless it is
		// answered itself (a counter-claim answers one claim, no chains).
		mm := counselFor.FindStringSubmatch(p.Quote)
		if mm == nil || a.answered(i) {
			continue
		}
		client, ok := a.clientOf(i, mm)
		if !ok {
			continue
		}
		for j := i - 1; j >= 0 && m.sent-a.meta[j].sent <= 12; j-- {
			t := a.props[j]
			if t.IsCounter() || a.meta[j].kind == kDeny || a.meta[j].kind == kUrge || a.headlineProp(j) || sameActor(t.Actor, client) || sameActor(t.Actor, p.Actor) {
				continue
			}
			if a.isAbout(t, client) {
				a.props[i].Answers, a.props[i].Relation = j, model.Disputes
				// "her client had relied on …": the client, not the
				// lawyer's own.
				for _, pre := range []string{a.name(p.Actor) + "'s client", a.name(p.Actor) + "’s client"} {
					a.props[i].Statement = strings.Replace(a.props[i].Statement, pre, a.name(client), 1)
				}
				break
			}
		}
	}
}

// roleForQuote matches a quote opening with someone speaking for a body
// named by its noun: "A spokeswoman for the airline said".
var roleForQuote = regexp.MustCompile(`^(?i:an?|the)\s+(?:(?i:senior|chief|top)\s+)?(?i:spokesman|spokeswoman|spokesperson|spokesmen|officials?|executives?|representatives?|sources?)\s+(?i:for|of|at|from|with)\s+(?i:the)\s+[a-z]+\s+(?i:said|says|told)\b`)

// spokesPrefix matches a quote opening with a spokesman's or an
// executive's role: "Military spokesman Colonel Adil Farouk said".
var spokesPrefix = regexp.MustCompile(`^(?i:(?:an?|the|its)\s+)?(?:[\p{L}-]+\s+){0,2}?(?i:spokesman|spokeswoman|spokesperson|chief\s+executive|executive|director|chairman|chairwoman|head|officer|secretary),?\s+(?:[\p{Lu}]|(?i:said|says|told)\b)`)

// recentShares reports whether proposal i shares a content word with a
// claim in the eight sentences before it that is not by x.
func (a *article) recentShares(i int, x Actor) bool {
	p := a.props[i]
	for j := i - 1; j >= 0 && a.meta[i].sent-a.meta[j].sent <= 8; j-- {
		t := a.props[j]
		if t.IsCounter() || sameActor(t.Actor, x) || sameActor(t.Actor, p.Actor) || a.meta[j].kind == kDeny {
			continue
		}
		if sharesContent(p.Statement, t.Statement, p.Actor, t.Actor) {
			return true
		}
	}
	return false
}

// spokesName matches a speaker named only as a body's spokesman:
// "ministry spokeswoman".
var spokesName = regexp.MustCompile(`(?i)^(?:an?\s+|the\s+)?([a-z]+)\s+(?:spokesman|spokeswoman|spokesperson|official)$`)

// spokesAfter matches a spokesman named after a quotation: "“…,”
// spokesman Yusuf Halabi said".
var spokesAfter = regexp.MustCompile(`["”],?\s+(?:(?:a|the|its)\s+)?(?:[\p{L}-]+\s+){0,2}?(?i:spokesman|spokeswoman|spokesperson|chief\s+executive|executive|director|chairman|chairwoman|officer)\s+[\p{Lu}]`)

// pairAccusedAnswers links what an accused party says to the claim about
// it, when it speaks of the same matter (a word in common):
// "Western Grid said it had seen no evidence that its equipment was
// involved" after investigators blamed a power line owned by Western
// Grid; "The company, Cleanway Services, said it had won the contract
// fairly" after claims of a contract steered to a company. The claim is
// the latest about the party in the eight sentences before, in its
// paragraph or the two before, by someone else.
func (a *article) pairAccusedAnswers() {
	for i := range a.props {
		p, m := a.props[i], a.meta[i]
		if p.IsCounter() || m.kind != kAssert || a.headlineProp(i) || p.Actor.Name == Unnamed.Name || !startsCapital(p.Actor.Name) || a.answered(i) {
			// A claim something answers is not made a counter-claim
			// itself (no chains).
			continue
		}
		for j := i - 1; j >= 0; j-- {
			t, tm := a.props[j], a.meta[j]
			if m.sent-tm.sent > 8 || a.paragraph(m.sent)-a.paragraph(tm.sent) > 2 {
				break
			}
			// The party may already have denied the claim in another
			// sentence: its account answers it as well.
			if t.IsCounter() || tm.kind == kDeny || tm.kind == kUrge || a.headlineProp(j) || sameActor(t.Actor, p.Actor) ||
				tm.sent == m.sent || a.answersInSentence(p.Actor, j, m.sent) {
				continue
			}
			// A claim the party has denied is about it, named or not.
			denied := a.alreadyAnswers(p.Actor, j)
			named := a.namesFully(t, p.Actor) || a.namesRole(t, p.Actor) || a.namesDescribed(t, p.Actor) || namesBodyOf(t, p.Actor) ||
				a.namesOwned(t, p.Actor)
			if !named && !denied {
				continue
			}
			if len(strings.Fields(t.Actor.Name)) == 1 && !startsCapital(t.Actor.Name) {
				// "the regulator announced" may be the party itself,
				// not resolved.
				break
			}
			// The accused speaking right after an accusation answers it
			// even without a word in common: "… blamed the electricity
			// company for failing to warn the hospital. The electricity
			// company, Elektra, said the outage had been announced two
			// days in advance."
			if sharesContent(p.Statement, t.Statement, p.Actor, t.Actor) || named && tm.kind == kAccuse && m.sent-tm.sent <= 2 && !eachOther.MatchString(t.Quote) {
				a.props[i].Answers, a.props[i].Relation = j, model.Contradicts
				break
			}
			if !denied {
				break
			}
		}
		if a.props[i].IsCounter() || !negation.MatchString(p.Statement) {
			continue
		}
		// A negation that speaks of the accuser ("the group had never
		// visited his site") answers the accuser's latest claim.
		for j := i - 1; j >= 0; j-- {
			t, tm := a.props[j], a.meta[j]
			if m.sent-tm.sent > 6 || a.paragraph(m.sent)-a.paragraph(tm.sent) > 2 {
				break
			}
			if t.IsCounter() || tm.kind == kDeny || tm.kind == kUrge || a.headlineProp(j) || sameActor(t.Actor, p.Actor) || tm.sent == m.sent ||
				t.Actor.Name == Unnamed.Name || a.alreadyAnswers(p.Actor, j) {
				continue
			}
			if a.negatesActor(p.Statement, t.Actor) {
				a.props[i].Answers, a.props[i].Relation = j, model.Contradicts
			}
			break
		}
	}
}

// nameDescribed gives a denier known only by a description ("A logging
// company accused of clearing trees … has denied breaking any law") the
// name of the party the claim it answers is about, when that party is a
// business and the description ends in a word for one ("Greenwood
// Timber").
func (a *article) nameDescribed() {
	for i, p := range a.props {
		if !p.IsCounter() || !indefiniteBusiness.MatchString(p.Actor.Mention) {
			continue
		}
		var named []Actor
		for _, s := range a.props[p.Answers].Subjects {
			if s.Kind == model.KindOrganisation && startsCapital(s.Name) {
				named = append(named, s)
			}
		}
		if len(named) != 1 {
			continue
		}
		x := named[0]
		x.Mention = p.Actor.Mention
		old := a.name(p.Actor)
		a.props[i].Actor = x
		if strings.HasPrefix(strings.ToLower(p.Statement), strings.ToLower(old)) {
			a.props[i].Statement = sentenceCase(a.name(x) + p.Statement[len(old):])
		}
	}
}

// indefiniteBusiness matches a business described, not named: "A logging
// company", "a construction firm".
var indefiniteBusiness = regexp.MustCompile(`(?i)^an?\s+(?:[\p{L}-]+\s+){0,2}(?:company|firm|business|operator|contractor|manufacturer|maker|supplier|retailer)$`)

// eachOther matches parties blaming one another: no one of them is the
// accused.
var eachOther = regexp.MustCompile(`(?i)\b(?:each\s+other|one\s+another)\b`)

// answersInSentence reports whether x answers claim target already in
// sentence si.
func (a *article) answersInSentence(x Actor, target, si int) bool {
	for k, p := range a.props {
		if p.Answers == target && sameActor(p.Actor, x) && a.meta[k].sent == si {
			return true
		}
	}
	return false
}

// negatesActor reports whether statement s says x did not do something:
// x (by name or role) is followed within three words by "never", "not"
// or "no" ("the group had never visited his site"), not merely named
// near a negation ("had written to the company … and received no
// reply").
func (a *article) negatesActor(s string, x Actor) bool {
	low := strings.ToLower(s)
	names := []string{strings.ToLower(x.Name)}
	for _, r := range a.rolesOf(x) {
		names = append(names, "the "+r)
	}
	for _, n := range names {
		if len(n) < 3 {
			continue
		}
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(n) + `\s+(?:[\p{L}']+\s+){0,2}?(?:never|not|no)\b|\b` + regexp.QuoteMeta(n) + `\s+[\p{L}]+n't\b`)
		if re.MatchString(low) {
			return true
		}
	}
	return false
}

// namesFully reports whether claim p names x by its whole name or has it
// as a subject of that name: "Arva" in "the Arva river" is not "Clean
// Arva".
func (a *article) namesFully(p Proposal, x Actor) bool {
	for _, s := range p.Subjects {
		if strings.EqualFold(s.Name, x.Name) {
			return true
		}
	}
	st := strings.ToLower(p.Statement)
	if namedIn(st, x) {
		return true
	}
	return false
}

// ownerBefore and ownerAfter find what a party is introduced as owning or
// making: "The vaccine's maker, Pellion Biotech," and "Karst Energy, which
// owns the mine,".
var (
	ownerBefore = regexp.MustCompile(`(?i)\b(?:the|its|their)\s+([\p{L}-]+)['’]s\s+(?:\w+\s+)?(?:maker|makers|owner|owners|operator|operators|manufacturer|employer|developer|producer|supplier|builder|contractor)\s*,?\s*$`)
	ownerAfter  = regexp.MustCompile(`(?i)^\s*,\s+(?:which|who)\s+(?:owns|owned|operates|operated|runs|ran|makes|made|built|builds|manufactures|manufactured|supplied|supplies|employs|employed)\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)`)
)

// namesOwned reports whether claim p names what x was introduced as
// owning or making ("the mine", "the vaccine").
func (a *article) namesOwned(p Proposal, x Actor) bool {
	st := " " + strings.ToLower(p.Statement) + " "
	for _, m := range a.mentions {
		if !sameActor(m.actor, x) {
			continue
		}
		var owned []string
		if g := ownerBefore.FindStringSubmatch(a.text[max(0, m.Start-60):m.Start]); g != nil {
			owned = append(owned, g[1])
		}
		if g := ownerAfter.FindStringSubmatch(a.text[m.End:min(len(a.text), m.End+80)]); g != nil {
			owned = append(owned, g[1])
		}
		for _, o := range owned {
			o = strings.ToLower(o)
			if len(o) >= 3 && (strings.Contains(st, " "+o+" ") || strings.Contains(st, " "+o+".") || strings.Contains(st, " "+o+",")) {
				return true
			}
		}
	}
	return false
}

// namesBodyOf reports whether claim p names the body that speaker x
// speaks for: "City officials" and "since the city replaced a water
// main".
func namesBodyOf(p Proposal, x Actor) bool {
	f := strings.Fields(strings.ToLower(x.Name))
	if len(f) < 2 || !speakerWords[f[len(f)-1]] {
		return false
	}
	body := strings.Join(f[:len(f)-1], " ")
	st := " " + strings.ToLower(p.Statement) + " "
	return len(body) >= 3 && strings.Contains(st, " the "+body+" ")
}

// namesDescribed reports whether claim p speaks of "a company" and x was
// introduced as "The company, X": the company it meant.
func (a *article) namesDescribed(p Proposal, x Actor) bool {
	d := strings.ToLower(a.descOf(x))
	if d == "" {
		return false
	}
	st := " " + strings.ToLower(p.Statement) + " "
	return strings.Contains(st, " a "+d+" ") || strings.Contains(st, " an "+d+" ")
}

// clientOf is whom the speaker of proposal i speaks for, from counselFor's
// match on its quote: "Mercer's lawyer" speaks for Daniel Mercer, "His
// lawyer" for the person named last.
func (a *article) clientOf(i int, mm []string) (Actor, bool) {
	p := a.props[i]
	if n := mm[1] + mm[2]; n != "" {
		if c, ok := a.fullName(n, p.Start); ok {
			return c, true
		}
		return a.lastMention(p.Start, func(x Actor) bool {
			return strings.Contains(x.Name, n) || strings.Contains(n, x.Name)
		})
	}
	return a.lastMention(p.Start, func(x Actor) bool { return x.Kind == model.KindPerson && !sameActor(x, p.Actor) })
}

// nameClients writes the client's name for "his client" in what a lawyer
// says ("Ward's lawyer, Thomas Reyes, said his client had been fired" →
// "Helen Ward had been fired"), and in the statements that repeat it.
func (a *article) nameClients() {
	for i, p := range a.props {
		mm := counselFor.FindStringSubmatch(p.Quote)
		if mm == nil || p.Actor.Kind != model.KindPerson {
			continue
		}
		client, ok := a.clientOf(i, mm)
		if !ok || sameActor(client, p.Actor) {
			continue
		}
		for _, pre := range []string{a.name(p.Actor) + "'s client", a.name(p.Actor) + "’s client"} {
			for k := range a.props {
				a.props[k].Statement = strings.Replace(a.props[k].Statement, pre, a.name(client), 1)
			}
		}
	}
}

// contentStart is where the reported clause of p begins in the text, as
// near as the quote tells: after "said" or "that".
func (a *article) contentStart(p Proposal) int {
	q := p.Quote
	best := -1
	for _, w := range []string{" said that ", " said ", " says ", " told reporters ", " that "} {
		if k := strings.Index(q, w); k >= 0 && (best < 0 || k < best) {
			best = k + len(w)
		}
	}
	if best < 0 {
		return p.Start
	}
	return p.Start + best
}

// implicitClaimNouns are what a denial names when it rejects someone's
// words without naming them: "rejected claims that …", "denied reports
// that …".
var implicitClaimNouns = set("claims", "claim", "allegations", "allegation", "accusations", "accusation", "reports", "report",
	"suggestions", "suggestion", "charges", "rumours", "rumors")

// proposeImplicit gives a denial that answers nothing the claim it denies,
// when the denial itself says someone made one: "Organisers … rejected
// claims that they had sold far more tickets than the site could hold"
// proposes "The organisers had sold far more tickets …" by an unnamed
// accuser, and pairs the denial with it. A denial in its own words
// without such a noun ("denied any plans for an offensive") stays as it
// is.
func (a *article) proposeImplicit() {
	for i := 0; i < len(a.props); i++ {
		p, m := a.props[i], a.meta[i]
		if p.IsCounter() || m.kind != kDeny || m.content == "" || !implicitClaimNouns[m.noun] || a.headlineProp(i) || a.answered(i) {
			continue
		}
		at := strings.Index(p.Quote, m.content)
		if at < 0 {
			continue
		}
		start := p.Start + at
		content := m.content
		if k := strings.Index(content, ", after "); k > 0 {
			// "…, after a crush at the main entrance injured 34 people":
			// when, not what was claimed.
			content = content[:k]
		}
		stmt := sentenceCase(a.resolvePronouns(cleanClause(content), p.Actor, start))
		claim := Proposal{
			Statement: stmt, Quote: content, Start: start, End: start + len(content),
			Actor: Unnamed, Subjects: []Actor{p.Actor}, Verb: m.noun, Answers: -1,
		}
		// The claim goes before its denial, in article order.
		a.props = append(a.props[:i], append([]Proposal{claim}, a.props[i:]...)...)
		a.meta = append(a.meta[:i], append([]propMeta{{kind: kAccuse, sent: m.sent}}, a.meta[i:]...)...)
		for k := range a.props {
			if a.props[k].Answers >= i {
				a.props[k].Answers++
			}
		}
		rel := m.relation
		if rel == "" {
			rel = model.Denies
		}
		a.props[i+1].Answers, a.props[i+1].Relation = i, rel
		i++
	}
}

// roleAfter matches the role given after a name: ", the researcher,", ",
// a former lawyer at …".
var roleAfter = regexp.MustCompile(`^,\s+(?i:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}]+)\b(?:,|\s+(?:at|of|for|with|from|in)\b)`)

// titleBefore moves a position back over a title before a name ("the
// researcher, Dr. Miriam Oakes": the role before "Dr.").
func titleBefore(text string, at int) int {
	i := strings.TrimRight(text[:at], " ")
	j := strings.LastIndexAny(i, " \n")
	w := strings.ToLower(strings.TrimSuffix(i[j+1:], "."))
	if honorifics[w] && j >= 0 {
		return j + 1
	}
	return at
}

// honorifics stand between a role and a name: "the researcher, Dr.
// Miriam Oakes" (not "Agency director Paula Renn", where the title is the
// role).
var honorifics = set("dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "colonel", "col", "major", "maj",
	"captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "general", "gen", "judge", "justice", "rev", "reverend", "father")

// pairNextInParagraph makes an answer by the other party right after a
// claim, in the same paragraph, answer that claim: "Oakes said she had
// raised her concerns internally three times. A Velora spokesman said
// the company had no record of any such complaint." The other party is
// one the claimant spoke about before, or one that answered the
// claimant before.
func (a *article) pairNextInParagraph() {
	for i := 1; i < len(a.props); i++ {
		p := a.props[i]
		if p.Answers == i-1 {
			continue
		}
		j := i - 1
		t := a.props[j]
		if !p.IsCounter() {
			continue
		}
		if t.IsCounter() || a.meta[j].kind == kDeny || a.meta[j].kind == kUrge || t.Actor.Name == Unnamed.Name ||
			sameActor(t.Actor, p.Actor) || a.headlineProp(j) {
			continue
		}
		si, sj := a.meta[i].sent, a.meta[j].sent
		if si-sj != 1 || a.paragraph(si) != a.paragraph(sj) || a.meta[p.Answers].sent >= sj {
			continue
		}
		if a.meta[p.Answers].kind == kAccuse && a.meta[j].kind != kAccuse {
			// An accusation keeps its answer: "Residents accused the
			// council of …. Campaigners say they wrote to the council ….
			// The council insists it acted on every report".
			continue
		}
		if a.refersBack(i) {
			// "rejected the allegations" points at what it names.
			continue
		}
		if !a.otherParty(j, p.Actor) {
			continue
		}
		a.props[i].Answers = j
	}
}

// pairAdded makes a claim its speaker "added" right after a counter-claim
// part of that answer: "“Our reporting is complete,” a company spokesperson
// said. The spokesperson added that the group had misread the data"
// contradicts what the first answer contradicted.
func (a *article) pairAdded() {
	for i := 1; i < len(a.props); i++ {
		p, t := a.props[i], a.props[i-1]
		// The same speaker going on, or the spokesperson of the body that
		// just answered ("… rejected the accusation. “We did not target
		// civilians,” ministry spokesman Arlen Toma told …").
		if p.IsCounter() || !t.IsCounter() {
			continue
		}
		goesOn := addedVerbs[p.Verb] && sameActor(p.Actor, t.Actor) ||
			a.speaksFor(i, t.Actor) && !sameActor(p.Actor, a.props[t.Answers].Actor)
		// Next to it: the sentence after, or the paragraph after (a
		// quotation of several sentences), with nothing proposed between.
		near := a.meta[i].sent-a.meta[i-1].sent <= 1 || a.paragraph(a.meta[i].sent)-a.paragraph(a.meta[i-1].sent) <= 1
		if !goesOn || !near || a.meta[i].kind == kUrge || !contests.MatchString(p.Statement) {
			// What it adds must contest something: "… and will look
			// into this one," he added, is no answer.
			continue
		}
		a.props[i].Answers, a.props[i].Relation = t.Answers, model.Contradicts
		if t.Relation == model.Disputes {
			a.props[i].Relation = model.Disputes
		}
	}
}

// contests marks a statement that says something is wrong.
var contests = regexp.MustCompile(`(?i)\b(?:not|no|never|nothing|none|\w+n't|false|untrue|wrong|wrongly|incorrect\w*|inaccura\w+|mislead\w*|misread|misunderst\w+|mistaken\w*|miscount\w*|double-count\w*|overstat\w+|exaggerat\w+|flawed|error\w*|baseless|unfounded)\b`)

// speaksFor reports whether proposal i's speaker is introduced as a
// spokesperson ("ministry spokesman Arlen Toma told …") speaking after
// body x: x's spokesperson.
func (a *article) speaksFor(i int, x Actor) bool {
	return x.Kind != model.KindPerson && spokesperson.MatchString(a.props[i].Actor.Mention)
}

var spokesperson = regexp.MustCompile(`(?i)\bspokes(?:man|woman|person)\b`)

// addedVerbs carry on what the speaker said before.
var addedVerbs = set("added", "adds", "continued", "went on")

// refersBack reports whether counter-claim i names what it answers: "the
// allegations", "these claims", "the report".
func (a *article) refersBack(i int) bool {
	return backRef.MatchString(a.props[i].Quote)
}

var backRef = regexp.MustCompile(`(?i)\b(?:the|these|those|such|that|this|her|his|their|its)\s+(?:[\w'’]+\s+)?(?:allegations?|accusations?|claims?|charges?|reports?|findings|study|criticism|account|explanation)\b`)

// otherParty reports whether x is on the other side from the speaker of
// claim j: the claim or an earlier one by its speaker is about x, or x
// answered an earlier claim by that speaker.
func (a *article) otherParty(j int, x Actor) bool {
	c := a.props[j].Actor
	for k := 0; k <= j; k++ {
		q := a.props[k]
		if sameActor(q.Actor, c) && a.isAbout(q, x) {
			return true
		}
		if sameActor(q.Actor, x) && q.IsCounter() && sameActor(a.props[q.Answers].Actor, c) {
			return true
		}
	}
	return false
}

// pairRepresentatives pairs what a party's representative says, when it
// says something is wrong or speaks to the same matter, with the latest
// claim about that party: "Its chief executive, Dana Holm, said the
// regulator had compared the wrong periods" after the regulator's charge
// against Frisco; "A company spokeswoman said the group's samples …";
// "its medical director, Dr. Paul Hennig, said …". The party is the body
// "its"/"their" stands for (the latest body that spoke), the one named
// before "'s", or the noun before "spokeswoman".
func (a *article) pairRepresentatives() {
	for i := range a.props {
		p, m := a.props[i], a.meta[i]
		if p.IsCounter() || m.kind == kUrge || p.Start < 0 || a.headlineProp(i) {
			continue
		}
		// The party its speaker represents.
		party, noun, rep := a.represented(i)
		if !rep {
			continue
		}
		if party.Name == "" && noun != "" {
			party = Actor{Name: noun, Mention: noun}
		}
		best := -1
		for j := i - 1; j >= 0 && m.sent-a.meta[j].sent <= 10; j-- {
			t := a.props[j]
			if t.IsCounter() || a.meta[j].kind == kUrge || a.meta[j].kind == kDeny || a.headlineProp(j) ||
				sameActor(t.Actor, p.Actor) || sameActor(t.Actor, party) || noun != "" && namesNoun(t.Actor, noun) {
				// Not its own side's claim: "A spokesman for the rebel
				// Eastern Front" backs what the rebels said.
				continue
			}
			if a.isAbout(t, party) || noun != "" && (hasWord(t.Statement, set(noun)) || a.subjectNoun(t, noun)) {
				best = j
				break
			}
		}
		if best < 0 {
			continue
		}
		t := a.props[best]
		// What it says must contest the claim or speak to its matter; a
		// representative introduced a few sentences after it answers it.
		if !contests.MatchString(p.Statement) && !sharesContent(p.Statement, t.Statement, p.Actor, t.Actor) {
			continue
		}
		a.props[i].Answers, a.props[i].Relation = best, model.Contradicts
	}
}

// pairAfterReport pairs a denial with the report its sentence gives as
// its cause: "The clothing retailer Marlow & Finch has denied wrongdoing
// after a rights group said workers … were forced to work …".
func (a *article) pairAfterReport() {
	for i := 0; i+1 < len(a.props); i++ {
		p, t := a.props[i], a.props[i+1]
		if p.IsCounter() || a.meta[i].kind != kDeny || a.meta[i].sent != a.meta[i+1].sent || t.IsCounter() ||
			a.meta[i+1].kind == kDeny || sameActor(p.Actor, t.Actor) || p.End < 0 || t.Start < p.End {
			continue
		}
		if between := strings.ToLower(a.text[p.End:t.Start]); !strings.Contains(" "+between+" ", " after ") {
			continue
		}
		a.props[i].Answers, a.props[i].Relation = i+1, model.Denies
	}
}

// pairOwnQuote makes a speaker's quotation right after the speaker's own
// answer, in the same paragraph, part of that answer: "Pashko … said the
// consultancy had nothing to do with him. “I learned about these
// contracts from the newspapers,” he told the court." A promise ("we will
// cooperate") is no answer.
func (a *article) pairOwnQuote() {
	for i := 1; i < len(a.props); i++ {
		p, t := a.props[i], a.props[i-1]
		if p.IsCounter() || !t.IsCounter() || !sameActor(p.Actor, t.Actor) || p.Actor.Kind == "" || a.meta[i].kind == kUrge ||
			a.paragraph(a.meta[i].sent) != a.paragraph(a.meta[i-1].sent) || a.meta[i].sent-a.meta[i-1].sent > 2 ||
			!(strings.HasPrefix(p.Quote, "\"") || strings.HasPrefix(p.Quote, "“")) ||
			promise.MatchString(p.Statement) {
			continue
		}
		a.props[i].Answers, a.props[i].Relation = t.Answers, model.Contradicts
	}
}

// promise marks what a speaker will do: "… and will look into this one".
var promise = regexp.MustCompile(`(?i)\b(?:will|would|shall|going\s+to|plans?\s+to|intends?\s+to)\b`)

// represented is the party proposal i's speaker speaks for, from the words
// that introduce the speaker: a party, or a noun naming it ("company").
func (a *article) represented(i int) (party Actor, noun string, ok bool) {
	p := a.props[i]
	q := p.Quote
	if m := repPossessive.FindStringSubmatch(q); m != nil {
		switch owner := strings.ToLower(m[1]); owner {
		case "its", "their":
			for k := i - 1; k >= 0; k-- {
				if x := a.props[k].Actor; x.Kind != model.KindPerson && x.Kind != "" && x.Name != Unnamed.Name {
					return x, "", true
				}
			}
			return Actor{}, "", false
		default:
			// "The council's chief executive": the council.
			w := strings.Fields(owner)
			return Actor{}, strings.TrimPrefix(w[len(w)-1], "the "), true
		}
	}
	if m := repSpokes.FindStringSubmatch(q); m != nil {
		noun = strings.ToLower(m[1] + m[2])
		return Actor{}, noun, noun != ""
	}
	return Actor{}, "", false
}

// repPossessive matches a speaker introduced by a role of a party: "Its
// chief executive, Dana Holm, said", "The council's chief executive, Owen
// Pryce,". Group 1 is the owner.
var repPossessive = regexp.MustCompile(`(?i)^(its|their|the\s+[\p{L}-]+['’]s)\s+(?:[\p{L}-]+\s+){0,3}?(?:executive|director|head|chair|chairman|chairwoman|president|spokesman|spokeswoman|spokesperson|lawyer|counsel|manager|researcher|principal|headteacher|founder|owner|secretary)\b[^,]{0,20},`)

// repSpokes matches "A company spokeswoman said" (group 1) and "A
// spokesman for the ministry" (group 2).
var repSpokes = regexp.MustCompile(`(?i)^an?\s+(?:([\p{L}-]+)\s+spokes(?:man|woman|person)|spokes(?:man|woman|person)\s+for\s+the\s+([\p{L}-]+))\b`)

// namesNoun reports whether x's name or mention holds noun, or its plural.
func namesNoun(x Actor, noun string) bool {
	return hasWord(x.Name+" "+x.Mention, set(noun, noun+"s"))
}

// subjectNoun reports whether one of claim t's subjects is described by
// noun ("the company" for Norrland Pulp).
func (a *article) subjectNoun(t Proposal, noun string) bool {
	for _, s := range t.Subjects {
		if d := strings.Fields(strings.ToLower(a.descOf(s))); len(d) > 0 && d[len(d)-1] == noun {
			return true
		}
		if n := strings.Fields(strings.ToLower(s.Name)); len(n) > 0 && n[len(n)-1] == noun {
			return true
		}
	}
	return false
}
