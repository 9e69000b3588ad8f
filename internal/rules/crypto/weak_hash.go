package crypto

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// WeakHash flags MD2, MD4, MD5, SHA-1 and RIPEMD-160 used for security.
var WeakHash = &analysis.Rule{
	Code:       "KR201",
	Name:       "weak-hash",
	Summary:    "broken hash function (MD5, SHA-1, MD4) used for security",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{327, 328},
	Aliases:    []string{"B303", "B324", "S303", "S324"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"md5", "sha1", "new", "MD5", "SHA1", "crypt", "mksalt"},
	Run:        runWeakHash,
	Doc: `## What it does
Flags hash objects made with a broken algorithm: ` + "`hashlib.md5`, `hashlib.sha1`, `hashlib.new(\"md5\")`" + ` (also
md4, sha, ripemd160, md5-sha1), PyCryptodome's and PyCrypto's ` + "`Crypto.Hash.MD2/MD4/MD5/SHA`" + `,
cryptography's ` + "`hashes.MD5()`/`hashes.SHA1()`" + `, and ` + "`crypt`" + ` with the DES or MD5 methods.
Calls that pass ` + "`usedforsecurity=False`" + ` (Python 3.9+) are not reported. A broken hash applied
to a password is reported with high severity.

## Why is this bad?
Collisions for MD5 and SHA-1 can be computed in practice, so their digests cannot protect
signatures, integrity checks or certificates, and they are so fast that passwords hashed with
them fall to brute force.

## Example
` + "```python" + `
import hashlib

digest = hashlib.md5(document).hexdigest()
` + "```" + `

## Use instead
` + "```python" + `
import hashlib

digest = hashlib.sha256(document).hexdigest()
# or, for a non-security checksum:
etag = hashlib.md5(body, usedforsecurity=False).hexdigest()
` + "```" + `
Hash passwords with a password hash (argon2, bcrypt, scrypt, ` + "`hashlib.pbkdf2_hmac`" + `).

## References
- https://docs.python.org/3/library/hashlib.html
- https://cryptography.io/en/latest/hazmat/primitives/cryptographic-hashes/
- https://cwe.mitre.org/data/definitions/327.html
- https://cwe.mitre.org/data/definitions/328.html`,
}

func runWeakHash(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	var algo string
	hashlibCall := false
	switch ruleutil.ResolvedTail(p.Model, c) {
	case "md5", "sha1":
		qn := p.Model.CalleeName(c)
		if qn != "hashlib.md5" && qn != "hashlib.sha1" {
			return
		}
		algo, hashlibCall = strings.ToUpper(qn[len("hashlib."):]), true
	case "new":
		qn := p.Model.CalleeName(c)
		switch qn {
		case "hashlib.new":
			name, ok := p.Model.ConstString(ruleutil.Arg(c, 0, "name"))
			if !ok || !isWeakHashName(name) {
				return
			}
			algo, hashlibCall = strings.ToUpper(name), true
		default:
			algo = pycryptoHash(qn)
			if algo == "" {
				return
			}
		}
	case "MD5", "SHA1":
		qn := p.Model.CalleeName(c)
		if !strings.HasPrefix(qn, "cryptography.hazmat.primitives.hashes.") {
			return
		}
		algo = ruleutil.ResolvedTail(p.Model, c)
	case "crypt", "mksalt":
		reportWeakCrypt(p, c)
		return
	default:
		return
	}
	if hashlibCall && ruleutil.KeywordIsFalse(p.Model, c, "usedforsecurity") {
		return
	}
	call := calleeText(p, c)
	if data := ruleutil.Arg(c, dataPos(call), ""); data != nil && mentionsPassword(data) {
		p.ReportDiagnostic(analysis.Diagnostic{
			Node:     c,
			Message:  call + " (" + algo + ") used to hash a password; use a password hash such as argon2, bcrypt or scrypt",
			Severity: analysis.SeverityHigh,
		})
		return
	}
	msg := call + " uses the broken hash " + algo
	if hashlibCall {
		msg += "; use SHA-256 or stronger, or pass usedforsecurity=False if it is not used for security"
	} else {
		msg += "; use SHA-256 or stronger"
	}
	p.Report(c, msg)
}

// dataPos is the position of the data argument of a hash constructor.
func dataPos(call string) int {
	if call == "hashlib.new" {
		return 1
	}
	return 0
}

// calleeText is the qualified callee name, or "hash" if it cannot be had.
func calleeText(p *analysis.Pass, c *ast.Call) string {
	if qn := p.Model.CalleeName(c); qn != "" {
		return qn
	}
	return "hash"
}

// isWeakHashName reports whether hashlib.new's name argument is a broken algorithm.
func isWeakHashName(name string) bool {
	switch strings.ToLower(name) {
	case "md2", "md4", "md5", "sha", "sha1", "sha-1", "ripemd160", "ripemd-160", "md5-sha1", "md5_sha1", "mdc2":
		return true
	}
	return false
}

// pycryptoHash returns the algorithm of a PyCrypto/PyCryptodome hash
// module's new(), e.g. "MD5" for Crypto.Hash.MD5.new, or "".
func pycryptoHash(qn string) string {
	rest, ok := strings.CutPrefix(qn, "Crypto.Hash.")
	if !ok {
		rest, ok = strings.CutPrefix(qn, "Cryptodome.Hash.")
	}
	if !ok {
		return ""
	}
	switch rest {
	case "MD2.new", "MD4.new", "MD5.new", "SHA.new", "SHA1.new":
		return strings.TrimSuffix(rest, ".new")
	}
	return ""
}

// reportWeakCrypt flags crypt.crypt and crypt.mksalt with the traditional
// DES or the MD5 method.
func reportWeakCrypt(p *analysis.Pass, c *ast.Call) {
	qn := p.Model.CalleeName(c)
	var method ast.Expr
	switch qn {
	case "crypt.crypt":
		method = ruleutil.Arg(c, 1, "salt")
	case "crypt.mksalt":
		method = ruleutil.Arg(c, 0, "method")
	default:
		return
	}
	if method == nil {
		return
	}
	switch m := p.Model.QualifiedName(method); m {
	case "crypt.METHOD_CRYPT", "crypt.METHOD_MD5":
		p.Report(c, qn+" with "+m+" uses a broken password hash; use argon2, bcrypt or scrypt")
	}
}
