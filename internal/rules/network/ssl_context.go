package network

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// UnverifiedSSLContext flags SSL contexts and sockets that skip certificate or host name checks.
var UnverifiedSSLContext = &analysis.Rule{
	Code:       "KR402",
	Name:       "unverified-ssl-context",
	Summary:    "ssl context that skips certificate or host name checks",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{295},
	Aliases:    []string{"B323", "S323"},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindAssign, ast.KindDict},
	Run:        runUnverifiedSSLContext,
	Doc: `## What it does
Flags ` + "`ssl._create_unverified_context()`" + ` and ` + "`ssl._create_stdlib_context()`" + `, the global patch
` + "`ssl._create_default_https_context = ssl._create_unverified_context`" + `, ` + "`ctx.verify_mode =\nssl.CERT_NONE`" + `, ` + "`ctx.check_hostname = False`" + `, ` + "`cert_reqs=ssl.CERT_NONE`" + ` (or ` + "`\"CERT_NONE\"`" + `) in
any call, such as urllib3's pools and ` + "`ssl.wrap_socket`" + `, urllib3's ` + "`assert_hostname=False`" + `,
option mappings such as websocket-client's ` + "`sslopt={\"cert_reqs\": ssl.CERT_NONE}`" + `, and pyOpenSSL's
` + "`set_verify(SSL.VERIFY_NONE)`" + `.

## Why is this bad?
A context that does not verify the peer's certificate, or does not check that it was issued
for the host name being contacted, accepts any certificate an attacker presents: TLS then
protects against nobody on the network path.

## Example
` + "```python" + `
import ssl, urllib.request

ctx = ssl._create_unverified_context()
urllib.request.urlopen(url, context=ctx)
` + "```" + `

## Use instead
` + "```python" + `
ctx = ssl.create_default_context(cafile="/etc/ssl/internal-ca.pem")
urllib.request.urlopen(url, context=ctx)
` + "```" + `

## References
- https://docs.python.org/3/library/ssl.html#ssl-security
- https://peps.python.org/pep-0476/
- https://urllib3.readthedocs.io/en/stable/advanced-usage.html#certificate-verification
- https://cwe.mitre.org/data/definitions/295.html`,
}

func runUnverifiedSSLContext(p *analysis.Pass, n ast.Node) {
	switch x := n.(type) {
	case *ast.Assign:
		contextAssign(p, x)
		return
	case *ast.Dict:
		sslOptions(p, x)
		return
	}
	c := n.(*ast.Call)
	switch tail := ruleutil.ResolvedTail(p.Model, c); tail {
	case "_create_unverified_context", "_create_stdlib_context":
		if qn := p.Model.CalleeName(c); qn == "ssl."+tail {
			p.Report(c, qn+" makes a context that checks neither certificates nor host names")
		}
		return
	case "set_verify":
		if len(c.Args) > 0 && p.Model.QualifiedNameIs(c.Args[0], "OpenSSL.SSL.VERIFY_NONE") {
			p.Report(c, "set_verify(VERIFY_NONE) turns off certificate verification")
		}
		return
	}
	for _, k := range c.Keywords {
		switch {
		case k.Arg == "cert_reqs" && isCertNone(p.Model, k.Value):
			p.Report(c, calleeText(p, c)+" called with cert_reqs=CERT_NONE: the peer's certificate is not checked")
			return
		case k.Arg == "assert_hostname" && isConstFalse(p.Model, k.Value):
			p.Report(c, calleeText(p, c)+" called with assert_hostname=False: a certificate for any host is accepted")
			return
		}
	}
}

// calleeText names the callee for a message: its qualified name or its tail.
func calleeText(p *analysis.Pass, c *ast.Call) string {
	if name := p.Model.CalleeName(c); name != "" {
		return name
	}
	return ruleutil.ResolvedTail(p.Model, c)
}

// sslOptions flags option mappings such as websocket-client's
// sslopt={"cert_reqs": ssl.CERT_NONE} and {"check_hostname": False}.
func sslOptions(p *analysis.Pass, d *ast.Dict) {
	for i, k := range d.Keys {
		c, ok := k.(*ast.Constant)
		if !ok || c.Value.Kind != ast.ConstStr || i >= len(d.Values) {
			continue
		}
		switch c.Value.S {
		case "cert_reqs":
			if isCertNone(p.Model, d.Values[i]) {
				p.Report(d.Values[i], "SSL options set cert_reqs to CERT_NONE: the peer's certificate is not checked")
			}
		case "check_hostname":
			if isConstFalse(p.Model, d.Values[i]) {
				p.Report(d.Values[i], "SSL options set check_hostname to False: a certificate for any host is accepted")
			}
		}
	}
}

// isCertNone reports whether e is ssl.CERT_NONE or urllib3's string form.
func isCertNone(m *semantic.Model, e ast.Expr) bool {
	if m.QualifiedNameIs(e, "ssl.CERT_NONE") || m.QualifiedNameIs(e, "ssl.VerifyMode.CERT_NONE") {
		return true
	}
	s, ok := m.ConstString(e)
	return ok && (s == "CERT_NONE" || s == "NONE")
}

// contextAssign flags verify_mode = CERT_NONE, check_hostname = False and the
// global default-context patch.
func contextAssign(p *analysis.Pass, a *ast.Assign) {
	for _, t := range a.Targets {
		at, ok := t.(*ast.Attribute)
		if !ok {
			continue
		}
		switch at.Attr {
		case "verify_mode":
			if isCertNone(p.Model, a.Value) {
				p.Report(a, "verify_mode set to CERT_NONE: the peer's certificate is not checked")
				return
			}
		case "check_hostname":
			if isConstFalse(p.Model, a.Value) {
				p.Report(a, "check_hostname set to False: a certificate for any host is accepted")
				return
			}
		case "_create_default_https_context":
			if p.Model.QualifiedNameIs(at, "ssl._create_default_https_context") &&
				p.Model.QualifiedNameIs(a.Value, "ssl._create_unverified_context") {
				p.Report(a, "ssl._create_default_https_context patched to _create_unverified_context: every HTTPS connection in the process skips verification")
				return
			}
		}
	}
}
