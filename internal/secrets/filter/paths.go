package filter

import (
	"path"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// FixturePath reports whether a slash- or backslash-separated path is test code,
// a test fixture, an example or documentation, where credentials are mostly
// made up: tests/, test_*.py, *_test.py, conftest.py, fixtures/, testdata/,
// examples/, docs/.
func FixturePath(rel string) bool {
	p := strings.ToLower(strings.ReplaceAll(rel, `\`, "/"))
	base := path.Base(p)
	stem := strings.TrimSuffix(base, path.Ext(base))
	switch {
	case strings.HasPrefix(stem, "test_"), strings.HasSuffix(stem, "_test"), strings.HasSuffix(stem, "_tests"),
		strings.HasSuffix(stem, ".test"), strings.HasSuffix(stem, ".spec"), strings.HasSuffix(stem, "_spec"),
		stem == "tests", stem == "test", stem == "conftest",
		strings.Contains(stem, "_test_"), strings.HasSuffix(stem, "_testdata"), strings.HasSuffix(stem, "_fixtures"):
		return true
	}
	dir := path.Dir(p)
	for dir != "." && dir != "/" && dir != "" {
		switch path.Base(dir) {
		case "test", "tests", "testing", "__tests__", "unittests", "testcases", "spec", "specs",
			"fixture", "fixtures", "testdata", "test_data", "mocks", "__mocks__",
			"example", "examples", "sample", "samples", "demo", "demos", "doc", "docs", "documentation":
			return true
		}
		dir = path.Dir(dir)
	}
	return false
}

// Downgrade lowers a confidence one step for a finding in a fixture path, never
// below low: a credential in a test is mostly made up, but not always, so it is
// reported all the same.
func Downgrade(rel string, c analysis.Confidence) analysis.Confidence {
	if c > analysis.ConfidenceLow && FixturePath(rel) {
		return c - 1
	}
	return c
}
