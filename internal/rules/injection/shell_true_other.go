package injection

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// ShellTrueOther flags calls of functions other than subprocess's that pass shell=True.
var ShellTrueOther = &analysis.Rule{
	Code:       "KR103",
	Name:       "call-with-shell-true",
	Summary:    "function other than subprocess called with shell=True",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceLow,
	CWE:        []int{78},
	Aliases:    []string{"B604", "S604"},
	Kinds:      []ast.Kind{ast.KindCall},
	Run:        runShellTrueOther,
	Doc: `## What it does
Flags calls that pass shell=True to a function that is not one of
subprocess's (those are KR101's): project wrappers such as
run_command(cmd, shell=True), and third-party helpers that forward the flag
to a shell. The first argument decides the level: a command built from data
is medium severity and medium confidence, anything else low.

## Why is this bad?
A wrapper that takes shell=True almost always hands its command to
subprocess with a shell, so the call site is where data can reach
/bin/sh unquoted (CWE-78). krait cannot see through the wrapper, hence the
lower confidence. functools.partial(subprocess.run, shell=True) is reported
as a shell runner in the making. Builtins (dict(shell=True)) and quoting
helpers (quote(arg, shell=True)) are not reported.

## Example
~~~python
from myproject.utils import run_command

def restart(service):
    run_command(f"systemctl restart {service}", shell=True)
~~~

## Use instead
Give the wrapper an argument list and let it call subprocess without a shell:
~~~python
run_command(["systemctl", "restart", service])
~~~

## References
- [Python docs: subprocess, Security Considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
`,
}

func runShellTrueOther(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	k := ruleutil.Keyword(c, "shell")
	if k == nil || !ruleutil.IsTrue(p.Model, k.Value) {
		return
	}
	qn := p.Model.CalleeName(c)
	if subprocessFunc(qn) || strings.HasPrefix(qn, "builtins.") {
		return // dict(shell=True) and friends only hold the flag
	}
	if _, _, ok := shellFunc(qn); ok {
		return
	}
	if qn == "functools.partial" && len(c.Args) > 0 {
		if target := p.Model.QualifiedName(c.Args[0]); subprocessFunc(target) {
			report(p, c, analysis.SeverityMedium, analysis.ConfidenceMedium,
				"functools.partial makes "+target+" run every command it gets through a shell (shell=True)")
		}
		return
	}
	tail := tailName(p.Model, c)
	if strings.Contains(tail, "quote") || strings.Contains(tail, "escape") {
		return // quoting helpers take shell= to choose a quoting style
	}
	label := callLabel(p.Model, c)
	if len(c.Args) == 0 {
		report(p, c, analysis.SeverityLow, analysis.ConfidenceLow, label+" called with shell=True")
		return
	}
	src := classify(p.Model, c.Args[0], modeShell)
	switch src.origin {
	case originBuilt, originRequest:
		report(p, c, analysis.SeverityMedium, analysis.ConfidenceMedium, label+" called with shell=True and a command "+src.how)
	case originOpaque:
		report(p, c, analysis.SeverityMedium, analysis.ConfidenceLow, label+" called with shell=True and a command "+src.how)
	default:
		report(p, c, analysis.SeverityLow, analysis.ConfidenceLow, label+" called with shell=True and a command "+phrase(src))
	}
}
