package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// SubprocessShell flags subprocess calls that run their command through a shell.
var SubprocessShell = &analysis.Rule{
	Code:       "KR101",
	Name:       "subprocess-shell-injection",
	Summary:    "subprocess call with shell=True",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{78},
	Aliases:    []string{"B602", "S602"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    subprocessTails,
	Run:        runSubprocessShell,
	Doc: `## What it does
Flags calls of subprocess.Popen, run, call, check_call and check_output that
pass shell=True, or a shell flag the code may set at run time. The finding is
high severity when the command is built at run time (an f-string, % formatting,
str.format, concatenation, str.join) or taken from a variable, and low
severity when the command is a constant or every dynamic part is quoted with
shlex.quote. subprocess.getoutput and getstatusoutput always use a shell and
are reported by KR104.

## Why is this bad?
With shell=True the command string is parsed by /bin/sh (cmd.exe on Windows).
Any part of it that comes from a user can add ;, |, &&, $(...) or backticks
and run commands of the attacker's choice (CWE-78). A constant command is
safe today, but a shell invocation invites the next change to splice a
variable into it.

## Example
~~~python
import subprocess

def archive(name):
    subprocess.run(f"tar czf /backups/{name}.tgz /srv/data", shell=True)
~~~

## Use instead
Pass an argument list without a shell, so that each argument reaches the
program unparsed:
~~~python
subprocess.run(["tar", "czf", f"/backups/{name}.tgz", "/srv/data"], check=True)
~~~
When a shell is really needed, quote every dynamic part with shlex.quote.

## References
- [Python docs: subprocess, Security Considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
- [OWASP: Command Injection](https://owasp.org/www-community/attacks/Command_Injection)
`,
}

func runSubprocessShell(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if len(c.Keywords) == 0 {
		return
	}
	if !subprocessTail(tailName(p.Model, c)) {
		return
	}
	shell, unknown := shellKeyword(p.Model, c)
	if !shell && !unknown {
		return
	}
	label := p.Model.CalleeName(c)
	if !subprocessFunc(label) {
		return
	}
	cmd := ruleutil.Arg(c, 0, "args")
	if elts, ok := sequence(p.Model, cmd); ok && len(elts) > 0 {
		cmd = elts[0] // the shell runs the first item; the rest become $0, $1, ...
	}
	src := classify(p.Model, cmd, modeShell)
	sev, conf := commandLevel(src)
	flag := "shell=True"
	if unknown {
		if !src.dynamic() {
			return
		}
		flag = "a shell flag that may be true"
		sev, conf = lower(sev, conf)
	}
	report(p, c, sev, conf, label+" called with "+flag+" and a command "+phrase(src))
}
