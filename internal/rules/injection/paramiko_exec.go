package injection

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// ParamikoExec flags paramiko exec_command calls whose remote command is built from data.
var ParamikoExec = &analysis.Rule{
	Code:       "KR107",
	Name:       "paramiko-exec-command-injection",
	Summary:    "paramiko exec_command with a dynamic command",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{78},
	Aliases:    []string{"B601", "S601"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"exec_command"},
	Run:        runParamikoExec,
	Doc: `## What it does
Flags exec_command calls on paramiko SSH clients (and transports' channels)
whose command is built at run time or taken from a variable. The receiver is
recognised when it was made by a paramiko constructor or when the file
imports paramiko; without either the finding's confidence drops. Constant
commands are not reported.

## Why is this bad?
exec_command sends its string to the remote user's login shell, which parses
it like /bin/sh does: data spliced into it can run any command on the remote
host with the SSH user's rights (CWE-78).

## Example
~~~python
import paramiko

def tail_log(host, name):
    client = paramiko.SSHClient()
    client.connect(host, username="deploy")
    client.exec_command(f"tail -n 100 /var/log/app/{name}.log")
~~~

## Use instead
Quote every dynamic part for the remote shell, and validate it:
~~~python
import shlex

client.exec_command("tail -n 100 " + shlex.quote(f"/var/log/app/{name}.log"))
~~~

## References
- [Paramiko: SSHClient.exec_command](https://docs.paramiko.org/en/stable/api/client.html#paramiko.client.SSHClient.exec_command)
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
`,
}

func runParamikoExec(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	f, ok := c.Func.(*ast.Attribute)
	if !ok || f.Attr != "exec_command" {
		return
	}
	cmd := ruleutil.Arg(c, 0, "command")
	if cmd == nil {
		return
	}
	src := classify(p.Model, cmd, modeShell)
	if !src.dynamic() {
		return
	}
	sev, conf := commandLevel(src)
	if !strings.HasPrefix(ruleutil.ConstructedBy(p.Model, f.Value), "paramiko.") && !importsModule(p.Model, "paramiko") {
		sev, conf = lower(sev, conf)
	}
	report(p, c, sev, conf, callLabel(p.Model, c)+" runs a remote shell command "+src.how)
}

// importsModule reports whether the file imports module or one of its
// submodules.
func importsModule(m *semantic.Model, module string) bool {
	for _, im := range m.ImportedModules() {
		if im.Module == module || strings.HasPrefix(im.Module, module) && len(im.Module) > len(module) && im.Module[len(module)] == '.' {
			return true
		}
	}
	return false
}
