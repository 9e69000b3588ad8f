package supplychain

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// report reports at n with an explicit severity and confidence; zero keeps
// the rule's default.
func report(p *analysis.Pass, n ast.Node, sev analysis.Severity, conf analysis.Confidence, msg string) {
	p.ReportDiagnostic(analysis.Diagnostic{Node: n, Message: msg, Severity: sev, Confidence: conf})
}

// commandProgram returns the program a process call runs, lowercased
// without its directory ("python" for sys.executable), and whether it is
// known.
func commandProgram(m *semantic.Model, c *ast.Call) (string, bool) {
	if len(c.Args) == 0 {
		return "", false
	}
	first := c.Args[0]
	if v := bound(m, first); v != nil {
		first = v
	}
	switch x := first.(type) {
	case *ast.List:
		if len(x.Elts) == 0 {
			return "", false
		}
		first = x.Elts[0]
	case *ast.Tuple:
		if len(x.Elts) == 0 {
			return "", false
		}
		first = x.Elts[0]
	}
	if m.QualifiedNameIs(first, "sys.executable") {
		return "python", true
	}
	s, ok := m.ConstString(first)
	if !ok {
		if js, ok := first.(*ast.JoinedStr); ok && len(js.Values) > 0 {
			if c, ok := js.Values[0].(*ast.Constant); ok {
				if p := programName(c.Value.S); p != "" && len(c.Value.S) > len(p) {
					return p, true
				}
			}
		}
		return "", false
	}
	p := programName(s)
	return p, p != ""
}

// processLevel ranks a process call by the program it starts: tools that
// look up versions or build flags are not reported (ok false); downloaders,
// shells and unknown commands are high.
func processLevel(m *semantic.Model, c *ast.Call) (prog string, sev analysis.Severity, ok bool) {
	prog, known := commandProgram(m, c)
	switch {
	case !known:
		return "", analysis.SeverityHigh, true
	case benignPrograms[prog]:
		return prog, 0, false
	case alarmingPrograms[prog]:
		return prog, analysis.SeverityHigh, true
	}
	return prog, analysis.SeverityMedium, true
}
