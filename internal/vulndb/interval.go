package vulndb

import (
	"cmp"
	"regexp"
	"slices"

	"github.com/kraitsec/krait/internal/pep440"
)

// Matching turns each OSV range into intervals of the PEP 440 order once, so
// that a pinned version (Affects) and a specifier (Admits) are judged by the
// same sets.

// bound is one end of an interval; a bound that is not finite is -∞ as a
// lower bound and +∞ as an upper one.
type bound struct {
	v      pep440.Version
	finite bool
	incl   bool
}

// interval is a set of versions between two bounds.
type interval struct{ lo, hi bound }

func (iv interval) contains(v pep440.Version) bool {
	if iv.lo.finite {
		if c := v.Compare(iv.lo.v); c < 0 || (c == 0 && !iv.lo.incl) {
			return false
		}
	}
	if iv.hi.finite {
		if c := v.Compare(iv.hi.v); c > 0 || (c == 0 && !iv.hi.incl) {
			return false
		}
	}
	return true
}

// empty reports whether no version lies between the bounds. Versions are
// dense enough (a post, dev or local segment fits between any two) that two
// distinct bounds always hold one.
func (iv interval) empty() bool {
	if !iv.lo.finite || !iv.hi.finite {
		return false
	}
	c := iv.lo.v.Compare(iv.hi.v)
	return c > 0 || (c == 0 && !(iv.lo.incl && iv.hi.incl))
}

// point returns the single version an interval holds, if it is one.
func (iv interval) point() (pep440.Version, bool) {
	if iv.lo.finite && iv.hi.finite && iv.lo.incl && iv.hi.incl && iv.lo.v.Equal(iv.hi.v) {
		return iv.lo.v, true
	}
	return pep440.Version{}, false
}

// intersect returns the versions in both intervals.
func (iv interval) intersect(o interval) interval {
	return interval{lo: maxLower(iv.lo, o.lo), hi: minUpper(iv.hi, o.hi)}
}

func maxLower(a, b bound) bound {
	switch {
	case !a.finite:
		return b
	case !b.finite:
		return a
	}
	switch c := a.v.Compare(b.v); {
	case c > 0:
		return a
	case c < 0:
		return b
	case !a.incl:
		return a
	}
	return b
}

func minUpper(a, b bound) bound {
	switch {
	case !a.finite:
		return b
	case !b.finite:
		return a
	}
	switch c := a.v.Compare(b.v); {
	case c < 0:
		return a
	case c > 0:
		return b
	case !a.incl:
		return a
	}
	return b
}

// minusHole removes the half-open hole [a, b) from iv, giving up to two parts.
func (iv interval) minusHole(a, b pep440.Version) []interval {
	var out []interval
	if left := iv.intersect(interval{hi: bound{v: a, finite: true}}); !left.empty() {
		out = append(out, left)
	}
	if right := iv.intersect(interval{lo: bound{v: b, finite: true, incl: true}}); !right.empty() {
		out = append(out, right)
	}
	return out
}

type parsedEvent struct {
	kind EventKind
	v    pep440.Version
	zero bool // introduced "0": before every version
}

// intervalsOf turns one range into the intervals it marks affected, following
// the OSV evaluation: events sorted by version, introduced opens, fixed closes
// before its version, last_affected closes after its version, and a version
// is affected only below some limit (none, or "*", means no limit). A version
// that is not PEP 440 is read as eventVersion says; one with no usable
// release is dropped, except an introduced one, which counts as "0": a bad
// bound must not hide a vulnerability.
func intervalsOf(r Range) []interval {
	evs := make([]parsedEvent, 0, len(r.Events))
	var limit bound
	limited, unlimited := false, false
	for _, e := range r.Events {
		if e.Kind == Introduced && e.Version == "0" {
			evs = append(evs, parsedEvent{kind: Introduced, zero: true})
			continue
		}
		if e.Kind == Limit && e.Version == "*" {
			unlimited = true
			continue
		}
		kind, v, ok := eventVersion(e)
		if !ok {
			if e.Kind == Introduced {
				evs = append(evs, parsedEvent{kind: Introduced, zero: true})
			}
			continue
		}
		if kind == Limit {
			if !limited || v.Compare(limit.v) > 0 {
				limit = bound{v: v, finite: true}
			}
			limited = true
			continue
		}
		evs = append(evs, parsedEvent{kind: kind, v: v})
	}
	slices.SortStableFunc(evs, func(a, b parsedEvent) int {
		if a.zero || b.zero {
			return cmp.Compare(btoi(!a.zero), btoi(!b.zero))
		}
		return a.v.Compare(b.v)
	})
	var out []interval
	var open bool
	var start bound
	for _, e := range evs {
		switch {
		case e.kind == Introduced && !open:
			open, start = true, bound{v: e.v, finite: !e.zero, incl: true}
		case e.kind == Fixed && open:
			out, open = append(out, interval{start, bound{v: e.v, finite: true}}), false
		case e.kind == LastAffected && open:
			out, open = append(out, interval{start, bound{v: e.v, finite: true, incl: true}}), false
		}
	}
	if open {
		out = append(out, interval{lo: start})
	}
	if limited && !unlimited {
		capped := out[:0]
		for _, iv := range out {
			if iv = iv.intersect(interval{hi: limit}); !iv.empty() {
				capped = append(capped, iv)
			}
		}
		out = capped
	}
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// releasePrefixRe is the release segment at the start of a version string.
var releasePrefixRe = regexp.MustCompile(`^[vV]?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*`)

// eventVersion parses an event's version. Some advisories use versions that
// are not PEP 440 ("2.6.0-NA", "2.6.0-cu124", "0.2.0-n653"); these are read
// by their leading release X, widened so as to never hide a vulnerability: an
// introduced X-suffix opens at X, and a fixed, last_affected or limit
// X-suffix ends just past every X release, X+local included (before
// X.post0.dev0), which is what a pinned "2.6.0+cu124" needs.
func eventVersion(e Event) (EventKind, pep440.Version, bool) {
	if v, err := pep440.Parse(e.Version); err == nil {
		return e.Kind, v, true
	}
	prefix := releasePrefixRe.FindString(e.Version)
	if prefix == "" {
		return e.Kind, pep440.Version{}, false
	}
	if e.Kind == Introduced {
		v, err := pep440.Parse(prefix)
		return e.Kind, v, err == nil
	}
	v, err := pep440.Parse(prefix + ".post0.dev0")
	kind := e.Kind
	if kind == LastAffected {
		kind = Fixed // last affected "X-suffix" is fixed from X.post0.dev0
	}
	return kind, v, err == nil
}
