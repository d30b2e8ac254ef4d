// Package assets holds the files bundled into the claims binary: the app
// icon, so that a plain "go build" shows it too. It does not import Fyne;
// the caller wraps the bytes in a resource.
package assets

import _ "embed"

// IconPNG is the app icon (icon.png, rendered from icon.svg), 1024×1024.
//
//go:embed icon.png
var IconPNG []byte
