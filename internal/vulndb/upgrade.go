package vulndb

import (
	"slices"

	"github.com/kraitsec/krait/internal/pep440"
)

// SafeUpgrade returns the smallest version above current that none of the
// package's advisories affects, chosen among the versions the advisories
// name as fixed, so it is a release that exists. Pre-releases are only
// proposed to a pre-release. It returns false when no such fix is known (an
// unfixed vulnerability, a malicious package, or a current version that is
// not PEP 440). An empty current asks for the lowest such version overall.
//
// It stays fast for packages with hundreds of advisories (tensorflow, django):
// each fixed version is tried once however many advisories name it, an
// advisory is passed over without matching above the last version it can
// affect, advisories are compiled only when asked, and the advisory that ruled
// out the last candidate is asked first, since it usually rules out the next.
func SafeUpgrade(advs []Advisory, current string) (string, bool) {
	var cur pep440.Version
	hasCur := current != ""
	if hasCur {
		var err error
		if cur, err = pep440.Parse(current); err != nil {
			return "", false
		}
	}
	type fix struct {
		s string
		v pep440.Version
	}
	var fixes []fix
	seen := map[string]bool{}
	ceils := make([]ceiling, len(advs))
	for i := range advs {
		ceils[i] = ceilingOf(&advs[i])
		for _, s := range advs[i].Fixed() {
			if seen[s] {
				continue
			}
			seen[s] = true
			v, err := pep440.Parse(s)
			if err != nil || hasCur && v.Compare(cur) <= 0 || v.IsPrerelease() && !(hasCur && cur.IsPrerelease()) {
				continue
			}
			fixes = append(fixes, fix{s, v})
		}
	}
	// Equal versions spelled differently (1.0 and 1.0.0) keep the first
	// spelling.
	slices.SortStableFunc(fixes, func(a, b fix) int { return a.v.Compare(b.v) })
	ms := make([]*matcher, len(advs))
	order := make([]int, len(advs))
	for i := range order {
		order[i] = i
	}
next:
	for _, f := range fixes {
		for j, k := range order {
			if ceils[k].clears(f.v) {
				continue
			}
			if ms[k] == nil {
				m := compile(&advs[k])
				ms[k] = &m
			}
			if !ms[k].affects(f.v) {
				continue
			}
			copy(order[1:j+1], order[:j])
			order[0] = k
			continue next
		}
		return f.s, true
	}
	return "", false
}

// ceiling is the top of what an advisory can affect: no version at or above
// v (above v when incl) is affected. An advisory open at the top (an
// introduced event last), or one that cannot be read this way, has none.
type ceiling struct {
	v        pep440.Version
	incl, ok bool
}

// clears reports whether the advisory certainly does not affect v.
func (c ceiling) clears(v pep440.Version) bool {
	if !c.ok {
		return false
	}
	n := v.Compare(c.v)
	return n > 0 || n == 0 && !c.incl
}

// ceilingOf finds the highest version an advisory names. Above the highest
// event of a range, the range is in the state that event left it in:
// affected after an introduced event, not after fixed, limit or
// last_affected. At the ceiling, a fixed or limit event is exclusive and
// the rest inclusive; a tie between kinds counts as inclusive.
func ceilingOf(adv *Advisory) ceiling {
	var c ceiling
	raise := func(v pep440.Version, incl bool) {
		switch n := v.Compare(c.v); {
		case !c.ok || n > 0:
			c.v, c.incl, c.ok = v, incl, true
		case n == 0:
			c.incl = c.incl || incl
		}
	}
	for _, r := range adv.Ranges {
		var top ceiling
		open := false
		for _, e := range r.Events {
			v, err := pep440.Parse(e.Version)
			if err != nil {
				return ceiling{}
			}
			n := v.Compare(top.v)
			if top.ok && n < 0 {
				continue
			}
			if !top.ok || n > 0 {
				top, open = ceiling{v: v, ok: true}, false
			}
			top.incl = top.incl || e.Kind != Fixed && e.Kind != Limit
			open = open || e.Kind == Introduced
		}
		if open {
			return ceiling{}
		}
		if top.ok {
			raise(top.v, top.incl)
		}
	}
	for _, s := range adv.Versions {
		v, err := pep440.Parse(s)
		if err != nil {
			return ceiling{}
		}
		raise(v, true)
	}
	return c
}
