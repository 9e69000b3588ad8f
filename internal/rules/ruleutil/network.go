package ruleutil

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// netMaxValueHops bounds how many `a = b` aliases ValueOf follows.
const netMaxValueHops = 8

// ValueOf returns the expression a name stands for when the name is bound
// exactly once in its scope by an assignment the source shows (`s = expr`),
// following chains of such names; any other expression is returned as is.
// A name bound once by `with expr as name` stands for expr, as it does for
// sessions and clients whose __enter__ returns self. It lets a rule see
// `s = requests.Session(); s.get(...)` or `opts = {...}; f(options=opts)`
// through the variable.
func ValueOf(m *semantic.Model, e ast.Expr) ast.Expr {
	for range netMaxValueHops {
		n, ok := e.(*ast.Name)
		if !ok {
			return e
		}
		v := netSingleValue(m, n)
		if v == nil {
			return e
		}
		e = v
	}
	return e
}

// netSingleValue returns the value of the single assignment that binds n, or nil.
func netSingleValue(m *semantic.Model, n *ast.Name) ast.Expr {
	u := m.Use(n)
	if u == nil || u.Kind != semantic.UseSymbol || u.Symbol == nil {
		return nil
	}
	var only *semantic.Binding
	for _, b := range u.Symbol.Bindings {
		if b.Kind == semantic.BindDeclare {
			continue
		}
		if only != nil {
			return nil
		}
		only = b
	}
	if only == nil {
		return nil
	}
	switch only.Kind {
	case semantic.BindAssign, semantic.BindAnnAssign, semantic.BindNamedExpr:
		return only.Value
	case semantic.BindWith:
		return netWithValue(only)
	}
	return nil
}

// netWithValue returns the context expression of the with item that binds
// bd (`with requests.Session() as s`), which is what s is for the clients
// whose __enter__ returns self. It searches the statements of the binding's
// scope, so it is only for the rare name a rule has already picked out.
func netWithValue(bd *semantic.Binding) ast.Expr {
	if bd.Scope == nil || bd.Scope.Node == nil {
		return nil
	}
	var found ast.Expr
	ast.Inspect(bd.Scope.Node, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		var items []*ast.Withitem
		switch w := n.(type) {
		case *ast.With:
			items = w.Items
		case *ast.AsyncWith:
			items = w.Items
		case ast.Expr:
			return false // with statements hold no statements inside expressions
		}
		for _, it := range items {
			if it.OptionalVars != nil && ast.Node(it.OptionalVars) == bd.Node {
				found = it.ContextExpr
			}
		}
		return found == nil
	})
	return found
}

// ConstructedBy returns the qualified name of the callable whose call
// produced e, directly (`requests.Session()`) or through a name bound once
// to such a call, or "" when that is unknown. Rules use it to tell a
// requests session from any other object with a get method.
func ConstructedBy(m *semantic.Model, e ast.Expr) string {
	c, ok := ValueOf(m, e).(*ast.Call)
	if !ok {
		return ""
	}
	return m.CalleeName(c)
}

// CalleeTail returns the last identifier of the callee, `f` for `f(...)`
// and `m` for `x.y.m(...)`, or "". It does not allocate, so a rule can
// switch on it before it asks for the qualified name.
func CalleeTail(c *ast.Call) string {
	switch f := c.Func.(type) {
	case *ast.Attribute:
		return f.Attr
	case *ast.Name:
		return f.ID
	}
	return ""
}

// ExprTail returns the last identifier of a Name or Attribute, or "".
func ExprTail(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Attribute:
		return x.Attr
	case *ast.Name:
		return x.ID
	}
	return ""
}

// ResolvedTail is CalleeTail that sees through a renaming import: for
// `from random import randint as rint; rint()` it gives "randint". Only a
// Name callee costs a lookup, so a rule can still switch on it first.
func ResolvedTail(m *semantic.Model, c *ast.Call) string {
	switch f := c.Func.(type) {
	case *ast.Attribute:
		return f.Attr
	case *ast.Name:
		if u := m.Use(f); u != nil && u.Binding != nil && u.Binding.Kind == semantic.BindImportFrom {
			q := u.Binding.Qualified
			for i := len(q) - 1; i >= 0; i-- {
				if q[i] == '.' {
					return q[i+1:]
				}
			}
			return q
		}
		return f.ID
	}
	return ""
}
