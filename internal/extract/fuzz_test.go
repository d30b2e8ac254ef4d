package extract_test

import (
	"testing"
	"time"
	"unicode/utf8"

	"claims/internal/extract"
)

// FuzzExtract checks that any text gives proposals whose quotes are the
// text at their offsets and whose answers point inside the slice, without
// panicking.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"",
		"\"",
		"“,” said",
		"Ruritania has accused Borduria of shelling villages, an allegation that Szohod has denied.",
		"All three have since denied these charges.",
		"X said: “",
		", which the police deny.",
		"The company, however, rejected that suggestion; it said nothing.",
		"A, B, and C said that D. Both denied it. They rejected the claims by E that F.",
		"Mr. A. B. C. said. D accused of. E urged to. According to ,",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		var props []extract.Proposal
		done := make(chan bool, 1)
		go func() { props = extract.Extract(text, knownActors); done <- true }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Extract(%q) takes more than 5 s", text)
		}
		for i, p := range props {
			if p.Start < 0 || p.End > len(text) || p.Start > p.End || text[p.Start:p.End] != p.Quote {
				t.Fatalf("proposal %d: quote %q not at %d:%d", i, p.Quote, p.Start, p.End)
			}
			if p.Answers >= len(props) || p.Answers == i || (p.Answers >= 0) != (p.Relation != "") {
				t.Fatalf("proposal %d: answers %d with relation %q", i, p.Answers, p.Relation)
			}
			if p.Statement == "" {
				t.Fatalf("proposal %d without statement: %+v", i, p)
			}
		}
		for _, s := range extract.Sentences(text) {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("bad sentence span %+v", s)
			}
		}
	})
}
