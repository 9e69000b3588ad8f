package injection

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// extraArgs returns the SQL fragments of a Django QuerySet.extra call, by
// argument name: select (a dict of alias to SQL), where, tables and
// order_by (lists of SQL). ok is false when the call is not extra.
func extraArgs(m *semantic.Model, c *ast.Call) (args [4]ast.Expr, ok bool) {
	a, isAttr := c.Func.(*ast.Attribute)
	if !isAttr || a.Attr != "extra" || (len(c.Args) == 0 && len(c.Keywords) == 0) {
		return args, false
	}
	args[0] = ruleutil.Arg(c, 0, "select")
	args[1] = ruleutil.Arg(c, 1, "where")
	args[2] = ruleutil.Arg(c, 3, "tables")
	args[3] = ruleutil.Arg(c, 4, "order_by")
	if args == [4]ast.Expr{} {
		return args, false
	}
	// Model.objects.extra(...) or any .extra(...) in a file that uses Django.
	return args, hasObjects(a.Value) || importsModule(m, "django")
}

// extraName returns the keyword name of extraArgs' i-th result.
func extraName(i int) string {
	return [...]string{"select", "where", "tables", "order_by"}[i]
}

// hasObjects reports whether an expression chain passes through a
// `.objects` manager, as in User.objects.filter(...).extra(...).
func hasObjects(e ast.Expr) bool {
	for range maxDepth {
		switch x := e.(type) {
		case *ast.Attribute:
			if x.Attr == "objects" {
				return true
			}
			e = x.Value
		case *ast.Call:
			e = x.Func
		default:
			return false
		}
	}
	return false
}

// fragments passes each SQL fragment of an extra() argument to f: the
// values (and keys) of a select dict, the items of a list. A fragment
// container that is not spelled out is passed whole.
func fragments(m *semantic.Model, e ast.Expr, f func(ast.Expr)) {
	switch x := valueOf(m, e).(type) {
	case *ast.Dict:
		for i, v := range x.Values {
			if x.Keys[i] != nil {
				f(x.Keys[i])
			} else {
				f(v) // **mapping
				continue
			}
			f(v)
		}
	case *ast.List:
		for _, v := range x.Elts {
			f(v)
		}
	case *ast.Tuple:
		for _, v := range x.Elts {
			f(v)
		}
	default:
		if !ruleutil.IsNone(e) {
			f(e)
		}
	}
}

// rawSQLQuery returns the SQL argument of django's RawSQL expression.
func rawSQLQuery(m *semantic.Model, c *ast.Call) (ast.Expr, bool) {
	if tailName(m, c) != "RawSQL" {
		return nil, false
	}
	switch m.CalleeName(c) {
	case "django.db.models.expressions.RawSQL", "django.db.models.RawSQL":
		q := ruleutil.Arg(c, 0, "sql")
		return q, q != nil
	}
	return nil, false
}
