package walk

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// DefaultExcludes returns the names skipped at any depth unless named on the command
// line: VCS metadata, caches, installed third-party packages and vendored JavaScript,
// none of which is the project's own Python code. Virtual environments are skipped
// too, whatever their name, when they hold a pyvenv.cfg (see isVirtualenv).
func DefaultExcludes() []string {
	return []string{
		".git", ".hg", ".svn",
		"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache",
		".tox", ".nox", ".venv",
		"site-packages", "dist-packages",
		"node_modules",
		"*.egg-info", ".eggs",
	}
}

// isVirtualenv reports whether dir is a virtual environment. Judging by the marker
// file rather than by a name such as "venv" keeps real packages called venv (the
// standard library has one) in the scan.
func isVirtualenv(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, "pyvenv.cfg"))
	return err == nil
}

type excludes struct {
	defaults []string
	user     []string
}

func compileExcludes(globs []string) (*excludes, error) {
	e := &excludes{defaults: DefaultExcludes()}
	for _, g := range globs {
		// "./build/" and "build" mean the same thing to a user.
		g = strings.TrimPrefix(g, "./")
		g = strings.TrimSuffix(g, "/")
		if g == "" {
			return nil, fmt.Errorf("invalid exclude pattern %q: empty", g)
		}
		if !doublestar.ValidatePattern(g) {
			return nil, fmt.Errorf("invalid exclude pattern %q", g)
		}
		e.user = append(e.user, g)
	}
	return e, nil
}

func (e *excludes) isDefault(name string) bool {
	for _, p := range e.defaults {
		if ok, _ := doublestar.Match(p, name); ok {
			return true
		}
	}
	return false
}

// isUser matches rel, the slash-separated path below the scan root, and its base name.
func (e *excludes) isUser(rel, name string) bool {
	for _, p := range e.user {
		if ok, _ := doublestar.Match(p, rel); ok {
			return true
		}
		if ok, _ := doublestar.Match(p, name); ok {
			return true
		}
	}
	return false
}
