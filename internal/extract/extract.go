// Package extract proposes claims from a news article: it finds the
// sentences that attribute an assertion to someone ("Pakistan has accused
// Afghanistan of …", "… the ministry said", "according to …"), and for each
// proposes a statement, the verbatim quote, the asserting actor (a known
// actor matched by name or alias, or a suggested new one) and the actors the
// claim is about. It pairs allegations with the denials the same article
// reports ("an allegation that Kabul has denied", "All three parties have
// since denied these charges").
//
// It uses hand-written patterns over verbs, clauses and simple
// coreference; there is no model and no network. Its proposals are for a
// reviewer to accept, edit or reject. It does no I/O and knows nothing of
// the store or the GUI.
package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"claims/internal/model"
)

// Proposal is one proposed claim.
type Proposal struct {
	Statement string // what is asserted, as a sentence of its own
	Quote     string // the verbatim words in the article
	// Start and End are Quote's byte offsets in the text given to Extract.
	Start, End int
	Actor      Actor   // who asserts (or denies)
	Subjects   []Actor // whom the claim is about
	Verb       string  // the attributing word, e.g. "accused", "denied", "according to"
	// Relation and Answers say which earlier proposal this one answers:
	// Answers is its index in the returned slice, or -1 when this proposal
	// answers none (Relation is then empty).
	Relation model.Relation
	Answers  int
}

// IsCounter reports whether p answers another proposal.
func (p Proposal) IsCounter() bool { return p.Answers >= 0 }

// Extract proposes the claims made in text (plain text: reduce HTML and
// Markdown with Plain first). known are the actors already in the
// database; an actor is matched by name or alias, ignoring case, the longest
// name first. Proposals come in article order; a counter-claim usually
// follows the claim it answers, but a denial reported first ("X rejected a
// report that …") answers a later one.
func Extract(text string, known []model.Actor) []Proposal {
	a := newArticle(text, known)
	for i, s := range a.sents {
		a.sentence(i, s)
	}
	a.pairForward()
	a.pairResponses()
	a.pairRebuttals()
	a.pairGeneral()
	a.pairAfterReport()
	a.pairAccusedAnswers()
	a.pairGoingOn()
	a.mergeSameSentence()
	a.dropHeadline()
	a.nameRoles()
	a.nameDescribed()
	a.nameClients()
	a.pairNextInParagraph()
	a.pairAdded()
	a.pairRepresentatives()
	a.pairOwnQuote()
	a.proposeImplicit()
	return a.props
}

// responseVerbs report a party's answer to what was said about it.
var responseVerbs = set("insists", "insisted", "maintains", "maintained", "countered", "responded", "replied", "argues",
	"argued", "contends", "contended")

// negation marks a clause that says something is not so.
var negation = regexp.MustCompile(`(?i)\b(?:not|no|never|nothing|none|neither|nor)\b|n't\b`)

// pairResponses links the answer of an accused party to the accusation:
// "Residents accused the council of ignoring warnings. … The council
// insists it acted on every report." Within three sentences, the accused
// party's claim disputes the accusation when it insists, counters or
// replies, or says that something is not so.
func (a *article) pairResponses() {
	for i, p := range a.props {
		m := a.meta[i]
		if (m.kind != kAssert && m.kind != kAccuse) || p.IsCounter() {
			continue
		}
		if !(responseVerbs[p.Verb] || negation.MatchString(p.Statement)) {
			// "Adria Gas said Ferro's brother had sold his shares two
			// years before the deal": the party named in a report answers
			// it on the same matter.
			answered := false
			for j := i - 1; j >= 0 && m.sent-a.meta[j].sent <= 2; j-- {
				t := a.props[j]
				if t.IsCounter() || a.meta[j].kind == kDeny || a.meta[j].kind == kUrge || sameActor(t.Actor, p.Actor) || a.headlineProp(j) {
					continue
				}
				if a.isAbout(t, p.Actor) && startsCapital(t.Actor.Name) && sharedCount(p.Statement, t.Statement, p.Actor, t.Actor) >= 2 && !a.alreadyAnswers(p.Actor, j) {
					a.props[i].Answers, a.props[i].Relation = j, model.Disputes
					answered = true
					break
				}
			}
			_ = answered
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if m.sent-a.meta[j].sent > 3 {
				break
			}
			t := a.props[j]
			if a.meta[j].kind == kDeny || a.meta[j].kind == kUrge || t.IsCounter() || sameActor(t.Actor, p.Actor) || a.alreadyAnswers(p.Actor, j) {
				continue
			}
			if a.meta[j].kind != kAccuse && !(negation.MatchString(p.Statement) && sharesContent(p.Statement, t.Statement, p.Actor, t.Actor)) &&
				sharedCount(p.Statement, t.Statement, p.Actor, t.Actor) < 2 {
				// A plain report about the party: answered only by a
				// negation on the same matter ("… used by the group to
				// store weapons" — "none of its fighters had been at the
				// compound").
				continue
			}
			accused := false
			for _, s := range t.Subjects {
				accused = accused || sameActor(s, p.Actor)
			}
			if accused {
				a.props[i].Answers = j
				a.props[i].Relation = model.Disputes
				break
			}
		}
	}
}

// pairForward links a denial reported before the claim it answers ("The
// ministry rejected a report that … The report said that …") to that
// claim, when one of the next three sentences holds a claim by someone
// else that says the same.
func (a *article) pairForward() {
	for i, p := range a.props {
		m := a.meta[i]
		if m.kind != kDeny || p.IsCounter() || m.content == "" || a.headlineProp(i) {
			continue
		}
		best, bestScore := -1, 0.0
		for j := i + 1; j < len(a.props); j++ {
			if a.meta[j].sent-m.sent > 3 {
				break
			}
			if a.meta[j].kind == kDeny || a.props[j].IsCounter() || sameActor(a.props[j].Actor, p.Actor) {
				continue
			}
			s := overlap(m.content, a.props[j].Statement)
			if m.noun != "" && strings.EqualFold(a.props[j].Actor.Mention, "the "+m.noun) {
				// "rejected a report that …" … "The report said …".
				s = 1
			}
			if m.noun != "" && strings.HasPrefix(a.props[j].Verb, strings.TrimSuffix(m.noun, "s")) && (a.props[j].Actor.Kind == model.KindOutlet || m.noun == "report") {
				// "dismissed a newspaper report that …" … "The Morning Post
				// reported that …".
				s = 1
			}
			if backNoun.MatchString(a.props[j].Quote) && a.meta[j].kind == kAccuse {
				// "rejected claims that …" … "The allegations were first
				// made by …".
				s = 1
			}
			if s > bestScore {
				best, bestScore = j, s
			}
		}
		if (best < 0 || bestScore < 0.35) && a.leadSentence(m.sent) {
			// "A man whose two dogs were seized … has denied that his
			// animals were involved. The boy's mother said she had seen
			// the two dogs run at her son …": a denial in the lead answers
			// the claim the next sentences report, in whatever words.
			for j := i + 1; j < len(a.props) && a.meta[j].sent-m.sent <= 2; j++ {
				if a.meta[j].kind == kDeny || a.meta[j].kind == kUrge || a.props[j].IsCounter() || sameActor(a.props[j].Actor, p.Actor) || a.meta[j].sent == m.sent {
					continue
				}
				best, bestScore = j, 1
				break
			}
		}
		if best >= 0 && bestScore >= 0.35 {
			// The explicit denial answers the claim; a later "This is a
			// smear" by the same party, paired meanwhile, is its own words
			// again.
			for k := range a.props {
				if k != i && a.props[k].Answers == best && sameActor(a.props[k].Actor, p.Actor) {
					if at := strings.Index(a.props[k].Statement, andSays(a.name(a.props[k].Actor))); at >= 0 {
						a.props[k].Statement = sentenceCase(a.props[k].Statement[at+len(andSays(a.name(a.props[k].Actor))):])
					}
					a.props[k].Answers, a.props[k].Relation = -1, ""
				}
			}
			a.props[i].Answers = best
			a.props[i].Relation = m.relation
		}
	}
}

// leadSentence reports whether sentence si opens the article's body: the
// first sentence after the headline (a dateline may start it).
func (a *article) leadSentence(si int) bool {
	first := 0
	if a.headline {
		first = 1
	}
	return si == first
}

type propKind int

const (
	kAssert propKind = iota
	kAccuse          // an accusation or allegation: what a denial most likely answers
	kDeny
	kUrge
)

// article is the working state of one extraction.
type article struct {
	text     string
	ix       *knownIndex
	sents    []Span
	mentions []mention // actor mentions in text order
	dominant string    // the country the article is mostly about, if any
	// descKinds are the kinds of names introduced with a description
	// ("the campaign group Clean Arva"), by lower-cased name.
	descKinds map[string]model.ActorKind
	// headline is set when the first sentence is a headline (no full stop
	// at its end): a summary of the story that later claims do not answer.
	headline bool

	props []Proposal
	meta  []propMeta

	// paras is the paragraph of each sentence (see paragraph).
	paras []int
	// genders are the people's genders the article gives (see genderOf).
	genders map[string]byte

	// lastSubj is the speaker of the last attribution found; shared is
	// the speaker a coordinated clause inherits.
	lastSubj, shared Span
}

type propMeta struct {
	kind     propKind
	sent     int
	content  string         // for a denial with a clause of its own: the clause
	noun     string         // for such a denial: what it rejects ("report")
	relation model.Relation // for a denial: its relation
	// pending marks a back-pointing denial ("rejected the accusation")
	// whose claim was not found where the patterns look: pairGeneral
	// pairs it or drops it. extra is its own words ("saying …").
	pending bool
	extra   Span
	// own marks a denial of the denier's own part ("denied any
	// wrongdoing"): it answers only a claim about the denier.
	own bool
}

// mention is an actor named in the text.
type mention struct {
	Span
	actor Actor
	desc  string // the description written before the name ("group" in "the campaign group Clean Arva")
}

func newArticle(text string, known []model.Actor) *article {
	a := &article{text: text, ix: newKnownIndex(known), sents: Sentences(text)}
	for i, sn := range a.sents[:min(4, len(a.sents))] {
		// "NORTHBRIDGE (Example Wire) — A campaign group says …": the
		// dateline is no part of the sentence, nor of its quote.
		if m := dateline.FindStringIndex(text[sn.Start:sn.End]); m != nil && m[1] < sn.End-sn.Start {
			a.sents[i].Start += m[1]
		}
	}
	if len(a.sents) > 1 {
		first := strings.TrimRight(text[a.sents[0].Start:a.sents[0].End], " ")
		a.headline = first != "" && !strings.ContainsAny(first[len(first)-1:], ".!?\"”")
		if t := strings.TrimRight(first, "\"”"); !a.headline && t != first && t != "" && !strings.ContainsAny(t[len(t)-1:], ".!?,") && !strings.ContainsAny(t, "“") && strings.Count(t, "\"") == 1 {
			// "Water company rejects overcharging claims as “baseless”":
			// a quoted word closes the headline, not a full stop.
			a.headline = true
		}
	}
	a.findMentions()
	return a
}

// capRun finds runs of capitalised words (with "of", "for", "the", "and"
// inside, initials, and a parenthesised acronym after).
var capRun = regexp.MustCompile(`\b[\p{Lu}][\p{L}\p{N}'’\-.&]*(?:\s+(?:(?:of|for|the|and|de|al|bin|ul)\s+)*[\p{Lu}][\p{L}\p{N}'’\-.&]*)*(?:\s+\([\p{Lu}]{2,10}\))?`)

// findMentions records the known actors named in the text and the
// capitalised names that look like people, groups or bodies, for
// coreference ("Ambassador Wells", "she", "the group").
func (a *article) findMentions() {
	taken := make([]bool, len(a.text))
	for _, h := range a.ix.find(a.text) {
		m := mention{Span: h.Span, actor: fromKnown(h.actor, a.text[h.Start:h.End])}
		a.mentions = append(a.mentions, m)
		for k := h.Start; k < h.End; k++ {
			taken[k] = true
		}
	}
	counts := map[string]int{}
	var runs [][2]int
	var locs [][]int
	for _, sent := range a.sents {
		for _, loc := range capRun.FindAllStringIndex(a.text[sent.Start:sent.End], -1) {
			locs = append(locs, []int{sent.Start + loc[0], sent.Start + loc[1]})
		}
	}
	for _, loc := range locs {
		// "India and China" are two parties; "Centre for Strategic
		// Studies and Research" is one.
		run := a.text[loc[0]:loc[1]]
		parts := []string{run}
		if strings.Contains(run, " and ") && !orgName.MatchString(run) {
			parts = strings.Split(run, " and ")
		}
		at := loc[0]
		for _, p := range parts {
			i := strings.Index(a.text[at:loc[1]], p)
			runs = append(runs, [2]int{at + i, at + i + len(p)})
			at += i + len(p)
		}
	}
	for _, loc := range runs {
		s, e := loc[0], loc[1]
		phrase := strings.TrimRight(a.text[s:e], ".,'’")
		e = s + len(phrase)
		if c, ok := countryOf[strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(phrase, "'s"), "’s"))]; ok {
			counts[c]++
		}
		for _, w := range strings.Fields(phrase) {
			if c, ok := countryOf[strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))]; ok && w != phrase {
				counts[c]++
			}
		}
		if anyTaken(taken, s, e) {
			// A known actor inside a longer run ("US Principal Deputy …
			// Ambassador Alice Wells"): keep a person name at the end.
			name := personName(phrase)
			if looksLikePersonName(name) {
				at := strings.LastIndex(phrase, name)
				if i := s + at; at >= 0 && !anyTaken(taken, i, i+len(name)) {
					a.mentions = append(a.mentions, mention{Span: Span{i, i + len(name)}, actor: Actor{Name: name, Kind: model.KindPerson, Mention: name}})
				}
			}
			continue
		}
		words := strings.Fields(phrase)
		if len(words) == 1 && (commonCapitals[strings.ToLower(phrase)] || demonyms[strings.ToLower(phrase)]) {
			continue
		}
		if commonCapitals[strings.ToLower(words[0])] && len(words) > 1 {
			// "The Pakistani Taliban": drop the article.
			phrase = strings.Join(words[1:], " ")
			s = e - len(phrase)
		}
		name := strings.TrimSpace(acronymSuffix.ReplaceAllString(phrase, ""))
		kind := guessKind(name)
		if c, ok := countryOf[strings.ToLower(name)]; ok && !demonyms[strings.ToLower(name)] {
			// "Washington" is the United States' government.
			name, kind = c, model.KindGovernment
		}
		if p := personName(phrase); p != phrase && looksLikePersonName(p) {
			name, kind = p, model.KindPerson
		}
		// "Ambassador Wells", "Wells": the person named in full before.
		if p := personName(name); p != "" && !strings.Contains(p, " ") && (p == name || hasTitle(name)) {
			if full, ok := a.fullName(p, s); ok {
				full.Mention = a.text[s:e]
				a.mentions = append(a.mentions, mention{Span: Span{s, e}, actor: full})
				continue
			}
		}
		if d, _ := descriptorBefore(a.text, s); kind == model.KindOther && len(strings.Fields(name)) == 1 && d == "" {
			continue
		}
		a.mentions = append(a.mentions, mention{Span: Span{s, e}, actor: Actor{Name: name, Kind: kind, Mention: a.text[s:e]}})
	}
	sort.SliceStable(a.mentions, func(i, j int) bool { return a.mentions[i].Start < a.mentions[j].Start })
	// "the environmental group RiverWatch": the description says what
	// kind of party the name is, and "the group" may stand for it later.
	kinds := map[string]model.ActorKind{}
	for i := range a.mentions {
		m := &a.mentions[i]
		d, k := descriptorBefore(a.text, m.Start)
		if d == "" {
			// "the Northgate Ledger, a local newspaper,".
			d, k = descriptorAfter(a.text, m.End)
		}
		if d == "" {
			// "The union, the Aviators' Guild, said".
			if mm := nounComma.FindStringSubmatch(a.text[max(0, m.Start-40):m.Start]); mm != nil {
				if kk, ok := descriptorKinds[strings.ToLower(mm[1])]; ok || orgHeads[strings.ToLower(mm[1])] {
					d, k = strings.ToLower(mm[1]), kk
					if k == "" {
						k = model.KindOrganisation
					}
				}
			}
		}
		if d == "" {
			continue
		}
		m.desc = d
		if !m.actor.Known() && (m.actor.Kind == model.KindPerson || m.actor.Kind == model.KindOther || m.actor.Kind == "") {
			m.actor.Kind = k
			kinds[strings.ToLower(m.actor.Name)] = k
		}
	}
	// The same name elsewhere has the same kind.
	for i := range a.mentions {
		m := &a.mentions[i]
		if k, ok := kinds[strings.ToLower(m.actor.Name)]; ok && !m.actor.Known() {
			m.actor.Kind = k
		}
	}
	a.descKinds = kinds
	var best, second string
	for c, n := range counts {
		if best == "" || n > counts[best] || (n == counts[best] && c < best) {
			best = c
		}
	}
	for c, n := range counts {
		if c != best && (second == "" || n > counts[second]) {
			second = c
		}
	}
	if best != "" && counts[best] >= 3 && counts[best]*2 >= counts[second]*3 {
		a.dominant = best
	}
}

func fromKnown(k model.Actor, mentionText string) Actor {
	return Actor{ID: k.ID, Name: k.Name, Kind: k.Kind, Mention: mentionText}
}

// finding is one attribution found in a clause, before it becomes a
// proposal.
type finding struct {
	kind     propKind
	verb     string
	relation model.Relation
	subj     Span // the asserting party's words, in text offsets
	object   Span // accused or urged party, when there is one
	content  Span // the reported clause, in text offsets
	quote    Span // the words to quote
	ref      bool // a denial that points back ("denied these charges")
	extra    Span // a denial's own words ("stating that …")
	evidence bool
	unnamed  bool // the asserting party is not named ("X has been accused of …")
	about    Span // more words naming what the claim is about ("families living near the X plant")
	// pronounFor is whom a leading "it"/"he"/"she" of the content stands
	// for: in "X rejected claims by Y that it had …", X.
	pronounFor Span
}

// Sentence-level patterns, matched on one sentence.
var (
	// "…, an allegation that Kabul has denied" / "…, a charge X rejects".
	appositiveDenial = regexp.MustCompile(`(?i),\s+(?:an?|the|which is an?)\s+(?:\w+\s+)?(?:allegation|accusation|claim|charge|assertion|suggestion|account|report)s?\s+(?:(?:that|which)\s+)?(.{2,80}?)\s+(?:(?:has|have|had|has\s+since|have\s+since|had\s+since|has\s+repeatedly|have\s+repeatedly|has\s+strongly|has\s+flatly|strongly|flatly|firmly|since|repeatedly|categorically)\s+)*(denied|denies|deny|rejected|rejects|reject|dismissed|dismisses|dismiss|refuted|refutes|refute|disputed|disputes|dispute|contested|contests|contest)\b[^,;]*[.!?"”]*$`)
	// "…, a charge denied by Kabul."
	appositiveDeniedBy = regexp.MustCompile(`(?i),\s+(?:an?|the)\s+(?:\w+\s+)?(?:allegation|accusation|claim|charge|assertion|suggestion)s?\s+(?:(?:since|repeatedly|strongly|flatly|firmly)\s+)*(denied|rejected|dismissed|refuted|disputed)\s+by\s+([^,;]{2,80}?)[.!?"”]*$`)
	// "…, which the police deny." at the end of a sentence.
	whichDeniesEnd = regexp.MustCompile(`(?i),\s+(?:something\s+|a\s+claim\s+|an\s+allegation\s+)?which\s+(.{2,60}?)\s+(?:(?:has|have|had|since|repeatedly|strongly|flatly|firmly|also|both|all)\s+)*(denied|denies|deny|rejected|rejects|reject|dismissed|dismisses|dismiss|refuted|refutes|refute|disputed|disputes|dispute)\s*[.!?"”]*$`)
	// "…, which Kabul denies" after a claim noun.
	whichDenies = regexp.MustCompile(`(?i)(?:allegation|accusation|claim|charge|assertion)s?,?\s+which\s+(.{2,60}?)\s+(?:(?:has|have|had|since|repeatedly|strongly|flatly|firmly)\s+)*(denied|denies|deny|rejected|rejects|reject|dismissed|dismisses|refuted|refutes|disputed|disputes)\b[^,;]*[.!?"”]*$`)
	// "accusations were made by Imran Khan that …"
	nominalPassive = regexp.MustCompile(`(?i)\b(?:accusations?|allegations?|claims?|charges?|assertions?|suggestions?)\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is)\s+(?:\w+\s+)?(?:made|levell?ed|leveled|raised|voiced|aired|repeated|published|reported)\s+(?:(?:first\s+)?in\s+(?:a|an|the)\s+(?:\w+\s+)?(?:report|article|story|post|video|documentary|investigation)\s+)?by\s+(.{2,80}?)(?:,\s+[^,]{2,60},)?\s+(?:(?:which|who)\s+(?:\w+\s+){0,3}?(?:reported|said|claimed|alleged|wrote|stated|found)\s+(?:(?:[\w-]+\s+){0,3}?that\s+)?|that\s+)`)
	// "Imran Khan's accusation that …", "the allegation by X that …"
	possessiveClaim = regexp.MustCompile(`(?i)\b([\p{Lu}][^,;]{1,60}?)['’]s?\s+(?:\w+\s+)?(?:accusations?|allegations?|claims?|charges?|assertions?)\s+that\s+`)
	claimByThat     = regexp.MustCompile(`(?i)\b(?:accusations?|allegations?|claims?|charges?|assertions?)\s+(?:made\s+)?by\s+(.{2,60}?)\s+that\s+`)
	// "It was conceded by her that …", "It is alleged by prosecutors that …"
	passiveBy = regexp.MustCompile(`(?i)\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+){0,2}?(conceded|claimed|alleged|stated|said|acknowledged|admitted|asserted|argued|suggested|reported|announced|declared|noted|stressed|emphasi[sz]ed|confirmed|revealed|maintained|insisted)\s+by\s+(.{2,60}?)\s+that\s+`)
	// "…, according to X." and "According to X, …"
	accordingTail = regexp.MustCompile(`(?i),?\s+according\s+to\s+([^,;]{2,80}?)\s*[.!?"”]*$`)
	accordingHead = regexp.MustCompile(`(?i)^(?:["“]?)according\s+to\s+([^,;]{2,80}?),\s+`)
	// A content clause's tail that is not part of the claim.
	contentTail = regexp.MustCompile(`(?i),\s+(?:according\s+to|citing|adding\s+that|adding|calling\s+(?:it|them|the|these|this)|in\s+a\s+statement|in\s+a\s+(?:post|tweet|interview)|saying|he\s+said|she\s+said|they\s+said|officials\s+said)\b.*$|,?\s+(?:and|but)\s+(?:also\s+)?(?:declined|refused|would\s+not|did\s+not\s+(?:say|comment|give|elaborate)|said|added|claimed|warned|insisted|urged|called|told|stressed|noted|acknowledged|conceded|announced|imposed|vowed|pledged|promised|threatened|summoned|ordered|expelled|accused|denied|rejected|demanded|asked|criticised|criticized|fined|suspended|banned|sanctioned|revoked|barred|sued)\b.*$`)
	dateline    = regexp.MustCompile(`^(?:\((?:Reuters|AP|AFP|Wire|UPI|dpa)\)|[\p{Lu}][\p{Lu} .]{2,30}(?:,\s+[\p{Lu}][\p{L}\p{N} .]{1,30})?|[\p{Lu}][\p{Ll}]{2,8}\.?\s+\d{1,2}|\d{1,2})\s*(?:\([^)]*\))?\s*[:—–-]+\s+`)
	// "Government officials say that …" as the subject of a denial etc.
	pluralRef = regexp.MustCompile(`(?i)^(?:(?:all|both|these|those|all\s+the|both\s+the)\s+(?:(two|three|four|five|2|3|4|5)\s+)?|(?:the|all)\s+(two|three|four|five|2|3|4|5)\s+)(?:of\s+them|parties|sides|countries|governments|nations|groups|men|leaders|officials|organi[sz]ations|states|camps)$|^(?:all|the)\s+(two|three|four|five)$|^(?:both|all\s+of\s+them|both\s+of\s+them|each)$`)
)

var orgName = regexp.MustCompile(`\b(?:of|for)\s+[\p{Lu}][^,]*\s+and\s+[\p{Lu}]`)

var acronymSuffix = regexp.MustCompile(`\s*\([\p{Lu}]{2,10}\)$`)

var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}

// sentence finds the attributions in sentence number si.
func (a *article) sentence(si int, s Span) {
	text := a.text[s.Start:s.End]
	if len(strings.Fields(text)) < 4 {
		return
	}
	main := s
	// A trailing appositive denial ("…, an allegation that Kabul has
	// denied.") answers the claim in the rest of the sentence.
	var denier Span
	var denyVerb string
	var denialQuote Span
	if m := appositiveDenial.FindStringSubmatchIndex(text); m != nil {
		denier = Span{s.Start + m[2], s.Start + m[3]}
		denyVerb = text[m[4]:m[5]]
		denialQuote = Span{s.Start + m[0], s.End}
		main = Span{s.Start, s.Start + m[0]}
	} else if m := appositiveDeniedBy.FindStringSubmatchIndex(text); m != nil {
		denier = Span{s.Start + m[4], s.Start + m[5]}
		denyVerb = text[m[2]:m[3]]
		denialQuote = Span{s.Start + m[0], s.End}
		main = Span{s.Start, s.Start + m[0]}
	} else if m := whichDeniesEnd.FindStringSubmatchIndex(text); m != nil {
		denier = Span{s.Start + m[2], s.Start + m[3]}
		denyVerb = text[m[4]:m[5]]
		denialQuote = Span{s.Start + m[0], s.End}
		main = Span{s.Start, s.Start + m[0]}
	} else if m := whichDenies.FindStringSubmatchIndex(text); m != nil {
		denier = Span{s.Start + m[2], s.Start + m[3]}
		denyVerb = text[m[4]:m[5]]
		comma := strings.LastIndex(text[:m[2]], ",")
		if comma < 0 {
			comma = m[2]
		}
		denialQuote = Span{s.Start + comma, s.End}
		main = Span{s.Start, s.Start + comma}
	}
	before := len(a.props)
	if a.quoteDenial(si, s) {
		return
	}
	clauses := splitClauses(a.text, main)
	starts := make([]int, len(clauses)+1)
	for k, c := range clauses {
		starts[k] = len(a.props)
		a.clause(si, c)
	}
	starts[len(clauses)] = len(a.props)
	a.pairContrast(clauses, starts)
	// "The ministry denied that there was a shortage, after clinics said
	// they had run out": the denial answers the report after it.
	if len(clauses) == 2 && strings.HasPrefix(strings.ToLower(a.text[clauses[1].Start:clauses[1].End]), "after ") {
		var d, c = -1, -1
		for i := before; i < len(a.props); i++ {
			switch {
			case a.meta[i].kind == kDeny && !a.props[i].IsCounter() && a.props[i].End <= clauses[0].End+1:
				d = i
			case a.meta[i].kind != kDeny && !a.props[i].IsCounter() && a.props[i].Start >= clauses[1].Start:
				c = i
			}
		}
		if d >= 0 && c >= 0 && !sameActor(a.props[d].Actor, a.props[c].Actor) {
			a.props[d].Answers, a.props[d].Relation = c, a.meta[d].relation
			if a.props[d].Relation == "" {
				a.props[d].Relation = model.Denies
			}
		}
	}
	if denyVerb != "" && len(a.props) > before {
		target := len(a.props) - 1
		for i := before; i < len(a.props); i++ {
			if a.meta[i].kind == kAccuse {
				target = i
			}
		}
		q := trimSpan(a.text, Span{denialQuote.Start + 1, denialQuote.End})
		q = trimPunct(a.text, q)
		a.addDenials(si, denier, strings.ToLower(denyVerb), q, Span{}, target)
	}
}

// contrastReport matches a clause that reports a second party's account
// against the first one's: "but the pilots' union said …", "while the
// army said …", "whereas Y said …", "the union, however, said …".
var contrastReport = regexp.MustCompile(`^(?i:(?:but|while|whereas)\s+[^,;]{1,60}?\s+|[^,;]{1,60}?,\s+however,\s+)(?:said|says|claimed|claims|insisted|insists|told|argued|argues|maintained|maintains|countered|counters)\b`)

// contrastCue marks an account given against another: "the real cause",
// "in fact", "instead".
var contrastCue = regexp.MustCompile(`(?i)\b(?:real|actual|true|in\s+fact|instead|rather\s+than|only)\b`)

// pairContrast links "X said A, but Y said B": Y's account disputes X's
// claim in the clause before. starts[k] is the first proposal of clause k.
func (a *article) pairContrast(clauses []Span, starts []int) {
	for k := 1; k < len(clauses); k++ {
		if !contrastReport.MatchString(a.text[clauses[k].Start:clauses[k].End]) {
			continue
		}
		x, y := -1, -1
		for i := starts[k-1]; i < starts[k]; i++ {
			if !a.props[i].IsCounter() && a.meta[i].kind != kDeny && a.meta[i].kind != kUrge {
				x = i
			}
		}
		for i := starts[k]; i < starts[k+1] && y < 0; i++ {
			if !a.props[i].IsCounter() && a.meta[i].kind == kAssert {
				y = i
			}
		}
		if x < 0 || y < 0 || sameActor(a.props[x].Actor, a.props[y].Actor) || a.answered(y) {
			continue
		}
		// "while" may only set two reports side by side ("claimed a
		// landslide victory, while the opposition said the count had been
		// manipulated"): it disputes when it says so ("the real cause",
		// a negation) or answers on the same matter.
		if strings.HasPrefix(strings.ToLower(a.text[clauses[k].Start:clauses[k].End]), "while ") &&
			!negation.MatchString(a.props[y].Statement) && !contrastCue.MatchString(a.props[y].Statement) &&
			!sharesContent(a.props[y].Statement, a.props[x].Statement, a.props[y].Actor, a.props[x].Actor) {
			continue
		}
		a.props[y].Answers, a.props[y].Relation = x, model.Disputes
	}
}

// splitClauses splits a sentence at semicolons outside quotations:
// "Opposition says vote was rigged; election body rejects claim".
func splitClauses(text string, sp Span) []Span {
	var out []Span
	start, inQuote := sp.Start, false
	for i := sp.Start; i < sp.End; i++ {
		switch text[i] {
		case '"':
			inQuote = !inQuote
		case ';':
			if !inQuote && i+1 < sp.End && text[i+1] == ' ' {
				out = append(out, Span{start, i})
				start = i + 1
			}
		case ',':
			// "Local officials put the toll at 18, while the army said
			// nine had died": two reports.
			if !inQuote {
				if m := whileReport.FindStringIndex(text[i:sp.End]); m != nil && m[0] == 0 {
					out = append(out, Span{start, i})
					start = i + len(", ")
				}
			}
		case ' ':
			// "X has denied wrongdoing after a rights group said …": the
			// denial and the report it answers.
			if !inQuote && i > start && denialBefore.MatchString(text[start:i]) {
				if m := afterReport.FindStringIndex(text[i:sp.End]); m != nil && m[0] == 0 {
					out = append(out, Span{start, i})
					start = i + len(" after ")
				}
			}
		}
	}
	out = append(out, trimSpan(text, Span{start, sp.End}))
	return out
}

// ownWords is a denial's own words after token from: the clause after
// "…, stating/saying/insisting (that)", or an empty span.
func (a *article) ownWords(text string, off int, toks []token, from int) Span {
	for m := from; m+1 < len(toks); m++ {
		if _, say := sayVerbs[toks[m].lower()]; say && strings.HasSuffix(toks[m].lower(), "ing") {
			n := m + 1
			if toks[n].lower() == "that" {
				n++
			}
			if n < len(toks) {
				return a.clauseEnd(Span{off + toks[n].start, off + len(text)})
			}
			break
		}
	}
	return Span{}
}

// afterReport matches a report given as the cause of what comes before:
// " after a rights group said …".
var afterReport = regexp.MustCompile(`^\s+after\s+(?:an?|the)\s+[^,;"“]{1,60}?\s+(?:said|says|claimed|alleged|reported|accused)\b`)

// denialBefore matches a clause that denies: the part before "after".
var denialBefore = regexp.MustCompile(`(?i)\b(?:denied|denies|rejected|rejects|dismissed|dismisses|disputed|disputes)\b`)

// clause finds one attribution in a clause and turns it into proposals.
func (a *article) clause(si int, c Span) {
	text := a.text[c.Start:c.End]
	off := c.Start
	sp := func(i, j int) Span { return Span{off + i, off + j} }

	// Two reports sharing a subject: each part on its own, the second with
	// the first one's speaker.
	if m := coordinated.FindStringIndex(text); m != nil && a.shared.End == 0 && m[0] > 0 &&
		strings.Count(text[:m[0]], "\"")%2 == 0 && !strings.Contains(text[:m[0]], "“") {
		before := len(a.props)
		a.lastSubj = Span{}
		a.clause(si, Span{c.Start, c.Start + m[0]})
		if len(a.props) > before && a.lastSubj.End > a.lastSubj.Start {
			verb := c.Start + m[0] + strings.LastIndex(text[m[0]:m[1]], " ") + 1
			a.shared = a.lastSubj
			a.clause(si, Span{verb, c.End})
			a.shared = Span{}
			return
		}
		// Nothing in the first part ("Community leaders called for calm
		// and urged the police to …"): the second part with the first
		// part's subject, if it has one.
		a.props, a.meta = a.props[:before], a.meta[:before]
		if np, ok := a.leadingSubject(Span{c.Start, c.Start + m[0]}); ok {
			verb := c.Start + m[0] + strings.LastIndex(text[m[0]:m[1]], " ") + 1
			a.shared = np
			a.clause(si, Span{verb, c.End})
			a.shared = Span{}
			if len(a.props) > before {
				return
			}
			a.props, a.meta = a.props[:before], a.meta[:before]
		}
	}

	if a.clausePatterns(si, c) {
		return
	}
	// Reporting nouns: "accusations were made by X that …".
	firstDeny := len(text)
	for _, t := range tokenize(text) {
		if denyVerbs[t.lower()] != "" {
			firstDeny = t.start
			break
		}
	}
	for _, re := range []*regexp.Regexp{nominalPassive, claimByThat, possessiveClaim} {
		if m := re.FindStringSubmatchIndex(text); m != nil && m[0] < firstDeny {
			subj := sp(m[2], m[3])
			if a.plausibleSpeaker(a.text[subj.Start:subj.End]) {
				a.emitClaim(si, finding{kind: kAccuse, verb: "accusation", subj: subj,
					content: a.clauseEnd(sp(m[1], len(text))), quote: trimPunct(a.text, c)})
				return
			}
		}
	}
	// "The claim was refuted by the National Health Institute, which said
	// …": a denial by the agent of what was just reported.
	if m := passiveDenial.FindStringSubmatchIndex(text); m != nil {
		subj := sp(m[6], m[7])
		if a.plausibleSpeaker(a.text[subj.Start:subj.End]) {
			f := finding{kind: kDeny, verb: strings.ToLower(text[m[4]:m[5]]), ref: true, subj: subj,
				object: sp(m[2], m[3]), quote: trimPunct(a.text, c)}
			f.relation = model.Relation(denyVerbs[f.verb])
			if m[8] >= 0 {
				f.extra = a.clauseEnd(sp(m[9], len(text)))
			}
			a.emitDenial(si, f)
			return
		}
	}
	// "A video shared two million times claims that …": a document with a
	// participle phrase speaks.
	if m := documentSays.FindStringSubmatchIndex(text); m != nil {
		a.emitClaim(si, finding{kind: kAccuse, verb: strings.ToLower(text[m[4]:m[5]]), subj: sp(m[2], m[3]),
			content: a.clauseEnd(sp(m[1], len(text))), quote: trimPunct(a.text, c)})
		return
	}
	// "It was alleged in court that …": an allegation with no accuser.
	if m := passiveIt.FindStringSubmatchIndex(text); m != nil {
		a.emitClaim(si, finding{kind: kAccuse, verb: strings.ToLower(text[m[2]:m[3]]), unnamed: true,
			content: a.clauseEnd(sp(m[1], len(text))), quote: trimPunct(a.text, c)})
		return
	}
	if m := passiveBy.FindStringSubmatchIndex(text); m != nil {
		subj := sp(m[4], m[5])
		if a.plausibleSpeaker(a.text[subj.Start:subj.End]) {
			a.emitClaim(si, finding{kind: kAssert, verb: strings.ToLower(text[m[2]:m[3]]), subj: subj,
				content: a.clauseEnd(sp(m[1], len(text))), quote: trimPunct(a.text, c)})
			return
		}
	}

	toks := tokenize(text)
	quoteDepth := quoteDepths(text, toks)
	// A sentence that goes on with a quotation opened before it: its words
	// up to the closing mark are the speaker's, not reports of their own
	// ("“He screamed at us. He told us that pain was for the weak,” one of
	// the players said").
	quotedUntil := -1
	if a.quoteOpenAt(c.Start) {
		quotedUntil = len(text)
		if e := strings.IndexAny(text, "\"”"); e >= 0 {
			quotedUntil = e
		}
	}
	// Likewise inside a quotation that closes in this clause.
	lastClose := strings.LastIndexAny(text, "\"”")
	for i, t := range toks {
		if !t.isWord() || t.start < quotedUntil || quoteDepth[i] && t.start < lastClose && pronounBefore(toks, i) {
			continue
		}
		lw := t.lower()
		if i > 0 && toks[i-1].s == "-" {
			continue
		}
		if i >= 2 && (toks[i-2].lower() == "that" || toks[i-2].lower() == "which") && (toks[i-1].lower() == "it" || toks[i-1].lower() == "they") &&
			i+1 < len(toks) && toks[i+1].isWord() && !toks[i+1].capitalised() && toks[i+1].lower() != "that" {
			// "released a video that it said showed …": a relative clause;
			// the sentence's own report may come later ("…, and claimed
			// that …").
			continue
		}
		switch {
		case accuseVerbs[lw]:
			if f, ok := a.parseAccuse(text, off, toks, i); ok {
				f.quote = trimPunct(a.text, c)
				a.emitClaim(si, f)
				return
			}
		case (lw == "pleaded" || lw == "pleads" || lw == "plead" || lw == "pled") && i+2 < len(toks) && toks[i+1].lower() == "not" && toks[i+2].lower() == "guilty":
			if f, ok := a.parseDeny(text, off, toks, i); ok {
				f.quote = trimPunct(a.text, c)
				f.verb = "pleaded not guilty"
				a.emitDenial(si, f)
				return
			}
		case dismissVerbs[lw] && i+2 < len(toks):
			// "called the claim that hospitals were told to hide deaths
			// “politically motivated”": a denial with its own clause.
			if m := describedThat.FindStringSubmatchIndex(text[toks[i].end:]); m != nil {
				sj, negated, passive, ok := a.subjectOf(toks, i, off)
				if ok && !negated && !passive {
					at := off + toks[i].end
					f := finding{kind: kDeny, verb: lw, relation: model.Denies,
						subj:   Span{off + sj.Start, off + sj.End},
						object: Span{at + m[2], at + m[3]}, content: Span{at + m[4], at + m[5]}, quote: trimPunct(a.text, c)}
					if subj := a.text[f.subj.Start:f.subj.End]; a.plausibleSpeaker(subj) || nounPhrase(subj) {
						a.emitDenial(si, f)
						return
					}
				}
			}
			// "described the allegations as “completely fabricated”".
			m := describedAs.FindStringSubmatchIndex(text[toks[i].end:])
			if m == nil {
				// "called the accusation “desperate”": any word in
				// quotation marks that the claim is called.
				m = describedQuoted.FindStringSubmatchIndex(text[toks[i].end:])
			}
			if m == nil {
				// "called the expulsion “baseless and provocative”": any
				// act called untrue in quotation marks.
				if m2 := describedAnyQuoted.FindStringSubmatchIndex(text[toks[i].end:]); m2 != nil && rebuttalWords.MatchString(text[toks[i].end+m2[4]:toks[i].end+m2[5]]) {
					m = m2
				}
			}
			if m != nil {
				sj, negated, passive, ok := a.subjectOf(toks, i, off)
				if ok && !negated && !passive {
					at := off + toks[i].end
					f := finding{kind: kDeny, verb: lw, relation: model.Denies, ref: true,
						subj:   Span{off + sj.Start, off + sj.End},
						object: Span{at + m[2], at + m[3]}, quote: trimPunct(a.text, c)}
					if subj := a.text[f.subj.Start:f.subj.End]; a.plausibleSpeaker(subj) || nounPhrase(subj) || subj == "It" {
						a.emitDenial(si, f)
						return
					}
				}
			}
		case denyVerbs[lw] != "":
			if f, ok := a.parseDeny(text, off, toks, i); ok {
				f.quote = trimPunct(a.text, c)
				if f.ref || f.content.End > f.content.Start {
					a.emitDenial(si, f)
					return
				}
			}
		}
		if urgeVerbs[lw] {
			if f, ok := a.parseUrge(text, off, toks, i); ok {
				f.quote = trimPunct(a.text, c)
				a.emitClaim(si, f)
				return
			}
		}
		if evidenceVerbs[lw] {
			if f, ok := a.parseEvidence(text, off, toks, i); ok {
				f.quote = trimPunct(a.text, c)
				a.emitClaim(si, f)
				return
			}
		}
		if strong, ok := sayVerbs[lw]; ok {
			if strings.HasSuffix(lw, "ing") && i > 0 && toks[i-1].s == "," {
				// "…, saying …": the main clause's subject speaks on.
				continue
			}
			if i+1 < len(toks) {
				if _, next := sayVerbs[toks[i+1].lower()]; next {
					// "Media reports said": a noun before the verb.
					continue
				}
			}
			if f, ok := a.parseSay(text, off, toks, i, strong, quoteDepth[i]); ok {
				f.quote = trimPunct(a.text, c)
				if quotedUntil >= 0 && f.content.Start == off {
					// The quotation began sentences before: quote all of it.
					if op := a.openingQuote(c.Start); op >= 0 {
						_, sz := utf8.DecodeRuneInString(a.text[op:])
						f.content.Start, f.quote.Start = op+sz, op
					}
				}
				a.emitClaim(si, f)
				return
			}
		}
	}
	// "…, according to X." / "According to X, …"
	if m := accordingTail.FindStringSubmatchIndex(text); m != nil {
		subj := sp(m[2], m[3])
		if a.plausibleSpeaker(a.text[subj.Start:subj.End]) {
			a.emitClaim(si, finding{kind: kAssert, verb: "according to", subj: subj,
				content: trimSpan(a.text, sp(0, m[0])), quote: trimPunct(a.text, c)})
			return
		}
	}
	if m := accordingHead.FindStringSubmatchIndex(text); m != nil {
		subj := sp(m[2], m[3])
		if a.plausibleSpeaker(a.text[subj.Start:subj.End]) {
			a.emitClaim(si, finding{kind: kAssert, verb: "according to", subj: subj,
				content: a.clauseEnd(sp(m[1], len(text))), quote: trimPunct(a.text, c)})
			return
		}
	}
	// "The government of Norvia expelled a diplomat, saying he had been
	// collecting information …": an action and the reason its subject
	// gives.
	if m := sayingTail.FindStringSubmatchIndex(text); m != nil && !a.quoted(c.Start+m[0]) {
		if subj, ok := a.leadingSubject(sp(0, m[0])); ok {
			content := a.clauseEnd(sp(m[1], len(text)))
			if rest := a.text[content.Start:content.End]; len(strings.Fields(rest)) >= 3 && hasFiniteVerb(rest) {
				f := finding{kind: kAssert, verb: "saying", subj: subj, content: content, quote: trimPunct(a.text, c)}
				// "The government blamed the rebel Free Hills Movement,
				// saying its fighters had fired the shells": the claim is
				// about the one blamed, and "its" is that one's.
				if b := blamedBefore.FindStringSubmatchIndex(text[:m[0]]); b != nil {
					f.object = sp(b[2], b[3])
					f.pronounFor = f.object
				}
				before := len(a.props)
				a.emitClaim(si, f)
				// "The ruling Democratic Alliance hit back at the
				// opposition, saying …": an answer to the latest claim by
				// the one it hits back at.
				if h := hitBackAt.FindStringSubmatchIndex(text[:m[0]]); h != nil && len(a.props) == before+1 {
					g := 2
					if h[g] < 0 {
						g = 4
					}
					a.answerLatestBy(len(a.props)-1, sp(h[g], h[g+1]))
				}
			}
		}
	}
}

// hitBackAt matches a rebuttal of someone before ", saying": "hit back
// at the opposition", "lashed out at the union".
var hitBackAt = regexp.MustCompile(`(?i)\b(?:hit|hits|fired|fires|struck|strikes|lashed|lashes)\s+back\s+at\s+((?:the\s+)?[^,]{2,60}?)$|\b(?:lashed|lashes|rounded)\s+(?:out\s+)?(?:at|on)\s+((?:the\s+)?[^,]{2,60}?)$`)

// answerLatestBy makes proposal i answer (disputes) the latest claim, a
// few sentences back at most, by the party named at span x.
func (a *article) answerLatestBy(i int, x Span) {
	if x.End <= x.Start {
		return
	}
	targets := a.resolveParties(x)
	for j := i - 1; j >= 0 && a.meta[i].sent-a.meta[j].sent <= 6; j-- {
		t := a.props[j]
		if t.IsCounter() && a.meta[j].kind == kDeny || sameActor(t.Actor, a.props[i].Actor) {
			continue
		}
		for _, y := range targets {
			if y.Kind != "" && (sameActor(t.Actor, y) || a.isAbout(Proposal{Statement: a.name(t.Actor)}, y) ||
				strings.EqualFold(strings.TrimPrefix(strings.ToLower(y.Mention), "the "), "opposition") && a.opposition(t.Actor)) {
				a.props[i].Answers, a.props[i].Relation = j, model.Disputes
				return
			}
		}
	}
}

// opposition reports whether x is introduced as the opposition ("The
// opposition People's Front").
func (a *article) opposition(x Actor) bool {
	return strings.Contains(strings.ToLower(x.Mention), "opposition") || strings.Contains(strings.ToLower(a.descOf(x)), "opposition")
}

// blamedBefore matches the party an action blames, just before ",
// saying": "blamed the rebel Free Hills Movement".
var blamedBefore = regexp.MustCompile(`(?i)\b(?:blamed|blames|accused|accuses|condemned|condemns|criticised|criticized|criticises|criticizes)\s+((?:the\s+)?[^,]{2,60}?)$`)

// sayingTail matches the reason a subject gives after its action: ",
// saying (that) …".
var sayingTail = regexp.MustCompile(`,\s+(?:saying|claiming|alleging|arguing|insisting)\s+(?:that\s+)?`)

// subjectOf is subjectBefore, except that a verb opening a coordinated
// clause ("… and accused the government of …") takes the subject of the
// clause before it. Spans are relative to off and may start before it.
func (a *article) subjectOf(toks []token, i, off int) (Span, bool, bool, bool) {
	sj, negated, passive, ok := subjectBefore(toks, i)
	if ok || a.shared.End <= a.shared.Start {
		return sj, negated, passive, ok
	}
	if i == 0 || (i == 1 && auxWords[toks[0].lower()]) {
		return Span{a.shared.Start - off, a.shared.End - off}, false, false, true
	}
	return sj, negated, passive, ok
}

// coordinated finds a second reporting verb that shares the clause's
// subject: "The Taliban said … and accused the government of …".
var coordinated = regexp.MustCompile(`,?\s+(?:and|but)\s+(?:also\s+|later\s+|then\s+)?(said|says|added|adds|accused|accuses|urged|urges|called|warned|warns|insisted|claimed|claims|alleged|denied|denies|rejected|rejects|told|blamed|dismissed)\b`)

// roleWords speak for a body: "a spokeswoman for the airline".
var roleWords = set("spokesman", "spokeswoman", "spokesperson", "spokesmen", "official", "officials", "executive",
	"executives", "representative", "representatives", "source", "sources")

// dismissVerbs call a claim something: "described the allegations as
// false", "called the claims nonsense".
var dismissVerbs = set("described", "describes", "called", "calls", "branded", "brands", "labelled", "labeled", "termed", "terms", "slammed")

// describedAs matches what follows a dismissVerb: a claim and what it is
// called.
var describedAs = regexp.MustCompile(`(?i)^\s+((?:the|these|those|such|this|that|his|her|their|its|all|any)\s+(?:[\w'’]+\s+){0,2}?(?:allegations?|claims?|accusations?|charges?|reports?|assertions?|remarks?|suggestions?|statements?|study|studies|findings|research|figures|data|video|documents))\s+(?:as\s+)?["“]?(?:\w+\s+){0,2}?["“]?(?:alarmist|false|baseless|untrue|unfounded|groundless|without\s+merit|nonsense|fabricated|lies|a\s+lie|politically\s+motivated|fake|absurd|ridiculous|misleading|inaccurate|wrong|malicious|slander|smears?|a\s+fabrication|propaganda|fantasy|fiction|rubbish|preposterous|irresponsible|impossible|unscientific|scaremongering|a\s+hoax|hoax|a\s+conspiracy\s+theory|conspiracy\s+theor(?:y|ies)|misinformation|disinformation|defamatory|slanderous|outrageous|laughable|ludicrous|nonsensical|a\s+witch[\s-]hunt|witch[\s-]hunt|unjustified|unfair|not\s+true|exaggerated|an?\s+insult)`)

// describedQuoted matches a claim called by a quoted word or phrase after
// a dismissVerb: "the accusation “desperate”".
var describedQuoted = regexp.MustCompile(`(?i)^\s+((?:the|these|those|such|this|that|his|her|their|its)\s+(?:[\w'’]+\s+){0,2}?(?:allegations?|claims?|accusations?|charges?|reports?|remarks?|suggestions?|statements?|study|findings|figures))\s+(?:as\s+)?["“][^"“”]{1,40}["”]`)

// describedAnyQuoted matches "the expulsion “baseless and provocative”"
// after a dismissVerb: a thing and the quoted words it is called.
var describedAnyQuoted = regexp.MustCompile(`(?i)^\s+((?:the|these|those|this|that|its|his|her|their)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:as\s+)?["“]([^"“”]{1,60})["”]`)

// describedThat matches "the claim that … “politically motivated”"
// after a dismissVerb: the claim's clause and what it is called.
var describedThat = regexp.MustCompile(`(?i)^\s+((?:the|these|those|such|this)\s+(?:\w+\s+){0,2}?(?:allegations?|claims?|accusations?|suggestions?|reports?|assertions?))\s+that\s+([^"“”]{3,200}?)\s+(?:as\s+)?["“](?:\w+\s+){0,3}?(?:false|baseless|untrue|unfounded|groundless|nonsense|fabricated|lies|a\s+lie|politically\s+motivated|fake|absurd|ridiculous|misleading|inaccurate|wrong|malicious|slander|smears?|a\s+fabrication|propaganda|fantasy|fiction|rubbish|preposterous|a\s+hoax|hoax|misinformation|disinformation|defamatory|outrageous|laughable|ludicrous|not\s+true)`)

// quoteDepths says for each token whether it stands inside a quotation.
func quoteDepths(text string, toks []token) []bool {
	out := make([]bool, len(toks))
	in := false
	for i, t := range toks {
		switch t.s {
		case "“":
			in = true
		case "”":
			in = false
		case "\"":
			in = !in
		}
		out[i] = in
	}
	return out
}

// skipAux steps back from token j over auxiliaries and adverbs ("has
// since", "also"), but not over a capitalised one that ends a name
// ("Clean Rivers Now"), and returns where it stopped.
func skipAux(toks []token, j int) int {
	for j >= 0 && toks[j].isWord() && auxWords[toks[j].lower()] {
		if toks[j].capitalised() && j > 0 && toks[j-1].isWord() && toks[j-1].capitalised() {
			break
		}
		j--
	}
	return j
}

// subjectBefore finds the subject noun phrase that ends before token i:
// auxiliaries and adverbs between it and the verb are skipped. It returns
// the phrase's span in the clause and whether the verb is negated or
// passive.
func subjectBefore(toks []token, i int) (sp Span, negated, passive, ok bool) {
	j := i - 1
	// Skip auxiliaries, adverbs, "plans to", time phrases.
	for j >= 0 && toks[j].isWord() && (auxWords[toks[j].lower()] || toks[j].lower() == "not" || toks[j].lower() == "never" || strings.HasSuffix(toks[j].lower(), "n't") || isAdverb(toks[j].lower()) && !toks[j].capitalised()) {
		if toks[j].capitalised() && j > 0 && toks[j-1].isWord() && toks[j-1].capitalised() {
			break // part of a name: "Clean Rivers Now said"
		}
		lw := toks[j].lower()
		if lw == "not" || lw == "never" || strings.HasSuffix(lw, "n't") {
			negated = true
		}
		if lw == "was" || lw == "were" || lw == "been" || lw == "being" || lw == "is" || lw == "are" {
			// "She was told …", "was accused …": the grammatical subject
			// is not the speaker. ("has been" before a verb ending in -ed.)
			passive = true
		}
		j--
	}
	// An age after the name: "one of the players, now 19, told", "Voss,
	// 54, said".
	if j >= 3 && toks[j].s == "," && isNumber(toks[j-1].s) && toks[j-2].s == "," {
		j -= 3
	} else if j >= 4 && toks[j].s == "," && isNumber(toks[j-1].s) && toks[j-2].lower() == "now" && toks[j-3].s == "," {
		j -= 4
	}
	// Adverbial between commas: "Kabul, however, denied".
	if j >= 2 && toks[j].s == "," && toks[j-2].s == "," && toks[j-1].isWord() && (auxWords[toks[j-1].lower()] || isAdverb(toks[j-1].lower())) {
		j -= 3
	} else if j >= 3 && toks[j].s == "," {
		// "Brooks, for his part, has denied": a short aside.
		for c := j - 1; c >= 1 && c >= j-5; c-- {
			if toks[c].s == "," {
				if w := toks[c+1].lower(); w == "for" || w == "in" || w == "meanwhile" || w == "though" || w == "too" || w == "on" || w == "at" || w == "however" {
					j = c - 1
					j = skipAux(toks, j)
				}
				break
			}
			if !toks[c].isWord() {
				break
			}
		}
	}
	if j >= 3 && toks[j].s == "," {
		// "The colleague, who was not named in court, has denied": skip
		// the relative clause.
		for c := j - 1; c >= 1 && c >= j-14; c-- {
			if toks[c].s == "," {
				if w := toks[c+1].lower(); (w == "which" || w == "who") && c+4 < j && (toks[c+2].lower() == "calls" || toks[c+2].lower() == "call") &&
					(toks[c+3].lower() == "itself" || toks[c+3].lower() == "themselves") && toks[c+4].capitalised() {
					// "The group, which calls itself Open Scholarship,
					// said": the name it gives itself.
					return Span{toks[c+4].start, toks[j-1].end}, negated, passive, true
				}
				if w := toks[c+1].lower(); (w == "who" || w == "which" || w == "whose" || participleAside[w]) && toks[c-1].isWord() {
					j = c - 1
					j = skipAux(toks, j)
				}
				break
			}
		}
	}
	if j >= 0 && toks[j].s == "," && j > 0 && toks[j-1].isWord() {
		// "Ishaq Dar, Pakistan's foreign minister, said" or "Dr. Lee, a
		// virologist at the institute, warned": the name before the
		// appositive speaks.
		j--
		for c := j; c > 0 && c >= j-16; c-- {
			if toks[c].s == "," {
				if nx := toks[c+1].lower(); nx == "as" || nx == "and" || nx == "or" || nx == "along" || nx == "together" {
					// "X, as well as Y, said": a list, not an appositive.
					break
				}
				inner := make([]string, 0, j-c)
				for k := c + 1; k <= j; k++ {
					inner = append(inner, toks[k].s)
				}
				// "The minister, Lindiwe Dube, said": the name between the
				// commas speaks; "Ishaq Dar, Pakistan's foreign minister,
				// said": the name before them.
				if toks[c-1].isWord() && !looksLikePersonName(strings.Join(inner, " ")) &&
					(toks[c-1].capitalised() || speakerWords[toks[c-1].lower()] || speakerNouns[toks[c-1].lower()]) &&
					!(descriptorKinds[toks[c-1].lower()] != "" && namedAppositive(inner)) {
					j = c - 1
				}
				break
			}
			if !toks[c].isWord() {
				break
			}
		}
	}
	end := j
	n := 0
	hasConj := false
	for j >= 0 && n < 16 {
		t := toks[j]
		lw := t.lower()
		if !t.isWord() {
			if strings.HasPrefix(t.s, "(") {
				j--
				n++
				continue
			}
			if t.s == "," && j+1 <= end && j > 0 {
				// A list of parties: ", as well as", ", and", or a comma
				// before a later "and".
				nxt := toks[j+1].lower()
				if nxt == "as" || nxt == "and" || nxt == "or" || nxt == "along" || nxt == "together" || (hasConj && toks[j-1].capitalised()) {
					j--
					n++
					continue
				}
			}
			break
		}
		if lw == "as" && j >= 2 && j < end && toks[j-1].lower() == "well" && toks[j-2].lower() == "as" {
			// "…, as well as NATO": walking backwards.
			hasConj = true
			j -= 3
			n += 3
			continue
		}
		if (lw == "and" || lw == "or" || lw == "&") && j < end && j > 0 {
			hasConj = true
			j--
			n++
			continue
		}
		if lw == "of" && j < end && j > 0 && quantityWords[toks[j-1].lower()] {
			// "one of the players", "some of the residents".
			j--
			n++
			continue
		}
		if lw == "of" && j < end && j >= 4 && toks[j+1].capitalised() && placeNouns[toks[j-1].lower()] {
			// "Fishermen in the town of Brenno", "Farmers in the Osun
			// delta village of Ekpe".
			k := j - 2
			for k > 0 && k >= j-4 && toks[k].lower() != "the" && toks[k].isWord() {
				k--
			}
			if k >= 2 && toks[k].lower() == "the" && (toks[k-1].lower() == "in" || toks[k-1].lower() == "from" || toks[k-1].lower() == "of" || toks[k-1].lower() == "at") && toks[k-2].isWord() && !npStop[toks[k-2].lower()] {
				n += j - k + 2
				j = k - 2
				continue
			}
		}
		if lw == "least" && j >= 2 && toks[j-1].lower() == "at" && j < end {
			// "clinics in at least four provinces".
			j -= 2
			n += 2
			continue
		}
		if (lw == "in" || lw == "from") && j < end && j > 0 && (toks[j+1].lower() == "the" || toks[j+1].lower() == "at" || isNumber(toks[j+1].s) || numberNames[toks[j+1].lower()] != "") &&
			(peopleNoun(toks[j-1].lower()) || speakerNouns[toks[j-1].lower()] || groupWords[toks[j-1].lower()] || militaryWords[toks[j-1].lower()]) && end-j <= 6 {
			// "Rebels in the eastern highlands", "clinics in at least four
			// provinces".
			j--
			n++
			continue
		}
		if (lw == "at" || lw == "from" || lw == "with") && j < end && j > 0 && (determiners[toks[j+1].lower()] || isNumber(toks[j+1].s) || numberNames[toks[j+1].lower()] != "" || toks[j+1].lower() == "one") &&
			(peopleNoun(toks[j-1].lower()+"s") || peopleNoun(toks[j-1].lower()) || extraPeople[toks[j-1].lower()] ||
				lw == "at" && speakerNouns[toks[j-1].lower()] && !orgHeads[toks[j-1].lower()]) {
			// "A former exams officer at one of the country's largest
			// academy chains".
			// "A nurse at a clinic in the town of Belmar".
			j--
			n++
			continue
		}
		if (lw == "for" || lw == "of" || lw == "at" || lw == "from" || lw == "with") && j > 0 && j+2 == end &&
			toks[j+1].lower() == "the" && roleWords[toks[j-1].lower()] &&
			(orgHeads[toks[j+2].lower()] || descriptorKinds[toks[j+2].lower()] != "") {
			// "A spokeswoman for the airline": the role, speaking for the
			// body the noun stands for.
			j--
			n++
			continue
		}
		if lw == "for" && j > 0 && j+2 <= end && counselWords[toks[j-1].lower()] && (determiners[toks[j+1].lower()] || toks[j+1].lower() == "his" || toks[j+1].lower() == "her" || toks[j+1].lower() == "their") {
			// "A lawyer for the family said": the lawyer speaks.
			j--
			n++
			continue
		}
		if lw == "of" || lw == "for" || lw == "in" || lw == "from" || lw == "at" {
			// Inside a name ("Directorate of National Security") or after
			// a speaker ("authorities in Kabul"), only before a capital;
			// "ministry of transport" too.
			if j < end && j > 0 && (toks[j+1].capitalised() || (toks[j+1].lower() == "the" && j+2 <= end && toks[j+2].capitalised()) ||
				lw == "of" && (govWords[toks[j-1].lower()] || orgWords[toks[j-1].lower()]) && toks[j+1].isWord()) &&
				(toks[j-1].capitalised() || speakerWords[toks[j-1].lower()] || speakerNouns[toks[j-1].lower()] ||
					titleWords[toks[j-1].lower()] && lw == "in" ||
					(lw == "at" || lw == "from") && toks[j-1].isWord() && !npStop[toks[j-1].lower()]) {
				j--
				n++
				continue
			}
			break
		}
		if npStop[lw] && !(j == 0 && t.capitalised() && lw == "officials") {
			break
		}
		if !t.capitalised() && (strings.HasSuffix(lw, "ing") || (strings.HasSuffix(lw, "ed") && lw != "united" && lw != "armed" && lw != "so-called")) &&
			!(j+1 <= end && titleWords[toks[j+1].lower()] && (lw == "operating" || lw == "managing" || lw == "presiding" || lw == "acting" || lw == "ruling")) {
			// "chief operating officer Lars Ekman" is one speaker.
			break
		}
		j--
		n++
		if personPronouns[lw] || lw == "they" || lw == "it" || lw == "we" || lw == "i" {
			if j+1 == end {
				break
			}
			// A pronoun inside a longer phrase is not a subject's start.
			j++
			break
		}
	}
	start := j + 1
	// Leading conjunctions or commas left over.
	for start <= end && (!toks[start].isWord() || toks[start].lower() == "and" || toks[start].lower() == "as" || toks[start].lower() == "well") {
		start++
	}
	if start > end {
		return Span{}, negated, passive, false
	}
	if r := relativeNoComma(toks, start, end); r > 0 {
		// "A man whose two dogs were seized … in a city park has denied":
		// the noun before the relative clause speaks.
		return Span{toks[0].start, toks[r-1].end}, negated, passive, true
	}
	return Span{toks[start].start, toks[end].end}, negated, passive, true
}

// reducedRelative are participles that open a relative clause without
// "who": "A logging company accused of clearing trees … has denied".
var reducedRelative = set("accused", "charged", "suspected", "hired", "owned", "based", "named", "backed", "funded", "linked",
	"run", "operated", "employed", "involved", "blamed", "sued", "fined", "investigated", "arrested", "detained", "convicted")

// relativeNoComma finds a relative clause without commas that opens the
// clause and runs into the subject found at start..end: "A man whose
// dogs were seized by police … has denied", "Families of babies who died
// at the hospital said". It returns the index of "who", "whose" or
// "which", or -1.
func relativeNoComma(toks []token, start, end int) int {
	for r := 1; r <= 10 && r < start; r++ {
		w := toks[r].lower()
		if toks[r].s == "-" || isNumber(toks[r].s) {
			// "a 31-year-old man".
			continue
		}
		if !toks[r].isWord() {
			return -1
		}
		ingRelative := strings.HasSuffix(w, "ing") && r >= 2 && !toks[r-1].capitalised() && determiners[toks[0].lower()] &&
			(orgHeads[toks[r-1].lower()] || speakerNouns[toks[r-1].lower()])
		if (w == "calling" || w == "calls") && r+1 < len(toks) && (toks[r+1].lower() == "itself" || toks[r+1].lower() == "themselves") {
			// "A hacking group calling itself Black Lantern said": the
			// name it gives itself speaks, not "a hacking group".
			return -1
		}
		if w != "who" && w != "whose" && w != "which" && !(reducedRelative[w] && r >= 2 && !toks[r-1].capitalised()) && !ingRelative {
			continue
		}
		if !toks[r-1].isWord() || npStop[toks[r-1].lower()] && toks[r-1].lower() != "the" {
			return -1
		}
		for k := r + 1; k <= end; k++ {
			if !toks[k].isWord() && toks[k].s != "-" && toks[k].s != "'" && toks[k].s != "’" {
				return -1
			}
		}
		return r
	}
	return -1
}

// plausibleSpeaker reports whether a phrase can be the one who asserts:
// a name, a pronoun, a body of people.
func (a *article) plausibleSpeaker(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" || utf8.RuneCountInString(p) > 120 {
		return false
	}
	toks := tokenize(p)
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		lw := t.lower()
		if t.capitalised() && !commonCapitals[lw] {
			return true
		}
		if speakerWords[lw] || personPronouns[lw] || lw == "they" || lw == "we" || speakerNouns[lw] || militaryWords[lw] || partyWords[lw] || groupWords[lw] || orgWords[lw] || govWords[lw] || peopleNoun(lw) || outletNouns[lw] || documentNouns[lw] {
			return true
		}
	}
	return pluralRef.MatchString(p)
}

// speakerNouns are common nouns for those who make claims.
var speakerNouns = set("source", "sources", "police", "army", "military", "report", "statement", "agency", "analysts", "experts",
	"critics", "residents", "witnesses", "lawmakers", "prosecutors", "investigators", "officer", "officers", "commander",
	"commanders", "president", "minister", "leader", "group", "party", "ministry", "spokesman", "spokeswoman", "spokesperson",
	"activists", "observers", "diplomats", "regulator", "court", "judge", "tribunal", "survey", "study", "researchers",
	"scientists", "doctors", "authorities", "officials", "government", "office", "parties", "sides", "countries", "both", "all",
	"opponents", "rivals", "allies", "monitors", "organisers", "organizers", "campaigners", "victims", "families", "lawyer",
	"lawyers", "attorney", "attorneys", "defence", "defense", "prosecution", "opposition", "envoy", "ambassador", "delegation",
	"representative", "representatives", "mission", "embassy", "administration", "cabinet", "council", "committee", "he", "she",
	"body", "board", "panel", "commission", "watchdog", "regulator", "union", "company", "firm", "campaign", "team",
	"indictment", "complaint", "lawsuit", "filing", "documents", "affidavit", "memo", "letter", "audit", "investigation",
	"probe", "inquiry", "ruling", "judgment", "findings", "analysis", "assessment", "intelligence", "dossier",
	"clinics", "hospitals", "schools", "universities", "companies", "firms", "banks", "airlines", "agencies", "groups",
	"charities", "unions", "councils", "courts", "clinic", "hospital", "school", "university")

// parseSay handles "X said (that) …", "X told Y (that) …", "“…,” X said",
// "…, X said on Thursday."
func (a *article) parseSay(text string, off int, toks []token, i int, strong, inQuote bool) (finding, bool) {
	lw := toks[i].lower()
	f := finding{kind: kAssert, verb: lw}
	if accusingSay[lw] {
		f.kind = kAccuse
	}
	// Inverted: "“…,” said X." — the verb straight after a quotation.
	if i > 0 && (toks[i-1].s == "”" || toks[i-1].s == "\"" || toks[i-1].s == ",") && i+1 < len(toks) && toks[i+1].isWord() {
		if q, ok := quotationBefore(text, toks[i].start); ok && (lw == "said" || lw == "says" || lw == "added" || lw == "claimed" || lw == "insisted" || lw == "warned") {
			subj := Span{toks[i+1].start, len(strings.TrimRight(text, ".!?\"” "))}
			if e := strings.IndexAny(text[subj.Start:], ",;"); e >= 0 {
				subj.End = subj.Start + e
			}
			if a.plausibleSpeaker(text[subj.Start:subj.End]) {
				f.subj = Span{off + subj.Start, off + subj.End}
				f.content = Span{off + q.Start, off + q.End}
				return f, true
			}
		}
	}
	sj, negated, passive, ok := a.subjectOf(toks, i, off)
	if !ok || negated {
		return f, false
	}
	subjText := a.text[off+sj.Start : off+sj.End]
	if passive && !strings.HasSuffix(lw, "s") {
		// "She was told that …": not her claim.
		return f, false
	}
	if !a.plausibleSpeaker(subjText) && !(plainSay[lw] && nounPhrase(subjText)) && !strings.EqualFold(subjText, "it") {
		return f, false
	}
	f.subj = Span{off + sj.Start, off + sj.End}
	// Quotation then reporting clause: "“…,” the ministry said."
	if q, ok := quotationBefore(text, max(sj.Start, 0)); ok && sj.Start >= 0 {
		f.content = Span{off + q.Start, off + q.End}
		return f, true
	}
	// "“…,” his sister, Mira Olsen, told reporters": the quotation ends
	// before the description of the speaker.
	if sj.Start > 0 {
		pre := strings.TrimRight(text[:sj.Start], " ")
		if strings.HasSuffix(pre, ",") {
			if qe := strings.LastIndexAny(pre, "\"”"); qe > 0 {
				_, sz := utf8.DecodeRuneInString(pre[qe:])
				if between := strings.Trim(pre[qe+sz:], " ,"); len(strings.Fields(between)) <= 5 && !strings.ContainsAny(between, ".;:!?") {
					if q, ok := quotationBefore(text, qe+sz); ok {
						f.content = Span{off + q.Start, off + q.End}
						return f, true
					}
				}
			}
		}
	}
	// What follows the verb: skip an addressee and adjuncts up to "that"
	// ("said in a complaint to the national exams regulator that …").
	k := i + 1
	limit := i + 9
	if m := sayAdjunct.FindStringIndex(text[toks[i].end:]); m != nil {
		limit += strings.Count(text[toks[i].end:toks[i].end+m[1]], " ")
	}
	for k < len(toks) && k < limit {
		t := toks[k]
		if t.lower() == "that" {
			end := len(text)
			if inQuote {
				end = closingQuote(text, t.end)
			}
			f.content = a.clauseEnd(Span{off + t.end, off + end})
			return f, f.content.End > f.content.Start
		}
		if t.s == ":" && k+1 < len(toks) && (toks[k+1].s == "“" || toks[k+1].s == "\"") {
			// `said on Tuesday: "Nobody is above the law."`
			q := Span{toks[k+1].end, closingQuote(text, toks[k+1].end)}
			f.content = trimPunct(a.text, Span{off + q.Start, off + q.End})
			return f, f.content.End > f.content.Start
		}
		if !t.isWord() && t.s != "," || finiteMarkers[t.lower()] || t.lower() == "there" || t.lower() == "no" || t.lower() == "not" {
			// "said there was no evidence that …": the clause has begun;
			// a later "that" is inside it.
			break
		}
		k++
	}
	// "said on Sunday it had killed …", "said in a statement the payments
	// were legal": adjuncts, then the clause without "that".
	if strong && !inQuote {
		after := text[toks[i].end:]
		at := 0
		for {
			m := sayAdjunct.FindStringIndex(after[at:])
			if m == nil {
				break
			}
			at += m[1]
		}
		if at > 0 {
			cl := strings.TrimLeft(after[at:], " ,")
			start := len(text) - len(cl)
			if w := strings.Fields(cl); len(w) >= 3 && !functionWordStart(w[0]) && hasFiniteVerb(cl) {
				f.content = a.clauseEnd(Span{off + start, off + len(text)})
				return f, f.content.End > f.content.Start
			}
		}
	}
	// No "that". Reporting clause at the end: "…, the agency said on
	// Thursday." Content is what precedes the subject.
	rest := strings.TrimSpace(text[toks[i].end:])
	// "said at least 40 pages matched …", "said up to 300 people had
	// died": a quantity opens the clause.
	quantity := i+3 < len(toks) && (toks[i+1].lower() == "at" && (toks[i+2].lower() == "least" || toks[i+2].lower() == "most") ||
		toks[i+1].lower() == "up" && toks[i+2].lower() == "to" || toks[i+1].lower() == "more" && toks[i+2].lower() == "than") &&
		(isNumber(toks[i+3].s) || numberNames[toks[i+3].lower()] != "") ||
		// "said only nine of the discharges appeared", "said nearly 200
		// homes were flooded".
		i+2 < len(toks) && numberQualifiers[toks[i+1].lower()] && (isNumber(toks[i+2].s) || numberNames[toks[i+2].lower()] != "")
	if !quantity && endAdjunct(rest, lw == "told" || lw == "tells" || lw == "tell") {
		pre := strings.TrimRight(text[:max(sj.Start, 0)], " ")
		if strings.HasSuffix(pre, ",") && len(strings.Fields(pre)) >= 4 {
			pre = strings.TrimSuffix(pre, ",")
			f.content = trimSpan(a.text, Span{off, off + len(pre)})
			return f, true
		}
		return f, false
	}
	if !strong || i+1 >= len(toks) {
		return f, false
	}
	// "said the attack was …": a clause straight after the verb.
	nxt := toks[i+1]
	nl := nxt.lower()
	if !quantity && (!nxt.isWord() || npStop[nl] && nl != "it" && nl != "there" || nl == "in" || nl == "on" || nl == "to" || nl == "at" || nl == "of" || nl == "for") {
		return f, false
	}
	start := i + 1
	if lw == "told" || lw == "tells" || lw == "tell" {
		// "told reporters the payments were legal": skip the addressee.
		for start < len(toks) && start < i+5 && isAddressee(toks, start) {
			start++
		}
		if start == i+1 || start >= len(toks) {
			return f, false
		}
	}
	if lw == "claimed" || lw == "claims" || lw == "claim" {
		// "claimed responsibility for the attack".
		if toks[start].lower() == "responsibility" && start+2 < len(toks) && toks[start+1].lower() == "for" {
			f.kind = kAccuse
			f.verb = "claimed responsibility"
			f.content = a.clauseEnd(Span{off + toks[start+2].start, off + len(text)})
			return f, true
		}
	}
	end := len(text)
	if inQuote {
		end = closingQuote(text, toks[start].start)
	}
	f.content = a.clauseEnd(Span{off + toks[start].start, off + end})
	// The clause needs a finite verb, or it is just an object ("said
	// nothing", "claimed responsibility", "warned residents of floods").
	if !hasFiniteVerb(a.text[f.content.Start:f.content.End]) {
		// "alleged widespread fraud in the election": the thing alleged.
		if lw == "alleged" || lw == "alleges" || lw == "allege" || lw == "claimed" || lw == "claims" || lw == "claim" {
			np := a.text[off+toks[start].start : off+len(text)]
			if c := strings.IndexAny(np, ",;"); c > 0 {
				np = np[:c]
			}
			np = strings.TrimRight(np, ".!? ")
			if w := strings.Fields(np); len(w) >= 1 && victoryWords[strings.ToLower(strings.Trim(w[len(w)-1], ".,"))] || len(w) >= 2 && victoryWords[strings.ToLower(w[1])] {
				// "claimed a landslide victory": a claim to have won.
				f.content = Span{off + toks[start].start, off + toks[start].start + len(np)}
				f.kind, f.verb = kAssert, "claimed victory"
				return f, true
			}
			if w := strings.Fields(np); len(w) >= 2 && !functionWords[strings.ToLower(w[0])] && !startsCapital(w[0]) {
				f.content = Span{off + toks[start].start, off + toks[start].start + len(np)}
				f.kind = kAccuse
				f.verb = lw + " np"
				return f, true
			}
		}
		return f, false
	}
	return f, true
}

// numberQualifiers qualify a number that opens a reported clause.
var numberQualifiers = set("only", "just", "nearly", "almost", "about", "around", "roughly", "some", "over", "barely", "fewer", "exactly")

// finiteMarkers are auxiliaries and common verbs that show a reported
// clause has a verb of its own.
var finiteMarkers = set("is", "are", "was", "were", "had", "has", "have", "would", "will", "could", "can", "did", "does",
	"do", "should", "may", "might", "must", "shall", "won't", "wouldn't", "didn't", "doesn't", "isn't", "wasn't", "weren't",
	"hadn't", "hasn't", "haven't", "can't", "couldn't")

// pastForms are irregular past tenses ("died", "fled", "shot"): a clause
// with one of them has a verb of its own.
var pastForms = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range irregularPast {
		if len(p) > 3 && p != "said" && p != "told" {
			m[p] = true
		}
	}
	for _, p := range []string{"died", "fled", "won", "lost", "fell", "rose", "left", "began", "came", "went", "hit", "shot", "ran", "led", "paid", "sold", "held", "knew", "saw", "got", "cut", "put", "set", "lied",
		"met", "hid", "fed", "sat", "owed", "ate"} {
		m[p] = true
	}
	// Common verbs in the present tense: "the stadium meets every
	// standard", "the product contains no sugar".
	for _, p := range []string{"meets", "contains", "complies", "remains", "exceeds", "poses", "causes", "violates", "breaches",
		"owns", "controls", "operates", "lacks", "belongs", "costs", "harms", "threatens", "endangers", "supports",
		"opposes", "denies", "receives", "pays", "owes", "holds", "keeps", "uses", "employs", "funds", "hides",
		"knows", "means", "shows", "proves", "suggests", "exists", "works", "fails", "follows", "breaks", "kills"} {
		m[p] = true
	}
	return m
}()

func hasFiniteVerb(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	if len(f) < 3 {
		return false
	}
	for i, w := range f {
		if i > 10 {
			break
		}
		w = strings.Trim(w, ",.;:\"“”")
		if finiteMarkers[w] || (i > 0 && (strings.HasSuffix(w, "ed") && len(w) > 3 || pastForms[w])) {
			return true
		}
	}
	return false
}

// plainSay are the reporting verbs that take almost any noun phrase as
// their speaker ("The weather service said …").
var plainSay = set("said", "says", "say", "told", "tells", "added", "warned", "warns", "found", "finds")

// nounPhrase reports whether p looks like a short noun phrase that can
// speak: a determiner or a capital first, no pronoun, at most six words.
func nounPhrase(p string) bool {
	f := strings.Fields(p)
	if len(f) == 0 || len(f) > 6 {
		return false
	}
	first := strings.ToLower(f[0])
	if first == "it" || first == "this" || first == "that" || first == "there" || first == "which" || first == "what" {
		return false
	}
	return first == "the" || first == "a" || first == "an" || startsCapital(f[0])
}

// accusingSay are reporting verbs whose clause is an allegation: what a
// later denial most likely answers.
var accusingSay = set("alleged", "alleges", "allege", "alleging", "claimed", "claims", "claim", "claiming", "charged", "charges",
	"accused", "insisted", "insists", "maintained", "maintains", "contended", "contends", "asserted", "asserts")

// endAdjunct reports whether the words after a reporting verb are only
// adjuncts ("on Thursday", "in a statement", "told Arab News on condition of
// anonymity") — the sign of a reporting clause at the end of a sentence.
func endAdjunct(rest string, told bool) bool {
	rest = strings.TrimRight(rest, ".!?\"” ")
	if rest == "" {
		return true
	}
	if strings.HasPrefix(rest, ",") {
		return true
	}
	words := strings.Fields(rest)
	if told {
		// Skip the addressee: "told Arab News", "told reporters".
		i := 0
		for i < len(words) {
			w := strings.ToLower(strings.Trim(words[i], ",."))
			if startsCapital(words[i]) || addressees[w] && !determiners[w] {
				i++
				continue
			}
			// "told a jury", "told the court": a determiner before an
			// addressee.
			if determiners[w] && i+1 < len(words) && addressees[strings.ToLower(strings.Trim(words[i+1], ",."))] &&
				!determiners[strings.ToLower(strings.Trim(words[i+1], ",."))] {
				i += 2
				continue
			}
			break
		}
		if i == 0 {
			return false
		}
		if i == len(words) {
			return true
		}
		words = words[i:]
		if strings.HasPrefix(words[0], ",") {
			return true
		}
	}
	switch strings.ToLower(strings.Trim(words[0], ",")) {
	case "on", "in", "at", "last", "this", "earlier", "late", "yesterday", "today", "tuesday", "monday", "wednesday",
		"thursday", "friday", "saturday", "sunday", "during", "after", "before", "while", "when", "via", "through":
		return !strings.Contains(" "+strings.ToLower(rest)+" ", " that ")
	}
	return false
}

var determiners = set("the", "a", "an")

// isAddressee reports whether token k belongs to the addressee of "told":
// "told reporters", "told the Associated Press", "told Arab News".
func isAddressee(toks []token, k int) bool {
	w := toks[k].lower()
	if determiners[w] {
		return k+1 < len(toks) && (toks[k+1].capitalised() || addressees[toks[k+1].lower()] && !determiners[toks[k+1].lower()])
	}
	return toks[k].capitalised() || addressees[w]
}

// addressees are whom a source tells something.
var addressees = set("reporters", "journalists", "the", "a", "an", "media", "press", "lawmakers", "parliament", "a", "news", "agency",
	"television", "radio", "broadcaster", "newspaper", "daily", "local", "state", "state-run", "audience", "crowd", "supporters",
	"court", "jury", "judge", "tribunal", "committee", "inquiry", "hearing", "meeting", "council", "senate", "congress", "conference",
	"rally", "investigators", "police", "officials")

// quotationBefore finds a quotation that ends just before position p
// ("“…,” the minister said"): it returns the quoted words.
func quotationBefore(text string, p int) (Span, bool) {
	pre := strings.TrimRight(text[:p], " ")
	pre = strings.TrimSuffix(pre, ",")
	if !strings.HasSuffix(pre, "”") && !strings.HasSuffix(pre, "\"") && !strings.HasSuffix(pre, ",”") {
		return Span{}, false
	}
	closeLen := 1
	if strings.HasSuffix(pre, "”") {
		closeLen = len("”")
	}
	end := len(pre) - closeLen
	inner := pre[:end]
	open := strings.LastIndexAny(inner, "“\"")
	var q Span
	if open < 0 {
		// The quotation opened in an earlier sentence ("“They knew. We
		// told them,” said …"): quote this sentence's part.
		q = Span{0, end}
	} else {
		_, sz := utf8.DecodeRuneInString(inner[open:])
		q = Span{open + sz, end}
	}
	s := strings.TrimRight(text[q.Start:q.End], ",. ")
	q.End = q.Start + len(s)
	if len(strings.Fields(s)) < 3 {
		return Span{}, false
	}
	return q, true
}

// closingQuote returns the position of the quotation mark that closes the
// quotation open at p, or the end of text.
func closingQuote(text string, p int) int {
	if i := strings.IndexAny(text[p:], "”\""); i >= 0 {
		return p + i
	}
	return len(text)
}

// clauseEnd trims a reported clause: trailing punctuation and tails such as
// ", according to …", ", citing …", ", adding that …".
func (a *article) clauseEnd(c Span) Span {
	s := a.text[c.Start:c.End]
	if m := contentTail.FindStringIndex(s); m != nil && m[0] > 0 {
		s = s[:m[0]]
	}
	c.End = c.Start + len(s)
	return trimPunct(a.text, trimSpan(a.text, c))
}

// trimPunct drops trailing sentence punctuation and unbalanced quotes.
func trimPunct(text string, c Span) Span {
	for c.End > c.Start {
		r, sz := utf8.DecodeLastRuneInString(text[c.Start:c.End])
		if strings.ContainsRune(".,;:!? ", r) || ((r == '"' || r == '”') && strings.Count(text[c.Start:c.End], "\"")%2 == 1) ||
			(r == '”' && !strings.Contains(text[c.Start:c.End], "“")) {
			c.End -= sz
			continue
		}
		break
	}
	for c.Start < c.End {
		r, sz := utf8.DecodeRuneInString(text[c.Start:c.End])
		if r == ' ' || ((r == '"' || r == '“') && strings.Count(text[c.Start:c.End], "\"")%2 == 1) || (r == '“' && !strings.Contains(text[c.Start:c.End], "”")) {
			c.Start += sz
			continue
		}
		break
	}
	return c
}

// parseAccuse handles "X accused Y of V-ing …", "X blamed Y for …",
// "X charged Y with V-ing …".
func (a *article) parseAccuse(text string, off int, toks []token, i int) (finding, bool) {
	lw := toks[i].lower()
	f := finding{kind: kAccuse, verb: lw}
	prep := "of"
	switch {
	case strings.HasPrefix(lw, "blam"):
		prep = "for"
	case strings.HasPrefix(lw, "charg"):
		prep = "with"
		// "charged that …" is a report.
		if i+1 < len(toks) && toks[i+1].lower() == "that" {
			return f, false
		}
	}
	// The accused: words up to the preposition ("a hacking group linked to
	// the government of Dravia").
	k := i + 1
	// objEnd, when set, is where the accused's name ends before an
	// appositive or a time: "accused Pulsetrack, the maker of a popular
	// running app, of selling …", "accused Petra Solan on Wednesday of
	// passing …".
	objEnd := -1
	for k < len(toks) && k < i+20 {
		lk := toks[k].lower()
		if lk == prep {
			if prep == "of" && objEnd >= 0 && k+1 < len(toks) && !strings.HasSuffix(toks[k+1].lower(), "ing") {
				k++
				continue
			}
			break
		}
		if lk == "on" && k > i+1 && k+1 < len(toks) && weekdays[toks[k+1].lower()] {
			if objEnd < 0 {
				objEnd = k
			}
			k += 2
			continue
		}
		if toks[k].s == "," && k > i+1 && objEnd < 0 && prep == "of" {
			objEnd = k
		}
		if objEnd >= 0 && k > objEnd && toks[k].isWord() {
			k++
			continue
		}
		if !toks[k].isWord() && toks[k].s != "," || npStop[lk] && lk != "the" && lk != "by" &&
			!(lk == "to" && k > i+1 && linkedWords[toks[k-1].lower()]) {
			return f, false
		}
		k++
	}
	if k >= len(toks) || k >= i+20 {
		return f, false
	}
	if strings.HasSuffix(lw, "ing") && i > 1 && toks[i-1].s == "," && k < len(toks) && k > i+1 && toks[k].lower() == prep && k+1 < len(toks) {
		// "Norvia ordered three diplomats to leave, accusing them of
		// spying": the clause's subject accuses.
		if np, ok := a.leadingSubject(Span{off, off + toks[i-1].start}); ok {
			f.subj = np
			f.object = Span{off + toks[i+1].start, off + toks[k-1].end}
			if o := strings.ToLower(a.text[f.object.Start:f.object.End]); o == "them" || o == "him" || o == "her" {
				if np, ok := pluralBefore(toks, i-1); ok && o == "them" {
					f.object = Span{off + np.Start, off + np.End}
				}
			}
			f.content = a.clauseEnd(Span{off + toks[k+1].start, off + len(text)})
			return f, true
		}
	}
	sj, negated, passive, ok := a.subjectOf(toks, i, off)
	if k >= len(toks) || (k == i+1 && !passive) || toks[k].lower() != prep || k+1 >= len(toks) {
		return f, false
	}
	if negated {
		return f, false
	}
	if passive {
		// "Y was accused by X of …" / "Y has been accused of …".
		byAt := -1
		for m := i + 1; m < k; m++ {
			if toks[m].lower() == "by" {
				byAt = m
			}
		}
		if !ok {
			return f, false
		}
		if byAt < 0 {
			// "X has been accused of …" with no accuser named: the claim
			// is still worth recording, by an unnamed accuser.
			obj := strings.ToLower(a.text[off+sj.Start : off+sj.End])
			if toks[i].lower() != "accused" || obj == "" || personPronouns[obj] || obj == "they" || obj == "it" || obj == "we" || !a.plausibleSpeaker(a.text[off+sj.Start:off+sj.End]) {
				return f, false
			}
			f.object = Span{off + sj.Start, off + sj.End}
			f.subj = Span{}
			f.unnamed = true
			f.content = a.clauseEnd(Span{off + toks[k+1].start, off + len(text)})
			return f, true
		}
		f.object = Span{off + sj.Start, off + sj.End}
		f.subj = Span{off + toks[byAt+1].start, off + toks[k-1].end}
	} else {
		if !ok || !a.plausibleSpeaker(a.text[off+sj.Start:off+sj.End]) {
			return f, false
		}
		f.subj = Span{off + sj.Start, off + sj.End}
		f.object = Span{off + toks[i+1].start, off + toks[k-1].end}
		if objEnd > i+1 {
			f.object = Span{off + toks[i+1].start, off + toks[objEnd-1].end}
		}
	}
	f.content = a.clauseEnd(Span{off + toks[k+1].start, off + len(text)})
	return f, true
}

// weekdays name the days a time adjunct gives ("on Wednesday").
var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// parseUrge handles "X urged Y to …", "X called on Y to …".
func (a *article) parseUrge(text string, off int, toks []token, i int) (finding, bool) {
	lw := toks[i].lower()
	f := finding{kind: kUrge, verb: lw}
	k := i + 1
	if strings.HasPrefix(lw, "call") || strings.HasPrefix(lw, "appeal") {
		if k >= len(toks) || (toks[k].lower() != "on" && toks[k].lower() != "upon" && toks[k].lower() != "to") {
			return f, false
		}
		k++
	}
	objStart := k
	for k < len(toks) && k < objStart+8 && toks[k].lower() != "to" {
		if !toks[k].isWord() && toks[k].s != "," || npStop[toks[k].lower()] && toks[k].lower() != "the" {
			return f, false
		}
		k++
	}
	if k >= len(toks) || k == objStart || toks[k].lower() != "to" || k+1 >= len(toks) {
		return f, false
	}
	// The infinitive's verb must be a word, not "to the" …
	if v := toks[k+1].lower(); !toks[k+1].isWord() || functionWords[v] {
		return f, false
	}
	sj, negated, passive, ok := a.subjectOf(toks, i, off)
	if !ok || negated || passive || !a.plausibleSpeaker(a.text[off+sj.Start:off+sj.End]) && !strings.EqualFold(a.text[off+sj.Start:off+sj.End], "it") {
		return f, false
	}
	f.subj = Span{off + sj.Start, off + sj.End}
	f.object = Span{off + toks[objStart].start, off + toks[k-1].end}
	f.content = a.clauseEnd(Span{off + toks[k+1].start, off + len(text)})
	return f, true
}

// parseEvidence handles "X provided evidence of …" / "… that …".
func (a *article) parseEvidence(text string, off int, toks []token, i int) (finding, bool) {
	f := finding{kind: kAccuse, verb: "evidence", evidence: true}
	k := i + 1
	for k < len(toks) && k < i+6 && toks[k].lower() != "evidence" && toks[k].lower() != "proof" {
		k++
	}
	if k >= len(toks)-1 || (toks[k].lower() != "evidence" && toks[k].lower() != "proof") {
		return f, false
	}
	nxt := toks[k+1].lower()
	if nxt != "of" && nxt != "that" && nxt != "showing" && nxt != "about" && nxt != "for" {
		return f, false
	}
	sj, negated, _, ok := a.subjectOf(toks, i, off)
	if !ok || negated || !a.plausibleSpeaker(a.text[off+sj.Start:off+sj.End]) {
		return f, false
	}
	f.subj = Span{off + sj.Start, off + sj.End}
	f.content = a.clauseEnd(Span{off + toks[k+1].end, off + len(text)})
	f.verb = "evidence " + nxt
	return f, true
}

// parseDeny handles "X denied these charges", "X denied that …",
// "X rejected Y's claim that …", "X denied any involvement".
func (a *article) parseDeny(text string, off int, toks []token, i int) (finding, bool) {
	lw := toks[i].lower()
	f := finding{kind: kDeny, verb: lw, relation: model.Relation(denyVerbs[lw])}
	back := 0
	if hitBack[lw] {
		// "hit back at claims by the union that …".
		if i+3 < len(toks) && toks[i+1].lower() == "back" && toks[i+2].s == "," && sayingWords[toks[i+3].lower()] {
			// "The department hit back, saying it had never received …":
			// a denial in its own words of what was said before.
			sj, negated, passive, ok := a.subjectOf(toks, i, off)
			if !ok || negated || passive {
				return f, false
			}
			f.subj = Span{off + sj.Start, off + sj.End}
			f.relation = model.Denies
			f.ref = true
			n := i + 4
			if n < len(toks) && toks[n].lower() == "that" {
				n++
			}
			if n < len(toks) {
				f.extra = a.clauseEnd(Span{off + toks[n].start, off + len(text)})
			}
			return f, true
		}
		if i+2 >= len(toks) || toks[i+1].lower() != "back" || (toks[i+2].lower() != "at" && toks[i+2].lower() != "against") {
			return f, false
		}
		back = 2
		f.relation = model.Denies
	}
	sj, negated, passive, ok := a.subjectOf(toks, i, off)
	if !ok || negated || passive {
		return f, false
	}
	f.subj = Span{off + sj.Start, off + sj.End}
	if subj := a.text[off+sj.Start : off+sj.End]; !a.plausibleSpeaker(subj) && !nounPhrase(subj) {
		return f, false
	}
	if lw == "pleaded" || lw == "pleads" || lw == "plead" || lw == "pled" {
		f.ref = true
		f.object = Span{off + toks[i].start, off + toks[i].end}
		return f, true
	}
	k := i + 1 + back
	if k >= len(toks) {
		// "…, which Kabul denied." handled elsewhere; a bare "denied"
		// at the end points back.
		f.ref = true
		return f, true
	}
	if toks[k].lower() == "that" && (k+1 == len(toks) || !toks[k+1].isWord()) {
		// "Labour activists questioned that, saying …": "that" points
		// back.
		f.ref = true
		f.object = Span{off + toks[k].start, off + toks[k].end}
		f.extra = a.ownWords(text, off, toks, k+1)
		return f, true
	}
	// "denied knowingly taking …": skip the adverb.
	for k+1 < len(toks) && isAdverb(toks[k].lower()) && !toks[k].capitalised() && toks[k].lower() != "only" {
		k++
	}
	// Skip determiners and adjectives: "these", "the latest", "all such".
	j := k
	for j < len(toks) && j < k+5 {
		w := toks[j].lower()
		if w == "that" && j == k && j+1 < len(toks) && (claimNouns[toks[j+1].lower()] || involvementNouns[toks[j+1].lower()]) &&
			toks[j+1].lower() != "it" && toks[j+1].lower() != "this" && toks[j+1].lower() != "that" && toks[j+1].lower() != "them" {
			// "rejected that suggestion": a determiner.
			j++
			continue
		}
		if claimNouns[w] || involvementNouns[w] {
			break
		}
		if w == "that" && j == k {
			break
		}
		if !toks[j].isWord() || npStop[w] && w != "the" && w != "that" {
			break
		}
		j++
	}
	if j < len(toks) {
		w := toks[j].lower()
		switch {
		case w == "that" && j == k:
			f.content = a.clauseEnd(Span{off + toks[j].end, off + len(text)})
			f.content = trimCalledAs(a.text, f.content)
			f.extra = Span{}
			return f, true
		case claimNouns[w] || involvementNouns[w]:
			// "claims by Ukraine that …": the claim is reported here too.
			if j+1 < len(toks) && toks[j+1].lower() == "by" && !involvementNouns[w] {
				for m := j + 2; m < len(toks) && m < j+10; m++ {
					if toks[m].lower() == "that" && m > j+2 {
						f.content = a.clauseEnd(Span{off + toks[m].end, off + len(text)})
						f.object = Span{off + toks[k].start, off + toks[m-1].end}
						return f, true
					}
				}
			}
			// "X's claim that …": likewise.
			if j+1 < len(toks) && toks[j+1].lower() == "that" && !involvementNouns[w] {
				f.content = trimCalledAs(a.text, a.clauseEnd(Span{off + toks[j+1].end, off + len(text)}))
				f.object = Span{off + toks[k].start, off + toks[j].end}
				return f, true
			}
			f.ref = true
			f.object = Span{off + toks[k].start, off + toks[j].end}
			f.extra = a.ownWords(text, off, toks, j+1)
			return f, true
		}
	}
	// "has denied the exits were locked": a clause without "that".
	if (lw == "denied" || lw == "denies" || lw == "deny") && k+2 < len(toks) && (determiners[toks[k].lower()] || personPronouns[toks[k].lower()] || toks[k].lower() == "it" || toks[k].lower() == "they") {
		rest := a.text[off+toks[k].start : off+len(text)]
		if w := strings.Fields(rest); len(w) >= 3 && hasFiniteVerb(rest) && finiteWithin(w, 5) {
			f.content = a.clauseEnd(Span{off + toks[k].start, off + len(text)})
			return f, true
		}
	}
	// "denied any plans for an offensive": what is denied, in its words.
	if (lw == "denied" || lw == "denies" || lw == "deny" || lw == "denying") && k+1 < len(toks) && (toks[k].lower() == "any" || toks[k].lower() == "ever") {
		f.content = a.clauseEnd(Span{off + toks[k].start, off + len(text)})
		f.verb += " object"
		return f, true
	}
	// "denied planning the attack": a gerund clause.
	if lw == "denied" || lw == "denies" || lw == "deny" || lw == "denying" {
		if k < len(toks) && strings.HasSuffix(toks[k].lower(), "ing") && toks[k].isWord() && !toks[k].capitalised() {
			// From the adverb on, if any: "knowingly taking".
			from := k
			for from > i+1 && isAdverb(toks[from-1].lower()) {
				from--
			}
			f.content = a.clauseEnd(Span{off + toks[from].start, off + len(text)})
			f.verb += " gerund"
			return f, true
		}
	}
	return f, false
}

// counselWords speak for someone else: "a lawyer for the family".
var counselWords = set("lawyer", "lawyers", "attorney", "attorneys", "solicitor", "solicitors", "counsel", "barrister",
	"barristers", "agent", "representative", "advocate")
