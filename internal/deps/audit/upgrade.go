package audit

import (
	"slices"

	"github.com/kraitsec/krait/internal/pep440"
	"github.com/kraitsec/krait/internal/vulndb"
)

// safeUpgrade returns what vulndb.SafeUpgrade returns — the smallest fixed
// version above current that none of advs affects, pre-releases only for a
// pre-release — fast for packages with hundreds of advisories (tensorflow,
// django): each fixed version is tried once however many advisories name it,
// an advisory is skipped without matching above the last version it can
// affect, and the advisory that ruled out the last candidate is asked first,
// since it usually rules out the next one too.
func safeUpgrade(advs []vulndb.Advisory, current string) string {
	cur, err := pep440.Parse(current)
	if err != nil {
		return ""
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
			if err != nil || v.Compare(cur) <= 0 || v.IsPrerelease() && !cur.IsPrerelease() {
				continue
			}
			fixes = append(fixes, fix{s, v})
		}
	}
	// Equal versions spelled differently (1.0 and 1.0.0) keep the first
	// spelling, as a stable sort of every fix would.
	slices.SortStableFunc(fixes, func(a, b fix) int { return a.v.Compare(b.v) })
	order := make([]int, len(advs))
	for i := range order {
		order[i] = i
	}
next:
	for _, f := range fixes {
		for j, k := range order {
			if ceils[k].clears(f.v) || !vulndb.Affects(&advs[k], f.s) {
				continue
			}
			copy(order[1:j+1], order[:j])
			order[0] = k
			continue next
		}
		return f.s
	}
	return ""
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
func ceilingOf(adv *vulndb.Advisory) ceiling {
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
			top.incl = top.incl || e.Kind != vulndb.Fixed && e.Kind != vulndb.Limit
			open = open || e.Kind == vulndb.Introduced
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
