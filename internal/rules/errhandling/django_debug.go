package errhandling

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// DjangoDebug flags DEBUG = True in Django settings and other settings
// modules.
var DjangoDebug = &analysis.Rule{
	Code:       "KR505",
	Name:       "django-debug-enabled",
	Summary:    "debug mode enabled in django or app settings",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{489, 215},
	Kinds:      []ast.Kind{ast.KindAssign, ast.KindAnnAssign},
	Run:        runDjangoDebug,
	Doc: `## What it does
Flags a module-level ` + "`DEBUG = True`" + ` in a settings module: a file that defines Django
settings (INSTALLED_APPS, MIDDLEWARE, ROOT_URLCONF, ALLOWED_HOSTS, ...) or whose path names
it a settings or configuration module (settings.py, settings/*.py, config.py). A DEBUG that
falls back to True when an environment variable is unset (` + "`os.environ.get(\"DEBUG\", True)`" + `,
` + "`env.bool(\"DEBUG\", default=True)`" + `, ` + "`os.getenv(\"DEBUG\", \"True\") == \"True\"`" + `) is reported
with low confidence. Development and test settings (settings/dev.py, local_settings.py,
test_settings.py, files under tests/) are still reported, with low confidence: they are
easily deployed by mistake, but usually they are not.

## Why is this bad?
With DEBUG on, Django answers every error with a page that shows the stack trace, local
variables, the settings, the installed apps and middleware and the SQL that ran, and a 404
lists every URL pattern. Django also keeps every SQL query in memory.

## Example
` + "```python" + `
# settings.py
DEBUG = True
ALLOWED_HOSTS = ["shop.example.com"]
` + "```" + `

## Use instead
` + "```python" + `
# settings.py
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["shop.example.com"]
` + "```" + `

## References
- [CWE-489: Active Debug Code](https://cwe.mitre.org/data/definitions/489.html)
- [CWE-215: Insertion of Sensitive Information Into Debugging Code](https://cwe.mitre.org/data/definitions/215.html)
- [Django settings: DEBUG](https://docs.djangoproject.com/en/stable/ref/settings/#debug)
- [Django deployment checklist](https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#debug)
`,
}

func runDjangoDebug(p *analysis.Pass, n ast.Node) {
	var targets []ast.Expr
	var value ast.Expr
	switch x := n.(type) {
	case *ast.Assign:
		targets, value = x.Targets, x.Value
	case *ast.AnnAssign:
		if x.Value == nil {
			return
		}
		targets, value = []ast.Expr{x.Target}, x.Value
	}
	isDebug := false
	for _, t := range targets {
		if n, ok := t.(*ast.Name); ok && n.ID == "DEBUG" && ruleutil.ModuleLevelName(p.Model, t) != "" {
			isDebug = true
		}
	}
	if !isDebug {
		return
	}
	conf := analysis.ConfidenceHigh
	switch {
	case ruleutil.IsTrue(p.Model, value):
	case debugDefaultsTrue(p, value):
		conf = analysis.ConfidenceLow
	default:
		return
	}
	django := ruleutil.DefinesDjangoSettings(p.Model)
	if !django && !ruleutil.InSettingsFile(p) {
		return
	}
	if !django && conf == analysis.ConfidenceHigh {
		conf = analysis.ConfidenceMedium
	}
	if ruleutil.InDevSettingsFile(p) {
		conf = analysis.ConfidenceLow
	}
	what := "a settings module"
	if django {
		what = "Django settings"
	}
	msg := "DEBUG = True in " + what + " shows tracebacks, settings and SQL to every visitor"
	if conf == analysis.ConfidenceLow && !ruleutil.IsTrue(p.Model, value) {
		msg = "DEBUG in " + what + " defaults to True when the environment does not set it"
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: n, Message: msg, Confidence: conf})
}

// debugDefaultsTrue reports an environment lookup whose fallback turns debug
// on: os.environ.get("DEBUG", True), env.bool("DEBUG", default=True), and
// os.getenv("DEBUG", "True") == "True".
func debugDefaultsTrue(p *analysis.Pass, e ast.Expr) bool {
	if d := ruleutil.EnvFallback(p.Model, e); d != nil {
		return ruleutil.IsTrue(p.Model, d) || truthyString(p, d)
	}
	c, ok := e.(*ast.Compare)
	if !ok || len(c.Ops) != 1 || c.Ops[0] != ast.Eq {
		return false
	}
	left, lower := c.Left, false
	if lc, ok := left.(*ast.Call); ok && ruleutil.CalleeTail(lc) == "lower" && len(lc.Args) == 0 {
		if a, ok := lc.Func.(*ast.Attribute); ok {
			left, lower = a.Value, true
		}
	}
	d := ruleutil.EnvFallback(p.Model, left)
	if d == nil {
		return false
	}
	ds, ok1 := p.Model.ConstString(d)
	want, ok2 := p.Model.ConstString(c.Comparators[0])
	if lower {
		ds = strings.ToLower(ds)
	}
	return ok1 && ok2 && ds == want
}
