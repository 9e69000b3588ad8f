package walk

import (
	"fmt"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// DefaultExcludes returns the names skipped at any depth unless named on the command
// line: VCS metadata, caches, virtual environments and vendored JavaScript, none of
// which is the project's own Python code.
func DefaultExcludes() []string {
	return []string{
		".git", ".hg", ".svn",
		"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache",
		".tox", ".nox", ".venv", "venv",
		"node_modules",
		"*.egg-info", ".eggs",
	}
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
