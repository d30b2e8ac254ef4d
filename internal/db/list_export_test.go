package db

import "context"

// SetListChunk sets how many rowids one of ListClaims's claims queries
// covers and returns a function restoring it.
func SetListChunk(n int64) func() {
	old := listChunkRows
	listChunkRows = n
	return func() { listChunkRows = old }
}

// ExecRaw runs SQL on the store's writer, bypassing validation, to make
// rows that only another tool would write.
func ExecRaw(ctx context.Context, s *Store, query string, args ...any) error {
	_, err := s.rw.ExecContext(ctx, query, args...)
	return err
}
