package vulndb

import (
	"cmp"
	"slices"
	"strings"
)

// Merge combines the advisories of one package that alias each other — a
// PYSEC entry and the GHSA entry it names as an alias are one vulnerability —
// into one advisory each. Aliasing is transitive. The merged advisory is
// affected wherever any member is, keeps every id, the highest score and the
// first summary in id preference order, and is malicious if any member is.
// The result is sorted by ID; the inputs are not modified.
func Merge(advs []Advisory) []Advisory {
	parent := make([]int, len(advs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := map[string]int{}
	for i, a := range advs {
		for _, id := range append([]string{a.ID}, a.Aliases...) {
			if j, ok := owner[id]; ok {
				parent[find(i)] = find(j)
			} else {
				owner[id] = i
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range advs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := make([]Advisory, 0, len(roots))
	for _, r := range roots {
		members := make([]*Advisory, 0, len(groups[r]))
		for _, i := range groups[r] {
			members = append(members, &advs[i])
		}
		out = append(out, mergeGroup(members))
	}
	slices.SortFunc(out, func(a, b Advisory) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func mergeGroup(members []*Advisory) Advisory {
	slices.SortFunc(members, func(a, b *Advisory) int { return compareIDs(a.ID, b.ID) })
	if len(members) == 1 {
		return cloneAdvisory(members[0])
	}
	m := Advisory{ID: members[0].ID}
	var ids []string
	for _, a := range members {
		ids = append(ids, a.ID)
		ids = append(ids, a.Aliases...)
		if m.Summary == "" {
			m.Summary = a.Summary
		}
		m.Modified = max(m.Modified, a.Modified)
		for _, v := range a.Vectors {
			addVector(&m, v)
		}
		for _, r := range a.Ranges {
			if !slices.ContainsFunc(m.Ranges, func(x Range) bool { return equalRange(x, r) }) {
				m.Ranges = append(m.Ranges, cloneRange(r))
			}
		}
		m.Versions = append(m.Versions, a.Versions...)
		m.Malicious = m.Malicious || a.Malicious
	}
	ids = sortedUnique(ids)
	m.Aliases = slices.DeleteFunc(ids, func(s string) bool { return s == m.ID })
	pruneVersions(&m)
	finishScore(&m)
	return m
}

// compareIDs orders ids by database preference, then by text: PYSEC (the
// PyPI database) before GHSA before MAL before anything else (CVE…).
func compareIDs(a, b string) int {
	return cmp.Or(cmp.Compare(idRank(a), idRank(b)), strings.Compare(a, b))
}

func idRank(id string) int {
	for i, p := range [...]string{"PYSEC-", "GHSA-", "MAL-"} {
		if strings.HasPrefix(id, p) {
			return i
		}
	}
	return 3
}

func equalRange(a, b Range) bool {
	return a.Type == b.Type && slices.Equal(a.Events, b.Events)
}

func cloneRange(r Range) Range {
	return Range{Type: r.Type, Events: slices.Clone(r.Events)}
}

func cloneAdvisory(a *Advisory) Advisory {
	c := *a
	c.Aliases = slices.Clone(a.Aliases)
	c.Vectors = slices.Clone(a.Vectors)
	c.Versions = slices.Clone(a.Versions)
	c.Ranges = make([]Range, len(a.Ranges))
	for i, r := range a.Ranges {
		c.Ranges[i] = cloneRange(r)
	}
	if len(a.Ranges) == 0 {
		c.Ranges = nil
	}
	return c
}
