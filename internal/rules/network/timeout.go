package network

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// RequestWithoutTimeout flags HTTP requests that may wait for a response forever.
var RequestWithoutTimeout = &analysis.Rule{
	Code:       "KR405",
	Name:       "request-without-timeout",
	Summary:    "http request without a timeout",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{400},
	Aliases:    []string{"B113", "S113"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees: []string{
		"get", "post", "put", "patch", "delete", "head", "options", "request", "stream", "Client",
		"AsyncClient",
	},
	Run: runRequestWithoutTimeout,
	Doc: `## What it does
Flags requests calls (` + "`requests.get/post/put/patch/delete/head/options/request`" + ` and the same
methods on a ` + "`requests.Session()`" + `) without a ` + "`timeout`" + `, and requests or httpx calls and httpx
clients with ` + "`timeout=None`" + `. requests has no default timeout; httpx defaults to five seconds,
so httpx is only reported when the timeout is turned off. Calls that pass ` + "`**kwargs`" + ` are not
reported.

## Why is this bad?
A server that accepts the connection but never answers (or answers one byte a minute) holds
the calling thread or worker forever; a few such requests exhaust a web server's workers.

## Example
` + "```python" + `
import requests

r = requests.get(url)
` + "```" + `

## Use instead
` + "```python" + `
r = requests.get(url, timeout=10)  # or timeout=(3.05, 27) for connect and read
` + "```" + `

## References
- https://requests.readthedocs.io/en/latest/user/advanced/#timeouts
- https://www.python-httpx.org/advanced/timeouts/
- https://cwe.mitre.org/data/definitions/400.html`,
}

func runRequestWithoutTimeout(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	tail := ruleutil.ResolvedTail(p.Model, c)
	switch {
	case isHTTPVerb(tail), tail == "stream":
	case tail == "Client" || tail == "AsyncClient":
		if name := p.Model.CalleeName(c); name == "httpx."+tail {
			if k := ruleutil.Keyword(c, "timeout"); k != nil && ruleutil.IsNone(ruleutil.ValueOf(p.Model, k.Value)) {
				p.Report(c, name+" created with timeout=None: its requests may wait forever")
			}
		}
		return
	default:
		return
	}
	cl, method, _ := requestCall(p.Model, c, tail)
	if cl != clientRequests && cl != clientHTTPX {
		return
	}
	name := p.Model.CalleeName(c)
	if method {
		name = "session." + tail
	}
	k := ruleutil.Keyword(c, "timeout")
	switch {
	case k != nil && ruleutil.IsNone(ruleutil.ValueOf(p.Model, k.Value)):
		p.Report(c, name+" called with timeout=None: it may wait for a response forever")
	case k == nil && cl == clientRequests && !ruleutil.HasDoubleStar(c):
		p.Report(c, name+" called without a timeout: requests waits for a response forever by default")
	}
}
