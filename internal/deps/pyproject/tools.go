package pyproject

import (
	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/pyproject/tomlpos"
	"github.com/kraitsec/krait/internal/deps/requirements"
)

// pdm reads [tool.pdm]: dev-dependencies (pip-style lines, -e allowed) and
// sources.
func (r *reader) pdm() {
	groups := r.table("tool", "pdm", "dev-dependencies")
	for _, g := range sortedKeys(groups) {
		items, ok := groups[g].([]any)
		if !ok {
			r.errorf([]string{"tool", "pdm", "dev-dependencies", g}, "is not an array")
			continue
		}
		for i, item := range items {
			at := []string{"tool", "pdm", "dev-dependencies", g, tomlpos.Elem(i)}
			s, ok := item.(string)
			if !ok {
				r.errorf(at, "is not a requirement string")
				continue
			}
			p, err := requirements.ParseLine(s, r.file, r.line(at...))
			if err != nil {
				r.errorf(at, "%v", err)
				continue
			}
			if p.Name != "" {
				r.add(p, []string{g})
			}
		}
	}
	for i, v := range r.array("tool", "pdm", "source") {
		t, ok := v.(map[string]any)
		if !ok {
			continue
		}
		s := Source{Tool: "pdm", Name: str(t, "name"), URL: str(t, "url"), Priority: str(t, "type"), VerifySSL: t["verify_ssl"] != false,
			Line: r.line("tool", "pdm", "source", tomlpos.Elem(i))}
		r.res.Sources = append(r.res.Sources, s)
	}
}

// uv reads [tool.uv]: dev-dependencies, indexes, and the sources that
// redirect a dependency to git, a path or a URL.
func (r *reader) uv() {
	if r.table("tool", "uv") == nil {
		return
	}
	r.requirementList([]string{"dev"}, "tool", "uv", "dev-dependencies")
	for i, v := range r.array("tool", "uv", "index") {
		t, ok := v.(map[string]any)
		if !ok {
			continue
		}
		s := Source{Tool: "uv", Name: str(t, "name"), URL: str(t, "url"), VerifySSL: true, Line: r.line("tool", "uv", "index", tomlpos.Elem(i))}
		if t["default"] == true {
			s.Priority = "default"
		} else if t["explicit"] == true {
			s.Priority = "explicit"
		}
		r.res.Sources = append(r.res.Sources, s)
	}
	if u, ok := r.str("tool", "uv", "index-url"); ok {
		r.res.Sources = append(r.res.Sources, Source{Tool: "uv", Name: "index-url", URL: u, Priority: "default", VerifySSL: true, Line: r.line("tool", "uv", "index-url")})
	}
	for i, v := range r.array("tool", "uv", "extra-index-url") {
		if u, ok := v.(string); ok {
			r.res.Sources = append(r.res.Sources, Source{Tool: "uv", Name: "extra-index-url", URL: u, Priority: "extra", VerifySSL: true,
				Line: r.line("tool", "uv", "extra-index-url", tomlpos.Elem(i))})
		}
	}
	sources := r.table("tool", "uv", "sources")
	for _, name := range sortedKeys(sources) {
		// A list of sources applies per marker; the first one says enough.
		spec, ok := sources[name].(map[string]any)
		if list, isList := sources[name].([]any); isList && len(list) > 0 {
			spec, ok = list[0].(map[string]any)
		}
		if !ok {
			r.errorf([]string{"tool", "uv", "sources", name}, "is not a table")
			continue
		}
		source, url := uvSource(spec)
		if source == "" {
			continue
		}
		for i := range r.res.Packages {
			if p := &r.res.Packages[i]; p.Name == deps.Normalize(name) && p.Source == "" {
				p.Source, p.URL = source, url
			}
		}
	}
}

// uvSource classifies a [tool.uv.sources] entry; an index source keeps the
// package on an index, so it gives "".
func uvSource(spec map[string]any) (source, url string) {
	switch {
	case str(spec, "git") != "":
		return "vcs", gitURL(spec)
	case str(spec, "path") != "":
		if spec["editable"] == true {
			return "editable", str(spec, "path")
		}
		return "path", str(spec, "path")
	case str(spec, "url") != "":
		return "url", str(spec, "url")
	case spec["workspace"] == true:
		return "path", ""
	}
	return "", ""
}
