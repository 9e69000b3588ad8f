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
	Callees:    subprocessTails,
	Run:        runSubprocessWithoutShell,
	Doc: `## What it does
Flags calls of subprocess.Popen, run, call, check_call and check_output
without a shell whose program or arguments are not fixed by the source: a
program taken from a variable, arguments built from f-strings or other
data, or a whole argument list the call receives from elsewhere (a variable,
shlex.split of a string). Bandit's B603 reports every such call; this rule
stays silent when the argument list is a literal of constants, because
nothing can be injected into it, and it does not repeat KR101 (shell=True)
or KR117 (an explicit "sh -c"). Findings are low severity, asking you to
check the input, except when the value is read straight from a web request
(request.args, request.GET, ...): a program chosen by the client is high
severity, arguments chosen by it medium.

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
	if !subprocessTail(tailName(p.Model, c)) {
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
	if msg, sev, conf, ok := argvFinding(p.Model, label, a); ok {
		report(p, c, sev, conf, msg)
	}
}

// argvFinding words the finding on a program started without a shell, if
// its program or arguments are dynamic. Data read straight from a web
// request raises the level: a program chosen by the client is command
// execution, arguments chosen by it are argument injection.
func argvFinding(m *semantic.Model, label string, a argv) (msg string, sev analysis.Severity, conf analysis.Confidence, ok bool) {
	if a.program != nil {
		if ps := programSource(m, a.program); ps.dynamic() {
			sev, conf = argvLevel(ps, analysis.ConfidenceMedium)
			if ps.origin == originRequest {
				sev = analysis.SeverityHigh
			}
			return label + " starts a program " + ps.how + "; check that users cannot choose it", sev, conf, true
		}
	}
	if a.opaque != nil {
		var s source
		what := "an argument list "
		if split, isSplit := splitSource(m, a.opaque); isSplit {
			s, what = split, "an argument list split from a string "
		} else if isStringValue(m, a.opaque) {
			s, what = classify(m, a.opaque, modeShell), "a command line "
		} else {
			s = classify(m, a.opaque, modeShell)
			if !s.dynamic() {
				s = srcOpaque()
			}
		}
		if !s.dynamic() {
			return "", 0, 0, false
		}
		sev, conf = argvLevel(s, analysis.ConfidenceMedium)
		if s.origin == originOpaque && what == "an argument list " {
			conf = analysis.ConfidenceLow
		}
		if s.origin == originRequest {
			sev = analysis.SeverityHigh
		}
		return label + " runs " + what + s.how + "; check its program and arguments", sev, conf, true
	}
	s := argsSource(m, a.args)
	if !s.dynamic() {
		return "", 0, 0, false
	}
	prog := "the program"
	if name, ok := m.ConstString(a.program); ok {
		prog = strconv.Quote(name)
	} else if m.QualifiedNameIs(valueOf(m, a.program), "sys.executable") {
		prog = "sys.executable"
	}
	sev, conf = argvLevel(s, analysis.ConfidenceLow)
	return label + " passes arguments " + s.how + " to " + prog + "; check that they cannot become options or other commands", sev, conf, true
}

// argvLevel is low severity with the given confidence, or medium severity
// and confidence for data read straight from a web request.
func argvLevel(s source, conf analysis.Confidence) (analysis.Severity, analysis.Confidence) {
	if s.origin == originRequest {
		return analysis.SeverityMedium, analysis.ConfidenceMedium
	}
	return analysis.SeverityLow, conf
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
