package pep440

import "strings"

// matches applies one clause to v, as pypa/packaging's Specifier operators do.
func (s Specifier) matches(v Version) bool {
	switch s.Op {
	case "===":
		return strings.EqualFold(v.String(), s.Version) || strings.EqualFold(v.raw, s.Version)
	case "==":
		return s.equal(v)
	case "!=":
		return !s.equal(v)
	case "~=":
		return v.public().Compare(s.v) >= 0 && prefixMatch(v, s.v.epoch, s.v.release[:len(s.v.release)-1])
	case "<=":
		return v.public().Compare(s.v) <= 0
	case ">=":
		return v.public().Compare(s.v) >= 0
	case "<":
		// <3.1 must not admit 3.1.dev0 or 3.1a1 unless it names a pre-release.
		return v.Compare(s.v) < 0 &&
			(s.v.IsPrerelease() || !v.IsPrerelease() || !v.base().Equal(s.v.base()))
	case ">":
		// >3.1 must not admit 3.1.post1 unless it names a post-release, nor
		// 3.1+local at all.
		if v.Compare(s.v) <= 0 {
			return false
		}
		sameBase := v.base().Equal(s.v.base())
		if !s.v.IsPostrelease() && v.IsPostrelease() && sameBase {
			return false
		}
		return !(v.IsLocal() && sameBase)
	}
	return false
}

// equal is ==: a wildcard compares the release prefix, a local label in the
// clause makes the local label count, and otherwise the local label is ignored.
func (s Specifier) equal(v Version) bool {
	if s.wildcard {
		return prefixMatch(v, s.prefix.epoch, s.prefix.release)
	}
	if s.v.IsLocal() {
		return v.Equal(s.v)
	}
	return v.public().Equal(s.v)
}

// prefixMatch reports whether v has the given epoch and its release, padded
// with zeros, starts with prefix.
func prefixMatch(v Version, epoch string, prefix []string) bool {
	if cmpNum(v.epoch, epoch) != 0 {
		return false
	}
	for i, p := range prefix {
		x := "0"
		if i < len(v.release) {
			x = v.release[i]
		}
		if x != p {
			return false
		}
	}
	return true
}
