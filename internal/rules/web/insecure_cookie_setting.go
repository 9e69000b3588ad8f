package web

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// InsecureCookieSetting flags framework settings that turn off the Secure
// or HttpOnly flag of the session, CSRF or remember-me cookie.
var InsecureCookieSetting = &analysis.Rule{
	Code:       "KR604",
	Name:       "insecure-cookie-setting",
	Summary:    "session or csrf cookie setting turns off secure or httponly",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{614, 1004},
	Kinds:      settingKinds(),
	Run:        runInsecureCookieSetting,
	Doc: `## What it does
Flags Django and Flask settings set explicitly to False that protect the session and CSRF
cookies: ` + "`SESSION_COOKIE_SECURE`, `CSRF_COOKIE_SECURE`, `SESSION_COOKIE_HTTPONLY`" + `,
Flask-Login's ` + "`REMEMBER_COOKIE_SECURE`/`REMEMBER_COOKIE_HTTPONLY`" + ` and Flask-JWT-Extended's
` + "`JWT_COOKIE_SECURE`" + `, whether assigned in a settings module or config class, through
` + "`app.config[...]`" + `, ` + "`app.config.update(...)`" + ` or a config dict. Development and test
configurations get low confidence.

## Why is this bad?
Without Secure the browser also sends the cookie over plain HTTP, where anyone on the
network path can read it and take over the session. Without HttpOnly any script on the page,
including one injected through an XSS flaw, can read the session cookie and send it away.

## Example
` + "```python" + `
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_HTTPONLY = False
` + "```" + `

## Use instead
` + "```python" + `
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True  # Django's and Flask's default
` + "```" + `

## References
- [CWE-614: Sensitive Cookie in HTTPS Session Without 'Secure' Attribute](https://cwe.mitre.org/data/definitions/614.html)
- [CWE-1004: Sensitive Cookie Without 'HttpOnly' Flag](https://cwe.mitre.org/data/definitions/1004.html)
- [Django settings: SESSION_COOKIE_SECURE](https://docs.djangoproject.com/en/stable/ref/settings/#session-cookie-secure)
- [Flask security: Set-Cookie options](https://flask.palletsprojects.com/en/stable/web-security/#set-cookie-options)
`,
}

func runInsecureCookieSetting(p *analysis.Pass, n ast.Node) {
	forEachSetting(p, n, isCookieSetting, func(s setting) {
		var what string
		switch s.name {
		case "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "REMEMBER_COOKIE_SECURE", "JWT_COOKIE_SECURE":
			what = " lets the browser send the cookie over plain HTTP"
		case "SESSION_COOKIE_HTTPONLY", "REMEMBER_COOKIE_HTTPONLY":
			what = " lets scripts on the page read the cookie"
		default:
			return
		}
		if s.form == formLocal || !isFalseLiteral(p, s.value) {
			return
		}
		d := analysis.Diagnostic{Node: s.at, Message: s.name + " = False" + what}
		if devContext(p, s) {
			d.Confidence = analysis.ConfidenceLow
		}
		p.ReportDiagnostic(d)
	})
}

func isCookieSetting(name string) bool {
	switch name {
	case "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "REMEMBER_COOKIE_SECURE", "JWT_COOKIE_SECURE",
		"SESSION_COOKIE_HTTPONLY", "REMEMBER_COOKIE_HTTPONLY":
		return true
	}
	return false
}
