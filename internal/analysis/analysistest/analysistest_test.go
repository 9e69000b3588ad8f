package analysistest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// fakeRule flags every call of builtins.eval.
func fakeRule(code string) *analysis.Rule {
	return &analysis.Rule{
		Code: code, Name: "fake-eval", Summary: "eval called",
		Severity: analysis.SeverityHigh, Confidence: analysis.ConfidenceHigh,
		CWE: []int{95}, Aliases: []string{"B307", "S307"},
		Kinds: []ast.Kind{ast.KindCall},
		Run: func(p *analysis.Pass, n ast.Node) {
			if c := n.(*ast.Call); p.Model.QualifiedNameIs(c.Func, "builtins.eval") {
				p.Report(c, "builtins.eval called with a dynamic expression")
			}
		},
	}
}

func TestRunPasses(t *testing.T) {
	Run(t, "testdata", fakeRule("KR990"))
}

// recorder is a testing.TB that records failures instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

type fatal struct{}

func (r *recorder) Helper()                   {}
func (r *recorder) Error(args ...any)         { r.errs = append(r.errs, fmt.Sprint(args...)) }
func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }
func (r *recorder) Fatal(args ...any)         { r.Error(args...); panic(fatal{}) }
func (r *recorder) Fatalf(f string, a ...any) { r.Errorf(f, a...); panic(fatal{}) }

func record(t *testing.T, rule *analysis.Rule) []string {
	rec := &recorder{TB: t}
	func() {
		defer func() {
			if v := recover(); v != nil {
				if _, ok := v.(fatal); !ok {
					panic(v)
				}
			}
		}()
		Run(rec, "testdata", rule)
	}()
	return rec.errs
}

func TestRunFailures(t *testing.T) {
	tests := []struct {
		name string
		rule *analysis.Rule
		want []string
	}{
		{
			name: "missing_and_unexpected",
			rule: fakeRule("KR991"),
			want: []string{
				"testdata/KR991.py:1:1: unexpected finding KR991: builtins.eval called with a dynamic expression",
				`testdata/KR991.py:3: no finding matched "eval"`,
				"testdata/KR991.py:4:1: unexpected finding KR991: builtins.eval called with a dynamic expression",
				`testdata/KR991.py:4: no finding matched "exec"`,
			},
		},
		{
			name: "fixture_does_not_parse",
			rule: fakeRule("KR992"),
			want: []string{"testdata/KR992.py:1:5: fixture does not parse: '(' was never closed"},
		},
		{
			name: "malformed_want",
			rule: fakeRule("KR993"),
			want: []string{`testdata/KR993.py:1: malformed want: expected a Go-quoted or backquoted regexp at "eval"`},
		},
		{
			name: "missing_fixture",
			rule: fakeRule("KR994"),
			want: []string{"open testdata/KR994.py: no such file or directory"},
		},
		{
			name: "panicking_rule",
			rule: &analysis.Rule{Code: "KR990", Kinds: []ast.Kind{ast.KindCall}, Run: func(*analysis.Pass, ast.Node) { panic("boom") }},
			want: []string{"testdata/KR990.py: rule KR990 panicked at line 8: boom"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := record(t, tt.rule)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("harness errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWantsSyntax(t *testing.T) {
	f, err := ParseFixture("testdata/KR990.py")
	if err != nil {
		t.Fatal(err)
	}
	wants, err := Wants("testdata/KR990.py", f)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range wants {
		got = append(got, fmt.Sprintf("%d:%s", w.Line, w.Pattern))
	}
	want := []string{"8:builtins.eval called", `9:builtins\.eval called`, "10:eval", "11:eval", "11:eval", "12:eval", "26:eval"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Wants mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(f.Comments[0].Text, "#") {
		t.Error("comments not kept")
	}
}
