package network

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// TLSWarningsDisabled flags code that silences urllib3's warning about unverified HTTPS requests.
var TLSWarningsDisabled = &analysis.Rule{
	Code:       "KR412",
	Name:       "tls-warnings-disabled",
	Summary:    "warning about unverified https requests silenced",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{295},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"disable_warnings", "filterwarnings", "simplefilter"},
	Run:        runTLSWarningsDisabled,
	Doc: `## What it does
Flags ` + "`urllib3.disable_warnings()`" + ` (and ` + "`requests.packages.urllib3.disable_warnings()`" + `) without a
category or with ` + "`InsecureRequestWarning`" + `, and ` + "`warnings.filterwarnings`/`simplefilter`" + `
with ` + "`\"ignore\"`" + ` and ` + "`InsecureRequestWarning`" + `.

## Why is this bad?
The warning exists because a request was sent without certificate verification. Silencing it
is almost always paired with ` + "`verify=False`" + ` somewhere, and hides every such request from
the logs, including ones added later.

## Example
` + "```python" + `
import urllib3

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
` + "```" + `

## Use instead
Keep the warning, and fix the requests that raise it: pass the private CA bundle with
` + "`verify=\"/path/to/ca.pem\"`" + ` instead of ` + "`verify=False`" + `.

## References
- https://urllib3.readthedocs.io/en/stable/advanced-usage.html#tls-warnings
- https://cwe.mitre.org/data/definitions/295.html`,
}

func runTLSWarningsDisabled(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	switch ruleutil.ResolvedTail(p.Model, c) {
	case "disable_warnings":
		qn := p.Model.CalleeName(c)
		if qn != "urllib3.disable_warnings" && qn != "requests.packages.urllib3.disable_warnings" {
			return
		}
		cat := ruleutil.Arg(c, 0, "category")
		if cat != nil && !isInsecureRequestWarning(p, cat) {
			return
		}
		p.Report(c, qn+"() silences InsecureRequestWarning, the warning that a request skipped certificate verification")
	case "filterwarnings", "simplefilter":
		qn := p.Model.CalleeName(c)
		catPos := 2
		switch qn {
		case "warnings.filterwarnings":
		case "warnings.simplefilter":
			catPos = 1
		default:
			return
		}
		action, ok := p.Model.ConstString(ruleutil.Arg(c, 0, "action"))
		if !ok || action != "ignore" {
			return
		}
		if cat := ruleutil.Arg(c, catPos, "category"); cat != nil && isInsecureRequestWarning(p, cat) {
			p.Report(c, qn+" ignores InsecureRequestWarning, the warning that a request skipped certificate verification")
		}
	}
}

func isInsecureRequestWarning(p *analysis.Pass, e ast.Expr) bool {
	return ruleutil.ExprTail(e) == "InsecureRequestWarning" &&
		strings.HasSuffix(p.Model.QualifiedName(e), ".InsecureRequestWarning")
}
