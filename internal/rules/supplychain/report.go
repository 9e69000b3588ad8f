package supplychain

import (
	"strings"

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
	for {
		b, ok := first.(*ast.BinOp)
		if !ok || b.Op != ast.Add {
			break
		}
		first = b.Left // ["pkg-config"] + list(args)
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

// secondArg returns the text of the second element of a command list, or "".
func secondArg(m *semantic.Model, c *ast.Call) string {
	first := argOr(c, 0)
	if v := bound(m, first); v != nil {
		first = v
	}
	var elts []ast.Expr
	switch x := first.(type) {
	case *ast.List:
		elts = x.Elts
	case *ast.Tuple:
		elts = x.Elts
	}
	if len(elts) < 2 {
		return ""
	}
	return textOf(m, elts[1])
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
	case prog == "python":
		// The interpreter running one of the project's own scripts is a build
		// step (numpy's cythonize); `python -c` runs hidden code.
		switch second := secondArg(m, c); {
		case strings.HasSuffix(second, ".py"):
			return prog, 0, false
		case second == "-c":
			return prog, analysis.SeverityHigh, true
		}
	case alarmingPrograms[prog]:
		return prog, analysis.SeverityHigh, true
	}
	return prog, analysis.SeverityMedium, true
}
