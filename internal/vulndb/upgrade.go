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
func SafeUpgrade(advs []Advisory, current string) (string, bool) {
	var cur pep440.Version
	hasCur := current != ""
	if hasCur {
		var err error
		if cur, err = pep440.Parse(current); err != nil {
			return "", false
		}
	}
	ms := make([]matcher, len(advs))
	type fix struct {
		s string
		v pep440.Version
	}
	var fixes []fix
	for i := range advs {
		ms[i] = compile(&advs[i])
		for _, s := range advs[i].Fixed() {
			v, err := pep440.Parse(s)
			if err != nil || (hasCur && v.Compare(cur) <= 0) {
				continue
			}
			if v.IsPrerelease() && !(hasCur && cur.IsPrerelease()) {
				continue
			}
			fixes = append(fixes, fix{s, v})
		}
	}
	slices.SortFunc(fixes, func(a, b fix) int { return a.v.Compare(b.v) })
	for _, f := range fixes {
		if !slices.ContainsFunc(ms, func(m matcher) bool { return m.affects(f.v) }) {
			return f.s, true
		}
	}
	return "", false
}
