package crypto

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// WeakCipher flags broken or retired block and stream ciphers.
var WeakCipher = &analysis.Rule{
	Code:       "KR202",
	Name:       "weak-cipher",
	Summary:    "broken or retired cipher (DES, RC2, RC4, Blowfish, 3DES)",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{327},
	Aliases:    []string{"B304", "S304"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees: []string{
		"new", "ARC4", "Blowfish", "CAST5", "IDEA", "SEED", "TripleDES", "des", "triple_des",
	},
	Run: runWeakCipher,
	Doc: `## What it does
Flags ciphers that are broken or retired: DES, RC2 (ARC2), RC4 (ARC4), Blowfish, XOR, CAST and
Triple DES in PyCryptodome and PyCrypto (` + "`Crypto.Cipher`, `Cryptodome.Cipher`" + `), and ARC4,
Blowfish, CAST5, IDEA, SEED and TripleDES in cryptography (` + "`algorithms.*`" + `, also under
` + "`cryptography.hazmat.decrepit`" + `), and pyDes.

## Why is this bad?
DES keys are brute-forced in hours; RC4 has exploitable keystream biases; 64-bit block ciphers
(Blowfish, 3DES, IDEA, CAST5) leak plaintext after a few gigabytes (Sweet32); XOR is no cipher
at all. NIST disallows DES and, since 2024, Triple DES for encryption.

## Example
` + "```python" + `
from Crypto.Cipher import DES

cipher = DES.new(key, DES.MODE_CBC, iv)
` + "```" + `

## Use instead
` + "```python" + `
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ciphertext = AESGCM(key).encrypt(nonce, data, None)
` + "```" + `

## References
- https://cryptography.io/en/latest/hazmat/decrepit/ciphers/
- https://www.pycryptodome.org/src/cipher/cipher
- https://sweet32.info/
- https://cwe.mitre.org/data/definitions/327.html`,
}

func runWeakCipher(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	var name string
	sev := analysis.SeverityHigh
	switch ruleutil.ResolvedTail(p.Model, c) {
	case "new":
		qn := p.Model.CalleeName(c)
		mod, ok := strings.CutPrefix(qn, "Crypto.Cipher.")
		if !ok {
			mod, ok = strings.CutPrefix(qn, "Cryptodome.Cipher.")
		}
		if !ok {
			return
		}
		switch mod {
		case "DES.new", "ARC2.new", "ARC4.new", "Blowfish.new", "XOR.new":
		case "DES3.new", "CAST.new":
			sev = analysis.SeverityMedium
		default:
			return
		}
		name = qn
	case "ARC4", "Blowfish", "CAST5", "IDEA", "SEED", "TripleDES":
		qn := p.Model.CalleeName(c)
		if !strings.HasPrefix(qn, "cryptography.hazmat.primitives.ciphers.algorithms.") &&
			!strings.HasPrefix(qn, "cryptography.hazmat.decrepit.ciphers.algorithms.") {
			return
		}
		if ruleutil.ResolvedTail(p.Model, c) != "ARC4" {
			sev = analysis.SeverityMedium
		}
		name = qn
	case "des", "triple_des":
		qn := p.Model.CalleeName(c)
		if qn != "pyDes.des" && qn != "pyDes.triple_des" {
			return
		}
		if qn == "pyDes.triple_des" {
			sev = analysis.SeverityMedium
		}
		name = qn
	default:
		return
	}
	p.ReportDiagnostic(analysis.Diagnostic{
		Node:     c,
		Message:  name + " uses a broken or retired cipher; use AES-GCM or ChaCha20-Poly1305",
		Severity: sev,
	})
}
