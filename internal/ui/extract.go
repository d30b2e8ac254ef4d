package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"claims/internal/db"
)

// showExtract lets the reviewer turn an article into proposed claims and
// accept them, calling onDone after claims were saved.
// Placeholder until the extraction work lands; it says so to the person.
func showExtract(w fyne.Window, st *db.Store, onDone func()) {
	dialog.ShowInformation("Extract claims", "Extracting claims from an article is not available in this build yet.", w)
}
