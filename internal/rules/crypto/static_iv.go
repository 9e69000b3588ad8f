package crypto

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// StaticIV flags initialisation vectors, nonces and salts fixed in the source.
var StaticIV = &analysis.Rule{
	Code:       "KR210",
	Name:       "static-iv-or-salt",
	Summary:    "hard-coded iv, nonce or salt",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{329, 760, 1204},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees: []string{
		"CBC", "CFB", "CFB8", "OFB", "CTR", "GCM", "encrypt", "new", "pbkdf2_hmac", "scrypt", "PBKDF2",
		"PBKDF2HMAC", "Scrypt", "hashpw",
	},
	Run: runStaticIV,
	Doc: `## What it does
Flags a constant (a literal, a name bound once to one, ` + "`b\"\\x00\" * 16`" + ` or ` + "`bytes(16)`" + `) used as
the IV or nonce of a cipher mode (cryptography's ` + "`modes.CBC/CFB/OFB/CTR/GCM`" + `, the AEAD
classes' ` + "`encrypt`" + `, PyCryptodome's ` + "`new(..., iv=/nonce=)`" + `) or as the salt of a password hash
or key derivation (` + "`hashlib.pbkdf2_hmac`, `hashlib.scrypt`, `PBKDF2HMAC`, `Scrypt`" + `,
` + "`Crypto.Protocol.KDF.PBKDF2/scrypt`, `bcrypt.hashpw`" + `).

## Why is this bad?
A fixed IV makes CBC encrypt equal messages to equal ciphertexts and leaks common prefixes; a
repeated nonce in CTR or GCM gives away the XOR of two plaintexts and, for GCM, the
authentication key. A fixed salt lets one precomputed table crack every user's password.

## Example
` + "```python" + `
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

cipher = Cipher(algorithms.AES(key), modes.CBC(b"0000000000000000"))
` + "```" + `

## Use instead
` + "```python" + `
import os

iv = os.urandom(16)  # store it next to the ciphertext
cipher = Cipher(algorithms.AES(key), modes.CBC(iv))
` + "```" + `

## References
- https://cryptography.io/en/latest/hazmat/primitives/symmetric-encryption/#modes
- https://docs.python.org/3/library/hashlib.html#key-derivation
- https://cwe.mitre.org/data/definitions/329.html
- https://cwe.mitre.org/data/definitions/760.html`,
}

func runStaticIV(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	var arg ast.Expr
	var what, qn string
	switch tail := ruleutil.ResolvedTail(p.Model, c); tail {
	case "CBC", "CFB", "CFB8", "OFB", "CTR", "GCM":
		qn = p.Model.CalleeName(c)
		if qn != "cryptography.hazmat.primitives.ciphers.modes."+tail {
			return
		}
		what, arg = "IV", ruleutil.Arg(c, 0, "initialization_vector")
		if tail == "CTR" {
			what, arg = "nonce", ruleutil.Arg(c, 0, "nonce")
		}
	case "encrypt":
		a, ok := c.Func.(*ast.Attribute)
		if !ok {
			return
		}
		made := ruleutil.ConstructedBy(p.Model, a.Value)
		switch strings.TrimPrefix(made, "cryptography.hazmat.primitives.ciphers.aead.") {
		case "AESGCM", "ChaCha20Poly1305", "AESCCM", "AESOCB3", "AESGCMSIV":
		default:
			return
		}
		qn, what, arg = made+".encrypt", "nonce", ruleutil.Arg(c, 0, "nonce")
	case "new":
		qn = p.Model.CalleeName(c)
		if !strings.HasPrefix(qn, "Crypto.Cipher.") && !strings.HasPrefix(qn, "Cryptodome.Cipher.") {
			return
		}
		switch {
		case ruleutil.Keyword(c, "iv") != nil:
			what, arg = "IV", ruleutil.Keyword(c, "iv").Value
		case ruleutil.Keyword(c, "nonce") != nil:
			what, arg = "nonce", ruleutil.Keyword(c, "nonce").Value
		default:
			what, arg = "IV or nonce", ruleutil.Arg(c, 2, "")
		}
	case "pbkdf2_hmac":
		if !p.Model.QualifiedNameIs(c.Func, "hashlib.pbkdf2_hmac") {
			return
		}
		qn, what, arg = "hashlib.pbkdf2_hmac", "salt", ruleutil.Arg(c, 2, "salt")
	case "scrypt", "PBKDF2", "PBKDF2HMAC", "Scrypt", "hashpw":
		qn = p.Model.CalleeName(c)
		what = "salt"
		switch qn {
		case "hashlib.scrypt", "cryptography.hazmat.primitives.kdf.scrypt.Scrypt":
			arg = ruleutil.Arg(c, -1, "salt")
			if qn != "hashlib.scrypt" {
				arg = ruleutil.Arg(c, 0, "salt")
			}
		case "cryptography.hazmat.primitives.kdf.pbkdf2.PBKDF2HMAC":
			arg = ruleutil.Arg(c, 2, "salt")
		case "Crypto.Protocol.KDF.PBKDF2", "Cryptodome.Protocol.KDF.PBKDF2",
			"Crypto.Protocol.KDF.scrypt", "Cryptodome.Protocol.KDF.scrypt", "bcrypt.hashpw":
			arg = ruleutil.Arg(c, 1, "salt")
		}
	}
	if arg == nil || !fixedBytes(p.Model, arg) {
		return
	}
	advice := "; generate a random one (os.urandom) for every message"
	if what == "salt" {
		advice = "; generate a random salt (os.urandom) for every password"
	}
	p.Report(arg, qn+" gets a hard-coded "+what+advice)
}

// fixedBytes reports whether e is a non-empty constant str or bytes, a
// repetition of one (`b"\x00" * 16`), or bytes(n)/bytearray(n) of zeros.
func fixedBytes(m *semantic.Model, e ast.Expr) bool {
	e = ruleutil.ValueOf(m, e)
	if v, ok := m.ConstValue(e); ok {
		return (v.Kind == ast.ConstBytes || v.Kind == ast.ConstStr) && v.S != ""
	}
	switch x := e.(type) {
	case *ast.BinOp:
		if x.Op != ast.Mult {
			return false
		}
		return (fixedBytes(m, x.Left) && isInt(m, x.Right)) || (isInt(m, x.Left) && fixedBytes(m, x.Right))
	case *ast.Call:
		if len(x.Args) == 1 && isInt(m, x.Args[0]) &&
			(m.QualifiedNameIs(x.Func, "builtins.bytes") || m.QualifiedNameIs(x.Func, "builtins.bytearray")) {
			return true
		}
		// "...".encode() of a constant.
		if a, ok := x.Func.(*ast.Attribute); ok && a.Attr == "encode" {
			v, ok := m.ConstValue(a.Value)
			return ok && v.Kind == ast.ConstStr && v.S != ""
		}
	}
	return false
}

func isInt(m *semantic.Model, e ast.Expr) bool {
	v, ok := m.ConstValue(e)
	return ok && v.Kind == ast.ConstInt
}
