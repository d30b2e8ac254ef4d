package model

import "time"

// TimeLayout is how the app writes a moment, in the database and in its
// CSV files: UTC to the millisecond.
const TimeLayout = "2006-01-02T15:04:05.000Z"

// AppendTime appends t in TimeLayout. Years 0–9999 are written digit by
// digit (the export and the bulk load write hundreds of thousands of
// times); others go through the general formatter.
func AppendTime(dst []byte, t time.Time) []byte {
	t = t.UTC()
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(dst, TimeLayout)
	}
	h, mi, s := t.Clock()
	ms := t.Nanosecond() / int(time.Millisecond)
	return append(dst,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(mo)/10), byte('0'+int(mo)%10), '-', byte('0'+d/10), byte('0'+d%10), 'T',
		byte('0'+h/10), byte('0'+h%10), ':', byte('0'+mi/10), byte('0'+mi%10), ':',
		byte('0'+s/10), byte('0'+s%10), '.', byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10), 'Z')
}

// FormatTime writes t in TimeLayout: how the app stores and exports every
// moment.
func FormatTime(t time.Time) string { return string(AppendTime(make([]byte, 0, 24), t)) }

// Now is the app's clock: UTC, to the millisecond, as it is stored.
func Now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// ParseTime reads a stored moment (TimeLayout, or any RFC 3339 time, as a
// file edited by hand may hold) as UTC; the zero time when it is neither.
func ParseTime(s string) time.Time {
	t, _ := ParseTimeLayout(s)
	return t
}

// ParseTimeLayout is ParseTime, reading TimeLayout itself without the
// general parser (a list of 100,000 claims reads 200,000 of them); layout
// reports that s was written in TimeLayout exactly, so that such moments
// sort as their text does.
func ParseTimeLayout(s string) (t time.Time, layout bool) {
	if !isTimeLayout(s) {
		return parseAny(s), false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, mo, d := num(0, 4), num(5, 2), num(8, 2)
	h, mi, sec, ms := num(11, 2), num(14, 2), num(17, 2), num(20, 3)
	if mo < 1 || mo > 12 || d < 1 || d > time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() || h > 23 || mi > 59 || sec > 59 {
		return parseAny(s), false // let the general parser reject it
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, ms*int(time.Millisecond), time.UTC), true
}

func parseAny(s string) time.Time {
	t, err := time.Parse(TimeLayout, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t.UTC()
}

// isTimeLayout reports whether s has TimeLayout's shape: digits and the
// separators in their places.
func isTimeLayout(s string) bool {
	if len(s) != len(TimeLayout) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 4, 7:
			if c != '-' {
				return false
			}
		case 10:
			if c != 'T' {
				return false
			}
		case 13, 16:
			if c != ':' {
				return false
			}
		case 19:
			if c != '.' {
				return false
			}
		case 23:
			if c != 'Z' {
				return false
			}
		default:
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}
