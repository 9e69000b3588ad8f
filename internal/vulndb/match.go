package vulndb

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/pep440"
)

// matcher is an advisory compiled for matching: its ranges as intervals.
type matcher struct {
	adv *Advisory
	ivs []interval
}

func compile(adv *Advisory) matcher {
	m := matcher{adv: adv}
	for _, r := range adv.Ranges {
		m.ivs = append(m.ivs, intervalsOf(r)...)
	}
	return m
}

func (m matcher) affects(v pep440.Version) bool {
	for _, iv := range m.ivs {
		if iv.contains(v) {
			return true
		}
	}
	return listed(m.adv.Versions, v)
}

// Affects reports whether the advisory applies to one exact version, per the
// OSV evaluation: the version lies in one of the ECOSYSTEM ranges (PEP 440
// order) or is listed in the explicit versions. A version that is not PEP 440
// can only match a listed version of the same spelling.
func Affects(adv *Advisory, version string) bool {
	v, err := pep440.Parse(version)
	if err != nil {
		return slices.Contains(adv.Versions, strings.TrimSpace(version))
	}
	return compile(adv).affects(v)
}

// Admits reports whether a PEP 440 specifier (">=2.2,<3", "~=1.4", "" for any
// version) admits a version the advisory affects, pre-releases included, as
// `pip install --pre` would. When it does, lowerBound is the smallest fixed
// version V such that adding ">=V" excludes every affected version the
// specifier admits, or "" when no fix is known (an unfixed range, a
// last_affected bound, a listed version with no fix above it). A specifier
// that does not parse is taken as admitting any version.
func Admits(adv *Advisory, specifier string) (admits bool, lowerBound string) {
	m := compile(adv)
	ss, err := pep440.ParseSpecifier(specifier)
	if err != nil {
		ss = nil
	}
	spec := specIntervals(ss)

	var need []bound // per admitted part: versions at or above must be excluded
	noFix := false
	for _, iv := range m.ivs {
		for _, s := range spec {
			x := iv.intersect(s)
			if x.empty() {
				continue
			}
			if p, ok := x.point(); ok && !ss.ContainsPre(p) {
				continue
			}
			admits = true
			if !iv.hi.finite || iv.hi.incl {
				noFix = true
			} else {
				need = append(need, iv.hi)
			}
		}
	}
	for _, s := range adv.Versions {
		v, err := pep440.Parse(s)
		if err != nil || !ss.ContainsPre(v) {
			continue
		}
		admits = true
		need = append(need, bound{v: v, finite: true, incl: true})
	}
	if !admits || noFix {
		return admits, ""
	}
	return true, m.fixAbove(need)
}

// fixAbove returns the smallest fixed version of the advisory that is at or
// above every exclusive bound and above every inclusive one, and that the
// advisory does not affect itself; "" if there is none.
func (m matcher) fixAbove(need []bound) string {
	type fix struct {
		s string
		v pep440.Version
	}
	var fixes []fix
	for _, s := range m.adv.Fixed() {
		if v, err := pep440.Parse(s); err == nil {
			fixes = append(fixes, fix{s, v})
		}
	}
	slices.SortFunc(fixes, func(a, b fix) int { return a.v.Compare(b.v) })
next:
	for _, f := range fixes {
		for _, b := range need {
			if c := f.v.Compare(b.v); c < 0 || (c == 0 && b.incl) {
				continue next
			}
		}
		if !m.affects(f.v) {
			return f.s
		}
	}
	return ""
}

// specIntervals returns the versions a specifier set admits as intervals,
// pre-releases included. "!=" of one version is left to ContainsPre, which
// only matters when an intersection is a single version; "!=X.*" cuts a hole.
func specIntervals(ss pep440.Specifiers) []interval {
	hull := interval{}
	var holes [][2]pep440.Version
	for _, s := range ss {
		lo, hi, ok := clauseInterval(s)
		switch {
		case s.Op == "!=":
			if lo.finite && hi.finite && !hi.incl {
				holes = append(holes, [2]pep440.Version{lo.v, hi.v})
			}
		case ok:
			hull = hull.intersect(interval{lo, hi})
		case s.Op == "===":
			// An arbitrary string equals no range version.
			return nil
		}
	}
	if hull.empty() {
		return nil
	}
	out := []interval{hull}
	for _, h := range holes {
		var cut []interval
		for _, iv := range out {
			cut = append(cut, iv.minusHole(h[0], h[1])...)
		}
		out = cut
	}
	return out
}

// clauseInterval returns the interval one clause admits. For "!=X.*" it is
// the hole the clause cuts; for a plain "!=" and an unparsable "===", ok is
// false.
func clauseInterval(s pep440.Specifier) (lo, hi bound, ok bool) {
	at := func(v pep440.Version, incl bool) bound { return bound{v: v, finite: true, incl: incl} }
	if prefix, found := strings.CutSuffix(s.Version, ".*"); found {
		// ==1.4.* is [1.4.dev0, 1.5.dev0): every version whose release starts
		// with 1.4, pre-releases and post-releases included.
		l, errL := pep440.Parse(prefix + ".dev0")
		h, errH := bumpedDev(prefix, 0)
		if errL != nil || errH != nil {
			return lo, hi, false
		}
		return at(l, true), at(h, false), s.Op == "=="
	}
	v, err := pep440.Parse(s.Version)
	if err != nil {
		return lo, hi, false
	}
	switch s.Op {
	case ">=":
		return at(v, true), hi, true
	case ">":
		return at(v, false), hi, true
	case "<=":
		return lo, at(v, true), true
	case "<":
		// <3.1 admits no pre-release of 3.1 unless it names one itself, so
		// its upper end is 3.1.dev0, the first version of the 3.1 series.
		if !v.IsPrerelease() {
			if d, err := pep440.Parse(v.BaseVersion() + ".dev0"); err == nil {
				return lo, at(d, false), true
			}
		}
		return lo, at(v, false), true
	case "==", "===":
		return at(v, true), at(v, true), true
	case "~=":
		// ~=1.4.5 is >=1.4.5 and ==1.4.*.
		h, err := bumpedDev(v.BaseVersion(), 1)
		if err != nil {
			return lo, hi, false
		}
		return at(v, true), at(h, false), true
	}
	return lo, hi, false
}

// bumpedDev drops the last drop release numbers of base (an optional epoch
// and a release), increments the last remaining one and appends ".dev0":
// bumpedDev("1.4", 0) is 1.5.dev0, bumpedDev("1!2.2.3", 1) is 1!2.3.dev0.
func bumpedDev(base string, drop int) (pep440.Version, error) {
	epoch, rel := "", strings.TrimLeft(base, "vV")
	if i := strings.IndexByte(rel, '!'); i >= 0 {
		epoch, rel = rel[:i+1], rel[i+1:]
	}
	parts := strings.Split(rel, ".")
	if len(parts) <= drop {
		return pep440.Version{}, fmt.Errorf("version %q has too few release numbers", base)
	}
	parts = parts[:len(parts)-drop]
	last := len(parts) - 1
	parts[last] = incDecimal(parts[last])
	return pep440.Parse(epoch + strings.Join(parts, ".") + ".dev0")
}

// incDecimal adds one to a decimal digit string of any length.
func incDecimal(s string) string {
	if n, err := strconv.ParseUint(s, 10, 62); err == nil {
		return strconv.FormatUint(n+1, 10)
	}
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}
