package main

// version is the app's version. It equals Version in FyneApp.toml (a test
// keeps the two in step), so a plain "go build" reports it truthfully; the
// Makefile and release builds also set it from FyneApp.toml with
// -ldflags "-X main.version=…".
var version = "0.1.0"
