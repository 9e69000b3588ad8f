package pyproject

import (
	"sort"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/pyproject/tomlpos"
)

// maxGroupDepth bounds how deep PEP 735 include-group chains are followed.
const maxGroupDepth = 32

// project reads PEP 621's [project] table.
func (r *reader) project() {
	if name, ok := r.str("project", "name"); ok {
		r.res.Name = deps.Normalize(name)
	} else if name, ok := r.str("tool", "poetry", "name"); ok {
		r.res.Name = deps.Normalize(name)
	}
	if rp, ok := r.str("project", "requires-python"); ok {
		r.res.Python = append(r.res.Python, Value{Key: "project.requires-python", Value: rp, Line: r.line("project", "requires-python")})
	}
	for i, v := range r.array("project", "classifiers") {
		if s, ok := v.(string); ok {
			r.res.Classifiers = append(r.res.Classifiers, Value{Key: "project.classifiers", Value: s, Line: r.line("project", "classifiers", tomlpos.Elem(i))})
		}
	}
	r.requirementList(nil, "project", "dependencies")
	extras := r.table("project", "optional-dependencies")
	for _, extra := range sortedKeys(extras) {
		r.requirementList([]string{extra}, "project", "optional-dependencies", extra)
	}
}

// buildSystem reads [build-system] requires; its packages are in the
// "build-system" group.
func (r *reader) buildSystem() {
	r.requirementList([]string{"build-system"}, "build-system", "requires")
}

// dependencyGroups reads PEP 735 [dependency-groups]. A requirement belongs
// to its own group and to every group that includes that one.
func (r *reader) dependencyGroups() {
	groups := r.table("dependency-groups")
	if groups == nil {
		return
	}
	// Group names compare normalised, as package names do.
	byName := make(map[string]string, len(groups))
	for g := range groups {
		byName[deps.Normalize(g)] = g
	}
	// includedBy[g] lists the groups that include g directly.
	includedBy := make(map[string][]string)
	for _, g := range sortedKeys(groups) {
		items, ok := groups[g].([]any)
		if !ok {
			r.errorf([]string{"dependency-groups", g}, "is not an array")
			continue
		}
		for i, item := range items {
			t, ok := item.(map[string]any)
			if !ok {
				continue
			}
			inc, ok := t["include-group"].(string)
			if !ok {
				r.errorf([]string{"dependency-groups", g, tomlpos.Elem(i)}, "is neither a requirement nor an include-group")
				continue
			}
			target, exists := byName[deps.Normalize(inc)]
			if !exists {
				r.errorf([]string{"dependency-groups", g, tomlpos.Elem(i)}, "includes the unknown group %q", inc)
				continue
			}
			includedBy[target] = append(includedBy[target], g)
		}
	}
	for _, g := range sortedKeys(groups) {
		items, _ := groups[g].([]any)
		member := r.includers(g, includedBy)
		for i, item := range items {
			if s, ok := item.(string); ok {
				r.requirement(s, member, []string{"dependency-groups", g, tomlpos.Elem(i)})
			}
		}
	}
}

// includers returns g and every group that includes it, directly or not,
// sorted; cycles and over-deep chains stop the walk.
func (r *reader) includers(g string, includedBy map[string][]string) []string {
	seen := map[string]bool{g: true}
	var walk func(string, int)
	walk = func(x string, depth int) {
		if depth > maxGroupDepth {
			return
		}
		for _, parent := range includedBy[x] {
			if !seen[parent] {
				seen[parent] = true
				walk(parent, depth+1)
			}
		}
	}
	walk(g, 0)
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
