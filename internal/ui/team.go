package ui

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
)

// prefTeamURL is the team database opened last, without its password.
const prefTeamURL = "db.team_url"

// openTeamDatabase asks for a PostgreSQL database's URL (the last one is
// remembered, never its password) and opens it; when the server wants a
// password that neither the URL, PGPASSWORD nor ~/.pgpass gives, it asks
// for one, and keeps it only for this connection.
func (m *mainWindow) openTeamDatabase() *formModal {
	url := newKeyEntry()
	url.SetPlaceHolder("postgres://ayesha@claims.example.org/desk?sslmode=require")
	url.SetText(m.app.Preferences().String(prefTeamURL))
	url.Validator = func(s string) error {
		if !db.IsServerURL(strings.TrimSpace(s)) {
			return errText("a URL starting with postgres://")
		}
		return nil
	}
	return newFormModal(m.win, "Open team database", "Open",
		[]*widget.FormItem{{Text: "Server URL", Widget: url,
			HintText: "user, server, database; settings follow PostgreSQL's (PGHOST, PGUSER, ~/.pgpass, sslmode)"}},
		func() bool {
			m.connectTeam(strings.TrimSpace(url.Text), "")
			return true
		}, fyne.NewSize(640, 0))
}

// connectTeam opens the server database dsn, with password when given,
// asking for one when the server wants it.
func (m *mainWindow) connectTeam(dsn, password string) {
	full := dsn
	if password != "" {
		var err error
		if full, err = db.WithPassword(dsn, password); err != nil {
			m.showError("Could not open the team database", "", err)
			return
		}
	}
	m.pending.Add(1)
	go func() {
		defer m.pending.Done()
		st, err := db.Open(full)
		m.do(func() {
			switch {
			case errors.Is(err, db.ErrPassword):
				m.askPassword(dsn, password != "")
			case err != nil:
				log.Printf("claims: open %s: %v", db.Redacted(dsn), err)
				why := teamError(err)
				ask(m.win, "Cannot open the team database", fmt.Sprintf("%s could not be opened.\n\n%s\n\n%s is still open. Try another address?",
					db.Redacted(dsn), why, m.st.Path()), "Try again…", func() { m.openTeamDatabase() })
			default:
				m.app.Preferences().SetString(prefTeamURL, db.Redacted(dsn))
				m.switchStore(st)
			}
		})
	}()
}

// teamError says in a sentence what stopped a team database from opening.
func teamError(err error) string {
	switch {
	case errors.Is(err, db.ErrNoServer):
		return "The server does not answer: check the address, and that it is running and lets you in. (" + err.Error() + ")"
	case errors.Is(err, db.ErrNoDatabase):
		return "The server has no database of that name; its administrator creates it. (" + err.Error() + ")"
	case errors.Is(err, db.ErrNotClaimsDB):
		return "That database holds another application's tables; Claims needs an empty database or its own."
	case errors.Is(err, db.ErrNewerSchema):
		return "It was made by a newer version of Claims; update Claims to open it."
	case errors.Is(err, db.ErrNoPrivilege):
		return "Your user may not do this there: " + err.Error()
	}
	return err.Error()
}

// askPassword asks for the password of the URL's user; again says the
// last one was refused.
func (m *mainWindow) askPassword(dsn string, again bool) *formModal {
	pw := newKeyEntry()
	pw.Password = true
	hint := "kept only while the database is open, never saved"
	title := "Password for " + db.Redacted(dsn)
	if again {
		title = "The server refused that password for " + db.Redacted(dsn)
	}
	return newFormModal(m.win, title, "Open",
		[]*widget.FormItem{{Text: "Password", Widget: pw, HintText: hint}},
		func() bool {
			m.connectTeam(dsn, pw.Text)
			return true
		}, fyne.NewSize(520, 0))
}
