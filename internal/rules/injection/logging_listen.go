package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// LoggingListen flags logging.config.listen, which accepts configurations that
// can run code.
var LoggingListen = &analysis.Rule{
	Code:       "KR115",
	Name:       "logging-config-listen",
	Summary:    "logging.config.listen accepts code-running configuration",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{94},
	Aliases:    []string{"B612", "S612"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"listen"},
	Run:        runLoggingListen,
	Doc: `## What it does
Flags calls of logging.config.listen. With a verify function the finding
drops to low severity and low confidence, since verify can authenticate
or decrypt what arrives.

## Why is this bad?
listen starts a socket server that applies any logging configuration it
receives. A dictConfig or fileConfig can name arbitrary callables and
classes to instantiate, so whoever can connect to the port runs code in
the process (CWE-94). By default the server listens on localhost port
9030, which every local user can reach.

## Example
~~~python
import logging.config

thread = logging.config.listen(9999)
thread.start()
~~~

## Use instead
Reload configuration from a file the process owns (on SIGHUP, say), or pass
a verify callable that checks a signature before anything is applied:
~~~python
thread = logging.config.listen(9999, verify=check_hmac_signature)
~~~

## References
- [Python docs: logging.config.listen](https://docs.python.org/3/library/logging.config.html#logging.config.listen)
- [CWE-94: Code Injection](https://cwe.mitre.org/data/definitions/94.html)
`,
}

func runLoggingListen(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if ruleutil.CalleeTail(c) != "listen" || !p.Model.QualifiedNameIs(c.Func, "logging.config.listen") {
		return
	}
	if v := ruleutil.Arg(c, 1, "verify"); v != nil && !ruleutil.IsNone(v) {
		report(p, c, analysis.SeverityLow, analysis.ConfidenceLow,
			"logging.config.listen applies logging configurations received over a socket; check that verify authenticates them")
		return
	}
	p.Report(c, "logging.config.listen applies logging configurations received over a socket without verification; they can run code")
}
