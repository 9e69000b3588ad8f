package semantic

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
)

// build parses src and builds its model.
func build(t testing.TB, src string, opts Options) (*Model, *ast.Module) {
	t.Helper()
	mod, err := parser.ParseFile("test.py", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, src)
	}
	return Build(mod, opts), mod
}

// loads returns every Name in Load context in source order.
func loads(mod *ast.Module) []*ast.Name {
	var out []*ast.Name
	ast.Inspect(mod, func(n ast.Node) bool {
		if x, ok := n.(*ast.Name); ok && x.Ctx == ast.Load {
			out = append(out, x)
		}
		return true
	})
	slices.SortStableFunc(out, func(a, b *ast.Name) int {
		return cmp.Or(cmp.Compare(a.Lineno, b.Lineno), cmp.Compare(a.ColOffset, b.ColOffset))
	})
	return out
}

// calls returns every Call in source order.
func calls(mod *ast.Module) []*ast.Call {
	var out []*ast.Call
	ast.Inspect(mod, func(n ast.Node) bool {
		if x, ok := n.(*ast.Call); ok {
			out = append(out, x)
		}
		return true
	})
	slices.SortStableFunc(out, func(a, b *ast.Call) int {
		return cmp.Or(cmp.Compare(a.Lineno, b.Lineno), cmp.Compare(a.ColOffset, b.ColOffset))
	})
	return out
}

// resolutions describes every loaded name as "id#k" (its k-th load, from 1)
// mapped to describe(use).
func resolutions(m *Model, mod *ast.Module) map[string]string {
	out := map[string]string{}
	seen := map[string]int{}
	for _, n := range loads(mod) {
		seen[n.ID]++
		out[fmt.Sprintf("%s#%d", n.ID, seen[n.ID])] = describe(m.Use(n))
	}
	return out
}

// describe renders a use as "builtin", "unresolved", "implicit", "star", or
// "<scope kind>:<scope name> <binding kind>@<line>" (or "unbound").
func describe(u *Use) string {
	if u == nil {
		return "missing"
	}
	if u.Kind != UseSymbol {
		return u.Kind.String()
	}
	where := u.Symbol.Scope.Kind.String() + ":" + u.Symbol.Scope.Name
	if u.Binding == nil {
		return where + " unbound"
	}
	return fmt.Sprintf("%s %s@%d", where, u.Binding.Kind, bindingLine(u.Binding))
}

func bindingLine(b *Binding) int { return b.Node.Span().Lineno }

// subset keeps the entries of got whose keys want has, so that a table lists
// only the uses it is about; a key missing from got shows as "absent".
func subset(got, want map[string]string) map[string]string {
	out := map[string]string{}
	for k := range want {
		v, ok := got[k]
		if !ok {
			v = "absent"
		}
		out[k] = v
	}
	return out
}

// callees returns CalleeName of every call, in source order, as "f()=name".
func callees(m *Model, mod *ast.Module) []string {
	var out []string
	for _, c := range calls(mod) {
		out = append(out, exprText(c.Func)+"="+m.CalleeName(c))
	}
	return out
}

// exprText spells a Name or Attribute chain, for readable test output.
func exprText(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Name:
		return e.ID
	case *ast.Attribute:
		return exprText(e.Value) + "." + e.Attr
	case *ast.Call:
		return exprText(e.Func) + "()"
	}
	return strings.ToLower(e.NodeKind().String())
}
