package conformance

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/token"
)

// The .expected goldens are CPython 3.14's own output, written by
// `conformance/run --update-golden` (which needs node); krait's output is never the
// truth, so this test has no -update flag of its own.

var unsafeSubtestChars = regexp.MustCompile(`[^A-Za-z0-9_]`)

// fixture is one .py file and CPython's line for it.
type fixture struct {
	path, name, want string
}

func loadFixtures(t *testing.T) []fixture {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("fixtures", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no fixtures under conformance/fixtures")
	}
	var out []fixture
	for _, p := range paths {
		want, err := os.ReadFile(p + ".expected")
		if err != nil {
			t.Errorf("%s has no golden: %v (run conformance/run --update-golden)", p, err)
			continue
		}
		name := unsafeSubtestChars.ReplaceAllString(strings.TrimSuffix(filepath.Base(p), ".py"), "_")
		out = append(out, fixture{path: p, name: name, want: strings.TrimSuffix(string(want), "\n")})
	}
	return out
}

// kraitLine is what `krait dev ast` prints for src: the dump, or the SyntaxError line.
func kraitLine(path string, src []byte) (line string) {
	defer func() {
		if r := recover(); r != nil {
			line = fmt.Sprintf("panic: %v", r)
		}
	}()
	mod, err := parser.ParseFile(path, src)
	if err != nil {
		var se *token.SyntaxError
		if errors.As(err, &se) {
			return "SyntaxError: " + strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(se.Error())
		}
		return "error: " + err.Error()
	}
	return ast.Dump(mod)
}

// TestFixtures parses every fixture with krait in-process and compares with CPython's
// golden line (see Compare): the dump must be identical; a rejection must be a
// rejection on the same line, and a different column is only logged.
func TestFixtures(t *testing.T) {
	var accepts, identical, rejects, matched, colDiffs int
	for _, fx := range loadFixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			src, err := os.ReadFile(fx.path)
			if err != nil {
				t.Fatal(err)
			}
			v := Compare(fx.want, kraitLine(fx.path, src))
			switch v.Want {
			case Accepted:
				accepts++
				if v.OK {
					identical++
				}
			case Rejected:
				rejects++
				if v.OK {
					matched++
				}
			}
			switch {
			case !v.OK:
				t.Errorf("%s: %s", fx.path, strings.TrimSuffix(v.Detail, "\n"))
			case v.ColDiffers:
				colDiffs++
				t.Logf("%s (not a failure): %s", fx.path, strings.TrimSuffix(v.Detail, "\n"))
			}
		})
	}
	t.Logf("fixtures: identical dumps %d/%d, rejections matched %d/%d, rejections at another column %d",
		identical, accepts, matched, rejects, colDiffs)
}

// TestFixtureGoldens checks the corpus itself: every fixture has a golden, every golden
// a fixture, and only error_*.py files are rejected by CPython.
func TestFixtureGoldens(t *testing.T) {
	goldens, err := filepath.Glob(filepath.Join("fixtures", "*.expected"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		if _, err := os.Stat(strings.TrimSuffix(g, ".expected")); err != nil {
			t.Errorf("golden %s has no fixture: %v", g, err)
		}
	}
	for _, fx := range loadFixtures(t) {
		isErr := strings.HasPrefix(filepath.Base(fx.path), "error_")
		if k := Classify(fx.want); (k == Rejected) != isErr || k == Broken || k == Missing {
			t.Errorf("%s: CPython's verdict is %s; only error_*.py fixtures may be rejected", fx.path, k)
		}
	}
}
