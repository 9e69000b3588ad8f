package eol

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kraitsec/krait/internal/analysis"
)

// testSources are the sources whose versions are the ones a project is tested on:
// tox environments and CI jobs. Docker, Compose, .python-version, runtime.txt, App
// Engine, Pipfile and conda say what the project runs on and are not among them.
var testSources = [...]string{"tox ", "GitHub Actions", "GitLab CI", "CircleCI", "Travis CI", "Azure Pipelines", "Bitbucket Pipelines"}

// isTestSource reports whether a claim's source is a test configuration.
func isTestSource(source string) bool {
	for _, p := range testSources {
		if strings.HasPrefix(source, p) {
			return true
		}
	}
	return false
}

// isMatrix reports whether a file's test configuration names two or more release
// lines: then it lists the versions a library supports (py38 … py312), not the one
// an application runs, and its end-of-life lines are judged like classifiers.
func isMatrix(claims []claim) bool {
	first, found := [2]int{}, false
	for _, c := range claims {
		if c.kind != pinned || !isTestSource(c.source) {
			continue
		}
		l := [2]int{c.major, c.minor}
		if !found {
			first, found = l, true
		} else if l != first {
			return true
		}
	}
	return false
}

// matrix reports the end-of-life lines of a file's test matrix as one KR711
// finding at the first mention, naming them oldest first; cs holds the released end-of-life claims, each
// line once.
func (j *judge) matrix(src analysis.Source, ls []string, fp *analysis.Fingerprinter, cs []claim) (analysis.Finding, bool) {
	byLine := slices.Clone(cs)
	slices.SortFunc(byLine, func(a, b claim) int { return cmp.Or(cmp.Compare(a.major, b.major), cmp.Compare(a.minor, b.minor)) })
	names := make([]string, len(byLine))
	last, py2 := Release{}, false
	for i, c := range byLine {
		r, _ := j.schedule.Lookup(c.major, c.minor)
		names[i] = r.Version
		py2 = py2 || r.Major < 3
		if r.EOL.After(last.EOL) {
			last = r
		}
	}
	verb, them := "which reached", "it"
	if len(cs) > 1 {
		verb, them = "which all reached", "them"
	}
	source := strings.TrimSuffix(cs[0].source, " image")
	msg := fmt.Sprintf("%s tests Python %s, %s end of life (%s on %s); the project still supports %s (a test matrix, not the interpreter it runs on)%s",
		source, strings.Join(names, ", "), verb, last.Version, last.EOL.Format(time.DateOnly), them, j.raiseTo())
	first := cs[0]
	first.source, first.text = source+" matrix", strings.Join(names, ",")
	r, _ := j.schedule.Lookup(first.major, first.minor)
	f, ok := j.emit(src, ls, fp, EOLPythonSupported, first, r, msg)
	if ok && py2 {
		f.Severity = analysis.SeverityMedium
	}
	return f, ok
}
