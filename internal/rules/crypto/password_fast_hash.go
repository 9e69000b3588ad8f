package crypto

import (
	"slices"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// PasswordFastHash flags passwords hashed with a single fast SHA-2, SHA-3 or BLAKE2 digest.
var PasswordFastHash = &analysis.Rule{
	Code:       "KR209",
	Name:       "password-fast-hash",
	Summary:    "password hashed with a fast digest, not a password hash",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{916, 328},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    append([]string{"generate_password_hash", "make_password", "new", "update"}, fastHashes...),
	Run:        runPasswordFastHash,
	Doc: `## What it does
Flags ` + "`hashlib.sha256`" + ` and the other SHA-2, SHA-3 and BLAKE2 constructors, ` + "`hashlib.new`" + ` with
one of them, and the ` + "`update`" + ` method of such a hash object, when the data is a password: a
name, attribute or key such as ` + "`password`, `passwd`, `pwd`" + `, or ` + "`request.form[\"password\"]`" + `.
MD5 and SHA-1 are reported by KR201 instead. Also flags Werkzeug's ` + "`generate_password_hash`" + `
with a method other than pbkdf2 or scrypt (old Werkzeug's "sha256", "md5" or "plain") and
Django's ` + "`make_password`" + ` with the md5, sha1, unsalted or crypt hashers.

## Why is this bad?
A GPU computes billions of SHA-256 digests a second, so a leaked table of such hashes, salted
or not, gives up most real passwords within days. Password hashes are slow and memory-hard
on purpose.

## Example
` + "```python" + `
import hashlib

user.password_hash = hashlib.sha256((salt + password).encode()).hexdigest()
` + "```" + `

## Use instead
` + "```python" + `
from argon2 import PasswordHasher

user.password_hash = PasswordHasher().hash(password)
# or hashlib.scrypt / hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)
` + "```" + `

## References
- https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html
- https://docs.python.org/3/library/hashlib.html#key-derivation
- https://cwe.mitre.org/data/definitions/916.html`,
}

// fastHashes are the fast, unbroken digests, named as hashlib's constructors.
var fastHashes = []string{"sha224", "sha256", "sha384", "sha512", "sha512_224", "sha512_256",
	"sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"}

// isFastHash reports whether a hashlib constructor or (lowercased)
// algorithm name is a fast, unbroken digest.
func isFastHash(name string) bool { return slices.Contains(fastHashes, name) }

func runPasswordFastHash(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	tail := ruleutil.ResolvedTail(p.Model, c)
	var data ast.Expr
	var what string
	switch {
	case tail == "generate_password_hash" || tail == "make_password":
		frameworkHasher(p, c, tail)
		return
	case tail == "new":
		if !p.Model.QualifiedNameIs(c.Func, "hashlib.new") {
			return
		}
		name, ok := p.Model.ConstString(ruleutil.Arg(c, 0, "name"))
		if !ok || !isFastHash(strings.ToLower(name)) {
			return
		}
		data, what = ruleutil.Arg(c, 1, "data"), "hashlib.new(\""+name+"\")"
	case tail == "update":
		a, ok := c.Func.(*ast.Attribute)
		if !ok || len(c.Args) != 1 {
			return
		}
		// Most update calls are dict.update: look at the receiver's
		// constructor's name before resolving anything.
		v, ok := ruleutil.ValueOf(p.Model, a.Value).(*ast.Call)
		if !ok || !isFastHash(ruleutil.ResolvedTail(p.Model, v)) {
			return
		}
		made := p.Model.CalleeName(v)
		if made != "hashlib."+ruleutil.ResolvedTail(p.Model, v) {
			return
		}
		data, what = c.Args[0], made+"(...).update"
	case isFastHash(tail):
		what = p.Model.CalleeName(c)
		if what != "hashlib."+tail {
			return
		}
		data = ruleutil.Arg(c, 0, "")
		if data == nil {
			data = ruleutil.Arg(c, -1, "data")
		}
	default:
		return
	}
	if data == nil || !mentionsPassword(data) {
		return
	}
	p.Report(c, what+" hashes a password with a fast digest; use argon2, bcrypt, scrypt or PBKDF2")
}

// frameworkHasher flags Werkzeug's generate_password_hash with a method
// other than pbkdf2 or scrypt (old Werkzeug salted a single SHA or MD5
// round; "plain" stores the password itself), and Django's make_password
// with the MD5, SHA-1, unsalted or crypt hashers.
func frameworkHasher(p *analysis.Pass, c *ast.Call, tail string) {
	qn := p.Model.CalleeName(c)
	switch qn {
	case "werkzeug.security.generate_password_hash", "werkzeug.generate_password_hash":
		method, ok := p.Model.ConstString(ruleutil.Arg(c, 1, "method"))
		if !ok || strings.HasPrefix(method, "pbkdf2") || strings.HasPrefix(method, "scrypt") {
			return
		}
		if method == "plain" {
			p.Report(c, qn+" with method=\"plain\" stores the password in clear text; use the default pbkdf2 or scrypt")
			return
		}
		p.Report(c, qn+" with method=\""+method+"\" hashes the password with one fast round; use the default pbkdf2 or scrypt")
	case "django.contrib.auth.hashers.make_password":
		hasher, ok := p.Model.ConstString(ruleutil.Arg(c, 2, "hasher"))
		if !ok {
			return
		}
		switch hasher {
		case "md5", "sha1", "unsalted_md5", "unsalted_sha1", "crypt":
			p.Report(c, qn+" with hasher=\""+hasher+"\" uses a fast or broken hash; use the default PBKDF2 or Argon2 hasher")
		}
	}
}
