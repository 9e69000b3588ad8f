package web

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// AllowedHostsWildcard flags Django's ALLOWED_HOSTS accepting any host.
var AllowedHostsWildcard = &analysis.Rule{
	Code:       "KR602",
	Name:       "django-allowed-hosts-wildcard",
	Summary:    "django allowed_hosts accepts any host header",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{183, 20},
	Kinds:      []ast.Kind{ast.KindAssign, ast.KindAnnAssign, ast.KindAugAssign, ast.KindCall},
	Callees:    []string{"append", "extend", "insert"},
	Run:        runAllowedHostsWildcard,
	Doc: `## What it does
Flags ` + "`ALLOWED_HOSTS`" + ` set to a list that contains "*" (by assignment, ` + "`+=`" + ` or
` + "`.append(\"*\")`" + `), and an ` + "`ALLOWED_HOSTS`" + ` read from the environment that falls back to
"*" (` + "`os.environ.get(\"ALLOWED_HOSTS\", \"*\").split(\",\")`" + `). Development and test settings
get low confidence.

## Why is this bad?
Django uses the Host header to build absolute URLs: password-reset links, redirects and
links in e-mails. ALLOWED_HOSTS is its defence against forged Host headers; with "*" an
attacker who sends ` + "`Host: evil.example`" + ` gets reset links and cached pages that point at
their server (host header poisoning).

## Example
` + "```python" + `
ALLOWED_HOSTS = ["*"]
` + "```" + `

## Use instead
` + "```python" + `
ALLOWED_HOSTS = ["shop.example.com", "www.shop.example.com"]
` + "```" + `

## References
- [CWE-183: Permissive List of Allowed Inputs](https://cwe.mitre.org/data/definitions/183.html)
- [CWE-20: Improper Input Validation](https://cwe.mitre.org/data/definitions/20.html)
- [Django settings: ALLOWED_HOSTS](https://docs.djangoproject.com/en/stable/ref/settings/#allowed-hosts)
- [Django security: Host header validation](https://docs.djangoproject.com/en/stable/topics/security/#host-header-validation)
`,
}

func runAllowedHostsWildcard(p *analysis.Pass, n ast.Node) {
	var target, value ast.Expr
	switch x := n.(type) {
	case *ast.Assign:
		for _, t := range x.Targets {
			if isAllowedHosts(t) {
				target = t
			}
		}
		value = x.Value
	case *ast.AnnAssign:
		target, value = x.Target, x.Value
	case *ast.AugAssign:
		target, value = x.Target, x.Value
	case *ast.Call:
		// ALLOWED_HOSTS.append("*")
		a, ok := x.Func.(*ast.Attribute)
		if !ok || (a.Attr != "append" && a.Attr != "extend" && a.Attr != "insert") || !isAllowedHosts(a.Value) {
			return
		}
		for _, arg := range x.Args {
			if isWildcardHost(p, arg) {
				reportAllowedHosts(p, x, "ALLOWED_HOSTS."+a.Attr+" adds \"*\": any Host header is accepted", 0)
				return
			}
		}
		return
	}
	if target == nil || value == nil || !isAllowedHosts(target) {
		return
	}
	if isWildcardHost(p, value) {
		reportAllowedHosts(p, n, "ALLOWED_HOSTS contains \"*\": any Host header is accepted", 0)
		return
	}
	// os.environ.get("ALLOWED_HOSTS", "*").split(",")
	if c, ok := value.(*ast.Call); ok && ruleutil.CalleeTail(c) == "split" {
		if a, ok := c.Func.(*ast.Attribute); ok {
			value = a.Value
		}
	}
	if d := ruleutil.EnvFallback(p.Model, value); d != nil && isWildcardHost(p, d) {
		reportAllowedHosts(p, n, "ALLOWED_HOSTS falls back to \"*\" when the environment does not set it", analysis.ConfidenceMedium)
	}
}

func isAllowedHosts(e ast.Expr) bool {
	return ruleutil.ExprTail(e) == "ALLOWED_HOSTS"
}

// isWildcardHost reports "*" alone or in a list, tuple or set.
func isWildcardHost(p *analysis.Pass, e ast.Expr) bool {
	var elts []ast.Expr
	switch x := e.(type) {
	case *ast.List:
		elts = x.Elts
	case *ast.Tuple:
		elts = x.Elts
	case *ast.Set:
		elts = x.Elts
	default:
		s, ok := p.Model.ConstString(e)
		return ok && s == "*"
	}
	for _, el := range elts {
		if s, ok := p.Model.ConstString(el); ok && s == "*" {
			return true
		}
	}
	return false
}

func reportAllowedHosts(p *analysis.Pass, n ast.Node, msg string, conf analysis.Confidence) {
	if ruleutil.InDevSettingsFile(p) {
		conf = analysis.ConfidenceLow
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: n, Message: msg, Confidence: conf})
}
