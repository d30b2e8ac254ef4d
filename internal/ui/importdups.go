package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"claims/internal/csvio"
	"claims/internal/dedupe"
	"claims/internal/model"
)

// importDuplicates checks the claims an import created against the claims
// that were recorded before it (listed before the import began).
func importDuplicates(ctx context.Context, before []model.ClaimSummary, res csvio.Result, progress func(done, total int)) ([]dedupe.Report, error) {
	if len(before) == 0 || len(res.Created) == 0 {
		return nil, nil
	}
	return dedupe.NewIndex(before).FindAll(ctx, res.NewClaims(), 3, progress)
}

// showImportResult says what the import did and lists the new claims that
// look like claims already recorded, each with buttons that open the new
// claim or the one it looks like (open selects a claim in the window).
// checked is false when the reviewer skipped the check.
func showImportResult(w fyne.Window, name string, res csvio.Result, set int64, reports []dedupe.Report, checked bool, open func(id string)) *modal {
	text := "Imported " + name + ":\n" + res.String() + "."
	for i, mg := range res.Merged {
		if i == 5 {
			text += fmt.Sprintf("\n… and %d more rows merged", len(res.Merged)-i)
			break
		}
		text += fmt.Sprintf("\nLine %d went into the same claim as line %d (same actor and statement; no source or date tells them apart).", mg.Line, mg.Into)
	}
	if len(res.Kept) > 0 {
		text += fmt.Sprintf("\n%d value(s) were kept as the database has them: they were changed after the file was written, and the file still holds them as they were.", len(res.Kept))
	}
	if set != 0 {
		text += fmt.Sprintf("\n\nRecorded as change set %d: Edit → Undo (Ctrl+Z) reverts the whole import.", set)
	}
	var md *modal
	closeBtn := newKeyButton("Close", nil, func() { md.hide() })
	closeBtn.Importance = widget.HighImportance
	if len(reports) == 0 {
		switch {
		case !checked && len(res.Created) > 0:
			text += "\n\nThe check of the new claims for duplicates was skipped."
		case len(res.Created) > 0:
			text += fmt.Sprintf("\n\nNone of the %s new claims looks like a claim already recorded.", formatCount(len(res.Created)))
		}
		md = newModal(w, "Import finished", container.NewVScroll(messageBox(text)), func() { md.hide() }, nil, closeBtn)
		md.show(fyne.NewSize(640, messageHeight(text)+40))
		return md
	}
	list := newKeyList(
		func() int { return len(reports) },
		func() fyne.CanvasObject {
			line := func() *widget.Label {
				l := widget.NewLabel("")
				l.Truncation = fyne.TextTruncateEllipsis
				return l
			}
			newBtn := newKeyButton("Open new", theme.NavigateNextIcon(), nil)
			oldBtn := newKeyButton("Open recorded", theme.NavigateNextIcon(), nil)
			return container.NewBorder(nil, nil, nil, container.NewVBox(newBtn, oldBtn),
				container.NewVBox(line(), line()))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := reports[i]
			c, m := res.Created[r.Query], r.Matches[0]
			row := o.(*fyne.Container)
			lines := row.Objects[0].(*fyne.Container).Objects
			lines[0].(*widget.Label).SetText(fmt.Sprintf("Line %d: “%s”", c.Line, c.Statement))
			more := ""
			if len(r.Matches) > 1 {
				more = fmt.Sprintf(" and %d more", len(r.Matches)-1)
			}
			lines[1].(*widget.Label).SetText(fmt.Sprintf("  looks like %s: “%s”  (%.0f%% alike%s)", m.Claim.ActorName, m.Claim.Statement, 100*m.Score, more))
			btns := row.Objects[1].(*fyne.Container).Objects
			btns[0].(*keyButton).OnTapped = func() { md.hide(); open(c.ID) }
			btns[1].(*keyButton).OnTapped = func() { md.hide(); open(m.Claim.ID) }
		})
	verb := "look"
	if len(reports) == 1 {
		verb = "looks"
	}
	head := wrapped(fmt.Sprintf("%s\n\n%d of the %d new claims %s like claims already recorded. Open each to link it to the recorded claim or delete it.",
		text, len(reports), len(res.Created), verb))
	content := container.NewBorder(head, nil, nil, nil, list)
	md = newModal(w, "Import finished: possible duplicates", content, func() { md.hide() }, nil, closeBtn)
	md.show(fyne.NewSize(900, 600))
	return md
}
