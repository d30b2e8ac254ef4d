package contramap

import (
	"fmt"
	"strings"

	"claims/internal/model"
)

// Filter is the command line's choice of claims: by tag, by the date a
// claim was made, by verdict. The zero Filter keeps every claim.
type Filter struct {
	Tag      string        // a claim with this tag (any case)
	From, To string        // made on or after From, on or before To: dates as precise as the data (2024, 2024-03, 2024-03-26)
	Verdict  model.Verdict // "" for any
}

// Validate checks the dates and the verdict.
func (f Filter) Validate() error {
	if err := model.ValidateDate("--from", f.From); err != nil {
		return err
	}
	if err := model.ValidateDate("--to", f.To); err != nil {
		return err
	}
	if f.From != "" && f.To != "" && dateLow(f.From) > dateHigh(f.To) {
		return fmt.Errorf("%w: --from %s is after --to %s", model.ErrInvalid, f.From, f.To)
	}
	if f.Verdict != "" && !f.Verdict.Valid() {
		_, err := model.ParseVerdict(string(f.Verdict))
		return err
	}
	return nil
}

// IsZero reports whether the filter keeps every claim.
func (f Filter) IsZero() bool { return f == Filter{} }

// Keep reports whether c passes the filter. A claim's date is a span (2024
// is all of 2024): it passes a date range it overlaps. A claim with no
// date fails any date range.
func (f Filter) Keep(c *model.ClaimSummary) bool {
	if f.Verdict != "" && c.Verdict != f.Verdict {
		return false
	}
	if f.Tag != "" {
		found := false
		for _, t := range c.Tags {
			if strings.EqualFold(t, f.Tag) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if f.From != "" || f.To != "" {
		if c.MadeOn == "" {
			return false
		}
		if f.From != "" && dateHigh(c.MadeOn) < dateLow(f.From) {
			return false
		}
		if f.To != "" && dateLow(c.MadeOn) > dateHigh(f.To) {
			return false
		}
	}
	return true
}

// Describe says which claims the filter keeps, for the caption: "claims
// tagged bombing, made from 2024-03 to 2024-04, verdict False".
func (f Filter) Describe() string {
	if f.IsZero() {
		return ""
	}
	parts := []string{"claims"}
	if f.Tag != "" {
		parts = append(parts, "tagged “"+f.Tag+"”")
	}
	switch {
	case f.From != "" && f.To != "":
		parts = append(parts, "made from "+f.From+" to "+f.To)
	case f.From != "":
		parts = append(parts, "made on or after "+f.From)
	case f.To != "":
		parts = append(parts, "made on or before "+f.To)
	}
	if f.Verdict != "" {
		parts = append(parts, "with verdict "+f.Verdict.Label())
	}
	return strings.Join(parts, " ")
}

// dateLow and dateHigh are the first and last day a date stands for, as
// text that sorts like the dates: "2024-03" runs from "2024-03-00" to
// "2024-03-99".
func dateLow(d string) string  { return padDate(d, "00") }
func dateHigh(d string) string { return padDate(d, "99") }

func padDate(d, fill string) string {
	switch len(d) {
	case 4:
		return d + "-" + fill + "-" + fill
	case 7:
		return d + "-" + fill
	}
	return d
}
