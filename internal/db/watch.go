package db

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// Event is what Watch reports: the database's Version after someone
// changed it, or, on a server, that the connection was lost (Lost set)
// or is back (Lost nil again, with the version then).
type Event struct {
	Version int64
	Lost    error
}

// Watch calls fn, from a goroutine of its own, whenever the database
// changes — by this process or another, in this window or another — until
// ctx ends. An SQLite file is looked at every interval (it costs one
// indexed read); a PostgreSQL server tells its listeners on every commit
// (LISTEN/NOTIFY), and Watch reconnects by itself when the server goes
// away, reporting Lost while it is gone. Several changes in quick
// succession may come as one event; fn learns the newest version.
func (s *Store) Watch(ctx context.Context, interval time.Duration, fn func(Event)) {
	if s.d == postgresSQL {
		go s.listen(ctx, fn)
		return
	}
	go func() {
		last, _ := s.Version(ctx)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			v, err := s.Version(ctx)
			if err != nil || v == last {
				continue
			}
			last = v
			fn(Event{Version: v})
		}
	}()
}

// listen keeps a connection of its own that LISTENs for commits, and
// makes a new one when it breaks.
func (s *Store) listen(ctx context.Context, fn func(Event)) {
	var lost error
	backoff := 250 * time.Millisecond
	for ctx.Err() == nil {
		conn, err := pgx.Connect(ctx, s.dsn)
		var v int64
		if err == nil {
			_, err = conn.Exec(ctx, `LISTEN claims_changes`)
		}
		if err == nil {
			// The version, read on this connection once it listens: no
			// commit is missed between the two, and the store's pool may
			// still hold connections the server dropped.
			err = conn.QueryRow(ctx, versionQuery).Scan(&v)
		}
		if err != nil {
			if conn != nil {
				conn.Close(context.Background())
			}
			if lost == nil {
				lost = err
				fn(Event{Lost: err})
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, 2*time.Second)
			continue
		}
		backoff = 250 * time.Millisecond
		if lost != nil {
			lost = nil
			fn(Event{Version: v}) // back: what was missed is read again
		}
		for {
			n, err := conn.WaitForNotification(ctx)
			if err != nil {
				conn.Close(context.Background())
				if ctx.Err() == nil {
					lost = err
					fn(Event{Lost: err})
				}
				break
			}
			v, perr := strconv.ParseInt(n.Payload, 10, 64)
			if perr != nil {
				v, _ = s.Version(ctx)
			}
			fn(Event{Version: v})
		}
	}
}
