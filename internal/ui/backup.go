package ui

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"claims/internal/db"
)

// showBackup asks where to write a copy of the open database and writes it
// off the UI goroutine. The app stays usable while it runs: the copy is one
// consistent snapshot however many edits happen meanwhile.
func showBackup(w fyne.Window, st *db.Store) {
	chooseFile(w, "Back up the database to", chooseSave, filepath.Dir(st.Path()), backupName(st.Path(), time.Now()), nil, func(path string) {
		progress := newModal(w, "Backing up…", widget.NewProgressBarInfinite(), nil, func() {})
		progress.show(fyne.NewSize(360, 0))
		// A file chosen to be replaced goes first: the backup writes its own.
		_ = os.Remove(path)
		backupTo(st, path, func(err error) {
			fyne.Do(func() {
				progress.hide()
				if err != nil {
					log.Printf("backup to %s: %v", path, err)
					inform(w, "Backup failed", "The backup was not written: "+err.Error())
					return
				}
				inform(w, "Backup written", "A copy of the database is in\n"+path)
			})
		})
	})
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
