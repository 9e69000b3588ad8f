package setuppy

import (
	"slices"
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

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
