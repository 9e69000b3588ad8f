package network

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// SNMPInsecureVersion flags SNMPv1 and SNMPv2c community-string authentication.
var SNMPInsecureVersion = &analysis.Rule{
	Code:       "KR409",
	Name:       "snmp-insecure-version",
	Summary:    "snmp v1 or v2c community string used",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{319},
	Aliases:    []string{"B508", "S508"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"CommunityData"},
	Run:        runSNMPInsecureVersion,
	Doc: `## What it does
Flags pysnmp's ` + "`CommunityData(...)`" + `, which selects SNMPv1 (` + "`mpModel=0`" + `) or, by default,
SNMPv2c (` + "`mpModel=1`" + `).

## Why is this bad?
SNMPv1 and v2c authenticate with a community string sent in clear text in every packet and
encrypt nothing; anyone who sees one request can read, and with a write community change, the
device's configuration.

## Example
` + "```python" + `
from pysnmp.hlapi import CommunityData

auth = CommunityData("public", mpModel=0)
` + "```" + `

## Use instead
` + "```python" + `
from pysnmp.hlapi import UsmUserData, usmHMACSHAAuthProtocol, usmAesCfb128Protocol

auth = UsmUserData("monitor", auth_key, priv_key,
                   authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmAesCfb128Protocol)
` + "```" + `

## References
- https://pypi.org/project/pysnmp/
- https://www.rfc-editor.org/rfc/rfc3414
- https://cwe.mitre.org/data/definitions/319.html`,
}

// SNMPWeakSecurity flags SNMPv3 users without authentication or privacy, or with MD5 and DES.
var SNMPWeakSecurity = &analysis.Rule{
	Code:       "KR410",
	Name:       "snmp-weak-security",
	Summary:    "snmpv3 user without encryption or with md5/des",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{319, 327},
	Aliases:    []string{"B509", "S509"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"UsmUserData"},
	Run:        runSNMPWeakSecurity,
	Doc: `## What it does
Flags pysnmp's ` + "`UsmUserData(...)`" + ` without an authentication key (noAuthNoPriv), without a
privacy key (authNoPriv, nothing encrypted), or with weak protocols: HMAC-MD5 for
authentication and DES or 3DES for privacy. pysnmp picks MD5 and DES by default when keys are
given without ` + "`authProtocol`/`privProtocol`" + `, so those are reported too.

## Why is this bad?
Without privacy every value goes over the network in clear text, and without authentication
anyone can send commands as the user. MD5 and DES are broken.

## Example
` + "```python" + `
from pysnmp.hlapi import UsmUserData

user = UsmUserData("monitor", auth_key)
` + "```" + `

## Use instead
` + "```python" + `
from pysnmp.hlapi import UsmUserData, usmHMAC192SHA256AuthProtocol, usmAesCfb128Protocol

user = UsmUserData("monitor", auth_key, priv_key,
                   authProtocol=usmHMAC192SHA256AuthProtocol, privProtocol=usmAesCfb128Protocol)
` + "```" + `

## References
- https://pypi.org/project/pysnmp/
- https://www.rfc-editor.org/rfc/rfc3414
- https://cwe.mitre.org/data/definitions/327.html`,
}

// isPysnmp reports whether a qualified name is pysnmp's, e.g.
// pysnmp.hlapi.CommunityData or pysnmp.hlapi.v3arch.asyncio.UsmUserData.
func isPysnmp(qn, class string) bool {
	return strings.HasPrefix(qn, "pysnmp.") && strings.HasSuffix(qn, "."+class)
}

func runSNMPInsecureVersion(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if ruleutil.ResolvedTail(p.Model, c) != "CommunityData" || !isPysnmp(p.Model.CalleeName(c), "CommunityData") {
		return
	}
	version := "SNMPv2c"
	if mp := ruleutil.Arg(c, -1, "mpModel"); mp != nil {
		if v, ok := p.Model.ConstValue(mp); ok && v.Kind == ast.ConstInt && v.S == "0" {
			version = "SNMPv1"
		}
	}
	p.Report(c, "CommunityData selects "+version+": the community string and all data go in clear text; use SNMPv3 UsmUserData with authentication and privacy")
}

func runSNMPWeakSecurity(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if ruleutil.ResolvedTail(p.Model, c) != "UsmUserData" || !isPysnmp(p.Model.CalleeName(c), "UsmUserData") {
		return
	}
	if ruleutil.HasDoubleStar(c) {
		return
	}
	for _, a := range c.Args {
		if _, ok := a.(*ast.Starred); ok {
			return
		}
	}
	authKey := present(ruleutil.Arg(c, 1, "authKey"))
	privKey := present(ruleutil.Arg(c, 2, "privKey"))
	authProto := valueOrNil(p, ruleutil.Arg(c, 3, "authProtocol"))
	privProto := valueOrNil(p, ruleutil.Arg(c, 4, "privProtocol"))
	switch {
	case authKey == nil && authProto == nil:
		p.Report(c, "UsmUserData without an authentication key uses noAuthNoPriv: no authentication and no encryption")
		return
	case privKey == nil && privProto == nil:
		p.Report(c, "UsmUserData without a privacy key uses authNoPriv: SNMP data goes in clear text")
		return
	}
	if authProto == nil {
		p.Report(c, "UsmUserData without authProtocol defaults to HMAC-MD5; pass a SHA-2 protocol such as usmHMAC192SHA256AuthProtocol")
		return
	}
	if privProto == nil {
		p.Report(c, "UsmUserData without privProtocol defaults to DES; pass usmAesCfb128Protocol or stronger")
		return
	}
	switch ruleutil.ExprTail(authProto) {
	case "usmHMACMD5AuthProtocol", "usmNoAuthProtocol":
		p.Report(c, "UsmUserData with "+ruleutil.ExprTail(authProto)+": use a SHA-2 authentication protocol")
		return
	}
	switch ruleutil.ExprTail(privProto) {
	case "usmDESPrivProtocol", "usm3DESEDEPrivProtocol", "usmNoPrivProtocol":
		p.Report(c, "UsmUserData with "+ruleutil.ExprTail(privProto)+": use usmAesCfb128Protocol or stronger")
	}
}

// present returns e unless it is absent or the literal None.
func present(e ast.Expr) ast.Expr {
	if e == nil || ruleutil.IsNone(e) {
		return nil
	}
	return e
}

// valueOrNil follows a variable to the protocol it names (`proto =
// usmHMACMD5AuthProtocol`) and treats an explicit None as absent.
func valueOrNil(p *analysis.Pass, e ast.Expr) ast.Expr {
	if e == nil {
		return nil
	}
	return present(ruleutil.ValueOf(p.Model, e))
}
