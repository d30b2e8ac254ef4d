package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"claims/internal/claimreview"
	"claims/internal/csvio"
	"claims/internal/db"
	"claims/internal/model"
)

// Export formats as the export dialog names them.
const (
	fmtClaims      = "Claims CSV — one row per claim (imports back)"
	fmtPairs       = "Contradictions CSV — one row per claim and counter-claim"
	fmtClaimReview = "ClaimReview JSON-LD — reviewed claims, for publishing"
)

// exportFormats maps the dialog's choices to file names and writers.
var exportFormats = []struct {
	label, file string
}{
	{fmtClaims, "claims.csv"},
	{fmtPairs, "contradictions.csv"},
	{fmtClaimReview, "claimreview.json"},
}

// exportTo writes the database in the chosen format to w. It reads one
// consistent snapshot, so edits made meanwhile are either all in or all out.
func exportTo(ctx context.Context, st *db.Store, format string, bom bool, org claimreview.Org, w io.Writer) error {
	_, err := exportListed(ctx, st, format, bom, org, nil, w)
	return err
}

// exportListed writes the claims whose ids are listed (every claim when
// listed is nil) in the chosen format to w, and says how many claims, or
// contradictions for the pairs shape, it wrote. The claims shape writes
// the rows of the listed claims; the pairs shape, the pairs with a listed
// claim on either side; ClaimReview, the listed claims that have a
// verdict, with the claims they are linked to (a denial is written about
// the claim it denies).
func exportListed(ctx context.Context, st *db.Store, format string, bom bool, org claimreview.Org, listed []string, w io.Writer) (int, error) {
	snap, err := st.Snapshot(ctx)
	if err != nil {
		return 0, err
	}
	var keep map[string]bool
	if listed != nil {
		keep = make(map[string]bool, len(listed))
		for _, id := range listed {
			keep[id] = true
		}
	}
	opt := csvio.WriteOptions{BOM: bom}
	switch format {
	case fmtClaims, fmtPairs:
		var buf bytes.Buffer
		var out io.Writer = &buf
		if keep == nil {
			out = w
		}
		cols := []string{string(csvio.FID)}
		if format == fmtClaims {
			err = csvio.WriteClaims(out, snap, opt)
		} else {
			cols = []string{"claim id", "counter-claim id"}
			err = csvio.WritePairs(out, snap, opt)
		}
		if err != nil {
			return 0, err
		}
		if keep == nil {
			if format == fmtClaims {
				return len(snap.Claims), nil
			}
			n := 0
			for _, l := range snap.Links {
				if l.Relation.Opposes() {
					n++
				}
			}
			return n, nil
		}
		return filterRecords(buf.Bytes(), cols, keep, w)
	case fmtClaimReview:
		if keep != nil {
			snap = keepClaims(snap, keep)
		}
		n := 0
		for _, c := range snap.Claims {
			if (keep == nil || keep[c.ID]) && c.Verdict != model.Unreviewed && c.Verdict != "" {
				n++
			}
		}
		return n, claimreview.Write(w, snap, org)
	}
	return 0, fmt.Errorf("unknown export format %q", format)
}

// keepClaims is the snapshot cut to the kept claims and the claims linked
// to them, with the links that touch a kept claim.
func keepClaims(s *db.Snapshot, keep map[string]bool) *db.Snapshot {
	with := make(map[string]bool, len(keep))
	var links []db.LinkInfo
	for _, l := range s.Links {
		if keep[l.FromID] || keep[l.ToID] {
			links = append(links, l)
			with[l.FromID], with[l.ToID] = true, true
		}
	}
	out := *s
	out.Claims = nil
	for _, c := range s.Claims {
		if keep[c.ID] || with[c.ID] {
			out.Claims = append(out.Claims, c)
		}
	}
	out.Links = links
	var notes []model.Annotation
	for _, n := range s.Notes {
		if keep[n.ClaimID] || with[n.ClaimID] {
			notes = append(notes, n)
		}
	}
	out.Notes = notes
	return &out
}

// filterRecords copies the CSV data to w, the header and the records one
// of whose columns named cols holds a kept id, byte for byte, and
// returns how many records it copied. The records are found by their
// quotes, as RFC 4180 has them: a line break inside quotes does not end
// one.
func filterRecords(data []byte, cols []string, keep map[string]bool, w io.Writer) (int, error) {
	records := splitRecords(data)
	if len(records) == 0 {
		return 0, nil
	}
	header := recordCells(bytes.TrimPrefix(records[0], []byte("\uFEFF")))
	var at []int
	for i, h := range header {
		if slices.Contains(cols, h) {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return 0, fmt.Errorf("the export has no column %q", strings.Join(cols, `" or "`))
	}
	var out bytes.Buffer
	out.Write(records[0])
	n := 0
	for _, rec := range records[1:] {
		cells := recordCells(rec)
		for _, i := range at {
			if i < len(cells) && keep[cells[i]] {
				out.Write(rec)
				n++
				break
			}
		}
	}
	_, err := w.Write(out.Bytes())
	return n, err
}

// splitRecords cuts CSV data into records, each with its line ending.
func splitRecords(data []byte) [][]byte {
	var recs [][]byte
	quoted := false
	start := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			quoted = !quoted
		case '\n':
			if !quoted {
				recs = append(recs, data[start:i+1])
				start = i + 1
			}
		}
	}
	if start < len(data) {
		recs = append(recs, data[start:])
	}
	return recs
}

// recordCells are the record's cells, unquoted.
func recordCells(rec []byte) []string {
	rec = bytes.TrimRight(rec, "\r\n")
	var cells []string
	var cell []byte
	quoted := false
	for i := 0; i < len(rec); i++ {
		c := rec[i]
		switch {
		case quoted && c == '"' && i+1 < len(rec) && rec[i+1] == '"':
			cell = append(cell, '"')
			i++
		case c == '"':
			quoted = !quoted
		case c == ',' && !quoted:
			cells = append(cells, string(cell))
			cell = cell[:0]
		default:
			cell = append(cell, c)
		}
	}
	return append(cells, string(cell))
}

// listedIDs are the ids of the claims the list shows, in its order, or
// nil when it shows every claim (no search and no filter).
func (m *mainWindow) listedIDs() []string {
	if m.found == nil || strings.TrimSpace(m.search.Text) == "" && m.filters.active() == 0 {
		return nil
	}
	ids := make([]string, m.found.Len())
	for i := range ids {
		ids[i] = m.found.Claim(i).ID
	}
	return ids
}

// export asks for a format and a file and exports what the list shows:
// every claim, or, with a search or a filter set, exactly the claims
// listed.
func (m *mainWindow) export() {
	m.detail.commitTags()
	showExport(m.win, m.st, m.listedIDs(), len(m.claims))
}

// showExport asks for a format and a file and exports the listed claims
// (all when listed is nil) of st.
func showExport(w fyne.Window, st *db.Store, listed []string, all int) *modal {
	formats := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		formats[i] = f.label
	}
	format := newKeySelect(formats, nil)
	format.SetSelected(fmtClaims)
	bom := newKeyCheck("Start with a byte order mark (for Excel)", nil)
	prefs := fyne.CurrentApp().Preferences()
	org := claimreview.Org{Name: prefs.String(prefOrgName), URL: prefs.String(prefOrgURL)}
	orgText := "Reviewing organisation: " + org.Name
	if org.Name == "" {
		orgText = "No reviewing organisation is set (Edit → Settings…); ClaimReviews will have no author."
	}
	orgLabel := wrapped(orgText)
	format.OnChanged = func(s string) {
		if s == fmtClaimReview {
			bom.Disable()
			orgLabel.Show()
		} else {
			bom.Enable()
			orgLabel.Hide()
		}
	}
	orgLabel.Hide()
	scope := fmt.Sprintf("Exports all %s claims of the database.", formatCount(all))
	if listed != nil {
		scope = fmt.Sprintf("Exports the %s claims the list shows (the search and the filters set), of %s.",
			formatCount(len(listed)), formatCount(all))
	}
	var md *modal
	next := func() {
		md.hide()
		chosen, withBOM := format.Selected, bom.Checked && format.Selected != fmtClaimReview
		name := "claims.csv"
		for _, f := range exportFormats {
			if f.label == chosen {
				name = f.file
			}
		}
		chooseFile(w, "Export to", chooseSave, "", name, nil, func(path string) {
			runExport(w, st, chosen, withBOM, org, listed, path)
		})
	}
	choose := newKeyButton("Choose file…", nil, next)
	choose.Importance = widget.HighImportance
	content := container.NewVBox(wrapped(scope), boldLabel("Format"), format, bom, orgLabel)
	md = newModal(w, "Export", content, next, nil, newKeyButton("Cancel", nil, func() { md.hide() }), choose)
	md.show(fyne.NewSize(600, 320))
	w.Canvas().Focus(format)
	return md
}

// runExport writes the export to path off the UI goroutine, through a
// temporary file renamed into place, so a failed export never leaves
// half a file; then it says where it wrote how much.
func runExport(w fyne.Window, st *db.Store, format string, bom bool, org claimreview.Org, listed []string, path string) {
	busy := newModal(w, "Exporting…", widget.NewProgressBarInfinite(), nil, func() {})
	busy.show(fyne.NewSize(360, 0))
	go func() {
		var n int
		err := csvio.WriteFileAtomic(path, func(out io.Writer) error {
			var err error
			n, err = exportListed(context.Background(), st, format, bom, org, listed, out)
			return err
		})
		fyne.Do(func() {
			busy.hide()
			if err != nil {
				log.Printf("export to %s: %v", path, err)
				inform(w, "Export failed", "Nothing was written to "+path+".\n\n"+err.Error())
				return
			}
			what := fmt.Sprintf("%s claims", formatCount(n))
			switch format {
			case fmtPairs:
				what = fmt.Sprintf("%s contradictions (claim and counter-claim pairs)", formatCount(n))
			case fmtClaimReview:
				what = fmt.Sprintf("ClaimReviews of %s reviewed claims", formatCount(n))
			}
			inform(w, "Export finished", fmt.Sprintf("Exported %s to\n%s", what, path))
		})
	}()
}
