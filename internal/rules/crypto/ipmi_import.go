package crypto

import (
	"github.com/kraitsec/krait/internal/analysis"
)

// IPMIImport flags imports of pyghmi, an IPMI client.
var IPMIImport = &analysis.Rule{
	Code:       "KR206",
	Name:       "ipmi-import",
	Summary:    "ipmi client library pyghmi imported",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{319},
	Aliases:    []string{"B415"},
	File:       runIPMIImport,
	Doc: `## What it does
Flags the first import of ` + "`pyghmi`" + `, a client for IPMI, the out-of-band management protocol of
server BMCs.

## Why is this bad?
IPMI's authentication is broken by design: in IPMI 2.0 RAKP the BMC sends a salted hash of the
user's password to anyone who asks (CVE-2013-4786), which can be cracked offline, and cipher
suite 0 allows logins without a password. A BMC controls the whole machine.

## Example
` + "```python" + `
from pyghmi.ipmi import command

ipmi = command.Command(bmc="10.0.0.5", userid="admin", password=password)
` + "```" + `

## Use instead
Manage BMCs over Redfish (HTTPS with certificate verification), e.g. with the ` + "`sushy`" + ` or
` + "`redfish`" + ` packages, and keep IPMI disabled or on an isolated network.

## References
- https://nvd.nist.gov/vuln/detail/CVE-2013-4786
- https://www.dmtf.org/standards/redfish
- https://cwe.mitre.org/data/definitions/319.html`,
}

func runIPMIImport(p *analysis.Pass) {
	reportImport(p, "pyghmi", "pyghmi imported: IPMI leaks password hashes to unauthenticated peers; prefer Redfish over HTTPS")
}
