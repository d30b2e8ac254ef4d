package csvio_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"claims/internal/csvio"
	"claims/internal/csvio/csviotest"
	"claims/internal/model"
)

// madeOn reads a mapped CSV whose "date" column holds the given cells and
// returns each row's date made.
func madeOn(t *testing.T, order string, dates ...string) ([]string, error) {
	t.Helper()
	var b strings.Builder
	b.WriteString("statement,speaker,date\n")
	for i, d := range dates {
		b.WriteString("claim " + string(rune('a'+i)) + ",Someone," + d + "\n")
	}
	batch, err := csvio.Read(bytes.NewReader([]byte(b.String())), csvio.Options{DateOrder: order})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, r := range batch.Rows {
		out = append(out, r.Claim.MadeOn)
	}
	return out, nil
}

func TestNumericDates(t *testing.T) {
	cases := []struct {
		name   string
		order  string
		dates  []string
		want   []string
		errHas string // when the read must fail: what the message says
	}{
		{"US order worked out from a day above 12", csvio.DatesAuto,
			[]string{"6/11/2008", "9/25/2022"}, []string{"2008-06-11", "2022-09-25"}, ""},
		{"day-first order worked out from a day above 12", csvio.DatesAuto,
			[]string{"6/11/2008", "25.09.2022"}, []string{"2008-11-06", "2022-09-25"}, ""},
		{"ISO dates need no order", csvio.DatesAuto,
			[]string{"2024-03-27", "2024-03"}, []string{"2024-03-27", "2024-03"}, ""},
		{"mdy given", csvio.DatesMDY, []string{"6/11/2008"}, []string{"2008-06-11"}, ""},
		{"dmy given", csvio.DatesDMY, []string{"6/11/2008", "6-11-2008"}, []string{"2008-11-06", "2008-11-06"}, ""},
		{"the given order wins over the file", csvio.DatesDMY, []string{"13/1/2020"}, []string{"2020-01-13"}, ""},
		{"ambiguous throughout", csvio.DatesAuto, []string{"6/11/2008", "1/2/2003"}, nil,
			`line 2, column "date made": date made "6/11/2008" could be day/month or month/day`},
		{"the file disagrees with itself", csvio.DatesAuto, []string{"6/13/2008", "13/6/2008"}, nil,
			`line 3, column "date made": "13/6/2008" reads only as day/month/year, but line 2 reads only as month/day/year`},
		{"no such day in the given order", csvio.DatesMDY, []string{"2/30/2020"}, nil,
			`date made "2/30/2020" is not a date read as month/day/year`},
		{"a day above 12 in the given order's month", csvio.DatesMDY, []string{"13/1/2020"}, nil,
			`is not a date read as month/day/year`},
		{"two-digit years are refused", csvio.DatesMDY, []string{"6/11/08"}, nil, `"6/11/08" is not a date`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := madeOn(t, c.order, c.dates...)
			if c.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), c.errHas) || !errors.Is(err, model.ErrInvalid) {
					t.Fatalf("err = %v, want one containing %q", err, c.errHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("dates %q, want %q", got, c.want)
			}
		})
	}
}

// The app's own files hold ISO dates only: a numeric date there is an error
// whatever the order says.
func TestNumericDateInNativeFileRefused(t *testing.T) {
	out := exportClaims(t, csviotest.Build(t))
	lines := strings.SplitN(string(out), "\r\n", 3)
	header := strings.Split(lines[0], ",")
	row := strings.Split(lines[1], ",")
	for i, h := range header {
		if h == "date made" {
			row[i] = "6/11/2008"
		}
	}
	data := lines[0] + "\r\n" + strings.Join(row, ",") + "\r\n"
	_, err := csvio.Read(strings.NewReader(data), csvio.Options{DateOrder: csvio.DatesMDY})
	if err == nil || !strings.Contains(err.Error(), `"6/11/2008"`) {
		t.Fatalf("a numeric date in the app's own file: err = %v", err)
	}
}

func TestParseDateOrder(t *testing.T) {
	for in, want := range map[string]string{"": csvio.DatesAuto, "auto": csvio.DatesAuto, "MDY": csvio.DatesMDY, "dmy": csvio.DatesDMY} {
		if got, err := csvio.ParseDateOrder(in); err != nil || got != want {
			t.Errorf("ParseDateOrder(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := csvio.ParseDateOrder("ymd"); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("ParseDateOrder(ymd) = %v", err)
	}
}
