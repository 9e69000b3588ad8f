// Package conda reads conda environment files (environment.yml): the pip:
// section as pip requirements, and the conda packages themselves, with
// Source "conda", since their names and versions are conda's and not PyPI's.
// The python entry gives the interpreter version for the end-of-life check.
package conda

import (
	"context"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/requirements"
	"github.com/kraitsec/krait/internal/pep440"
)

// maxFileSize bounds an environment file.
const maxFileSize = 4 << 20

// matchSpecRe splits a conda match spec, "channel::name op version[=build]"
// or "name version build", into its name and version constraint.
var matchSpecRe = regexp.MustCompile(`^(?:[^:\s]+::)?([A-Za-z0-9][A-Za-z0-9_.\-]*)\s*(?:\[.*\])?\s*(.*)$`)

// Environment is what one environment file declares.
type Environment struct {
	// Packages are the pip: requirements (-r includes followed) and then the
	// conda packages.
	Packages []deps.Package
	// Python is the version constraint of the python conda package as written
	// ("3.9", ">=3.10"), with its line; "" when absent.
	Python     string
	PythonLine int
	// PipOptions are the pip options of the pip: section (--index-url …).
	PipOptions []requirements.Option
}

// Extractor reads conda environment files. Build it with New.
type Extractor struct {
	pip *requirements.Extractor
}

// New returns an extractor that follows -r includes of the pip: section
// through read, as requirements.New does.
func New(read requirements.ReadFunc) *Extractor {
	return &Extractor{pip: requirements.New(read)}
}

// Name names the format.
func (e *Extractor) Name() string { return "conda" }

// Matches accepts environment.yml/.yaml and names like environment-dev.yml
// or conda-env.yaml.
func (e *Extractor) Matches(p string) bool {
	base := strings.ToLower(path.Base(p))
	ext := path.Ext(base)
	if ext != ".yml" && ext != ".yaml" {
		return false
	}
	stem := strings.TrimSuffix(base, ext)
	return strings.HasPrefix(stem, "environment") || strings.HasPrefix(stem, "conda-env") || stem == "conda"
}

// Extract returns the declared packages; see Parse.
func (e *Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	env, err := e.Parse(ctx, f)
	if env == nil {
		return nil, err
	}
	return env.Packages, err
}

// Parse reads an environment file. A document that is not YAML, or has no
// dependencies list where one should be, is an error with no result; a bad
// entry is skipped and named in the error, which comes with the rest.
func (e *Extractor) Parse(ctx context.Context, f deps.File) (*Environment, error) {
	if len(f.Content) > maxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", f.Path, maxFileSize)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(f.Content, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	env := &Environment{}
	if len(doc.Content) == 0 {
		return env, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: not a mapping", f.Path, root.Line)
	}
	list := mapValue(root, "dependencies")
	if list == nil {
		return env, nil
	}
	if list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: dependencies is not a list", f.Path, list.Line)
	}
	var errs []error
	var condaPkgs []deps.Package
	for _, item := range list.Content {
		switch {
		case item.Kind == yaml.ScalarNode:
			p, err := matchSpec(item.Value, f.Path, item.Line)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if p.Name == "python" {
				env.Python, env.PythonLine = strings.TrimSpace(strings.TrimPrefix(item.Value, p.RawName)), item.Line
			}
			condaPkgs = append(condaPkgs, p)
		case item.Kind == yaml.MappingNode && mapValue(item, "pip") != nil:
			if err := e.pipSection(ctx, env, mapValue(item, "pip"), f.Path); err != nil {
				errs = append(errs, err)
			}
		default:
			errs = append(errs, fmt.Errorf("%s:%d: unexpected dependency entry", f.Path, item.Line))
		}
	}
	env.Packages = append(env.Packages, condaPkgs...)
	return env, errors.Join(errs...)
}

// pipSection reads the pip: list as a requirements file whose line i is the
// list's i-th item, then maps lines back to the YAML file.
func (e *Extractor) pipSection(ctx context.Context, env *Environment, list *yaml.Node, file string) error {
	if list.Kind != yaml.SequenceNode {
		return fmt.Errorf("%s:%d: pip is not a list", file, list.Line)
	}
	var b strings.Builder
	lines := []int{0}
	for _, item := range list.Content {
		if item.Kind != yaml.ScalarNode {
			continue
		}
		// One item is one line: a continuation backslash or a newline inside
		// an item must not join or split items.
		b.WriteString(strings.TrimRight(strings.ReplaceAll(item.Value, "\n", " "), `\`) + "\n")
		lines = append(lines, item.Line)
	}
	res, err := e.pip.ParseRequirements(ctx, deps.File{Path: file, Content: []byte(b.String())})
	if res == nil {
		return err
	}
	remap := func(f string, line int) int {
		if f == file && line > 0 && line < len(lines) {
			return lines[line]
		}
		return line
	}
	for _, p := range res.Packages {
		p.Line = remap(p.File, p.Line)
		env.Packages = append(env.Packages, p)
	}
	for _, o := range res.Options {
		o.Line = remap(o.File, o.Line)
		env.PipOptions = append(env.PipOptions, o)
	}
	if err != nil {
		// The requirements parser names lines of the synthetic file; say
		// which section they are in.
		return fmt.Errorf("%s:%d: in the pip section: %w", file, list.Line, err)
	}
	return nil
}

// matchSpec reads a conda package spec such as "numpy>=1.20",
// "conda-forge::scipy=1.7.*=py39_0" or "openssl 3.0.8 h0b41bf4_0".
func matchSpec(spec, file string, line int) (deps.Package, error) {
	m := matchSpecRe.FindStringSubmatch(strings.TrimSpace(spec))
	if m == nil || m[1] == "" {
		return deps.Package{}, fmt.Errorf("%s:%d: invalid conda package %q", file, line, spec)
	}
	p := deps.Package{Name: deps.Normalize(m[1]), RawName: m[1], Source: "conda", Direct: true, File: file, Line: line}
	constraint := strings.TrimSpace(m[2])
	// "name 1.2 build" and "name=1.2=build": the version is the second part.
	fields := strings.FieldsFunc(constraint, func(r rune) bool { return r == ' ' })
	switch {
	case strings.HasPrefix(constraint, "=="):
		p.Version = strings.SplitN(strings.TrimPrefix(constraint, "=="), "=", 2)[0]
	case strings.HasPrefix(constraint, "="):
		v := strings.SplitN(strings.TrimPrefix(constraint, "="), "=", 2)
		// "=1.2" means 1.2.*; with a build string it is exact.
		if len(v) == 2 && !strings.ContainsAny(v[0], "*<>!") {
			p.Version = v[0]
		}
	case len(fields) >= 2 && !strings.ContainsAny(fields[0], "*<>=!~|,"):
		p.Version = fields[0]
	}
	p.Specifier = condaSpecifier(constraint, p.Version)
	return p, nil
}

// condaSpecifier renders a conda version constraint as PEP 440 where it has
// that meaning ("=1.2" is "==1.2.*"), else "".
func condaSpecifier(constraint, exact string) string {
	switch {
	case exact != "":
		return "==" + exact
	case constraint == "" || constraint == "*":
		return ""
	case strings.HasPrefix(constraint, "=") && !strings.HasPrefix(constraint, "=="):
		constraint = "==" + strings.TrimSuffix(strings.TrimSuffix(constraint[1:], "*"), ".") + ".*"
	case strings.HasSuffix(constraint, "*") && !strings.ContainsAny(constraint, "<>=!~,|"):
		constraint = "==" + strings.TrimSuffix(strings.TrimSuffix(constraint, "*"), ".") + ".*"
	}
	ss, err := pep440.ParseSpecifier(constraint)
	if err != nil {
		return ""
	}
	return ss.String()
}

// mapValue returns the value of key in a YAML mapping, or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
