package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a sentence, with its byte
// offsets in the sentence.
type token struct {
	s          string
	start, end int
}

func (t token) lower() string { return strings.ToLower(t.s) }

func (t token) isWord() bool {
	r, _ := utf8.DecodeRuneInString(t.s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (t token) capitalised() bool {
	r, _ := utf8.DecodeRuneInString(t.s)
	return unicode.IsUpper(r)
}

var tokenRE = regexp.MustCompile(`\([\p{L}\p{N}\-]{1,15}\)|[\p{L}\p{N}][\p{L}\p{N}'’.\-&/]*|[,;:"“”‘’()—–]`)

// tokenize splits s into words and punctuation. A word keeps inner dots and
// apostrophes ("U.S.", "Pakistan's"); a dot at its end is dropped unless it
// belongs to an abbreviation.
func tokenize(s string) []token {
	var out []token
	for _, m := range tokenRE.FindAllStringIndex(s, -1) {
		t := token{s[m[0]:m[1]], m[0], m[1]}
		for strings.HasSuffix(t.s, ".") && !abbreviations[strings.ToLower(strings.TrimSuffix(t.s, "."))] &&
			!(strings.Count(t.s, ".") > 1 && len(t.s) <= 6) {
			t.s = t.s[:len(t.s)-1]
			t.end--
		}
		for strings.HasSuffix(t.s, "'") || strings.HasSuffix(t.s, "’") {
			_, sz := utf8.DecodeLastRuneInString(t.s)
			t.s = t.s[:len(t.s)-sz]
			t.end -= sz
		}
		if t.s != "" {
			out = append(out, t)
		}
	}
	return out
}

// sayVerbs report a clause. Those marked true may report it without "that"
// ("officials said the attack …"); the others need "that" or a quotation
// before them.
var sayVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "tell": true, "added": true, "adds": true,
	"stated": false, "states": false, "declared": false, "declares": false, "announced": false, "announces": false,
	"claimed": true, "claims": true, "claim": true, "alleged": true, "alleges": true, "allege": false,
	"asserted": false, "asserts": false, "insisted": true, "insists": true, "insist": false,
	"maintained": true, "maintains": true, "maintain": false, "argued": true, "argues": true, "argue": false,
	"contended": false, "contends": false, "warned": true, "warns": true, "warn": false,
	"stressed": true, "stresses": false, "emphasized": false, "emphasised": false, "emphasizes": false, "emphasises": false,
	"underscored": false, "underscores": false, "underscore": false, "underlined": false, "underline": false,
	"reiterated": false, "reiterates": false, "acknowledged": true, "acknowledges": false, "conceded": true, "concedes": false,
	"admitted": true, "admits": true, "confirmed": false, "confirms": false, "noted": true, "notes": false,
	"explained": false, "explains": false, "wrote": false, "writes": false, "tweeted": false, "posted": false,
	"reported": false, "reports": false, "suggested": true, "suggests": true, "believes": true, "believe": true,
	"conveyed": false, "revealed": false, "reveals": false, "disclosed": false, "charged": false, "charges": false,
	"cautioned": false, "complained": false, "complains": false, "predicted": false, "estimated": false,
	"affirmed": false, "reaffirmed": false, "repeated": false, "observed": false, "countered": false,
	"responded": false, "replied": false, "vowed": false, "promised": false, "pledged": false, "threatened": false,
	"signalled": false, "signaled": false, "hinted": false, "concluded": false, "indicated": false, "indicates": false,
	"accepted": false, "recalled": false, "testified": false, "agreed": false, "feared": false, "fears": false,
	"contend": false, "assert": false, "state": false, "declare": false, "announce": false, "stress": false, "emphasize": false,
	"emphasise": false, "note": false, "warning": false, "saying": true, "claiming": false, "insisting": false, "arguing": false,
	"stating": false, "alleging": false, "asserting": false, "maintaining": false,
	"found": false, "finds": false, "showed": false, "shows": false, "concludes": false,
}

var accuseVerbs = set("accused", "accuses", "accuse", "accusing", "blamed", "blames", "blame", "blaming", "charged", "charges", "charging")

var urgeVerbs = set("urged", "urges", "urge", "urging", "pressed", "presses", "press", "pressing", "demanded", "demands", "demand",
	"asked", "asks", "ask", "called", "calls", "call", "encouraged", "encourages", "encourage", "told", "tells", "tell", "warned", "warns", "advised", "advises", "exhorted", "implored", "appealed", "appeals")

var denyVerbs = map[string]string{
	"denied": "denies", "denies": "denies", "deny": "denies", "denying": "denies",
	"rejected": "denies", "rejects": "denies", "reject": "denies", "rejecting": "denies",
	"dismissed": "denies", "dismisses": "denies", "dismiss": "denies", "dismissing": "denies",
	"refuted": "denies", "refutes": "denies", "refute": "denies", "refuting": "denies",
	"rebuffed": "denies", "repudiated": "denies", "rebutted": "denies",
	"disputed": "disputes", "disputes": "disputes", "dispute": "disputes", "disputing": "disputes",
	"contested": "disputes", "contests": "disputes", "contest": "disputes", "questioned": "disputes", "challenged": "disputes",
	"contradicted": "contradicts", "contradicts": "contradicts",
	"hit": "denies", "hits": "denies", "fired": "denies", "pushed": "denies",
}

// hitBack are the verbs of "hit back at", "fired back at", "pushed back
// against": denials only with "back at".
var hitBack = set("hit", "hits", "fired", "pushed")

// sayingWords introduce a denier's own words after a comma: "hit back,
// saying …".
var sayingWords = set("saying", "insisting", "arguing", "stating", "adding")

var evidenceVerbs = set("provided", "provides", "provide", "providing", "presented", "presents", "present", "presenting",
	"shared", "shares", "share", "sharing", "gave", "give", "gives", "giving", "submitted", "submits", "submitting",
	"handed", "produced", "offered", "offers", "cited", "cites", "citing", "showed", "shown")

// claimNouns name what a denial rejects ("denied these charges").
var claimNouns = set("allegation", "allegations", "accusation", "accusations", "charge", "charges", "claim", "claims",
	"report", "reports", "assertion", "assertions", "suggestion", "suggestions", "remarks", "statement", "statements",
	"it", "them", "this", "that", "story", "stories", "account", "accounts", "version", "narrative", "rumours", "rumors",
	"findings", "figures", "figure", "conclusions", "conclusion", "results", "estimate", "estimates", "assessment", "allegation's",
	"explanation", "explanations", "criticism", "criticisms", "complaints", "accusation's", "suggestion's",
	"count", "tally", "toll", "numbers", "data", "article", "reporting", "theory", "methods", "methodology", "analysis",
	"evidence", "testimony", "tests", "sampling", "research", "survey", "poll", "calculations", "reading", "interpretation", "characterisation", "characterization", "portrayal", "description")

// saidItDenies matches a reported clause in which the speaker denies:
// "(that) it “categorically denies any involvement” and that …". Group 1
// is the verb, 2 what is denied, 3 (when set) the words after "and that".
var saidItDenies = regexp.MustCompile(`(?i)^\s*(?:that\s+)?["“]?(?:it|he|she|they|we)\s+["“]?(?:(?:\w+ly|has|have|had|also|again|still)\s+){0,2}["“]?(denied|denies|rejected|rejects|dismissed|dismisses|disputed|disputes|refuted|refutes)\s+([^,;]+?)(?:["”]?\s*,?\s+and\s+that\s+(.+))?["”]?[.!?]?\s*$`)

// involvementNouns are what a party denies having ("denied any involvement").
var involvementNouns = set("involvement", "role", "responsibility", "wrongdoing", "link", "links", "ties", "connection",
	"connections", "knowledge", "part", "complicity", "participation", "interference", "meddling", "culpability", "support")

// auxiliaries and adverbs that stand between a subject and its verb.
var auxWords = set("has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "may", "might", "can", "shall",
	"should", "must", "did", "does", "do", "also", "again", "once", "repeatedly", "since", "reportedly", "previously", "recently",
	"earlier", "publicly", "privately", "strongly", "flatly", "firmly", "categorically", "vehemently", "consistently", "long",
	"already", "often", "still", "further", "then", "now", "later", "swiftly", "quickly", "immediately", "angrily", "openly",
	"plans", "planned", "expected", "set", "going", "wants", "to", "be", "been", "being", "however", "yesterday", "today",
	"allegedly", "apparently", "officially", "formally", "explicitly", "implicitly", "had", "in", "recent", "months", "weeks",
	"days", "years", "past", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "this",
	"week", "month", "year", "likely", "unlikely", "always")

// npStop are words that cannot be inside the subject noun phrase.
var npStop = set("is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
	"can", "could", "may", "might", "must", "shall", "should", "that", "which", "who", "whom", "whose", "when", "while", "where",
	"whereas", "as", "because", "since", "if", "although", "though", "but", "so", "than", "then", "also", "to", "from", "by",
	"with", "about", "after", "before", "during", "under", "over", "into", "against", "between", "among", "through", "amid",
	"despite", "not", "only", "comes", "came", "come", "said", "says", "say", "told", "at", "on", "upon", "within", "without",
	"towards", "toward", "like", "unlike", "per", "via", "whether", "once", "until", "following", "including", "however",
	"meanwhile", "moreover", "furthermore", "therefore", "thus", "hence", "yet", "still", "even", "just", "there", "here",
	"what", "how", "why", "where", "got", "get", "made", "make", "makes", "took", "take", "takes", "met", "meet", "meets")

// pronouns that can stand for a speaker.
var personPronouns = set("he", "she", "him", "her")

// Function words that start sentences and are not names.
var commonCapitals = set("the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i",
	"his", "her", "their", "our", "in", "on", "at", "for", "of", "and", "but", "or", "as", "by", "with", "from", "after",
	"before", "during", "under", "over", "while", "when", "where", "however", "meanwhile", "both", "all", "some", "many",
	"most", "no", "not", "there", "here", "if", "although", "though", "despite", "since", "until", "according", "moving",
	"by", "read", "latest", "skip", "categories", "introduction", "conclusion", "also", "other", "such", "each", "every",
	"one", "two", "three", "four", "five", "several", "officials", "government", "recently", "earlier", "later", "today",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
	"may", "june", "july", "august", "september", "october", "november", "december", "cooperation", "summary", "besides",
	"participants", "evidence", "importance", "pakistan’s", "exit", "counterterrorism", "under", "what", "who", "why", "how",
	"then", "now", "so", "yet", "nothing", "nobody", "none", "everyone", "everything")

// irregularPast maps irregular gerunds to their past tense.
var irregularPast = map[string]string{
	"being": "was", "having": "had", "making": "made", "taking": "took", "giving": "gave", "sending": "sent",
	"hiding": "hid", "building": "built", "running": "ran", "selling": "sold", "buying": "bought", "bringing": "brought",
	"holding": "held", "keeping": "kept", "leading": "led", "meeting": "met", "paying": "paid", "seeking": "sought",
	"spreading": "spread", "stealing": "stole", "telling": "told", "thinking": "thought", "doing": "did", "getting": "got",
	"letting": "let", "putting": "put", "setting": "set", "shooting": "shot", "spending": "spent", "fighting": "fought",
	"hitting": "hit", "breaking": "broke", "choosing": "chose", "feeding": "fed", "fleeing": "fled", "lending": "lent",
	"leaving": "left", "losing": "lost", "seeing": "saw", "writing": "wrote", "saying": "said", "lying": "lied",
	"dying": "died", "tying": "tied", "driving": "drove", "riding": "rode", "rising": "rose", "arising": "arose",
	"beginning": "began", "winning": "won", "cutting": "cut", "hurting": "hurt", "shutting": "shut", "standing": "stood",
	"understanding": "understood", "undertaking": "undertook", "forbidding": "forbade", "withholding": "withheld",
	"overseeing": "oversaw", "teaching": "taught", "catching": "caught", "finding": "found", "binding": "bound",
	"sleeping": "slept", "swearing": "swore", "wearing": "wore", "tearing": "tore", "bearing": "bore", "speaking": "spoke",
	"knowing": "knew", "growing": "grew", "throwing": "threw", "drawing": "drew", "flying": "flew", "falling": "fell",
	"feeling": "felt", "dealing": "dealt", "meaning": "meant", "sitting": "sat", "forgetting": "forgot", "upholding": "upheld",
}

// gerundToPast turns "planning" into "planned", "harboring" into
// "harbored", "carrying" into "carried". Words that are not gerunds come
// back unchanged.
func gerundToPast(w string) (string, bool) {
	lw := strings.ToLower(w)
	if p, ok := irregularPast[lw]; ok {
		return p, true
	}
	// "misleading" → "misled", "overtaking" → "overtook".
	for _, pre := range []string{"mis", "re", "over", "under", "out", "with", "fore", "up"} {
		if p, ok := irregularPast[strings.TrimPrefix(lw, pre)]; ok && strings.HasPrefix(lw, pre) {
			return w[:len(pre)] + p, true
		}
	}
	if !strings.HasSuffix(lw, "ing") || len(lw) < 5 {
		return w, false
	}
	stem := w[:len(w)-3]
	last := stem[len(stem)-1]
	if last == 'y' && len(stem) > 1 && !strings.ContainsRune("aeiou", rune(stem[len(stem)-2])) {
		return stem[:len(stem)-1] + "ied", true
	}
	if last == 'e' {
		return stem + "d", true
	}
	return stem + "ed", true
}

// contentWords are the lower-cased words of s that carry meaning: no
// function words, no punctuation.
func contentWords(s string) []string {
	var out []string
	for _, t := range tokenize(s) {
		if !t.isWord() {
			continue
		}
		w := strings.ToLower(strings.Trim(t.s, ".'’"))
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if len(w) < 2 || functionWords[w] {
			continue
		}
		out = append(out, stemWord(w))
	}
	return out
}

// stemWord is a light stemmer: enough for "harboring"/"harbored"/"harbors"
// to meet.
func stemWord(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if n := len(w); n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		w = w[:n-1]
	}
	return strings.TrimSuffix(w, "e")
}

var functionWords = set("the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
	"that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
	"he", "she", "they", "them", "their", "his", "her", "we", "our", "you", "your", "i", "as", "which", "who", "whom",
	"will", "would", "could", "should", "can", "may", "might", "not", "no", "so", "than", "then", "there", "also", "into",
	"about", "over", "after", "before", "since", "such", "some", "any", "all", "both", "said", "says", "say", "do", "does",
	"did", "if", "while", "when", "where", "what", "how", "only", "other", "more", "most", "up", "out", "said", "told")
