package semantic

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/python/ast"
)

// TestCalleeNames checks CalleeName for every call of each snippet, in
// source order (an outer call comes before the call it is chained on).
func TestCalleeNames(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{{
		name: "aliases_attribute_chains_and_shadowed_builtins",
		src: `import subprocess
import importlib
from subprocess import Popen as P
import os.path as osp
run = subprocess.run
call = subprocess.call
call = None
def f(eval, cmd):
    eval(cmd)
    P(cmd, shell=True)
    run(cmd)
    osp.join("a")
    exec(cmd)
    subprocess.check_output(cmd).decode()
    call(cmd)
    g()
    C.m()
    C().m()
def g(): pass
class C:
    def m(self): pass
`,
		want: []string{
			"eval=",
			"P=subprocess.Popen",
			"run=subprocess.run",
			"osp.join=os.path.join",
			"exec=builtins.exec",
			"subprocess.check_output().decode=",
			"subprocess.check_output=subprocess.check_output",
			"call=",
			"g=app.views.g",
			"C.m=app.views.C.m",
			"C().m=",
			"C=app.views.C",
		},
	}, {
		name: "dynamic_imports_with_constant_names",
		src: `import importlib
__import__("os").system("x")
__import__("os.path").join()
__import__("os.path", fromlist=["join"]).join()
__import__("a.b", None, None, ("c",), 0).c()
__import__("a", level=1).x()
__import__(name).x()
importlib.import_module("yaml").load(s)
`,
		want: []string{
			"__import__().system=os.system",
			"__import__=builtins.__import__",
			"__import__().join=os.join",
			"__import__=builtins.__import__",
			"__import__().join=os.path.join",
			"__import__=builtins.__import__",
			"__import__().c=a.b.c",
			"__import__=builtins.__import__",
			"__import__().x=",
			"__import__=builtins.__import__",
			"__import__().x=",
			"__import__=builtins.__import__",
			"importlib.import_module().load=yaml.load",
			"importlib.import_module=importlib.import_module",
		},
	}, {
		name: "alias_chains_locals_and_cycles",
		src: `import subprocess as sp
x = sp
y = x.run
y()
def f():
    r = sp.Popen
    r()
    r2 = r
    r2()
a = b
b = a
a()
def h(p):
    q = p
    q()
`,
		want: []string{"y=subprocess.run", "r=subprocess.Popen", "r2=subprocess.Popen", "a=", "q="},
	}, {
		name: "local_defs_and_methods_have_their_qualname",
		src: `def outer():
    def inner(): pass
    inner()
    class L:
        def m(self): pass
    L.m()
class C:
    class D:
        def n(self): pass
C.D.n()
def gen[T]():
    def h(): pass
    h()
`,
		want: []string{"inner=mod.outer.<locals>.inner", "L.m=mod.outer.<locals>.L.m", "C.D.n=mod.C.D.n", "h=mod.gen.<locals>.h"},
	}, {
		name: "star_imports",
		src: `from os import *
system("x")
print("y")
`,
		want: []string{"system=os.system", "print=builtins.print"},
	}, {
		name: "two_star_imports_are_ambiguous",
		src: `from os import *
from shutil import *
rmtree("x")
`,
		want: []string{"rmtree="},
	}, {
		name: "fallback_import_keeps_textual_binding",
		src: `try:
    import cPickle as pickle
except ImportError:
    import pickle
pickle.loads(b)
`,
		want: []string{"pickle.loads=pickle.loads"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Module: "mod"}
			if tt.name == "aliases_attribute_chains_and_shadowed_builtins" {
				opts.Module = "app.views"
			}
			m, mod := build(t, tt.src, opts)
			got := callees(m, mod)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("callee names (-want +got):\n%s", d)
			}
			checkQualifiedNameIs(t, m, mod)
		})
	}
}

// checkQualifiedNameIs checks that QualifiedNameIs and QualifiedTail agree
// with QualifiedName on every name, attribute chain and call, and that
// QualifiedNameIs rejects near misses.
func checkQualifiedNameIs(t *testing.T, m *Model, mod *ast.Module) {
	t.Helper()
	ast.Inspect(mod, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		switch e.(type) {
		case *ast.Name, *ast.Attribute, *ast.Call:
		default:
			return true
		}
		qn := m.QualifiedName(e)
		if tail := m.QualifiedTail(e); tail != qn[strings.LastIndexByte(qn, '.')+1:] {
			t.Errorf("QualifiedTail(%s) = %q, QualifiedName = %q", exprText(e), tail, qn)
		}
		if _, ok := e.(*ast.Call); ok {
			return true
		}
		if qn == "" {
			if m.QualifiedNameIs(e, "") {
				t.Errorf("QualifiedNameIs(%s, \"\") = true", exprText(e))
			}
			return true
		}
		for _, probe := range []string{qn, qn + "x", "x" + qn, qn[:len(qn)-1], "." + qn, qn + "."} {
			if got := m.QualifiedNameIs(e, probe); got != (probe == qn) {
				t.Errorf("QualifiedNameIs(%s, %q) = %v, QualifiedName = %q", exprText(e), probe, got, qn)
			}
		}
		return true
	})
}

func TestQualifiedNameOfNonNames(t *testing.T) {
	m, mod := build(t, "import os\nos.environ['x'].get\n(1).real\n", Options{})
	stmt := mod.Body[1].(*ast.ExprStmt)
	if got := m.QualifiedName(stmt.Value); got != "" {
		t.Errorf("QualifiedName(subscript chain) = %q, want \"\"", got)
	}
	if got := m.QualifiedName(mod.Body[2].(*ast.ExprStmt).Value); got != "" {
		t.Errorf("QualifiedName((1).real) = %q, want \"\"", got)
	}
	if got := m.CalleeName(nil); got != "" {
		t.Errorf("CalleeName(nil) = %q", got)
	}
	foreign := &ast.Name{ID: "os", Ctx: ast.Load}
	if got := m.QualifiedName(foreign); got != "" {
		t.Errorf("QualifiedName(name from another tree) = %q", got)
	}
}
