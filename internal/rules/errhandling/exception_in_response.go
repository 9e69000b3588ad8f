package errhandling

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// ExceptionInResponse flags exception text and tracebacks sent back to the
// client in an HTTP response.
var ExceptionInResponse = &analysis.Rule{
	Code:       "KR506",
	Name:       "exception-in-response",
	Summary:    "exception text or traceback returned in an http response",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{209, 497},
	Kinds:      []ast.Kind{ast.KindExceptHandler},
	Run:        runExceptionInResponse,
	Doc: `## What it does
Inside an ` + "`except`" + ` block, flags the caught exception (` + "`e`, `str(e)`, `repr(e)`, `e.args`" + `,
an f-string or format that includes it) or a traceback (` + "`traceback.format_exc()`" + `,
` + "`traceback.format_exception(...)`, `sys.exc_info()`" + `) passed to something that answers the
client: Flask's jsonify, make_response, Response, abort, flash and render_template; Django's
HttpResponse family, JsonResponse, render and messages; Django REST framework's Response
and API exceptions; FastAPI's and Starlette's HTTPException and responses; aiohttp's
responses. It also flags such a value returned from a view function (a function with a
route decorator, or whose first parameter is the request) or from a method of a class-based
view. Tracebacks have high confidence, exception text medium.

## Why is this bad?
Exception messages and stack traces describe the inside of the application: file paths,
library versions, SQL statements and table names, host names, configuration values and
sometimes the data being processed. Attackers use them to map the application and to
refine injection payloads.

## Example
` + "```python" + `
@app.route("/orders/<int:order_id>")
def order(order_id):
    try:
        return jsonify(load_order(order_id))
    except Exception as e:
        return jsonify(error=str(e), trace=traceback.format_exc()), 500
` + "```" + `

## Use instead
` + "```python" + `
@app.route("/orders/<int:order_id>")
def order(order_id):
    try:
        return jsonify(load_order(order_id))
    except Exception:
        app.logger.exception("loading order %s failed", order_id)
        return jsonify(error="internal error"), 500
` + "```" + `

## References
- [CWE-209: Generation of Error Message Containing Sensitive Information](https://cwe.mitre.org/data/definitions/209.html)
- [CWE-497: Exposure of Sensitive System Information to an Unauthorized Control Sphere](https://cwe.mitre.org/data/definitions/497.html)
- [OWASP Error Handling Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Error_Handling_Cheat_Sheet.html)
`,
}

// maxLeakDepth bounds how deep a value is searched for exception data.
const maxLeakDepth = 10

func runExceptionInResponse(p *analysis.Pass, n ast.Node) {
	h := n.(*ast.ExceptHandler)
	for _, s := range h.Body {
		ast.Inspect(s, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
				return false // runs later, outside the handler
			case *ast.ExceptHandler:
				return false // a nested handler is checked on its own
			case *ast.Call:
				label, ok := responseCall(p, x)
				if !ok {
					return true
				}
				if l, found := leakInCall(p, h, x); found {
					reportLeak(p, x, l, l.what+" is sent to the client by "+label)
					return false
				}
			case *ast.Return:
				if x.Value == nil {
					return false
				}
				l, found := leakIn(p, h, x.Value, 0)
				if !found {
					return true
				}
				if fn := viewName(p, l.root); fn != "" {
					reportLeak(p, x, l, l.what+" is returned to the client from view "+fn)
					return false
				}
			}
			return true
		})
	}
}

func reportLeak(p *analysis.Pass, n ast.Node, l leak, msg string) {
	conf := analysis.ConfidenceMedium
	if l.traceback {
		conf = analysis.ConfidenceHigh
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: n, Message: msg, Confidence: conf})
}

// responseCall reports whether c builds an HTTP response, an HTTP error or
// a message shown to the user, and names it.
func responseCall(p *analysis.Pass, c *ast.Call) (string, bool) {
	switch ruleutil.CalleeTail(c) {
	case "jsonify", "make_response", "abort", "flash", "render_template", "render", "Response",
		"JsonResponse", "JSONResponse", "PlainTextResponse", "HTMLResponse", "ORJSONResponse",
		"UJSONResponse", "HTTPException", "json_response", "error", "warning", "info",
		"ValidationError", "APIException", "ParseError", "NotFound", "PermissionDenied":
	default:
		if t := ruleutil.CalleeTail(c); !strings.HasPrefix(t, "HttpResponse") && !strings.HasPrefix(t, "HTTP") {
			return "", false
		}
	}
	qn := p.Model.CalleeName(c)
	switch qn {
	case "flask.jsonify", "flask.make_response", "flask.Response", "flask.abort", "flask.flash",
		"flask.render_template", "flask.json.jsonify", "flask_restful.abort", "werkzeug.Response",
		"werkzeug.wrappers.Response", "django.shortcuts.render", "rest_framework.response.Response",
		"fastapi.HTTPException", "fastapi.exceptions.HTTPException", "fastapi.Response",
		"starlette.exceptions.HTTPException", "quart.jsonify", "quart.make_response", "quart.abort":
		return qn, true
	}
	for _, prefix := range [...]string{
		"django.http.", "django.contrib.messages.", "rest_framework.exceptions.",
		"fastapi.responses.", "starlette.responses.", "aiohttp.web.", "sanic.response.",
	} {
		if strings.HasPrefix(qn, prefix) {
			return qn, true
		}
	}
	return "", false
}
