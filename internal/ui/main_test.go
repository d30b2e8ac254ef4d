package ui

import (
	"os"
	"testing"

	"claims/internal/db/pgtest"
)

// TestMain stops the PostgreSQL test server, when a test started one.
func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}
