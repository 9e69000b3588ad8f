package web

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// SSLRedirectDisabled flags HTTPS redirection switched off explicitly.
var SSLRedirectDisabled = &analysis.Rule{
	Code:       "KR605",
	Name:       "ssl-redirect-disabled",
	Summary:    "redirection from http to https turned off",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceLow,
	CWE:        []int{319},
	Kinds:      []ast.Kind{ast.KindAssign, ast.KindAnnAssign, ast.KindCall},
	Callees:    []string{"Talisman"},
	Run:        runSSLRedirectDisabled,
	Doc: `## What it does
Flags Django's ` + "`SECURE_SSL_REDIRECT = False`" + ` written explicitly in a settings module and
Flask-Talisman created with ` + "`force_https=False`" + `. Only an explicit False is reported, not a
missing setting, and development and test settings are skipped. Confidence is low: TLS is
often terminated and enforced by a proxy in front of the application.

## Why is this bad?
Without the redirect, a visitor who types the address or follows an old http:// link
talks to the site in clear text: credentials, session cookies and pages can be read and
changed on the way.

## Example
` + "```python" + `
SECURE_SSL_REDIRECT = False
` + "```" + `

## Use instead
` + "```python" + `
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
` + "```" + `

## References
- [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
- [Django settings: SECURE_SSL_REDIRECT](https://docs.djangoproject.com/en/stable/ref/settings/#secure-ssl-redirect)
- [Flask-Talisman options](https://github.com/wntrblm/flask-talisman#options)
`,
}

func runSSLRedirectDisabled(p *analysis.Pass, n ast.Node) {
	if c, ok := n.(*ast.Call); ok {
		if ruleutil.ResolvedTail(p.Model, c) == "Talisman" && ruleutil.KeywordIsFalse(p.Model, c, "force_https") &&
			!ruleutil.InDevSettingsFile(p) &&
			(p.Model.QualifiedNameIs(c.Func, "flask_talisman.Talisman") || p.Model.QualifiedNameIs(c.Func, "flask_talisman.talisman.Talisman")) {
			k := ruleutil.Keyword(c, "force_https")
			p.Report(k, "flask_talisman.Talisman created with force_https=False serves pages over plain HTTP")
		}
		return
	}
	forEachSetting(p, n, isSSLRedirect, func(s setting) {
		if (s.form == formModule || s.form == formClass) && isFalseLiteral(p, s.value) && !devContext(p, s) {
			p.Report(s.at, "SECURE_SSL_REDIRECT = False serves pages over plain HTTP unless a proxy redirects")
		}
	})
}

func isSSLRedirect(name string) bool { return name == "SECURE_SSL_REDIRECT" }
