package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// DjangoMarkSafe flags Django's mark_safe and SafeString on values that are
// not constant or escaped, and format_html on a string formatted beforehand.
var DjangoMarkSafe = &analysis.Rule{
	Code:       "KR152",
	Name:       "django-mark-safe",
	Summary:    "mark_safe on a value that is not escaped",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{79},
	Aliases:    []string{"B308", "B703", "S308"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"mark_safe", "SafeString", "SafeText", "SafeUnicode", "SafeBytes", "format_html"},
	Run:        runDjangoMarkSafe,
	Doc: `## What it does
Flags ` + "`django.utils.safestring.mark_safe`" + `, ` + "`SafeString`" + ` and ` + "`SafeText`" + ` applied to a
string built with an f-string, ` + "`%`" + `, ` + "`.format`" + `, ` + "`+`" + ` or ` + "`join`" + ` from a part that no
escaper (` + "`escape`" + `, ` + "`conditional_escape`" + `, ` + "`format_html`" + `, ` + "`bleach.clean`" + `, ` + "`int`" + `, ...)
produced (high confidence), or to request data; any other non-constant value is
reported with low confidence. Constants and escaped values are fine. It also flags
` + "`format_html`" + ` given a string that was formatted beforehand, which escapes nothing.

## Why is this bad?
Marking a string safe tells Django's templates not to escape it. If any part of it
came from a user, markup in that part reaches the page as is: cross-site scripting.

## Example
` + "```python" + `
from django.utils.safestring import mark_safe

def greeting(request):
    return mark_safe(f"<b>Hello {request.GET['name']}</b>")
` + "```" + `

## Use instead
` + "```python" + `
from django.utils.html import format_html

def greeting(request):
    return format_html("<b>Hello {}</b>", request.GET["name"])
` + "```" + `

## References
- [Django: mark_safe](https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.safestring.mark_safe)
- [Django: format_html](https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.html.format_html)
- [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
`,
}

func runDjangoMarkSafe(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	m := p.Model
	switch calleeTail(m, c) {
	case "mark_safe", "SafeString", "SafeText", "SafeUnicode", "SafeBytes":
		qn := matchCallee(m, c, "django.utils.safestring.mark_safe", "django.utils.html.mark_safe",
			"django.utils.safestring.SafeString", "django.utils.safestring.SafeText",
			"django.utils.safestring.SafeUnicode", "django.utils.safestring.SafeBytes")
		if qn != "" {
			reportMarkedSafe(p, c, qn, ruleutil.Arg(c, 0, "s"))
		}
	case "format_html":
		if matchCallee(m, c, "django.utils.html.format_html") == "" || len(c.Args) == 0 {
			return
		}
		v := valueOf(m, c.Args[0])
		if ruleutil.IsDynamicString(m, v) && hasUnescapedPart(m, v, 0) {
			p.Report(c, "django.utils.html.format_html called with a string formatted beforehand: only format_html's own arguments are escaped (XSS)")
		}
	}
}

// reportMarkedSafe reports a value marked as safe HTML by qn unless it is
// constant or escaped.
func reportMarkedSafe(p *analysis.Pass, c *ast.Call, qn string, arg ast.Expr) {
	if arg == nil {
		return
	}
	switch htmlOrigin(p.Model, arg) {
	case built:
		p.Report(c, qn+" on a string built from a value that is not escaped: markup in it reaches the page (XSS)")
	case fromRequest:
		p.Report(c, qn+" on request data that is not escaped: markup in it reaches the page (XSS)")
	case unknown:
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: analysis.ConfidenceLow,
			Message: qn + " on a value krait cannot prove is escaped: markup in it would reach the page (XSS)"})
	}
}
