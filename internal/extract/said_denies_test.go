package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claims/internal/extract"
	"claims/internal/model"
)

// TestSaidItDenies: a speaker's denial reported in a said-clause ("said it
// denied …", "said in a statement that it “categorically denies …”")
// answers the accusation, as "X denies …" does; a said-clause without a
// denial stays a claim of its own.
func TestSaidItDenies(t *testing.T) {
	const lead = "Prosecutors have charged the club director with fraud, saying he paid an agent secret commissions.\n\n"
	for _, s := range []string{
		"The club said it denied any involvement.",
		`The club said in a statement that it "categorically denies any involvement".`,
		"The club said that it rejected the charge.",
	} {
		props := extract.Extract(lead+s+"\n", nil)
		if len(props) != 2 || props[1].Answers != 0 || props[1].Relation != model.Denies || props[1].Actor.Name != "club" {
			t.Errorf("%s\n  gives %+v", s, props)
		}
	}
	props := extract.Extract(lead+"The club said it would cooperate with the inquiry.\n", nil)
	if len(props) != 2 || props[1].IsCounter() {
		t.Errorf("a said-clause without a denial: %+v", props)
	}
}

// TestDenialOfFirstPersonWords: a denial of a claim in its speaker's own
// first-person words names that speaker's account instead of repeating
// "we" after "denies that".
func TestDenialOfFirstPersonWords(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "madeup", "border-shelling-spokesman.txt"))
	if err != nil {
		t.Fatal(err)
	}
	denial := false
	for _, p := range extract.Extract(extract.Plain("a.txt", b), nil) {
		if p.Actor.Name == "Lia Varo" && p.IsCounter() {
			denial = true
			if !strings.HasPrefix(p.Statement, "Lia Varo denies Arlen Toma's account") {
				t.Errorf("Lia Varo's denial reads %q", p.Statement)
			}
		}
		if strings.Contains(p.Statement, "denies that we") {
			t.Errorf("%q", p.Statement)
		}
	}
	if !denial {
		t.Error("no denial by Lia Varo")
	}
}

// TestCallingItselfOpensSentence: a party named by what it calls itself
// speaks under that name at the start of a sentence too (a relative
// clause without commas must not take "a hacking group" instead).
func TestCallingItselfOpensSentence(t *testing.T) {
	props := extract.Extract("Intro line here\n\nA hacking group calling itself Black Lantern said it had stolen the records of a million patients.\n", nil)
	if len(props) != 1 || props[0].Actor.Name != "Black Lantern" {
		t.Errorf("%+v", props)
	}
}

// TestRepresentativeAnswers: a party's representative saying the claim
// about it is wrong answers that claim; one speaking for the claimant's
// own side does not.
func TestRepresentativeAnswers(t *testing.T) {
	text := "Regulator fines grocer\n\nThe consumer regulator accused Frisco of raising prices for a few weeks before cutting them in advertised discounts.\n\n" +
		"Frisco said it would appeal. Its chief executive, Dana Holm, said the regulator had compared the wrong periods.\n"
	props := extract.Extract(text, nil)
	found := false
	for _, p := range props {
		if p.Actor.Name == "Dana Holm" {
			found = true
			if !p.IsCounter() || props[p.Answers].Actor.Name != "consumer regulator" {
				t.Errorf("Dana Holm's answer: %+v", p)
			}
		}
	}
	if !found {
		t.Fatalf("no proposal by Dana Holm: %+v", props)
	}
	text = "Rebels claim drone\n\nRebels in the highlands said on Sunday that they had shot down a military drone near the town of Marek.\n\n" +
		"A spokesman for the rebel Eastern Front, Joel Amani, said his fighters had hit the drone with a heavy machine gun.\n"
	amani := false
	for _, p := range extract.Extract(text, nil) {
		if p.Actor.Name == "Joel Amani" {
			amani = true
			if p.IsCounter() {
				t.Errorf("the rebels' spokesman answers the rebels: %+v", p)
			}
		}
	}
	if !amani {
		t.Error("no proposal by Joel Amani")
	}
}

// TestReportByNamesItsAuthor: "according to a report published on
// Wednesday by X" is X's claim.
func TestReportByNamesItsAuthor(t *testing.T) {
	props := extract.Extract("Intro line here\n\nAnother line with words in it.\n\nAt least 14 patients caught an infection on the ward, according to a report published on Wednesday by the regional health authority.\n", nil)
	if len(props) != 1 || props[0].Actor.Name != "regional health authority" {
		t.Errorf("%+v", props)
	}
}

// TestToldAJuryAtTheEnd: "…, a former tenant told a jury on Tuesday" ends
// a report like "…, a former tenant said".
func TestToldAJuryAtTheEnd(t *testing.T) {
	for _, end := range []string{"told a jury on Tuesday", "told the court", "said"} {
		props := extract.Extract("Intro line here\n\nAnother line with words in it.\n\nThe landlord had been told months earlier that the smoke alarms did not work, a former tenant "+end+".\n", nil)
		if len(props) != 1 || props[0].Actor.Name != "former tenant" {
			t.Errorf("%s: %+v", end, props)
		}
	}
}

// TestRoleInPlace: "A councillor in Dunmere has accused …" is the
// councillor (named later), not the town.
func TestRoleInPlace(t *testing.T) {
	props := extract.Extract("Intro line here\n\nAnother line with words in it.\n\nA councillor in Dunmere has accused the town's housing department of moving relatives of council staff up the waiting list.\n\nCouncillor Ruth Abara said at least six families had been given flats.\n", nil)
	if len(props) != 2 || props[0].Actor.Name != "Ruth Abara" {
		t.Errorf("%+v", props)
	}
}

// TestNameWithAnd: "the Competition and Consumer Authority" is one body,
// "Kessia and Dovar" two; "On Tuesday the ministry" is the ministry.
func TestNameWithAnd(t *testing.T) {
	for s, want := range map[string]string{
		"On Tuesday the Competition and Consumer Authority said it had examined the prices of 1,200 products.": "Competition and Consumer Authority",
		"Kessia and Dovar said the talks had failed.":                                                          "Kessia|Dovar",
		"On Tuesday the ministry said the talks had failed.":                                                   "ministry",
	} {
		var got []string
		for _, p := range extract.Extract("Intro line here\n\nAnother line with words in it.\n\n"+s+"\n", nil) {
			got = append(got, p.Actor.Name)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%s: speakers %q, want %q", s, got, want)
		}
	}
}

// TestBodyNotItsOfficer: "an allegation the council has denied" is the
// council's denial even when "Council leader Brian Tull" speaks later.
func TestBodyNotItsOfficer(t *testing.T) {
	text := "Intro line here\n\nA councillor in Dunmere has accused the town's housing department of moving relatives of council staff up the waiting list, an allegation the council has denied.\n\nCouncil leader Brian Tull said the figures were wrong.\n"
	props := extract.Extract(text, nil)
	if len(props) < 2 || props[1].Actor.Name != "council" || !props[1].IsCounter() {
		t.Errorf("%+v", props)
	}
}

// TestRoleAtOneOf: "A former exams officer at one of the country's largest
// academy chains has alleged …" is the officer the next sentence names,
// whose own claim "said in a complaint to the national exams regulator
// that …" is found too.
func TestRoleAtOneOf(t *testing.T) {
	text := "Intro line here\n\nWESTBRIDGE - A former exams officer at one of the country's largest academy chains has alleged that teachers were told to rewrite pupils' coursework before it was sent for marking.\n\n" +
		"The officer, Daniel Okafor, who worked at the Beacon Learning Trust until March, said in a complaint to the national exams regulator that senior staff had given teachers lists of pupils.\n"
	props := extract.Extract(text, nil)
	if len(props) != 2 || props[0].Actor.Name != "Daniel Okafor" || props[1].Actor.Name != "Daniel Okafor" {
		t.Errorf("%+v", props)
	}
}

// TestTheGroupIsTheBodyBefore: "The Free Hills Movement denied …. In a
// statement posted online, the group said …": the group is the movement.
func TestTheGroupIsTheBodyBefore(t *testing.T) {
	text := "Intro line here\n\nThe government blamed the rebels for the shelling.\n\nThe Free Hills Movement denied firing on Belek. In a statement posted online, the group said its fighters had withdrawn from the eastern hills two weeks ago.\n"
	found := false
	for _, p := range extract.Extract(text, nil) {
		if p.Actor.Name == "group" {
			t.Errorf("the group was not resolved: %+v", p)
		}
		found = found || p.Actor.Name == "Free Hills Movement" && strings.Contains(p.Statement, "withdrawn")
	}
	if !found {
		t.Error("no claim by the Free Hills Movement that its fighters had withdrawn")
	}
}

// TestHitBackAt: "The ruling Democratic Alliance hit back at the
// opposition, saying …" disputes the opposition's claim.
func TestHitBackAt(t *testing.T) {
	text := "Intro line here\n\nThe opposition People's Front alleged on Monday that ballot boxes in 40 polling stations had been stuffed with votes for the ruling party.\n\n" +
		"The ruling Democratic Alliance hit back at the opposition, saying the People's Front was \"preparing excuses for a defeat it saw coming\".\n"
	props := extract.Extract(text, nil)
	if len(props) != 2 || props[1].Answers != 0 || props[1].Relation != model.Disputes {
		t.Errorf("%+v", props)
	}
}

// TestOwnQuoteAfterOwnAnswer: a speaker's quotation right after the
// speaker's answer, in the same paragraph, answers the same claim.
func TestOwnQuoteAfterOwnAnswer(t *testing.T) {
	lead := "Intro line here\n\nProsecutors allege that Gregor Pashko received 2.3 million dinars through a consultancy run by his cousin.\n\n"
	props := extract.Extract(lead+"Pashko, who denies all the charges, said the consultancy had nothing to do with him. \"I learned about these contracts from the newspapers,\" he told the court.\n", nil)
	if len(props) != 3 || props[2].Answers != 0 {
		t.Errorf("%+v", props)
	}
}

// TestDeniedAfterReport: "X has denied wrongdoing after a rights group said
// …" is a claim by the group and X's denial of it; "Marlow & Finch" after
// its description is one name.
func TestDeniedAfterReport(t *testing.T) {
	text := "Intro line here\n\nKESSEL - The clothing retailer Marlow & Finch has denied wrongdoing after a rights group said workers at one of its suppliers were forced to work up to 16 hours a day.\n"
	props := extract.Extract(text, nil)
	if len(props) != 2 || props[0].Actor.Name != "Marlow & Finch" || props[0].Answers != 1 || props[1].Actor.Name != "rights group" {
		t.Errorf("%+v", props)
	}
}
