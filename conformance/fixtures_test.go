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
// golden line: the dump must be identical; a rejection must be a rejection on the same
// line (a different column is logged, not failed, since CPython's columns for some
// errors are hard to reproduce and matter little).
func TestFixtures(t *testing.T) {
	var accepts, identical, rejects, matched, colDiffs int
	for _, fx := range loadFixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			src, err := os.ReadFile(fx.path)
			if err != nil {
				t.Fatal(err)
			}
			got, want := kraitLine(fx.path, src), fx.want
			switch Classify(want) {
			case Accepted:
				accepts++
				switch {
				case got == want:
					identical++
				case Classify(got) == Accepted:
					t.Errorf("%s: dump differs; %s", fx.path, Diff(want, got))
				default:
					t.Errorf("%s: CPython accepts it, krait says %s", fx.path, shorten(got, 300))
				}
			case Rejected:
				rejects++
				if Classify(got) != Rejected {
					t.Errorf("%s: CPython rejects it (%s), krait gives %s", fx.path, want, shorten(got, 200))
					return
				}
				wl, wc, _ := ErrorPos(want)
				gl, gc, _ := ErrorPos(got)
				if wl != 0 && wl != gl {
					t.Errorf("%s: rejected on line %d, CPython says line %d\n  cpython: %s\n  krait:   %s", fx.path, gl, wl, want, got)
					return
				}
				matched++
				if wc != gc {
					colDiffs++
					t.Logf("%s: column %d, CPython says %d (not a failure)\n  cpython: %s\n  krait:   %s", fx.path, gc, wc, want, got)
				}
			default:
				t.Errorf("%s: golden is neither a dump nor a SyntaxError line: %s", fx.path, shorten(want, 200))
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

// shorten cuts s to at most n bytes for a failure message.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:runeStart(s, n)] + "…"
}
