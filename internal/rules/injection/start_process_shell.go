package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// StartProcessShell flags functions that always run their command through a shell.
var StartProcessShell = &analysis.Rule{
	Code:       "KR104",
	Name:       "start-process-with-shell",
	Summary:    "process started through a shell (os.system, os.popen, ...)",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{78},
	Aliases:    []string{"B605", "S605"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    tails(shellTails, []string{"subprocess_shell"}),
	Run:        runStartProcessShell,
	Doc: `## What it does
Flags calls of functions that always hand their command to a shell:
os.system, os.popen (and Python 2's os.popen2-4, popen2 and commands
modules), subprocess.getoutput and getstatusoutput,
asyncio.create_subprocess_shell and an event loop's subprocess_shell,
anyio.run_process and open_process given a string (not a list), and the
shell runners of Invoke and Fabric 1 (run, sudo, local). The
finding is high severity when the command is built at run time or taken
from a variable, and low severity when it is constant or every dynamic part
is quoted with shlex.quote.

## Why is this bad?
The shell parses the whole string: a user-controlled part can end the
intended command and start another with ;, |, &&, a newline, $(...) or
backticks (CWE-78).

## Example
~~~python
import os

def ping(host):
    return os.system("ping -c 1 " + host)
~~~

## Use instead
Start the program directly with an argument list, or quote every dynamic
part:
~~~python
import subprocess

subprocess.run(["ping", "-c", "1", "--", host], check=False)
~~~

## References
- [Python docs: os.system](https://docs.python.org/3/library/os.html#os.system)
- [Python docs: subprocess, Security Considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
`,
}

func runStartProcessShell(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	tail := tailName(p.Model, c)
	var label string
	var pos int
	var kw string
	switch {
	case shellTail(tail):
		var ok bool
		label = p.Model.CalleeName(c)
		if pos, kw, ok = shellFunc(label); !ok {
			return
		}
	case tail == "subprocess_shell":
		// loop.subprocess_shell(protocol_factory, cmd): the loop is rarely resolvable.
		if _, ok := c.Func.(*ast.Attribute); !ok {
			return
		}
		label, pos, kw = callLabel(p.Model, c), 1, "cmd"
	default:
		return
	}
	cmd := shellCommandArg(p.Model, c, pos, kw)
	if cmd == nil {
		return
	}
	src := classify(p.Model, cmd, modeShell)
	sev, conf := commandLevel(src)
	report(p, c, sev, conf, label+" runs a shell command "+phrase(src))
}
