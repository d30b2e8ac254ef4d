package main

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"claims/assets"
	"claims/internal/ui"
)

// runGUI opens the reviewer's window: "claims [--db PATH]".
func runGUI(args []string, stderr io.Writer) error {
	c := command{name: "", usage: "[--db PATH]", summary: "Open the reviewer's window."}
	fs := newFlags(c, stderr)
	dbPath := fs.String("db", "", "database file to open (default: the one in the app's storage folder)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: unexpected argument %q; run \"claims --help\"", errUsage, rest[0])
	}
	a := app.NewWithID(ui.AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	return ui.Run(a, *dbPath)
}
