package crypto

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// PycryptoImport flags imports of the unmaintained PyCrypto package.
var PycryptoImport = &analysis.Rule{
	Code:       "KR205",
	Name:       "pycrypto-import",
	Summary:    "unmaintained pycrypto library imported",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceLow,
	CWE:        []int{327, 1104},
	Aliases:    []string{"B413", "S413"},
	File:       runPycryptoImport,
	Doc: `## What it does
Flags the first import of the ` + "`Crypto`" + ` package in a file. PyCrypto, which owns that name, has
not been maintained since 2013; PyCryptodome installs under the same name as a drop-in
replacement, so the finding has low confidence unless the file imports a module that only
PyCrypto has (` + "`Crypto.Random.OSRNG`, `Crypto.Util.randpool`, `Crypto.Cipher.XOR`" + `,
` + "`Crypto.Protocol.AllOrNothing`, `Crypto.Protocol.Chaffing`, `Crypto.PublicKey.pubkey`" + `).

## Why is this bad?
PyCrypto has known, unfixed vulnerabilities, among them a heap buffer overflow in
` + "`ALGnew`" + ` (CVE-2013-7459) and a weak ElGamal key generation (CVE-2018-6594), and it gets no
security updates.

## Example
` + "```python" + `
from Crypto.Cipher import AES
` + "```" + `

## Use instead
` + "```python" + `
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
# or PyCryptodome under its own name: pip install pycryptodomex
from Cryptodome.Cipher import AES
` + "```" + `

## References
- https://github.com/pycrypto/pycrypto/issues/238
- https://www.pycryptodome.org/src/installation
- https://cwe.mitre.org/data/definitions/1104.html`,
}

// pycryptoOnly reports whether a module (or a name in one) exists in
// PyCrypto but not in PyCryptodome.
func pycryptoOnly(name string) bool {
	for {
		switch name {
		case "Crypto.Random.OSRNG", "Crypto.Util.randpool", "Crypto.Cipher.XOR",
			"Crypto.Protocol.AllOrNothing", "Crypto.Protocol.Chaffing", "Crypto.PublicKey.pubkey",
			"Crypto.Random._UserFriendlyRNG", "Crypto.PublicKey._slowmath":
			return true
		}
		i := strings.LastIndexByte(name, '.')
		if i < 0 {
			return false
		}
		name = name[:i]
	}
}

func runPycryptoImport(p *analysis.Pass) {
	var first ast.Node
	for _, im := range p.Model.ImportedModules() {
		if im.TypeChecking || im.Level != 0 || (im.Module != "Crypto" && !strings.HasPrefix(im.Module, "Crypto.")) {
			continue
		}
		node := ast.Node(im.Stmt)
		if im.Alias != nil {
			node = im.Alias
		}
		for _, name := range importedNames(im) {
			if pycryptoOnly(name) {
				p.ReportDiagnostic(analysis.Diagnostic{
					Node:       node,
					Message:    name + " exists only in PyCrypto, which is unmaintained and has known vulnerabilities; use cryptography or PyCryptodome",
					Confidence: analysis.ConfidenceHigh,
				})
				return
			}
		}
		if first == nil {
			first = node
		}
	}
	if first != nil {
		p.Report(first, "Crypto imported: if PyCrypto provides it (not PyCryptodome), it is unmaintained and has known vulnerabilities; use cryptography or Cryptodome")
	}
}
