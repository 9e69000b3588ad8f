package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// codeSource judges the code a call of eval or exec runs; a compile(...)
// call is judged by the source it compiles.
func codeSource(m *semantic.Model, e ast.Expr) source {
	if c, ok := valueOf(m, e).(*ast.Call); ok && len(c.Args) > 0 && m.QualifiedNameIs(c.Func, "builtins.compile") {
		e = c.Args[0]
	}
	return classify(m, e, modeCode)
}

// codeLevel ranks a finding on code that is evaluated: a constant is a
// style problem more than a vulnerability.
func codeLevel(s source) (analysis.Severity, analysis.Confidence) {
	switch s.origin {
	case originBuilt, originRequest:
		return analysis.SeverityHigh, analysis.ConfidenceHigh
	case originOpaque:
		return analysis.SeverityHigh, analysis.ConfidenceMedium
	case originSafe:
		return analysis.SeverityLow, analysis.ConfidenceMedium
	}
	return analysis.SeverityLow, analysis.ConfidenceLow
}

// runCodeExec reports a call of the builtin named qn ("builtins.eval" or
// "builtins.exec"); verb says what it does with its argument.
func runCodeExec(p *analysis.Pass, n ast.Node, tail, qn, verb string) {
	c := n.(*ast.Call)
	if len(c.Args) == 0 || ruleutil.CalleeTail(c) != tail || !p.Model.QualifiedNameIs(c.Func, qn) {
		return
	}
	src := codeSource(p.Model, c.Args[0])
	sev, conf := codeLevel(src)
	what := src.how
	switch src.origin {
	case originConst:
		what = "that is constant"
	case originSafe:
		what = "whose dynamic parts are numeric"
	}
	report(p, c, sev, conf, qn+" "+verb+" code "+what)
}
