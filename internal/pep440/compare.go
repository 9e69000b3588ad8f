package pep440

import (
	"cmp"
	"strings"
)

// Compare orders two versions as PEP 440 does: it returns -1 when a sorts
// before b, 0 when they are equal ("1.0" and "1.0.0" are), and +1 otherwise.
func Compare(a, b Version) int { return a.Compare(b) }

// Compare compares v with w; see the package-level Compare.
func (v Version) Compare(w Version) int {
	if c := cmpNum(v.epoch, w.epoch); c != 0 {
		return c
	}
	if c := cmpRelease(v.release, w.release); c != 0 {
		return c
	}
	if c := cmp.Compare(v.preRank(), w.preRank()); c != 0 {
		return c
	}
	if v.preKind != preNone && w.preKind != preNone {
		if c := cmpNum(v.preNum, w.preNum); c != 0 {
			return c
		}
	}
	// No post-release sorts before any post-release.
	if c := cmpOptional(v.hasPost, v.postNum, w.hasPost, w.postNum, -1); c != 0 {
		return c
	}
	// No dev release sorts after any dev release.
	if c := cmpOptional(v.hasDev, v.devNum, w.hasDev, w.devNum, +1); c != 0 {
		return c
	}
	return cmpLocal(v.local, w.local)
}

// Equal reports whether v and w are the same version once normalised.
func (v Version) Equal(w Version) bool { return v.Compare(w) == 0 }

// Less reports whether v sorts before w.
func (v Version) Less(w Version) bool { return v.Compare(w) < 0 }

// preRank places the pre-release kind: a dev release of a final release
// ("1.0.dev1") sorts before its pre-releases, and a final release after them.
func (v Version) preRank() int {
	switch {
	case v.preKind != preNone:
		return v.preKind
	case !v.hasPost && v.hasDev:
		return -1
	default:
		return 1 << 10
	}
}

// cmpOptional compares two optional numbers; absent sorts as absentSign
// relative to any present value.
func cmpOptional(hasA bool, a string, hasB bool, b string, absentSign int) int {
	switch {
	case hasA && hasB:
		return cmpNum(a, b)
	case hasA:
		return -absentSign
	case hasB:
		return absentSign
	}
	return 0
}

// cmpRelease compares release segments with trailing zeros ignored.
func cmpRelease(a, b []string) int {
	for i := 0; i < len(a) || i < len(b); i++ {
		x, y := "0", "0"
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if c := cmpNum(x, y); c != 0 {
			return c
		}
	}
	return 0
}

// cmpLocal compares local labels: none sorts first, a numeric part sorts after
// an alphanumeric one, and a longer label after its own prefix.
func cmpLocal(a, b []string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		da, db := isDigits(a[i]), isDigits(b[i])
		var c int
		switch {
		case da && db:
			c = cmpNum(a[i], b[i])
		case da:
			c = 1
		case db:
			c = -1
		default:
			c = strings.Compare(a[i], b[i])
		}
		if c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}

// cmpNum compares two digit strings without leading zeros ("" counts as 0).
func cmpNum(a, b string) int {
	if a == "" {
		a = "0"
	}
	if b == "" {
		b = "0"
	}
	if c := cmp.Compare(len(a), len(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}
