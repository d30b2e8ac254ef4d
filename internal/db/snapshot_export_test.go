package db

import "context"

// SnapshotSlow reads the snapshot with the plain ordered queries, for tests
// that check the fast Snapshot against it.
func SnapshotSlow(ctx context.Context, s *Store) (*Snapshot, error) { return s.snapshotSlow(ctx) }

// ExecForTest runs raw SQL on the writer connection: for tests that need
// rows validation would refuse.
func ExecForTest(s *Store, query string, args ...any) error {
	_, err := s.rw.Exec(query, args...)
	return err
}

// SchemaForTest returns every schema object's SQL, for tests that check a
// bulk load leaves the schema as it was.
func SchemaForTest(s *Store) (string, error) {
	rows, err := s.rw.Query(`SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var out string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", err
		}
		out += line + "\n"
	}
	return out, rows.Err()
}

// SetBulkBatchRowsForTest makes BulkTx hand rows to its writer in batches
// of n, so that tests exercise the writer working beside the caller; the
// returned function puts the size back.
func SetBulkBatchRowsForTest(n int) func() {
	old := bulkBatchRows
	bulkBatchRows = n
	return func() { bulkBatchRows = old }
}
