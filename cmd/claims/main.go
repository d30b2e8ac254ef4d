// Command claims is a desktop app for fact-checkers: it tracks claims, who
// made them, where they were reported and the claims that deny, dispute or
// contradict them, in one SQLite file.
//
// With no subcommand it opens the reviewer's window; subcommands work on a
// database from the command line. Run "claims --help" for the list.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	_ "claims/internal/locale" // before Fyne: quiet its locale detection under C.UTF-8
)

// command is one subcommand. Each lives in its own file and registers
// itself from init, so adding one touches nothing else.
type command struct {
	name    string
	usage   string // arguments after the name, e.g. "--db PATH [--sample]"
	summary string // one line for the help listing
	run     func(args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// errUsage marks an error whose message is about how the command was called;
// it exits with status 2.
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process around it, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	var err error
	switch {
	case len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help"):
		printHelp(stdout)
		return 0
	case len(args) > 0 && (args[0] == "--version" || args[0] == "-version" || args[0] == "version"):
		fmt.Fprintf(stdout, "claims %s\n", version)
		return 0
	case len(args) > 0 && !strings.HasPrefix(args[0], "-"):
		c, ok := commands[args[0]]
		if !ok {
			fmt.Fprintf(stderr, "claims: unknown command %q; run \"claims --help\" for the list\n", args[0])
			return 2
		}
		err = c.run(args[1:], stdout, stderr)
	default:
		err = runGUI(args, stderr)
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "claims: %v\n", err)
		return 2
	default:
		fmt.Fprintf(stderr, "claims: %v\n", err)
		return 1
	}
}

// newFlags makes a flag set for a subcommand whose errors and help go to
// stderr and come back as errors rather than exiting.
func newFlags(c command, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("claims "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: claims %s %s\n\n%s\n", c.name, c.usage, c.summary)
		var any bool
		fs.VisitAll(func(*flag.Flag) { any = true })
		if any {
			fmt.Fprintln(stderr, "\nOptions:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args, allowing flags after positional arguments
// ("claims import FILE --db x.db"), and returns the positional ones.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// requireDB reports a usage error when --db was not given.
func requireDB(path string) error {
	if path == "" {
		return fmt.Errorf("%w: --db PATH is required", errUsage)
	}
	return nil
}

// needDB checks a command that takes --db and no arguments.
func needDB(path string, rest []string) error {
	if err := requireDB(path); err != nil {
		return err
	}
	return noArgs(rest)
}

// noArgs reports a usage error for the first argument left after the flags.
func noArgs(rest []string) error {
	if len(rest) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, rest[0])
	}
	return nil
}

func printHelp(w io.Writer) {
	fmt.Fprintf(w, `Claims %s — track claims and their contradictions.

Usage:
  claims [--db PATH]         open the reviewer's window
  claims COMMAND [options]   work on a database from the command line

With no --db the window opens the database in the app's storage folder; on
the first run that database is created holding sample claims from the news
articles the app was built with. With --db PATH it opens that file, creating
it (empty) if it does not exist.

Commands:
`, version)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  claims %s %s\n      %s\n", c.name, c.usage, c.summary)
	}
	fmt.Fprint(w, `
Run "claims COMMAND --help" for a command's options.
Errors go to standard error and end with a non-zero exit status.
`)
}
