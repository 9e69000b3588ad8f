package semantic

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
)

// maxAliasDepth bounds how many alias assignments (`a = b`) a qualified name
// or constant follows, which also stops cycles such as `a = b; b = a`.
const maxAliasDepth = 32

// QualifiedName returns the absolute dotted name that a Name or a chain of
// Attributes on a Name denotes, or "" when it denotes nothing importable.
//
//   - Imports: after `import a.b as c`, `c.d` is "a.b.d"; after `import a.b`,
//     `a.b.c` is "a.b.c"; after `from a import b as c`, `c` is "a.b";
//     relative imports resolve against Options.Module.
//   - Builtins that nothing shadows: `eval` is "builtins.eval". A local,
//     parameter or any other binding named eval is not the builtin.
//   - Definitions: a def or class is the module name plus its __qualname__,
//     e.g. "pkg.mod.C.method" for `C.method`.
//   - Aliases: a name bound exactly once, by `name = <expr>` (or `name: T =`,
//     or a walrus) whose value has a qualified name, has that name, e.g.
//     `run = subprocess.run` makes `run` "subprocess.run".
//   - `__import__("os")` and `importlib.import_module("os")` with a constant
//     absolute name are the module itself.
//   - A name that only a single `from m import *` can explain is "m.name".
//
// Anything else, such as parameters, locals, calls, subscripts and relative
// imports that cannot be resolved, gives "". The binding consulted for a
// name is the one in effect at the use (see the package doc).
func (m *Model) QualifiedName(e ast.Expr) string { return m.qualified(e, 0) }

// CalleeName returns the qualified name of the function a call calls.
func (m *Model) CalleeName(c *ast.Call) string {
	if c == nil {
		return ""
	}
	return m.qualified(c.Func, 0)
}

// QualifiedNameIs reports whether QualifiedName(e) == qn, without allocating
// in the common cases; qn "" never matches.
func (m *Model) QualifiedNameIs(e ast.Expr, qn string) bool {
	return qn != "" && m.matches(e, qn, 0)
}

// QualifiedTail returns the last dotted part of QualifiedName(e), e.g. "run"
// for `subprocess.run` and "system" for `run_it` after `from os import system
// as run_it`, or "" when e has no qualified name. It does not allocate, so
// that a caller can filter on the name before it builds the whole of it.
func (m *Model) QualifiedTail(e ast.Expr) string { return m.qualifiedTail(e, 0) }

func (m *Model) qualifiedTail(e ast.Expr, depth int) string {
	last := ""
	x := e
	for {
		a, ok := x.(*ast.Attribute)
		if !ok {
			break
		}
		if last == "" {
			last = a.Attr
		}
		x = a.Value
	}
	root := m.rootTail(x, depth)
	if root == "" || last == "" {
		return root
	}
	return last
}

// rootTail is the last dotted part of rootQualified(x, depth).
func (m *Model) rootTail(x ast.Expr, depth int) string {
	if depth > maxAliasDepth {
		return ""
	}
	switch x := x.(type) {
	case *ast.Name:
		u := m.Use(x)
		if u == nil {
			return ""
		}
		switch u.Kind {
		case UseBuiltin:
			return x.ID
		case UseStar:
			if m.starModule() != "" {
				return x.ID
			}
		case UseSymbol:
			bd := u.Binding
			if bd == nil {
				return ""
			}
			switch bd.Kind {
			case BindImport, BindImportFrom, BindFunction, BindClass:
				return lastPart(bd.Qualified)
			case BindAssign, BindAnnAssign, BindNamedExpr:
				if bd.Value != nil && bd.Symbol.nreal == 1 {
					return m.qualifiedTail(bd.Value, depth+1)
				}
			}
		}
	case *ast.Call:
		return lastPart(m.importCall(x, depth))
	}
	return ""
}

// lastPart returns what follows the last dot of a dotted name.
func lastPart(qn string) string {
	return qn[strings.LastIndexByte(qn, '.')+1:]
}

func (m *Model) qualified(e ast.Expr, depth int) string {
	var buf [8]string
	attrs := buf[:0]
	x := e
	for {
		a, ok := x.(*ast.Attribute)
		if !ok {
			break
		}
		attrs = append(attrs, a.Attr)
		x = a.Value
	}
	root := m.rootQualified(x, depth)
	if root == "" || len(attrs) == 0 {
		return root
	}
	n := len(root) + len(attrs)
	for _, a := range attrs {
		n += len(a)
	}
	var sb strings.Builder
	sb.Grow(n)
	sb.WriteString(root)
	for i := len(attrs) - 1; i >= 0; i-- {
		sb.WriteByte('.')
		sb.WriteString(attrs[i])
	}
	return sb.String()
}

func (m *Model) rootQualified(x ast.Expr, depth int) string {
	if depth > maxAliasDepth {
		return ""
	}
	switch x := x.(type) {
	case *ast.Name:
		u := m.Use(x)
		if u == nil {
			return ""
		}
		switch u.Kind {
		case UseBuiltin:
			return "builtins." + x.ID
		case UseStar:
			if mod := m.starModule(); mod != "" {
				return mod + "." + x.ID
			}
		case UseSymbol:
			return m.bindingQualified(u.Binding, depth)
		}
	case *ast.Call:
		return m.importCall(x, depth)
	}
	return ""
}

func (m *Model) bindingQualified(bd *Binding, depth int) string {
	if bd == nil {
		return ""
	}
	switch bd.Kind {
	case BindImport, BindImportFrom, BindFunction, BindClass:
		return bd.Qualified
	case BindAssign, BindAnnAssign, BindNamedExpr:
		if bd.Value != nil && bd.Symbol.nreal == 1 {
			return m.qualified(bd.Value, depth+1)
		}
	}
	return ""
}

// starModule returns the module of the file's only `from m import *`, or "".
func (m *Model) starModule() string {
	if len(m.stars) != 1 {
		return ""
	}
	return m.imports[m.stars[0]].Module
}

func (m *Model) matches(e ast.Expr, qn string, depth int) bool {
	x := e
	for {
		a, ok := x.(*ast.Attribute)
		if !ok {
			break
		}
		k := len(qn) - len(a.Attr) - 1
		if k <= 0 || qn[k] != '.' || qn[k+1:] != a.Attr {
			return false
		}
		qn = qn[:k]
		x = a.Value
	}
	if depth > maxAliasDepth {
		return false
	}
	switch x := x.(type) {
	case *ast.Name:
		u := m.Use(x)
		if u == nil {
			return false
		}
		switch u.Kind {
		case UseBuiltin:
			return joinedEquals(qn, "builtins", x.ID)
		case UseStar:
			mod := m.starModule()
			return mod != "" && joinedEquals(qn, mod, x.ID)
		case UseSymbol:
			bd := u.Binding
			if bd == nil {
				return false
			}
			switch bd.Kind {
			case BindImport, BindImportFrom, BindFunction, BindClass:
				return bd.Qualified == qn
			case BindAssign, BindAnnAssign, BindNamedExpr:
				return bd.Value != nil && bd.Symbol.nreal == 1 && m.matches(bd.Value, qn, depth+1)
			}
		}
	case *ast.Call:
		return m.importCall(x, depth) == qn
	}
	return false
}

// joinedEquals reports whether s == a + "." + b.
func joinedEquals(s, a, b string) bool {
	return len(s) == len(a)+1+len(b) && s[len(a)] == '.' && s[:len(a)] == a && s[len(a)+1:] == b
}

// importCall returns the module that `__import__(name)` or
// `importlib.import_module(name)` returns, when the call spells it out.
func (m *Model) importCall(c *ast.Call, depth int) string {
	if len(c.Args) == 0 {
		return ""
	}
	name, ok := m.constString(c.Args[0], depth+1)
	if !ok || name == "" || name[0] == '.' {
		return ""
	}
	switch {
	case m.matches(c.Func, "builtins.__import__", depth+1):
		// __import__("a.b") returns a unless a non-empty fromlist asks for
		// a.b itself; a level other than 0 makes it relative.
		var fromlist, level ast.Expr
		if len(c.Args) > 3 {
			fromlist = c.Args[3]
		}
		if len(c.Args) > 4 {
			level = c.Args[4]
		}
		for _, k := range c.Keywords {
			switch {
			case k == nil:
			case k.Arg == "fromlist":
				fromlist = k.Value
			case k.Arg == "level":
				level = k.Value
			case k.Arg == "":
				return "" // **kwargs could say anything
			}
		}
		if level != nil {
			v, ok := m.constValue(level, depth+1)
			if !ok || v.Kind != ast.ConstInt || v.S != "0" {
				return ""
			}
		}
		empty, known := m.emptySequence(fromlist, depth+1)
		switch {
		case !known:
			return ""
		case empty:
			top, _, _ := strings.Cut(name, ".")
			return top
		}
		return name
	case m.matches(c.Func, "importlib.import_module", depth+1):
		return name
	}
	return ""
}

// emptySequence reports whether a fromlist argument is empty (absent, None,
// an empty tuple or list, or an empty string), and whether that is known.
func (m *Model) emptySequence(e ast.Expr, depth int) (empty, known bool) {
	switch e := e.(type) {
	case nil:
		return true, true
	case *ast.Tuple:
		return len(e.Elts) == 0, true
	case *ast.List:
		return len(e.Elts) == 0, true
	}
	v, ok := m.constValue(e, depth)
	if !ok {
		return false, false
	}
	switch v.Kind {
	case ast.ConstNone:
		return true, true
	case ast.ConstStr, ast.ConstBytes:
		return v.S == "", true
	}
	return false, true
}
