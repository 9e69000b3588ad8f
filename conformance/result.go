// Package conformance compares krait's AST dumps with CPython 3.14's.
//
// The reference lines come from conformance/cpython/dump.mjs, which runs CPython under
// pyodide; the harness command (conformance/run) and the fixture test in this package
// both classify and diff lines with the helpers here, so the two always agree on what
// "identical" and "rejected" mean.
package conformance

import (
	"regexp"
	"strconv"
	"strings"
)

// Kind says what a result line is.
type Kind int

// The kinds of result line.
const (
	// Missing means no line was produced at all (the tool crashed or timed out).
	Missing Kind = iota
	// Accepted is an ast.dump line: it starts with "Module(".
	Accepted
	// Rejected is a "SyntaxError: ..." line.
	Rejected
	// Broken is any other line, such as dump.mjs's DumpError/ReadError or a stray message.
	Broken
)

// String names the kind for reports.
func (k Kind) String() string {
	switch k {
	case Missing:
		return "missing"
	case Accepted:
		return "accepted"
	case Rejected:
		return "rejected"
	default:
		return "broken"
	}
}

// errorPos reads "SyntaxError: <line>:<col>: ...". CPython prints -1 for some columns.
var errorPos = regexp.MustCompile(`^SyntaxError: (-?\d+):(-?\d+): `)

// Classify says what kind of line s is.
func Classify(s string) Kind {
	switch {
	case s == "":
		return Missing
	case strings.HasPrefix(s, "Module("):
		return Accepted
	case strings.HasPrefix(s, "SyntaxError"):
		return Rejected
	default:
		return Broken
	}
}

// ErrorPos returns the line and column of a "SyntaxError: <line>:<col>: msg" line.
// ok is false when s has no position; a line of 0 means CPython gave none.
func ErrorPos(s string) (line, col int, ok bool) {
	m := errorPos.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, false
	}
	// The regexp only admits small decimal integers, so Atoi cannot fail here
	// except on overflow, which a real position never reaches.
	line, err1 := strconv.Atoi(m[1])
	col, err2 := strconv.Atoi(m[2])
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return line, col, true
}
