package typosquat

import (
	"fmt"
	"strings"
)

// plainEdit starts the explanation of an edit that is not a typical slip (a
// doubled letter, a swap, a neighbouring key, a look-alike): the weakest
// evidence, which Checker only weighs against the most popular targets.
const plainEdit = "\x00"

// classify tells whether n is one edit away from the target t and names the
// edit. An edit counts only where it is a plausible slip, on a part of the
// target long enough for one edit to matter (see effectiveLen):
//   - Not a letter added or changed at the start, except a doubled or
//     look-alike one, and at the end only on a longer name: the ends are
//     where honest names derive from others ("grequests", "aiofiles",
//     "whisperx"). Dropping the first letter derives nothing ("equests").
//   - Not a digit added (unless doubled) or a digit changed for another:
//     digits mark version series ("elasticsearch8", "pyside6"). A digit
//     dropped ("urllib" for "urllib3") or put for a letter is a plain edit.
//   - A letter changed for any other (not a neighbouring key) needs a longer
//     name than the other edits: it is how words turn into other words
//     ("unicorn", "uvicorn").
func classify(n, t string) (string, bool) {
	switch len(n) - len(t) {
	case -1:
		return dropped(n, t)
	case 1:
		return added(n, t)
	case 0:
		return changed(n, t)
	}
	return "", false
}

// dropped handles n = t with one character removed.
func dropped(n, t string) (string, bool) {
	i := firstDiff(n, t)
	if n[i:] != t[i+1:] || effectiveLen(t, i) < minEditLen {
		return "", false
	}
	c := t[i]
	switch {
	case c == '-':
		return "", false // separators are checked on their own
	case isDigit(c):
		return fmt.Sprintf(plainEdit+"version digit dropped (%q)", c), true
	case i > 0 && t[i-1] == c || i+1 < len(t) && t[i+1] == c:
		return fmt.Sprintf("doubled letter %q made single", c), true
	case i == len(t)-1 && effectiveLen(t, i) < minChangeLen:
		return "", false
	case i == 0:
		return fmt.Sprintf(plainEdit+"first letter dropped (%q)", c), true
	}
	return fmt.Sprintf(plainEdit+"one letter dropped (%q)", c), true
}

// added handles n = t with one character inserted.
func added(n, t string) (string, bool) {
	i := firstDiff(n, t)
	if n[i+1:] != t[i:] || effectiveLen(t, min(i, len(t)-1)) < minEditLen {
		return "", false
	}
	c := n[i]
	switch {
	case c == '-':
		return "", false
	case i > 0 && n[i-1] == c || i+1 < len(n) && n[i+1] == c:
		return fmt.Sprintf("letter %q doubled", c), true
	case isDigit(c):
		return "", false
	case atEnd(i, len(n), t, min(i, len(t)-1)):
		return "", false
	}
	return fmt.Sprintf(plainEdit+"one letter added (%q)", c), true
}

// changed handles a substitution or a swap of two adjacent characters.
func changed(n, t string) (string, bool) {
	i := firstDiff(n, t)
	if i == len(n) {
		return "", false
	}
	if i+1 < len(n) && n[i] == t[i+1] && n[i+1] == t[i] && n[i+2:] == t[i+2:] {
		if n[i] == '-' || n[i+1] == '-' || effectiveLen(t, i) < minSwapLen {
			return "", false
		}
		return fmt.Sprintf("letters %q and %q swapped", t[i], t[i+1]), true
	}
	if n[i+1:] != t[i+1:] {
		return "", false
	}
	a, b := n[i], t[i]
	switch {
	case a == '-' || b == '-':
		return "", false
	case lookAlike(a, b):
		if effectiveLen(t, i) < minGlyphLen {
			return "", false
		}
		return fmt.Sprintf("look-alike %q for %q", a, b), true
	case isDigit(a) && isDigit(b) || atEnd(i, len(t), t, i) || effectiveLen(t, i) < minEditLen:
		return "", false
	case isDigit(a) || isDigit(b):
		return fmt.Sprintf(plainEdit+"%q for %q", a, b), true
	case keyboardAdjacent(a, b):
		return fmt.Sprintf("keyboard-adjacent %q for %q", a, b), true
	case effectiveLen(t, i) < minChangeLen:
		return "", false
	}
	return fmt.Sprintf(plainEdit+"one letter changed (%q for %q)", a, b), true
}

// atEnd reports whether an edit at i of a name of length n is on the first
// letter, or on the last of a target t too short for that (measured at ti).
func atEnd(i, n int, t string, ti int) bool {
	return i == 0 || i == n-1 && effectiveLen(t, ti) < minChangeLen
}

// effectiveLen is the length of the part of name s that an edit at i changes:
// the '-'-separated component holding i, less a leading py/python. Families
// of names share the rest ("types-", "django-", "google-cloud-", "py"), so
// "types-aiobotocore-sts" and "-sqs" differ in three letters, not twenty-one.
func effectiveLen(s string, i int) int {
	start := strings.LastIndexByte(s[:i], '-') + 1
	end := len(s)
	if j := strings.IndexByte(s[i:], '-'); j >= 0 {
		end = i + j
	}
	comp := s[start:end]
	for _, p := range []string{"python", "py"} {
		if rest, ok := strings.CutPrefix(comp, p); ok && i-start >= len(p) {
			return len(rest)
		}
	}
	return len(comp)
}

// firstDiff is the first index where a and b differ, or the shorter length.
func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
