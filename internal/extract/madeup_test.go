package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claims/internal/extract"
)

// The articles in testdata/madeup were written for these tests in the
// style of wire reports; they are not real and not from the seeds. Each
// case lists the claim–counter-claim pairs a reviewer would expect, as
// "counter actor → claim actor" (a "|" gives other names a party goes
// by). Precision first: every pair proposed must be one of them; the
// figures for the ones found are logged.
func TestMadeUpArticlePairs(t *testing.T) {
	found, total := 0, 0
	for _, tt := range []struct {
		file  string
		pairs []string
	}{
		{"border-troops.txt", []string{"Turkey → report"}},
		{"heatwave.txt", []string{"opposition → energy minister"}},
		{"port-bribes.txt", []string{"Alan Brooks → indictment", "Maria Chen → indictment", "government → Sam Kariuki"}},
		{"drone-strike.txt", []string{"James Miller → Ahmad Wali", "government → Taliban", "government → Taliban"}},
		{"flood-council.txt", []string{"council → Residents of Millbrook", "Mark Hughes → Unnamed accuser"}},
		{"oil-depot.txt", []string{"Russia → Ukraine's military intelligence agency"}},
		{"doping-ban.txt", []string{"Lena Ortiz → Athletics Integrity Unit (AIU)", "laboratory → Marcus Bell"}},
		{"hacking-sanctions.txt", []string{"China → United Kingdom|Britain|Oliver Dowden"}},
		{"ceasefire-talks.txt", []string{"Hamas → Israel", "Benjamin Netanyahu → Osama Hamdan"}},
		{"data-fine.md", nil},
		{"trial-data.txt", []string{"Medixa Labs → former researcher at Medixa Labs|Helen Ward", "Medixa Labs → former researcher at Medixa Labs|Helen Ward", "Medixa Labs → Thomas Reyes"}},
		{"mine-collapse.html", []string{"Goldreef Mining → Union leaders", "Goldreef Mining → Union leaders", "Goldreef Mining → Local residents"}},
		{"election.txt", []string{"Independent Electoral Commission (IEC) → main opposition party|Daniel Mwangi", "Peter Otieno → main opposition party",
			"Police → Rights groups", "government → Unnamed accuser"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "madeup", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			text := extract.Plain(tt.file, b)
			props := extract.Extract(text, nil)
			left := append([]string(nil), tt.pairs...)
			for _, p := range props {
				if text[p.Start:p.End] != p.Quote {
					t.Errorf("quote %q is not verbatim at %d:%d", p.Quote, p.Start, p.End)
				}
				if !p.IsCounter() {
					continue
				}
				got := p.Actor.Name + " → " + props[p.Answers].Actor.Name
				k := matchPair(left, p.Actor.Name, props[p.Answers].Actor.Name)
				if k < 0 {
					t.Errorf("wrong pair %q (%q answering %q)", got, p.Statement, props[p.Answers].Statement)
					continue
				}
				left = append(left[:k], left[k+1:]...)
				found++
			}
			total += len(tt.pairs)
		})
	}
	t.Logf("pairs found: %d of %d", found, total)
}

// matchPair finds the expected pair "counter → claim" that the actors
// match, names compared loosely (one holds the other, ignoring case), or -1.
func matchPair(want []string, counter, claim string) int {
	loose := func(names, got string) bool {
		g := strings.ToLower(got)
		for _, n := range strings.Split(names, "|") {
			n = strings.ToLower(strings.TrimSpace(n))
			if g != "" && (strings.Contains(g, n) || strings.Contains(n, g)) {
				return true
			}
		}
		return false
	}
	for i, w := range want {
		c, k, _ := strings.Cut(w, " → ")
		if loose(c, counter) && loose(k, claim) {
			return i
		}
	}
	return -1
}
