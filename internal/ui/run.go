// Package ui is the reviewer's window: the Fyne views over the claim store.
//
// One file per view: window.go holds the main window and the search
// pipeline, list.go the claim list, detail.go the detail pane, editor.go
// the new-claim and link dialogs, contradictions.go, actors.go and
// sources.go the other tabs, menu.go the menus and keys, settings.go the
// preferences.
package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
	"path/filepath"

	"fyne.io/fyne/v2"

	"claims/internal/catalog"
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

// openInitial opens the database the window starts with: path when given;
// otherwise the last database used, when it still opens; otherwise the
// default one.
func openInitial(a fyne.App, path string) (*db.Store, error) {
	if path != "" {
		return db.Open(path)
	}
	if last := a.Preferences().String(prefLastDB); last != "" && last != DefaultDBPath(a) {
		if db.Exists(last) {
			st, err := db.Open(last)
			if err == nil {
				return st, nil
			}
			log.Printf("claims: the last database %s does not open (%v); opening the default one", last, err)
		}
	}
	return OpenDefault(a)
}

// Run opens the database at path (when path is empty: the last one used,
// or the default one) and shows the main window until the app quits.
func Run(a fyne.App, path string) error {
	catalog.TuneMemory()
	quietLog()
	st, err := openInitial(a, path)
	if err != nil {
		return err
	}
	a.Preferences().SetString(prefLastDB, st.Path())
	w := a.NewWindow("Claims")
	m := newMainWindow(a, w, st)
	m.watchStore()
	p := a.Preferences()
	width, height := p.FloatWithFallback(prefWidth, 1280), p.FloatWithFallback(prefHeight, 800)
	w.Resize(fyne.NewSize(float32(max(width, 720)), float32(max(height, 560))))
	w.SetCloseIntercept(m.quit)
	a.Lifecycle().SetOnStarted(func() { fyne.Do(func() { fitToScreen(w) }) })
	w.ShowAndRun()
	// A load or search still under way reads from the store being closed
	// here; its result is dropped. Waiting for it could hang: the UI loop
	// that would apply it has stopped.
	if m.st != nil {
		if err := m.st.Close(); err != nil && !errors.Is(err, context.Canceled) {
			return fmt.Errorf("closing the database: %w", err)
		}
	}
	return nil
}
