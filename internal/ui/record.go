package ui

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"claims/internal/db"
	"claims/internal/model"
)

// The window's changes and the record. Every write the window makes goes
// through write: it is one change set in the history, signed with the
// reviewer's name (on a team database, the server's user), and the window
// keeps its number for Edit → Undo. A write carries a token, so that when
// the connection to a team database breaks under it, it is kept and tried
// again when the server is back — and applied once. Changes made by others
// (another window, the command line, another reviewer) reach the window
// through Store.Watch, which reloads it keeping the claim shown, the
// list's place and anything being typed.

// errReadOnly is what a write says in a viewer's window.
var errReadOnly = errors.New("you are a viewer of this database: you can read and export it; reviewers make changes")

// undoStack is the change sets this window made, newest last, and the
// undos of those undone, for Redo. Imports finish off the UI goroutine,
// hence the lock.
type undoStack struct {
	mu     sync.Mutex
	done   []int64
	undone []int64 // the undo sets, newest last
}

func (u *undoStack) push(set int64) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.done = append(u.done, set)
	u.undone = nil // a new change ends what can be redone
}

func (u *undoStack) last() (done, undone int64) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if n := len(u.done); n > 0 {
		done = u.done[n-1]
	}
	if n := len(u.undone); n > 0 {
		undone = u.undone[n-1]
	}
	return done, undone
}

// undid moves set from done to undone, as undo set u.
func (u *undoStack) undid(set, undo int64) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if n := len(u.done); n > 0 && u.done[n-1] == set {
		u.done = u.done[:n-1]
	}
	u.undone = append(u.undone, undo)
}

// redid moves undo from undone back to done, as redo set r.
func (u *undoStack) redid(undo, redo int64) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if n := len(u.undone); n > 0 && u.undone[n-1] == undo {
		u.undone = u.undone[:n-1]
	}
	u.done = append(u.done, redo)
}

// pendingWrite is a write that the server did not take because the
// connection was lost; it is tried again, with the same token, when the
// server is back.
type pendingWrite struct {
	what  string
	token string
	fn    func(ctx context.Context) error
}

// record is the window's state about its writes and the others'.
type record struct {
	undo    undoStack
	seen    int64 // the newest change set the window has shown
	offline bool  // the server is out of reach
	pending []pendingWrite
	stop    context.CancelFunc // ends the watch of the store
	// readOnly is set in a viewer's window of a team database.
	readOnly bool
	tokens   int
	session  string
}

// origin is the context of the window's writes: the reviewer's name (a
// team database signs them with the server's user whatever it is), via
// "window".
func (m *mainWindow) origin() context.Context {
	name := strings.TrimSpace(m.app.Preferences().String(prefReviewer))
	return db.WithOrigin(context.Background(), db.Origin{Reviewer: name, Via: "window"})
}

// newToken names one write of this window.
func (m *mainWindow) newToken() string {
	if m.rec.session == "" {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		m.rec.session = hex.EncodeToString(b)
	}
	m.rec.tokens++
	return fmt.Sprintf("window-%s-%d", m.rec.session, m.rec.tokens)
}

// write makes one change through fn, as one change set that Edit → Undo
// can revert. In a viewer's window it refuses. When the connection to the
// server is lost, the change is kept, the person is told, and it is made
// when the server is back; write then returns nil.
func (m *mainWindow) write(what string, fn func(ctx context.Context) error) error {
	if m.rec.readOnly {
		return errReadOnly
	}
	m.setStatus("") // what the last undo did is no longer the last thing done
	p := pendingWrite{what: what, token: m.newToken(), fn: fn}
	err := m.tryWrite(p)
	if db.ConnectionLost(err) && m.st.OnServer() {
		log.Printf("claims: %s: the server is out of reach (%v); kept to write when it is back", what, err)
		m.rec.pending = append(m.rec.pending, p)
		m.setOffline(true)
		return nil
	}
	return err
}

// tryWrite makes p's write once, keeping its change set.
func (m *mainWindow) tryWrite(p pendingWrite) error {
	var set int64
	err := p.fn(db.WithToken(db.WithSetID(m.origin(), &set), p.token))
	if err == nil && set != 0 {
		m.wrote(set)
	}
	return err
}

// wrote notes a change set this window made.
func (m *mainWindow) wrote(set int64) {
	m.rec.undo.push(set)
	m.rec.seen = max(m.rec.seen, set)
}

// undoLast reverts the newest change this window made and has not undone.
func (m *mainWindow) undoLast() {
	m.detail.commitTags()
	set, _ := m.rec.undo.last()
	if set == 0 {
		inform(m.win, "Nothing to undo", "This window has made no change that is not undone yet.")
		return
	}
	m.runUndo(set, false)
}

// redoLast makes again the change undone last.
func (m *mainWindow) redoLast() {
	_, undo := m.rec.undo.last()
	if undo == 0 {
		inform(m.win, "Nothing to redo", "Redo makes again a change you undid with Edit → Undo.")
		return
	}
	m.runUndo(undo, true)
}

// runUndo reverts set off the UI goroutine; redo says set is an undo.
func (m *mainWindow) runUndo(set int64, redo bool) {
	if m.rec.readOnly {
		inform(m.win, "Cannot undo", errReadOnly.Error())
		return
	}
	st := m.st
	m.pending.Add(1)
	go func() {
		defer m.pending.Done()
		var made int64
		var what db.ChangeSet
		err := func() error {
			var err error
			// What the person made: the set undone, or, for a redo, the
			// one the undo reverted.
			if what, err = st.Set(m.ctx(), set); err == nil && redo && what.Undoes != 0 {
				what, err = st.Set(m.ctx(), what.Undoes)
			}
			if err != nil {
				return err
			}
			made, err = st.Undo(m.origin(), set)
			return err
		}()
		m.do(func() {
			if st != m.st {
				return
			}
			var ue *db.UndoError
			switch {
			case errors.As(err, &ue):
				inform(m.win, "Cannot undo", undoConflictText(ue, m))
			case err != nil:
				m.showError("Could not undo", "", err)
			default:
				if redo {
					m.rec.undo.redid(set, made)
				} else {
					m.rec.undo.undid(set, made)
				}
				m.rec.seen = max(m.rec.seen, made)
				m.changed()
				m.setStatus(undoneText(what, redo))
			}
		})
	}()
}

// undoneText says what an undo, or a redo, reverted or made again: set is
// the change the person made. Ctrl+Z may revert a whole import made a
// while ago, far from the claim shown; the window says so.
func undoneText(set db.ChangeSet, redo bool) string {
	what := set.Via
	switch what {
	case "window", "":
		what = "your change"
	case "extract":
		what = "the claims saved from an article"
	}
	n := fmt.Sprintf("%d changes", set.Changes)
	if set.Changes == 1 {
		n = "1 change"
	}
	about := fmt.Sprintf("%s (%s, %s; set %d)", what, n, set.At.Local().Format("2 Jan 15:04"), set.ID)
	if redo {
		return "Made again: " + about + ". Ctrl+Z undoes it."
	}
	return "Undone: " + about + ". Ctrl+Y makes it again."
}

// undoConflictText says which later changes stand in an undo's way.
func undoConflictText(ue *db.UndoError, m *mainWindow) string {
	var b strings.Builder
	b.WriteString("Someone changed the same things after you, so undoing would overwrite their work. Nothing was changed.\n")
	for i, c := range ue.Conflicts {
		if i == 12 {
			fmt.Fprintf(&b, "\n… and %d more", len(ue.Conflicts)-i)
			break
		}
		what := c.Field
		if c.ClaimID != "" {
			if cs, ok := m.claimSummary(c.ClaimID); ok {
				what = fmt.Sprintf("%s of “%s”", c.Field, clipText(cs.Statement, 60))
			}
		}
		who := ""
		if c.By.ID != 0 {
			who = fmt.Sprintf(" — by %s, %s", c.By.Reviewer, c.By.At.Local().Format("2 Jan 2006 15:04"))
		}
		fmt.Fprintf(&b, "\n• %s: now %s%s", what, orNone(c.Now), who)
	}
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "(empty)"
	}
	return "“" + clipText(strings.ReplaceAll(s, "\n", "; "), 60) + "”"
}

func clipText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// claimSummary is a listed claim.
func (m *mainWindow) claimSummary(id string) (model.ClaimSummary, bool) {
	for i := range m.claims {
		if m.claims[i].ID == id {
			return m.claims[i], true
		}
	}
	return model.ClaimSummary{}, false
}

// watchStore follows the store's changes until the window switches to
// another store or closes.
func (m *mainWindow) watchStore() {
	if m.rec.stop != nil {
		m.rec.stop()
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.rec.stop = cancel
	st := m.st
	if v, err := st.Version(ctx); err == nil {
		m.rec.seen = max(m.rec.seen, v)
	}
	st.Watch(ctx, time.Second, func(e db.Event) {
		fyne.Do(func() {
			if st == m.st {
				m.storeChanged(e)
			}
		})
	})
}

// storeChanged takes a change the store reports: a lost or regained
// connection, or a change set the window has not shown yet (made by
// another window, the command line, another reviewer), which reloads it.
func (m *mainWindow) storeChanged(e db.Event) {
	if e.Lost != nil {
		m.setOffline(true)
		return
	}
	if m.rec.offline {
		m.setOffline(false)
		m.flushPending()
	}
	if e.Version > m.rec.seen {
		m.rec.seen = e.Version
		m.reload()
	}
}

// flushPending makes the writes kept while the server was away, in order.
func (m *mainWindow) flushPending() {
	for len(m.rec.pending) > 0 {
		p := m.rec.pending[0]
		err := m.tryWrite(p)
		if db.ConnectionLost(err) {
			m.setOffline(true)
			return
		}
		m.rec.pending = m.rec.pending[1:]
		if err != nil {
			m.showError("Could not save a change made while the server was away ("+p.what+")", "", err)
		}
	}
	m.setBanner("")
	m.changed()
}

// setOffline says, in the window's banner, that the server is out of
// reach and what happens to the person's changes.
func (m *mainWindow) setOffline(off bool) {
	m.rec.offline = off
	if !off {
		m.setBanner(m.readOnlyText())
		return
	}
	msg := "Connection to the server lost — retrying. Nothing you typed is lost."
	if n := len(m.rec.pending); n > 0 {
		msg += fmt.Sprintf(" %d change(s) will be saved when it is back.", n)
	}
	m.setBanner(msg)
}

func (m *mainWindow) readOnlyText() string {
	if m.rec.readOnly {
		return "Read only: " + viewerText
	}
	return ""
}

// viewerText says what a viewer of a team database may do: the banner's
// words, and a refused write's.
const viewerText = "You are a viewer of this team database: you can search, read and export; reviewers make changes."
