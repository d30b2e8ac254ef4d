package search

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// lowerASCII's eight-bytes-at-a-time work must agree with the plain
// definitions, byte by byte.
func TestLowerASCII(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	alphabet := "aZz Ab-_./\\9\x7fqQ@[`{1,:!Pp"
	for range 20000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		n := len(s)
		dst := make([]byte, n+(n+7)/8)
		mask, after, plain := lowerASCII(s, dst)
		var wantMask, wantAfter uint64
		wantPlain := true
		for i := 0; i < n; i++ {
			c := s[i]
			lc := c
			if 'A' <= c && c <= 'Z' {
				lc += 'a' - 'A'
			}
			if dst[i] != lc {
				t.Fatalf("%q: byte %d lower-cased to %q", s, i, dst[i])
			}
			if got := dst[n+i/8]&(1<<(i%8)) != 0; got != ('A' <= c && c <= 'Z') {
				t.Fatalf("%q: upper-case bit of byte %d is %v", s, i, got)
			}
			wantMask |= bit(lc)
			if i > 0 && s[i-1] == ' ' {
				wantAfter |= bit(lc)
			}
			if i < n-1 && c != ' ' && isSeparator(rune(c)) {
				wantPlain = false
			}
			if i > 0 && 'a' <= s[i-1] && s[i-1] <= 'z' && 'A' <= c && c <= 'Z' {
				wantPlain = false
			}
		}
		if mask != wantMask || after != wantAfter || plain != wantPlain {
			t.Fatalf("%q: mask %x after %x plain %v, want %x %x %v", s, mask, after, plain, wantMask, wantAfter, wantPlain)
		}
		for c := range byte(128) {
			if (mask&bit(c) != 0) != strings.ContainsRune(string(dst[:n]), rune(c)) && isLetter(c) {
				t.Fatalf("%q: mask %x says %q is there: %v", s, mask, c, mask&bit(c) != 0)
			}
		}
		for _, c := range []byte("az 9-") {
			want := -1
			for i := 1; i < n; i++ {
				if dst[i-1] == ' ' && dst[i] == c {
					want = i
					break
				}
			}
			if got := indexAfterSpace(dst[:n], c); got != want {
				t.Fatalf("indexAfterSpace(%q, %q) = %d, want %d", dst[:n], c, got, want)
			}
		}
	}
}
