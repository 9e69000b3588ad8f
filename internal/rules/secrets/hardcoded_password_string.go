package secrets

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
	"github.com/kraitsec/krait/internal/secrets/filter"
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
or upper case), literals wrapped in ` + "`SecretStr(\"...\")`" + `, pydantic's ` + "`Field(\"...\")`" + `,
` + "`\"...\".encode()`" + ` or ` + "`base64.b64decode(\"...\")`" + `, the password of a (user, password) pair,
literal connection strings with a password in them (` + "`DSN = \"host=db password=...\"`" + `),
literals compared with such a value (` + "`if password == \"...\"`" + `, one step less certain), and
environment lookups that fall back to a literal (` + "`os.environ.get(\"DB_PASSWORD\", \"...\")`" + `,
` + "`os.getenv(\"TOKEN\") or \"...\"`" + `, low confidence). Names that are about a credential
without being one (token_type, NextToken, password_field_name, PASSWORD_MIN_LENGTH,
API_KEY_HEADER, csrf_token) are not reported, nor are values that are not secrets:
placeholders ("changeme", "xxxx", "your-api-key-here", "<password>", "dummy", "testpass"),
templates ("{{ secret }}", "%(password)s"), environment references ("${TOKEN}", "$TOKEN"),
repeated or sequential characters ("aaaaaaaa", "12345678", "qwerty"), UUIDs, hashes and
password hashes, paths, URLs, versions, code ("settings.DB_PASSWORD"), field names
("next_token"), regular expressions, prose, a single word under a token's or key's name,
payment providers' test-mode keys (sk_test_) and documentation example keys
(AKIAIOSFODNN7EXAMPLE). Generated-looking values get high confidence, single dictionary
words low; in tests, fixtures, examples and docs the confidence is one step lower.
Framework signing keys (Django's and Flask's SECRET_KEY) are reported too; KR603 reports them
again as a web-framework setting.

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
		// a = b = "…" binds one literal: report it once.
		for _, t := range x.Targets {
			if checkStoredSecret(p, t, x.Value) {
				break
			}
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
				if !checkComparedSecret(p, x, left, right) {
					checkComparedSecret(p, x, right, left)
				}
			}
			left = right
		}
	}
}

// checkStoredSecret handles one assignment target, pairing the elements of
// `user, password = "admin", "hunter2"`, and reports whether it found a secret.
func checkStoredSecret(p *analysis.Pass, target, value ast.Expr) bool {
	if tt, ok := target.(*ast.Tuple); ok {
		var elts []ast.Expr
		switch v := value.(type) {
		case *ast.Tuple:
			elts = v.Elts
		case *ast.List:
			elts = v.Elts
		}
		found := false
		if len(elts) == len(tt.Elts) {
			for i, t := range tt.Elts {
				found = checkStoredSecret(p, t, elts[i]) || found
			}
		}
		return found
	}
	name := ruleutil.SecretKeyName(p.Model, target)
	if name == "" {
		return false
	}
	return reportSecretValue(p, name, value, "assigned to %q")
}

// reportSecretValue reports value when name means a credential and value is
// a real literal, a literal wrapped in a secret type (SecretStr("…"),
// Field(default="…")), or an environment lookup that falls back to one; where
// says how the value is stored, with %q for the name.
func reportSecretValue(p *analysis.Pass, name string, value ast.Expr, where string) bool {
	// A framework's signing key (SECRET_KEY) is a secret like any other here;
	// KR603 reports it again as a web setting, for those who select KR6.
	if filter.Name(name) == filter.NotSecret {
		return reportConnectionString(p, value, func() string { return "in the connection string " + sprintfName(where, name) })
	}
	fallback := false
	lit := unwrapSecret(p, value)
	if pair := pairSecret(p, value); pair != nil {
		lit = pair
	}
	s, ok := ruleutil.SecretLiteral(p.Model, lit)
	if !ok {
		lit = ruleutil.EnvFallback(p.Model, value)
		if lit == nil {
			lit = orFallback(value)
		}
		if s, ok = ruleutil.SecretLiteral(p.Model, lit); !ok {
			return false
		}
		fallback = true
	}
	conf, ok := judgeSecret(p, name, s)
	if !ok {
		return false
	}
	msg := "hard-coded secret " + sprintfName(where, name) + ": " + shown(s)
	if fallback {
		conf = analysis.ConfidenceLow
		msg = "secret " + sprintfName(where, name) + " falls back to a hard-coded value when the environment variable is unset: " + shown(s)
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: value, Message: msg, Confidence: conf, Secret: secretText(p, lit, s, msg)})
	return true
}

// unwrapSecret returns the literal inside the wrappers that mark, declare or
// encode a secret without hiding it: pydantic's SecretStr("…") and Field("…")
// or Field(default="…"), dataclasses.field(default="…"), str("…"),
// "…".encode(), base64.b64decode("…"); e itself otherwise.
func unwrapSecret(p *analysis.Pass, e ast.Expr) ast.Expr {
	for range 3 { // b64decode("…").decode() nests two calls
		c, ok := e.(*ast.Call)
		if !ok {
			return e
		}
		var inner ast.Expr
		switch tail := ruleutil.CalleeTail(c); tail {
		case "SecretStr", "SecretBytes", "Secret", "Field", "field", "str":
			inner = ruleutil.Arg(c, 0, "default")
		case "encode", "decode", "strip":
			if a, ok := c.Func.(*ast.Attribute); ok && len(c.Args) <= 1 {
				inner = a.Value
			}
		case "b64decode", "urlsafe_b64decode", "standard_b64decode":
			if p.Model.QualifiedNameIs(c.Func, "base64."+tail) {
				inner = ruleutil.Arg(c, 0, "s")
			}
		}
		if inner == nil {
			return e
		}
		e = inner
	}
	return e
}

// pairSecret returns the password of a (user, password) pair of literals bound
// to a credential's name (BASIC_AUTH = ("admin", "…")), or nil.
func pairSecret(p *analysis.Pass, e ast.Expr) ast.Expr {
	var elts []ast.Expr
	switch x := e.(type) {
	case *ast.Tuple:
		elts = x.Elts
	case *ast.List:
		elts = x.Elts
	}
	if len(elts) != 2 {
		return nil
	}
	if _, ok := p.Model.ConstString(elts[0]); !ok {
		return nil
	}
	if _, ok := elts[1].(*ast.Constant); !ok {
		return nil
	}
	return elts[1]
}

// orFallback returns the literal after `or` in `os.getenv("TOKEN") or "…"`, or nil.
func orFallback(e ast.Expr) ast.Expr {
	b, ok := e.(*ast.BoolOp)
	if !ok || b.Op != ast.Or || len(b.Values) < 2 {
		return nil
	}
	if _, isCall := b.Values[0].(*ast.Call); !isCall {
		return nil
	}
	last := b.Values[len(b.Values)-1]
	if _, isLit := last.(*ast.Constant); !isLit {
		return nil
	}
	return last
}

// checkComparedSecret reports `secret == "literal"`: code that checks a
// credential against a constant has that credential built in. Bandit reports
// it too; it is one step less certain than an assignment, since the literal is
// as often a sentinel ("", "none") as a password.
func checkComparedSecret(p *analysis.Pass, cmp *ast.Compare, named, literal ast.Expr) bool {
	name := ruleutil.SecretKeyName(p.Model, named)
	if name == "" || filter.Name(name) != filter.Credential {
		return false
	}
	// Only a literal: a named constant is reported where it is assigned.
	if _, isLit := literal.(*ast.Constant); !isLit {
		return false
	}
	s, ok := ruleutil.SecretLiteral(p.Model, literal)
	if !ok {
		return false
	}
	conf, ok := judgeSecret(p, name, s)
	if !ok {
		return false
	}
	msg := "secret " + quoteName(name) + " compared with a hard-coded string: " + shown(s)
	p.ReportDiagnostic(analysis.Diagnostic{Node: cmp, Message: msg, Confidence: lower(conf), Secret: secretText(p, literal, s, msg)})
	return true
}

// reportConnectionString reports a literal connection string that spells out a
// password ("host=db password=…", "…;PWD=…;"), whatever it is bound to; where
// says where the string is (built only for a finding: this runs on every
// string argument).
func reportConnectionString(p *analysis.Pass, value ast.Expr, where func() string) bool {
	c, ok := value.(*ast.Constant)
	if !ok || c.Value.Kind != ast.ConstStr || len(c.Value.S) < 10 || strings.IndexByte(c.Value.S, '=') < 0 {
		return false
	}
	pw, ok := filter.ConnectionPassword(c.Value.S)
	if !ok {
		return false
	}
	conf, ok := judgeSecret(p, "password", pw)
	if !ok {
		return false
	}
	msg := "hard-coded password " + where() + ": " + shown(pw)
	p.ReportDiagnostic(analysis.Diagnostic{Node: value, Message: msg, Confidence: conf, Secret: secretText(p, c, pw, msg)})
	return true
}
