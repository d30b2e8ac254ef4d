package extract

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exampleMark is "[S words]": the part of an example sentence a pattern
// must capture.
var exampleMark = regexp.MustCompile(`\[([SORC]) ([^\]]*)\]`)

// TestPatternExamples runs every row of tables/patterns.tsv on its own
// example sentence: the row must match it, and capture the marked speaker,
// accused, answered words and content.
func TestPatternExamples(t *testing.T) {
	if len(patterns) == 0 {
		t.Fatal("no patterns loaded")
	}
	for _, p := range patterns {
		t.Run(p.id, func(t *testing.T) {
			if p.example == "" {
				t.Fatal("pattern has no example")
			}
			want := map[string]string{}
			for _, m := range exampleMark.FindAllStringSubmatch(p.example, -1) {
				want[m[1]] = m[2]
			}
			text := exampleMark.ReplaceAllString(p.example, "$2")
			d := readDocument(text)
			var got *attribution
			for _, a := range d.attributions() {
				if a.id == p.id {
					got = &a
					break
				}
			}
			if got == nil {
				t.Fatalf("row does not match its example %q", text)
			}
			for part, sp := range map[string][2]int{"S": got.spk, "O": got.obj, "R": got.ref, "C": got.con} {
				g := strings.Trim(d.span(sp[0], sp[1]), "“”\" ,.")
				if w := strings.Trim(want[part], "“”\" ,."); g != w {
					t.Errorf("%s = %q, want %q", part, g, w)
				}
			}
		})
	}
}

// TestTables checks that the word lists the code looks up exist and that
// every cue has a class the patterns use.
func TestTables(t *testing.T) {
	for _, list := range []string{"abbrev", "det", "poss", "aux", "prep", "conj", "rel", "be", "time", "title", "role", "body",
		"outlet", "orghead", "female", "male", "name.f", "name.m", "ref", "doc", "false", "neg", "stop", "number", "opener",
		"plural", "past", "adjunct", "kind.org"} {
		if len(lex[list]) == 0 {
			t.Errorf("word list %q is missing or empty", list)
		}
	}
	used := map[string]bool{}
	for _, p := range patterns {
		for c := range p.classes {
			used[c] = true
		}
	}
	for form, c := range cues {
		if !used[c.class] {
			t.Errorf("cue %q has class %q that no pattern reads", form, c.class)
		}
	}
}

// TestFunctionLength keeps every function of the package under 80 lines.
func TestFunctionLength(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			if n := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1; n > 80 {
				t.Errorf("%s: %s is %d lines long (at most 80)", f, fn.Name.Name, n)
			}
		}
	}
}
