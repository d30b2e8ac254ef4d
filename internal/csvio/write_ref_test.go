package csvio

import (
	"io"

	"claims/internal/db"
)

// WriteClaimsRef is the plain, one-string-per-cell WriteClaims that the
// fast one is tested against.
func WriteClaimsRef(w io.Writer, s *db.Snapshot, opt WriteOptions) error {
	cw := newCSVWriter(w, opt)
	cols := ClaimsColumns()
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = string(c)
	}
	cw.record(header)
	ix := newIndex(s)
	row := make([]string, len(cols))
	for _, c := range s.Claims {
		actor := ix.actors[c.ActorID]
		src := ix.sources[c.SourceID]
		subjects := make([]string, len(c.SubjectIDs))
		for i, id := range c.SubjectIDs {
			subjects[i] = ix.actors[id].Name
		}
		var counters [][]string
		var counterIDs, supporterIDs []string
		for _, l := range ix.answered[c.ID] {
			if !l.Relation.Opposes() {
				supporterIDs = append(supporterIDs, l.FromID)
				continue
			}
			cc := ix.claims[l.FromID]
			counters = append(counters, []string{string(l.Relation), ix.actors[cc.ActorID].Name, cc.Statement})
			counterIDs = append(counterIDs, l.FromID)
		}
		var notes [][]string
		for _, n := range ix.notes[c.ID] {
			notes = append(notes, []string{string(appendTime(nil, n.CreatedAt)), n.Author, n.Text})
		}
		kind := ""
		if actor.ID != "" {
			kind = string(actor.Kind)
		}
		copy(row, []string{
			c.ID, c.Statement, c.Quote, actor.Name, kind, joinList(actor.Aliases), actor.ID,
			joinList(subjects), src.ID, src.Title, src.Outlet, src.URL, src.Published, c.MadeOn,
			string(c.Verdict), c.Review.URL, c.Review.Explanation, c.Review.Published, joinList(c.Tags), joinItems(counters), joinList(counterIDs),
			joinList(supporterIDs), joinItems(notes), string(appendTime(nil, c.CreatedAt)), string(appendTime(nil, c.UpdatedAt)),
		})
		cw.record(row)
	}
	return cw.flush()
}
