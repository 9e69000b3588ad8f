package injection

import (
	"strconv"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// ShellC flags argument lists that run a shell interpreter on a command built from data.
var ShellC = &analysis.Rule{
	Code:       "KR117",
	Name:       "shell-interpreter-injection",
	Summary:    "explicit shell (sh -c, cmd /c) run on a dynamic command",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{78},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    tails(subprocessTails, execTails),
	Run:        runShellC,
	Doc: `## What it does
Flags programs started without shell=True whose argument list runs a shell
on a command string anyway: ["sh", "-c", cmd], ["/bin/bash", "-lc", cmd],
["cmd", "/c", cmd], ["powershell", "-Command", cmd], through subprocess,
os.exec*, os.spawn*, os.posix_spawn, pty.spawn and asyncio's
create_subprocess_exec. The command string decides: built at run time is
high severity and confidence, taken from a variable high severity and medium
confidence; constants are not reported. Bandit and Ruff have no equivalent:
their subprocess rules look only at shell=True.

## Why is this bad?
An argument list avoids the shell only if it does not start one. sh -c
parses its command exactly as shell=True would, so data spliced into it can
run any command (CWE-78).

## Example
~~~python
import subprocess

def compress(path):
    subprocess.run(["bash", "-c", f"gzip -9 {path} && sync"], check=True)
~~~

## Use instead
Run the programs directly, or pass data as positional parameters of the
shell script, which the shell does not parse:
~~~python
subprocess.run(["bash", "-c", 'gzip -9 -- "$1" && sync', "compress", path], check=True)
~~~

## References
- [Python docs: subprocess, Security Considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)
- [POSIX: sh -c](https://pubs.opengroup.org/onlinepubs/9799919799/utilities/sh.html)
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
`,
}

func runShellC(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if len(c.Args) == 0 && len(c.Keywords) == 0 {
		return
	}
	tail := tailName(p.Model, c)
	var a argv
	var label string
	switch {
	case subprocessTail(tail):
		if label = p.Model.CalleeName(c); subprocessFunc(label) {
			if shell, unknown := shellKeyword(p.Model, c); shell || unknown {
				return
			}
			a = subprocessArgv(p.Model, c)
			break
		}
		fallthrough
	case execTail(tail):
		if label == "" {
			label = p.Model.CalleeName(c)
		}
		spec, ok := execFunc(label)
		if !ok {
			return
		}
		a = execArgv(p.Model, c, spec)
	default:
		return
	}
	cmd, shell := shellCommand(p.Model, a)
	if cmd == nil {
		return
	}
	src := classify(p.Model, cmd, modeShell)
	if !src.dynamic() {
		return
	}
	sev, conf := commandLevel(src)
	report(p, c, sev, conf, label+" runs the shell "+strconv.Quote(shell)+" on a command "+src.how)
}
