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
	"slices"
	"strings"

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
	Value string
	Line  int
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

// strings flattens a literal list, tuple, concatenation of those, or a
// string of lines into its strings; ok is false when some part is not
// literal (the literal parts are still returned).
func (r *reader) strings(v ast.Expr) (out []Value, ok bool) {
	ok = true
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		if depth > maxDepth {
			ok = false
			return
		}
		resolved := r.follow(e, depth)
		if s, isStr := r.m.ConstString(resolved); isStr {
			line := resolved.Span().Lineno
			for i, l := range strings.Split(s, "\n") {
				// Lines of a triple-quoted string follow the opening line.
				if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
					out = append(out, Value{Value: l, Line: line + i})
				}
			}
			return
		}
		switch e := resolved.(type) {
		case *ast.List:
			for _, x := range e.Elts {
				walk(x, depth+1)
			}
		case *ast.Tuple:
			for _, x := range e.Elts {
				walk(x, depth+1)
			}
		case *ast.BinOp:
			if e.Op != ast.Add {
				ok = false
				return
			}
			walk(e.Left, depth+1)
			walk(e.Right, depth+1)
		default:
			if resolved != e {
				walk(resolved, depth+1)
				return
			}
			ok = false
		}
	}
	walk(v, 0)
	return out, ok
}

// dict returns the keys and values of a literal dict or a dict(k=v, …) call,
// following names.
func (r *reader) dict(v ast.Expr, depth int) (keys, values []ast.Expr, ok bool) {
	switch e := r.follow(v, depth).(type) {
	case *ast.Dict:
		for i, k := range e.Keys {
			if k == nil { // {**other}
				return nil, nil, false
			}
			keys, values = append(keys, k), append(values, e.Values[i])
		}
		return keys, values, true
	case *ast.Call:
		// dict(install_requires=[…]) spells its keys as keywords.
		if r.m.CalleeName(e) != "builtins.dict" || len(e.Args) != 0 {
			return nil, nil, false
		}
		for _, kw := range e.Keywords {
			if kw.Arg == "" {
				return nil, nil, false
			}
			keys = append(keys, &ast.Constant{Pos: kw.Pos, Value: ast.ConstValue{Kind: ast.ConstStr, S: kw.Arg}})
			values = append(values, kw.Value)
		}
		return keys, values, true
	}
	return nil, nil, false
}

// follow resolves a name bound exactly once, by a plain assignment, to the
// assigned expression; anything else is returned as is.
func (r *reader) follow(e ast.Expr, depth int) ast.Expr {
	for ; depth <= maxDepth; depth++ {
		n, ok := e.(*ast.Name)
		if !ok {
			return e
		}
		u := r.m.Use(n)
		if u == nil || u.Kind != semantic.UseSymbol {
			return e
		}
		var only *semantic.Binding
		for _, b := range u.Symbol.Bindings {
			if b.Kind == semantic.BindDeclare {
				continue
			}
			if only != nil {
				return e // bound more than once
			}
			only = b
		}
		if only == nil || only.Value == nil || !slices.Contains([]semantic.BindingKind{semantic.BindAssign, semantic.BindAnnAssign}, only.Kind) {
			return e
		}
		e = only.Value
	}
	return e
}
