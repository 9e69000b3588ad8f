package crypto

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// JWTUnverified flags JWTs decoded without checking their signature.
var JWTUnverified = &analysis.Rule{
	Code:       "KR208",
	Name:       "jwt-signature-not-verified",
	Summary:    "jwt decoded without verifying its signature",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{347},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"decode"},
	Run:        runJWTUnverified,
	Doc: `## What it does
Flags PyJWT's and python-jose's ` + "`jwt.decode`" + ` called with ` + "`options={\"verify_signature\": False}`" + `
(also through a variable or ` + "`dict(...)`" + `), with PyJWT 1's ` + "`verify=False`" + `, or with an
` + "`algorithms`" + ` list that allows ` + "`\"none\"`" + `. A decode with a key but without ` + "`algorithms`" + ` is
reported with low confidence: PyJWT 2 rejects it, while PyJWT 1 and python-jose then accept
whatever algorithm the token names, which allows algorithm confusion (an HS256 token "signed"
with the server's RSA public key).

## Why is this bad?
A token whose signature is not checked can be forged by anyone: the claims (user id, roles,
expiry) are whatever the client wrote. Accepting the ` + "`none`" + ` algorithm has the same effect.
Decoding without verification is only safe to read a header such as ` + "`kid`" + ` before a verified
decode.

## Example
` + "```python" + `
import jwt

claims = jwt.decode(token, options={"verify_signature": False})
` + "```" + `

## Use instead
` + "```python" + `
claims = jwt.decode(token, key, algorithms=["RS256"], audience="my-api")
` + "```" + `

## References
- https://pyjwt.readthedocs.io/en/stable/api.html#jwt.decode
- https://python-jose.readthedocs.io/en/latest/jwt/api.html
- https://cwe.mitre.org/data/definitions/347.html`,
}

func runJWTUnverified(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if ruleutil.ResolvedTail(p.Model, c) != "decode" {
		return
	}
	qn := p.Model.CalleeName(c)
	switch qn {
	case "jwt.decode", "jwt.api_jwt.decode", "jwt.api_jws.decode", "jose.jwt.decode", "jose.jws.verify":
	default:
		return
	}
	if k := ruleutil.Keyword(c, "verify"); k != nil && isConstFalse(p.Model, k.Value) {
		p.Report(c, qn+" called with verify=False accepts forged tokens")
		return
	}
	if opts := ruleutil.Keyword(c, "options"); opts != nil && optionFalse(p.Model, opts.Value, "verify_signature") {
		p.Report(c, qn+" called with verify_signature disabled accepts forged tokens")
		return
	}
	algs := ruleutil.Keyword(c, "algorithms")
	if algs != nil && allowsNone(p.Model, algs.Value) {
		p.ReportDiagnostic(analysis.Diagnostic{
			Node:       c,
			Message:    qn + " allows the \"none\" algorithm, which accepts unsigned tokens",
			Confidence: analysis.ConfidenceHigh,
		})
		return
	}
	// PyJWT 2 refuses to decode without algorithms, so code that does so runs
	// on PyJWT 1 or python-jose, which accept whatever algorithm the token
	// names: an HS256 token signed with the RSA public key passes.
	key := ruleutil.Arg(c, 1, "key")
	if algs == nil && qn != "jose.jws.verify" && len(c.Args) <= 2 && !ruleutil.HasDoubleStar(c) &&
		key != nil && !ruleutil.IsNone(key) {
		p.ReportDiagnostic(analysis.Diagnostic{
			Node:       c,
			Message:    qn + " called without algorithms: the token chooses its own algorithm (algorithm confusion)",
			Severity:   analysis.SeverityMedium,
			Confidence: analysis.ConfidenceLow,
		})
	}
}

// isConstFalse reports whether e is known to be False (not merely falsy:
// None often means "use the default").
func isConstFalse(m *semantic.Model, e ast.Expr) bool {
	v, ok := m.ConstValue(e)
	return ok && v.Kind == ast.ConstFalse
}

// optionFalse reports whether an options mapping, a dict display or a
// dict(...) call, directly or through a variable, sets key to False.
func optionFalse(m *semantic.Model, e ast.Expr, key string) bool {
	switch d := ruleutil.ValueOf(m, e).(type) {
	case *ast.Dict:
		for i, k := range d.Keys {
			if k == nil || i >= len(d.Values) {
				continue
			}
			if s, ok := m.ConstString(k); ok && s == key && isConstFalse(m, d.Values[i]) {
				return true
			}
		}
	case *ast.Call:
		if m.QualifiedNameIs(d.Func, "builtins.dict") {
			k := ruleutil.Keyword(d, key)
			return k != nil && isConstFalse(m, k.Value)
		}
	}
	return false
}

// allowsNone reports whether an algorithms list or tuple holds "none".
func allowsNone(m *semantic.Model, e ast.Expr) bool {
	var elts []ast.Expr
	switch l := ruleutil.ValueOf(m, e).(type) {
	case *ast.List:
		elts = l.Elts
	case *ast.Tuple:
		elts = l.Elts
	case *ast.Set:
		elts = l.Elts
	default:
		s, ok := m.ConstString(e)
		return ok && strings.EqualFold(s, "none")
	}
	for _, x := range elts {
		if s, ok := m.ConstString(x); ok && strings.EqualFold(s, "none") {
			return true
		}
	}
	return false
}
