package typosquat

import (
	"fmt"
	"strings"
)

// edit is one edit that turns a target into a name.
type edit struct {
	// how explains it, e.g. "letters 'u' and 'e' swapped".
	how string
	// plain marks an edit that is not a typical slip (a doubled letter, a
	// swap, a neighbouring key, a look-alike): the weakest evidence, which
	// Checker only weighs against the most popular targets.
	plain bool
	// far says whether a plain edit also counts against less popular
	// targets (see minFarLen).
	far bool
}

// slip and plain make the edits classify reports.
func slip(format string, args ...any) (edit, bool) {
	return edit{how: fmt.Sprintf(format, args...)}, true
}
func plain(format string, args ...any) (edit, bool) {
	return edit{how: fmt.Sprintf(format, args...), plain: true}, true
}

// classify tells whether n is one edit away from the target t and names the
// edit. An edit counts only where it is a plausible slip, on a part of the
// target long enough for one edit to matter (see effectiveLen and the
// minimum lengths):
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
func classify(n, t string) (edit, bool) {
	switch len(n) - len(t) {
	case -1:
		return dropped(n, t)
	case 1:
		return added(n, t)
	case 0:
		return changed(n, t)
	}
	return edit{}, false
}

// dropped handles n = t with one character removed.
func dropped(n, t string) (edit, bool) {
	i := firstDiff(n, t)
	if n[i:] != t[i+1:] || effectiveLen(t, i) < minSlipLen {
		return edit{}, false
	}
	c := t[i]
	switch {
	case c == '-':
		return edit{}, false // separators are checked on their own
	case effectiveLen(t, i) < minEditLen && !(i > 0 && t[i-1] == c || i+1 < len(t) && t[i+1] == c):
		return edit{}, false
	case isDigit(c):
		return plain("version digit dropped (%q)", c)
	case i > 0 && t[i-1] == c || i+1 < len(t) && t[i+1] == c:
		return slip("doubled letter %q made single", c)
	case i == len(t)-1 && effectiveLen(t, i) < minChangeLen:
		return edit{}, false
	case i == 0:
		return plain("first letter dropped (%q)", c)
	}
	e, ok := plain("one letter dropped (%q)", c)
	e.far = i < len(t)-1 && effectiveLen(t, i) >= minFarLen
	return e, ok
}

// added handles n = t with one character inserted.
func added(n, t string) (edit, bool) {
	i := firstDiff(n, t)
	el := effectiveLen(t, min(i, len(t)-1))
	if n[i+1:] != t[i:] || el < minSlipLen {
		return edit{}, false
	}
	c := n[i]
	switch {
	case c == '-':
		return edit{}, false
	case i > 0 && n[i-1] == c || i+1 < len(n) && n[i+1] == c:
		return slip("letter %q doubled", c)
	case el < minEditLen:
		return edit{}, false
	case isDigit(c):
		return edit{}, false
	case c == 's' && i == len(n)-1 && t[len(t)-1] != 's':
		return slip("plural 's' added")
	case atEnd(i, len(n), t, min(i, len(t)-1)):
		return edit{}, false
	}
	e, ok := plain("one letter added (%q)", c)
	e.far = i < len(n)-1 && effectiveLen(t, min(i, len(t)-1)) >= minFarLen
	return e, ok
}

// changed handles a substitution or a swap of two adjacent characters.
func changed(n, t string) (edit, bool) {
	i := firstDiff(n, t)
	if i == len(n) {
		return edit{}, false
	}
	if i+1 < len(n) && n[i] == t[i+1] && n[i+1] == t[i] && n[i+2:] == t[i+2:] {
		if n[i] == '-' || n[i+1] == '-' || effectiveLen(t, i) < minSlipLen {
			return edit{}, false
		}
		return slip("letters %q and %q swapped", t[i], t[i+1])
	}
	if n[i+1:] != t[i+1:] {
		return edit{}, false
	}
	a, b := n[i], t[i]
	switch {
	case a == '-' || b == '-':
		return edit{}, false
	case lookAlike(a, b):
		if effectiveLen(t, i) < minSlipLen {
			return edit{}, false
		}
		return slip("look-alike %q for %q", a, b)
	case isDigit(a) && isDigit(b) || atEnd(i, len(t), t, i) || effectiveLen(t, i) < minSlipLen:
		return edit{}, false
	case keyboardAdjacent(a, b) && !isDigit(a) && !isDigit(b):
		return slip("keyboard-adjacent %q for %q", a, b)
	case effectiveLen(t, i) < minEditLen:
		return edit{}, false
	case isDigit(a) || isDigit(b):
		return plain("%q for %q", a, b)
	case effectiveLen(t, i) < minChangeLen:
		return edit{}, false
	}
	e, ok := plain("one letter changed (%q for %q)", a, b)
	e.far = effectiveLen(t, i) >= minFarChangeLen
	return e, ok
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
