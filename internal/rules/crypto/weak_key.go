package crypto

import (
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// WeakKey flags RSA, DSA and DH keys shorter than 2048 bits and elliptic curves under 224 bits.
var WeakKey = &analysis.Rule{
	Code:       "KR207",
	Name:       "weak-cryptographic-key",
	Summary:    "rsa, dsa or dh key under 2048 bits, or ec curve under 224",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{326},
	Aliases:    []string{"B505", "S505"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"generate_private_key", "generate_parameters", "generate", "generate_key"},
	Run:        runWeakKey,
	Doc: `## What it does
Flags key generation with a constant size that is too small: cryptography's
` + "`rsa.generate_private_key`, `dsa.generate_private_key`, `dsa.generate_parameters`" + ` and
` + "`dh.generate_parameters`" + ` under 2048 bits, ` + "`ec.generate_private_key`" + ` with a curve under 224 bits
(SECP192R1, SECT163K1, SECT163R2), PyCryptodome's and PyCrypto's ` + "`RSA/DSA/ElGamal.generate`" + `,
paramiko's ` + "`RSAKey.generate`" + ` and ` + "`DSSKey.generate`" + ` (SSH DSA keys are always 1024 bits), and
pyOpenSSL's ` + "`PKey.generate_key`" + `. Keys under 1024 bits (curves under 160) are high severity.

## Why is this bad?
1024-bit RSA and DSA are within reach of well-funded attackers, and NIST has disallowed keys
under 2048 bits (112-bit security) since 2013; small curves fall the same way.

## Example
` + "```python" + `
from cryptography.hazmat.primitives.asymmetric import rsa

key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
` + "```" + `

## Use instead
` + "```python" + `
key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
` + "```" + `

## References
- https://cryptography.io/en/latest/hazmat/primitives/asymmetric/rsa/
- https://csrc.nist.gov/pubs/sp/800/131/a/r2/final
- https://cwe.mitre.org/data/definitions/326.html`,
}

// smallCurve returns the size of a curve under 224 bits, or 0.
func smallCurve(name string) int {
	switch name {
	case "SECP192R1":
		return 192
	case "SECT163K1", "SECT163R2":
		return 163
	}
	return 0
}

func runWeakKey(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	var size ast.Expr
	var qn string
	switch ruleutil.ResolvedTail(p.Model, c) {
	case "generate_private_key", "generate_parameters":
		qn = p.Model.CalleeName(c)
		switch qn {
		case "cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key",
			"cryptography.hazmat.primitives.asymmetric.dh.generate_parameters":
			size = ruleutil.Arg(c, 1, "key_size")
		case "cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key",
			"cryptography.hazmat.primitives.asymmetric.dsa.generate_parameters":
			size = ruleutil.Arg(c, 0, "key_size")
		case "cryptography.hazmat.primitives.asymmetric.ec.generate_private_key":
			weakCurve(p, c, qn)
			return
		}
	case "generate":
		qn = p.Model.CalleeName(c)
		switch qn {
		case "paramiko.DSSKey.generate", "paramiko.dsskey.DSSKey.generate":
			p.Report(c, qn+" makes a 1024-bit DSA key, which is too weak and disabled by OpenSSH; use Ed25519 or RSA of 3072 bits")
			return
		case "paramiko.RSAKey.generate", "paramiko.rsakey.RSAKey.generate":
			size = ruleutil.Arg(c, 0, "bits")
		default:
			for _, pre := range []string{"Crypto.PublicKey.", "Cryptodome.PublicKey."} {
				switch strings.TrimPrefix(qn, pre) {
				case "RSA.generate", "DSA.generate", "ElGamal.generate":
					if strings.HasPrefix(qn, pre) {
						size = ruleutil.Arg(c, 0, "bits")
					}
				}
			}
		}
	case "generate_key":
		if len(c.Args) < 2 {
			return
		}
		switch t := p.Model.QualifiedName(c.Args[0]); t {
		case "OpenSSL.crypto.TYPE_RSA", "OpenSSL.crypto.TYPE_DSA":
			qn, size = "generate_key("+strings.TrimPrefix(t, "OpenSSL.crypto.")+")", c.Args[1]
		}
	}
	if size == nil {
		return
	}
	v, ok := p.Model.ConstValue(size)
	if !ok || v.Kind != ast.ConstInt {
		return
	}
	bits, err := strconv.Atoi(v.S)
	if err != nil || bits >= 2048 {
		return
	}
	sev := analysis.SeverityMedium
	if bits < 1024 {
		sev = analysis.SeverityHigh
	}
	p.ReportDiagnostic(analysis.Diagnostic{
		Node:     c,
		Message:  qn + " makes a " + v.S + "-bit key; use at least 2048 bits (3072 recommended)",
		Severity: sev,
	})
}

// weakCurve flags ec.generate_private_key with a curve under 224 bits,
// passed as an instance (ec.SECP192R1()) or, in old code, as the class.
func weakCurve(p *analysis.Pass, c *ast.Call, qn string) {
	curve := ruleutil.Arg(c, 0, "curve")
	if call, ok := curve.(*ast.Call); ok {
		curve = call.Func
	}
	if curve == nil {
		return
	}
	name := ruleutil.ExprTail(curve)
	bits := smallCurve(name)
	if bits == 0 || p.Model.QualifiedName(curve) != "cryptography.hazmat.primitives.asymmetric.ec."+name {
		return
	}
	sev := analysis.SeverityMedium
	if bits < 160 {
		sev = analysis.SeverityHigh
	}
	p.ReportDiagnostic(analysis.Diagnostic{
		Node:     c,
		Message:  qn + " with " + name + " makes a " + strconv.Itoa(bits) + "-bit EC key; use SECP256R1 or stronger",
		Severity: sev,
	})
}
