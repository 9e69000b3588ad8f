package secrets

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
	"github.com/kraitsec/krait/internal/secrets/filter"
)

// HardcodedSigningKey flags literal keys passed to JWT, HMAC, itsdangerous
// and symmetric encryption APIs.
var HardcodedSigningKey = &analysis.Rule{
	Code:       "KR305",
	Name:       "hardcoded-signing-key",
	Summary:    "hard-coded key passed to a jwt, hmac or encryption api",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{321, 798},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees: []string{
		"encode", "decode", "new", "digest", "HMAC", "URLSafeTimedSerializer", "URLSafeSerializer",
		"TimedSerializer", "Serializer", "Signer", "TimestampSigner", "Fernet", "AES",
	},
	Run: runHardcodedSigningKey,
	Doc: `## What it does
Flags a string or bytes literal, or a constant that holds one, passed as the key of
` + "`jwt.encode`/`jwt.decode`" + ` (PyJWT, python-jose), ` + "`hmac.new`/`hmac.digest`" + `,
itsdangerous' serializers and signers, ` + "`Fernet`" + ` and AES ciphers (PyCryptodome's
` + "`AES.new`" + `, cryptography's ` + "`algorithms.AES`" + `). A constant whose own name means a
secret is left to KR301 and KR603, which report it where it is assigned. A weak key
("secret", "aaaaaaaaaaaaaaaa") is reported like any other; values that point elsewhere for
the key (templates, environment references, paths) and documentation example keys are not.

## Why is this bad?
Whoever knows an HMAC or JWT key can forge tokens the application accepts, for any user
and any role; whoever knows an encryption key can read everything it protects. A key in
the source is known to everyone with the repository, and short demo keys ("secret") are
guessed by cracking tools in seconds.

## Example
` + "```python" + `
token = jwt.encode({"sub": user.id}, "secret", algorithm="HS256")
` + "```" + `

## Use instead
` + "```python" + `
token = jwt.encode({"sub": user.id}, os.environ["JWT_SIGNING_KEY"], algorithm="HS256")
` + "```" + `

## References
- [CWE-321: Use of Hard-coded Cryptographic Key](https://cwe.mitre.org/data/definitions/321.html)
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [PyJWT usage](https://pyjwt.readthedocs.io/en/stable/usage.html)
- [OWASP JSON Web Token Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html#weak-token-secret)
`,
}

// keyParam returns the position and keyword name of the key parameter of a
// keyed API, and false for anything else.
func keyParam(qualified string) (int, string, bool) {
	switch qualified {
	case "jwt.encode", "jwt.decode", "jwt.api_jwt.encode", "jwt.api_jwt.decode", "jose.jwt.encode", "jose.jwt.decode":
		return 1, "key", true
	case "hmac.new", "hmac.digest", "hmac.HMAC":
		return 0, "key", true
	case "itsdangerous.URLSafeTimedSerializer", "itsdangerous.URLSafeSerializer", "itsdangerous.TimedSerializer",
		"itsdangerous.Serializer", "itsdangerous.Signer", "itsdangerous.TimestampSigner",
		"itsdangerous.url_safe.URLSafeTimedSerializer", "itsdangerous.url_safe.URLSafeSerializer":
		return 0, "secret_key", true
	case "cryptography.fernet.Fernet", "Crypto.Cipher.AES.new", "Cryptodome.Cipher.AES.new",
		"cryptography.hazmat.primitives.ciphers.algorithms.AES":
		return 0, "key", true
	}
	return 0, "", false
}

func runHardcodedSigningKey(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	switch ruleutil.ResolvedTail(p.Model, c) {
	case "encode", "decode", "new", "digest", "HMAC", "URLSafeTimedSerializer", "URLSafeSerializer",
		"TimedSerializer", "Serializer", "Signer", "TimestampSigner", "Fernet", "AES":
	default:
		return
	}
	qn := p.Model.CalleeName(c)
	pos, kw, ok := keyParam(qn)
	if !ok {
		return
	}
	key := ruleutil.Arg(c, pos, kw)
	if key == nil {
		return
	}
	if nm, ok := key.(*ast.Name); ok && ruleutil.SecretName(nm.ID) != ruleutil.NotSecretName {
		return // reported where the secret-named constant is assigned
	}
	s, ok := ruleutil.SecretLiteral(p.Model, key)
	if !ok || ruleutil.IsPlaceholderSecret(s, "") {
		return
	}
	conf := testConfidence(p, 0)
	// A weak key ("secret", "aaaa…") is still a key; only values that point
	// elsewhere for it are not.
	switch filter.Classify("", s) {
	case filter.Template, filter.EnvLookup, filter.Path, filter.URL, filter.Code, filter.Text, filter.Example:
		return
	}
	msg := qn + " uses a hard-coded key: " + shown(s)
	p.ReportDiagnostic(analysis.Diagnostic{Node: key, Message: msg, Confidence: conf, Secret: secretText(p, key, s, msg)})
}
