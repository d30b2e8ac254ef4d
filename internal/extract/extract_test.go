package extract_test

import (
	"strings"
	"testing"

	"claims/internal/extract"
	"claims/internal/model"
)

// The examples below are made up for these tests; none comes from the
// seed articles.

func sentences(text string) []string {
	var out []string
	for _, s := range extract.Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	for _, tt := range []struct {
		name string
		text string
		want []string
	}{
		{"abbreviations and initials",
			"Talks with U.S. envoy John Q. Public began on Sept. 3 in Geneva. Dr. Lee attended. They ended late.",
			[]string{"Talks with U.S. envoy John Q. Public began on Sept. 3 in Geneva.", "Dr. Lee attended.", "They ended late."}},
		{"abbreviation that ends a sentence",
			"The delegation flew to the U.S. The meeting was short.",
			[]string{"The delegation flew to the U.S.", "The meeting was short."}},
		{"decimals and quotations",
			`Inflation hit 3.5 percent. "We are worried," she said. Prices rose.`,
			[]string{"Inflation hit 3.5 percent.", `"We are worried," she said.`, "Prices rose."}},
		{"lines are sentences",
			"Headline without a stop\n\nFirst paragraph here.\n- a bullet point",
			[]string{"Headline without a stop", "First paragraph here.", "- a bullet point"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSentencesJoinHardWrappedLines(t *testing.T) {
	text := "The ministry of water said on Monday that the dam upstream of the\n" +
		"city had been damaged by the storm and would be closed for repairs\n" +
		"until the end of the month, according to a statement sent to the\n" +
		"press. Residents were told to stay away from the river banks.\n"
	got := sentences(text)
	if len(got) != 2 || !strings.HasPrefix(got[1], "Residents") {
		t.Errorf("got %q", got)
	}
}

func TestPlainHTML(t *testing.T) {
	in := `<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head>
<body><script>var x = "<p>not text</p>";</script>
<h1>Border&nbsp;row</h1><p>The ministry said the crossing was &ldquo;closed&rdquo; &amp; guarded.</p>
<!-- comment --><p>Second<br>line</p></body></html>`
	got := extract.Plain("page.html", []byte(in))
	for _, want := range []string{"Border row", "The ministry said the crossing was “closed” & guarded.", "Second", "line"} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"not text", "color", "comment", "<"} {
		if strings.Contains(got, bad) {
			t.Errorf("text keeps %q:\n%s", bad, got)
		}
	}
	// The page around an article: navigation holding a form, related
	// links in an aside, a caption, a footer.
	page := `<html><body><header><nav><ul><li>Home</li></ul><form><input></form><a>World</a></nav></header>
<article><h1>Minister denies claim</h1><figure><img src="x.jpg"><figcaption>The minister on Tuesday. Photograph: Agency</figcaption></figure>
<p>The opposition accused the minister of taking payments.</p>
<aside><h3>Related</h3><ul><li>Tram costs double, audit says</li></ul></aside>
<p>The minister denied it.</p></article>
<footer><p>Sign up for our newsletter.</p></footer></body></html>`
	got = extract.Plain("page.html", []byte(page))
	if want := "Minister denies claim\n\nThe opposition accused the minister of taking payments.\n\nThe minister denied it.\n"; got != want {
		t.Errorf("article page gives\n%q, want\n%q", got, want)
	}
	// Sniffed without an extension.
	if got := extract.Plain("article", []byte("<p>Hello &amp; bye</p>")); strings.TrimSpace(got) != "Hello & bye" {
		t.Errorf("sniffed HTML = %q", got)
	}
}

func TestPlainMarkdown(t *testing.T) {
	in := "# Dam row\n\nThe **ministry** said the [dam](https://example.org/x) was _safe_.\n\n- `code` item\n"
	got := extract.Plain("a.md", []byte(in))
	for _, want := range []string{"Dam row", "The ministry said the dam was safe.", "code item"} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
	if strings.ContainsAny(got, "#*[]`_") {
		t.Errorf("markup left:\n%s", got)
	}
}

// want describes one expected proposal.
type want struct {
	actor     string // the actor's name
	statement string // the statement, exactly
	relation  model.Relation
	answers   string // the answered proposal's actor, for counter-claims
}

var knownActors = []model.Actor{
	{ID: "ru", Name: "Government of Ruritania", Kind: model.KindGovernment, Aliases: []string{"Ruritania", "Strelsau", "Ruritanian government"}},
	{ID: "bo", Name: "Government of Borduria", Kind: model.KindGovernment, Aliases: []string{"Borduria", "Szohod"}},
	{ID: "ba", Name: "Bordurian army", Kind: model.KindMilitary, Aliases: []string{"Bordurian military"}},
	{ID: "us", Name: "United States government", Kind: model.KindGovernment, Aliases: []string{"US", "Washington"}},
	{ID: "lm", Name: "Liberation Movement", Kind: model.KindGroup, Aliases: []string{"LM"}},
}

func TestExtract(t *testing.T) {
	for _, tt := range []struct {
		name string
		text string
		want []want
	}{
		{"accusation with appositive denial",
			"Ruritania has accused Borduria of shelling border villages in May, an allegation that Szohod has denied.",
			[]want{
				{"Government of Ruritania", "Borduria shelled border villages in May.", "", ""},
				{"Government of Borduria", "Government of Borduria denies that Borduria shelled border villages in May.", model.Denies, "Government of Ruritania"},
			}},
		{"denial in the next sentence points back",
			"Strelsau accused Szohod of arming the rebels. Borduria has rejected the accusation, saying it has no ties to any armed group.",
			[]want{
				{"Government of Ruritania", "Szohod armed the rebels.", "", ""},
				{"Government of Borduria", "Government of Borduria denies that Szohod armed the rebels, and says it has no ties to any armed group.", model.Denies, "Government of Ruritania"},
			}},
		{"plural reference to the parties named before",
			"The opposition leader Anna Kovacs claimed that Washington was colluding with the army to delay the vote. Both have since denied the claim.",
			[]want{
				{"Anna Kovacs", "Washington was colluding with the army to delay the vote.", "", ""},
				{"United States government", "United States government denies that Washington was colluding with the army to delay the vote.", model.Denies, "Anna Kovacs"},
				{"army", "The army denies that Washington was colluding with the army to delay the vote.", model.Denies, "Anna Kovacs"},
			}},
		{"counted plural reference",
			"Ruritania said that Borduria and the Liberation Movement had planned the raid together. The two sides dismissed the charges.",
			[]want{
				{"Government of Ruritania", "Borduria and the Liberation Movement had planned the raid together.", "", ""},
				{"Government of Borduria", "Government of Borduria denies that Borduria and the Liberation Movement had planned the raid together.", model.Denies, "Government of Ruritania"},
				{"Liberation Movement", "Liberation Movement denies that Borduria and the Liberation Movement had planned the raid together.", model.Denies, "Government of Ruritania"},
			}},
		{"several speakers",
			"Ruritanian government officials, as well as US diplomats, have repeatedly said that the ceasefire was not being observed.",
			[]want{
				{"Government of Ruritania", "The ceasefire was not being observed.", "", ""},
				{"United States government", "The ceasefire was not being observed.", "", ""},
			}},
		{"reporting clause at the end and a quotation",
			"“We have never sent troops across the river,” a Bordurian army spokesman said. The river crossing was closed on Friday, the ministry of transport said on Saturday.",
			[]want{
				{"Bordurian army", "We have never sent troops across the river.", "", ""},
				{"ministry of transport", "The river crossing was closed on Friday.", "", ""},
			}},
		{"according to",
			"According to the Red Cross, at least 40 civilians were wounded in the strike on the market.",
			[]want{{"Red Cross", "At least 40 civilians were wounded in the strike on the market.", "", ""}}},
		{"urging",
			"The UN envoy urged Borduria to withdraw its artillery from the hills above the town.",
			[]want{{"UN envoy", "Borduria should withdraw its artillery from the hills above the town.", "", ""}}},
		{"passive accusation with its agent",
			"Borduria was accused by the Liberation Movement of torturing prisoners.",
			[]want{{"Liberation Movement", "Borduria tortured prisoners.", "", ""}}},
		{"nominal report with its author",
			"Allegations were made by the LM that Strelsau had bribed the judges.",
			[]want{{"Liberation Movement", "Strelsau had bribed the judges.", "", ""}}},
		{"denial of someone's claim in one sentence",
			"Szohod rejected claims by Ruritania that its drones struck a hospital.",
			[]want{
				{"Government of Ruritania", "Government of Borduria's drones struck a hospital.", "", ""},
				{"Government of Borduria", "Government of Borduria denies that Government of Borduria's drones struck a hospital.", model.Denies, "Government of Ruritania"},
			}},
		{"person named in full, then by title and surname",
			"The talks were led by Deputy Foreign Minister Elena Varga. Ms. Varga warned that the talks could collapse within days.",
			[]want{{"Elena Varga", "The talks could collapse within days.", "", ""}}},
		{"a person's pronoun is the person",
			"Former president Tomas Berg said he had never met the arms dealer.",
			[]want{{"Tomas Berg", "Tomas Berg had never met the arms dealer.", "", ""}}},
		{"denial with its own clause and no earlier claim",
			"Police denied that officers had fired at the crowd.",
			[]want{{"Police", "Police deny that officers had fired at the crowd.", "", ""}}},
		{"claim of responsibility",
			"The Liberation Movement claimed responsibility for the bombing of the rail depot.",
			[]want{{"Liberation Movement", "Liberation Movement was responsible for the bombing of the rail depot.", "", ""}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := extract.Extract(tt.text, knownActors)
			check(t, tt.text, got, tt.want)
		})
	}
}

func check(t *testing.T, text string, got []extract.Proposal, want []want) {
	t.Helper()
	describe := func() string {
		var b strings.Builder
		for _, p := range got {
			b.WriteString("\n  " + p.Actor.Name + " | " + p.Statement + " | " + string(p.Relation))
		}
		return b.String()
	}
	if len(got) != len(want) {
		t.Fatalf("got %d proposals, want %d:%s", len(got), len(want), describe())
	}
	for i, w := range want {
		p := got[i]
		if p.Actor.Name != w.actor || p.Statement != w.statement || p.Relation != w.relation {
			t.Errorf("proposal %d:\n got  %q | %q | %q\n want %q | %q | %q", i, p.Actor.Name, p.Statement, p.Relation, w.actor, w.statement, w.relation)
		}
		if w.answers != "" && (p.Answers < 0 || got[p.Answers].Actor.Name != w.answers) {
			t.Errorf("proposal %d answers %d, want the claim by %s", i, p.Answers, w.answers)
		}
		if w.answers == "" && p.Answers >= 0 {
			t.Errorf("proposal %d answers %d, want none", i, p.Answers)
		}
		if text[p.Start:p.End] != p.Quote || p.Quote == "" {
			t.Errorf("proposal %d: quote %q is not text[%d:%d] = %q", i, p.Quote, p.Start, p.End, text[p.Start:p.End])
		}
	}
}

func TestExtractIgnoresUnattributedText(t *testing.T) {
	for _, text := range []string{
		"The river flooded three villages on Tuesday.",
		"The talks ended without an agreement after two days.",
		"Officials met in Geneva to discuss the ceasefire.",
		"The report was published in March and runs to 200 pages.",
		"Borduria denied entry to the journalists at the border crossing.",
		"The company did not deny the allegations.",
		"She was told that the visa had been refused.",
		"He was accused of taking bribes.",
		"The minister stressed the importance of dialogue with neighbours.",
		"The army warned residents of the coming floods along the coast.",
		"This information helps substantiate the government's claims and is expected to inform the talks.",
		"Both countries agreed to deepen cooperation in regional forums.",
	} {
		if got := extract.Extract(text, knownActors); len(got) != 0 {
			t.Errorf("%q gave %d proposals; first: %s | %s", text, len(got), got[0].Actor.Name, got[0].Statement)
		}
	}
}

func TestSuggestedActorKinds(t *testing.T) {
	for _, tt := range []struct {
		text string
		name string
		kind model.ActorKind
	}{
		{"The Interior Ministry said that the border was calm.", "Interior Ministry", model.KindGovernment},
		{"The national army said that the border was calm.", "national army", model.KindMilitary},
		{"Senator Maria Lopez said that the border was calm.", "Maria Lopez", model.KindPerson},
		{"The People's Party said that the border was calm.", "People's Party", model.KindParty},
		{"Kyiv said that the border was calm.", "Ukraine", model.KindGovernment},
	} {
		got := extract.Extract(tt.text, nil)
		if len(got) != 1 {
			t.Errorf("%q: %d proposals", tt.text, len(got))
			continue
		}
		if got[0].Actor.Name != tt.name || got[0].Actor.Kind != tt.kind || got[0].Actor.Known() {
			t.Errorf("%q: actor %+v, want %s (%s), new", tt.text, got[0].Actor, tt.name, tt.kind)
		}
	}
}

func TestKnownActorsLongestAliasFirst(t *testing.T) {
	got := extract.Extract("The Bordurian military said that the shelling had stopped.", knownActors)
	if len(got) != 1 || got[0].Actor.ID != "ba" {
		t.Fatalf("got %+v, want the Bordurian army (ba)", got)
	}
}

// TestGeneralPairs pins constructions the general rules handle, each a
// short made-up text: "counter actor → claim actor" for every pair.
func TestGeneralPairs(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"a rebuttal of a denial answers the denial",
			"Title\n\nThe Dockers Union accused Harbour Lines of forcing crews to work 18-hour shifts.\n\n" +
				"Harbour Lines denied the accusation, saying every shift had been limited to twelve hours.\n\n" +
				"The Dockers Union rejected that account.\n",
			[]string{"Harbour Lines → Dockers Union", "Dockers Union → Harbour Lines"}},
		{"a denial in the lead answers the account that follows",
			"Owner denies dogs attacked boy\n\nA man whose two dogs were seized by police has denied that his animals were involved.\n\n" +
				"The boy's mother, Rita Sandor, said she had seen the two dogs run at her son.\n",
			[]string{"man → Rita Sandor"}},
		{"accused it of names the party spoken of",
			"Title\n\nLusenia's defence ministry said Kovar had started the shelling and accused it of targeting civilian homes.\n\n" +
				"Kovar rejected that accusation.\n",
			[]string{"Kovar → Lusenia"}},
		{"the other party answering right after a claim answers that claim",
			"Title\n\nA former researcher at Velora Pharmaceuticals has alleged that the company hid reports of heart problems.\n\n" +
				"Velora called the allegations false.\n\n" +
				"The researcher, Miriam Oakes, said she had raised her concerns internally three times. A Velora spokesman said the company had no record of any such complaint.\n",
			[]string{"Velora Pharmaceuticals → Miriam Oakes", "Velora Pharmaceuticals → Miriam Oakes"}},
		{"declining to comment is not a denial",
			"Title\n\nThe union accused Harbour Lines of forcing crews to work 18-hour shifts.\n\n" +
				"Harbour Lines did not respond to a request for comment. Its chief executive declined to comment.\n",
			nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			props := extract.Extract(tt.text, nil)
			var got []string
			for _, p := range props {
				if p.IsCounter() {
					got = append(got, p.Actor.Name+" → "+props[p.Answers].Actor.Name)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
				for _, p := range props {
					t.Logf("%s | %s", p.Actor.Name, p.Statement)
				}
			}
		})
	}
}

// TestSpeakers pins who speaks in short texts: what a subject read
// backwards may carry that is no part of the speaker.
func TestSpeakers(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string // actor names, in order
	}{
		{"a time phrase and an adverb are not the speaker",
			"Title\n\nEarlier this year Varnia accused Kessovia of flying drones over a power station, an accusation Kessovia also denied.\n",
			[]string{"Varnia", "Kessovia"}},
		{"records compiled by a newspaper speak for it",
			"Title\n\nThe firm has won five contracts since 2019, according to public records compiled by the Grenholm Gazette.\n",
			[]string{"Grenholm Gazette"}},
		{"a role is the person named with it in the next sentences",
			"Title\n\nA former researcher at Velora Pharmaceuticals has alleged that the company hid reports of heart problems.\n\n" +
				"In a letter, the researcher, Dr. Miriam Oakes, wrote that nine patients had suffered irregular heartbeats.\n",
			[]string{"Miriam Oakes", "Miriam Oakes"}},
		{"the name may follow with its role",
			"Title\n\nA lawyer for the family said the police had ignored the warnings.\n\n" +
				"Erik Staal, a lawyer at Staal & Berg, said the officers had been told twice.\n",
			[]string{"Erik Staal", "Erik Staal"}},
		{"a role with no name stays as written",
			"Title\n\nA senior official said the talks had failed.\n\nThe minister, Anna Berg, will travel on Friday.\n",
			[]string{"senior official"}},
		{"a weekday is no speaker",
			"Title\n\nThe operator of a ferry that sank on Saturday has rejected accusations that the vessel was overloaded.\n",
			nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range extract.Extract(tt.text, nil) {
				if p.Actor.Name != extract.Unnamed.Name {
					got = append(got, p.Actor.Name)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestPronounsByGender pins pronoun replacement in statements: a pronoun
// is the speaker only when its gender can be the speaker's.
func TestPronounsByGender(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Title\n\nMiriam Oakes said she had raised her concerns internally three times.\n",
			"Miriam Oakes had raised her concerns internally three times."},
		{"Title\n\nHis sister, Grace Orji, told reporters that she had seen bruises on his face.\n",
			"Grace Orji had seen bruises on his face."},
		{"Title\n\nThe lawyer, Peter Castell, said his client had been offered a payment when she left the company.\n",
			"Peter Castell's client had been offered a payment when she left the company."},
	} {
		props := extract.Extract(tt.text, nil)
		var got []string
		for _, p := range props {
			got = append(got, p.Statement)
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// TestQuoteWithoutDateline: a quote from the first paragraph does not
// start with the article's dateline, and still points into the text.
func TestQuoteWithoutDateline(t *testing.T) {
	text := "Water company accused over spills\n\nNORTHBRIDGE (Example Wire) — A campaign group says Riverside Water discharged sewage on 40 days last summer.\n"
	props := extract.Extract(text, nil)
	if len(props) != 1 || !strings.HasPrefix(props[0].Quote, "A campaign group says") || text[props[0].Start:props[0].End] != props[0].Quote {
		t.Errorf("%+v", props)
	}
}
