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

// fixture is one .py file and CPython's line for it. known is the reason from
// fixtures/known_failures.txt when krait is known not to conform on it yet.
type fixture struct {
	path, name, want, known string
}

// readKnownFailures maps fixture file names to the reason they are listed.
func readKnownFailures(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("fixtures", "known_failures.txt"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]string{}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		name, why, _ := strings.Cut(l, " ")
		known[name] = strings.TrimSpace(why)
	}
	return known
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
	known := readKnownFailures(t)
	for name := range known {
		if _, err := os.Stat(filepath.Join("fixtures", name)); err != nil {
			t.Errorf("known_failures.txt lists %s: %v", name, err)
		}
	}
	var out []fixture
	for _, p := range paths {
		want, err := os.ReadFile(p + ".expected")
		if err != nil {
			t.Errorf("%s has no golden: %v (run conformance/run --update-golden)", p, err)
			continue
		}
		name := unsafeSubtestChars.ReplaceAllString(strings.TrimSuffix(filepath.Base(p), ".py"), "_")
		out = append(out, fixture{path: p, name: name, want: strings.TrimSuffix(string(want), "\n"), known: known[filepath.Base(p)]})
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
// rejection on the same line, and a different column is only logged. Fixtures listed in
// fixtures/known_failures.txt are skipped with their diff, and say so once they conform.
func TestFixtures(t *testing.T) {
	var accepts, identical, rejects, matched, colDiffs, known int
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
			case fx.known != "" && v.OK:
				// Logged, not failed: a fix and the list's update may land in either order.
				t.Logf("%s now conforms: remove it from fixtures/known_failures.txt", fx.path)
			case fx.known != "":
				known++
				t.Skipf("known failure (%s): %s: %s", fx.known, fx.path, strings.TrimSuffix(v.Detail, "\n"))
			case !v.OK:
				t.Errorf("%s: %s", fx.path, strings.TrimSuffix(v.Detail, "\n"))
			case v.ColDiffers:
				colDiffs++
				t.Logf("%s (not a failure): %s", fx.path, strings.TrimSuffix(v.Detail, "\n"))
			}
		})
	}
	t.Logf("fixtures: identical dumps %d/%d, rejections matched %d/%d, rejections at another column %d, known failures skipped %d",
		identical, accepts, matched, rejects, colDiffs, known)
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
