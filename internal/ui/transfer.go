package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"claims/internal/db"
)

// showImport asks for a CSV or TSV file and imports it into st, calling
// onDone after a successful import so the views can reload.
// Placeholder until the CSV work lands; it says so to the person.
func showImport(w fyne.Window, st *db.Store, onDone func()) {
	dialog.ShowInformation("Import", "Importing CSV is not available in this build yet.", w)
}

// showExport asks for a format and a file and exports st.
// Placeholder until the CSV work lands; it says so to the person.
func showExport(w fyne.Window, st *db.Store) {
	dialog.ShowInformation("Export", "Exporting CSV is not available in this build yet.", w)
}
