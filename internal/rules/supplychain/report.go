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
	if v := bound(m, first); v != nil {
		first = v // [pip, "install", path]
	}
	if m.QualifiedNameIs(first, "sys.executable") {
		return "python", true
	}
	if p := interpreterSibling(m, first); p != "" {
		return p, true
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

// interpreterSibling returns the program of sys.executable.replace("python",
// "pip"), a tool installed beside the running interpreter, or "".
func interpreterSibling(m *semantic.Model, e ast.Expr) string {
	c, ok := e.(*ast.Call)
	if !ok || len(c.Args) != 2 {
		return ""
	}
	a, ok := c.Func.(*ast.Attribute)
	if !ok || a.Attr != "replace" || !m.QualifiedNameIs(a.Value, "sys.executable") {
		return ""
	}
	if s, ok := m.ConstString(c.Args[1]); ok {
		return programName(s)
	}
	return ""
}

// projectScript reports whether a script path (its text and expression) is
// one of the project's own .py files: relative, and not built from a
// temporary, home or environment directory, where droppers put payloads.
func projectScript(m *semantic.Model, text string, e ast.Expr) bool {
	if !strings.HasSuffix(text, ".py") || strings.HasPrefix(text, "/") || strings.HasPrefix(text, "~") {
		return false
	}
	if _, ok := hasAny(text, []string{"tmp", "temp", "appdata", "$"}); ok {
		return false
	}
	outside := false
	var look func(e ast.Expr, depth int)
	look = func(e ast.Expr, depth int) {
		ast.Inspect(e, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Call:
				qn := m.CalleeName(x)
				if strings.HasPrefix(qn, "tempfile.") || qn == "os.getenv" || qn == "os.path.expanduser" || qn == "os.environ.get" {
					outside = true
				}
			case *ast.Name:
				if v := bound(m, x); v != nil && depth < maxHops {
					look(v, depth+1)
				}
			}
			return !outside
		})
	}
	look(e, 0)
	return !outside
}

// secondArg returns the text and the expression of the second element of a
// command list, or "" and nil.
func secondArg(m *semantic.Model, c *ast.Call) (string, ast.Expr) {
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
		return "", nil
	}
	return textOf(m, elts[1]), elts[1]
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
		switch second, e := secondArg(m, c); {
		case projectScript(m, second, e):
			return prog, 0, false
		case second == "-c":
			return prog, analysis.SeverityHigh, true
		}
	case alarmingPrograms[prog]:
		return prog, analysis.SeverityHigh, true
	}
	return prog, analysis.SeverityMedium, true
}
