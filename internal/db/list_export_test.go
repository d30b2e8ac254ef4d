package db

import (
	"context"

	"claims/internal/model"
)

// SetListChunk sets how many rowids one of ListClaims's claims queries
// covers and returns a function restoring it.
func SetListChunk(n int64) func() {
	old := listChunkRows
	listChunkRows = n
	return func() { listChunkRows = old }
}

// ListClaimsOneConn is ListClaims on a single connection, as when the
// pool has no other free.
func ListClaimsOneConn(ctx context.Context, s *Store) ([]model.ClaimSummary, error) {
	conns, release, err := listConns(ctx, s.ro, 1)
	if err != nil {
		return nil, err
	}
	defer release()
	return listClaims(ctx, conns)
}

// MmapSizes reads PRAGMA mmap_size on n connections of the readers' pool
// held at once.
func MmapSizes(ctx context.Context, s *Store, n int) ([]int64, error) {
	var sizes []int64
	for range n {
		c, err := s.ro.Conn(ctx)
		if err != nil {
			return nil, err
		}
		defer c.Close()
		var size int64
		if err := c.QueryRowContext(ctx, "PRAGMA mmap_size").Scan(&size); err != nil {
			return nil, err
		}
		sizes = append(sizes, size)
	}
	return sizes, nil
}
