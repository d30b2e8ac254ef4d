package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"claims/internal/csvio"
	"claims/internal/db"
	"claims/internal/dedupe"
)

// importFile asks for a CSV or TSV file and imports it into the window's
// database as one change set (Edit → Undo reverts it), then reloads the
// views; the result lists likely duplicates to open.
func (m *mainWindow) importFile() {
	if m.rec.readOnly {
		inform(m.win, "Cannot import", errReadOnly.Error())
		return
	}
	w, st := m.win, m.st
	chooseFile(w, "Import a CSV or TSV file", chooseOpen, "", "", []string{".csv", ".tsv", ".tab", ".txt"}, func(path string) {
		go func() {
			data, err := os.ReadFile(path)
			fyne.Do(func() {
				if err != nil {
					inform(w, "Import failed", fmt.Sprintf("%s could not be read: %v", path, err))
					return
				}
				d := newImportDialog(w, st, filepath.Base(path), data, m.changed)
				d.path = path
				d.open = m.openClaim
				d.origin, d.wrote = m.origin(), m.wrote
				if d.native {
					d.start() // the app's own export needs no mapping
					return
				}
				d.show()
			})
		}()
	})
}

// mappedFields are the fields the mapping dialog offers, in its order.
var mappedFields = []csvio.Field{
	csvio.FStatement, csvio.FActor, csvio.FVerdict, csvio.FQuote, csvio.FMadeOn, csvio.FSourceTitle,
	csvio.FOutlet, csvio.FURL, csvio.FPublished, csvio.FTags, csvio.FNotes, csvio.FSubjects,
	csvio.FReviewURL, csvio.FExplanation, csvio.FReviewedOn, csvio.FActorKind, csvio.FID, csvio.FCounterIDs,
}

const noColumn = "(none)"

// The choices for reading numeric dates.
const (
	datesAuto = "work out from the file"
	datesMDY  = "month/day/year (11 June)"
	datesDMY  = "day/month/year (6 November)"
)

// importDialog maps another tool's columns onto fields, previews the
// first rows and runs the import.
type importDialog struct {
	w      fyne.Window
	st     *db.Store
	name   string
	path   string // the file's full path ("" in tests)
	data   []byte
	onDone func()
	open   func(id string) // selects a claim in the window; nil in tests

	native   bool // the app's own claims export
	tsv      *keyCheck
	header   *keyCheck
	selects  map[csvio.Field]*keySelect
	form     *widget.Form
	preview  *widget.Table
	verdicts *keyEntry
	unknown  *keyCheck
	dates    *keySelect // how numeric dates such as 6/11/2008 read
	status   *widget.Label
	table    *csvio.Table
	dlg      *modal
	result   []dedupe.Report // the likely duplicates the last import found
	// origin signs the import's change set; wrote is told its number
	// (for Edit → Undo). decide settles the conflicts the person chose on.
	origin context.Context
	wrote  func(set int64)
	decide map[csvio.ConflictKey]string
	warned bool // the header's warning was acted on once
	// do hands the import's progress and result to the UI goroutine:
	// fyne.Do, or, in tests, a queue the test drains.
	do func(func())
}

func newImportDialog(w fyne.Window, st *db.Store, name string, data []byte, onDone func()) *importDialog {
	d := &importDialog{w: w, st: st, name: name, data: data, onDone: onDone, selects: map[csvio.Field]*keySelect{}, do: fyne.Do}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	d.tsv = newKeyCheck("Tab-separated", func(bool) { d.reload() })
	d.tsv.Checked = csvio.LooksTabSeparated(name, head)
	d.header = newKeyCheck("First row holds column names", func(bool) { d.reload() })
	d.header.Checked = true
	d.form = widget.NewForm()
	for _, f := range mappedFields {
		d.selects[f] = newKeySelect(nil, nil)
		d.form.Append(string(f), d.selects[f])
	}
	d.verdicts = newKeyMultiLineEntry()
	d.verdicts.SetPlaceHolder("Rating labels this file uses, one per line:\nFour Pinocchios=false")
	d.verdicts.SetMinRowsVisible(3)
	d.unknown = newKeyCheck("Import unknown rating labels as unreviewed", nil)
	d.dates = newKeySelect([]string{datesAuto, datesMDY, datesDMY}, nil)
	d.dates.SetSelected(datesAuto)
	d.status = widget.NewLabel("")
	d.status.Wrapping = fyne.TextWrapWord
	d.preview = widget.NewTable(
		func() (int, int) {
			if d.table == nil {
				return 0, 0
			}
			rows, cols := len(d.table.Rows), len(d.table.Header)
			if len(d.table.Rows) > 0 {
				cols = len(d.table.Rows[0])
			}
			return rows + 1, cols
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(d.cell(id.Row, id.Col))
		})
	d.reload()
	return d
}

// cell is the preview's text: row 0 the column names, then data rows.
func (d *importDialog) cell(row, col int) string {
	if d.table == nil {
		return ""
	}
	var s string
	if row == 0 {
		s = strconv.Itoa(col + 1)
		if d.table.Header != nil && col < len(d.table.Header) {
			s += ": " + d.table.Header[col]
		}
	} else if row-1 < len(d.table.Rows) && col < len(d.table.Rows[row-1]) {
		s = d.table.Rows[row-1][col]
	}
	s = strings.ReplaceAll(s, "\n", " ⏎ ")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return s
}

// reload reads the first rows again (after a separator or header change)
// and guesses the mapping from the header.
func (d *importDialog) reload() {
	opt := csvio.Options{TSV: d.tsv.Checked, NoHeader: !d.header.Checked}
	t, err := csvio.ReadTable(bytes.NewReader(d.data), opt, 5)
	if err != nil {
		d.table = nil
		d.status.SetText("This file cannot be read this way: " + err.Error())
	} else {
		d.table = t
		d.status.SetText("")
	}
	var header []string
	cols := 0
	if t != nil {
		header = t.Header
		cols = len(header)
		if len(t.Rows) > 0 {
			cols = len(t.Rows[0])
		}
	}
	d.native = t != nil && !opt.NoHeader && csvio.IsClaimsHeader(header)
	if w := ""; t != nil && !opt.NoHeader && !d.native && !d.warned {
		if w = csvio.HeaderLooksLikeData(header); w != "" {
			// Most likely a file without column names (LIAR's): read its first
			// row as data, and say so.
			d.warned = true
			d.header.Checked = false
			d.header.Refresh()
			d.reload()
			d.status.SetText("The first row looks like data, not column names, so it is read as a row: " +
				strings.TrimPrefix(w, "the first row looks like data, not column names: ") +
				" Tick “First row holds column names” if it does hold them.")
			return
		}
	}
	options := []string{noColumn}
	for i := 0; i < cols; i++ {
		label := strconv.Itoa(i + 1)
		switch {
		case i < len(header) && header[i] != "":
			label += ": " + header[i]
		case t != nil && len(t.Rows) > 0 && i < len(t.Rows[0]) && strings.TrimSpace(t.Rows[0][i]) != "":
			// No column names: the first row's value says what the column holds.
			label += ": e.g. " + ellipsis(strings.Join(strings.Fields(t.Rows[0][i]), " "), 36)
		}
		options = append(options, label)
	}
	guess := csvio.GuessMapping(header)
	for f, s := range d.selects {
		s.Options = options
		if i, ok := guess[f]; ok {
			s.SetSelectedIndex(i + 1)
		} else {
			s.SetSelectedIndex(0)
		}
	}
	for i := 0; i < cols; i++ {
		d.preview.SetColumnWidth(i, 180)
	}
	d.preview.Refresh()
}

// mapping reads the selects.
func (d *importDialog) mapping() csvio.Mapping {
	m := csvio.Mapping{}
	for f, s := range d.selects {
		if i := s.SelectedIndex(); i > 0 {
			m[f] = i - 1
		}
	}
	return m
}

// options says how to import with what the dialog shows.
func (d *importDialog) options() (csvio.Options, error) {
	opt := csvio.Options{TSV: d.tsv.Checked, NoHeader: !d.header.Checked, Decide: d.decide}
	if d.native {
		return opt, nil
	}
	opt.Mapping = d.mapping()
	spec := d.verdicts.Text
	if d.unknown.Checked {
		spec += "\n*=unreviewed"
	}
	vm, err := csvio.ParseVerdictMap(spec)
	if err != nil {
		return opt, err
	}
	opt.Verdict = vm
	switch d.dates.Selected {
	case datesMDY:
		opt.DateOrder = csvio.DatesMDY
	case datesDMY:
		opt.DateOrder = csvio.DatesDMY
	}
	if name := strings.TrimSpace(fyne.CurrentApp().Preferences().String(prefReviewer)); name != "" {
		opt.NoteAuthor = name
	}
	opt.Decide = d.decide
	return opt, nil
}

func (d *importDialog) show() {
	for _, f := range []csvio.Field{csvio.FStatement, csvio.FActor, csvio.FVerdict} {
		d.form.Items[indexOf(f)].HintText = "guessed from the column names; check it"
	}
	previewBox := container.NewGridWrap(fyne.NewSize(min(680, max(d.w.Canvas().Size().Width-420, 240)), 170), d.preview)
	left := container.NewVScroll(d.form)
	left.SetMinSize(fyne.NewSize(320, 360))
	right := container.NewVBox(
		widget.NewLabelWithStyle("First rows of "+d.name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		previewBox, container.NewHBox(d.tsv, d.header),
		widget.NewLabelWithStyle("Rating labels", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.verdicts, d.unknown,
		container.NewHBox(widget.NewLabelWithStyle("Dates like 6/11/2008", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), d.dates),
		d.status)
	content := container.NewBorder(nil, nil, left, nil, container.NewVScroll(right))
	importBtn := newKeyButton("Import", nil, func() { d.start() })
	importBtn.Importance = widget.HighImportance
	d.dlg = newModal(d.w, "Import "+d.name, content, d.start, nil, newKeyButton("Cancel", nil, func() { d.dlg.hide() }), importBtn)
	d.dlg.show(fyne.NewSize(1060, 620))
	d.w.Canvas().Focus(d.selects[mappedFields[0]])
}

func indexOf(f csvio.Field) int {
	for i, g := range mappedFields {
		if g == f {
			return i
		}
	}
	return 0
}

// importWork parses and checks every row, then writes them all in one
// transaction; ctx cancels it (nothing is written then).
func importWork(ctx context.Context, st *db.Store, data []byte, opt csvio.Options, progress func(done, total int)) (csvio.Result, error) {
	batch, err := csvio.Read(bytes.NewReader(data), opt)
	if err != nil {
		return csvio.Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return csvio.Result{}, err
	}
	return csvio.Import(ctx, st, batch, progress)
}

// start runs the import off the UI goroutine with a progress bar and a
// Cancel button.
func (d *importDialog) start() {
	opt, err := d.options()
	if err != nil {
		inform(d.w, "Cannot import", "The rating labels cannot be read: "+err.Error())
		return
	}
	if !d.native {
		if _, ok := opt.Mapping[csvio.FStatement]; !ok {
			inform(d.w, "Cannot import", "Choose the column that holds the claim statement.")
			return
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	msg := widget.NewLabel("Checking every row of " + d.name + "…")
	stop := func() {
		cancel()
		msg.SetText("Cancelling…")
	}
	cancelBtn := newKeyButton("Cancel", nil, stop)
	progress := newModal(d.w, "Importing", container.NewVBox(msg, bar), nil, stop, cancelBtn)
	progress.show(fyne.NewSize(480, 0))
	go func() {
		// The claims recorded before, to check the new ones against.
		before, err := d.st.ListClaims(ctx)
		var res csvio.Result
		var reports []dedupe.Report
		checked := false
		var set int64
		if err == nil {
			base := d.origin
			if base == nil {
				base = context.Background()
			}
			ictx := db.WithSetID(db.WithOrigin(ctx, db.Origin{Reviewer: reviewerOf(base), Via: "import of " + d.name}), &set)
			res, err = importWork(ictx, d.st, d.data, opt, func(done, total int) {
				d.do(func() {
					msg.SetText("Writing claims…")
					bar.SetValue(float64(done) / float64(max(total, 1)))
				})
			})
		}
		if err == nil {
			// The import is done; cancelling now only skips the check.
			d.do(func() {
				msg.SetText("Checking the new claims against those already recorded…")
				bar.SetValue(0)
				cancelBtn.SetText("Skip")
			})
			var cerr error
			reports, cerr = importDuplicates(ctx, before, res, func(done, total int) {
				d.do(func() { bar.SetValue(float64(done) / float64(max(total, 1))) })
			})
			if checked = cerr == nil; !checked {
				log.Printf("import %s: duplicate check: %v", d.name, cerr)
			}
		}
		cancel()
		var conflicts *csvio.ConflictError
		d.do(func() {
			progress.hide()
			if set != 0 && d.wrote != nil {
				d.wrote(set)
			}
			switch {
			case errors.As(err, &conflicts):
				showConflicts(d.w, d.where(), conflicts.Conflicts, func(decide map[csvio.ConflictKey]string) {
					d.decide = decide
					d.start()
				})
			case errors.Is(err, context.Canceled):
				inform(d.w, "Import cancelled", "The import was cancelled; nothing was changed.")
			case err != nil:
				log.Printf("import %s: %v", d.name, err)
				inform(d.w, "Import failed", fmt.Sprintf("Nothing was imported from %s.\n\n%v\n\nCorrect the file (or the mapping) and import again.", d.where(), err))
			default:
				if d.dlg != nil {
					d.dlg.hide()
				}
				d.result = reports
				open := d.open
				if open == nil {
					open = func(string) {}
				}
				showImportResult(d.w, d.where(), res, set, reports, checked, open)
				if d.onDone != nil {
					d.onDone()
				}
			}
		})
	}()
}

// where names the file imported: its full path when known.
func (d *importDialog) where() string {
	if d.path != "" {
		return d.path
	}
	return d.name
}

// reviewerOf is the reviewer a context's writes are signed with.
func reviewerOf(ctx context.Context) string {
	if o, ok := db.OriginOf(ctx); ok {
		return o.Reviewer
	}
	return ""
}
