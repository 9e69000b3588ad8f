package semantic

import (
	"strings"
	"sync"
	"testing"

	"github.com/kraitsec/krait/internal/python/ast"
)

// TestDeepTrees checks that trees deeper than any parser allows neither
// crash Build nor recurse without bound, and that long left-leaning chains
// are modelled completely.
func TestDeepTrees(t *testing.T) {
	const n = 200000

	// -(-(-(...x)))
	var nested ast.Expr = &ast.Name{ID: "x", Ctx: ast.Load}
	for range n {
		nested = &ast.UnaryOp{Op: ast.USub, Operand: nested}
	}
	m := Build(&ast.Module{Body: []ast.Stmt{&ast.ExprStmt{Value: nested}}}, Options{})
	if !m.Truncated() {
		t.Errorf("deeply nested unary operators: Truncated() = false")
	}
	if _, ok := m.ConstValue(nested); ok {
		t.Errorf("ConstValue(deeply nested) succeeded")
	}

	// "a" + "a" + ... + name, and a.b.b.b...
	var chain ast.Expr = &ast.Constant{Value: ast.ConstValue{Kind: ast.ConstStr, S: "a"}}
	for range n {
		chain = &ast.BinOp{Left: chain, Op: ast.Add, Right: &ast.Constant{Value: ast.ConstValue{Kind: ast.ConstStr, S: "a"}}}
	}
	last := &ast.Name{ID: "os", Ctx: ast.Load, Pos: ast.Pos{Lineno: 3}}
	var attrs ast.Expr = last
	for range n {
		attrs = &ast.Attribute{Value: attrs, Attr: "b", Ctx: ast.Load}
	}
	mod := &ast.Module{Body: []ast.Stmt{
		&ast.Import{Pos: ast.Pos{Lineno: 1, EndLineno: 1, EndColOffset: 9}, Names: []*ast.Alias{{Name: "os"}}},
		&ast.ExprStmt{Value: chain},
		&ast.ExprStmt{Value: attrs},
	}}
	m = Build(mod, Options{})
	if m.Truncated() {
		t.Errorf("long chains: Truncated() = true")
	}
	if v, ok := m.ConstString(chain); !ok || v != strings.Repeat("a", n+1) {
		t.Errorf("ConstString(long concatenation) = %d bytes, %v", len(v), ok)
	}
	if got, want := m.QualifiedName(attrs), "os"+strings.Repeat(".b", n); got != want {
		t.Errorf("QualifiedName(long attribute chain) has %d bytes, want %d", len(got), len(want))
	}
	if !m.QualifiedNameIs(attrs, "os"+strings.Repeat(".b", n)) {
		t.Errorf("QualifiedNameIs(long attribute chain) = false")
	}
}

// TestIncompleteTrees checks that nil fields, which an error-tolerant parser
// may leave, do not crash Build or the queries.
func TestIncompleteTrees(t *testing.T) {
	mod := &ast.Module{Body: []ast.Stmt{
		nil,
		&ast.FunctionDef{Name: "f", Body: []ast.Stmt{&ast.Return{}}},
		&ast.ClassDef{Name: "C", Keywords: []*ast.Keyword{nil}},
		&ast.Assign{Targets: []ast.Expr{nil, &ast.Name{ID: "a", Ctx: ast.Store}}},
		&ast.For{Body: []ast.Stmt{nil}},
		&ast.With{Items: []*ast.Withitem{nil, {}}},
		&ast.Try{Handlers: []*ast.ExceptHandler{nil, {Name: "e"}}},
		&ast.Match{Cases: []*ast.MatchCase{nil, {Pattern: &ast.MatchAs{}}}},
		&ast.Import{Names: []*ast.Alias{nil}},
		&ast.ImportFrom{Level: 3, Names: []*ast.Alias{nil, {Name: "*"}}},
		&ast.ExprStmt{Value: &ast.Lambda{Body: &ast.Name{ID: "z", Ctx: ast.Load}}},
		&ast.ExprStmt{Value: &ast.ListComp{Generators: []*ast.Comprehension{nil}}},
		&ast.ExprStmt{Value: &ast.Call{Func: &ast.Name{ID: "__import__", Ctx: ast.Load}, Keywords: []*ast.Keyword{nil}}},
		&ast.TypeAlias{Value: &ast.Name{ID: "int", Ctx: ast.Load}},
	}}
	m := Build(mod, Options{})
	for _, s := range mod.Body {
		if e, ok := s.(*ast.ExprStmt); ok {
			m.QualifiedName(e.Value)
			m.ConstValue(e.Value)
		}
	}
	if Build(nil, Options{}).ModuleScope() == nil {
		t.Errorf("Build(nil) has no module scope")
	}
}

func TestKindNames(t *testing.T) {
	if got := BindDelete.String(); got != "delete" {
		t.Errorf("BindDelete = %q", got)
	}
	if got := BindingKind(99).String(); got != "invalid" {
		t.Errorf("BindingKind(99) = %q", got)
	}
	if got := UseStar.String(); got != "star" {
		t.Errorf("UseStar = %q", got)
	}
	if got := ScopeKind(99).String(); got != "invalid" {
		t.Errorf("ScopeKind(99) = %q", got)
	}
}

// TestConcurrentQueries checks under -race that a built model may be
// queried from many goroutines at once.
func TestConcurrentQueries(t *testing.T) {
	m, mod := build(t, `import subprocess as sp
A = "a" + "b"
run = sp.run
def f(x):
    run(f"{A}")
    return eval(x)
`, Options{Module: "m"})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				ast.Inspect(mod, func(n ast.Node) bool {
					if e, ok := n.(ast.Expr); ok {
						m.QualifiedName(e)
						m.QualifiedNameIs(e, "subprocess.run")
						m.ConstValue(e)
					}
					return true
				})
			}
		}()
	}
	wg.Wait()
}
