package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/sample"
)

// TestImportListsLikelyDuplicates: importing a spreadsheet whose first row
// repeats a sample claim shows, when the import is done, that row's line
// and the recorded claim it looks like; "Open recorded" and "Open new"
// open either claim. The unrelated row is not listed.
func TestImportListsLikelyDuplicates(t *testing.T) {
	test.NewTempApp(t)
	st, err := db.Open(filepath.Join(t.TempDir(), "claims.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := sample.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	csv := "statement,actor\n" +
		"\"Afghanistan planned the March suicide bombing that killed five Chinese engineers\",Government of Pakistan\n" +
		"The city council approved a new budget for road repairs,City council\n"
	done := make(chan struct{}, 1)
	d := newImportDialog(w, st, "partner.csv", []byte(csv), func() { done <- struct{}{} })
	var opened []string
	d.open = func(id string) { opened = append(opened, id) }
	d.show()
	d.start()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the import did not finish")
	}
	if len(d.result) != 1 || d.result[0].Matches[0].Claim.ID != "sample-claim-pk-bombing" {
		t.Fatalf("likely duplicates %+v, want the first row like the bombing claim", d.result)
	}
	top := w.Canvas().Overlays().Top()
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"1 of the 2 new claims looks like", "Line 2: “Afghanistan planned", "looks like Government of Pakistan: “Afghanistan planned the March suicide bombing in Pakistan"} {
		if !strings.Contains(all, want) {
			t.Errorf("the result does not say %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "city council") {
		t.Errorf("the unrelated row is listed:\n%s", all)
	}
	test.Tap(findButton(top, "Open recorded"))
	if len(opened) != 1 || opened[0] != "sample-claim-pk-bombing" {
		t.Errorf("Open recorded opened %v", opened)
	}
	if w.Canvas().Overlays().Top() == top {
		t.Error("the result stays open after opening a claim")
	}
}
