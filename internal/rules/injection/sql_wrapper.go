package injection

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// wrapperQuery looks through a helper defined in the same file that hands
// one of its parameters, unchanged, to a database call as the SQL text,
// like the query_db(query, args=(), one=False) of Flask's tutorial. It
// returns the argument of this call that becomes the SQL, and the label of
// the database call inside the helper. Only calls that pass some argument
// starting with SQL text pay for the look inside.
func wrapperQuery(m *semantic.Model, c *ast.Call) (query ast.Expr, inner string, ok bool) {
	f, isName := c.Func.(*ast.Name)
	if !isName || len(c.Args) == 0 && len(c.Keywords) == 0 || commonBuiltin(f.ID) {
		return nil, "", false
	}
	u := m.Use(f)
	if u == nil || u.Kind != semantic.UseSymbol || u.Binding == nil || u.Binding.Kind != semantic.BindFunction ||
		!sqlArgument(m, c) {
		return nil, "", false
	}
	var args *ast.Arguments
	var body []ast.Stmt
	switch d := u.Binding.Node.(type) {
	case *ast.FunctionDef:
		args, body = d.Args, d.Body
	case *ast.AsyncFunctionDef:
		args, body = d.Args, d.Body
	default:
		return nil, "", false
	}
	for _, s := range body {
		ast.Inspect(s, func(n ast.Node) bool {
			x, isCall := n.(*ast.Call)
			if !isCall || query != nil {
				return query == nil
			}
			sink, isSink := sqlSink(m, x)
			if !isSink || sink.fragment {
				return true
			}
			name, isName := sink.query.(*ast.Name)
			if !isName {
				return true
			}
			pu := m.Use(name)
			if pu == nil || pu.Binding == nil || pu.Binding.Kind != semantic.BindParam {
				return true
			}
			if pos, kw, found := paramSlot(args, pu.Binding.Node); found {
				if query = ruleutil.Arg(c, pos, kw); query != nil {
					inner = callLabel(m, x)
				}
			}
			return query == nil
		})
		if query != nil {
			return query, inner, true
		}
	}
	return nil, "", false
}

// sqlArgument is the cheap test of wrapperQuery: does the call pass an
// argument built at run time whose text starts like SQL?
func sqlArgument(m *semantic.Model, c *ast.Call) bool {
	for _, a := range c.Args {
		if builtSQLStart(m, a) {
			return true
		}
	}
	for _, k := range c.Keywords {
		if k.Arg != "" && builtSQLStart(m, k.Value) {
			return true
		}
	}
	return false
}

// builtSQLStart reports whether e, or the value a name holds, is a string
// expression that computes something (not a literal) and starts like SQL.
func builtSQLStart(m *semantic.Model, e ast.Expr) bool {
	if n, ok := e.(*ast.Name); ok {
		if e = boundValue(m, n); e == nil {
			return false
		}
	}
	switch e.(type) {
	case *ast.JoinedStr, *ast.BinOp, *ast.Call:
		return sqlStart(leadingText(m, e))
	}
	return false
}

// paramSlot returns the position (-1 for keyword-only) and name of the
// parameter declared by node in a def's arguments.
func paramSlot(a *ast.Arguments, node ast.Node) (pos int, kw string, ok bool) {
	if a == nil {
		return 0, "", false
	}
	i := 0
	for _, p := range a.Posonlyargs {
		if ast.Node(p) == node {
			return i, "", true
		}
		i++
	}
	for _, p := range a.Args {
		if ast.Node(p) == node {
			return i, p.Arg, true
		}
		i++
	}
	for _, p := range a.Kwonlyargs {
		if ast.Node(p) == node {
			return -1, p.Arg, true
		}
	}
	return 0, "", false
}
