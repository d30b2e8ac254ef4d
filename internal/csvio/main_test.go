package csvio_test

import (
	"os"
	"testing"

	"claims/internal/db/pgtest"
)

// TestMain stops the PostgreSQL test server, when one was started.
func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}
