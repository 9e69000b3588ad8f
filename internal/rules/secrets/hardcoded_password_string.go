package secrets

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// HardcodedPasswordString flags string literals stored under, or compared
// with, a name that means a credential.
var HardcodedPasswordString = &analysis.Rule{
	Code:       "KR301",
	Name:       "hardcoded-password-string",
	Summary:    "hard-coded password, token or key in a string literal",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{798, 259},
	Aliases:    []string{"B105", "S105"},
	Kinds:      []ast.Kind{ast.KindAssign, ast.KindAnnAssign, ast.KindCompare, ast.KindDict},
	Run:        runHardcodedPasswordString,
	Doc: `## What it does
Flags string literals assigned to a variable, attribute, subscript, class attribute or dict
key whose name means a credential (password, passwd, pwd, passphrase, secret, token,
api_key, access_key, private_key, client_secret, auth_token, credentials, in snake, camel
or upper case), literals compared with such a value (` + "`if password == \"...\"`" + `), and
environment lookups that fall back to a literal (` + "`os.environ.get(\"DB_PASSWORD\", \"...\")`" + `).
Names that are about a credential without being one (token_type, NextToken,
password_field_name, PASSWORD_MIN_LENGTH, API_KEY_HEADER, csrf_token) and values that are
placeholders ("", "<password>", "${TOKEN}", "{{ secret }}", "xxx", "your-api-key-here",
paths, URLs, environment variable names) are not reported. A weak default such as
"changeme" is reported: it is the password whenever nobody changes it. Framework signing
keys (SECRET_KEY) are reported by KR603.

## Why is this bad?
A credential in source code is readable by everyone who can read the repository, its
history, its packages and its container images, and it cannot be rotated without a
release. Attackers search public and leaked code for exactly these assignments.

## Example
` + "```python" + `
DB_PASSWORD = "s3cr3t-Passw0rd"
headers = {"X-API-Key": "sk_live_4eC39HqLyjWDarjtT1zdp7dc"}
if request.form["password"] == "letmein":
    login_admin()
` + "```" + `

## Use instead
` + "```python" + `
import os

DB_PASSWORD = os.environ["DB_PASSWORD"]
headers = {"X-API-Key": os.environ["SERVICE_API_KEY"]}
if check_password_hash(admin.password_hash, request.form["password"]):
    login_admin()
` + "```" + `

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
- [OWASP Secrets Management Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html)
- [Bandit B105: hardcoded_password_string](https://bandit.readthedocs.io/en/latest/plugins/b105_hardcoded_password_string.html)
`,
}

func runHardcodedPasswordString(p *analysis.Pass, n ast.Node) {
	switch x := n.(type) {
	case *ast.Assign:
		for _, t := range x.Targets {
			checkStoredSecret(p, t, x.Value)
		}
	case *ast.AnnAssign:
		if x.Value != nil {
			checkStoredSecret(p, x.Target, x.Value)
		}
	case *ast.Dict:
		for i, k := range x.Keys {
			if k == nil {
				continue
			}
			name, ok := p.Model.ConstString(k)
			if ok {
				reportSecretValue(p, name, x.Values[i], "stored under the key %q")
			}
		}
	case *ast.Compare:
		left := x.Left
		for i, op := range x.Ops {
			right := x.Comparators[i]
			if op == ast.Eq || op == ast.NotEq {
				checkComparedSecret(p, x, left, right)
				checkComparedSecret(p, x, right, left)
			}
			left = right
		}
	}
}

// checkStoredSecret handles one assignment target, pairing the elements of
// `user, password = "admin", "hunter2"`.
func checkStoredSecret(p *analysis.Pass, target, value ast.Expr) {
	if tt, ok := target.(*ast.Tuple); ok {
		var elts []ast.Expr
		switch v := value.(type) {
		case *ast.Tuple:
			elts = v.Elts
		case *ast.List:
			elts = v.Elts
		}
		if len(elts) == len(tt.Elts) {
			for i, t := range tt.Elts {
				checkStoredSecret(p, t, elts[i])
			}
		}
		return
	}
	name := ruleutil.SecretKeyName(p.Model, target)
	if name == "" {
		return
	}
	reportSecretValue(p, name, value, "assigned to %q")
}

// reportSecretValue reports value when name means a credential and value is
// a real literal or an environment lookup that falls back to one; where
// says how the value is stored, with %q for the name.
func reportSecretValue(p *analysis.Pass, name string, value ast.Expr, where string) {
	if ruleutil.SecretName(name) != ruleutil.CredentialName {
		return
	}
	fallback := false
	s, ok := ruleutil.SecretLiteral(p.Model, value)
	if !ok {
		d := ruleutil.EnvFallback(p.Model, value)
		if s, ok = ruleutil.SecretLiteral(p.Model, d); !ok {
			return
		}
		fallback = true
	}
	if ruleutil.IsPlaceholderSecret(s, name) {
		return
	}
	conf := testConfidence(p, 0)
	if fallback {
		conf = analysis.ConfidenceLow
	}
	msg := "hard-coded secret " + sprintfName(where, name) + ": " + ruleutil.Redact(s)
	if fallback {
		msg = "secret " + sprintfName(where, name) + " falls back to a hard-coded value when the environment variable is unset: " + ruleutil.Redact(s)
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: value, Message: msg, Confidence: conf})
}

// checkComparedSecret reports `secret == "literal"`: code that checks a
// credential against a constant has that credential built in.
func checkComparedSecret(p *analysis.Pass, cmp *ast.Compare, named, literal ast.Expr) {
	name := ruleutil.SecretKeyName(p.Model, named)
	if name == "" || ruleutil.SecretName(name) != ruleutil.CredentialName {
		return
	}
	// Only a literal: a named constant is reported where it is assigned.
	if _, isLit := literal.(*ast.Constant); !isLit {
		return
	}
	s, ok := ruleutil.SecretLiteral(p.Model, literal)
	if !ok || ruleutil.IsPlaceholderSecret(s, name) {
		return
	}
	p.ReportDiagnostic(analysis.Diagnostic{
		Node:       cmp,
		Message:    "secret " + quoteName(name) + " compared with a hard-coded string: " + ruleutil.Redact(s),
		Confidence: testConfidence(p, analysis.ConfidenceHigh),
	})
}
