package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Preference keys, shared with the import/export and extraction views.
const (
	prefReviewer = "reviewer.name"
	prefLastDB   = "db.last"
	prefWidth    = "window.width"
	prefHeight   = "window.height"
	prefOrgName  = "org.name" // reviewing organisation, for ClaimReview export
	prefOrgURL   = "org.url"
)

// settingsDialog is Edit → Settings…: the reviewer's name and the
// reviewing organisation.
type settingsDialog struct {
	reviewer, orgName, orgURL *widget.Entry
	dlg                       *dialog.FormDialog
}

func showSettings(a fyne.App, w fyne.Window) *settingsDialog {
	p := a.Preferences()
	s := &settingsDialog{reviewer: widget.NewEntry(), orgName: widget.NewEntry(), orgURL: widget.NewEntry()}
	s.reviewer.SetText(p.String(prefReviewer))
	s.reviewer.SetPlaceHolder("Your name, shown on the notes you add")
	s.orgName.SetText(p.String(prefOrgName))
	s.orgName.SetPlaceHolder("e.g. Example Fact Check")
	s.orgURL.SetText(p.String(prefOrgURL))
	s.orgURL.SetPlaceHolder("https://…")
	s.orgURL.Validator = func(v string) error {
		if v = strings.TrimSpace(v); v == "" {
			return nil
		}
		if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return errText("a web address starting with https://")
		}
		return nil
	}
	items := []*widget.FormItem{
		{Text: "Reviewer name", Widget: s.reviewer},
		{Text: "Organisation", Widget: s.orgName, HintText: "Publishes the reviews in ClaimReview exports"},
		{Text: "Organisation URL", Widget: s.orgURL},
	}
	s.dlg = dialog.NewForm("Settings", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		p.SetString(prefReviewer, strings.TrimSpace(s.reviewer.Text))
		p.SetString(prefOrgName, strings.TrimSpace(s.orgName.Text))
		p.SetString(prefOrgURL, strings.TrimSpace(s.orgURL.Text))
	}, w)
	s.dlg.Resize(fyne.NewSize(520, 0))
	s.dlg.Show()
	return s
}

// askReviewer asks once for the reviewer's name, stores it, and calls then
// with it. When the name is already set it calls then at once.
func askReviewer(a fyne.App, w fyne.Window, then func(name string)) {
	if name := strings.TrimSpace(a.Preferences().String(prefReviewer)); name != "" {
		then(name)
		return
	}
	e := widget.NewEntry()
	e.SetPlaceHolder("e.g. Sara Ahmed")
	e.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errText("your name is needed to sign notes")
		}
		return nil
	}
	var d *dialog.FormDialog
	d = dialog.NewForm("Who is reviewing?", "Save", "Cancel",
		[]*widget.FormItem{{Text: "Your name", Widget: e, HintText: "Shown as the author of your notes; change it in Edit → Settings"}},
		func(ok bool) {
			name := strings.TrimSpace(e.Text)
			if !ok || name == "" {
				return
			}
			a.Preferences().SetString(prefReviewer, name)
			then(name)
		}, w)
	e.OnSubmitted = func(string) { d.Submit() } // Enter saves
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
	w.Canvas().Focus(e)
}

type errText string

func (e errText) Error() string { return string(e) }
