package network

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// WrapSocketUnverified flags client-side ssl.wrap_socket calls, which verify nothing by default.
var WrapSocketUnverified = &analysis.Rule{
	Code:       "KR404",
	Name:       "ssl-wrap-socket-unverified",
	Summary:    "ssl.wrap_socket client without certificate checks",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{295},
	Aliases:    []string{"B504", "S504"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"wrap_socket"},
	Run:        runWrapSocketUnverified,
	Doc: `## What it does
Flags ` + "`ssl.wrap_socket(...)`" + ` on the client side (no ` + "`server_side=True`" + `) that does not pass
` + "`cert_reqs`" + `. The function's default is ` + "`CERT_NONE`" + ` and it never checks host names; it was
deprecated in Python 3.7 and removed in 3.12. (An explicit ` + "`cert_reqs=ssl.CERT_NONE`" + ` is
reported by KR402, an obsolete ` + "`ssl_version`" + ` by KR403.)

## Why is this bad?
The socket accepts any certificate, so an attacker on the path can impersonate the server.

## Example
` + "```python" + `
import socket, ssl

conn = ssl.wrap_socket(socket.create_connection((host, 443)))
` + "```" + `

## Use instead
` + "```python" + `
ctx = ssl.create_default_context()
conn = ctx.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
` + "```" + `

## References
- https://docs.python.org/3.11/library/ssl.html#ssl.wrap_socket
- https://docs.python.org/3/library/ssl.html#ssl.SSLContext.wrap_socket
- https://cwe.mitre.org/data/definitions/295.html`,
}

func runWrapSocketUnverified(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if ruleutil.ResolvedTail(p.Model, c) != "wrap_socket" || !p.Model.QualifiedNameIs(c.Func, "ssl.wrap_socket") {
		return
	}
	// wrap_socket(sock, keyfile, certfile, server_side, cert_reqs, ...)
	if ruleutil.HasDoubleStar(c) || ruleutil.Arg(c, 4, "cert_reqs") != nil {
		return
	}
	if side := ruleutil.Arg(c, 3, "server_side"); side != nil && !ruleutil.IsFalse(p.Model, side) {
		return
	}
	p.Report(c, "ssl.wrap_socket called without cert_reqs: the default CERT_NONE accepts any certificate (and the function was removed in Python 3.12)")
}
