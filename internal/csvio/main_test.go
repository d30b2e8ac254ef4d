package csvio_test

import (
	"testing"

	"claims/internal/db/pgtest"
)

// TestMain stops the PostgreSQL test server, when a test started one.
func TestMain(m *testing.M) { pgtest.Main(m) }
