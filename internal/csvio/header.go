package csvio

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"claims/internal/model"
)

// HeaderLooksLikeData says, when a file's first row looks like a row of
// data rather than column names, why; otherwise "". Column names are
// short labels; a number, a date, a web address, a rating label or a
// sentence is what data rows hold. A file without a header imported as if
// it had one would lose its first row.
func HeaderLooksLikeData(header []string) string {
	for i, h := range header {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		var why string
		switch {
		case isNumber(h):
			why = "a number"
		case looksLikeDate(h):
			why = "a date"
		case model.IsWebURL(h):
			why = "a web address"
		case len(strings.Fields(h)) > 6 || len([]rune(h)) > 60:
			why = "a sentence"
		case mostlyDigits(h):
			why = "mostly digits"
		default:
			if _, err := (VerdictMap{}).Verdict(h); err == nil && key(h) != "verdict" && key(h) != "rating" {
				if _, isField := fieldNames[key(h)]; !isField {
					why = "a rating label"
				}
			}
		}
		if why != "" {
			return fmt.Sprintf("the first row looks like data, not column names: column %d is %q (%s). "+
				"If the file has no header row, import it with --no-header (in the window: untick \"First row holds column names\"), "+
				"or that row is not imported", i+1, clipHeader(h), why)
		}
	}
	return ""
}

func clipHeader(s string) string {
	if r := []rune(s); len(r) > 50 {
		return string(r[:49]) + "…"
	}
	return s
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return err == nil
}

func mostlyDigits(s string) bool {
	var digits, other int
	for _, r := range s {
		if unicode.IsDigit(r) {
			digits++
		} else {
			other++
		}
	}
	return digits >= 3 && digits > other
}

func looksLikeDate(s string) bool {
	p := parser{dates: DatesMDY}
	d, err := p.date(FMadeOn, s)
	return err == nil && d != ""
}
