package injection

import (
	"strconv"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// SubprocessWithoutShell flags subprocess calls without a shell whose program or
// arguments come from data.
var SubprocessWithoutShell = &analysis.Rule{
	Code:       "KR102",
	Name:       "subprocess-without-shell-dynamic-args",
	Summary:    "subprocess call without a shell on a dynamic argument list",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceLow,
	CWE:        []int{78, 88},
	Aliases:    []string{"B603", "S603"},
	Kinds:      []ast.Kind{ast.KindCall},
	Run:        runSubprocessWithoutShell,
	Doc: `## What it does
Flags calls of subprocess.Popen, run, call, check_call and check_output
without a shell whose program or arguments are not fixed by the source: a
program taken from a variable, arguments built from f-strings or other
data, or a whole argument list the call receives from elsewhere (a variable,
shlex.split of a string). Bandit's B603 reports every such call; this rule
stays silent when the argument list is a literal of constants, because
nothing can be injected into it, and it does not repeat KR101 (shell=True)
or KR117 (an explicit "sh -c"). All findings are low severity: they ask you
to check the input, not to rewrite the call.

## Why is this bad?
Without a shell, metacharacters are harmless, but the program still does
what its arguments say. A program chosen by a user runs anything; an
argument that starts with "-" can become an option (argument injection,
CWE-88): "--output=/etc/cron.d/x", "-oProxyCommand=...", "--upload-pack=...".

## Example
~~~python
import subprocess

def thumbnail(request):
    size = request.args["size"]
    subprocess.run(["convert", request.args["src"], "-resize", size, "out.png"])
~~~

## Use instead
Validate dynamic arguments (allow lists, numeric conversion, paths resolved
under a known directory) and end the options with "--" so that data cannot
become an option:
~~~python
subprocess.run(["convert", "--", safe_src, "-resize", f"{int(size)}x", "out.png"])
~~~

## References
- [Python docs: subprocess, Security Considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
- [CWE-88: Argument Injection](https://cwe.mitre.org/data/definitions/88.html)
`,
}

func runSubprocessWithoutShell(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if len(c.Args) == 0 && len(c.Keywords) == 0 {
		return
	}
	switch tailName(p.Model, c) {
	case "Popen", "run", "call", "check_call", "check_output":
	default:
		return
	}
	if shell, unknown := shellKeyword(p.Model, c); shell || unknown {
		return
	}
	label := p.Model.CalleeName(c)
	if !subprocessFunc(label) {
		return
	}
	a := subprocessArgv(p.Model, c)
	if cmd, _ := shellCommand(p.Model, a); cmd != nil {
		return
	}
	if msg, conf, ok := argvFinding(p.Model, label, a); ok {
		report(p, c, analysis.SeverityLow, conf, msg)
	}
}

// argvFinding words the finding on a program started without a shell, if
// its program or arguments are dynamic.
func argvFinding(m *semantic.Model, label string, a argv) (string, analysis.Confidence, bool) {
	if a.program != nil {
		if ps := programSource(m, a.program); ps.dynamic() {
			return label + " starts a program " + ps.how + "; check that users cannot choose it", analysis.ConfidenceMedium, true
		}
	}
	if a.opaque != nil {
		if s, ok := splitSource(m, a.opaque); ok {
			if !s.dynamic() {
				return "", 0, false
			}
			return label + " runs an argument list split from a string " + s.how + "; check its program and arguments", analysis.ConfidenceMedium, true
		}
		if isStringValue(m, a.opaque) {
			s := classify(m, a.opaque, modeShell)
			if !s.dynamic() {
				return "", 0, false
			}
			return label + " runs a command line " + s.how + "; check its program and arguments", analysis.ConfidenceMedium, true
		}
		return label + " runs an argument list " + howFromExpr(m, a.opaque) + "; check its program and arguments", analysis.ConfidenceLow, true
	}
	s := argsSource(m, a.args)
	if !s.dynamic() {
		return "", 0, false
	}
	prog := "the program"
	if name, ok := m.ConstString(a.program); ok {
		prog = strconv.Quote(name)
	} else if m.QualifiedNameIs(valueOf(m, a.program), "sys.executable") {
		prog = "sys.executable"
	}
	return label + " passes arguments " + s.how + " to " + prog + "; check that they cannot become options or other commands", analysis.ConfidenceLow, true
}

// splitSource judges an argv made by splitting a string (shlex.split(s),
// s.split()) by the string it splits.
func splitSource(m *semantic.Model, e ast.Expr) (source, bool) {
	c, ok := valueOf(m, e).(*ast.Call)
	if !ok {
		return source{}, false
	}
	if len(c.Args) >= 1 && m.QualifiedNameIs(c.Func, "shlex.split") {
		return classify(m, c.Args[0], modeShell), true
	}
	if a, ok := c.Func.(*ast.Attribute); ok && a.Attr == "split" && isStringValue(m, a.Value) {
		return classify(m, a.Value, modeShell), true
	}
	return source{}, false
}

// howFromExpr says where an opaque value comes from, for a message.
func howFromExpr(m *semantic.Model, e ast.Expr) string {
	if how := classify(m, e, modeShell).how; how != "" {
		return how
	}
	return howOpaque
}
