package secrets

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
	"github.com/kraitsec/krait/internal/secrets/filter"
)

// HardcodedPasswordDefault flags credential parameters whose default value
// is a string literal: def connect(password="...").
var HardcodedPasswordDefault = &analysis.Rule{
	Code:       "KR303",
	Name:       "hardcoded-password-default",
	Summary:    "hard-coded password, token or key as a parameter default",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{798, 259},
	Aliases:    []string{"B107", "S107"},
	Kinds:      []ast.Kind{ast.KindFunctionDef, ast.KindAsyncFunctionDef, ast.KindLambda},
	Run:        runHardcodedPasswordDefault,
	Doc: `## What it does
Flags function, method and lambda parameters whose name means a credential (password,
token, api_key, secret, client_secret, ...) and whose default value is a string literal.
Defaults of None, the empty string, placeholders and the other values KR301 does not
report are not reported, nor is a credential-named constant as the default, which KR301
reports where it is assigned. Confidence follows the value, as for KR301.

## Why is this bad?
Every caller that omits the argument uses the built-in credential, so it ends up in
production, and it is readable by anyone with the source.

## Example
` + "```python" + `
def connect(host, user="app", password="s3cr3t-Passw0rd"):
    ...
` + "```" + `

## Use instead
` + "```python" + `
def connect(host, user="app", password=None):
    password = password or os.environ["DB_PASSWORD"]
    ...
` + "```" + `

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
- [Bandit B107: hardcoded_password_default](https://bandit.readthedocs.io/en/latest/plugins/b107_hardcoded_password_default.html)
`,
}

func runHardcodedPasswordDefault(p *analysis.Pass, n ast.Node) {
	var args *ast.Arguments
	name := "lambda"
	switch x := n.(type) {
	case *ast.FunctionDef:
		args, name = x.Args, x.Name
	case *ast.AsyncFunctionDef:
		args, name = x.Args, x.Name
	case *ast.Lambda:
		args = x.Args
	}
	if args == nil {
		return
	}
	// Defaults belong to the last positional parameters.
	npos := len(args.Posonlyargs) + len(args.Args)
	for i, d := range args.Defaults {
		k := npos - len(args.Defaults) + i
		var a *ast.Arg
		if k < len(args.Posonlyargs) {
			a = args.Posonlyargs[k]
		} else if k-len(args.Posonlyargs) < len(args.Args) && k >= 0 {
			a = args.Args[k-len(args.Posonlyargs)]
		}
		checkDefault(p, name, a, d)
	}
	for i, a := range args.Kwonlyargs {
		if i < len(args.KwDefaults) && args.KwDefaults[i] != nil {
			checkDefault(p, name, a, args.KwDefaults[i])
		}
	}
}

func checkDefault(p *analysis.Pass, fn string, a *ast.Arg, d ast.Expr) {
	if a == nil || filter.Name(a.Arg) != filter.Credential {
		return
	}
	lit := unwrapSecret(p, d)
	if namedSecret(p, lit) {
		return
	}
	s, ok := ruleutil.SecretLiteral(p.Model, lit)
	if !ok {
		return
	}
	conf, ok := judgeSecret(p, a.Arg, s)
	if !ok {
		return
	}
	msg := "parameter " + quoteName(a.Arg) + " of " + fn + " defaults to a hard-coded secret: " + shown(s)
	p.ReportDiagnostic(analysis.Diagnostic{Node: d, Message: msg, Confidence: conf, Secret: secretText(p, lit, s, msg)})
}
