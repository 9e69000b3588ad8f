package untrusted

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// Jinja2Autoescape flags Jinja2 environments and templates that do not
// escape HTML.
var Jinja2Autoescape = &analysis.Rule{
	Code:       "KR150",
	Name:       "jinja2-autoescape-false",
	Summary:    "jinja2 environment or template without HTML autoescaping",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{79, 116},
	Aliases:    []string{"B701", "S701"},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindAssign},
	Callees:    []string{"Environment", "SandboxedEnvironment", "Template"},
	Run:        runJinja2Autoescape,
	Doc: `## What it does
Flags ` + "`jinja2.Environment(...)`" + ` (and ` + "`SandboxedEnvironment`" + `) created without
` + "`autoescape`" + ` (medium confidence) or with ` + "`autoescape=False`" + ` (high confidence), Flask's
` + "`app.jinja_env.autoescape = False`" + `, and ` + "`jinja2.Template(source)`" + ` with
` + "`autoescape=False`" + `, or without ` + "`autoescape`" + ` when the constant source is HTML (low
confidence). ` + "`autoescape=True`" + `, ` + "`select_autoescape(...)`" + ` and a callable are accepted.

## Why is this bad?
Jinja2's ` + "`autoescape`" + ` defaults to ` + "`False`" + `: every ` + "`{{ value }}`" + ` is inserted into the
page as is, so a value containing ` + "`<script>`" + ` runs in the reader's browser (cross-site
scripting). Flask turns autoescaping on for ` + "`.html`" + ` templates it loads, but not for an
environment you create yourself.

## Example
` + "```python" + `
from jinja2 import Environment, FileSystemLoader

env = Environment(loader=FileSystemLoader("templates"))
` + "```" + `

## Use instead
` + "```python" + `
from jinja2 import Environment, FileSystemLoader, select_autoescape

env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
` + "```" + `

## References
- [Jinja2 API: autoescaping](https://jinja.palletsprojects.com/en/stable/api/#autoescaping)
- [Flask: Jinja setup](https://flask.palletsprojects.com/en/stable/templating/#jinja-setup)
- [OWASP XSS Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
- [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
`,
}

func runJinja2Autoescape(p *analysis.Pass, n ast.Node) {
	if a, ok := n.(*ast.Assign); ok {
		jinja2AutoescapeAssign(p, a)
		return
	}
	c := n.(*ast.Call)
	m := p.Model
	var qn string
	switch calleeTail(m, c) {
	case "Environment", "SandboxedEnvironment":
		qn = matchCallee(m, c, "jinja2.Environment", "jinja2.environment.Environment", "jinja2.sandbox.SandboxedEnvironment")
	case "Template":
		qn = matchCallee(m, c, "jinja2.Template", "jinja2.environment.Template")
	}
	if qn == "" {
		return
	}
	k := ruleutil.Keyword(c, "autoescape")
	switch {
	case k != nil && ruleutil.IsFalse(m, k.Value):
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: analysis.ConfidenceHigh,
			Message: qn + " created with autoescape=False: values rendered into HTML are not escaped (XSS)"})
	case k != nil || ruleutil.HasDoubleStar(c):
	case strings.HasSuffix(qn, "Template"):
		src, ok := m.ConstString(valueOf(m, ruleutil.Arg(c, 0, "source")))
		if ok && strings.Contains(src, "<") && strings.Contains(src, "{{") {
			p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: analysis.ConfidenceLow,
				Message: qn + " renders an HTML template without autoescape: Jinja2 does not escape values by default (XSS)"})
		}
	default:
		p.Report(c, qn+" created without autoescape, which defaults to False: values rendered into HTML are not escaped (XSS); use select_autoescape()")
	}
}

// jinja2AutoescapeAssign flags `app.jinja_env.autoescape = False`.
func jinja2AutoescapeAssign(p *analysis.Pass, a *ast.Assign) {
	for _, t := range a.Targets {
		at, ok := t.(*ast.Attribute)
		if !ok || at.Attr != "autoescape" || !ruleutil.IsFalse(p.Model, a.Value) {
			continue
		}
		env := valueOf(p.Model, at.Value)
		if e, ok := env.(*ast.Attribute); ok && e.Attr == "jinja_env" || ruleutil.ConstructedBy(p.Model, env) == "jinja2.Environment" {
			p.ReportDiagnostic(analysis.Diagnostic{Node: a, Confidence: analysis.ConfidenceHigh,
				Message: "Jinja2 autoescaping turned off: values rendered into HTML are not escaped (XSS)"})
		}
	}
}
