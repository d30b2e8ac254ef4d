package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"claims/internal/model"
)

// Actor is the proposed asserting (or denying) party of a claim, or one of
// its subjects: a known actor (ID set) or a suggested new one.
type Actor struct {
	ID      string          // the known actor's ID; empty for a suggested new actor
	Name    string          // the known actor's canonical name, or the suggested name
	Kind    model.ActorKind // the known kind, or a guess
	Mention string          // the words in the article that name it

	count int // for an unresolved plural reference ("all three parties"): how many
}

// Known reports whether the actor matched one of the known actors.
func (a Actor) Known() bool { return a.ID != "" }

// country is a country with the words that stand for it in the news.
type country struct {
	name    string
	aliases []string // demonyms, capitals used as metonyms, short forms
}

// countries are the states an article may name by country, demonym or
// capital. Capitals used as metonyms ("Kabul has denied …") are governments.
var countries = []country{
	{"Afghanistan", []string{"Afghan", "Kabul"}},
	{"Pakistan", []string{"Pakistani", "Islamabad"}},
	{"United States", []string{"US", "U.S.", "USA", "America", "American", "Washington"}},
	{"United Kingdom", []string{"UK", "U.K.", "Britain", "British", "London"}},
	{"China", []string{"Chinese", "Beijing"}},
	{"India", []string{"Indian", "New Delhi", "Delhi"}},
	{"Iran", []string{"Iranian", "Tehran"}},
	{"Iraq", []string{"Iraqi", "Baghdad"}},
	{"Russia", []string{"Russian", "Moscow", "Kremlin"}},
	{"Ukraine", []string{"Ukrainian", "Kyiv", "Kiev"}},
	{"Israel", []string{"Israeli", "Jerusalem"}},
	{"Syria", []string{"Syrian", "Damascus"}},
	{"Turkey", []string{"Turkish", "Türkiye", "Ankara"}},
	{"Saudi Arabia", []string{"Saudi", "Riyadh"}},
	{"Qatar", []string{"Qatari", "Doha"}},
	{"Egypt", []string{"Egyptian", "Cairo"}},
	{"France", []string{"French", "Paris"}},
	{"Germany", []string{"German", "Berlin"}},
	{"Japan", []string{"Japanese", "Tokyo"}},
	{"North Korea", []string{"North Korean", "Pyongyang"}},
	{"South Korea", []string{"South Korean", "Seoul"}},
	{"Bangladesh", []string{"Bangladeshi", "Dhaka"}},
	{"Tajikistan", []string{"Tajik", "Dushanbe"}},
	{"Uzbekistan", []string{"Uzbek", "Tashkent"}},
	{"Lebanon", []string{"Lebanese", "Beirut"}},
	{"Yemen", []string{"Yemeni", "Sanaa"}},
	{"Venezuela", []string{"Venezuelan", "Caracas"}},
	{"Mexico", []string{"Mexican", "Mexico City"}},
	{"Canada", []string{"Canadian", "Ottawa"}},
	{"Brazil", []string{"Brazilian", "Brasilia"}},
	{"Nigeria", []string{"Nigerian", "Abuja"}},
	{"Ethiopia", []string{"Ethiopian", "Addis Ababa"}},
	{"Sudan", []string{"Sudanese", "Khartoum"}},
	{"Libya", []string{"Libyan", "Tripoli"}},
	{"Azerbaijan", []string{"Azerbaijani", "Baku"}},
	{"Armenia", []string{"Armenian", "Yerevan"}},
	{"Georgia", []string{"Georgian", "Tbilisi"}},
	{"Belarus", []string{"Belarusian", "Minsk"}},
	{"Poland", []string{"Polish", "Warsaw"}},
	{"Italy", []string{"Italian", "Rome"}},
	{"Spain", []string{"Spanish", "Madrid"}},
	{"Taiwan", []string{"Taiwanese", "Taipei"}},
	{"Philippines", []string{"Philippine", "Filipino", "Manila"}},
	{"Indonesia", []string{"Indonesian", "Jakarta"}},
	{"Myanmar", []string{"Burmese", "Naypyidaw"}},
	{"Sri Lanka", []string{"Sri Lankan", "Colombo"}},
	{"Nepal", []string{"Nepali", "Kathmandu"}},
	{"Kazakhstan", []string{"Kazakh", "Astana"}},
	{"Kyrgyzstan", []string{"Kyrgyz", "Bishkek"}},
	{"Turkmenistan", []string{"Turkmen", "Ashgabat"}},
	{"Palestine", []string{"Palestinian", "Ramallah"}},
	{"Jordan", []string{"Jordanian", "Amman"}},
	{"United Arab Emirates", []string{"UAE", "Emirati", "Abu Dhabi"}},
	{"South Africa", []string{"South African", "Pretoria"}},
	{"Australia", []string{"Australian", "Canberra"}},
}

// demonyms are the adjectives among the countries' aliases: "Chinese
// engineers" are not a party the way "Beijing" is.
var demonyms = set("afghan", "pakistani", "american", "british", "chinese", "indian", "iranian", "iraqi", "russian",
	"ukrainian", "israeli", "syrian", "turkish", "saudi", "qatari", "egyptian", "french", "german", "japanese",
	"north korean", "south korean", "bangladeshi", "tajik", "uzbek", "lebanese", "yemeni", "venezuelan", "mexican",
	"canadian", "brazilian", "nigerian", "ethiopian", "sudanese", "libyan", "azerbaijani", "armenian", "georgian",
	"belarusian", "polish", "italian", "spanish", "taiwanese", "philippine", "filipino", "indonesian", "burmese",
	"sri lankan", "nepali", "kazakh", "kyrgyz", "turkmen", "palestinian", "jordanian", "emirati", "south african", "australian")

// countryOf maps every country name, demonym and capital (lower-cased) to
// the country's name.
var countryOf = func() map[string]string {
	m := map[string]string{}
	for _, c := range countries {
		m[strings.ToLower(c.name)] = c.name
		for _, a := range c.aliases {
			m[strings.ToLower(a)] = c.name
		}
	}
	return m
}()

// Words that say what kind of party a name is.
var (
	govWords = set("government", "governments", "ministry", "minister", "ministers", "office", "authorities", "authority",
		"officials", "official", "administration", "department", "cabinet", "embassy", "president", "presidency",
		"spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador", "state", "kremlin", "white", "house", "directorate",
		"diplomat", "diplomats", "delegation", "foreign", "interior", "secretary", "premier", "chancellor")
	militaryWords = set("military", "army", "armed", "forces", "navy", "air", "troops", "isi", "ispr", "pentagon", "generals", "commander", "commanders")
	groupWords    = set("taliban", "militants", "militant", "network", "brigade", "brigades", "insurgents", "rebels", "separatists",
		"qaeda", "al-qaeda", "isis", "isil", "daesh", "hamas", "hezbollah", "houthis", "jihadists", "ttp", "bla", "jaish", "lashkar", "front", "liberation")
	partyWords  = set("party", "league", "opposition", "opponents", "rivals", "congress", "coalition", "movement", "parliamentarians", "lawmakers", "pti", "pml-n", "ppp")
	outletWords = set("news", "times", "post", "tribune", "reuters", "afp", "ap", "bbc", "cnn", "jazeera", "dawn", "journal", "herald",
		"newspaper", "tv", "television", "radio", "media", "press", "gazette", "telegraph", "guardian", "today")
	orgWords = set("nato", "un", "u.n.", "eu", "united", "nations", "union", "council", "commission", "organization", "organisation",
		"board", "federation", "bureau", "trust", "society", "academy", "club", "alliance", "tribunal", "authority", "service", "research", "fc",
		"city", "athletic", "rovers", "wanderers", "hospital", "clinic", "school", "college", "league",
		"institute", "centre", "center", "bank", "fund", "association", "committee", "court", "regulator", "watchdog", "ngo", "foundation",
		"university", "company", "group", "agency", "directorate", "conference", "think", "tank", "imf", "who", "iaea", "icc", "amnesty", "human", "rights", "red", "cross")
	// companyWords end the names of businesses.
	companyWords = set("mining", "holdings", "airlines", "airways", "motors", "energy", "oil", "gas", "petroleum", "pharma",
		"pharmaceuticals", "technologies", "technology", "systems", "industries", "corporation", "corp", "inc", "ltd", "plc",
		"llc", "co", "company", "limited", "partners", "capital", "telecom", "steel", "resources", "bank", "insurance",
		"group", "enterprises", "labs", "laboratories", "biotech", "therapeutics", "motors", "automotive", "electric", "power", "foods", "chemicals", "logistics", "shipping", "construction",
		"grid", "utilities", "water", "air", "health", "services", "metals", "media", "networks", "solutions", "brands", "retail",
		"tech", "health", "medical", "engineering", "transport", "rail", "motors", "textiles", "garments", "farms", "dairy",
		"timber", "nutrition", "lines", "paving", "maintenance", "securities", "chemical", "cosmetics", "apparel", "hotels",
		"properties", "developers", "forestry", "software", "semiconductors", "aviation", "cement", "packaging", "beverages")
	titleWords = set("mr", "mrs", "ms", "dr", "prof", "professor", "sir", "ambassador", "president", "prime", "minister", "secretary",
		"deputy", "assistant", "principal", "senator", "sen", "rep", "representative", "gen", "general", "lt", "colonel", "col", "maj",
		"major", "captain", "capt", "commander", "chief", "foreign", "interior", "defence", "defense", "finance", "director", "chairman",
		"chairwoman", "chair", "governor", "gov", "mayor", "king", "queen", "prince", "princess", "judge", "justice", "spokesman",
		"spokeswoman", "spokesperson", "envoy", "special", "adviser", "advisor", "leader", "pope", "sheikh", "state", "us", "u.s.", "dpm", "fm",
		"former", "acting", "vice", "national", "security", "of", "the", "prosecutor", "counsel", "lawyer", "attorney",
		"detective", "inspector", "sergeant", "constable", "auditor", "coach", "captain", "dr.",
		"councillor", "councilor", "councilman", "councilwoman", "alderman", "lawmaker", "legislator", "mp", "commissioner",
		"sheriff", "bishop", "cardinal", "archbishop", "rabbi", "imam", "marshal", "admiral", "lieutenant", "brigadier",
		"midfielder", "striker", "defender", "goalkeeper", "winger", "footballer", "player", "manager", "officer")
	// speakerWords are the people and bodies that speak for the party named
	// with them: "Pakistani officials", "Pakistan's envoy", "authorities in
	// Kabul" all speak for Pakistan or Kabul.
	speakerWords = set("government", "officials", "official", "authorities", "administration", "spokesman", "spokeswoman",
		"spokesperson", "envoy", "ambassador", "representative", "representatives", "delegation", "diplomats", "diplomat",
		"leaders", "leadership", "foreign", "office", "ministry", "minister", "foreign office", "foreign ministry", "embassy", "side")
)

// knownIndex matches known actors' names and aliases in text.
type knownIndex struct {
	names []knownName // longest first
}

type knownName struct {
	lower string
	caps  bool // the name is written in capitals ("US"): match it only so
	actor model.Actor
}

func newKnownIndex(actors []model.Actor) *knownIndex {
	ix := &knownIndex{}
	for _, a := range actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if n = strings.TrimSpace(n); n != "" {
				ix.names = append(ix.names, knownName{strings.ToLower(n), len(n) <= 4 && strings.ToUpper(n) == n, a})
			}
		}
	}
	sort.SliceStable(ix.names, func(i, j int) bool { return len(ix.names[i].lower) > len(ix.names[j].lower) })
	return ix
}

// exact finds the known actor called phrase (ignoring case, a leading
// "the" and a trailing possessive).
func (ix *knownIndex) exact(phrase string) (model.Actor, bool) {
	p := strings.ToLower(strings.TrimSpace(phrase))
	p = strings.TrimSuffix(strings.TrimSuffix(p, "'s"), "’s")
	for _, cand := range []string{p, strings.TrimPrefix(p, "the ")} {
		for _, n := range ix.names {
			if n.lower == cand {
				return n.actor, true
			}
		}
	}
	return model.Actor{}, false
}

// hit is a known actor found in text.
type hit struct {
	Span
	actor model.Actor
}

// find returns the known actors named in s, longest match first, without
// overlaps, in text order.
func (ix *knownIndex) find(s string) []hit {
	ls := lowerSameLen(s)
	taken := make([]bool, len(s))
	var out []hit
	for _, n := range ix.names {
		if n.lower == "" {
			continue
		}
		from := 0
		for {
			i := strings.Index(ls[from:], n.lower)
			if i < 0 {
				break
			}
			i += from
			e := i + len(n.lower)
			from = i + 1
			if !wordBoundary(s, i, e) || anyTaken(taken, i, e) {
				continue
			}
			// A short all-capital alias ("US") must match in capitals, so
			// that the pronoun "us" is not the United States.
			if n.caps && strings.ToUpper(s[i:e]) != s[i:e] {
				continue
			}
			for k := i; k < e; k++ {
				taken[k] = true
			}
			out = append(out, hit{Span{i, e}, n.actor})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// lowerSameLen lower-cases s rune by rune, keeping a rune whose lower case
// has another length in bytes ("İ"), so that offsets in the result are
// offsets in s.
func lowerSameLen(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != utf8.RuneLen(r) {
			l = r
		}
		b.WriteRune(l)
	}
	if b.Len() != len(s) {
		// Invalid UTF-8 was replaced: fall back to ASCII folding.
		out := []byte(s)
		for i, c := range out {
			if 'A' <= c && c <= 'Z' {
				out[i] = c + 'a' - 'A'
			}
		}
		return string(out)
	}
	return b.String()
}

func anyTaken(t []bool, i, e int) bool {
	for k := i; k < e; k++ {
		if t[k] {
			return true
		}
	}
	return false
}

// wordBoundary reports whether s[i:e] is a whole word or phrase.
func wordBoundary(s string, i, e int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if e < len(s) {
		r, _ := utf8.DecodeRuneInString(s[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
		// "U.S." matched as "U.S" is fine; "US-led" is the US too.
	}
	return true
}

// guessKind guesses what kind of party a suggested new actor is from its
// name.
func guessKind(name string) model.ActorKind {
	words := strings.Fields(strings.ToLower(strings.NewReplacer("'s", "", "’s", "", "(", " ", ")", " ", ",", " ").Replace(name)))
	has := func(m map[string]bool) bool {
		for _, w := range words {
			if m[w] {
				return true
			}
		}
		return false
	}
	switch {
	case len(words) == 0:
		return model.KindOther
	case has(groupWords) && !has(govWords):
		return model.KindGroup
	case has(militaryWords) && words[len(words)-1] != "air":
		return model.KindMilitary
	case has(partyWords):
		return model.KindParty
	case has(outletWords) && !has(govWords):
		return model.KindOutlet
	case has(govWords):
		return model.KindGovernment
	case has(orgWords) || has(companyWords):
		return model.KindOrganisation
	}
	if _, ok := countryOf[strings.ToLower(strings.TrimPrefix(name, "the "))]; ok {
		return model.KindGovernment
	}
	if looksLikePersonName(name) {
		return model.KindPerson
	}
	return model.KindOther
}

// looksLikePersonName reports whether name is two to four capitalised
// words, none of them a country or an organisation word: "Alice Wells",
// "Gregory D. LoGerfo".
func looksLikePersonName(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		if _, ok := countryOf[lw]; ok || orgWords[lw] || govWords[lw] || groupWords[lw] || outletWords[lw] || militaryWords[lw] || companyWords[lw] || partyWords[lw] {
			return false
		}
	}
	return true
}

// personName strips titles from a capitalised phrase and returns the name:
// "US Principal Deputy Assistant Secretary of State Ambassador Alice Wells"
// gives "Alice Wells"; "Ambassador Wells" gives "Wells".
func personName(phrase string) string {
	f := strings.Fields(phrase)
	i := len(f)
	for i > 0 {
		w := strings.ToLower(strings.Trim(f[i-1], ".,"))
		r, _ := utf8.DecodeRuneInString(f[i-1])
		if titleWords[w] || !unicode.IsUpper(r) {
			break
		}
		i--
	}
	return strings.Join(f[i:], " ")
}

// hasTitle reports whether phrase starts with a person's title.
func hasTitle(phrase string) bool {
	f := strings.Fields(phrase)
	if len(f) < 2 {
		return false
	}
	w := strings.ToLower(strings.TrimSuffix(f[0], "."))
	return w == "mr" || w == "mrs" || w == "ms" || w == "dr" || w == "ambassador" || w == "president" || w == "senator" ||
		w == "sen" || w == "gen" || w == "general" || w == "prime" || w == "minister" || w == "secretary" || w == "judge" ||
		w == "governor" || w == "mayor" || w == "prof" || w == "professor" || w == "deputy" || w == "chief" || w == "lt" ||
		w == "colonel" || w == "col" || w == "councillor" || w == "councilor" || w == "councilman" || w == "councilwoman" ||
		w == "commissioner" || w == "sheriff" || w == "bishop" || w == "admiral" || w == "lieutenant" || w == "captain" || w == "king" || w == "queen" || w == "prince" || w == "sheikh" || w == "foreign"
}
