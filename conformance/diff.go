package conformance

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// DiffContext is how many bytes of context Diff shows on each side of the first difference.
const DiffContext = 80

// FirstDiff returns the byte offset of the first difference between want and got,
// or -1 when they are equal.
func FirstDiff(want, got string) int {
	n := min(len(want), len(got))
	for i := 0; i < n; i++ {
		if want[i] != got[i] {
			return i
		}
	}
	if len(want) == len(got) {
		return -1
	}
	return n
}

// Diff renders the first difference between want and got as three short lines: the
// column, then each side with DiffContext bytes around it. Dumps can be megabytes on a
// single line, so a full diff would be useless; the first column is where the bug is.
// It returns "" when want == got.
func Diff(want, got string) string {
	i := FirstDiff(want, got)
	if i < 0 {
		return ""
	}
	lo := runeStart(want, max(0, i-DiffContext))
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at column %d (byte offset in the line, 0-based)\n", i)
	fmt.Fprintf(&b, "  cpython: %s\n", window(want, lo, i))
	fmt.Fprintf(&b, "  krait:   %s\n", window(got, lo, i))
	return b.String()
}

// window shows s[lo:i] and up to DiffContext bytes after i, marking i with "⟨here⟩" so
// the eye finds the difference without counting columns.
func window(s string, lo, i int) string {
	if lo > len(s) {
		lo = len(s)
	}
	if i > len(s) {
		i = len(s)
	}
	i = runeStart(s, i)
	hi := runeStart(s, min(len(s), i+DiffContext))
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	b.WriteString(s[lo:i])
	b.WriteString("⟨here⟩")
	b.WriteString(s[i:hi])
	if hi < len(s) {
		b.WriteString("…")
	} else {
		b.WriteString("⟨end⟩")
	}
	return b.String()
}

// runeStart moves i back to the start of the UTF-8 sequence it falls in, so that
// context windows never split a character.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
