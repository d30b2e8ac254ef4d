// Package ui is the reviewer's window: the Fyne views over the claim store.
package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
	"claims/internal/sample"
)

// AppID is the app's reverse-DNS identifier; it names the storage folder
// and preferences. It matches FyneApp.toml.
const AppID = "org.claimsapp.claims"

// DefaultDBName is the database file in the app's storage folder.
const DefaultDBName = "claims.db"

// DefaultDBPath is the database the window opens when none is given.
func DefaultDBPath(a fyne.App) string {
	return filepath.Join(a.Storage().RootURI().Path(), DefaultDBName)
}

// OpenDefault opens the database in the app's storage folder, creating it
// with the sample claims on the first run.
func OpenDefault(a fyne.App) (*db.Store, error) {
	path := DefaultDBPath(a)
	firstRun := !db.Exists(path)
	st, err := db.Open(path)
	if err != nil {
		return nil, err
	}
	if firstRun {
		if err := sample.Load(context.Background(), st); err != nil {
			st.Close()
			return nil, fmt.Errorf("unable to fill the new database with the sample claims: %w", err)
		}
	}
	return st, nil
}

// Run opens the database at path (the default one when path is empty) and
// shows the main window until the app quits.
func Run(a fyne.App, path string) error {
	var st *db.Store
	var err error
	if path == "" {
		st, err = OpenDefault(a)
	} else {
		st, err = db.Open(path)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	w := a.NewWindow("Claims — " + filepath.Base(st.Path()))
	w.SetContent(claimList(w, st))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
	return nil
}

// claimList is a plain list of the claims: actor, statement, verdict and
// the number of counter-claims.
func claimList(w fyne.Window, st *db.Store) fyne.CanvasObject {
	claims, err := st.ListClaims(context.Background())
	if err != nil {
		dialog.ShowError(err, w)
	}
	list := widget.NewList(
		func() int { return len(claims) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := claims[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s — %s  [%s, %d counter-claims]",
				c.ActorName, c.Statement, c.Verdict.Label(), c.CounterCount))
		})
	return container.NewBorder(widget.NewLabel(fmt.Sprintf("%d claims", len(claims))), nil, nil, nil, list)
}
