package main

// version is the app's version. Release builds set it from FyneApp.toml with
// -ldflags "-X main.version=…".
var version = "dev"
