package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"claims/internal/claimreview"
	"claims/internal/csvio"
	"claims/internal/csvio/csviotest"
	"claims/internal/db"
	"claims/internal/model"
)

func TestExportToEachFormat(t *testing.T) {
	st := csviotest.Build(t)
	ctx := context.Background()
	snap, _ := st.Snapshot(ctx)
	var want bytes.Buffer
	csvio.WriteClaims(&want, snap, csvio.WriteOptions{BOM: true})
	for _, f := range exportFormats {
		var buf bytes.Buffer
		if err := exportTo(ctx, st, f.label, true, claimreview.Org{Name: "Desk"}, &buf); err != nil {
			t.Fatalf("%s: %v", f.label, err)
		}
		switch f.label {
		case fmtClaims:
			if !bytes.Equal(buf.Bytes(), want.Bytes()) {
				t.Error("the dialog's claims export differs from csvio's")
			}
		case fmtPairs:
			if !bytes.HasPrefix(buf.Bytes(), []byte("\uFEFFclaim id,")) {
				t.Errorf("pairs export starts %q", buf.String()[:20])
			}
		case fmtClaimReview:
			if !json.Valid(buf.Bytes()) {
				t.Error("ClaimReview export is not valid JSON")
			}
		}
	}
}

// TestImportDialogGuessesAndImports drives the mapping dialog's widgets on a
// header-less TSV: the header box is unticked, the columns chosen, and the
// import runs off the UI goroutine, calling onDone at the end.
func TestImportDialogGuessesAndImports(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefReviewer, "Test Reviewer")
	st := csviotest.Build(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	data, err := os.ReadFile(filepath.Join("..", "csvio", "testdata", "factchecks.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{}, 1)
	d := newImportDialog(w, st, "factchecks.tsv", data, func() { done <- struct{}{} })
	if !d.tsv.Checked || d.native {
		t.Fatalf("tsv %v native %v", d.tsv.Checked, d.native)
	}
	d.show()
	// The first row looks like data: the dialog unticks the header box
	// itself, and says why.
	if d.header.Checked || len(d.table.Rows) != 5 || d.cell(0, 1) != "2" || !strings.HasPrefix(d.cell(1, 1), "Synthetic claim one") ||
		!strings.Contains(d.status.Text, "looks like data") {
		t.Fatalf("preview of a file without column names: %d rows, %q / %q, status %q", len(d.table.Rows), d.cell(0, 1), d.cell(1, 1), d.status.Text)
	}
	// Without column names, each column is offered with its first value.
	if o := d.selects[csvio.FStatement].Options[2]; !strings.HasPrefix(o, "2: e.g. Synthetic claim one") {
		t.Errorf("column 2 is offered as %q, not with its first value", o)
	}
	for f, col := range map[csvio.Field]int{csvio.FStatement: 2, csvio.FActor: 3, csvio.FVerdict: 4, csvio.FMadeOn: 5, csvio.FNotes: 9} {
		d.selects[f].SetSelectedIndex(col) // option 0 is "(none)"
	}
	test.Type(d.verdicts, "Needs a look=unreviewed")
	opt, err := d.options()
	if err != nil || opt.NoteAuthor != "Test Reviewer" {
		t.Fatalf("options %+v %v", opt, err)
	}
	d.start()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the import did not finish")
	}
	claims, _ := st.ListClaims(context.Background())
	n := 0
	for _, c := range claims {
		if strings.HasPrefix(c.Statement, "Synthetic claim") {
			n++
		}
	}
	if n != 6 {
		t.Errorf("%d synthetic claims imported, want 6", n)
	}
}

func TestImportDialogGuessesFromHeader(t *testing.T) {
	test.NewTempApp(t)
	st := csviotest.Open(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	csv := "Claim,Claimant,Claim Date,Textual Rating,URL\n\"A claim, with a comma\",Someone,2024-03-01,Mostly False,https://example.org/x\n"
	d := newImportDialog(w, st, "sheet.csv", []byte(csv), nil)
	m := d.mapping()
	if m[csvio.FStatement] != 0 || m[csvio.FActor] != 1 || m[csvio.FMadeOn] != 2 || m[csvio.FVerdict] != 3 || m[csvio.FURL] != 4 {
		t.Errorf("guessed mapping %s", m)
	}
	res, err := importWork(context.Background(), st, []byte(csv), csvio.Options{Mapping: m}, nil)
	if err != nil || res.ClaimsCreated != 1 {
		t.Errorf("import %v %v", res, err)
	}
	// A cancelled import writes nothing.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := importWork(ctx, st, []byte(strings.Replace(csv, "A claim", "Another claim", 1)), csvio.Options{Mapping: m}, nil); err == nil {
		t.Error("a cancelled import succeeded")
	}
	claims, _ := st.ListClaims(context.Background())
	if len(claims) != 1 {
		t.Errorf("%d claims after a cancelled import, want 1", len(claims))
	}
}

func TestImportDialogRecognisesOwnExport(t *testing.T) {
	test.NewTempApp(t)
	src := csviotest.Build(t)
	var buf bytes.Buffer
	if err := exportTo(context.Background(), src, fmtClaims, false, claimreview.Org{}, &buf); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	d := newImportDialog(w, csviotest.Open(t), "claims.csv", buf.Bytes(), nil)
	if !d.native || d.tsv.Checked {
		t.Errorf("own export: native %v tsv %v", d.native, d.tsv.Checked)
	}
}

// TestImportDialogDateOrder: numeric dates that read both ways are refused
// until the reviewer picks an order in the dialog.
func TestImportDialogDateOrder(t *testing.T) {
	test.NewTempApp(t)
	st := csviotest.Open(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	csv := "statement,speaker,statement_date\nA claim,Someone,6/11/2008\n"
	d := newImportDialog(w, st, "sheet.csv", []byte(csv), nil)
	opt, err := d.options()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importWork(context.Background(), st, []byte(csv), opt, nil); err == nil || !strings.Contains(err.Error(), "could be day/month or month/day") {
		t.Fatalf("ambiguous date with the order left to the file: %v", err)
	}
	d.dates.SetSelected(datesDMY)
	if opt, err = d.options(); err != nil {
		t.Fatal(err)
	}
	if _, err := importWork(context.Background(), st, []byte(csv), opt, nil); err != nil {
		t.Fatal(err)
	}
	claims, _ := st.ListClaims(context.Background())
	if len(claims) != 1 || claims[0].MadeOn != "2008-11-06" {
		t.Errorf("claims after choosing day/month/year: %+v", claims)
	}
}

// An import over values changed in the app since the file was written
// lists each conflict; the person's choices settle them and the import
// runs again; the change set is the window's to undo.
func TestImportConflictsAreChosenInTheWindow(t *testing.T) {
	test.NewTempApp(t)
	st := csviotest.Build(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	ctx := context.Background()
	snap, _ := st.Snapshot(ctx)
	var file bytes.Buffer
	if err := csvio.WriteClaims(&file, snap, csvio.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	bilal := db.WithOrigin(ctx, db.Origin{Reviewer: "Bilal", Via: "window"})
	if err := st.SetVerdict(bilal, csviotest.MilitaryDenial, model.Misleading); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(file.String(), "The military denies taking sides in the no-confidence vote.,,Pakistan military,military,,actor-military,,source-denials,\"Denials, \"\"firm\"\" and otherwise\",,,,,unreviewed",
		"The military denies taking sides in the no-confidence vote.,,Pakistan military,military,,actor-military,,source-denials,\"Denials, \"\"firm\"\" and otherwise\",,,,,false", 1)
	if edited == file.String() {
		t.Fatal("the edit did not apply")
	}
	done := make(chan struct{}, 1)
	var sets []int64
	d := newImportDialog(w, st, "claims.csv", []byte(edited), func() { done <- struct{}{} })
	d.wrote = func(set int64) { sets = append(sets, set) }
	queue := make(chan func(), 64)
	d.do = func(fn func()) { queue <- fn }
	if !d.native {
		t.Fatal("not read as the app's own file")
	}
	// The test plays the UI goroutine: it runs what the import hands over
	// until the import is over (the progress dialog closes).
	runUI := func() {
		t.Helper()
		for {
			select {
			case fn := <-queue:
				fn()
				if top := topModal(w.Canvas()); top == nil || top.title != "Importing" {
					return
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the import did not finish")
			}
		}
	}
	d.start()
	runUI()
	if top := topModal(w.Canvas()); top == nil || top.title != "Changed on both sides" {
		t.Fatalf("no conflicts dialog on top")
	}
	text := ""
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			text += l.Text + "\n"
		}
	}
	if !strings.Contains(text, "Misleading") && !strings.Contains(text, "misleading") || !strings.Contains(text, "Bilal") {
		t.Errorf("the dialog does not show the stored value and who stored it:\n%s", text)
	}
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Take every file value"))
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Import with these choices"))
	runUI()
	select {
	case <-done:
	default:
		t.Fatal("the import did not finish")
	}
	if c, _ := st.Claim(ctx, csviotest.MilitaryDenial); c.Verdict != model.False {
		t.Errorf("verdict after taking the file's: %s", c.Verdict)
	}
	if len(sets) != 1 {
		t.Errorf("the window was told of %v change sets, want the import's one", sets)
	}
}
