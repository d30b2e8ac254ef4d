package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"claims/internal/model"
)

// reviewFields edit the published fact-check behind a claim's verdict:
// its address, its date and why the rating. Like the tags they save on
// Enter (Ctrl+Enter in the explanation) and when they lose the focus;
// Escape puts back what was saved.
type reviewFields struct {
	url, date, explanation *keyEntry
	saved                  model.Review
	content                fyne.CanvasObject
}

func newReviewFields(commit, done func()) *reviewFields {
	r := &reviewFields{url: newKeyEntry(), date: newKeyEntry(), explanation: newKeyMultiLineEntry()}
	r.url.SetPlaceHolder("https://… the published fact-check")
	r.date.SetPlaceHolder("e.g. 2024-03-26")
	r.explanation.SetPlaceHolder("Why the rating, in a sentence or two (Ctrl+Enter saves)")
	r.explanation.SetMinRowsVisible(2)
	saved := map[*keyEntry]func() string{
		r.url:         func() string { return r.saved.URL },
		r.date:        func() string { return r.saved.Published },
		r.explanation: func() string { return r.saved.Explanation },
	}
	for _, e := range []*keyEntry{r.url, r.date, r.explanation} {
		e.onFocusLost = commit
		e.onEscape = func() { // drops the typing in this box: leaving by Escape saves nothing
			e.SetText(saved[e]())
			done()
		}
		e.OnSubmitted = func(string) {
			commit()
			done()
		}
	}
	form := container.New(layout.NewFormLayout(),
		boldLabel("Fact-check"), r.url,
		boldLabel("Review date"), r.date,
		boldLabel("Why"), r.explanation)
	r.content = form
	return r
}

func (r *reviewFields) load(rv model.Review) {
	r.saved = rv
	r.url.SetText(rv.URL)
	r.date.SetText(rv.Published)
	r.explanation.SetText(rv.Explanation)
}

func (r *reviewFields) values() model.Review {
	return model.Review{URL: strings.TrimSpace(r.url.Text), Published: strings.TrimSpace(r.date.Text),
		Explanation: strings.TrimSpace(r.explanation.Text)}
}

func (r *reviewFields) dirty() bool { return r.values() != r.saved }
