package ruleutil

import (
	"testing"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// lastCall parses src and returns its model and the outermost call of its last statement.
func lastCall(t *testing.T, src string) (*semantic.Model, *ast.Call) {
	t.Helper()
	mod, err := parser.ParseFile("t.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := semantic.Build(mod, semantic.Options{Module: "t"})
	var call *ast.Call
	ast.Inspect(mod.Body[len(mod.Body)-1], func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && call == nil {
			call = c
		}
		return call == nil
	})
	if call == nil {
		t.Fatalf("no call in %q", src)
	}
	return m, call
}

func TestIsDynamicString(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"literal", "f('select 1')", false},
		{"const_name", "Q = 'select 1'\nf(Q)", false},
		{"const_concat", "f('a' + 'b')", false},
		{"fstring_const", "f(f'select')", false},
		{"fstring_field", "f(f'select {x}')", true},
		{"percent", "f('select %s' % x)", true},
		{"format", "f('select {}'.format(x))", true},
		{"concat_var", "f('select ' + x)", true},
		{"join", "f(' '.join(parts))", true},
		{"plain_var", "f(x)", false},
		{"percent_on_int", "f(a % b)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, c := lastCall(t, tt.src)
			if got := IsDynamicString(m, c.Args[0]); got != tt.want {
				t.Errorf("IsDynamicString(%q) = %v, want %v", tt.src, got, tt.want)
			}
		})
	}
}

func TestArgAndKeywords(t *testing.T) {
	m, c := lastCall(t, "T = True\nf(1, 2, shell=T, check=False, **kw)")
	if a := Arg(c, 1, "b"); a == nil || a.(*ast.Constant).Value.S != "2" {
		t.Errorf("Arg(1) = %v", a)
	}
	if Arg(c, 5, "") != nil {
		t.Error("Arg(5) should be nil")
	}
	if !KeywordIsTrue(m, c, "shell") || !KeywordIsFalse(m, c, "check") || KeywordIsTrue(m, c, "check") {
		t.Error("keyword truth tests wrong")
	}
	if !HasDoubleStar(c) {
		t.Error("HasDoubleStar = false")
	}
	_, c = lastCall(t, "f(*a, 2)")
	if Arg(c, 1, "") != nil {
		t.Error("positions after *args must be unknown")
	}
	_, c = lastCall(t, "os.path.join(a)")
	if MethodName(c) != "join" {
		t.Errorf("MethodName = %q", MethodName(c))
	}
}
