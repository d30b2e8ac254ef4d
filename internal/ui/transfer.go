package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"claims/internal/claimreview"
	"claims/internal/csvio"
	"claims/internal/db"
	"claims/internal/dedupe"
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
	snap, err := st.Snapshot(ctx)
	if err != nil {
		return err
	}
	opt := csvio.WriteOptions{BOM: bom}
	switch format {
	case fmtClaims:
		return csvio.WriteClaims(w, snap, opt)
	case fmtPairs:
		return csvio.WritePairs(w, snap, opt)
	case fmtClaimReview:
		return claimreview.Write(w, snap, org)
	}
	return fmt.Errorf("unknown export format %q", format)
}

// showExport asks for a format and a file and exports st.
func showExport(w fyne.Window, st *db.Store) {
	formats := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		formats[i] = f.label
	}
	format := widget.NewRadioGroup(formats, nil)
	format.SetSelected(fmtClaims)
	bom := widget.NewCheck("Start with a byte order mark (for Excel)", nil)
	prefs := fyne.CurrentApp().Preferences()
	org := claimreview.Org{Name: prefs.String(prefOrgName), URL: prefs.String(prefOrgURL)}
	orgText := "Reviewing organisation: " + org.Name
	if org.Name == "" {
		orgText = "No reviewing organisation is set (Edit → Settings…); ClaimReviews will have no author."
	}
	orgLabel := widget.NewLabel(orgText)
	orgLabel.Wrapping = fyne.TextWrapWord
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
	content := container.NewVBox(format, bom, orgLabel)
	dialog.ShowCustomConfirm("Export", "Choose file…", "Cancel", content, func(ok bool) {
		if !ok {
			return
		}
		chosen, withBOM := format.Selected, bom.Checked && format.Selected != fmtClaimReview
		save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			if wc == nil {
				return // cancelled
			}
			runExport(w, st, chosen, withBOM, org, wc)
		}, w)
		for _, f := range exportFormats {
			if f.label == chosen {
				save.SetFileName(f.file)
			}
		}
		save.Show()
	}, w)
}

// runExport writes the export off the UI goroutine. A local file is
// written to a temporary file and renamed, so a failed export never leaves
// half a file.
func runExport(w fyne.Window, st *db.Store, format string, bom bool, org claimreview.Org, wc fyne.URIWriteCloser) {
	busy := dialog.NewCustomWithoutButtons("Exporting…", widget.NewProgressBarInfinite(), w)
	busy.Show()
	go func() {
		uri := wc.URI()
		write := func(out io.Writer) error { return exportTo(context.Background(), st, format, bom, org, out) }
		var err error
		if uri.Scheme() == "file" {
			wc.Close()
			err = csvio.WriteFileAtomic(uri.Path(), write)
		} else {
			var buf bytes.Buffer
			if err = write(&buf); err == nil {
				_, err = wc.Write(buf.Bytes())
			}
			if cerr := wc.Close(); err == nil {
				err = cerr
			}
		}
		fyne.Do(func() {
			busy.Hide()
			if err != nil {
				log.Printf("export to %s: %v", uri, err)
				dialog.ShowError(fmt.Errorf("the export failed: %w", err), w)
				return
			}
			dialog.ShowInformation("Export", "Exported to "+uri.Name()+".", w)
		})
	}()
}

// showImport asks for a CSV or TSV file and imports it into st, calling
// onDone after a successful import so the views can reload; open selects
// a claim in the window (the result lists likely duplicates to open).
func showImport(w fyne.Window, st *db.Store, onDone func(), open func(id string)) {
	picker := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if rc == nil {
			return
		}
		name := rc.URI().Name()
		go func() {
			data, err := io.ReadAll(rc)
			rc.Close()
			fyne.Do(func() {
				if err != nil {
					dialog.ShowError(fmt.Errorf("unable to read %s: %w", name, err), w)
					return
				}
				d := newImportDialog(w, st, name, data, onDone)
				d.open = open
				if d.native {
					d.start() // the app's own export needs no mapping
					return
				}
				d.show()
			})
		}()
	}, w)
	picker.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".tsv", ".tab", ".txt"}))
	picker.Show()
}

// mappedFields are the fields the mapping dialog offers, in its order.
var mappedFields = []csvio.Field{
	csvio.FStatement, csvio.FActor, csvio.FVerdict, csvio.FQuote, csvio.FMadeOn, csvio.FSourceTitle,
	csvio.FOutlet, csvio.FURL, csvio.FPublished, csvio.FTags, csvio.FNotes, csvio.FSubjects,
	csvio.FActorKind, csvio.FID, csvio.FCounterIDs,
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
	data   []byte
	onDone func()
	open   func(id string) // selects a claim in the window; nil in tests

	native   bool // the app's own claims export
	tsv      *widget.Check
	header   *widget.Check
	selects  map[csvio.Field]*widget.Select
	form     *widget.Form
	preview  *widget.Table
	verdicts *widget.Entry
	unknown  *widget.Check
	dates    *widget.Select // how numeric dates such as 6/11/2008 read
	status   *widget.Label
	table    *csvio.Table
	dlg      *dialog.CustomDialog
	result   []dedupe.Report // the likely duplicates the last import found
}

func newImportDialog(w fyne.Window, st *db.Store, name string, data []byte, onDone func()) *importDialog {
	d := &importDialog{w: w, st: st, name: name, data: data, onDone: onDone, selects: map[csvio.Field]*widget.Select{}}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	d.tsv = widget.NewCheck("Tab-separated", func(bool) { d.reload() })
	d.tsv.Checked = csvio.LooksTabSeparated(name, head)
	d.header = widget.NewCheck("First row holds column names", func(bool) { d.reload() })
	d.header.Checked = true
	d.form = widget.NewForm()
	for _, f := range mappedFields {
		d.selects[f] = widget.NewSelect(nil, nil)
		d.form.Append(string(f), d.selects[f])
	}
	d.verdicts = widget.NewMultiLineEntry()
	d.verdicts.SetPlaceHolder("Rating labels this file uses, one per line:\nFour Pinocchios=false")
	d.verdicts.SetMinRowsVisible(3)
	d.unknown = widget.NewCheck("Import unknown rating labels as unreviewed", nil)
	d.dates = widget.NewSelect([]string{datesAuto, datesMDY, datesDMY}, nil)
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
	options := []string{noColumn}
	for i := 0; i < cols; i++ {
		label := strconv.Itoa(i + 1)
		if i < len(header) && header[i] != "" {
			label += ": " + header[i]
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
	opt := csvio.Options{TSV: d.tsv.Checked, NoHeader: !d.header.Checked}
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
	return opt, nil
}

func (d *importDialog) show() {
	for _, f := range []csvio.Field{csvio.FStatement, csvio.FActor, csvio.FVerdict} {
		d.form.Items[indexOf(f)].HintText = "guessed from the column names; check it"
	}
	previewBox := container.NewGridWrap(fyne.NewSize(680, 170), d.preview)
	left := container.NewVScroll(d.form)
	left.SetMinSize(fyne.NewSize(320, 360))
	right := container.NewVBox(
		widget.NewLabelWithStyle("First rows of "+d.name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		previewBox, container.NewHBox(d.tsv, d.header),
		widget.NewLabelWithStyle("Rating labels", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.verdicts, d.unknown,
		container.NewHBox(widget.NewLabelWithStyle("Dates like 6/11/2008", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), d.dates),
		d.status)
	content := container.NewBorder(nil, nil, left, nil, right)
	d.dlg = dialog.NewCustomWithoutButtons("Import "+d.name, content, d.w)
	importBtn := widget.NewButton("Import", func() { d.start() })
	importBtn.Importance = widget.HighImportance
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", d.dlg.Hide), importBtn})
	d.dlg.Resize(fyne.NewSize(1060, 620))
	d.dlg.Show()
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
		dialog.ShowError(err, d.w)
		return
	}
	if !d.native {
		if _, ok := opt.Mapping[csvio.FStatement]; !ok {
			dialog.ShowError(errors.New("choose the column that holds the claim statement"), d.w)
			return
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	msg := widget.NewLabel("Checking every row of " + d.name + "…")
	progress := dialog.NewCustomWithoutButtons("Importing", container.NewVBox(msg, bar), d.w)
	cancelBtn := widget.NewButton("Cancel", func() {
		cancel()
		msg.SetText("Cancelling…")
	})
	progress.SetButtons([]fyne.CanvasObject{cancelBtn})
	progress.Show()
	go func() {
		// The claims recorded before, to check the new ones against.
		before, err := d.st.ListClaims(ctx)
		var res csvio.Result
		var reports []dedupe.Report
		checked := false
		if err == nil {
			res, err = importWork(ctx, d.st, d.data, opt, func(done, total int) {
				fyne.Do(func() {
					msg.SetText("Writing claims…")
					bar.SetValue(float64(done) / float64(max(total, 1)))
				})
			})
		}
		if err == nil {
			// The import is done; cancelling now only skips the check.
			fyne.Do(func() {
				msg.SetText("Checking the new claims against those already recorded…")
				bar.SetValue(0)
				cancelBtn.SetText("Skip")
			})
			var cerr error
			reports, cerr = importDuplicates(ctx, before, res, func(done, total int) {
				fyne.Do(func() { bar.SetValue(float64(done) / float64(max(total, 1))) })
			})
			if checked = cerr == nil; !checked {
				log.Printf("import %s: duplicate check: %v", d.name, cerr)
			}
		}
		cancel()
		fyne.Do(func() {
			progress.Hide()
			switch {
			case errors.Is(err, context.Canceled):
				dialog.ShowInformation("Import cancelled", "The import was cancelled; nothing was changed.", d.w)
			case err != nil:
				log.Printf("import %s: %v", d.name, err)
				dialog.ShowError(fmt.Errorf("nothing was imported from %s.\n%w\nCorrect the file (or the mapping) and import again", d.name, err), d.w)
			default:
				if d.dlg != nil {
					d.dlg.Hide()
				}
				d.result = reports
				open := d.open
				if open == nil {
					open = func(string) {}
				}
				showImportResult(d.w, d.name, res, reports, checked, open)
				if d.onDone != nil {
					d.onDone()
				}
			}
		})
	}()
}
