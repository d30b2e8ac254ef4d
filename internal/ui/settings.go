package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
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
	reviewer, orgName, orgURL *keyEntry
	dlg                       *formModal
}

func showSettings(a fyne.App, w fyne.Window) *settingsDialog {
	p := a.Preferences()
	s := &settingsDialog{reviewer: newKeyEntry(), orgName: newKeyEntry(), orgURL: newKeyEntry()}
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
	s.dlg = newFormModal(w, "Settings", "Save", items, func() bool {
		p.SetString(prefReviewer, strings.TrimSpace(s.reviewer.Text))
		p.SetString(prefOrgName, strings.TrimSpace(s.orgName.Text))
		p.SetString(prefOrgURL, strings.TrimSpace(s.orgURL.Text))
		return true
	}, fyne.NewSize(560, 0))
	return s
}

// askReviewer asks once for the reviewer's name, stores it, and calls then
// with it. When the name is already set it calls then at once.
func askReviewer(a fyne.App, w fyne.Window, then func(name string)) {
	if name := strings.TrimSpace(a.Preferences().String(prefReviewer)); name != "" {
		then(name)
		return
	}
	e := newKeyEntry()
	e.SetPlaceHolder("e.g. Sara Ahmed")
	e.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errText("your name is needed to sign notes")
		}
		return nil
	}
	newFormModal(w, "Who is reviewing?", "Save",
		[]*widget.FormItem{{Text: "Your name", Widget: e, HintText: "Shown as the author of your notes; change it in Edit → Settings"}},
		func() bool {
			name := strings.TrimSpace(e.Text)
			a.Preferences().SetString(prefReviewer, name)
			then(name)
			return true
		}, fyne.NewSize(480, 0))
}

type errText string

func (e errText) Error() string { return string(e) }
