package pyproject

import (
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/pyproject/tomlpos"
	"github.com/kraitsec/krait/internal/pep440"
)

// poetry reads [tool.poetry]: dependencies, the old dev-dependencies, groups
// and sources.
func (r *reader) poetry() {
	if r.table("tool", "poetry") == nil {
		return
	}
	// An optional dependency belongs to the extras that name it.
	extrasOf := make(map[string][]string)
	extras := r.table("tool", "poetry", "extras")
	for _, extra := range sortedKeys(extras) {
		names, _ := extras[extra].([]any)
		for _, n := range names {
			if s, ok := n.(string); ok {
				extrasOf[deps.Normalize(s)] = append(extrasOf[deps.Normalize(s)], extra)
			}
		}
	}
	r.poetryDeps(nil, extrasOf, "tool", "poetry", "dependencies")
	r.poetryDeps([]string{"dev"}, nil, "tool", "poetry", "dev-dependencies")
	groups := r.table("tool", "poetry", "group")
	for _, g := range sortedKeys(groups) {
		r.poetryDeps([]string{g}, nil, "tool", "poetry", "group", g, "dependencies")
	}
	for i, v := range r.array("tool", "poetry", "source") {
		t, ok := v.(map[string]any)
		if !ok {
			continue
		}
		s := Source{Tool: "poetry", Name: str(t, "name"), URL: str(t, "url"), Priority: str(t, "priority"), VerifySSL: true,
			Line: r.line("tool", "poetry", "source", tomlpos.Elem(i))}
		if s.Priority == "" && t["default"] == true {
			s.Priority = "default"
		} else if s.Priority == "" && t["secondary"] == true {
			s.Priority = "secondary"
		}
		r.res.Sources = append(r.res.Sources, s)
	}
}

// poetryDeps reads one table of Poetry dependencies.
func (r *reader) poetryDeps(groups []string, extrasOf map[string][]string, path ...string) {
	t := r.table(path...)
	for _, name := range sortedKeys(t) {
		at := append(append([]string(nil), path...), name)
		if strings.EqualFold(name, "python") {
			if c, ok := t[name].(string); ok {
				if spec, ok, _ := poetrySpecifier(c); ok {
					c = spec
				}
				r.res.Python = append(r.res.Python, Value{Key: dotted(at), Value: c, Line: r.line(at...)})
			}
			continue
		}
		switch v := t[name].(type) {
		case string:
			r.poetryDep(name, map[string]any{"version": v}, groups, extrasOf, at)
		case map[string]any:
			r.poetryDep(name, v, groups, extrasOf, at)
		case []any:
			// Several constraints, each for its own markers or Python versions.
			for i, e := range v {
				elem := append(append([]string(nil), at...), tomlpos.Elem(i))
				if m, ok := e.(map[string]any); ok {
					r.poetryDep(name, m, groups, extrasOf, elem)
				} else {
					r.errorf(elem, "is not a table")
				}
			}
		default:
			r.errorf(at, "is neither a version nor a table")
		}
	}
}

// poetryDep reads one dependency given as a table (a bare version string
// arrives as {version = "…"}).
func (r *reader) poetryDep(name string, spec map[string]any, groups []string, extrasOf map[string][]string, path []string) {
	p := deps.Package{Name: deps.Normalize(name), RawName: name, Direct: true, File: r.file, Line: r.line(path...)}
	switch {
	case str(spec, "git") != "":
		p.Source, p.URL = "vcs", gitURL(spec)
	case str(spec, "path") != "":
		p.Source, p.URL = "path", str(spec, "path")
		if spec["develop"] == true {
			p.Source = "editable"
		}
	case str(spec, "url") != "":
		p.Source, p.URL = "url", str(spec, "url")
	default:
		c := str(spec, "version")
		s, ok, err := poetrySpecifier(c)
		if err != nil {
			r.errorf(path, "%v", err)
		}
		if ok {
			p.Specifier = s
			if ss, err := pep440.ParseSpecifier(s); err == nil {
				p.Version, _ = ss.Pinned()
			}
		}
	}
	if xs, ok := spec["extras"].([]any); ok {
		for _, x := range xs {
			if s, ok := x.(string); ok {
				p.Extras = append(p.Extras, s)
			}
		}
	}
	p.Marker = r.poetryMarker(spec, path)
	if spec["optional"] == true && extrasOf != nil {
		if in := extrasOf[p.Name]; len(in) > 0 {
			groups = in
		} else {
			groups = []string{"optional"}
		}
	}
	r.add(p, groups)
}

// poetryMarker combines a dependency's markers and python keys into one
// PEP 508 marker.
func (r *reader) poetryMarker(spec map[string]any, path []string) string {
	var parts []string
	if m := str(spec, "markers"); m != "" {
		pm, err := pep440.ParseMarker(m)
		if err != nil {
			r.errorf(path, "%v", err)
		} else {
			parts = append(parts, pm.String())
		}
	}
	if py := str(spec, "python"); py != "" {
		if s, ok, _ := poetrySpecifier(py); ok && s != "" {
			var clauses []string
			for _, c := range strings.Split(s, ",") {
				i := strings.IndexFunc(c, func(r rune) bool { return r >= '0' && r <= '9' })
				clauses = append(clauses, `python_version `+c[:i]+` "`+c[i:]+`"`)
			}
			parts = append(parts, strings.Join(clauses, " and "))
		}
	}
	if len(parts) == 2 {
		m, err := pep440.ParseMarker("(" + parts[0] + ") and (" + parts[1] + ")")
		if err != nil {
			return parts[0]
		}
		return m.String()
	}
	return strings.Join(parts, "")
}

// gitURL spells a Poetry or uv git dependency as pip would: the ref after @.
func gitURL(spec map[string]any) string {
	u := str(spec, "git")
	if !strings.HasPrefix(u, "git+") {
		u = "git+" + u
	}
	for _, k := range [...]string{"rev", "tag", "branch"} {
		if ref := str(spec, k); ref != "" {
			u += "@" + ref
			break
		}
	}
	if sub := str(spec, "subdirectory"); sub != "" {
		u += "#subdirectory=" + sub
	}
	return u
}

// str returns t[k] when it is a string.
func str(t map[string]any, k string) string {
	s, _ := t[k].(string)
	return s
}
