// Package setuppy reads the dependencies a setup.py declares, statically:
// the literal arguments of setup() (install_requires, extras_require,
// setup_requires, tests_require, python_requires, classifiers), following
// names bound once to literals. The file is parsed with krait's own Python
// parser and never run.
package setuppy

import (
	"context"
	"errors"
	"fmt"
	"path"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/requirements"
	"github.com/kraitsec/krait/internal/pep440"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

const (
	// maxFileSize bounds a setup.py.
	maxFileSize = 4 << 20
	// maxDepth bounds how many names and concatenations a value is followed
	// through.
	maxDepth = 16
)

// setupFuncs are the qualified names of the setup() functions read.
var setupFuncs = map[string]bool{
	"setuptools.setup":           true,
	"distutils.core.setup":       true,
	"numpy.distutils.core.setup": true,
	"skbuild.setup":              true,
}

// Setup is what one setup.py declares, as far as it can be read statically.
type Setup struct {
	// Packages are the requirements; Groups names the extra, or "setup" and
	// "tests" for setup_requires and tests_require.
	Packages []deps.Package
	// PythonRequires is the python_requires argument and its line.
	PythonRequires     string
	PythonRequiresLine int
	// Classifiers are the classifiers argument's strings with their lines.
	Classifiers []Value
	// Unresolved names the arguments whose value is computed (read from a
	// file, built in a loop …) and so could not be read.
	Unresolved []Value
}

// Value is a string and where it was written; for Unresolved, the argument
// name and the line of its value.
type Value struct {
	// Value is the string (or the argument name).
	Value string
	// Line is where it is written.
	Line int
}

// Extractor reads setup.py.
type Extractor struct{}

// Name names the format.
func (Extractor) Name() string { return "setup.py" }

// Matches accepts files named setup.py.
func (Extractor) Matches(p string) bool { return path.Base(p) == "setup.py" }

// Extract returns the declared packages; see Parse.
func (Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	s, err := Parse(ctx, f)
	if s == nil {
		return nil, err
	}
	return s.Packages, err
}

// Parse reads a setup.py. A file that does not parse is an error with no
// result; a requirement string that cannot be read is skipped and named in
// the error, which comes with the rest.
func Parse(ctx context.Context, f deps.File) (*Setup, error) {
	if len(f.Content) > maxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", f.Path, maxFileSize)
	}
	mod, err := parser.ParseFile(f.Path, f.Content)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	r := &reader{file: f.Path, m: semantic.Build(mod, semantic.Options{Module: "__main__"}), res: &Setup{}}
	var calls []*ast.Call
	ast.Inspect(mod, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && setupFuncs[r.m.CalleeName(c)] {
			calls = append(calls, c)
		}
		return ctx.Err() == nil
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, c := range calls {
		r.call(c)
	}
	return r.res, errors.Join(r.errs...)
}

type reader struct {
	file string
	m    *semantic.Model
	res  *Setup
	errs []error
}

// call reads the keyword arguments of one setup() call, **kwargs included
// when they name a literal dict.
func (r *reader) call(c *ast.Call) {
	for _, kw := range c.Keywords {
		if kw.Arg != "" {
			r.keyword(kw.Arg, kw.Value)
			continue
		}
		keys, values, ok := r.dict(kw.Value, 0)
		if !ok {
			r.res.Unresolved = append(r.res.Unresolved, Value{Value: "**", Line: kw.Lineno})
			continue
		}
		for i, k := range keys {
			if name, ok := r.m.ConstString(k); ok {
				r.keyword(name, values[i])
			}
		}
	}
}

func (r *reader) keyword(name string, v ast.Expr) {
	switch name {
	case "install_requires":
		r.requirements(name, v, nil)
	case "setup_requires":
		r.requirements(name, v, []string{"setup"})
	case "tests_require":
		r.requirements(name, v, []string{"tests"})
	case "extras_require":
		keys, values, ok := r.dict(v, 0)
		if !ok {
			r.unresolved(name, v)
			return
		}
		for i, k := range keys {
			extra, ok := r.m.ConstString(k)
			if !ok {
				r.unresolved(name, values[i])
				continue
			}
			r.requirements(name, values[i], []string{extra})
		}
	case "python_requires":
		if s, ok := r.m.ConstString(v); ok {
			r.res.PythonRequires, r.res.PythonRequiresLine = s, v.Span().Lineno
		} else {
			r.unresolved(name, v)
		}
	case "classifiers":
		strs, ok := r.strings(v)
		if !ok {
			r.unresolved(name, v)
		}
		r.res.Classifiers = append(r.res.Classifiers, strs...)
	}
}

func (r *reader) unresolved(name string, v ast.Expr) {
	r.res.Unresolved = append(r.res.Unresolved, Value{Value: name, Line: v.Span().Lineno})
}

// requirements reads a list of requirement strings (or one string of
// lines) into packages.
func (r *reader) requirements(name string, v ast.Expr, groups []string) {
	strs, ok := r.strings(v)
	if !ok {
		r.unresolved(name, v)
	}
	for _, s := range strs {
		req, err := pep440.ParseRequirement(s.Value)
		if err != nil {
			r.errs = append(r.errs, fmt.Errorf("%s:%d: %s: %w", r.file, s.Line, name, err))
			continue
		}
		p := requirements.FromRequirement(req, r.file, s.Line)
		p.Groups = groups
		r.res.Packages = append(r.res.Packages, p)
	}
}
