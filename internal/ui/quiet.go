package ui

import (
	"io"
	"log"
	"os"
	"strings"
	"sync"
)

// Fyne's file dialog looks up the user's Documents, Downloads, Music,
// Pictures and Videos folders each time it opens (dialog/file.go,
// loadFavorites) and, on a computer whose XDG user folders are not all
// set up, logs "Fyne error: Getting favorite locations" with its cause
// ("this computer does not define a VIDEOS folder") and the line of
// Fyne's source. The window's own file dialogs no longer use Fyne's (see
// filechooser.go), but the extraction window's does; this filter drops
// that report, and only it, from the log.

// quietLog sends the standard logger through favouritesFilter.
func quietLog() {
	quietOnce.Do(func() { log.SetOutput(&favouritesFilter{w: os.Stderr}) })
}

var quietOnce sync.Once

// favouritesFilter passes log lines on to w, except Fyne's report about
// favourite folders: its first line and the "Cause:" and "At:" lines
// that follow it.
type favouritesFilter struct {
	mu       sync.Mutex
	w        io.Writer
	skipping bool
}

func (f *favouritesFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	line := string(p)
	switch {
	case strings.Contains(line, "Fyne error:") && strings.Contains(line, "Getting favorite locations"):
		f.skipping = true
		return len(p), nil
	case f.skipping && (strings.Contains(line, "  Cause:") || strings.Contains(line, "  At:")):
		return len(p), nil
	}
	f.skipping = false
	return f.w.Write(p)
}
