package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"claims/internal/model"
)

// descriptorKinds are the nouns wire copy puts before a name to say what
// it is ("the environmental group RiverWatch", "the mining company Sorel
// Metals", "the opposition Liberty Party"), with the kind they give.
var descriptorKinds = map[string]model.ActorKind{
	"group": model.KindOrganisation, "organisation": model.KindOrganisation, "organization": model.KindOrganisation,
	"charity": model.KindOrganisation, "watchdog": model.KindOrganisation, "monitor": model.KindOrganisation,
	"tank": model.KindOrganisation, "ngo": model.KindOrganisation, "institute": model.KindOrganisation,
	"foundation": model.KindOrganisation, "association": model.KindOrganisation, "federation": model.KindOrganisation,
	"union": model.KindOrganisation, "coalition": model.KindOrganisation, "alliance": model.KindOrganisation,
	"network": model.KindOrganisation, "body": model.KindOrganisation, "campaign": model.KindOrganisation,
	"company": model.KindOrganisation, "firm": model.KindOrganisation, "maker": model.KindOrganisation,
	"manufacturer": model.KindOrganisation, "giant": model.KindOrganisation, "retailer": model.KindOrganisation,
	"lender": model.KindOrganisation, "bank": model.KindOrganisation, "airline": model.KindOrganisation,
	"carrier": model.KindOrganisation, "insurer": model.KindOrganisation, "operator": model.KindOrganisation,
	"developer": model.KindOrganisation, "conglomerate": model.KindOrganisation, "chain": model.KindOrganisation,
	"club": model.KindOrganisation, "consultancy": model.KindOrganisation, "startup": model.KindOrganisation,
	"party": model.KindParty, "opposition": model.KindParty, "movement": model.KindParty,
	"newspaper": model.KindOutlet, "broadcaster": model.KindOutlet, "outlet": model.KindOutlet, "magazine": model.KindOutlet,
	"daily": model.KindOutlet, "weekly": model.KindOutlet, "website": model.KindOutlet, "channel": model.KindOutlet,
	"militia": model.KindGroup, "faction": model.KindGroup,
	"seller": model.KindOrganisation, "investor": model.KindOrganisation, "fund": model.KindOrganisation,
	"lobby": model.KindOrganisation, "provider": model.KindOrganisation, "platform": model.KindOrganisation,
	"publisher": model.KindOrganisation, "broker": model.KindOrganisation, "supplier": model.KindOrganisation,
	"contractor": model.KindOrganisation, "agency": model.KindOrganisation, "regulator": model.KindOrganisation,
	"ruling": model.KindParty, "paper": model.KindOutlet, "tabloid": model.KindOutlet,
}

// armedDescriptors make a described group an armed one: "the militant
// group Black Banner".
var armedDescriptors = set("militant", "armed", "rebel", "insurgent", "jihadist", "separatist", "extremist", "terrorist")

// describedName splits "the environmental group RiverWatch" into the
// description's head ("group"), its kind, and the name ("RiverWatch"). ok
// is false when the phrase is not a description followed by a name.
func describedName(p string) (head string, kind model.ActorKind, name string, ok bool) {
	f := strings.Fields(p)
	// The name: the capitalised words at the end ("of", "for", "the",
	// "and" inside).
	i := len(f)
	for i > 0 {
		w := f[i-1]
		if startsCapital(w) {
			i--
			continue
		}
		if lw := strings.ToLower(w); (lw == "of" || lw == "for" || lw == "and" || lw == "the" || lw == "de" || lw == "&") && i < len(f) && i-1 > 0 {
			i--
			continue
		}
		break
	}
	for i < len(f) && !startsCapital(f[i]) {
		i++
	}
	if i == 0 || i >= len(f) {
		return "", "", "", false
	}
	before := strings.ToLower(strings.Trim(f[i-1], ",'’"))
	k, isDesc := descriptorKinds[before]
	if !isDesc {
		return "", "", "", false
	}
	if before == "group" || before == "movement" || before == "organisation" || before == "organization" || before == "network" || before == "alliance" {
		for _, w := range f[:i-1] {
			if armedDescriptors[strings.ToLower(w)] {
				k = model.KindGroup
			}
		}
	}
	return before, k, strings.Join(f[i:], " "), true
}

// descriptorBefore finds the description written just before a name in
// the text ("group" in "the campaign group Clean Arva").
func descriptorBefore(text string, start int) (string, model.ActorKind) {
	lo := max(0, start-60)
	pre := strings.Fields(text[lo:start])
	if len(pre) == 0 || start > 0 && text[start-1] != ' ' {
		return "", ""
	}
	w := strings.ToLower(strings.Trim(pre[len(pre)-1], "'’,"))
	k, ok := descriptorKinds[w]
	if !ok {
		return "", ""
	}
	if k == model.KindOrganisation && len(pre) >= 2 && armedDescriptors[strings.ToLower(pre[len(pre)-2])] {
		k = model.KindGroup
	}
	return w, k
}

// orgHeads are the nouns that, after "the", stand for a body named before
// ("the agency" after "the National Food Safety Agency", "the ministry"
// after "the Ministry of Industry", "the company" after "the mining company
// Sorel Metals").
var orgHeads = set("agency", "ministry", "company", "firm", "group", "party", "institute", "federation", "union",
	"commission", "council", "committee", "board", "authority", "bureau", "office", "department", "court", "tribunal",
	"association", "foundation", "alliance", "coalition", "campaign", "club", "bank", "regulator", "watchdog", "body",
	"organisation", "organization", "hospital", "university", "network", "movement", "charity", "newspaper", "broadcaster",
	"army", "military", "police", "government", "mission", "embassy", "laboratory", "lab", "service", "monitor",
	"factory", "plant", "mill", "mine", "retailer", "supplier", "manufacturer", "maker", "operator", "airline", "carrier",
	"school", "clinic", "trust")

// bodyNamedBefore finds the body that "the <noun>" stands for: the latest
// non-person mention before at whose description is noun or whose name
// holds the noun as a word.
func (a *article) bodyNamedBefore(noun string, at int) (Actor, bool) {
	for i := len(a.mentions) - 1; i >= 0; i-- {
		m := a.mentions[i]
		if m.Start >= at || m.actor.Kind == model.KindPerson || m.actor.Kind == "" || strings.EqualFold(a.name(m.actor), noun) {
			continue
		}
		if m.desc == noun {
			// "a company spokeswoman": the company named last.
			return m.actor, true
		}
		if after := strings.ToLower(a.text[m.End:min(len(a.text), m.End+len(noun)+2)]); strings.TrimSpace(after) == noun && strings.HasPrefix(after, " ") &&
			len(strings.Fields(a.name(m.actor))) >= 2 {
			// "the factory" after "the Sunrise Textiles factory".
			return m.actor, true
		}
		for _, w := range strings.Fields(strings.ToLower(a.name(m.actor))) {
			if w = strings.Trim(w, ",.'’()"); w == noun || noun == "club" && (w == "fc" || w == "united" || w == "city") {
				return m.actor, true
			}
		}
	}
	if noun == "company" || noun == "firm" {
		// "the company" after "Greenwood Timber": the business named
		// last, by the word its name ends in.
		for i := len(a.mentions) - 1; i >= 0; i-- {
			m := a.mentions[i]
			if m.Start >= at || m.actor.Kind != model.KindOrganisation {
				continue
			}
			if f := strings.Fields(strings.ToLower(a.name(m.actor))); len(f) >= 2 && companyWords[f[len(f)-1]] {
				return m.actor, true
			}
		}
	}
	return Actor{}, false
}

// roleForBody matches a spokesman, official or executive "for/of the
// <noun>": "A spokeswoman for the airline", "an official of the ministry".
var roleForBody = regexp.MustCompile(`(?i)^(?:a|an|the)\s+(?:(?:senior|chief|top)\s+)?(?:spokesman|spokeswoman|spokesperson|spokesmen|official|officials|executive|executives|representative|representatives|source|sources)\s+(?:for|of|at|with|from)\s+the\s+([a-z]+)$`)

// nounSynonyms are other descriptions a body may have been introduced
// with: "Budget carrier Aerovia" is "the airline".
var nounSynonyms = map[string][]string{
	"airline": {"carrier"}, "carrier": {"airline"}, "company": {"firm"}, "firm": {"company"},
	"army": {"military"}, "military": {"army"},
}

// bodyForNoun is bodyNamedBefore, also trying the noun's synonyms.
func (a *article) bodyForNoun(noun string, at int) (Actor, bool) {
	if x, ok := a.bodyNamedBefore(noun, at); ok {
		return x, true
	}
	for _, n := range nounSynonyms[noun] {
		if x, ok := a.bodyNamedBefore(n, at); ok {
			return x, true
		}
	}
	// "The health ministry dismissed a report … A spokeswoman for the
	// ministry said": a speaker named in lower case is no mention, but
	// its proposals hold it.
	for i := len(a.props) - 1; i >= 0; i-- {
		x := a.props[i].Actor
		if a.props[i].Start >= at || x.Kind == model.KindPerson || x.Name == Unnamed.Name {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(x.Name)) {
			if w == noun {
				return x, true
			}
		}
	}
	return Actor{}, false
}

// roleOfBody matches "a ministry spokesman", "the company's spokeswoman",
// "an army official": someone speaking for a body named by its noun.
var roleOfBody = regexp.MustCompile(`(?i)^(?:a|an|the)\s+([a-z]+)(?:['’]s)?\s+(?:spokesman|spokeswoman|spokesperson|official|source|representative|statement|lawyer|attorney)$`)

// peopleSuffixes end plural nouns for groups of people who can make a
// claim: farmers, residents, campaigners, economists, physicians.
var peopleSuffixes = []string{"ers", "ists", "ians", "ants", "ents", "men", "ors", "ives", "ees", "ites"}

// notPeople are plural nouns with those endings that are not people.
var notPeople = set("others", "numbers", "orders", "papers", "matters", "letters", "members", "answers", "reports",
	"documents", "comments", "statements", "arguments", "payments", "events", "moments", "elements", "agents",
	"questions", "sources", "components", "governments", "comments", "departments", "investments", "settlements",
	"parents'", "factors", "sectors", "errors", "motors", "monitors", "doctors'", "narratives", "initiatives",
	"incentives", "objectives", "alternatives", "fees", "committees", "guarantees", "ments", "women", "men")

// peopleNoun reports whether w (lower case) is a plural noun for people:
// "farmers", "villagers", "fishermen", "players".
func peopleNoun(w string) bool {
	if extraPeople[w] {
		return true
	}
	if notPeople[w] || len(w) < 5 {
		return false
	}
	for _, s := range peopleSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// extraPeople are words for people that the suffixes miss.
var extraPeople = set("police", "staff", "people", "locals", "villagers", "parents", "women", "men", "youth", "crew",
	"auditor", "auditors", "ombudsman", "coroner", "inspector", "inspectors", "prosecutor", "doctor", "nurse", "player",
	"farmer", "resident", "witness", "survivor", "relatives", "families", "students", "teachers", "scientist",
	"economist", "expert", "analyst", "activist", "official", "lawmaker", "senator", "councillor", "mayor", "governor",
	"physician", "engineer", "worker", "workers", "employee", "employees", "owner", "owners", "fans", "voters",
	"pupils", "pupil", "patients", "patient", "clients", "victims", "victim", "tenants", "staff", "children", "mothers", "fathers")

// lastBodySpeaker is the speaker of the latest proposal in this or the two
// sentences before that is not a person: what "it" (or, when plural,
// "they") stands for as a speaker.
func (a *article) lastBodySpeaker(si int, plural bool) (Actor, bool) {
	for i := len(a.props) - 1; i >= 0; i-- {
		if si-a.meta[i].sent > 2 {
			break
		}
		x := a.props[i].Actor
		if x.Kind == "" || x.Kind == model.KindPerson || x.Name == Unnamed.Name {
			continue
		}
		if plural != pluralName(a.name(x)) && x.Kind != model.KindGovernment {
			continue
		}
		return x, true
	}
	return Actor{}, false
}

// pluralName reports whether a name reads as plural: "Residents", "the
// police", "officials".
func pluralName(n string) bool {
	f := strings.Fields(strings.ToLower(n))
	if len(f) == 0 {
		return false
	}
	l := f[len(f)-1]
	return l == "police" || l == "authorities" || l == "people" || peopleNoun(l) && strings.HasSuffix(l, "s") ||
		strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !startsCapital(strings.Fields(n)[len(f)-1])
}

// sayAdjunct matches one adjunct after a reporting verb: "on Sunday", "in a
// statement", "at a news conference", "last week", "separately".
var sayAdjunct = regexp.MustCompile(`(?i)^,?\s*(?:` +
	`(?:on|last|this|early|late|earlier|later)\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|week|month|year|night|morning|evening|afternoon|weekend)(?:\s+(?:morning|evening|afternoon|night))?` +
	`|in\s+(?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|report|interview|letter|post|speech|filing|briefing|message|note|tweet|video|submission|ruling|court|hearing|complaint|lawsuit|petition|affidavit|testimony|email|e-mail|blog)` +
	// "in a complaint to the national exams regulator".
	`(?:\s+to\s+(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:regulator|ministry|court|police|committee|commission|council|board|authority|agency|inquiry|parliament|tribunal|ombudsman|watchdog|office|prosecutor|prosecutors|investigators))?` +
	`|at\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:conference|briefing|rally|hearing|meeting|event|summit|session)` +
	`|(?:yesterday|today|earlier|later|separately|again|previously|repeatedly|privately|publicly)` +
	`)\b`)

// functionWordStart reports whether a clause would start with a word that
// cannot begin one: a preposition or conjunction ("in", "and", "to").
func functionWordStart(w string) bool {
	switch strings.ToLower(strings.Trim(w, ",")) {
	case "in", "on", "at", "to", "of", "for", "and", "or", "but", "with", "by", "from", "as", "that", "which", "who":
		return true
	}
	return false
}

// scheduling matches a reported clause that only says what the speaker
// will do next: "it would hold a hearing next month", "he would meet the
// agency's director next week", "it would publish its own test results on
// Friday".
var scheduling = regexp.MustCompile(`(?i)^(?:it|he|she|they|we|i)\s+(?:would|will|was\s+going\s+to|were\s+going\s+to|planned\s+to|plans\s+to|intended\s+to|intends\s+to|expected\s+to|hoped\s+to|hopes\s+to)\s+(?:also\s+|soon\s+)?` +
	`(?:meet|hold|publish|release|visit|travel|announce|discuss|convene|present|review|consider|respond|attend|host|sign|talk|study|examine|look\s+into|issue|brief|call|send|set\s+up|appoint|decide|make\s+a\s+decision|comment|give|provide|share|update|report|resume|continue|hold\s+talks|contact|investigate|seek|request|summon|raise|look\s+at)\b` +
	`|^(?:it|he|she|they|we|i)\s+(?:was|were|is|are)\s+(?:now\s+|also\s+)?(?:investigating|looking\s+into|reviewing|examining|studying|considering|assessing|monitoring)\b` +
	`|^[^,;]{2,40}?\s+would\s+be\s+(?:given|sent|offered|issued|published|released|held|presented|announced)\s+(?:new\s+)?(?:guidance|guidelines|advice|details|instructions|information)\b`)

// backNoun matches a sentence that opens by pointing back at claims
// already reported: "The allegations were first made by …".
var backNoun = regexp.MustCompile(`(?i)^(?:the|these|those|such)\s+(?:\w+\s+)?(?:allegations?|accusations?|claims?|charges?|reports?)\b`)

// appositiveDesc matches a description in an appositive after a name:
// ", a local newspaper,", ", the country's main opposition party".
var appositiveDesc = regexp.MustCompile(`^,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?([a-z]+)\b\s*[,.;]`)

// descriptorAfter finds the description in an appositive just after a
// name ("the Northgate Ledger, a local newspaper, …").
func descriptorAfter(text string, end int) (string, model.ActorKind) {
	m := appositiveDesc.FindStringSubmatch(text[end:min(len(text), end+80)])
	if m == nil {
		return "", ""
	}
	k, ok := descriptorKinds[m[1]]
	if !ok {
		return "", ""
	}
	return m[1], k
}

// theBody matches "the <noun>" in a clause, for nouns that may stand for a
// body named before (see orgHeads).
var theBody = regexp.MustCompile(`(?i)\bthe\s+([a-z]+)\b`)

// roleAt matches "a former researcher at Medixa Labs": a person's role at
// a named body.
var roleAt = regexp.MustCompile(`^(?:[a-z-]+\s+){0,2}([a-z]+)\s+(?:at|of|from|with|for)\s+(?:the\s+)?[\p{Lu}]`)

// sharesContent reports whether two statements share a content word that
// is not part of either speaker's name: they are about the same matter.
func sharesContent(a, b string, x, y Actor) bool { return sharedWords(a, b, x, y, 3) > 0 }

// passiveDenial matches "The claim was refuted by X" (and ", which said
// …" after it).
var passiveDenial = regexp.MustCompile(`(?i)^(?:but\s+|however,?\s+)?((?:the|these|those|this|that|such|his|her|their|its)\s+(?:\w+\s+){0,2}?(?:claims?|allegations?|accusations?|charges?|reports?|assertions?|suggestions?|account|figures?))\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:\w+ly\s+)?(denied|rejected|dismissed|refuted|disputed|contested|rebutted|challenged|contradicted)\s+by\s+([^,;]{2,80}?)(?:\s*[.!?]*$|,?\s+(?:which|who)\s+(said|says|stated|added|insisted)\s+(?:that\s+)?)`)

// documentSays matches a document or recording with a participle phrase
// as the speaker: "A video shared more than two million times on social
// media claims that …", "A report published last week found …".
var documentSays = regexp.MustCompile(`(?i)^(?:(?:an?|the)\s+)?((?:[\w-]+\s+)?(?:video|post|report|study|survey|analysis|letter|message|article|document|audit|review|paper|leaflet|clip|film|documentary|tweet|recording|memo|dossier|investigation|file|email|image|photo)s?)\s+(?:shared|published|released|posted|issued|circulated|circulating|seen|viewed|broadcast|aired|leaked|obtained|filed|commissioned|carried\s+out|conducted|written|made|spreading|going\s+viral|doing\s+the\s+rounds)\b[^,;]{0,80}?\s+(claims?|claimed|says|say|said|found|finds|shows?|showed|suggests?|suggested|alleges?|alleged|concluded|concludes|indicates?|indicated|reveals?|revealed)\s+(?:that\s+)?`)

// passiveIt matches "It was alleged that …", "It is claimed in the lawsuit
// that …": an allegation without an accuser.
var passiveIt = regexp.MustCompile(`(?i)^it\s+(?:was|is|has\s+been|had\s+been)\s+(?:also\s+|further\s+|widely\s+)?(alleged|claimed|rumou?red)\s+(?:(?:in|at|during)\s+(?:\w+\s+){0,3}?)?that\s+`)

// quoteOpenAt reports whether position p stands inside a quotation opened
// earlier in its paragraph.
func (a *article) quoteOpenAt(p int) bool {
	start := strings.LastIndex(a.text[:p], "\n") + 1
	in := false
	for _, r := range a.text[start:p] {
		switch r {
		case '“':
			in = true
		case '”':
			in = false
		case '"':
			in = !in
		}
	}
	return in
}

// quotedDismissal matches a quoted sentence that calls the claims untrue:
// "These accusations are false, and I will prove it".
var quotedDismissal = regexp.MustCompile(`(?i)^["“]?((?:the|these|those|such|this|that|all|his|her|their|its)\s+(?:\w+\s+){0,2}?(?:allegations?|claims?|accusations?|charges?|reports?|stories|story|rumou?rs))\s+(?:are|is|were|was)\s+(?:all\s+|completely\s+|totally\s+|simply\s+|absolutely\s+)?(?:false|untrue|lies|a\s+lie|baseless|unfounded|groundless|nonsense|fabricated|rubbish|fake|not\s+true|without\s+(?:any\s+)?(?:merit|foundation|basis))\b`)

// quoteDenial handles a sentence that goes on with a quotation opened in
// the sentence before and calls the claims untrue (`Marek said: "I have
// never mistreated a player. These accusations are false."`): the speaker
// of the quotation denies the claims it points back to. The quotation's
// first sentence, proposed as the speaker's claim, becomes part of the
// denial.
func (a *article) quoteDenial(si int, s Span) bool {
	text := a.text[s.Start:s.End]
	m := quotedDismissal.FindStringSubmatchIndex(text)
	if m == nil || !a.quoteOpenAt(s.Start) || a.lastSubj.End <= a.lastSubj.Start || len(a.props) == 0 {
		return false
	}
	prev := len(a.props) - 1
	if a.meta[prev].sent != si-1 || a.props[prev].IsCounter() || a.meta[prev].kind == kDeny {
		return false
	}
	for _, p := range a.props {
		if p.Answers == prev {
			return false
		}
	}
	f := finding{kind: kDeny, verb: "said", relation: model.Denies, ref: true, subj: a.lastSubj,
		object: Span{s.Start + m[2], s.Start + m[3]}, quote: trimPunct(a.text, s)}
	held, heldMeta := a.props[prev], a.meta[prev]
	a.props, a.meta = a.props[:prev], a.meta[:prev]
	n := len(a.props)
	a.emitDenial(si, f)
	if len(a.props) == n {
		a.props, a.meta = append(a.props, held), append(a.meta, heldMeta)
		return false
	}
	for k := n; k < len(a.props); k++ {
		// Quote both sentences of the quotation.
		a.props[k].Start = held.Start
		a.props[k].Quote = a.text[held.Start:a.props[k].End]
	}
	return true
}

// quantityWords pick some of a group: "one of the players".
var quantityWords = set("one", "two", "three", "four", "five", "some", "many", "several", "most", "none", "each", "both", "all", "few", "dozens", "hundreds")

// placeNouns name a place in "in the town of Brenno".
var placeNouns = set("town", "village", "city", "province", "region", "district", "county", "state", "port", "island", "area", "valley", "suburb", "neighbourhood", "neighborhood")

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// pronounBefore reports whether the verb at token i has a pronoun for its
// subject ("He told us that …" inside someone else's quotation).
func pronounBefore(toks []token, i int) bool {
	j := i - 1
	for j >= 0 && auxWords[toks[j].lower()] {
		j--
	}
	if j < 0 {
		return false
	}
	switch toks[j].lower() {
	case "he", "she", "they", "we", "i", "you", "it":
		return true
	}
	return false
}

// openingQuote finds the mark that opened the quotation still open at p,
// in p's paragraph, or -1.
func (a *article) openingQuote(p int) int {
	start := strings.LastIndex(a.text[:p], "\n") + 1
	open := -1
	for i, r := range a.text[start:p] {
		switch r {
		case '“':
			open = start + i
		case '”':
			open = -1
		case '"':
			if open >= 0 {
				open = -1
			} else {
				open = start + i
			}
		}
	}
	return open
}

// accusedClause words what someone is accused of as a clause: "planning a
// bombing" → "Afghanistan planned a bombing"; a noun, "deliberate
// aggression" → "Varland committed deliberate aggression"; both, "verbal
// abuse and of forcing injured teenagers to train" → "… committed verbal
// abuse and forced injured teenagers to train".
func accusedClause(content, subject string) string {
	parts := strings.Split(content, " and of ")
	for i, p := range parts {
		w := strings.Fields(p)
		if len(w) == 0 {
			continue
		}
		if _, gerund := gerundToPast(strings.Trim(w[0], ",\"“”")); gerund {
			parts[i] = gerundClause(strings.NewReplacer("\"", "", "“", "", "”", "").Replace(p), "")
		} else {
			parts[i] = "committed " + p
		}
	}
	return subject + " " + strings.Join(parts, " and ")
}

// combatants and civilians are the words of competing casualty claims:
// "the army said it killed 20 militants" — "residents said the dead were
// civilians".
var (
	deathWords     = set("killed", "kill", "killing", "dead", "died", "deaths", "death", "bodies", "casualties", "victims", "toll", "wounded", "injured")
	combatantWords = set("militants", "militant", "fighters", "insurgents", "terrorists", "rebels", "combatants", "gunmen", "jihadists", "attackers")
	civilianWords  = set("civilians", "civilian", "bystanders", "noncombatants")
)

func hasWord(s string, words map[string]bool) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		if words[w] {
			return true
		}
	}
	return false
}

// possessiveWork matches "the auditor's figure", "the ministry's report":
// a statement that answers what someone else put forward.
var possessiveWork = regexp.MustCompile(`(?i)\b(?:the\s+)?([\p{L}-]+)['’]s?\s+(?:own\s+|latest\s+|new\s+)?(?:figures?|estimates?|numbers|data|report|findings|claims?|account|version|assessment|analysis|study|allegations?|accusations?|calculations?|tally|count)\b`)

// noSuch matches "no such approval had ever been given".
var noSuch = regexp.MustCompile(`(?i)\bno\s+such\s+([\p{L}]+)`)

// pairRebuttals links claims that answer an earlier claim without a
// denial verb:
//   - competing casualty claims: one side's militants are the other's
//     civilians (disputes);
//   - two parties that blame each other in turn ("Varland said Ostrenian
//     troops opened fire first. Ostrenia said Varlandi forces crossed into
//     its territory"): the second disputes the first;
//   - "no such approval had ever been given" after a claim that it was
//     (contradicts);
//   - a claim about another speaker's figures or report ("the auditor's
//     figure included costs for a second phase") disputes that speaker's
//     latest claim;
//   - a negation on the same matter as a recent allegation, by another
//     party ("the hospital said it had recorded no deaths linked to the
//     vaccine") contradicts it.
func (a *article) pairRebuttals() {
	for i := range a.props {
		p := a.props[i]
		m := a.meta[i]
		if p.IsCounter() || m.kind == kDeny || m.kind == kUrge || p.Actor.Name == Unnamed.Name {
			continue
		}
		answer := func(j int, r model.Relation) {
			a.props[i].Answers = j
			a.props[i].Relation = r
		}
		candidate := func(j, reach int) bool {
			t := a.props[j]
			return !(a.meta[j].sent == 0 && a.headline) && m.sent-a.meta[j].sent <= reach && m.sent > a.meta[j].sent && !t.IsCounter() && a.meta[j].kind != kDeny &&
				a.meta[j].kind != kUrge && !sameActor(t.Actor, p.Actor) && !a.alreadyAnswers(p.Actor, j) && t.Actor.Name != Unnamed.Name
		}
		done := false
		// Casualty claims and other accounts that cannot both be true.
		for j := i - 1; j >= 0 && !done; j-- {
			if !candidate(j, 2) {
				continue
			}
			t := a.props[j].Statement
			for _, c := range contrasts {
				if c.needDeath && (!hasWord(t, deathWords) || !hasWord(p.Statement, deathWords)) {
					continue
				}
				if hasWord(t, c.a) && hasWord(p.Statement, c.b) && !hasWord(t, c.b) ||
					hasWord(t, c.b) && hasWord(p.Statement, c.a) && !hasWord(p.Statement, c.b) && !hasWord(t, c.a) {
					answer(j, model.Disputes)
					done = true
					break
				}
			}
		}
		// "The ministry put the figure at 30 percent" after the union's
		// "nine out of ten schools".
		if p.Verb == "put the toll at" && !done {
			for j := i - 1; j >= 0 && !done; j-- {
				if candidate(j, 1) && numberIn(a.props[j].Statement) != "" && !a.headlineProp(j) {
					answer(j, model.Disputes)
					done = true
				}
			}
		}
		// Competing tolls: "put the toll at 18, while the army said nine
		// had died".
		for j := i - 1; j >= 0 && !done; j-- {
			tp := a.props[j]
			if a.meta[j].sent != m.sent || tp.IsCounter() || a.meta[j].kind == kDeny || sameActor(tp.Actor, p.Actor) {
				continue
			}
			t := tp.Statement
			if hasWord(t, deathWords) && hasWord(p.Statement, deathWords) && numberIn(t) != "" && numberIn(p.Statement) != "" && numberIn(t) != numberIn(p.Statement) {
				answer(j, model.Disputes)
				done = true
			}
		}
		// "There was no evidence that …" after an allegation or a finding
		// on the same matter.
		if !done && noEvidence.MatchString(p.Statement) {
			for j := i - 1; j >= 0 && !done; j-- {
				if candidate(j, 2) && a.meta[j].kind == kAccuse || candidate(j, 4) && sharesContent(p.Statement, a.props[j].Statement, p.Actor, a.props[j].Actor) {
					answer(j, model.Contradicts)
					done = true
				}
			}
		}
		// "Critics said the sample was too small".
		if w := strings.Fields(strings.ToLower(p.Actor.Mention + " " + p.Actor.Name)); !done && len(w) > 0 && critics[w[len(w)-1]] {
			for j := i - 1; j >= 0 && !done; j-- {
				if candidate(j, 2) {
					answer(j, model.Disputes)
					done = true
				}
			}
		}
		// The denier goes on: "Kester has denied interfering with
		// shipping. Its defence ministry said the vessels had entered a
		// closed zone" answers the other claim about Kester.
		if !done && m.kind == kAssert {
			for k := i - 1; k >= 0 && !done; k-- {
				if m.sent-a.meta[k].sent > 1 {
					break
				}
				if !a.props[k].IsCounter() || !sameActor(a.props[k].Actor, p.Actor) {
					continue
				}
				denied := a.props[k].Answers
				for j := i - 1; j >= 0 && !done; j-- {
					if j != denied && candidate(j, 4) && a.isAbout(a.props[j], p.Actor) && !a.headlineProp(j) {
						answer(j, model.Disputes)
						done = true
					}
				}
				break
			}
		}
		// "He was holding his phone, not a knife": the other account's
		// word, negated.
		if mm := negatedWord.FindAllStringSubmatch(p.Statement, -1); !done && mm != nil {
			for j := i - 1; j >= 0 && !done; j-- {
				if !candidate(j, 3) {
					continue
				}
				tw := map[string]bool{}
				for _, w := range contentWords(a.props[j].Statement) {
					tw[w] = true
				}
				for _, x := range mm {
					if w := contentWords(x[1] + x[2]); len(w) == 1 && len(w[0]) >= 4 && tw[w[0]] && !sharesName(w[0], p.Actor, a.props[j].Actor) {
						answer(j, model.Disputes)
						done = true
						break
					}
				}
			}
		}
		// "The government insisted that relief was getting through" right
		// after the aid groups' account.
		if !done && responseVerbs[p.Verb] && (m.kind == kAssert || m.kind == kAccuse) {
			for j := i - 1; j >= 0 && !done; j-- {
				// The answer turns the account round: "were not reaching" —
				// "was getting through"; or is on its matter.
				flip := negation.MatchString(a.props[j].Statement) != negation.MatchString(p.Statement)
				if candidate(j, 1) && !a.headlineProp(j) && (flip || sharesContent(p.Statement, a.props[j].Statement, p.Actor, a.props[j].Actor)) {
					answer(j, model.Disputes)
					done = true
				}
			}
		}
		// Blame traded.
		for j := i - 1; j >= 0 && !done; j-- {
			if !candidate(j, 1) || a.props[j].Actor.Kind == model.KindPerson || p.Actor.Kind == model.KindPerson {
				continue
			}
			if a.isAbout(a.props[j], p.Actor) && a.isAbout(p, a.props[j].Actor) && !a.saidAbout(p.Actor, a.props[j].Actor, j) {
				answer(j, model.Disputes)
				done = true
			}
		}
		// "No such approval".
		if mm := noSuch.FindStringSubmatch(p.Statement); mm != nil && !done {
			stem := strings.ToLower(mm[1])
			if len(stem) > 5 {
				stem = stem[:5]
			}
			for j := i - 1; j >= 0 && !done; j-- {
				if candidate(j, 3) && len(stem) >= 4 && strings.Contains(strings.ToLower(a.props[j].Statement), stem) {
					answer(j, model.Contradicts)
					done = true
				}
			}
		}
		// "The figures she cited covered only three regions".
		if !done && citedFigures.MatchString(p.Statement) {
			for j := i - 1; j >= 0 && !done; j-- {
				if candidate(j, 3) && !a.headlineProp(j) {
					answer(j, model.Disputes)
					done = true
				}
			}
		}
		// "Delta Crest said it had no record of the letter": the claim
		// about the speaker just before.
		if !done && noRecord.MatchString(p.Statement) {
			for j := i - 1; j >= 0 && !done; j-- {
				if candidate(j, 2) && a.isAbout(a.props[j], p.Actor) {
					answer(j, model.Contradicts)
					done = true
				}
			}
		}
		// "Experts said the study ignored data …", "Contrary to what this
		// study claims, …": the study's claim.
		if mm := aboutDocument.FindStringSubmatch(p.Statement); mm != nil && !done {
			noun := strings.ToLower(mm[1] + mm[2])
			for j := i - 1; j >= 0 && !done; j-- {
				if !candidate(j, 6) {
					continue
				}
				if n := strings.Fields(strings.ToLower(a.props[j].Actor.Name)); len(n) > 0 && n[len(n)-1] == noun {
					answer(j, model.Disputes)
					done = true
				}
			}
		}
		// "The auditor's figure …".
		if mm := possessiveWork.FindStringSubmatch(p.Statement); mm != nil && !done {
			owner := strings.ToLower(mm[1])
			for j := i - 1; j >= 0 && !done; j-- {
				if !candidate(j, 8) || owner == "its" || owner == "their" || owner == "his" || owner == "her" {
					continue
				}
				for _, w := range strings.Fields(strings.ToLower(a.name(a.props[j].Actor) + " " + a.props[j].Actor.Mention + " " + a.descOf(a.props[j].Actor))) {
					if strings.Trim(w, "'’s") == owner || strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s") == owner {
						answer(j, model.Disputes)
						done = true
						break
					}
				}
			}
		}
		// A negation on the matter of a recent allegation.
		if !done && negation.MatchString(hedges.ReplaceAllString(p.Statement, "")) && m.kind == kAssert {
			for j := i - 1; j >= 0 && !done; j-- {
				if (candidate(j, 4) && a.meta[j].kind == kAccuse && !a.headlineProp(j) && overlap(p.Statement, a.props[j].Statement) >= 0.2 ||
					candidate(j, 1) && !a.headlineProp(j) && overlap(a.props[j].Statement, p.Statement) >= 0.2) &&
					sharesCommonWord(p.Statement, a.props[j].Statement) {
					answer(j, model.Contradicts)
					done = true
				}
			}
		}
	}
}

// saidAbout reports whether x made a claim about y before proposal j: a
// party that goes on with its own charge is not answering y's.
func (a *article) saidAbout(x, y Actor, j int) bool {
	for k := 0; k < j; k++ {
		if sameActor(a.props[k].Actor, x) && a.isAbout(a.props[k], y) {
			return true
		}
	}
	return false
}

// demonymOf finds the party an unknown adjective of nationality stands
// for: "Ostrenian" → "Ostrenia", "Varlandi" → "Varland", "Kesterese" →
// "Kester". The party must be named in the article by a single capitalised
// word.
func (a *article) demonymOf(w string) (Actor, bool) {
	lw := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
	if len(lw) < 5 {
		return Actor{}, false
	}
	for _, n := range capWord.FindAllString(a.text, -1) {
		ln := strings.ToLower(n)
		if len(ln) < 4 || ln == lw || commonCapitals[ln] || !strings.HasPrefix(lw, ln[:3]) {
			continue
		}
		for _, suf := range []string{"n", "an", "ian", "i", "ese", "ish", "ic"} {
			base := ln
			if strings.HasSuffix(ln, "a") && (suf == "n" || suf == "ic") || strings.HasSuffix(ln, "ia") && suf == "n" {
				base = ln
			} else if strings.HasSuffix(ln, "a") || strings.HasSuffix(ln, "e") {
				base = ln[:len(ln)-1]
			}
			if lw == base+suf || lw == ln+suf {
				x := a.resolveOne(n, len(a.text))
				if x.Kind == model.KindOther || x.Kind == model.KindPerson {
					x.Kind = model.KindGovernment
				}
				return x, x.Kind != ""
			}
		}
	}
	return Actor{}, false
}

// capWord is a single capitalised word.
var capWord = regexp.MustCompile(`\b[\p{Lu}][\p{Ll}]+\b`)

// victoryWords end what a party claims when it claims to have won.
var victoryWords = set("victory", "win", "landslide", "majority", "triumph", "success")

// whileReport matches ", while the army said …", ", but the union said
// …": a second report in the sentence.
var whileReport = regexp.MustCompile(`^,\s+(?:while|whereas|after|but)\s+(?:[^,;]{1,60}?)\s+(?:said|says|claimed|claims|insisted|put|estimated|told|reported|alleged)\b`)

// headlineProp reports whether proposal i comes from the headline.
func (a *article) headlineProp(i int) bool {
	return a.headline && a.meta[i].sent == 0
}

// onlyHeadline reports whether the headline holds the only claims before
// sentence si.
func (a *article) onlyHeadline(si int) bool {
	for i := range a.props {
		if a.meta[i].sent > 0 && a.meta[i].sent <= si && a.meta[i].kind != kDeny {
			return false
		}
	}
	return true
}

var (
	// "Local officials put the death toll at 18".
	tollAt = regexp.MustCompile(`(?i)^(.{2,60}?)\s+(?:put|puts|estimated|estimates|placed|places|gave|give)\s+the\s+(?:death\s+toll|casualty\s+toll|toll|figure|number|total|turnout)\s+at\s+(.+)$`)
	// "Families living near the plant in Marlow say …".
	peopleLiving = regexp.MustCompile(`(?i)^((?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:living|working|based|staying|who\s+[a-z]+|of\s+(?:a|an|the)\s+[a-z]+\s+(?:in\s+which|that|where))\s+[^,;"“]{2,80}?\s+(say|said|claim|claimed|allege|alleged|told|insist|insisted|complain|complained)\s+`)
	// "A lawyer for a man jailed for life … told the court that …".
	roleFor = regexp.MustCompile(`(?i)^((?:a|an|the)\s+(?:lawyer|attorney|spokesman|spokeswoman|spokesperson|representative|adviser|advisor|relative|friend|lawyers|relatives|friends|family))\s+(?:for|of|representing|to)\s+[^,;"“]{3,120}?\s+(told|said|says|claimed|argued|insisted|alleged)\s+`)
	// "Ferrante's claim that observers were barred was also contested by
	// Vote Watch".
	possessivePassiveDenial = regexp.MustCompile(`(?i)^(.{2,60}?)['’]s?\s+(?:\w+\s+)?(?:claims?|allegations?|accusations?|assertions?|suggestions?)\s+that\s+(.+?)\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:also\s+|swiftly\s+|quickly\s+|flatly\s+|strongly\s+|since\s+)?(denied|rejected|dismissed|refuted|disputed|contested|challenged)\s+by\s+([^,;]{2,80}?)(?:,|[.!?]*$)`)
)

// clausePatterns tries the whole-clause patterns: tolls, people described
// by where they live, a lawyer for someone, and a claim denied in the
// passive. It reports whether one matched.
func (a *article) clausePatterns(si int, c Span) bool {
	text := a.text[c.Start:c.End]
	sp := func(i, j int) Span { return Span{c.Start + i, c.Start + j} }
	quote := trimPunct(a.text, c)
	if m := whoDenies.FindStringSubmatchIndex(text); m != nil && a.plausibleSpeaker(text[m[2]:m[3]]) && !strings.Contains(strings.ToLower(text[m[1]:]), "not guilty") {
		verb := strings.ToLower(text[m[4]:m[5]])
		f := finding{kind: kDeny, verb: verb, relation: model.Relation(denyVerbs[verb]), ref: true,
			subj: sp(m[2], m[3]), object: sp(m[6], m[7]), quote: quote}
		before := len(a.props)
		a.emitDenial(si, f)
		if len(a.props) > before {
			return true
		}
	}
	if m := tollAt.FindStringSubmatchIndex(text); m != nil && a.plausibleSpeaker(text[m[2]:m[3]]) {
		a.emitClaim(si, finding{kind: kAssert, verb: "put the toll at", subj: sp(m[2], m[3]),
			content: trimPunct(a.text, sp(m[4], len(text))), quote: quote})
		return true
	}
	if m := peopleLiving.FindStringSubmatchIndex(text); m != nil {
		words := strings.Fields(strings.ToLower(text[m[2]:m[3]]))
		if head := strings.Trim(words[len(words)-1], ",'’"); peopleNoun(head) || speakerNouns[head] || head == "families" {
			content := a.clauseEnd(sp(m[1], len(text)))
			if t := a.text[content.Start:content.End]; strings.HasPrefix(strings.ToLower(t), "that ") {
				content.Start += len("that ")
			}
			// The place they live by is what the claim is about.
			a.emitClaim(si, finding{kind: kAssert, verb: strings.ToLower(text[m[4]:m[5]]), subj: sp(m[2], m[3]),
				content: content, quote: quote, about: sp(m[3], m[4])})
			return true
		}
	}
	if m := findingThat.FindStringSubmatchIndex(text); m != nil {
		subj := trimDateAdjunct(text[m[2]:m[3]])
		if a.plausibleSpeaker(subj) {
			a.emitClaim(si, finding{kind: kAccuse, verb: "found", subj: sp(m[2], m[2]+len(subj)),
				content: a.clauseEnd(sp(m[1], len(text))), quote: quote, about: sp(m[3], m[1])})
			return true
		}
	}
	if m := roleFor.FindStringSubmatchIndex(text); m != nil {
		rest := text[m[1]:]
		// Up to "that", past an addressee and adjuncts.
		if i := strings.Index(rest, " that "); i >= 0 && i < 60 && !strings.ContainsAny(rest[:i], ",;\"“") {
			a.emitClaim(si, finding{kind: kAssert, verb: strings.ToLower(text[m[4]:m[5]]), subj: sp(m[2], m[3]),
				content: a.clauseEnd(sp(m[1]+i+len(" that "), len(text))), quote: quote})
			return true
		}
	}
	if m := possessivePassiveDenial.FindStringSubmatchIndex(text); m != nil && a.plausibleSpeaker(text[m[2]:m[3]]) && a.plausibleSpeaker(text[m[8]:m[9]]) {
		owner, content, denier := sp(m[2], m[3]), sp(m[4], m[5]), sp(m[8], m[9])
		verb := strings.ToLower(text[m[6]:m[7]])
		// The claim, when the owner made it before in other words, is
		// that one; else a claim of its own.
		target := -1
		owners := a.resolveParties(owner)
		for i := len(a.props) - 1; i >= 0 && len(owners) > 0; i-- {
			if sameActor(a.props[i].Actor, owners[0]) && !a.props[i].IsCounter() && overlap(a.text[content.Start:content.End], a.props[i].Statement) >= 0.5 {
				target = i
				break
			}
		}
		if target < 0 {
			before := len(a.props)
			a.emitClaim(si, finding{kind: kAccuse, verb: "claim", subj: owner, content: content, quote: quote})
			if len(a.props) == before {
				return false
			}
			target = before
		}
		extra := Span{}
		if i := strings.Index(text[m[1]-1:], "which said "); i >= 0 {
			extra = a.clauseEnd(sp(m[1]-1+i+len("which said "), len(text)))
		}
		a.addDenials(si, denier, verb, quote, extra, target)
		return true
	}
	return false
}

// noEvidence matches "there was no evidence that …": the usual rebuttal of
// a rumour or an allegation.
var noEvidence = regexp.MustCompile(`(?i)^there\s+(?:is|was|has\s+been|had\s+been)\s+(?:no|not\s+a\s+shred\s+of|little)\s+(?:scientific\s+|medical\s+|legal\s+)?(?:evidence|proof|sign|indication|basis|grounds)\b|\b(?:no|not\s+any)\s+(?:record|trace|knowledge)\s+of\b`)

// numberIn finds the first number in s, as digits or a word.
func numberIn(s string) string {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ",.;:")
		if isNumber(w) {
			return w
		}
		if n, ok := numberNames[w]; ok {
			return n
		}
	}
	return ""
}

var numberNames = map[string]string{"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12", "twenty": "20"}

// notAdverbs end in -ly but are nouns or adjectives: "The man's family
// said".
var notAdverbs = set("family", "ally", "rally", "assembly", "supply", "monopoly", "daily", "weekly", "monthly", "yearly",
	"anomaly", "reply", "italy", "july", "only", "holy", "early", "elderly", "friendly", "deadly", "costly", "lonely")

// isAdverb reports whether a lower-case word is an -ly adverb.
func isAdverb(w string) bool {
	return strings.HasSuffix(w, "ly") && !notAdverbs[w]
}

// namedAppositive reports whether the words between two commas are a name
// ("the Mobile Alliance"): then the name speaks, not the description before
// it ("A phone industry group, the Mobile Alliance, said").
func namedAppositive(words []string) bool {
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !startsCapital(w) && w != "of" && w != "for" && w != "and" {
			return false
		}
	}
	return true
}

// critics are speakers whose claim disputes what was just reported.
var critics = set("critics", "sceptics", "skeptics", "opponents", "detractors")

// findingThat matches "X banned Y for life after finding that …": a body's
// finding, reported with its decision.
var findingThat = regexp.MustCompile(`(?i)^(.{2,80}?)\s+(?:on\s+\w+\s+|last\s+\w+\s+|has\s+|had\s+)?(?:banned|fined|suspended|sacked|dismissed|expelled|convicted|sanctioned|disqualified|stripped|punished|censured|jailed|sentenced|penalised|penalized|barred)\b[^;"“]{0,100}?\s+after\s+(?:finding|concluding|ruling|determining|establishing|deciding)\s+that\s+`)

// trimDateAdjunct drops "on Friday" and the like from the end of a subject.
func trimDateAdjunct(s string) string {
	f := strings.Fields(s)
	for len(f) >= 2 {
		w := strings.ToLower(f[len(f)-2])
		if w == "on" || w == "last" || w == "this" {
			f = f[:len(f)-2]
			continue
		}
		break
	}
	return strings.Join(f, " ")
}

// allInstitution reports whether every word names an institution of a
// state: "navy", "armed forces", "defence ministry".
func allInstitution(words []string) bool {
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.'’"))
		if !(militaryWords[lw] || govWords[lw] || speakerWords[lw] || lw == "coast" || lw == "guard" || lw == "police" ||
			lw == "defence" || lw == "defense" || lw == "interior" || lw == "security") {
			return false
		}
	}
	return len(words) > 0
}

// documentNouns are things that make claims of their own: "the study
// found …", later "called the study alarmist".
var documentNouns = set("study", "report", "survey", "video", "documents", "analysis", "audit", "review", "paper", "findings", "post", "messages")

var leadingHeShe = regexp.MustCompile(`^(?i:he|she)\s`)

// quoted reports whether position p follows an opening quotation mark.
func (a *article) quoted(p int) bool {
	r, _ := utf8.DecodeLastRuneInString(a.text[:p])
	return r == '“' || r == '"'
}

// leadingSubject finds the noun phrase that opens a clause and can speak:
// "Community leaders" in "Community leaders called for calm".
func (a *article) leadingSubject(c Span) (Span, bool) {
	if m := dateline.FindStringIndex(a.text[c.Start:c.End]); m != nil && m[1] < c.End-c.Start {
		// "(Reuters) - A militant group … released …": after the dateline.
		c.Start += m[1]
	}
	toks := tokenize(a.text[c.Start:c.End])
	end := -1
	for i, t := range toks {
		lw := t.lower()
		if !t.isWord() || npStop[lw] || auxWords[lw] || strings.HasSuffix(lw, "ed") && !t.capitalised() && len(lw) > 3 || pastForms[lw] {
			break
		}
		if _, say := sayVerbs[lw]; say || urgeVerbs[lw] || accuseVerbs[lw] || denyVerbs[lw] != "" {
			break
		}
		end = i
	}
	if end < 0 || end+1 >= len(toks) {
		return Span{}, false
	}
	sp := Span{c.Start + toks[0].start, c.Start + toks[end].end}
	return sp, a.plausibleSpeaker(a.text[sp.Start:sp.End])
}

// contrasts are pairs of words that make two accounts of one event
// incompatible: one side's militants are the other's civilians; a man
// with a knife was, says his family, unarmed.
var contrasts = []struct {
	a, b      map[string]bool
	needDeath bool
}{
	{combatantWords, civilianWords, true},
	{set("knife", "gun", "handgun", "firearm", "pistol", "rifle", "weapon", "armed", "machete"), set("unarmed"), false},
	{set("accident", "accidental", "accidentally"), set("deliberate", "deliberately", "intentional", "sabotage", "arson"), false},
	{set("peaceful", "peacefully"), set("violent", "rioters", "rioting", "stones", "rocks", "bottles"), false},
	{set("shot", "downed"), set("crashed", "malfunction", "fault"), false},
	{set("locked", "blocked", "chained"), set("open", "unlocked", "unblocked"), false},
	{set("captured", "seized", "took", "taken", "overran"), set("repelled", "repulsed", "retained", "remained"), false},
}

// mergeSameSentence folds a claim into the denial its speaker makes in the
// same sentence ("said there was no proof … and called the study
// alarmist"): one counter-claim, quoting both parts.
func (a *article) mergeSameSentence() {
	for i := 0; i < len(a.props); i++ {
		d := a.props[i]
		if !d.IsCounter() {
			continue
		}
		for k := range a.props {
			p := a.props[k]
			if k == i || p.IsCounter() || a.meta[k].sent != a.meta[i].sent || !sameActor(p.Actor, d.Actor) || a.meta[k].kind == kDeny ||
				a.meta[k].kind == kUrge || d.Answers == k || a.headlineProp(k) {
				continue
			}
			if a.answered(k) {
				continue
			}
			start, end := min(p.Start, d.Start), max(p.End, d.End)
			if !willOnly.MatchString(p.Statement) {
				d.Statement = strings.TrimSuffix(d.Statement, ".") + andSays(a.name(d.Actor)) + lowerFirst(strings.TrimSuffix(p.Statement, ".")) + "."
			}
			d.Start, d.End, d.Quote = start, end, a.text[start:end]
			a.props[i] = d
			a.remove(k)
			if k < i {
				i--
			}
			break
		}
	}
}

// answered reports whether any proposal answers proposal k.
func (a *article) answered(k int) bool {
	for _, p := range a.props {
		if p.Answers == k {
			return true
		}
	}
	return false
}

// remove drops proposal k, which nothing answers.
func (a *article) remove(k int) {
	a.props = append(a.props[:k], a.props[k+1:]...)
	a.meta = append(a.meta[:k], a.meta[k+1:]...)
	for i := range a.props {
		if a.props[i].Answers > k {
			a.props[i].Answers--
		}
	}
}

// negatedWord matches "not a knife", "no fighters": a noun said not to be.
var negatedWord = regexp.MustCompile(`(?i),\s+not\s+(?:(?:a|an|the|any)\s+)?([\p{L}]+)|\b(?:not|no|never)\s+(?:a|an|the|any)\s+([\p{L}]+)`)

// sharesName reports whether the content word w is part of either actor's
// name.
func sharesName(w string, x, y Actor) bool {
	for _, n := range []string{x.Name, y.Name} {
		for _, v := range contentWords(n) {
			if v == w {
				return true
			}
		}
	}
	return false
}

// citedFigures matches "the figures she cited": a statement about the
// numbers someone else put forward.
var citedFigures = regexp.MustCompile(`(?i)\bthe\s+(?:figures?|numbers|data|statistics|estimates?)\s+(?:she|he|they|it|the\s+\w+)\s+(?:had\s+)?(?:cited|gave|quoted|used|presented|published|released)\b`)

// hedges are negations that do not deny: "could not confirm how it was
// brought down", "did not respond".
var hedges = regexp.MustCompile(`(?i)\b(?:could|can|would|did|does|do)\s*(?:not|n't)\s+(?:independently\s+)?(?:confirm|verify|say|establish|determine|respond|comment|be\s+reached)\b`)

var leadingPronoun = regexp.MustCompile(`^(?i:it|he|she|they)\s`)

// finiteWithin reports whether one of the first n words is a finite verb
// or auxiliary: "the exits were locked".
func finiteWithin(w []string, n int) bool {
	for i, x := range w {
		if i >= n {
			break
		}
		x = strings.ToLower(strings.Trim(x, ",.;:\"“”"))
		if finiteMarkers[x] {
			return true
		}
	}
	return false
}

// outletNouns are words for the press that can speak: "a newspaper
// reported that …".
var outletNouns = set("newspaper", "broadcaster", "tabloid", "magazine", "outlet", "channel", "website", "paper", "daily", "weekly")

// participleAside are words that open an aside between a subject and its
// verb: "Residents of Tolo, reached by telephone, said".
var participleAside = set("reached", "contacted", "interviewed", "speaking", "asked", "quoted", "writing", "citing", "according")

// nounComma matches "the union, the " just before a name: the noun the
// name stands for.
var nounComma = regexp.MustCompile(`(?i)\b(?:the|a|an)\s+([a-z]+),\s+(?:the\s+)?$`)

// whoDenies matches "Ferro, who denies wrongdoing, said …": a denial in a
// relative clause.
var whoDenies = regexp.MustCompile(`(?i)^(.{2,60}?),\s+(?:who|which)\s+(?:has\s+|have\s+|had\s+)?(?:always\s+|repeatedly\s+|consistently\s+|strongly\s+|since\s+)?(denies|denied|deny|rejects|rejected|disputes|disputed)\s+((?:the\s+|any\s+|all\s+)?(?:\w+\s+)?(?:wrongdoing|charges?|allegations?|accusations?|claims?|involvement|responsibility))\s*,\s+`)

// ownedClaimNouns are the claim nouns that a party before them owns:
// "opposition claims", "Ukrainian allegations".
var ownedClaimNouns = set("claims", "claim", "allegations", "allegation", "accusations", "accusation", "charges")

var noRecord = regexp.MustCompile(`(?i)\b(?:no|not\s+any)\s+(?:record|trace|knowledge)\s+of\b`)

// descOf is the description written with one of x's mentions ("union" for
// "The union, the Aviators' Guild").
func (a *article) descOf(x Actor) string {
	for _, m := range a.mentions {
		if m.desc != "" && sameActor(m.actor, x) {
			return m.desc
		}
	}
	return ""
}

// sharedCount counts the content words two statements share, leaving out
// the words of the speakers' names.
func sharedCount(a, b string, x, y Actor) int { return sharedWords(a, b, x, y, 4) }

// sharedWords counts the distinct content words of at least minLen
// letters that a and b share, leaving out the words of the speakers'
// names x and y.
func sharedWords(a, b string, x, y Actor, minLen int) int {
	names := map[string]bool{}
	for _, n := range []string{x.Name, y.Name, x.Mention, y.Mention} {
		for _, w := range contentWords(n) {
			names[w] = true
		}
	}
	bs := map[string]bool{}
	for _, w := range contentWords(b) {
		bs[w] = true
	}
	n := 0
	seen := map[string]bool{}
	for _, w := range contentWords(a) {
		if bs[w] && !names[w] && len(w) >= minLen && !seen[w] {
			seen[w] = true
			n++
		}
	}
	return n
}

// calledAs matches the label a denial puts on the claim at the end of its
// clause: `… as "pure speculation"`.
var calledAs = regexp.MustCompile(`\s+as\s+["“][^"”]{1,60}["”]\s*$`)

// trimCalledAs drops that label from a denied clause: "dismissed a report
// that it plans to raise the age as “pure speculation”".
func trimCalledAs(text string, c Span) Span {
	if m := calledAs.FindStringIndex(text[c.Start:c.End]); m != nil && m[0] > 0 {
		c.End = c.Start + m[0]
	}
	return c
}

// pluralBefore finds the last plural noun phrase for people before token
// i: "three diplomats" in "ordered three diplomats from Castellan to
// leave".
func pluralBefore(toks []token, i int) (Span, bool) {
	for j := i - 1; j >= 0; j-- {
		w := toks[j].lower()
		if toks[j].isWord() && strings.HasSuffix(w, "s") && (peopleNoun(w) || speakerNouns[w]) {
			start := j
			if j > 0 && (isNumber(toks[j-1].s) || numberNames[toks[j-1].lower()] != "" || toks[j-1].lower() == "the" || toks[j-1].lower() == "several") {
				start = j - 1
			}
			return Span{toks[start].start, toks[j].end}, true
		}
	}
	return Span{}, false
}

// memberWords name the members of an institution: "officers" are the
// police, "troops" the army.
var memberWords = map[string][]string{
	"police":   {"officers", "officer", "police", "policemen"},
	"army":     {"soldiers", "troops", "army"},
	"military": {"soldiers", "troops", "military"},
	"club":     {"club", "stewards"},
}

// roleSpeaker reports whether a speaker is one person named by a role:
// "the justice minister", "a ministry spokesman".
func roleSpeaker(x Actor) bool {
	f := strings.Fields(strings.ToLower(x.Mention))
	if len(f) == 0 {
		return false
	}
	switch f[len(f)-1] {
	case "minister", "spokesman", "spokeswoman", "spokesperson", "director", "chief", "official", "officer", "president",
		"chairman", "chairwoman", "secretary", "governor", "mayor", "ambassador", "envoy", "commander", "leader", "head":
		return true
	}
	return false
}

// unifyDescribed gives a name to the party proposed under a description
// just before: "A consumer group accused the banks …" then "The group,
// FairMoney, said …" — the consumer group's claims are FairMoney's.
func (a *article) unifyDescribed(si int, x Actor) {
	d := a.descOf(x)
	if d == "" || x.Kind == "" || x.Kind == model.KindPerson || !startsCapital(x.Name) {
		return
	}
	for i := len(a.props) - 1; i >= 0 && si-a.meta[i].sent <= 3; i-- {
		y := a.props[i].Actor
		f := strings.Fields(strings.ToLower(y.Name))
		if y.Known() || len(f) == 0 || f[len(f)-1] != d || sameActor(x, y) || len(f) > 3 {
			continue
		}
		lower := true
		for _, w := range strings.Fields(y.Name)[1:] {
			lower = lower && !startsCapital(w)
		}
		if !lower {
			continue
		}
		for k := range a.props {
			if a.props[k].Actor.Name == y.Name {
				a.props[k].Actor = x
			}
		}
	}
}

// aboutDocument matches a statement about a document that made a claim:
// "The study ignored data …", "Contrary to what this study claims, …".
var aboutDocument = regexp.MustCompile(`(?i)^(?:the|this|that)\s+(study|report|survey|analysis|video|post|audit|review|paper|findings)\s+(?:ignored|ignores|overlooked|overlooks|misread|misreads|failed|fails|omitted|omits|exaggerated|exaggerates|is\s+wrong|was\s+wrong|is\s+flawed|was\s+flawed|relied|relies|used|uses)\b|^contrary\s+to\s+(?:what\s+)?(?:the|this|that)\s+(study|report|survey|analysis|video|post|audit|review|paper)\b`)

// groupOf matches "Rebels of the Southern Liberation Front": the members
// speak for the body.
var groupOf = regexp.MustCompile(`^(?i:rebels|fighters|militants|members|officials|leaders|forces|troops|soldiers|activists)\s+(?:of|from)\s+(?:the\s+)?([\p{Lu}].+)$`)

// sharesCommonWord reports whether two statements share a lower-case
// content word of four letters or more: the same matter, not only the
// same names.
func sharesCommonWord(a, b string) bool {
	lower := func(s string) map[string]bool {
		m := map[string]bool{}
		for k, t := range tokenize(s) {
			// The first word is capitalised because it begins the
			// statement ("Recordings of his phone calls …"), unless the
			// article writes it so elsewhere.
			if t.isWord() && (!t.capitalised() || k == 0 && !strings.Contains(s[1:], t.s)) {
				for _, w := range contentWords(t.s) {
					if len(w) >= 4 {
						m[w] = true
					}
				}
			}
		}
		return m
	}
	bs := lower(b)
	for w := range lower(a) {
		if bs[w] {
			return true
		}
	}
	return false
}

// linkedWords let "to" stand inside a party's name: "a hacking group
// linked to the government of Dravia".
var linkedWords = set("linked", "close", "loyal", "tied", "allied", "connected", "attached")
