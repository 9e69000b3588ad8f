package crypto

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// ECBMode flags block ciphers used in ECB mode.
var ECBMode = &analysis.Rule{
	Code:       "KR203",
	Name:       "insecure-cipher-mode",
	Summary:    "block cipher used in ECB mode",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{327},
	Aliases:    []string{"B305", "S305"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"ECB", "new"},
	Run:        runECBMode,
	Doc: `## What it does
Flags the electronic codebook mode: cryptography's ` + "`modes.ECB()`" + `, ` + "`MODE_ECB`" + ` passed to a
PyCryptodome or PyCrypto cipher's ` + "`new()`" + `, and PyCrypto's ` + "`AES.new(key)`" + ` without a mode, which
PyCrypto runs in ECB (PyCryptodome refuses it).

## Why is this bad?
ECB encrypts equal plaintext blocks to equal ciphertext blocks, so the ciphertext shows the
structure of the data (the "ECB penguin"), and blocks can be cut, reordered and replayed.

## Example
` + "```python" + `
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

cipher = Cipher(algorithms.AES(key), modes.ECB())
` + "```" + `

## Use instead
` + "```python" + `
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ciphertext = AESGCM(key).encrypt(nonce, data, None)
` + "```" + `

## References
- https://cryptography.io/en/latest/hazmat/primitives/symmetric-encryption/#cryptography.hazmat.primitives.ciphers.modes.ECB
- https://www.pycryptodome.org/src/cipher/classic
- https://cwe.mitre.org/data/definitions/327.html`,
}

func runECBMode(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	switch ruleutil.ResolvedTail(p.Model, c) {
	case "ECB":
		if qn := p.Model.CalleeName(c); qn == "cryptography.hazmat.primitives.ciphers.modes.ECB" {
			p.Report(c, qn+" selects ECB mode, which reveals patterns in the plaintext; use GCM or another authenticated mode")
		}
	case "new":
		qn := p.Model.CalleeName(c)
		mod, pycrypto := strings.CutPrefix(qn, "Crypto.Cipher.")
		if !pycrypto {
			var ok bool
			if mod, ok = strings.CutPrefix(qn, "Cryptodome.Cipher."); !ok {
				return
			}
		}
		switch mod {
		case "AES.new", "DES.new", "DES3.new", "Blowfish.new", "CAST.new", "ARC2.new":
		default:
			return
		}
		mode := ruleutil.Arg(c, 1, "mode")
		if mode == nil {
			if pycrypto && len(c.Args) == 1 && len(c.Keywords) == 0 {
				if _, star := c.Args[0].(*ast.Starred); !star {
					p.ReportDiagnostic(analysis.Diagnostic{
						Node:       c,
						Message:    qn + " called without a mode: PyCrypto then uses ECB; pass an authenticated mode such as MODE_GCM",
						Confidence: analysis.ConfidenceMedium,
					})
				}
			}
			return
		}
		if strings.HasSuffix(p.Model.QualifiedName(mode), ".MODE_ECB") {
			p.Report(c, qn+" with MODE_ECB reveals patterns in the plaintext; use MODE_GCM or another authenticated mode")
		}
	}
}
