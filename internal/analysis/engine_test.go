package analysis

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

func parse(t *testing.T, src string) (*parser.File, *semantic.Model) {
	t.Helper()
	f, err := parser.Parse("t.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f, semantic.Build(f.Module, semantic.Options{})
}

func run(t *testing.T, src string, rules ...*Rule) ([]Finding, error) {
	t.Helper()
	f, m := parse(t, src)
	return NewEngine(rules).Run("pkg/t.py", f, m)
}

// callRule reports every call of a function with the given name.
func callRule(code, fn string) *Rule {
	return &Rule{
		Code: code, Name: "call-" + fn, Severity: SeverityMedium, Confidence: ConfidenceLow,
		CWE: []int{78}, Aliases: []string{"B" + code[2:], "S" + code[2:]},
		Kinds: []ast.Kind{ast.KindCall},
		Run: func(p *Pass, n ast.Node) {
			c := n.(*ast.Call)
			if name, ok := c.Func.(*ast.Name); ok && name.ID == fn {
				p.Report(c, fn+" called")
			}
		},
	}
}

func TestEngineDispatch(t *testing.T) {
	var order []string
	rule := func(code string, kinds ...ast.Kind) *Rule {
		return &Rule{Code: code, Kinds: kinds, Run: func(p *Pass, n ast.Node) {
			if p.Rule.Code != code {
				t.Errorf("pass.Rule = %s during %s", p.Rule.Code, code)
			}
			order = append(order, code+":"+n.NodeKind().String())
		}}
	}
	fileHook := &Rule{Code: "KR003", File: func(p *Pass) { order = append(order, "KR003:file:"+p.Path) }}
	rules := []*Rule{
		rule("KR001", ast.KindCall, ast.KindName, ast.KindCall),
		rule("KR002", ast.KindName),
		fileHook,
	}
	if _, err := run(t, "f(x)\n", rules...); err != nil {
		t.Fatal(err)
	}
	want := []string{"KR003:file:pkg/t.py", "KR001:Call", "KR001:Name", "KR002:Name", "KR001:Name", "KR002:Name"}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("dispatch order mismatch (-want +got):\n%s", diff)
	}
}

func TestEngineFinding(t *testing.T) {
	src := "import os\n\n\ndef handler(x):\n    if x:\n        run(  x,\n            'é')\n"
	got, err := run(t, src, callRule("KR101", "run"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Finding{{
		Code: "KR101", Name: "call-run", Message: "run called",
		Severity: SeverityMedium, Confidence: ConfidenceLow, CWE: []int{78},
		Path: "pkg/t.py", Line: 6, Column: 9, EndLine: 7, EndColumn: 18,
		Snippet:  "        run(  x,\n            'é')",
		Analyzer: "rules", Aliases: []string{"B101", "S101"},
	}}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Finding{}, "Fingerprint")); diff != "" {
		t.Errorf("finding mismatch (-want +got):\n%s", diff)
	}
	if len(got) == 1 && len(got[0].Fingerprint) != 32 {
		t.Errorf("fingerprint %q; want 32 hex digits", got[0].Fingerprint)
	}
}

func TestEngineOverrides(t *testing.T) {
	r := &Rule{
		Code: "KR201", Severity: SeverityLow, Confidence: ConfidenceLow, Kinds: []ast.Kind{ast.KindName},
		Run: func(p *Pass, n ast.Node) {
			p.ReportDiagnostic(Diagnostic{Node: n, Message: "m", Severity: SeverityCritical, Confidence: ConfidenceHigh})
		},
	}
	got, _ := run(t, "x\n", r)
	if len(got) != 1 || got[0].Severity != SeverityCritical || got[0].Confidence != ConfidenceHigh {
		t.Errorf("findings = %+v; want one critical, high-confidence finding", got)
	}
}

func TestEnginePosOnly(t *testing.T) {
	r := &Rule{Code: "KR301", File: func(p *Pass) {
		p.ReportDiagnostic(Diagnostic{Pos: ast.Pos{Lineno: 2, ColOffset: 4}, Message: "comment"})
	}}
	got, _ := run(t, "x = 1\ny = 2  # token\n", r)
	if len(got) != 1 || got[0].Line != 2 || got[0].Column != 5 || got[0].EndLine != 2 || got[0].Snippet != "y = 2  # token" {
		t.Errorf("findings = %+v", got)
	}
	got, _ = run(t, "x = 1\ny = 2  # token  # nosec\n", r)
	if len(got) != 0 {
		t.Errorf("a Pos-only finding ignored its line's # nosec: %+v", got)
	}
}

func TestEnginePanic(t *testing.T) {
	calls := 0
	bad := &Rule{Code: "KR900", Kinds: []ast.Kind{ast.KindCall}, Run: func(*Pass, ast.Node) {
		calls++
		panic("boom")
	}}
	badFile := &Rule{Code: "KR901", File: func(*Pass) { panic(errors.New("file boom")) }}
	good := callRule("KR101", "run")
	got, err := run(t, "run(1)\nrun(2)\n", bad, badFile, good)
	if len(got) != 2 {
		t.Errorf("got %d findings from the good rule; want 2", len(got))
	}
	if calls != 1 {
		t.Errorf("panicking rule called %d times; want it disabled after the first", calls)
	}
	var re *RuleError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v; want a *RuleError", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "rule KR901 panicked: file boom") || !strings.Contains(msg, "rule KR900 panicked at line 1: boom") {
		t.Errorf("error = %q", msg)
	}
}

func TestEngineSortsFindings(t *testing.T) {
	got, _ := run(t, "b(a(1))\na(2)\n", callRule("KR102", "b"), callRule("KR101", "a"))
	var pos []string
	for _, f := range got {
		pos = append(pos, f.Code+"@"+f.Snippet)
	}
	want := []string{"KR102@b(a(1))", "KR101@b(a(1))", "KR101@a(2)"}
	if diff := cmp.Diff(want, pos); diff != "" {
		t.Errorf("order mismatch (-want +got):\n%s", diff)
	}
}

func TestEngineNilFile(t *testing.T) {
	got, err := NewEngine([]*Rule{callRule("KR101", "run")}).Run("x.py", &parser.File{}, nil)
	if got != nil || err != nil {
		t.Errorf("Run on an empty file = %v, %v", got, err)
	}
}

func fingerprints(t *testing.T, src string) []string {
	t.Helper()
	got, err := run(t, src, callRule("KR101", "run"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range got {
		out = append(out, f.Fingerprint)
	}
	return out
}

func TestFingerprintStability(t *testing.T) {
	base := fingerprints(t, "def f():\n    run(x)\n    run(x)\n\nclass C:\n    def g(self):\n        run(x)\n")
	if len(base) != 3 || base[0] == base[1] || base[0] == base[2] || base[1] == base[2] {
		t.Fatalf("fingerprints %v; want three distinct ones", base)
	}
	tests := []struct {
		name string
		src  string
		same []int // which of base's fingerprints must come out again, in order; -1 for a new one
	}{
		{"lines_moved", "import os\n\n\ndef f():\n\n    run(x)\n    run(x)\n\nclass C:\n    def g(self):\n        run(x)\n", []int{0, 1, 2}},
		{"rewrapped", "def f():\n    run(\n        x\n    )\n    run(x)\nclass C:\n    def g(self):  run( x )\n", []int{0, 1, 2}},
		{"other_scope", "def h():\n    run(x)\n", []int{-1}},
		{"other_text", "def f():\n    run(y)\n", []int{-1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fingerprints(t, tt.src)
			if len(got) != len(tt.same) {
				t.Fatalf("got %d fingerprints; want %d", len(got), len(tt.same))
			}
			for i, j := range tt.same {
				if j >= 0 && got[i] != base[j] {
					t.Errorf("fingerprint %d changed", i)
				}
				if j < 0 {
					for _, b := range base {
						if got[i] == b {
							t.Errorf("fingerprint %d collides with the original", i)
						}
					}
				}
			}
		})
	}
}

func TestFingerprinterPath(t *testing.T) {
	var a, b Fingerprinter
	if a.Next("KR1", "./x/y.py", "", "t") != b.Next("KR1", "x/y.py", "", "t") {
		t.Error("./x/y.py and x/y.py fingerprint differently")
	}
	if a.Next("KR1", "x/y.py", "", "t") == b.Next("KR2", "x/y.py", "", "t") {
		t.Error("the code is not part of the fingerprint")
	}
}

func TestSnippet(t *testing.T) {
	src := "if x:\n\tpass\n" + strings.Repeat("y = 1\n", 8) + "z = [\n" + strings.Repeat("  1,\n", 8) + "]\n" + "s = '" + strings.Repeat("é", 300) + "'\n"
	f, _ := parse(t, src)
	tests := []struct {
		name   string
		pos    ast.Pos
		header bool
		want   string
	}{
		{"one_line", ast.Pos{Lineno: 3, EndLineno: 3}, false, "y = 1"},
		{"header", ast.Pos{Lineno: 1, EndLineno: 2}, true, "if x:"},
		{"capped_lines", ast.Pos{Lineno: 11, EndLineno: 20}, false, "z = [\n  1,\n  1,\n  1,\n  1,\n…"},
		{"out_of_range", ast.Pos{Lineno: 99}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := snippet(f, tt.pos, tt.header); got != tt.want {
				t.Errorf("snippet = %q; want %q", got, tt.want)
			}
		})
	}
	long := snippet(f, ast.Pos{Lineno: 21, EndLineno: 21}, false)
	if len(long) > maxSnippetBytes+len("…") || !strings.HasSuffix(long, "é…") {
		t.Errorf("long snippet not cut on a rune boundary: %d bytes, %q", len(long), long[len(long)-8:])
	}
}

func TestLocateScope(t *testing.T) {
	src := "run(0)\nclass C:\n    @run(1)\n    def m(self, d=run(2)):\n        def inner():\n            return run(3)\n    x = [run(4)]\nif x:\n    def g():\n        run(5)\n"
	f, _ := parse(t, src)
	want := map[int]string{1: "", 3: "C", 4: "C", 6: "C.m.inner", 7: "C", 10: "g"}
	for line, scope := range want {
		var pos ast.Pos
		ast.Inspect(f.Module, func(n ast.Node) bool {
			if c, ok := n.(*ast.Call); ok && c.Lineno == line {
				pos = c.Pos
			}
			return true
		})
		if got := locate(f, pos).scope; got != scope {
			t.Errorf("line %d: scope %q; want %q", line, got, scope)
		}
	}
}

// TestEngineWalkAllocations checks that the walk allocates per file, not per node.
func TestEngineWalkAllocations(t *testing.T) {
	var kinds []ast.Kind
	for k := ast.KindInvalid + 1; k < ast.NumKinds; k++ {
		kinds = append(kinds, k)
	}
	visited := 0
	noop := &Rule{Code: "KR001", Kinds: kinds, Run: func(*Pass, ast.Node) { visited++ }}
	e := NewEngine([]*Rule{noop})
	for _, n := range []int{10, 1000} {
		f, m := parse(t, strings.Repeat("def f(a, b=1):\n    return [x + a for x in g(b, k=2)]\n", n))
		visited = 0
		allocs := testing.AllocsPerRun(5, func() {
			if _, err := e.Run("t.py", f, m); err != nil {
				t.Fatal(err)
			}
		})
		if visited < 20*n {
			t.Fatalf("visited %d nodes for %d functions", visited/6, n)
		}
		if allocs > 12 {
			t.Errorf("%d functions: %v allocations per Run; want a few per file, none per node", n, allocs)
		}
	}
}

func TestEngineCallees(t *testing.T) {
	var got []string
	rule := func(code string, callees ...string) *Rule {
		return &Rule{Code: code, Kinds: []ast.Kind{ast.KindCall}, Callees: callees, Run: func(p *Pass, n ast.Node) {
			got = append(got, code+":"+strconv.Itoa(n.Span().Lineno))
		}}
	}
	src := "from os import system as run\nimport subprocess as sp\nrun(3)\nsp.run(4)\nx.system(5)\nf()(6)\nother(7)\n"
	rules := []*Rule{rule("KR001", "run"), rule("KR002"), rule("KR003", "system", "run"), rule("KR004", "system")}
	if _, err := run(t, src, rules...); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"KR001:3", "KR002:3", "KR003:3", "KR004:3", // run is os.system
		"KR001:4", "KR002:4", "KR003:4",
		"KR002:5", "KR003:5", "KR004:5",
		"KR002:6", "KR002:6", // f() and the call of its result
		"KR002:7",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("calls dispatched (-want +got):\n%s", diff)
	}
}

func TestEnginePanicWithCallees(t *testing.T) {
	calls := 0
	bad := &Rule{Code: "KR900", Kinds: []ast.Kind{ast.KindCall}, Callees: []string{"run"}, Run: func(*Pass, ast.Node) {
		calls++
		panic("boom")
	}}
	got, err := run(t, "run(1)\nrun(2)\n", callRule("KR100", "run"), bad, callRule("KR101", "run"))
	if len(got) != 4 || calls != 1 || err == nil {
		t.Errorf("got %d findings, %d calls of the bad rule, error %v; want 4, 1 and an error", len(got), calls, err)
	}
}

var pathLen = &FileKey[int]{Compute: func(p *Pass) int { return len(p.Path) }}

func TestFileFact(t *testing.T) {
	computed := 0
	key := &FileKey[string]{Compute: func(p *Pass) string { computed++; return p.Path + "!" }}
	var got []string
	rule := func(code string) *Rule {
		return &Rule{Code: code, Kinds: []ast.Kind{ast.KindName}, Run: func(p *Pass, n ast.Node) {
			got = append(got, FileFact(p, key)+strconv.Itoa(FileFact(p, pathLen)))
		}}
	}
	e := NewEngine([]*Rule{rule("KR001"), rule("KR002")})
	for _, path := range []string{"a.py", "bb.py"} {
		f, m := parse(t, "x\ny\n")
		if _, err := e.Run(path, f, m); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"a.py!4", "a.py!4", "a.py!4", "a.py!4", "bb.py!5", "bb.py!5", "bb.py!5", "bb.py!5"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("facts (-want +got):\n%s", diff)
	}
	if computed != 2 {
		t.Errorf("fact computed %d times; want once per file", computed)
	}
}

// TestLeaves checks what the engine assumes when it skips names and constants
// that no rule wants: they have no children.
func TestLeaves(t *testing.T) {
	for _, n := range []ast.Node{&ast.Name{ID: "x"}, &ast.Constant{Value: ast.ConstValue{Kind: ast.ConstStr, S: "s"}}} {
		ast.Children(n, func(c ast.Node) bool {
			t.Errorf("%T has a child %T", n, c)
			return true
		})
	}
}

func TestEngineCalleesWithoutModel(t *testing.T) {
	f, _ := parse(t, "run(1)\nother(2)\n")
	calls := 0
	r := &Rule{Code: "KR001", Kinds: []ast.Kind{ast.KindCall}, Callees: []string{"run"}, Run: func(*Pass, ast.Node) { calls++ }}
	if _, err := NewEngine([]*Rule{r}).Run("t.py", f, nil); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("rule called %d times without a model; want once, for run(1)", calls)
	}
}

// TestEngineSecret: a diagnostic's Secret is redacted from the snippet and the
// message, and two secrets sharing their shown prefix keep different fingerprints.
func TestEngineSecret(t *testing.T) {
	rule := &Rule{
		Code: "KR301", Name: "secret", Severity: SeverityHigh, Confidence: ConfidenceHigh, CWE: []int{798},
		Kinds: []ast.Kind{ast.KindConstant},
		Run: func(p *Pass, n ast.Node) {
			c := n.(*ast.Constant)
			if c.Value.Kind == ast.ConstStr {
				s := c.Value.S
				p.ReportDiagnostic(Diagnostic{Node: c, Message: "secret " + s, Secret: s})
			}
		},
	}
	fs, err := run(t, "a = 'abcd1111secret'\nb = 'abcd2222secret'\n", rule)
	if err != nil || len(fs) != 2 {
		t.Fatalf("findings %+v, err %v", fs, err)
	}
	for _, f := range fs {
		if strings.Contains(f.Snippet, "secret'") || strings.Contains(f.Message, "1111") || strings.Contains(f.Message, "2222") {
			t.Errorf("secret not redacted: snippet %q message %q", f.Snippet, f.Message)
		}
	}
	if fs[0].Snippet != "a = 'abcd…'" {
		t.Errorf("snippet = %q", fs[0].Snippet)
	}
	if fs[0].Fingerprint == fs[1].Fingerprint {
		t.Error("two different secrets got one fingerprint")
	}
}
