package ruleutil

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

func TestPathFacts(t *testing.T) {
	var got [][3]bool
	rule := &analysis.Rule{Code: "KR000", Kinds: []ast.Kind{ast.KindName}, Run: func(p *analysis.Pass, n ast.Node) {
		got = append(got, [3]bool{InTestFile(p), InDevSettingsFile(p), InSettingsFile(p)})
	}}
	e := analysis.NewEngine([]*analysis.Rule{rule})
	for _, path := range []string{"tests/test_views.py", "proj/settings/dev.py", "app/views.py"} {
		got = got[:0]
		f, err := parser.Parse(path, []byte("x\ny\n"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Run(path, f, semantic.Build(f.Module, semantic.Options{})); err != nil {
			t.Fatal(err)
		}
		want := [3]bool{IsTestPath(path), IsDevSettingsPath(path), IsSettingsPath(path)}
		if diff := cmp.Diff([][3]bool{want, want}, got); diff != "" {
			t.Errorf("%s: facts (-want +got):\n%s", path, diff)
		}
	}
}
