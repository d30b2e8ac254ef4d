package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claims/internal/db"
)

// A made-up article: an accusation with a denial in the same sentence, a
// charge denied by three parties, and a plain fact.
const testArticle = `Border talks

Ruritania has accused Borduria of shelling three villages in May, an allegation that Szohod has denied.
The river flooded two towns last week.
Opposition leader Anna Kovacs claimed that Strelsau was working with the army and the courts to delay the vote. All three have since denied these charges.
`

func newDB(t *testing.T, sample bool) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.db")
	args := []string{"init", "--db", path}
	if sample {
		args = append(args, "--sample")
	}
	if code, out, errOut := runCLI(t, args...); code != 0 {
		t.Fatalf("init: %d %s %s", code, out, errOut)
	}
	return path
}

func writeArticle(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExtractPrintsProposalsWithoutSaving(t *testing.T) {
	dbPath := newDB(t, false)
	art := writeArticle(t, "border.txt", testArticle)
	code, out, errOut := runCLI(t, "extract", "--db", dbPath, art)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var denials, claims int
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 5 {
			t.Fatalf("line has %d fields, want 5: %q", len(f), l)
		}
		if f[4] == "" || !strings.Contains(testArticle, f[4]) {
			t.Errorf("quote %q is not verbatim from the article", f[4])
		}
		switch f[2] {
		case "denies":
			denials++
			if f[3] == "" {
				t.Errorf("denial without counter-actor: %q", l)
			}
		case "":
			claims++
		default:
			t.Errorf("unexpected relation %q", f[2])
		}
	}
	if claims != 2 || denials != 4 {
		t.Errorf("got %d claims and %d denials, want 2 and 4:\n%s", claims, denials, out)
	}
	if !strings.Contains(out, "Ruritania\tBorduria shelled three villages in May.\t\t\t") {
		t.Errorf("accusation line missing:\n%s", out)
	}
	if !strings.Contains(out, "Szohod\tSzohod denies that Borduria shelled three villages in May.\tdenies\tRuritania\tan allegation that Szohod has denied") {
		t.Errorf("denial line missing:\n%s", out)
	}
	// Nothing saved.
	if _, list, _ := runCLI(t, "list", "--db", dbPath); list != "" {
		t.Errorf("extract without --save stored claims:\n%s", list)
	}
}

func TestExtractSave(t *testing.T) {
	dbPath := newDB(t, false)
	art := writeArticle(t, "border-talks.md", "# Border talks\n\n"+strings.TrimPrefix(testArticle, "Border talks\n"))
	code, _, errOut := runCLI(t, "extract", "--db", dbPath, "--save", art)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "saved 6 claims and 4 links") {
		t.Errorf("stderr = %q", errOut)
	}
	st, err := db.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	srcs, err := st.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 1 || srcs[0].Title != "border-talks.md" || srcs[0].URL != "" || srcs[0].Outlet != "" || srcs[0].Published != "" {
		t.Fatalf("sources = %+v", srcs)
	}
	full, err := st.Source(ctx, srcs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(full.Text, "Ruritania has accused Borduria") || strings.Contains(full.Text, "#") {
		t.Errorf("source text not the article's plain text: %q", full.Text)
	}
	claims, err := st.ListClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var kovacs, ruritania bool
	for _, c := range claims {
		if c.SourceID != srcs[0].ID {
			t.Errorf("claim %q not linked to the source", c.Statement)
		}
		switch c.ActorName {
		case "Anna Kovacs":
			kovacs = c.CounterCount == 3
		case "Ruritania":
			ruritania = c.CounterCount == 1 && len(c.CounterActors) == 1 && c.CounterActors[0] == "Szohod"
		}
	}
	if !kovacs || !ruritania {
		t.Errorf("counter-claims not linked: %+v", claims)
	}
	a, err := st.FindActor(ctx, "Anna Kovacs")
	if err != nil || a.Kind != "person" {
		t.Errorf("new actor Anna Kovacs: %+v, %v", a, err)
	}

	// Saving the same article again warns about the duplicates.
	code, _, errOut = runCLI(t, "extract", "--db", dbPath, "--save", art)
	if code != 0 {
		t.Fatalf("second save exit %d: %s", code, errOut)
	}
	if n := strings.Count(errOut, "looks like existing claim"); n < 6 {
		t.Errorf("second save warned %d times, want at least 6:\n%s", n, errOut)
	}
}

func TestExtractMatchesKnownActorsAndWarnsAboutSampleDuplicates(t *testing.T) {
	dbPath := newDB(t, true)
	text := "Islamabad has accused Kabul of planning a suicide bombing that killed five Chinese engineers and their Pakistani driver in March."
	var out, errOut bytes.Buffer
	stdin = strings.NewReader(text)
	defer func() { stdin = os.Stdin }()
	code := run([]string{"extract", "--db", dbPath, "--save", "-"}, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.HasPrefix(out.String(), "Government of Pakistan\tKabul planned a suicide bombing") {
		t.Errorf("stdout = %q", out.String())
	}
	if !strings.Contains(errOut.String(), "looks like existing claim sample-claim-pk-bombing") {
		t.Errorf("no duplicate warning for the sample bombing claim:\n%s", errOut.String())
	}
	if !strings.Contains(errOut.String(), `"Article from standard input"`) || strings.Contains(errOut.String(), "new actors") {
		t.Errorf("stderr = %s", errOut.String())
	}
}

// A quotation whose speaker the rules cannot ground is printed with no
// actor and left out of --save.
func TestExtractSaveLeavesOutProposalsWithoutActor(t *testing.T) {
	dbPath := newDB(t, false)
	art := writeArticle(t, "unsure.txt", "The minister met the mayor on Monday.\n\nHe accused the council of hiding the report from the auditors.\n")
	code, out, errOut := runCLI(t, "extract", "--db", dbPath, "--save", art)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "\tThe council hid the report from the auditors.") {
		t.Errorf("stdout = %q, want the quotation with an empty actor", out)
	}
	if !strings.Contains(errOut, "1 proposals have no actor") || !strings.Contains(errOut, "nothing saved") {
		t.Errorf("stderr = %q", errOut)
	}
	if _, list, _ := runCLI(t, "list", "--db", dbPath); list != "" {
		t.Errorf("a proposal without an actor was saved:\n%s", list)
	}
}

func TestExtractErrors(t *testing.T) {
	dbPath := newDB(t, false)
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"extract", "a.txt"}, 2, "--db PATH is required"},
		{[]string{"extract", "--db", dbPath}, 2, "give one article file"},
		{[]string{"extract", "--db", dbPath, "a.txt", "b.txt"}, 2, "give one article file"},
		{[]string{"extract", "--db", dbPath, filepath.Join(dir, "missing.txt")}, 1, "unable to read the article"},
		{[]string{"extract", "--db", filepath.Join(dir, "none.db"), writeArticle(t, "a.txt", testArticle)}, 1, "claims init"},
	} {
		code, _, errOut := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.says) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.says)
		}
	}
}
