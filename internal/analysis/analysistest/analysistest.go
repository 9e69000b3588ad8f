// Package analysistest runs a rule over a fixture and checks its findings against the
// fixture's inline expectations. A fixture is testdata/<CODE>.py, a realistic Python
// file in which every line that must produce a finding ends with
//
//	x = eval(data)  # want "builtins.eval called with" `a second finding`
//
// Each Go-quoted or backquoted string is a regular expression that must match the
// message of one finding reported on that line; every other line must stay clean.
// The rule runs through the real engine, so suppression comments in a fixture work as
// they do in a scan.
package analysistest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// wantRe finds the start of an expectation inside a comment.
var wantRe = regexp.MustCompile(`#\s*want\s`)

// Want is one expected finding: a regular expression for its message, on a line.
type Want struct {
	Line    int
	Pattern *regexp.Regexp
}

// Run reads dir/<r.Code>.py, runs r over it and reports every missing or unexpected
// finding as a test error located at file:line. A fixture that does not parse, or a
// rule that panics, fails the test.
func Run(t testing.TB, dir string, r *analysis.Rule) {
	t.Helper()
	path := filepath.Join(dir, r.Code+".py")
	f, err := ParseFixture(path)
	if err != nil {
		t.Fatal(err)
	}
	wants, err := Wants(path, f)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := RunRule(path, f, r)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, msg := range Check(path, wants, findings) {
		t.Error(msg)
	}
}

// ParseFixture reads and parses a fixture; a file the parser rejects is an error.
func ParseFixture(path string) (*parser.File, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := parser.Parse(path, src)
	if err != nil {
		var se *parser.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s:%d:%d: fixture does not parse: %s", path, se.Line, se.Col, se.Msg)
		}
		return nil, fmt.Errorf("%s: fixture does not parse: %w", path, err)
	}
	return f, nil
}

// RunRule runs one rule over a parsed fixture through the engine, as a scan would.
func RunRule(path string, f *parser.File, r *analysis.Rule) ([]analysis.Finding, error) {
	m := semantic.Build(f.Module, semantic.ModuleOptions(filepath.Base(path), 0))
	return analysis.NewEngine([]*analysis.Rule{r}).Run(path, f, m)
}

// Wants reads the `# want` expectations from a parsed file's comments.
func Wants(path string, f *parser.File) ([]Want, error) {
	var out []Want
	for _, c := range f.Comments {
		loc := wantRe.FindStringIndex(c.Text)
		if loc == nil {
			continue
		}
		rest := c.Text[loc[1]:]
		n := 0
		for {
			rest = strings.TrimLeft(rest, " \t")
			if rest == "" || rest[0] == '#' {
				break
			}
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: malformed want: expected a Go-quoted or backquoted regexp at %q", path, c.Line, rest)
			}
			s, err := strconv.Unquote(q)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: malformed want %s: %v", path, c.Line, q, err)
			}
			re, err := regexp.Compile(s)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: invalid regexp in want: %v", path, c.Line, err)
			}
			out = append(out, Want{Line: c.Line, Pattern: re})
			rest = rest[len(q):]
			n++
		}
		if n == 0 {
			return nil, fmt.Errorf("%s:%d: want without a regexp", path, c.Line)
		}
	}
	return out, nil
}

// Check matches findings with expectations, each finding with the first unused
// expectation of its line whose regexp matches its message, and returns one message
// per finding nobody expected and per expectation no finding met, in line order.
func Check(path string, wants []Want, findings []analysis.Finding) []string {
	type problem struct {
		line int
		msg  string
	}
	var probs []problem
	used := make([]bool, len(wants))
	for _, f := range findings {
		matched := false
		for i, w := range wants {
			if !used[i] && w.Line == f.Line && w.Pattern.MatchString(f.Message) {
				used[i], matched = true, true
				break
			}
		}
		if !matched {
			probs = append(probs, problem{f.Line, fmt.Sprintf("%s:%d:%d: unexpected finding %s: %s", path, f.Line, f.Column, f.Code, f.Message)})
		}
	}
	for i, w := range wants {
		if !used[i] {
			probs = append(probs, problem{w.Line, fmt.Sprintf("%s:%d: no finding matched %q", path, w.Line, w.Pattern)})
		}
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].line < probs[j].line })
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = p.msg
	}
	return out
}

// stdlibDir is the CPython standard library of the project's machines.
const stdlibDir = "/root/.pyenv/versions/3.11.7/lib/python3.11"

// Stdlib returns the directory of a CPython standard library, a large corpus of real
// code: $KRAIT_STDLIB, or the one on the project's machines. It skips the test in
// -short mode and when there is none.
func Stdlib(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("the standard library corpus is slow")
	}
	dir := os.Getenv("KRAIT_STDLIB")
	if dir == "" {
		dir = stdlibDir
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no standard library at %s (set KRAIT_STDLIB)", dir)
	}
	return dir
}

// CheckCallees runs rules over every .py file under dirs twice, once as they are and
// once without their Callees, and reports each finding only one run produced: a
// rule's Callees may only spare it calls it would ignore. Files that do not parse are
// skipped; so is a directory that does not exist.
func CheckCallees(t testing.TB, rules []*analysis.Rule, dirs ...string) {
	t.Helper()
	all := make([]*analysis.Rule, len(rules))
	for i, r := range rules {
		c := *r
		c.Callees = nil
		all[i] = &c
	}
	filtered, unfiltered := analysis.NewEngine(rules), analysis.NewEngine(all)
	files, problems := 0, 0
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return filepath.SkipDir
				}
				return err
			}
			if d.IsDir() || !strings.HasSuffix(path, ".py") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			f, err := parser.Parse(path, src)
			if err != nil {
				return nil
			}
			files++
			m := semantic.Build(f.Module, semantic.Options{})
			got, err1 := filtered.Run(path, f, m)
			want, err2 := unfiltered.Run(path, f, m)
			if err := errors.Join(err1, err2); err != nil {
				t.Errorf("%s: %v", path, err)
			}
			for _, msg := range diffFindings(path, got, want) {
				if problems++; problems <= 20 {
					t.Error(msg)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files == 0 {
		t.Errorf("no Python file under %v", dirs)
	}
}

// diffFindings lists the findings that only one of two runs produced.
func diffFindings(path string, got, want []analysis.Finding) []string {
	key := func(f analysis.Finding) string {
		return fmt.Sprintf("%d:%d: %s %s", f.Line, f.Column, f.Code, f.Message)
	}
	count := map[string]int{}
	for _, f := range want {
		count[key(f)]++
	}
	for _, f := range got {
		count[key(f)]--
	}
	var out []string
	for k, n := range count {
		switch {
		case n > 0:
			out = append(out, fmt.Sprintf("%s:%s: lost to Callees", path, k))
		case n < 0:
			out = append(out, fmt.Sprintf("%s:%s: found only with Callees", path, k))
		}
	}
	sort.Strings(out)
	return out
}
