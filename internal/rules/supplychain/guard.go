package supplychain

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// guardedConst reports whether e is a name that an enclosing `if` of the
// same scope has just checked to be one of some constants (`if v in ("True",
// "False"):` or `if v == "1":`), so that within its body the value is one of
// them: sympy evaluates its SYMPY_DEBUG setting that way at import time.
func guardedConst(m *semantic.Model, e ast.Expr, at ast.Node) bool {
	n, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	u := m.Use(n)
	if u == nil || u.Scope == nil || u.Scope.Node == nil {
		return false
	}
	found := false
	ast.Inspect(u.Scope.Node, func(x ast.Node) bool {
		if found {
			return false
		}
		s, ok := x.(*ast.If)
		if !ok || !checksConst(m, s.Test, n.ID) {
			return true
		}
		for _, st := range s.Body {
			ast.Inspect(st, func(y ast.Node) bool {
				found = found || y == at
				return !found
			})
		}
		return !found
	})
	return found
}

// checksConst reports whether test is `name in <constants>` or
// `name == <constant>`.
func checksConst(m *semantic.Model, test ast.Expr, name string) bool {
	c, ok := test.(*ast.Compare)
	if !ok || len(c.Ops) != 1 {
		return false
	}
	if l, ok := c.Left.(*ast.Name); !ok || l.ID != name {
		return false
	}
	right := c.Comparators[0]
	switch c.Ops[0] {
	case ast.Eq:
		return isConst(m, right)
	case ast.In:
		var elts []ast.Expr
		switch r := right.(type) {
		case *ast.Tuple:
			elts = r.Elts
		case *ast.List:
			elts = r.Elts
		case *ast.Set:
			elts = r.Elts
		default:
			return false
		}
		for _, el := range elts {
			if !isConst(m, el) {
				return false
			}
		}
		return len(elts) > 0
	}
	return false
}
