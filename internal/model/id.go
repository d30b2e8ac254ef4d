package model

import (
	"crypto/rand"
	"encoding/binary"
	"sync"
	"time"
)

// crockford is the base32 alphabet of ULIDs: no I, L, O or U.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

var idMu sync.Mutex
var lastID [16]byte

// NewID returns a new ULID: 26 characters, sortable by creation time,
// unique without coordination, so exported rows can be merged back by id.
// IDs made in the same millisecond by one process still sort in order.
func NewID() string {
	idMu.Lock()
	defer idMu.Unlock()
	var b [16]byte
	ms := uint64(time.Now().UnixMilli())
	binary.BigEndian.PutUint64(b[:8], ms<<16)
	if ms == binary.BigEndian.Uint64(lastID[:8])>>16 {
		// Same millisecond: increment the previous random part.
		copy(b[6:], lastID[6:])
		for i := 15; i >= 6; i-- {
			b[i]++
			if b[i] != 0 {
				break
			}
		}
	} else if _, err := rand.Read(b[6:]); err != nil {
		panic("model: crypto/rand failed: " + err.Error())
	}
	lastID = b
	return encodeULID(b)
}

func encodeULID(b [16]byte) string {
	// 128 bits as 26 base32 digits, most significant first (the first digit
	// holds 3 bits).
	hi := binary.BigEndian.Uint64(b[:8])
	lo := binary.BigEndian.Uint64(b[8:])
	var out [26]byte
	for i := 25; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}
