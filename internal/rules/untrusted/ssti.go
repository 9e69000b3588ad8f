package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// TemplateInjection flags templates compiled from a source that is not constant.
var TemplateInjection = &analysis.Rule{
	Code:       "KR154",
	Name:       "server-side-template-injection",
	Summary:    "template compiled from a source built from data (SSTI)",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{1336, 94},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"render_template_string", "Template", "from_string"},
	Run:        runTemplateInjection,
	Doc: `## What it does
Flags template engines handed a template source that is not a constant:
` + "`flask.render_template_string`" + `, ` + "`jinja2.Template`" + `, ` + "`Environment.from_string`" + `
(on a ` + "`jinja2.Environment`" + ` or Flask's ` + "`app.jinja_env`" + `), ` + "`mako.template.Template`" + `,
` + "`tornado.template.Template`" + `, ` + "`django.template.Template`" + ` and
` + "`django.template.engines[...].from_string`" + `. A source built with an f-string, ` + "`%`" + `,
` + "`.format`" + ` or ` + "`+`" + ` from data, or read from the request, is reported with high
confidence; another non-constant source with lower confidence. A
` + "`SandboxedEnvironment`" + ` is not flagged. Django templates cannot call arbitrary code,
so their findings have medium severity.

## Why is this bad?
Template syntax is code. When user input becomes part of the template itself rather
than a value passed to it, the user writes template code: in Jinja2
` + "`{{ cycler.__init__.__globals__.os.popen('id').read() }}`" + ` runs a shell command, Mako and
Tornado templates embed Python directly, and Django templates can read settings and
context objects.

## Example
` + "```python" + `
from flask import render_template_string, request

@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    return render_template_string(f"<h1>Hello {name}</h1>")
` + "```" + `

## Use instead
Keep the template constant and pass data as context:

` + "```python" + `
@app.route("/hello")
def hello():
    return render_template_string("<h1>Hello {{ name }}</h1>", name=request.args.get("name", ""))
` + "```" + `

## References
- [Flask: render_template_string](https://flask.palletsprojects.com/en/stable/api/#flask.render_template_string)
- [Jinja2: sandbox](https://jinja.palletsprojects.com/en/stable/sandbox/)
- [PortSwigger: server-side template injection](https://portswigger.net/web-security/server-side-template-injection)
- [CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine](https://cwe.mitre.org/data/definitions/1336.html)
`,
}

// templateSink describes a call that compiles a template source.
type templateSink struct {
	name   string // resolved name, for messages
	source ast.Expr
	weak   bool // Django: no arbitrary code, lower severity
	known  bool // the callee surely compiles a template from its argument
}

func runTemplateInjection(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	s, ok := templateSinkOf(p.Model, c)
	if !ok || s.source == nil {
		return
	}
	o := originOf(p.Model, s.source)
	if o == fixed || o == unknown && isFileRead(p.Model, s.source) {
		return
	}
	d := analysis.Diagnostic{Node: c}
	switch o {
	case fromRequest, built:
		d.Message = s.name + " compiles a template from " + o.describe() + ": template syntax in the data runs on the server (SSTI)"
	default:
		if !s.known {
			return
		}
		d.Confidence = analysis.ConfidenceLow
		d.Message = s.name + " compiles a template whose source is not constant: if users can influence it, they can run code on the server (SSTI)"
	}
	if s.weak {
		d.Severity = analysis.SeverityMedium
	}
	p.ReportDiagnostic(d)
}

func templateSinkOf(m *semantic.Model, c *ast.Call) (templateSink, bool) {
	switch calleeTail(m, c) {
	case "render_template_string":
		if qn := matchCallee(m, c, "flask.render_template_string", "flask.templating.render_template_string",
			"quart.render_template_string"); qn != "" {
			return templateSink{name: qn, source: ruleutil.Arg(c, 0, "source"), known: true}, true
		}
	case "Template":
		if qn := matchCallee(m, c, "jinja2.Template", "jinja2.environment.Template", "tornado.template.Template"); qn != "" {
			return templateSink{name: qn, source: ruleutil.Arg(c, 0, "source"), known: true}, true
		}
		if qn := matchCallee(m, c, "mako.template.Template"); qn != "" {
			return templateSink{name: qn, source: ruleutil.Arg(c, 0, "text"), known: true}, true
		}
		if qn := matchCallee(m, c, "django.template.Template", "django.template.base.Template"); qn != "" {
			return templateSink{name: qn, source: ruleutil.Arg(c, 0, "template_string"), weak: true, known: true}, true
		}
	case "from_string":
		a, ok := c.Func.(*ast.Attribute)
		if !ok {
			return templateSink{}, false
		}
		s := templateSink{name: "from_string", source: ruleutil.Arg(c, 0, "source")}
		recv := valueOf(m, a.Value)
		switch r := recv.(type) {
		case *ast.Call:
			switch qn := m.CalleeName(r); qn {
			case "jinja2.Environment", "jinja2.environment.Environment", "jinja2.nativetypes.NativeEnvironment":
				s.name, s.known = qn+"().from_string", true
			case "jinja2.sandbox.SandboxedEnvironment", "jinja2.sandbox.ImmutableSandboxedEnvironment":
				return templateSink{}, false
			}
		case *ast.Attribute:
			if r.Attr == "jinja_env" {
				s.name, s.known = "jinja_env.from_string", true
			}
		case *ast.Subscript:
			if m.QualifiedNameIs(r.Value, "django.template.engines") {
				s.name, s.known, s.weak = "django.template.engines[...].from_string", true, true
			}
		}
		return s, true
	}
	return templateSink{}, false
}

// isFileRead reports whether e is `<file>.read()` or `Path(...).read_text()`:
// a template loaded from disk, which is how templates normally arrive.
func isFileRead(m *semantic.Model, e ast.Expr) bool {
	c, ok := valueOf(m, e).(*ast.Call)
	if !ok {
		return false
	}
	switch ruleutil.MethodName(c) {
	case "read", "read_text":
		return true
	}
	return false
}
