package web

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// HardcodedSecretKey flags a web framework's signing key written in the
// source: Django's SECRET_KEY, Flask's secret_key, Starlette's session key.
var HardcodedSecretKey = &analysis.Rule{
	Code:       "KR603",
	Name:       "hardcoded-secret-key",
	Summary:    "web framework secret key hard-coded in the source",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{798, 321},
	Aliases:    []string{"B105", "S105"},
	Kinds:      settingKinds(),
	Run:        runHardcodedSecretKey,
	Doc: `## What it does
Flags a string literal used as the signing key of a web framework: Django's
` + "`SECRET_KEY = \"...\"`" + `, Flask's ` + "`app.secret_key = \"...\"`" + `, ` + "`app.config[\"SECRET_KEY\"]`" + `,
` + "`app.config.update(SECRET_KEY=...)`" + `, a ` + "`SECRET_KEY`" + ` in a config class or dict,
Flask-JWT-Extended's ` + "`JWT_SECRET_KEY`" + `, and Starlette's or FastAPI's
` + "`SessionMiddleware(secret_key=...)`" + `. A key read from the environment with a literal fallback
(` + "`os.environ.get(\"SECRET_KEY\", \"dev\")`" + `) has medium confidence; placeholders are skipped and
test code gets low confidence.

## Why is this bad?
The secret key signs sessions, password-reset tokens, CSRF tokens and signed cookies.
Anyone who knows it can forge a session for any user (often an administrator), and with
some session serializers run code on the server. A key in the source is known to everyone
who can read the repository or the built image, and is often the framework's sample key.

## Example
` + "```python" + `
SECRET_KEY = "django-insecure-7c$v!x@0h3l2q^5m9"
app.secret_key = "dev"
` + "```" + `

## Use instead
` + "```python" + `
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
app.secret_key = os.environ["FLASK_SECRET_KEY"]
` + "```" + `

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-321: Use of Hard-coded Cryptographic Key](https://cwe.mitre.org/data/definitions/321.html)
- [Django settings: SECRET_KEY](https://docs.djangoproject.com/en/stable/ref/settings/#secret-key)
- [Flask configuration: SECRET_KEY](https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY)
`,
}

func runHardcodedSecretKey(p *analysis.Pass, n ast.Node) {
	forEachSetting(p, n, isSigningKey, func(s setting) {
		conf := analysis.ConfidenceHigh
		msg := "secret key " + quote(s.name) + " is hard-coded: "
		v, ok := ruleutil.SecretLiteral(p.Model, s.value)
		if !ok {
			if v, ok = ruleutil.SecretLiteral(p.Model, ruleutil.EnvFallback(p.Model, s.value)); !ok {
				return
			}
			conf = analysis.ConfidenceMedium
			msg = "secret key " + quote(s.name) + " falls back to a hard-coded value when the environment does not set it: "
		}
		if ruleutil.IsPlaceholderSecret(v, s.name) {
			return
		}
		if ruleutil.InTestFile(p) {
			conf = analysis.ConfidenceLow
		}
		p.ReportDiagnostic(analysis.Diagnostic{Node: s.at, Message: msg + ruleutil.Redact(v), Confidence: conf, Secret: v})
	})
}

func isSigningKey(name string) bool { return ruleutil.SecretName(name) == ruleutil.SigningKeyName }
