package misc

import (
	"path"
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// isCommandRunner reports the callee tails of the functions that run a command.
func isCommandRunner(tail string) bool {
	switch tail {
	case "system", "popen", "run", "call", "check_call", "check_output", "Popen", "getoutput", "getstatusoutput":
		return true
	}
	return false
}

// chmodCommand reports a chmod program run with a constant mode that lets
// others write: os.system("chmod 777 " + path), subprocess.run(["chmod",
// "-R", "o+w", d]).
func chmodCommand(p *analysis.Pass, c *ast.Call) {
	if len(c.Args) == 0 {
		return
	}
	var words []string
	switch a := c.Args[0].(type) {
	case *ast.List:
		if len(a.Elts) == 0 || !isChmodWord(p, a.Elts[0]) {
			return
		}
		words = constWords(p, a.Elts)
	case *ast.Tuple:
		if len(a.Elts) == 0 || !isChmodWord(p, a.Elts[0]) {
			return
		}
		words = constWords(p, a.Elts)
	default:
		s, ok := leadingText(a, 0)
		if !ok || !strings.Contains(s, "chmod") {
			return
		}
		// Only the first command of the line: "chmod 777 x && ...".
		if i := strings.IndexAny(s, ";&|"); i >= 0 {
			s = s[:i]
		}
		words = strings.Fields(s)
	}
	mode, ok := chmodMode(words)
	if !ok {
		return
	}
	qn := p.Model.CalleeName(c)
	switch qn {
	case "os.system", "os.popen", "subprocess.run", "subprocess.call", "subprocess.check_call",
		"subprocess.check_output", "subprocess.Popen", "subprocess.getoutput", "subprocess.getstatusoutput":
	default:
		return
	}
	sev, msg := commandModeRisk(mode)
	if msg == "" {
		return
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: sev, Confidence: inTestCode(p, analysis.ConfidenceHigh),
		Message: qn + " runs chmod " + mode + ": " + msg})
}

// isChmodWord reports whether a command list starts with chmod.
func isChmodWord(p *analysis.Pass, e ast.Expr) bool {
	s, ok := p.Model.ConstString(e)
	return ok && (s == "chmod" || strings.HasSuffix(s, "/chmod"))
}

// constWords returns the leading constant strings of a command list.
func constWords(p *analysis.Pass, elts []ast.Expr) []string {
	var out []string
	for _, e := range elts {
		s, ok := p.Model.ConstString(e)
		if !ok {
			break
		}
		out = append(out, s)
	}
	return out
}

// chmodMode returns the mode argument of a chmod command line, skipping
// options such as -R.
func chmodMode(words []string) (string, bool) {
	if len(words) < 2 || path.Base(words[0]) != "chmod" {
		return "", false
	}
	for _, w := range words[1:] {
		if strings.HasPrefix(w, "--") || strings.HasPrefix(w, "-") && !strings.ContainsAny(w, "rwxXst") {
			continue
		}
		return w, true
	}
	return "", false
}

// commandModeRisk classifies a chmod mode argument, octal or symbolic.
func commandModeRisk(mode string) (analysis.Severity, string) {
	if v, err := strconv.ParseInt(mode, 8, 64); err == nil && len(mode) >= 3 && len(mode) <= 4 {
		switch {
		case v&modeOthersWrite != 0:
			return analysis.SeverityHigh, "the file is world-writable, so any local user can change it"
		case v&modeGroupWrite != 0:
			return analysis.SeverityMedium, "the file is group-writable, so every member of its group can change it"
		}
		return 0, ""
	}
	// Symbolic modes: clauses such as o+w, a+rwx, +w, ugo=rwx.
	for _, clause := range strings.Split(mode, ",") {
		i := strings.IndexAny(clause, "+=")
		if i < 0 || !strings.ContainsRune(clause[i+1:], 'w') {
			continue
		}
		// A clause without a "who" (+w) is filtered by the umask, which
		// normally keeps group and others from write access.
		who := clause[:i]
		if strings.ContainsAny(who, "oa") {
			return analysis.SeverityHigh, "the file is world-writable, so any local user can change it"
		}
		if strings.ContainsRune(who, 'g') {
			return analysis.SeverityMedium, "the file is group-writable, so every member of its group can change it"
		}
	}
	return 0, ""
}
