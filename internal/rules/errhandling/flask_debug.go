package errhandling

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// FlaskDebug flags Flask and Werkzeug applications run with the
// interactive debugger enabled.
var FlaskDebug = &analysis.Rule{
	Code:       "KR504",
	Name:       "flask-debug-mode",
	Summary:    "flask or werkzeug app run with the debugger enabled",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{94, 489},
	Aliases:    []string{"B201", "S201"},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindAssign},
	Callees:    []string{"run", "run_simple", "DebuggedApplication", "update", "from_mapping"},
	Run:        runFlaskDebug,
	Doc: `## What it does
Flags a Flask (or Quart, or Flask-SocketIO) application started with ` + "`app.run(debug=True)`" + `
or ` + "`use_debugger=True`" + `, debug mode switched on with ` + "`app.debug = True`" + `,
` + "`app.config[\"DEBUG\"] = True`" + `, ` + "`app.config.update(DEBUG=True)`" + ` or
` + "`os.environ[\"FLASK_DEBUG\"] = \"1\"`" + `, Werkzeug's ` + "`run_simple(..., use_debugger=True)`" + `,
and ` + "`DebuggedApplication(app, evalex=True)`" + `. When the receiver is not known to be a Flask
app but the file imports flask and calls it ` + "`app`" + `, the finding has medium confidence.

## Why is this bad?
The Werkzeug debugger serves an interactive Python console in the browser on every error
page. Whoever reaches it can run arbitrary code on the server; the PIN that guards it can
be derived from information the app often leaks, and is printed to the console.

## Example
` + "```python" + `
app = Flask(__name__)

if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)
` + "```" + `

## Use instead
` + "```python" + `
app = Flask(__name__)

if __name__ == "__main__":
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
` + "```" + `
Deploy with a production WSGI server (gunicorn, uWSGI, waitress) rather than ` + "`app.run`" + `.

## References
- [CWE-94: Improper Control of Generation of Code ('Code Injection')](https://cwe.mitre.org/data/definitions/94.html)
- [CWE-489: Active Debug Code](https://cwe.mitre.org/data/definitions/489.html)
- [Flask: Debug Mode](https://flask.palletsprojects.com/en/stable/quickstart/#debug-mode)
- [Werkzeug: Debugging Applications](https://werkzeug.palletsprojects.com/en/stable/debug/)
- [Bandit B201: flask_debug_true](https://bandit.readthedocs.io/en/latest/plugins/b201_flask_debug_true.html)
`,
}

func runFlaskDebug(p *analysis.Pass, n ast.Node) {
	switch x := n.(type) {
	case *ast.Call:
		flaskDebugCall(p, x)
	case *ast.Assign:
		if !debugTargets(x.Targets) || !ruleutil.IsTrue(p.Model, x.Value) && !truthyString(p, x.Value) {
			return
		}
		for _, t := range x.Targets {
			flaskDebugTarget(p, t, x.Value)
		}
	}
}

func flaskDebugCall(p *analysis.Pass, c *ast.Call) {
	m := p.Model
	switch ruleutil.CalleeTail(c) {
	case "run":
		a, ok := c.Func.(*ast.Attribute)
		if !ok || !(ruleutil.KeywordIsTrue(m, c, "debug") || ruleutil.KeywordIsTrue(m, c, "use_debugger")) {
			return
		}
		isApp, certain := ruleutil.FlaskApp(m, a.Value)
		if !isApp {
			switch ruleutil.ConstructedBy(m, a.Value) {
			case "flask_socketio.SocketIO":
				isApp, certain = true, true
			default:
				// As Bandit does: any x.run(debug=True) in a Flask module.
				isApp = ruleutil.ImportsModule(m, "flask")
			}
		}
		if !isApp {
			return
		}
		conf := analysis.ConfidenceHigh
		if !certain {
			conf = analysis.ConfidenceMedium
		}
		p.ReportDiagnostic(analysis.Diagnostic{
			Node:       c,
			Message:    ruleutil.CallLabel(m, c) + " runs the app with the Werkzeug debugger enabled, which executes code sent from the browser",
			Confidence: conf,
		})
	case "run_simple":
		if m.QualifiedNameIs(c.Func, "werkzeug.serving.run_simple") || m.QualifiedNameIs(c.Func, "werkzeug.run_simple") {
			if ruleutil.KeywordIsTrue(m, c, "use_debugger") || ruleutil.IsTrue(m, ruleutil.Arg(c, 5, "")) {
				p.Report(c, "werkzeug.serving.run_simple called with use_debugger=True serves the interactive debugger")
			}
		}
	case "DebuggedApplication":
		if m.QualifiedNameIs(c.Func, "werkzeug.debug.DebuggedApplication") && ruleutil.KeywordIsTrue(m, c, "evalex") {
			p.Report(c, "werkzeug.debug.DebuggedApplication with evalex=True serves an interactive Python console")
		}
	case "update", "from_mapping":
		// app.config.update(DEBUG=True)
		a, ok := c.Func.(*ast.Attribute)
		if !ok || !ruleutil.KeywordIsTrue(m, c, "DEBUG") {
			return
		}
		if cfg, ok := a.Value.(*ast.Attribute); ok && cfg.Attr == "config" {
			reportFlaskConfig(p, c, cfg.Value, "app.config."+a.Attr+"(DEBUG=True) turns on Flask debug mode and the Werkzeug debugger")
		}
	}
}

// debugTargets is flaskDebugTarget's cheap first test, which most
// assignments fail: a target sets an attribute named debug or an item.
func debugTargets(targets []ast.Expr) bool {
	for _, t := range targets {
		switch x := t.(type) {
		case *ast.Attribute:
			if x.Attr == "debug" {
				return true
			}
		case *ast.Subscript:
			return true
		}
	}
	return false
}

func flaskDebugTarget(p *analysis.Pass, t, value ast.Expr) {
	switch x := t.(type) {
	case *ast.Attribute:
		// app.debug = True
		if x.Attr == "debug" && ruleutil.IsTrue(p.Model, value) {
			reportFlaskConfig(p, t, x.Value, "app.debug = True turns on Flask debug mode and the Werkzeug debugger")
		}
	case *ast.Subscript:
		key, ok := p.Model.ConstString(x.Slice)
		if !ok {
			return
		}
		switch key {
		case "DEBUG":
			// app.config["DEBUG"] = True
			if cfg, ok := x.Value.(*ast.Attribute); ok && cfg.Attr == "config" && ruleutil.IsTrue(p.Model, value) {
				reportFlaskConfig(p, t, cfg.Value, `app.config["DEBUG"] = True turns on Flask debug mode and the Werkzeug debugger`)
			}
		case "FLASK_DEBUG":
			if p.Model.QualifiedNameIs(x.Value, "os.environ") {
				p.Report(t, `os.environ["FLASK_DEBUG"] set to a true value turns on Flask debug mode and the Werkzeug debugger`)
			}
		}
	}
}

// reportFlaskConfig reports n when app is a Flask app, with medium
// confidence when that is only likely.
func reportFlaskConfig(p *analysis.Pass, n ast.Node, app ast.Expr, msg string) {
	isApp, certain := ruleutil.FlaskApp(p.Model, app)
	if !isApp {
		return
	}
	conf := analysis.ConfidenceHigh
	if !certain {
		conf = analysis.ConfidenceMedium
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: n, Message: msg, Confidence: conf})
}

// truthyString reports a string that FLASK_DEBUG-style variables read as
// true: "1", "true", "yes", "on".
func truthyString(p *analysis.Pass, e ast.Expr) bool {
	s, ok := p.Model.ConstString(e)
	if !ok {
		return false
	}
	switch s {
	case "1", "true", "True", "TRUE", "yes", "on":
		return true
	}
	return false
}
