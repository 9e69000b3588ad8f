package vulndb

import (
	"slices"
	"sort"
	"strings"

	"github.com/kraitsec/krait/internal/pep440"
)

// SortVersions sorts version strings in PEP 440 order, strings that are not
// PEP 440 versions last and in text order, and drops duplicates (versions
// equal under PEP 440, such as "1.0" and "1.0.0", are both kept). An
// Advisory's Versions are kept in this order so that a lookup can binary
// search them.
func SortVersions(vs []string) []string {
	type pv struct {
		s  string
		v  pep440.Version
		ok bool
	}
	ps := make([]pv, len(vs))
	for i, s := range vs {
		v, err := pep440.Parse(s)
		ps[i] = pv{s, v, err == nil}
	}
	slices.SortStableFunc(ps, func(a, b pv) int {
		switch {
		case a.ok && b.ok:
			if c := a.v.Compare(b.v); c != 0 {
				return c
			}
		case a.ok:
			return -1
		case b.ok:
			return +1
		}
		return strings.Compare(a.s, b.s)
	})
	out := vs[:0]
	for i, p := range ps {
		if i > 0 && p.s == ps[i-1].s {
			continue
		}
		out = append(out, p.s)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// listed reports whether v equals one of the versions, which are in
// SortVersions order.
func listed(versions []string, v pep440.Version) bool {
	i := sort.Search(len(versions), func(i int) bool {
		w, err := pep440.Parse(versions[i])
		return err != nil || w.Compare(v) >= 0
	})
	if i == len(versions) {
		return false
	}
	w, err := pep440.Parse(versions[i])
	return err == nil && w.Equal(v)
}

// pruneVersions drops the explicit versions that the ranges already cover;
// they add nothing to a match, and PYSEC entries list hundreds of them. The
// store relies on intervalsOf reading ranges the same way at import and at
// lookup: a change that narrows what a range covers must bump formatVersion.
func pruneVersions(a *Advisory) {
	if len(a.Versions) == 0 {
		return
	}
	var ivs []interval
	for _, r := range a.Ranges {
		ivs = append(ivs, intervalsOf(r)...)
	}
	kept := a.Versions[:0]
	for _, s := range a.Versions {
		v, err := pep440.Parse(s)
		if err == nil && slices.ContainsFunc(ivs, func(iv interval) bool { return iv.contains(v) }) {
			continue
		}
		kept = append(kept, s)
	}
	a.Versions = SortVersions(kept)
}
