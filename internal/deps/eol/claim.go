package eol

import (
	"regexp"
	"strconv"
	"strings"
)

// kind says how firmly a source states the interpreter.
type kind int

const (
	// pinned: the project runs on exactly this line (a Docker tag, .python-version,
	// a CI job).
	pinned kind = iota
	// floor: a range of supported versions, judged by its lowest admitted line.
	floor
	// classifier: a trove classifier naming a supported line.
	classifier
)

// claim is one statement of the interpreter in one file.
type claim struct {
	// line and col locate the statement (1-based; col 0 when unknown).
	line, col int
	kind      kind
	// source says where the statement is, for the message and fingerprint:
	// "Docker base image", ".python-version", "requires-python", ...
	source string
	// text is the token as written: "python:3.8-slim", "py38", ">=3.8".
	text string
	// major and minor are the line named, for pinned and classifier claims; a floor
	// claim carries its specifier in text and the line is worked out later.
	major, minor int
}

// versionRe reads a leading major.minor, as in "3.8", "3.8.10", "3.8-slim" or
// "3.13t"; "3.x" and "3" have no minor and do not match.
var versionRe = regexp.MustCompile(`^v?([0-9]{1,2})\.([0-9]{1,3})(?:$|[^0-9])`)

// parseMinor reads the release line at the start of s.
func parseMinor(s string) (major, minor int, ok bool) {
	m := versionRe.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, false
	}
	major, _ = strconv.Atoi(m[1])
	minor, _ = strconv.Atoi(m[2])
	return major, minor, true
}

// parseInterpreter reads "3.9.18", "pypy3.9-7.3", "cpython-3.12" or "python-3.8.10":
// the names an interpreter version is written after in .python-version, setup-python
// and .tool-versions. PyPy follows CPython's language lines, so "pypy3.9" is 3.9.
func parseInterpreter(s string) (major, minor int, ok bool) {
	lower := strings.ToLower(s)
	for _, p := range [...]string{"cpython-", "cpython", "python-", "python", "pypy-", "pypy", "graalpy-"} {
		if rest, cut := strings.CutPrefix(lower, p); cut {
			return parseMinor(rest)
		}
	}
	return parseMinor(lower)
}

// pinnedClaim builds a pinned claim from a version token, if it names a line.
func pinnedClaim(line, col int, source, text string, parse func(string) (int, int, bool)) (claim, bool) {
	major, minor, ok := parse(text)
	if !ok {
		return claim{}, false
	}
	return claim{line: line, col: col, kind: pinned, source: source, text: text, major: major, minor: minor}, true
}

// lines splits data into lines without their line ends.
func lines(data []byte) []string {
	ls := strings.Split(string(data), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimSuffix(l, "\r")
	}
	return ls
}

// stripComment removes a trailing "# comment" that follows a blank, as YAML,
// shell and the version files write them.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return strings.TrimRight(s[:i], " \t")
		}
	}
	return s
}

// unquote removes one pair of matching YAML/TOML/shell quotes.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
