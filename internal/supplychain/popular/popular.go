// Package popular is krait's list of popular PyPI projects, the targets that
// typosquats imitate: a built-in list written by hand, or the top-15,000 list
// (hugovk's top-pypi-packages) that `krait db update` downloads and `krait db
// import` loads into the DB directory.
package popular

import (
	_ "embed"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
)

// builtinText is the hand-written list; see builtin.txt for its format.
//
//go:embed builtin.txt
var builtinText string

// BuiltinSource is List.Source for the built-in list.
const BuiltinSource = "built-in"

// List is a ranked list of popular projects.
type List struct {
	// Names are PEP 503 normalised, most popular first, without duplicates.
	Names []string
	// Source says where the list came from: BuiltinSource, or the URL or file
	// a downloaded list was imported from.
	Source string
	// BuiltIn is true for the built-in list.
	BuiltIn bool

	rank map[string]int
}

// NewList returns a list of names, which it normalises; the first of two
// names that normalise alike keeps the rank. Tests and callers with their own
// ranking use it; the DB's list comes from Load.
func NewList(names []string, source string) *List {
	seen := make(map[string]bool, len(names))
	norm := make([]string, 0, len(names))
	for _, n := range names {
		if n = deps.Normalize(n); n != "" && !seen[n] {
			seen[n] = true
			norm = append(norm, n)
		}
	}
	return newList(norm, source, false)
}

// newList indexes names, which must be normalised and free of duplicates.
func newList(names []string, source string, builtin bool) *List {
	l := &List{Names: names, Source: source, BuiltIn: builtin, rank: make(map[string]int, len(names))}
	for i, n := range names {
		if _, dup := l.rank[n]; !dup {
			l.rank[n] = i + 1
		}
	}
	return l
}

// Builtin returns the built-in list. Each call parses the embedded text anew,
// so callers that need it often keep the result.
func Builtin() *List {
	var names []string
	seen := map[string]bool{}
	for _, line := range strings.Split(builtinText, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			n := deps.Normalize(w)
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	return newList(names, BuiltinSource, true)
}

// Rank returns the 1-based popularity rank of a project name, normalising it
// first, and whether the list holds it at all.
func (l *List) Rank(name string) (int, bool) {
	r, ok := l.rank[deps.Normalize(name)]
	return r, ok
}

// Len is the number of names in the list.
func (l *List) Len() int { return len(l.Names) }

// Top returns the n most popular names (all of them when n is larger or ≤ 0).
func (l *List) Top(n int) []string {
	if n <= 0 || n > len(l.Names) {
		return l.Names
	}
	return l.Names[:n]
}
