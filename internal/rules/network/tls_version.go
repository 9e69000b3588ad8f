package network

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// InsecureTLSVersion flags SSL 2/3 and TLS 1.0/1.1 protocol versions.
var InsecureTLSVersion = &analysis.Rule{
	Code:       "KR403",
	Name:       "insecure-tls-version",
	Summary:    "ssl 2/3 or tls 1.0/1.1 protocol version selected",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{327, 757},
	Aliases:    []string{"B502", "B503", "S502", "S503"},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindAssign, ast.KindFunctionDef, ast.KindAsyncFunctionDef},
	Run:        runInsecureTLSVersion,
	Doc: `## What it does
Flags an obsolete protocol version passed to a call (` + "`ssl.SSLContext(ssl.PROTOCOL_TLSv1)`" + `,
` + "`ssl_version=ssl.PROTOCOL_SSLv3`" + `, pyOpenSSL's ` + "`SSL.Context(SSL.TLSv1_METHOD)`" + `,
` + "`set_min_proto_version(SSL.TLS1_VERSION)`" + `), assigned (` + "`ctx.minimum_version =\nssl.TLSVersion.TLSv1`" + `, an adapter's ` + "`ssl_version`" + ` attribute) or used as a parameter
default. SSL 2 and 3 are high severity, TLS 1.0 and 1.1 medium.

## Why is this bad?
SSL 2 and 3 are broken (DROWN, POODLE). TLS 1.0 and 1.1 lack modern cipher suites, are open
to BEAST-style and downgrade attacks, and were deprecated by RFC 8996 in 2021; browsers and
PCI DSS no longer accept them.

## Example
` + "```python" + `
import ssl

ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
` + "```" + `

## Use instead
` + "```python" + `
ctx = ssl.create_default_context()
ctx.minimum_version = ssl.TLSVersion.TLSv1_2
` + "```" + `

## References
- https://docs.python.org/3/library/ssl.html#ssl.SSLContext.minimum_version
- https://www.rfc-editor.org/rfc/rfc8996
- https://www.pyopenssl.org/en/stable/api/ssl.html
- https://cwe.mitre.org/data/definitions/757.html`,
}

// badVersion returns the protocol an expression names if it is obsolete,
// "SSLv3" for ssl.PROTOCOL_SSLv3, and whether it is SSL (high severity).
// It switches on the identifier before resolving the name.
func badVersion(p *analysis.Pass, e ast.Expr) (name string, ssl bool) {
	var id string
	switch x := e.(type) {
	case *ast.Attribute:
		id = x.Attr
	case *ast.Name:
		id = x.ID
	default:
		return "", false
	}
	// Every argument of every call comes here: most are rejected on the
	// first letter of the names below.
	if len(id) < len("SSLv3") || id[0] != 'P' && id[0] != 'S' && id[0] != 'T' {
		return "", false
	}
	var qn string
	switch id {
	case "PROTOCOL_SSLv2", "PROTOCOL_SSLv3", "PROTOCOL_TLSv1", "PROTOCOL_TLSv1_1":
		qn = "ssl." + id
		name = id[len("PROTOCOL_"):]
	case "SSLv3", "TLSv1", "TLSv1_1":
		qn = "ssl.TLSVersion." + id
		name = id
	case "SSLv2_METHOD", "SSLv3_METHOD", "TLSv1_METHOD", "TLSv1_1_METHOD":
		qn = "OpenSSL.SSL." + id
		name = id[:len(id)-len("_METHOD")]
	case "SSL3_VERSION", "TLS1_VERSION", "TLS1_1_VERSION":
		qn = "OpenSSL.SSL." + id
		switch id {
		case "SSL3_VERSION":
			name = "SSLv3"
		case "TLS1_VERSION":
			name = "TLSv1"
		default:
			name = "TLSv1_1"
		}
	default:
		return "", false
	}
	if !p.Model.QualifiedNameIs(e, qn) {
		return "", false
	}
	return name, name[:3] == "SSL"
}

func runInsecureTLSVersion(p *analysis.Pass, n ast.Node) {
	switch x := n.(type) {
	case *ast.Call:
		for _, a := range x.Args {
			reportVersion(p, a, "passed")
		}
		for _, k := range x.Keywords {
			reportVersion(p, k.Value, "passed")
		}
	case *ast.Assign:
		reportVersion(p, x.Value, "assigned")
	case *ast.FunctionDef:
		defaults(p, x.Args)
	case *ast.AsyncFunctionDef:
		defaults(p, x.Args)
	}
}

func defaults(p *analysis.Pass, args *ast.Arguments) {
	if args == nil {
		return
	}
	for _, d := range args.Defaults {
		reportVersion(p, d, "used as a parameter default")
	}
	for _, d := range args.KwDefaults {
		if d != nil {
			reportVersion(p, d, "used as a parameter default")
		}
	}
}

func reportVersion(p *analysis.Pass, e ast.Expr, how string) {
	name, ssl := badVersion(p, e)
	if name == "" {
		return
	}
	sev := analysis.SeverityMedium
	if ssl {
		sev = analysis.SeverityHigh
	}
	p.ReportDiagnostic(analysis.Diagnostic{
		Node:     e,
		Message:  "obsolete protocol " + name + " " + how + "; require TLS 1.2 or later",
		Severity: sev,
	})
}
