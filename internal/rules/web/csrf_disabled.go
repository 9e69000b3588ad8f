package web

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// CSRFDisabled flags CSRF protection switched off for a whole application
// or form class.
var CSRFDisabled = &analysis.Rule{
	Code:       "KR608",
	Name:       "csrf-protection-disabled",
	Summary:    "csrf protection disabled for the app or a form",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{352},
	Kinds:      settingKinds(),
	Run:        runCSRFDisabled,
	Doc: `## What it does
Flags Flask-WTF's ` + "`WTF_CSRF_ENABLED = False`" + ` and ` + "`WTF_CSRF_CHECK_DEFAULT = False`" + ` (in a
config module or class, ` + "`app.config[...]`" + `, ` + "`app.config.update(...)`" + ` or a config dict),
WTForms forms with ` + "`class Meta: csrf = False`" + ` or ` + "`meta={\"csrf\": False}`" + `, and a Django
` + "`MIDDLEWARE`" + ` list that has Django's session or common middleware but not
` + "`django.middleware.csrf.CsrfViewMiddleware`" + ` (medium confidence: another settings file may
add it). Test and development configurations are not reported: tests commonly turn CSRF
off.

## Why is this bad?
Without CSRF tokens any web site the victim visits can submit forms to the application
with the victim's session cookie: change the e-mail address or password, make purchases,
post content.

## Example
` + "```python" + `
class Config:
    WTF_CSRF_ENABLED = False
` + "```" + `

## Use instead
` + "```python" + `
class Config:
    WTF_CSRF_ENABLED = True  # the default


class TestConfig(Config):
    WTF_CSRF_ENABLED = False
` + "```" + `

## References
- [CWE-352: Cross-Site Request Forgery (CSRF)](https://cwe.mitre.org/data/definitions/352.html)
- [Flask-WTF: CSRF protection](https://flask-wtf.readthedocs.io/en/stable/csrf/)
- [WTForms: CSRF protection](https://wtforms.readthedocs.io/en/stable/csrf/)
- [Django: How to use CSRF protection](https://docs.djangoproject.com/en/stable/howto/csrf/)
`,
}

const djangoCSRFMiddleware = "django.middleware.csrf.CsrfViewMiddleware"

func runCSRFDisabled(p *analysis.Pass, n ast.Node) {
	if c, ok := n.(*ast.Call); ok {
		// MyForm(meta={"csrf": False})
		if k := ruleutil.Keyword(c, "meta"); k != nil {
			if d, ok := k.Value.(*ast.Dict); ok {
				if v := dictValue(p, d, "csrf"); v != nil && isFalseLiteral(p, v) && !ruleutil.InDevSettingsFile(p) {
					p.Report(k, ruleutil.CallLabel(p.Model, c)+` created with meta={"csrf": False} accepts forged submissions`)
				}
			}
		}
	}
	forEachSetting(p, n, isCSRFSetting, func(s setting) {
		switch s.name {
		case "WTF_CSRF_ENABLED", "WTF_CSRF_CHECK_DEFAULT":
			if s.form != formLocal && isFalseLiteral(p, s.value) && !devContext(p, s) {
				p.Report(s.at, s.name+" = False turns off Flask-WTF's CSRF protection")
			}
		case "csrf":
			if s.form == formClass && s.class == "Meta" && isFalseLiteral(p, s.value) && !ruleutil.InDevSettingsFile(p) {
				p.Report(s.at, "form Meta sets csrf = False: the form accepts forged submissions")
			}
		case "MIDDLEWARE", "MIDDLEWARE_CLASSES":
			if s.form == formModule && lacksCSRFMiddleware(p, s) && !devContext(p, s) {
				p.ReportDiagnostic(analysis.Diagnostic{
					Node:       s.at,
					Message:    s.name + " does not include " + djangoCSRFMiddleware + ": no view is protected against CSRF",
					Confidence: analysis.ConfidenceMedium,
				})
			}
		}
	})
}

func isCSRFSetting(name string) bool {
	switch name {
	case "WTF_CSRF_ENABLED", "WTF_CSRF_CHECK_DEFAULT", "csrf", "MIDDLEWARE", "MIDDLEWARE_CLASSES":
		return true
	}
	return false
}

// lacksCSRFMiddleware reports a Django middleware list, written out in full
// and never changed elsewhere in the module, without the CSRF middleware.
func lacksCSRFMiddleware(p *analysis.Pass, s setting) bool {
	var elts []ast.Expr
	switch v := s.value.(type) {
	case *ast.List:
		elts = v.Elts
	case *ast.Tuple:
		elts = v.Elts
	default:
		return false
	}
	if sym := p.Model.ModuleScope().Lookup(s.name); sym == nil || len(sym.Bindings) != 1 {
		return false
	}
	django := false
	for _, e := range elts {
		v, ok := p.Model.ConstString(e)
		if !ok {
			return false // *BASE_MIDDLEWARE and friends may hold it
		}
		switch v {
		case djangoCSRFMiddleware:
			return false
		case "django.contrib.sessions.middleware.SessionMiddleware", "django.middleware.common.CommonMiddleware",
			"django.contrib.auth.middleware.AuthenticationMiddleware":
			django = true
		}
	}
	return django
}
