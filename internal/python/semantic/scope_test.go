package semantic

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScopes checks which binding each loaded name resolves to. Keys are
// "name#k", the k-th load of name in source order.
func TestScopes(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want map[string]string
	}{{
		name: "class_scope_invisible_from_methods_and_comprehensions",
		src: `x = 1
class C:
    x = 2
    y = x
    def m(self):
        return x
    z = [x for _ in range(3)]
    w = [i for i in range(x)]
`,
		want: map[string]string{
			"x#1":     "class:C assign@3",
			"x#2":     "module: assign@1",
			"x#3":     "module: assign@1",
			"x#4":     "class:C assign@3",
			"range#1": "builtin",
		},
	}, {
		name: "comprehension_has_own_scope_first_iterable_outside",
		src: `y = 0
out = [y for y in range(y)]
after = y
pairs = [(a, b) for a in xs for b in a]
`,
		want: map[string]string{
			"y#1":  "comprehension:<listcomp> comprehension@2",
			"y#2":  "module: assign@1",
			"y#3":  "module: assign@1",
			"a#1":  "comprehension:<listcomp> comprehension@4",
			"a#2":  "comprehension:<listcomp> comprehension@4",
			"b#1":  "comprehension:<listcomp> comprehension@4",
			"xs#1": "unresolved",
		},
	}, {
		name: "global_declaration",
		src: `def f():
    global g
    g = 1
    return g
def h():
    return g
g = 0
`,
		want: map[string]string{
			"g#1": "module: assign@3",
			"g#2": "module: assign@7",
		},
	}, {
		name: "global_declared_in_enclosing_function_reaches_nested",
		src: `def f():
    global a
    def g():
        return a
    a = 1
`,
		want: map[string]string{"a#1": "module: assign@5"},
	}, {
		name: "nonlocal_declaration",
		src: `def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def peek():
        return n
    return inc, peek
`,
		want: map[string]string{
			"n#1":    "function:outer augassign@5",
			"n#2":    "function:outer augassign@5",
			"inc#1":  "function:outer function@3",
			"peek#1": "function:outer function@7",
		},
	}, {
		name: "nonlocal_skips_class_scope",
		src: `def f():
    v = 1
    class K:
        v = 2
        def m(self):
            nonlocal v
            return v
`,
		want: map[string]string{"v#1": "function:f assign@2"},
	}, {
		name: "del_removes_binding",
		src: `import os
del os
os
def f():
    x = 1
    del x
    return x
`,
		want: map[string]string{
			"os#1": "module: delete@2",
			"x#1":  "function:f delete@6",
		},
	}, {
		name: "assignment_anywhere_makes_function_local",
		src: `x = 1
def f():
    print(x)
    x = 2
`,
		want: map[string]string{
			"x#1":     "function:f unbound",
			"print#1": "builtin",
		},
	}, {
		name: "module_name_falls_back_to_builtin_before_binding",
		src: `print(len)
def len(x):
    return 0
len
`,
		want: map[string]string{
			"len#1": "builtin",
			"len#2": "module: function@2",
		},
	}, {
		name: "class_body_falls_back_before_binding",
		src: `x = 1
class C:
    x = x
class Node:
    def clone(self):
        return Node()
    kind = Node
`,
		want: map[string]string{
			"x#1":    "module: assign@1",
			"Node#1": "module: class@4",
			"Node#2": "unresolved",
		},
	}, {
		name: "class_local_name_not_yet_bound_skips_enclosing_function",
		src: `def f():
    Other = 1
    class A:
        Other = Other
        def m(self):
            return Other
    class B:
        y = Other
`,
		want: map[string]string{
			"Other#1": "unresolved",
			"Other#2": "function:f assign@2",
			"Other#3": "function:f assign@2",
		},
	}, {
		name: "parenthesized_annotation_does_not_make_local",
		src: `x = 1
def f():
    (x): int
    return x
def g():
    y: int
    return y
`,
		want: map[string]string{
			"x#1": "module: assign@1",
			"y#1": "function:g unbound",
		},
	}, {
		name: "implicit_class_cell_beats_globals",
		src: `__class__ = None
class C:
    def m(self):
        return __class__
`,
		want: map[string]string{"__class__#1": "implicit"},
	}, {
		name: "walrus_in_comprehension_binds_in_function",
		src: `def f(data):
    if any((hit := d) for d in data):
        return hit
    return [last := v for v in data], last
`,
		want: map[string]string{
			"hit#1":  "function:f namedexpr@2",
			"d#1":    "comprehension:<genexpr> comprehension@2",
			"data#1": "function:f param@1",
			"last#1": "function:f namedexpr@4",
			"any#1":  "builtin",
		},
	}, {
		name: "shadowed_builtins",
		src: `def f(eval):
    return eval("1")
def g():
    open = lambda p: p
    return open("x")
len = 3
def h():
    return len, input()
`,
		want: map[string]string{
			"eval#1":  "function:f param@1",
			"open#1":  "function:g assign@4",
			"len#1":   "module: assign@6",
			"input#1": "builtin",
			"p#1":     "lambda:<lambda> param@4",
		},
	}, {
		name: "type_params_and_annotation_scopes",
		src: `class Base: pass
class C:
    T = int
    def m[T](self, x: T) -> T:
        return x
    def n[U: T](self): ...
    type Alias[V] = list[V]
class G[T](Base):
    def get(self) -> T: ...
`,
		want: map[string]string{
			"Base#1": "module: class@1",
			"int#1":  "builtin",
			"T#1":    "type-params:m typeparam@4",
			"T#2":    "type-params:m typeparam@4",
			"x#1":    "function:m param@4",
			"T#3":    "class:C assign@3",
			"list#1": "builtin",
			"V#1":    "type-params:Alias typeparam@7",
			"T#4":    "type-params:G typeparam@8",
		},
	}, {
		name: "annotations_are_evaluated_lazily",
		src: `def f(x: Later) -> Later: ...
class Later: pass
y: Later = None
`,
		want: map[string]string{
			"Later#1": "module: class@2",
			"Later#2": "module: class@2",
			"Later#3": "module: class@2",
		},
	}, {
		name: "except_names_and_match_captures",
		src: `try:
    pass
except ValueError as err:
    print(err)
print(err)
match cmd:
    case [action, *rest] if action:
        print(rest)
    case {"k": v, **kw}:
        print(v, kw)
    case Point(x=px) | Point(y=px):
        print(px)
`,
		want: map[string]string{
			"ValueError#1": "builtin",
			"err#1":        "module: except@3",
			"err#2":        "module: unbound",
			"cmd#1":        "unresolved",
			"action#1":     "module: match@7",
			"rest#1":       "module: match@7",
			"v#1":          "module: match@9",
			"kw#1":         "module: match@9",
			"Point#1":      "unresolved",
			"px#1":         "module: match@11",
		},
	}, {
		name: "for_with_augassign_lambda",
		src: `with open(p) as (f, g):
    pass
for i, j in f:
    i += 1
k = lambda a, b=i: a + b + j
`,
		want: map[string]string{
			"p#1": "unresolved",
			"f#1": "module: with@1",
			"i#1": "module: augassign@4",
			"a#1": "lambda:<lambda> param@5",
			"b#1": "lambda:<lambda> param@5",
			"j#1": "module: for@3",
		},
	}, {
		name: "last_textual_binding_in_straight_line_code",
		src: `import json
json.dumps
json = None
json
def f():
    return json
`,
		want: map[string]string{
			"json#1": "module: import@1",
			"json#2": "module: assign@3",
			"json#3": "module: assign@3",
		},
	}, {
		name: "implicit_names",
		src: `__name__, __file__, __doc__
class C:
    __qualname__
    def m(self):
        return __class__
__path__
`,
		want: map[string]string{
			"__name__#1":     "implicit",
			"__file__#1":     "implicit",
			"__doc__#1":      "implicit",
			"__qualname__#1": "implicit",
			"__class__#1":    "implicit",
			"__path__#1":     "unresolved",
		},
	}, {
		name: "star_import_explains_unknown_names",
		src: `from os import *
system("x")
print("y")
`,
		want: map[string]string{
			"system#1": "star",
			"print#1":  "builtin",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, mod := build(t, tt.src, Options{Module: "m"})
			got := subset(resolutions(m, mod), tt.want)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("resolutions (-want +got):\n%s", d)
			}
		})
	}
}

// TestScopeTree checks the scopes Build creates and their nesting.
func TestScopeTree(t *testing.T) {
	src := `import os
@dec
def f[T: int](a: T = d, *args, **kw) -> T:
    g = lambda x: [y for y in x]
    class K:
        v: int = 1
    return {k: v for k, v in kw.items()}
type A[U] = list[U]
x: int = 1
`
	m, _ := build(t, src, Options{})
	var got []string
	for _, s := range m.Scopes() {
		depth := 0
		for p := s.Parent; p != nil; p = p.Parent {
			depth++
		}
		var syms []string
		for _, sym := range s.Symbols() {
			syms = append(syms, sym.Name)
		}
		got = append(got, strings.Repeat("  ", depth)+s.Kind.String()+":"+s.Name+" ["+strings.Join(syms, " ")+"]")
	}
	want := []string{
		"module: [os f A x]",
		"  type-params:f [T]",
		"    annotation: []",
		"    annotation:f []",
		"    function:f [a args kw g K]",
		"      lambda:<lambda> [x]",
		"        comprehension:<listcomp> [y]",
		"      class:K [v]",
		"        annotation:K []",
		"      comprehension:<dictcomp> [k v]",
		"  type-params:A [U]",
		"    annotation:A []",
		"  annotation: []",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("scopes (-want +got):\n%s", d)
	}
	fn := m.ModuleScope().Lookup("f").Bindings[0].Node
	if s := m.ScopeOf(fn); s == nil || s.Kind != ScopeFunction || s.Name != "f" {
		t.Errorf("ScopeOf(def f) = %v", s)
	}
}

// TestBindings checks the bindings each syntax records, with its value.
func TestBindings(t *testing.T) {
	src := `import a.b
import c.d as e
from f import g as h
def fn(p, /, q=1, *r, s, **t): pass
class K: pass
u = v = "uv"
w, (x, *y) = 1, (2, 3)
z: int
z2: int = 5
z3 += 1
for i in ():
    pass
with cm() as ctx:
    pass
[j for j in ()]
(k := 4)
try:
    pass
except E as err:
    pass
match o:
    case [m1, *m2, {"q": m3, **m4}] as m5:
        pass
type TA[T1, *T2, **T3] = int
del u
`
	m, _ := build(t, src, Options{Module: "pkg.mod"})
	var got []string
	for _, s := range m.Scopes() {
		for _, sym := range s.Symbols() {
			for _, b := range sym.Bindings {
				line := s.Kind.String() + " " + b.Name + " " + b.Kind.String()
				if b.Qualified != "" {
					line += " q=" + b.Qualified
				}
				if b.Value != nil {
					if v, ok := m.ConstValue(b.Value); ok {
						line += " v=" + v.Repr()
					} else {
						line += " v=?"
					}
				}
				got = append(got, line)
			}
		}
	}
	want := []string{
		"module a import q=a",
		"module e import q=c.d",
		"module h importfrom q=f.g",
		"module fn function q=pkg.mod.fn",
		"module K class q=pkg.mod.K",
		"module u assign v='uv'",
		"module u delete",
		"module v assign v='uv'",
		"module w assign v=1",
		"module x assign",
		"module y assign",
		"module z declare",
		"module z2 annassign v=5",
		"module z3 augassign",
		"module i for",
		"module ctx with",
		"module k namedexpr v=4",
		"module err except",
		"module m1 match",
		"module m2 match",
		"module m3 match",
		"module m4 match",
		"module m5 match",
		"module TA typealias",
		"function p param",
		"function q param",
		"function r param",
		"function s param",
		"function t param",
		"comprehension j comprehension",
		"type-params T1 typeparam",
		"type-params T2 typeparam",
		"type-params T3 typeparam",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("bindings (-want +got):\n%s", d)
	}
}
