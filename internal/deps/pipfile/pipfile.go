// Package pipfile reads Pipenv's Pipfile: [packages], [dev-packages] and any
// other package category, [requires] for the Python version, and the
// [[source]] indexes.
package pipfile

import (
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/pyproject/tomlpos"
	"github.com/kraitsec/krait/internal/deps/requirements"
	"github.com/kraitsec/krait/internal/pep440"
)

// maxFileSize bounds a Pipfile.
const maxFileSize = 4 << 20

// notCategories are the Pipfile tables that do not list packages.
var notCategories = map[string]bool{"source": true, "requires": true, "scripts": true, "pipenv": true}

// markerKeys are the PEP 508 variables Pipenv accepts as keys of a package
// table, besides "markers".
var markerKeys = [...]string{
	"os_name", "sys_platform", "platform_machine", "platform_python_implementation",
	"platform_release", "platform_system", "platform_version", "python_version",
	"python_full_version", "implementation_name", "implementation_version",
}

// Pipfile is what one Pipfile declares.
type Pipfile struct {
	// Packages are those of [packages] (no group), [dev-packages] (group
	// "dev-packages") and any other category (group named after it).
	Packages []deps.Package
	// PythonVersion is [requires] python_full_version, or else python_version.
	PythonVersion     string
	PythonVersionLine int
	// Sources are the [[source]] indexes in file order.
	Sources []Source
}

// Source is a [[source]] index.
type Source struct {
	// Name and URL are as written.
	Name string
	URL  string
	// VerifySSL is false when verify_ssl = false.
	VerifySSL bool
	// Line is where the [[source]] header is.
	Line int
}

// Extractor reads Pipfile.
type Extractor struct{}

// Name names the format.
func (Extractor) Name() string { return "Pipfile" }

// Matches accepts files named Pipfile.
func (Extractor) Matches(p string) bool { return path.Base(p) == "Pipfile" }

// Extract returns the declared packages; see Parse.
func (Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	p, err := Parse(ctx, f)
	if p == nil {
		return nil, err
	}
	return p.Packages, err
}

// Parse reads a Pipfile. A document that is not TOML is an error with no
// result; an entry that cannot be read is skipped and named in the error,
// which comes with the rest.
func Parse(ctx context.Context, f deps.File) (*Pipfile, error) {
	if len(f.Content) > maxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", f.Path, maxFileSize)
	}
	idx, err := tomlpos.Build(f.Content)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	var doc map[string]any
	if err := toml.Unmarshal(f.Content, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	res := &Pipfile{}
	var errs []error
	bad := func(at []string, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s %s", f.Path, idx.Line(at...), strings.Join(at, "."), fmt.Sprintf(format, args...)))
	}
	if req, ok := doc["requires"].(map[string]any); ok {
		for _, k := range [...]string{"python_full_version", "python_version"} {
			if v, ok := req[k].(string); ok {
				res.PythonVersion, res.PythonVersionLine = v, idx.Line("requires", k)
				break
			}
		}
	}
	if srcs, ok := doc["source"].([]any); ok {
		for i, s := range srcs {
			if t, ok := s.(map[string]any); ok {
				name, _ := t["name"].(string)
				url, _ := t["url"].(string)
				res.Sources = append(res.Sources, Source{Name: name, URL: url, VerifySSL: t["verify_ssl"] != false,
					Line: idx.Line("source", tomlpos.Elem(i))})
			}
		}
	}
	for _, cat := range sortedKeys(doc) {
		t, ok := doc[cat].(map[string]any)
		if !ok || notCategories[cat] {
			continue
		}
		var groups []string
		if cat != "packages" {
			groups = []string{cat}
		}
		for _, name := range sortedKeys(t) {
			if err := ctx.Err(); err != nil {
				return res, err
			}
			at := []string{cat, name}
			p, err := entry(name, t[name], f.Path, idx.Line(at...))
			if err != nil {
				bad(at, "%v", err)
				continue
			}
			p.Groups = groups
			res.Packages = append(res.Packages, p)
		}
	}
	sort.SliceStable(res.Packages, func(i, j int) bool { return res.Packages[i].Line < res.Packages[j].Line })
	return res, errors.Join(errs...)
}

// entry reads one package: a specifier string or a table.
func entry(name string, v any, file string, line int) (deps.Package, error) {
	t, ok := v.(map[string]any)
	if s, isStr := v.(string); isStr {
		t, ok = map[string]any{"version": s}, true
	}
	if !ok {
		return deps.Package{}, errors.New("is neither a version nor a table")
	}
	str := func(k string) string { s, _ := t[k].(string); return s }
	req := pep440.Requirement{Name: name}
	if spec := strings.TrimSpace(str("version")); spec != "" && spec != "*" {
		ss, err := pep440.ParseSpecifier(spec)
		if err != nil {
			return deps.Package{}, err
		}
		req.Specifiers = ss
	}
	if xs, ok := t["extras"].([]any); ok {
		for _, x := range xs {
			if s, ok := x.(string); ok {
				req.Extras = append(req.Extras, s)
			}
		}
	}
	var clauses []string
	if m := str("markers"); m != "" {
		clauses = append(clauses, "("+m+")")
	}
	for _, k := range markerKeys {
		if c := str(k); c != "" {
			// Pipenv writes these as "<op><value>", e.g. os_name = "=='nt'".
			i := strings.IndexAny(c, `'"`)
			if i < 0 {
				return deps.Package{}, fmt.Errorf("marker key %s = %q has no quoted value", k, c)
			}
			clauses = append(clauses, k+" "+c)
		}
	}
	if len(clauses) > 0 {
		m, err := pep440.ParseMarker(strings.Join(clauses, " and "))
		if err != nil {
			return deps.Package{}, err
		}
		req.Marker = m
	}
	p := requirements.FromRequirement(req, file, line)
	switch {
	case str("git") != "":
		p.Source, p.URL = "vcs", "git+"+strings.TrimPrefix(str("git"), "git+")
		if ref := str("ref"); ref != "" {
			p.URL += "@" + ref
		}
	case str("path") != "":
		p.Source, p.URL = "path", str("path")
	case str("file") != "":
		p.Source, p.URL = requirements.SourceOf(str("file")), str("file")
	}
	if t["editable"] == true && p.Source != "" {
		p.Source = "editable"
	}
	return p, nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
