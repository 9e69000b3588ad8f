package semantic

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/python/ast"
)

// checkArgs returns ConstValue of every argument of every call to check, in
// source order, as its repr or "?" when unknown.
func checkArgs(m *Model, mod *ast.Module) []string {
	var out []string
	for _, c := range calls(mod) {
		if n, ok := c.Func.(*ast.Name); !ok || n.ID != "check" {
			continue
		}
		for _, a := range c.Args {
			if v, ok := m.ConstValue(a); ok {
				out = append(out, v.Repr())
			} else {
				out = append(out, "?")
			}
		}
	}
	return out
}

func TestConstValue(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{{
		name: "literals",
		src:  `check("s", b"b", 1, 1.5, 2j, True, None, ..., 0x10)`,
		want: []string{"'s'", "b'b'", "1", "1.5", "2j", "True", "None", "Ellipsis", "16"},
	}, {
		name: "names_bound_once",
		src: `A = "abc"
B: str = "x" + A
C = A
def f(p="d", q=A):
    E = "e"
    check(E, p, q, A)
check(A, B, C)
`,
		want: []string{"'e'", "?", "?", "'abc'", "'abc'", "'xabc'", "'abc'"},
	}, {
		name: "concatenation",
		src:  `check("a" + "b" + "c", b"x" + b"y", "a" + b"b", "s" * 2, 1 + 2, ("a" + "b") + ("c" + "d"))`,
		want: []string{"'abc'", "b'xy'", "?", "?", "?", "'abcd'"},
	}, {
		name: "unary_minus",
		src:  `check(-5, -(-5), +3, -0, -1.5, -1j, not 1, ~1, -"s")`,
		want: []string{"-5", "5", "3", "0", "-1.5", "?", "?", "?", "?"},
	}, {
		name: "fstrings",
		src: `A = "abc"
N = 7
check(f"{A}-{N}", f"{A!r}", f"{A!s}", f"{A!a}", f"{'é'!a}", f"{1.5}", f"{None}{True}", f"{b'x'}", f"{A:}")
check(f"{A:>5}", f"{A:{N}}", f"{x}", t"{A}", f"{A=}")
`,
		want: []string{"'abc-7'", `"'abc'"`, "'abc'", `"'abc'"`, "?", "'1.5'", "'NoneTrue'", `"b'x'"`, "'abc'",
			"?", "?", "?", "?", `"A='abc'"`},
	}, {
		name: "reassigned_deleted_or_declared_elsewhere",
		src: `D = 1
D = 2
G = "a"
def set_g():
    global G
    G = "b"
H = "h"
del H
I = "i"
I += "j"
for L in "x":
    pass
check(D, G, H, I, L)
`,
		want: []string{"?", "?", "?", "?", "?"},
	}, {
		name: "walrus_unpacking_and_annotations",
		src: `(J := "j")
N, O = "n", "o"
P, Q = pair
R: str
R = "r"
check(J, N, O, P, R)
`,
		want: []string{"'j'", "'n'", "'o'", "?", "'r'"},
	}, {
		name: "nonlocal_rebinding",
		src: `def f():
    v = "a"
    def g():
        nonlocal v
        v = "b"
    check(v)
`,
		want: []string{"?"},
	}, {
		name: "cycles_and_unbound_names",
		src: `K = L
L = K
check(K, L, undefined)
`,
		want: []string{"?", "?", "?"},
	}, {
		name: "star_import_after_binding_may_rebind",
		src: `M = "m"
from os import *
check(M)
`,
		want: []string{"?"},
	}, {
		name: "star_import_before_binding",
		src: `from os import *
M = "m"
check(M)
`,
		want: []string{"'m'"},
	}, {
		name: "class_scope_constants",
		src: `class K:
    S = "s"
    T = S + "t"
    check(T)
    def m(self):
        return check(S)
`,
		want: []string{"'st'", "?"},
	}, {
		name: "parameters_are_not_constant",
		src: `def f(a="x", *, b="y"):
    check(a, b)
lambda c="z": check(c)
`,
		want: []string{"?", "?", "?"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, mod := build(t, tt.src, Options{Module: "mod"})
			if d := cmp.Diff(tt.want, checkArgs(m, mod)); d != "" {
				t.Errorf("constant values (-want +got):\n%s", d)
			}
		})
	}
}

func TestConstString(t *testing.T) {
	m, mod := build(t, "A = 'k'\ncheck(A + 'ey', 1, b'x')\n", Options{})
	args := calls(mod)[0].Args
	want := []struct {
		s  string
		ok bool
	}{{"key", true}, {"", false}, {"", false}}
	for i, a := range args {
		if s, ok := m.ConstString(a); s != want[i].s || ok != want[i].ok {
			t.Errorf("ConstString(arg %d) = %q, %v; want %q, %v", i, s, ok, want[i].s, want[i].ok)
		}
	}
}

// TestConstValueLimits checks that constant folding stays bounded on alias
// chains, exponential doubling and long concatenations.
func TestConstValueLimits(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{{
		name: "short_alias_chain",
		src:  aliasChain(10),
		want: []string{"'x'"},
	}, {
		name: "alias_chain_beyond_depth_limit",
		src:  aliasChain(200),
		want: []string{"?"},
	}, {
		name: "exponential_doubling",
		src:  doubling(60),
		want: []string{"?"},
	}, {
		name: "long_concatenation",
		src:  "check(" + strings.Repeat(`"ab" + `, 500) + `"c")` + "\n",
		want: []string{"'" + strings.Repeat("ab", 500) + "c'"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, mod := build(t, tt.src, Options{})
			if d := cmp.Diff(tt.want, checkArgs(m, mod)); d != "" {
				t.Errorf("constant values (-want +got):\n%s", d)
			}
		})
	}
}

func aliasChain(n int) string {
	var sb strings.Builder
	sb.WriteString("v0 = 'x'\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sb, "v%d = v%d\n", i, i-1)
	}
	fmt.Fprintf(&sb, "check(v%d)\n", n)
	return sb.String()
}

func doubling(n int) string {
	var sb strings.Builder
	sb.WriteString("a0 = 'x'\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sb, "a%d = a%d + a%d\n", i, i-1, i-1)
	}
	fmt.Fprintf(&sb, "check(a%d)\n", n)
	return sb.String()
}
