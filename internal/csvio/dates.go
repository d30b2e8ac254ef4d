package csvio

import (
	"fmt"
	"strconv"
	"strings"

	"claims/internal/model"
)

// Date orders for numeric dates such as 6/11/2008, which other tools'
// spreadsheets write in the order of their country.
const (
	DatesAuto = ""    // work the order out from the file
	DatesMDY  = "mdy" // 6/11/2008 is 11 June 2008 (United States)
	DatesDMY  = "dmy" // 6/11/2008 is 6 November 2008
)

// ParseDateOrder reads a --dates value: mdy, dmy, or auto (or empty).
func ParseDateOrder(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return DatesAuto, nil
	case "mdy":
		return DatesMDY, nil
	case "dmy":
		return DatesDMY, nil
	}
	return "", fmt.Errorf("%w: --dates %q: say mdy (6/11/2008 is 11 June), dmy (6 November) or auto", model.ErrInvalid, s)
}

// numericDate splits a date written as M/D/YYYY, D.M.YYYY or D-M-YYYY (one
// or two digits, then one or two digits, then a four-digit year) into its
// three numbers. ok is false for any other text, ISO 8601 included.
func numericDate(s string) (a, b, year int, ok bool) {
	sep := strings.IndexAny(s, "/.-")
	if sep < 1 || sep > 2 {
		return 0, 0, 0, false
	}
	parts := strings.Split(s, s[sep:sep+1])
	if len(parts) != 3 || len(parts[1]) < 1 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return 0, 0, 0, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || strings.ContainsAny(p, "+-") {
			return 0, 0, 0, false
		}
		n[i] = v
	}
	return n[0], n[1], n[2], true
}

// detectDateOrder looks at every numeric date in the date columns of a
// table read through mapping m. A first number above 12 can only be a day,
// a second above 12 only a day too: the first such date settles the order.
// Dates that settle it both ways are an error that names both lines. When
// nothing settles it, the order stays DatesAuto and an ambiguous date is
// refused when it is read.
func detectDateOrder(t *Table, m Mapping) (string, error) {
	order, settledAt := DatesAuto, 0
	for _, f := range []Field{FMadeOn, FPublished} {
		col, ok := m[f]
		if !ok {
			continue
		}
		for r, rec := range t.Rows {
			if col >= len(rec) {
				continue
			}
			a, b, _, ok := numericDate(strings.TrimSpace(rec[col]))
			if !ok {
				continue
			}
			var this string
			switch {
			case a > 12 && b <= 12:
				this = DatesDMY
			case b > 12 && a <= 12:
				this = DatesMDY
			default:
				continue
			}
			line := t.Lines[r][col]
			if order == DatesAuto {
				order, settledAt = this, line
			} else if order != this {
				return "", &RowError{Line: line, Column: string(f), Err: model.ErrInvalid,
					Reason: fmt.Sprintf("%q reads only as %s, but line %d reads only as %s; say which the file uses with --dates mdy or --dates dmy",
						rec[col], orderName(this), settledAt, orderName(order))}
			}
		}
	}
	return order, nil
}

func orderName(order string) string {
	if order == DatesMDY {
		return "month/day/year"
	}
	return "day/month/year"
}

// numericDateISO reads a numeric date in the given order as YYYY-MM-DD.
func numericDateISO(f Field, s, order string) (string, bool, error) {
	a, b, y, ok := numericDate(s)
	if !ok {
		return "", false, nil
	}
	if order == DatesAuto {
		return "", true, fmt.Errorf("%w: %s %q could be day/month or month/day, and no date in the file tells which; say which with --dates mdy (6/11/2008 is 11 June) or --dates dmy (6 November)", model.ErrInvalid, f, s)
	}
	month, day := a, b
	if order == DatesDMY {
		month, day = b, a
	}
	iso := fmt.Sprintf("%04d-%02d-%02d", y, month, day)
	if err := model.ValidateDate(string(f), iso); err != nil {
		return "", true, fmt.Errorf("%w: %s %q is not a date read as %s", model.ErrInvalid, f, s, orderName(order))
	}
	return iso, true, nil
}

// padISODate writes an ISO date given without leading zeros ("2021-7-16",
// "2021-7") with them; anything else comes back as it is.
func padISODate(s string) string {
	parts := strings.Split(s, "-")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 {
		return s
	}
	for i, p := range parts {
		if p == "" || len(p) > 4 || strings.Trim(p, "0123456789") != "" || (i > 0 && len(p) > 2) {
			return s
		}
		if len(p) == 1 {
			parts[i] = "0" + p
		}
	}
	return strings.Join(parts, "-")
}
