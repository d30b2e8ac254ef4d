package ui

import (
	"context"
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
)

// showBackup asks where to write a copy of the open database and writes it
// off the UI goroutine. The app stays usable while it runs: the copy is one
// consistent snapshot however many edits happen meanwhile.
func showBackup(w fyne.Window, st *db.Store) {
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := wc.URI().Path()
		// The dialog created the file; the backup writes its own.
		wc.Close()
		_ = storage.Delete(wc.URI())
		progress := dialog.NewCustomWithoutButtons("Backing up…", widget.NewProgressBarInfinite(), w)
		progress.Show()
		backupTo(st, path, func(err error) {
			fyne.Do(func() {
				progress.Hide()
				if err != nil {
					log.Printf("backup to %s: %v", path, err)
					dialog.ShowError(fmt.Errorf("the backup was not written: %w", err), w)
					return
				}
				dialog.ShowInformation("Backup written", "A copy of the database is in\n"+path, w)
			})
		})
	}, w)
	save.SetFileName(backupName(st.Path(), time.Now()))
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(st.Path()))); err == nil {
		save.SetLocation(dir)
	}
	save.Show()
}

// backupTo writes the backup on its own goroutine and reports to done there.
func backupTo(st *db.Store, path string, done func(error)) {
	go func() { done(st.Backup(context.Background(), path)) }()
}

// backupName suggests a file name for a backup of the database at path,
// e.g. "claims-backup-2026-11-23-1405.db".
func backupName(path string, now time.Time) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return fmt.Sprintf("%s-backup-%s.db", base, now.Format("2006-01-02-1504"))
}
