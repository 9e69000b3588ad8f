package web

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// Httpoxy flags CGI handlers that are exposed to httpoxy.
var Httpoxy = &analysis.Rule{
	Code:       "KR610",
	Name:       "httpoxy-cgi-handler",
	Summary:    "cgi handler exposed to httpoxy",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{454},
	Aliases:    []string{"B412", "S412"},
	Kinds:      []ast.Kind{ast.KindImportFrom, ast.KindAttribute},
	Run:        runHttpoxy,
	Doc: `## What it does
Flags the import or use of ` + "`wsgiref.handlers.CGIHandler`" + ` and of Twisted's
` + "`twisted.web.twcgi.CGIScript`" + ` and ` + "`CGIDirectory`" + `, which run the application as CGI.

## Why is this bad?
Under CGI, request headers become environment variables, so a client's ` + "`Proxy:`" + ` header
becomes ` + "`HTTP_PROXY`" + `. HTTP clients such as requests and urllib read that variable, and the
application's outgoing requests, with their credentials, go through the attacker's proxy
(httpoxy, CVE-2016-5386 and related).

## Example
` + "```python" + `
from wsgiref.handlers import CGIHandler

CGIHandler().run(app)
` + "```" + `

## Use instead
Serve the application with a WSGI server (gunicorn, uWSGI, mod_wsgi, waitress), or strip
the ` + "`Proxy`" + ` header in the front-end web server.

## References
- [CWE-454: External Initialization of Trusted Variables or Data Stores](https://cwe.mitre.org/data/definitions/454.html)
- [httpoxy.org](https://httpoxy.org/)
- [Bandit B412: import_httpoxy](https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b412-import-httpoxy)
`,
}

func runHttpoxy(p *analysis.Pass, n ast.Node) {
	switch x := n.(type) {
	case *ast.ImportFrom:
		if x.Level != 0 {
			return
		}
		for _, a := range x.Names {
			if httpoxyName(x.Module, a.Name) {
				p.Report(a, x.Module+"."+a.Name+" runs the app as CGI, where a Proxy header sets HTTP_PROXY (httpoxy)")
			}
		}
	case *ast.Attribute:
		switch x.Attr {
		case "CGIHandler", "CGIScript", "CGIDirectory":
		default:
			return
		}
		for _, qn := range [...]string{"wsgiref.handlers.CGIHandler", "twisted.web.twcgi.CGIScript", "twisted.web.twcgi.CGIDirectory"} {
			if p.Model.QualifiedNameIs(x, qn) {
				p.Report(x, qn+" runs the app as CGI, where a Proxy header sets HTTP_PROXY (httpoxy)")
				return
			}
		}
	}
}

func httpoxyName(module, name string) bool {
	switch module {
	case "wsgiref.handlers":
		return name == "CGIHandler"
	case "twisted.web.twcgi":
		return name == "CGIScript" || name == "CGIDirectory"
	}
	return false
}
