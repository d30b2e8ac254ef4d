package csvio_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"claims/internal/csvio"
	"claims/internal/csvio/csviotest"
	"claims/internal/db"
	"claims/internal/model"
)

// liar is a few rows shaped like the PolitiFact LIAR data set: no header;
// id, label, statement, subjects, speaker (a slug), job, state, party, five
// counts, context.
const liar = "11.json\tfalse\tSays the county cut school funding by a third.\teducation,budget\tjane-doe\tSenator\tTexas\tdemocrat\t0\t1\t0\t0\t0\ta mailer\n" +
	"12.json\thalf-true\tUnemployment fell faster here than anywhere else.\tjobs,economy\trick-perry\tGovernor\tTexas\trepublican\t1\t0\t0\t0\t0\ta speech\n" +
	"13.json\tpants-fire\tThe new bridge will cost ten billion dollars.\ttransportation\tjohn-smith\tMayor\tOhio\trepublican\t0\t0\t0\t0\t0\ta debate\n"

func importFile(t *testing.T, ctx context.Context, st *db.Store, data string, opt csvio.Options) (csvio.Result, error) {
	t.Helper()
	b, err := csvio.Read(strings.NewReader(data), opt)
	if err != nil {
		return csvio.Result{}, err
	}
	return csvio.Import(ctx, st, b, nil)
}

// state is every claim's fields, tags and source title, by statement.
func state(t *testing.T, st *db.Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	list, err := st.ListClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range list {
		full, err := st.Claim(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		out[c.Statement] = fmt.Sprintf("%s|%s|%v|%s|%s|%s", c.ActorName, full.Verdict, full.Tags, c.SourceTitle, full.MadeOn, full.Review.URL)
	}
	return out
}

// The LIAR scenario: a full import, a reviewer's verdict, then the same
// file again with only statement and speaker mapped: nothing the second
// import was not asked about changes. Undoing a later import restores the
// state after the first.
func TestReducedMappingTouchesNothingElse(t *testing.T) {
	st := csviotest.Open(t)
	ctx := db.WithOrigin(context.Background(), db.Origin{Reviewer: "importer", Via: "import of test.tsv"})
	full := csvio.Options{TSV: true, NoHeader: true, MapSpec: "statement=3,actor=5,verdict=2,tags=4,source-title=14"}
	res, err := importFile(t, ctx, st, liar, full)
	if err != nil {
		t.Fatal(err)
	}
	if res.ClaimsCreated != 3 || res.SourcesCreated != 3 {
		t.Fatalf("first import: %v", res)
	}
	list, _ := st.ListClaims(ctx)
	var perry model.ClaimSummary
	for _, c := range list {
		if c.ActorName == "rick-perry" {
			perry = c
		}
	}
	if err := st.SetVerdict(db.WithOrigin(ctx, db.Origin{Reviewer: "Ayesha", Via: "window"}), perry.ID, model.False); err != nil {
		t.Fatal(err)
	}
	before := state(t, st)

	reduced := csvio.Options{TSV: true, NoHeader: true, MapSpec: "statement=3,actor=5"}
	res, err = importFile(t, ctx, st, liar, reduced)
	if err != nil {
		t.Fatal(err)
	}
	if res.ClaimsUnchanged != 3 || res.ClaimsUpdated != 0 || res.ClaimsCreated != 0 {
		t.Errorf("second import: %v", res)
	}
	if after := state(t, st); !mapsEqual(after, before) {
		t.Errorf("a reduced mapping changed the database:\nbefore %v\nafter  %v", before, after)
	}

	// A third import brings a new speaker spelled out ("Rick Perry" is the
	// slug's actor) and a date; undoing it restores the state before it.
	var set int64
	third := "Unemployment fell faster here than anywhere else.\tRick Perry\t2021-7-16\nA new claim.\tRick Perry\t2021-8-2\n"
	res, err = importFile(t, db.WithSetID(ctx, &set), st, third, csvio.Options{TSV: true, NoHeader: true, MapSpec: "statement=1,actor=2,date-made=3"})
	if err != nil {
		t.Fatal(err)
	}
	if res.ClaimsCreated != 1 || res.ClaimsUpdated != 1 || res.ActorsCreated != 0 {
		t.Errorf("third import (a slug-named speaker): %v", res)
	}
	if s := state(t, st)["Unemployment fell faster here than anywhere else."]; !strings.Contains(s, "2021-07-16") || !strings.Contains(s, "false") {
		t.Errorf("after the third import: %s", s)
	}
	if _, err := st.Undo(ctx, set); err != nil {
		t.Fatal(err)
	}
	if after := state(t, st); !mapsEqual(after, before) {
		t.Errorf("undo of the last import:\nwant %v\ngot  %v", before, after)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// One's own export, edited in a spreadsheet while a reviewer works in the
// app: the spreadsheet's edits apply, the app's stay, and a value both
// changed is a conflict that stops the import until --prefer settles it.
func TestSpreadsheetRoundTripWithConflicts(t *testing.T) {
	st := csviotest.Build(t)
	ctx := context.Background()
	file := exportClaims(t, st)

	// In the app, after the export: Bilal sets two verdicts and a quote.
	bilal := db.WithOrigin(ctx, db.Origin{Reviewer: "Bilal", Via: "window"})
	for id, v := range map[string]model.Verdict{csviotest.USDenial: model.True, csviotest.MilitaryDenial: model.Misleading} {
		if err := st.SetVerdict(bilal, id, v); err != nil {
			t.Fatal(err)
		}
	}
	// In the spreadsheet: the military denial's verdict (a conflict), the
	// opponents' tags (an edit the app did not touch).
	edited := editCell(t, file, csviotest.MilitaryDenial, csvio.FVerdict, "false")
	edited = editCell(t, edited, csviotest.OpponentsDeny, csvio.FTags, "vote\nconstitution")
	before := state(t, st)

	_, err := importBytes(t, st, edited, csvio.Options{})
	var ce *csvio.ConflictError
	if !errors.As(err, &ce) || len(ce.Conflicts) != 1 {
		t.Fatalf("import over a conflicting edit: %v", err)
	}
	c := ce.Conflicts[0]
	if c.ClaimID != csviotest.MilitaryDenial || c.Field != "verdict" || c.Stored != "misleading" || c.File != "false" ||
		c.StoredBy.Reviewer != who(st, "Bilal") || c.Line == 0 {
		t.Errorf("conflict = %+v", c)
	}
	// The message names who changed what; how to settle it is the
	// caller's to say (the CLI names --prefer, the window has buttons).
	if !strings.Contains(err.Error(), who(st, "Bilal")) || !strings.Contains(err.Error(), `stored "misleading"`) || strings.Contains(err.Error(), "--prefer") {
		t.Errorf("message: %v", err)
	}
	if after := state(t, st); !mapsEqual(after, before) {
		t.Error("a refused import changed the database")
	}

	for _, tt := range []struct {
		prefer, want string
	}{{csvio.PreferDB, "misleading"}, {csvio.PreferFile, "false"}} {
		t.Run(tt.prefer, func(t *testing.T) {
			st := csviotest.Build(t)
			for id, v := range map[string]model.Verdict{csviotest.USDenial: model.True, csviotest.MilitaryDenial: model.Misleading} {
				if err := st.SetVerdict(bilal, id, v); err != nil {
					t.Fatal(err)
				}
			}
			res, err := importBytes(t, st, edited, csvio.Options{Prefer: tt.prefer})
			if err != nil {
				t.Fatal(err)
			}
			mil, _ := st.Claim(ctx, csviotest.MilitaryDenial)
			us, _ := st.Claim(ctx, csviotest.USDenial)
			opp, _ := st.Claim(ctx, csviotest.OpponentsDeny)
			if string(mil.Verdict) != tt.want || us.Verdict != model.True || !slices.Equal(opp.Tags, []string{"vote", "constitution"}) {
				t.Errorf("military %s, US %s (the app's, kept), opponents' tags %v (the spreadsheet's)", mil.Verdict, us.Verdict, opp.Tags)
			}
			if len(res.Kept) != 1 || res.Kept[0].ClaimID != csviotest.USDenial || len(res.Conflicts) != 1 || res.Conflicts[0].Settled != tt.prefer {
				t.Errorf("result lists kept %v and conflicts %v", res.Kept, res.Conflicts)
			}
		})
	}

	// The window settles conflicts one by one.
	res, err := importBytes(t, st, edited, csvio.Options{Decide: map[csvio.ConflictKey]string{c.Key(): csvio.PreferFile}})
	if err != nil || res.Conflicts[0].Settled != "file" {
		t.Fatalf("decided conflict: %v %v", res, err)
	}
	if mil, _ := st.Claim(ctx, csviotest.MilitaryDenial); mil.Verdict != model.False {
		t.Errorf("military verdict %s", mil.Verdict)
	}
}

// editCell changes one cell of the claims export: the row of claim id,
// the column col.
func editCell(t *testing.T, file []byte, id string, col csvio.Field, value string) []byte {
	t.Helper()
	tab, err := csvio.ReadTable(bytes.NewReader(file), csvio.Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	ci := slices.Index(tab.Header, string(col))
	found := false
	for _, r := range tab.Rows {
		if r[0] == id {
			r[ci], found = value, true
		}
	}
	if !found {
		t.Fatalf("no row %s", id)
	}
	var b bytes.Buffer
	w := csvio.NewRecordWriter(&b)
	w.Write(tab.Header)
	for _, r := range tab.Rows {
		w.Write(r)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// An older export, without the review columns, still imports as the app's
// own file and leaves the review fields alone; a newer one writes them.
func TestReviewColumns(t *testing.T) {
	st := csviotest.Build(t)
	ctx := context.Background()
	c, _ := st.Claim(ctx, csviotest.KhanCharge)
	c.Review = model.Review{URL: "https://example.org/fact-check/khan", Explanation: "No document shows a plan.", Published: "2022-04-20"}
	if err := st.UpdateClaim(ctx, &c); err != nil {
		t.Fatal(err)
	}
	file := exportClaims(t, st)
	tab, _ := csvio.ReadTable(bytes.NewReader(file), csvio.Options{}, 0)
	var old bytes.Buffer
	w := csvio.NewRecordWriter(&old)
	drop := []int{slices.Index(tab.Header, "review url"), slices.Index(tab.Header, "rating explanation"), slices.Index(tab.Header, "review date")}
	for _, r := range append([][]string{tab.Header}, tab.Rows...) {
		var keep []string
		for i, cell := range r {
			if !slices.Contains(drop, i) {
				keep = append(keep, cell)
			}
		}
		w.Write(keep)
	}
	w.Flush()
	b, err := csvio.Read(&old, csvio.Options{})
	if err != nil || !b.Native {
		t.Fatalf("an export without the review columns: native %v, %v", b != nil && b.Native, err)
	}
	if res, err := csvio.Import(ctx, st, b, nil); err != nil || res.ClaimsUnchanged != 8 {
		t.Fatalf("importing it: %v %v", res, err)
	}
	if got, _ := st.Claim(ctx, csviotest.KhanCharge); got.Review != c.Review {
		t.Errorf("review after an import without its columns: %+v", got.Review)
	}
	// Into an empty database, the full export brings the review along.
	st2 := csviotest.Open(t)
	if _, err := importBytes(t, st2, file, csvio.Options{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := st2.Claim(ctx, csviotest.KhanCharge); got.Review != c.Review {
		t.Errorf("review after a round trip: %+v", got.Review)
	}
}

// Rows without ids merge only where source and date agree; those that
// still merge are listed by line.
func TestRowsWithoutIDsMergeOnlyWhenNothingTellsThemApart(t *testing.T) {
	st := csviotest.Open(t)
	ctx := context.Background()
	data := "statement,speaker,rating,date\n" +
		"Crime is up 50 percent.,rick-perry,false,2011-05-01\n" +
		"Crime is up 50 percent.,rick-perry,half-true,2013-02-11\n" + // another ruling, another date
		"Taxes never rose.,rick-perry,false,\n" +
		"TAXES NEVER ROSE.,rick-perry,mostly-false,\n" // nothing tells it apart
	res, err := importFile(t, ctx, st, data, csvio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.ClaimsCreated != 3 || len(res.Merged) != 1 || res.Merged[0].Line != 5 || res.Merged[0].Into != 4 ||
		!slices.Equal(res.Merged[0].Replaced, []string{"statement", "verdict"}) {
		t.Errorf("result %v, merged %+v", res, res.Merged)
	}
}

func TestImportFixesForRealFiles(t *testing.T) {
	ctx := context.Background()
	t.Run("every unknown label at once, no guess", func(t *testing.T) {
		st := csviotest.Open(t)
		data := "claim,claimant,rating\nA,X,Correct Attribution\nB,X,False.\nC,X,Misleading!\nD,X,Miscaptioned\nE,X,Correct Attribution\nF,X,Pants on Fire!\n"
		_, err := importFile(t, ctx, st, data, csvio.Options{})
		var ul *csvio.UnknownLabelsError
		if !errors.As(err, &ul) || len(ul.Labels) != 2 ||
			ul.Labels[0] != (csvio.UnknownLabel{Label: "Correct Attribution", Rows: 2, Line: 2}) ||
			ul.Labels[1] != (csvio.UnknownLabel{Label: "Miscaptioned", Rows: 1, Line: 5}) {
			t.Fatalf("unknown labels: %v", err)
		}
		if !strings.Contains(err.Error(), `"Correct Attribution=…;Miscaptioned=…"`) || !strings.Contains(err.Error(), "*=unreviewed") ||
			strings.Contains(err.Error(), "=false") {
			t.Errorf("the suggestion guesses or is missing: %v", err)
		}
		vm, _ := csvio.ParseVerdictMap("*=unreviewed")
		res, err := importFile(t, ctx, st, data, csvio.Options{Verdict: vm})
		if err != nil || res.ClaimsCreated != 6 {
			t.Fatalf("with *=unreviewed: %v %v", res, err)
		}
		got := state(t, st)
		if !strings.Contains(got["B"], "|false|") || !strings.Contains(got["C"], "|misleading|") || !strings.Contains(got["A"], "|unreviewed|") {
			t.Errorf("labels read as %v", got)
		}
	})
	t.Run("ISO dates without leading zeros, long tags", func(t *testing.T) {
		st := csviotest.Open(t)
		long := strings.Repeat("a long topic ", 16) // 208 characters
		data := "claim,claimant,date,tags\nA,X,2021-7-16,\"" + long + "\"\nB,X,2021-7,\n"
		if _, err := importFile(t, ctx, st, data, csvio.Options{}); err != nil {
			t.Fatal(err)
		}
		got := state(t, st)
		if !strings.Contains(got["A"], "2021-07-16") || !strings.Contains(got["B"], "2021-07") || !strings.Contains(got["A"], strings.TrimSpace(long)) {
			t.Errorf("got %v", got)
		}
	})
	t.Run("a first row that looks like data", func(t *testing.T) {
		b, err := csvio.Read(strings.NewReader(liar), csvio.Options{TSV: true, MapSpec: "statement=3,actor=5"})
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Warnings) != 1 || !strings.Contains(b.Warnings[0], "--no-header") {
			t.Errorf("warnings %q", b.Warnings)
		}
		b, _ = csvio.Read(strings.NewReader("statement,speaker,rating,date made\nA,X,false,2021-01-01\n"), csvio.Options{})
		if len(b.Warnings) != 0 {
			t.Errorf("a real header warned: %q", b.Warnings)
		}
	})
	t.Run("empty cells in another tool's file say nothing", func(t *testing.T) {
		st := csviotest.Open(t)
		if _, err := importFile(t, ctx, st, "claim,claimant,rating,tags\nA,X,false,crime\n", csvio.Options{}); err != nil {
			t.Fatal(err)
		}
		if _, err := importFile(t, ctx, st, "claim,claimant,rating,tags\nA,X,,\n", csvio.Options{}); err != nil {
			t.Fatal(err)
		}
		if got := state(t, st)["A"]; got != "X|false|[crime]|||" {
			t.Errorf("after a row with empty cells: %s", got)
		}
	})
}

// --skip-bad-rows: the good rows go in; the bad ones, and those that name
// them, are written with why, and import once mended.
func TestSkipBadRows(t *testing.T) {
	st := csviotest.Build(t)
	ctx := context.Background()
	file := string(exportClaims(t, csviotest.Build(t)))
	file = strings.ReplaceAll(file, "01HV00000000000000000000", "01HX00000000000000000000") // all new claims
	bad := editCell(t, []byte(file), "01HX0000000000000000000005", csvio.FMadeOn, "sometime")
	b, err := csvio.Read(bytes.NewReader(bad), csvio.Options{SkipBad: true})
	if err != nil {
		t.Fatal(err)
	}
	res, err := csvio.Import(ctx, st, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Row 5 is refused; Khan's charge names it as a counter-claim, so it is
	// refused too; the other six go in.
	if res.ClaimsCreated != 6 || len(b.Refused) != 2 {
		t.Fatalf("imported %v; refused %+v", res, b.Refused)
	}
	if !strings.Contains(b.Refused[0].Reason, "date made") && !strings.Contains(b.Refused[1].Reason, "date made") {
		t.Errorf("reasons: %+v", b.Refused)
	}
	var out bytes.Buffer
	if err := csvio.WriteRefused(&out, b, false); err != nil {
		t.Fatal(err)
	}
	mended := strings.Replace(out.String(), "sometime", "2022-04-11", 1)
	b2, err := csvio.Read(strings.NewReader(mended), csvio.Options{})
	if err != nil || !b2.Native {
		t.Fatalf("the refused rows' file does not read as the app's own: %v", err)
	}
	if res, err := csvio.Import(ctx, st, b2, nil); err != nil || res.ClaimsCreated != 2 || res.Links != 3 {
		t.Fatalf("importing the mended rows: %v %v", res, err)
	}
	// Without SkipBad the same file is refused whole.
	if _, err := importBytes(t, csviotest.Open(t), bad, csvio.Options{}); err == nil {
		t.Error("a bad row was accepted")
	}
}

// who is the name the history gives a reviewer: on a server, the user it
// authenticated, whatever name is typed.
func who(st *db.Store, typed string) string {
	if u := st.ServerUser(); u != "" {
		return u
	}
	return typed
}
