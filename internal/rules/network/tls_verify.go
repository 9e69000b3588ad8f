package network

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// TLSVerifyDisabled flags HTTP clients told not to verify the server's certificate.
var TLSVerifyDisabled = &analysis.Rule{
	Code:       "KR401",
	Name:       "tls-verification-disabled",
	Summary:    "http request or client with certificate verification off",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{295},
	Aliases:    []string{"B501", "S501"},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindAssign},
	Run:        runTLSVerifyDisabled,
	Doc: `## What it does
Flags ` + "`verify=False`" + ` passed to requests (` + "`requests.get/post/...`, `requests.request`" + `, session
methods), to httpx (module functions, ` + "`Client`, `AsyncClient`" + `, transports), ` + "`ssl=False`" + ` or
` + "`verify_ssl=False`" + ` passed to aiohttp (` + "`TCPConnector`, `aiohttp.request`" + `, session methods), and
` + "`session.verify = False`" + `, tornado's ` + "`validate_cert=False`" + `, httplib2's
` + "`disable_ssl_certificate_validation=True`" + ` and pycurl's ` + "`setopt(pycurl.SSL_VERIFYPEER, 0)`" + `
(or ` + "`SSL_VERIFYHOST`" + `). Verb methods on a receiver whose type is unknown, such as
` + "`self.session.get(url, verify=False)`" + `, are reported with medium confidence.

## Why is this bad?
Without certificate verification anyone on the network path (a Wi-Fi hotspot, a compromised
router, a proxy) can impersonate the server, read the credentials and data sent and change
the responses.

## Example
` + "```python" + `
import requests

r = requests.get("https://api.internal.example", verify=False)
` + "```" + `

## Use instead
` + "```python" + `
r = requests.get("https://api.internal.example", verify="/etc/ssl/internal-ca.pem")
` + "```" + `

## References
- https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification
- https://www.python-httpx.org/advanced/ssl/
- https://docs.aiohttp.org/en/stable/client_advanced.html#ssl-control-for-tcp-sockets
- https://cwe.mitre.org/data/definitions/295.html`,
}

func runTLSVerifyDisabled(p *analysis.Pass, n ast.Node) {
	if a, ok := n.(*ast.Assign); ok {
		verifyAssign(p, a)
		return
	}
	c := n.(*ast.Call)
	var kw *ast.Keyword
	for _, k := range c.Keywords {
		switch k.Arg {
		case "verify", "ssl", "verify_ssl":
			if isConstFalse(p.Model, k.Value) {
				kw = k
			}
		case "validate_cert", "disable_ssl_certificate_validation":
			otherClientOff(p, c, k)
			return
		}
	}
	if kw == nil {
		if len(c.Args) == 2 && ruleutil.CalleeTail(c) == "setopt" {
			curlVerifyOff(p, c)
		}
		return
	}
	tail := ruleutil.ResolvedTail(p.Model, c)
	cl, method, unknown := requestCall(p.Model, c, tail)
	name := p.Model.CalleeName(c)
	switch {
	case cl == clientNone && !unknown:
		switch name {
		case "httpx.Client", "httpx.AsyncClient", "httpx.HTTPTransport", "httpx.AsyncHTTPTransport":
			cl = clientHTTPX
		case "aiohttp.TCPConnector", "aiohttp.connector.TCPConnector":
			cl = clientAiohttp
		default:
			return
		}
	case method:
		name = "session." + tail
	}
	if !argFits(cl, kw.Arg, unknown) {
		return
	}
	d := analysis.Diagnostic{
		Node:    c,
		Message: name + " called with " + kw.Arg + "=False: the server's TLS certificate is not checked",
	}
	if unknown {
		d.Confidence = analysis.ConfidenceMedium
	}
	p.ReportDiagnostic(d)
}

// argFits reports whether a keyword is the verification switch of a client:
// verify for requests and httpx, ssl and verify_ssl for aiohttp, any of them
// when the receiver is unknown.
func argFits(cl client, arg string, unknown bool) bool {
	switch {
	case unknown:
		return true
	case cl == clientRequests || cl == clientHTTPX:
		return arg == "verify"
	case cl == clientAiohttp:
		return arg == "ssl" || arg == "verify_ssl"
	}
	return false
}

// verifyAssign flags `session.verify = False`.
func verifyAssign(p *analysis.Pass, a *ast.Assign) {
	for _, t := range a.Targets {
		at, ok := t.(*ast.Attribute)
		if !ok || at.Attr != "verify" || !isConstFalse(p.Model, a.Value) {
			continue
		}
		made := ruleutil.ConstructedBy(p.Model, at.Value)
		d := analysis.Diagnostic{Node: a, Message: "session.verify set to False: the server's TLS certificate is not checked"}
		switch {
		case sessionClient(made) == clientRequests:
		case made == "" && p.Model.QualifiedName(at.Value) == "" && looksLikeSession(at.Value):
			d.Confidence = analysis.ConfidenceMedium
		default:
			continue
		}
		p.ReportDiagnostic(d)
		return
	}
}

// looksLikeSession reports whether a receiver of unknown type is named like
// an HTTP session or client (session, self.http, api_client, s).
func looksLikeSession(e ast.Expr) bool {
	name := strings.ToLower(ruleutil.ExprTail(e))
	return name == "s" || strings.Contains(name, "session") || strings.Contains(name, "client") || strings.Contains(name, "http")
}

// otherClientOff flags tornado's validate_cert=False and httplib2's
// disable_ssl_certificate_validation=True.
func otherClientOff(p *analysis.Pass, c *ast.Call, k *ast.Keyword) {
	qn := p.Model.CalleeName(c)
	switch {
	case k.Arg == "validate_cert" && isConstFalse(p.Model, k.Value):
		switch qn {
		case "tornado.httpclient.HTTPRequest", "tornado.httpclient.HTTPClient", "tornado.httpclient.AsyncHTTPClient":
		default:
			if ruleutil.CalleeTail(c) != "fetch" || qn != "" {
				return
			}
			qn = "fetch"
		}
	case k.Arg == "disable_ssl_certificate_validation" && ruleutil.IsTrue(p.Model, k.Value):
		if qn != "httplib2.Http" {
			return
		}
	default:
		return
	}
	p.Report(c, qn+" called with "+k.Arg+" set: the server's TLS certificate is not checked")
}

// curlVerifyOff flags pycurl's setopt(SSL_VERIFYPEER, 0) and setopt(SSL_VERIFYHOST, 0).
func curlVerifyOff(p *analysis.Pass, c *ast.Call) {
	opt := ruleutil.ExprTail(c.Args[0])
	if opt != "SSL_VERIFYPEER" && opt != "SSL_VERIFYHOST" {
		return
	}
	if !p.Model.QualifiedNameIs(c.Args[0], "pycurl."+opt) || !ruleutil.IsFalse(p.Model, c.Args[1]) {
		return
	}
	p.Report(c, "setopt(pycurl."+opt+", 0) turns off TLS certificate verification")
}
