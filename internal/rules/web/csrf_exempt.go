package web

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// CSRFExempt flags views exempted from CSRF protection.
var CSRFExempt = &analysis.Rule{
	Code:       "KR607",
	Name:       "csrf-exempt-view",
	Summary:    "view exempted from csrf protection",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{352},
	Kinds:      []ast.Kind{ast.KindFunctionDef, ast.KindAsyncFunctionDef, ast.KindClassDef, ast.KindCall},
	Callees:    []string{"csrf_exempt", "method_decorator", "exempt"},
	Run:        runCSRFExempt,
	Doc: `## What it does
Flags Django's ` + "`@csrf_exempt`" + ` on a view function, ` + "`csrf_exempt(View.as_view())`" + ` in a URL
configuration, ` + "`@method_decorator(csrf_exempt, ...)`" + ` on a class-based view, and Flask-WTF's
` + "`@csrf.exempt`" + ` and ` + "`csrf.exempt(blueprint)`" + `. Views whose name says they receive
webhooks get low confidence: they are usually authenticated by a signature instead.

## Why is this bad?
CSRF protection is what stops another web site from making the victim's browser submit a
form or call an endpoint with the victim's cookies. An exempt view that changes state
(a password change, a transfer, a post) can be triggered by any page the victim opens.

## Example
` + "```python" + `
@csrf_exempt
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
` + "```" + `

## Use instead
` + "```python" + `
def change_email(request):  # CsrfViewMiddleware checks the token
    request.user.email = request.POST["email"]
    request.user.save()
` + "```" + `
For machine-to-machine endpoints, authenticate each request (a webhook signature, a token
in a header) before exempting it.

## References
- [CWE-352: Cross-Site Request Forgery (CSRF)](https://cwe.mitre.org/data/definitions/352.html)
- [Django: Cross Site Request Forgery protection](https://docs.djangoproject.com/en/stable/ref/csrf/)
- [Flask-WTF: CSRF protection, exclude views](https://flask-wtf.readthedocs.io/en/stable/csrf/#exclude-views-from-protection)
`,
}

const djangoCSRFExempt = "django.views.decorators.csrf.csrf_exempt"

func runCSRFExempt(p *analysis.Pass, n ast.Node) {
	var name string
	var decorators []ast.Expr
	switch x := n.(type) {
	case *ast.FunctionDef:
		name, decorators = x.Name, x.DecoratorList
	case *ast.AsyncFunctionDef:
		name, decorators = x.Name, x.DecoratorList
	case *ast.ClassDef:
		name, decorators = x.Name, x.DecoratorList
	case *ast.Call:
		csrfExemptCall(p, x)
		return
	}
	for _, d := range decorators {
		switch {
		case p.Model.QualifiedNameIs(d, djangoCSRFExempt):
			reportExempt(p, d, name, "view "+name+" is exempt from CSRF protection (@csrf_exempt)")
		case isFlaskWTFExempt(p, d):
			reportExempt(p, d, name, "view "+name+" is exempt from CSRF protection (@"+ruleutil.DottedText(d)+")")
		}
	}
}

// csrfExemptCall handles the call forms: csrf_exempt(view) in urls.py,
// method_decorator(csrf_exempt, ...) and csrf.exempt(blueprint).
func csrfExemptCall(p *analysis.Pass, c *ast.Call) {
	switch ruleutil.ResolvedTail(p.Model, c) {
	case "csrf_exempt":
		if p.Model.QualifiedNameIs(c.Func, djangoCSRFExempt) && len(c.Args) > 0 {
			target := viewLabel(c.Args[0])
			reportExempt(p, c, target, target+" is exempt from CSRF protection (csrf_exempt)")
		}
	case "method_decorator":
		if len(c.Args) > 0 && p.Model.QualifiedNameIs(c.Func, "django.utils.decorators.method_decorator") &&
			p.Model.QualifiedNameIs(c.Args[0], djangoCSRFExempt) {
			reportExempt(p, c, "", "class-based view is exempt from CSRF protection (method_decorator(csrf_exempt))")
		}
	case "exempt":
		if a, ok := c.Func.(*ast.Attribute); ok && len(c.Args) > 0 && isFlaskWTFExempt(p, a) {
			target := viewLabel(c.Args[0])
			reportExempt(p, c, target, target+" is exempt from CSRF protection ("+ruleutil.DottedText(a)+")")
		}
	}
}

// isFlaskWTFExempt reports `csrf.exempt` on a Flask-WTF CSRFProtect.
func isFlaskWTFExempt(p *analysis.Pass, d ast.Expr) bool {
	a, ok := d.(*ast.Attribute)
	if !ok || a.Attr != "exempt" {
		return false
	}
	switch ruleutil.ConstructedBy(p.Model, a.Value) {
	case "flask_wtf.csrf.CSRFProtect", "flask_wtf.CSRFProtect", "flask_wtf.csrf.CsrfProtect", "flask_wtf.CsrfProtect":
		return true
	}
	return strings.Contains(strings.ToLower(ruleutil.ExprTail(a.Value)), "csrf") && ruleutil.ImportsModule(p.Model, "flask_wtf")
}

// viewLabel names what a call exempts: "view webhook" or "the view".
func viewLabel(e ast.Expr) string {
	if c, ok := e.(*ast.Call); ok {
		e = c.Func // MyView.as_view()
		if a, ok := e.(*ast.Attribute); ok && a.Attr == "as_view" {
			e = a.Value
		}
	}
	if s := ruleutil.DottedText(e); s != "" {
		return "view " + s
	}
	return "the view"
}

func reportExempt(p *analysis.Pass, n ast.Node, view, msg string) {
	d := analysis.Diagnostic{Node: n, Message: msg}
	if l := strings.ToLower(view); strings.Contains(l, "webhook") || strings.Contains(l, "callback") || strings.Contains(l, "hook") {
		d.Confidence = analysis.ConfidenceLow
	}
	p.ReportDiagnostic(d)
}
