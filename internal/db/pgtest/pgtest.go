// Package pgtest starts a real PostgreSQL server for tests: its own data
// folder under the system's temporary folder, initdb and pg_ctl from the
// machine's PostgreSQL (Debian's postgresql package), run as the postgres
// user when the tests run as root (the server refuses root), listening on
// a Unix socket in that folder and on a free port of 127.0.0.1. Each test
// gets a database of its own; the server is stopped by Stop, which each
// test package calls from TestMain.
//
// There are no mocks: when PostgreSQL is not installed the tests that need
// it fail and say to run scripts/deps.sh.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver for the admin connection
)

// Server is a running PostgreSQL server.
type Server struct {
	Dir    string // data folder, socket folder, log
	Port   int    // on 127.0.0.1
	bin    string
	asUser string // run server commands as this user ("" = as we are)
	admin  *sql.DB
	down   bool // stopped by Down
}

var (
	once    sync.Once
	running *Server
	failed  error
	dbSeq   atomic.Int64
)

// Start returns the package's server, starting it on first use.
func Start(t testing.TB) *Server {
	t.Helper()
	s, err := Run()
	if err != nil {
		t.Fatalf("pgtest: cannot start PostgreSQL: %v\n(install it with ./scripts/deps.sh --server, which the README's test command runs)", err)
	}
	return s
}

// Run is Start for programs that are not tests (the benchmarks): the
// package's server, started on first use.
func Run() (*Server, error) {
	once.Do(func() { running, failed = start() })
	return running, failed
}

// CreateDatabase makes an empty database and returns its superuser URL
// over the socket.
func (s *Server) CreateDatabase(name string) (string, error) {
	if _, err := s.admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
		return "", err
	}
	if _, err := s.admin.Exec("CREATE DATABASE " + name); err != nil {
		return "", err
	}
	return s.adminURL(name), nil
}

// Stop stops the server, if one was started. Call it from TestMain after
// m.Run.
func Stop() {
	if running == nil {
		return
	}
	running.admin.Close()
	_ = running.ctl("stop", "-m", "fast", "-w")
	os.RemoveAll(running.Dir)
	running = nil
}

// Main runs a package's tests and then stops the server, if one of them
// started it: a package whose tests use the server calls it as its
// TestMain.
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

// binDir finds initdb and pg_ctl: on PATH, else in Debian's
// /usr/lib/postgresql/N/bin, the newest N.
func binDir() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Dir(real), nil
		}
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	best, bestV := "", 0
	for _, d := range dirs {
		v, _ := strconv.Atoi(filepath.Base(filepath.Dir(d)))
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil && v > bestV {
			best, bestV = d, v
		}
	}
	if best == "" {
		return "", fmt.Errorf("no pg_ctl on PATH or in /usr/lib/postgresql/*/bin")
	}
	return best, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func start() (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "claims-pgtest-")
	if err != nil {
		return nil, err
	}
	s := &Server{Dir: dir, bin: bin}
	if os.Geteuid() == 0 {
		s.asUser = "postgres"
		u, err := user.Lookup(s.asUser)
		if err != nil {
			return nil, fmt.Errorf("running as root, and there is no postgres user to run the server as: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	if s.Port, err = freePort(); err != nil {
		return nil, err
	}
	pwfile := filepath.Join(dir, "pw")
	if err := os.WriteFile(pwfile, []byte("postgres\n"), 0o644); err != nil {
		return nil, err
	}
	if s.asUser != "" {
		u, _ := user.Lookup(s.asUser)
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		os.Chown(pwfile, uid, gid)
	}
	data := filepath.Join(dir, "data")
	// Local (socket) connections are trusted, for the tests' own
	// administration; TCP ones need a password, as a team server's do.
	if out, err := s.run(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--pwfile", pwfile,
		"--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -c port=%d -c unix_socket_directories=%s -c fsync=off "+
		"-c synchronous_commit=off -c full_page_writes=off -c max_connections=200", s.Port, dir)
	if err := s.ctl("start", "-w", "-t", "60", "-l", filepath.Join(dir, "log"), "-o", opts); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		return nil, fmt.Errorf("pg_ctl start: %v: %s", err, log)
	}
	s.admin, err = sql.Open("pgx", s.adminURL("postgres"))
	if err == nil {
		err = s.admin.Ping()
	}
	if err != nil {
		_ = s.ctl("stop", "-m", "immediate", "-w") // no server left behind
		os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

func (s *Server) run(name string, args ...string) ([]byte, error) {
	var cmd *exec.Cmd
	if s.asUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", s.asUser, "--", name}, args...)...)
	} else {
		cmd = exec.Command(name, args...)
	}
	cmd.Dir = s.Dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // a Ctrl+C of the tests does not reach the server first
	return cmd.CombinedOutput()
}

func (s *Server) ctl(args ...string) error {
	out, err := s.run(filepath.Join(s.bin, "pg_ctl"), append([]string{"-D", filepath.Join(s.Dir, "data")}, args...)...)
	if err != nil {
		return fmt.Errorf("%v: %s", err, out)
	}
	return nil
}

func (s *Server) adminURL(db string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&port=%d&sslmode=disable", db, s.Dir, s.Port)
}

// Exec runs statements as the server's superuser on database db ("" for
// the default one).
func (s *Server) Exec(t testing.TB, db string, statements ...string) {
	t.Helper()
	if err := s.Do(db, statements...); err != nil {
		t.Fatal(err)
	}
}

// Do runs statements as the server's superuser on database db ("" for
// the default one), stopping at the first that fails.
func (s *Server) Do(db string, statements ...string) error {
	conn := s.admin
	if db != "" {
		c, err := sql.Open("pgx", s.adminURL(db))
		if err != nil {
			return err
		}
		defer c.Close()
		conn = c
	}
	for _, st := range statements {
		if _, err := conn.ExecContext(context.Background(), st); err != nil {
			return fmt.Errorf("pgtest: %s: %v", st, err)
		}
	}
	return nil
}

// NewDatabase makes an empty database for one test, dropped when it ends,
// and returns its URL for the superuser (over the socket, no password).
func NewDatabase(t testing.TB) string {
	t.Helper()
	s := Start(t)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), dbSeq.Add(1))
	s.Exec(t, "", "CREATE DATABASE "+name)
	t.Cleanup(func() {
		_, _ = s.admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	return s.adminURL(name)
}

// URL is the address of database db for user with password over TCP,
// as a team's reviewers reach their server.
func (s *Server) URL(user, password, db string) string {
	auth := user
	if password != "" {
		auth += ":" + password
	}
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", auth, s.Port, db)
}

// DatabaseName is the database a NewDatabase URL names.
func DatabaseName(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Path, "/")
}

// Restart stops the server and starts it again on the same port, for
// tests of what a client does when its server goes away.
func (s *Server) Restart(t testing.TB, down time.Duration) {
	t.Helper()
	s.Down(t)
	time.Sleep(down)
	s.Up(t)
}

// Down stops the server (Up starts it again on the same port; so does the
// end of the test, when Up was not called).
func (s *Server) Down(t testing.TB) {
	t.Helper()
	if err := s.ctl("stop", "-m", "fast", "-w"); err != nil {
		t.Fatal(err)
	}
	s.down = true
	t.Cleanup(func() {
		if s.down {
			s.Up(t)
		}
	})
}

// Up starts the server stopped by Down.
func (s *Server) Up(t testing.TB) {
	t.Helper()
	s.down = false
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -c port=%d -c unix_socket_directories=%s -c fsync=off "+
		"-c synchronous_commit=off -c full_page_writes=off -c max_connections=200", s.Port, s.Dir)
	if err := s.ctl("start", "-w", "-t", "60", "-l", filepath.Join(s.Dir, "log"), "-o", opts); err != nil {
		t.Fatal(err)
	}
}

// Wanted reports whether the store tests should run on PostgreSQL: the
// README's test command runs them once on each engine, the second time
// with CLAIMS_TEST_ENGINE=postgres.
func Wanted() bool { return os.Getenv("CLAIMS_TEST_ENGINE") == "postgres" }

// TestDB is where a test's new, empty database lives: a file in dir, or,
// when Wanted, a new database on the test server.
func TestDB(t testing.TB, dir string) string {
	t.Helper()
	if Wanted() {
		return NewDatabase(t)
	}
	return filepath.Join(dir, "claims.db")
}
