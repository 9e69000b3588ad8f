package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// StartProcessNoShell flags os.exec*, os.spawn* and similar calls whose program or
// arguments come from data.
var StartProcessNoShell = &analysis.Rule{
	Code:       "KR105",
	Name:       "start-process-without-shell-dynamic-args",
	Summary:    "exec/spawn-style process start on a dynamic program or args",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceLow,
	CWE:        []int{78, 88},
	Aliases:    []string{"B606", "S606"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    tails(execTails, []string{"subprocess_exec"}),
	Run:        runStartProcessNoShell,
	Doc: `## What it does
Flags the functions that start a program without a shell (os.execl and the
other os.exec* functions, os.spawn*, os.posix_spawn and posix_spawnp,
os.startfile, pty.spawn, asyncio.create_subprocess_exec, an event loop's
subprocess_exec, and pexpect's spawn and run) when the program, the file or
the arguments are not fixed by the source. Bandit's B606 reports every such
call; a call whose program and arguments are all constants cannot be
injected into, so this rule skips it. Explicit shells ("sh", "-c", cmd) are
KR117's. Findings are low severity unless the program or its arguments are
read straight from a web request, as for KR102.

## Why is this bad?
A program path chosen by a user runs arbitrary code, os.startfile opens any
document or executable with its associated application, and arguments that
start with "-" can turn into options of the program (CWE-88).

## Example
~~~python
import os

def open_report(request):
    os.startfile(request.args["path"])

def view(tool, path):
    os.execvp(tool, [tool, path])
~~~

## Use instead
Choose the program from a fixed allow list, keep paths under a known
directory, and end the options with "--" before data:
~~~python
TOOLS = {"less": "/usr/bin/less", "vi": "/usr/bin/vi"}
os.execv(TOOLS[tool], [tool, "--", path])
~~~

## References
- [Python docs: os, Process Management](https://docs.python.org/3/library/os.html#process-management)
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
- [CWE-88: Argument Injection](https://cwe.mitre.org/data/definitions/88.html)
`,
}

func runStartProcessNoShell(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	tail := tailName(p.Model, c)
	var label string
	var spec execSpec
	switch {
	case execTail(tail):
		var ok bool
		label = p.Model.CalleeName(c)
		if spec, ok = execFunc(label); !ok {
			return
		}
	case tail == "subprocess_exec":
		// loop.subprocess_exec(protocol_factory, program, *args).
		if _, ok := c.Func.(*ast.Attribute); !ok {
			return
		}
		label, spec = callLabel(p.Model, c), execSpec{shapeListArgs, 1, "program"}
	default:
		return
	}
	a := execArgv(p.Model, c, spec)
	if cmd, _ := shellCommand(p.Model, a); cmd != nil {
		return
	}
	if spec.shape == shapeFile {
		if ps := programSource(p.Model, a.program); ps.dynamic() {
			report(p, c, analysis.SeverityMedium, analysis.ConfidenceMedium,
				label+" opens a file "+ps.how+" with its associated program; check that users cannot choose it")
		}
		return
	}
	if msg, sev, conf, ok := argvFinding(p.Model, label, a); ok {
		report(p, c, sev, conf, msg)
	}
}
