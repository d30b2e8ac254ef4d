package db

import (
	"context"

	"claims/internal/model"
)

// ListClaimsSlow lists claims with the straightforward one-query-per-row
// SQL, for tests that check the fast ListClaims against it.
func ListClaimsSlow(ctx context.Context, s *Store) ([]model.ClaimSummary, error) {
	return listSummaries(ctx, s.reads(), `ORDER BY c.created_at DESC, c.id DESC`)
}
