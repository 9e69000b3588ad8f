package injection

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// augmented reads a string grown with += (`q = "SELECT ..."`, then
// `q += f" AND name = '{name}'"` under some condition): for a name whose
// binding in effect is an augmented assignment, it returns the value the
// name started from and the values added since, in source order. ok is
// false when anything else rebinds the name in between or when an
// augmented assignment is not +=.
func augmented(m *semantic.Model, n *ast.Name) (start ast.Expr, adds []ast.Expr, ok bool) {
	u := m.Use(n)
	if u == nil || u.Kind != semantic.UseSymbol || u.Binding == nil || u.Binding.Kind != semantic.BindAugAssign {
		return nil, nil, false
	}
	bindings := u.Symbol.Bindings
	last := -1
	for i, b := range bindings {
		if b == u.Binding {
			last = i
			break
		}
	}
	if last < 0 {
		return nil, nil, false
	}
	first := last
	for first >= 0 && bindings[first].Kind == semantic.BindAugAssign {
		first--
	}
	if first < 0 {
		return nil, nil, false
	}
	switch b := bindings[first]; b.Kind {
	case semantic.BindAssign, semantic.BindAnnAssign, semantic.BindNamedExpr:
		if b.Value == nil {
			return nil, nil, false
		}
		start = b.Value
	default:
		return nil, nil, false
	}
	targets := bindings[first+1 : last+1]
	adds = make([]ast.Expr, len(targets))
	found, bad := 0, false
	ast.Inspect(u.Binding.Scope.Node, func(x ast.Node) bool {
		if bad || found == len(targets) {
			return false
		}
		a, isAug := x.(*ast.AugAssign)
		if !isAug {
			return true
		}
		for i, b := range targets {
			if b.Node == ast.Node(a.Target) {
				adds[i] = a.Value
				found++
				bad = bad || a.Op != ast.Add // not a concatenation
			}
		}
		return true
	})
	if bad || found != len(targets) {
		return nil, nil, false
	}
	return start, adds, true
}
