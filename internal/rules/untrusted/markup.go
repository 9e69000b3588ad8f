package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// MarkupXSS flags markupsafe.Markup (also as flask.Markup and jinja2.Markup)
// wrapped around values that are not constant or escaped.
var MarkupXSS = &analysis.Rule{
	Code:       "KR153",
	Name:       "markupsafe-markup-xss",
	Summary:    "markupsafe.Markup on a value that is not escaped",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{79},
	Aliases:    []string{"B704", "S704"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"Markup"},
	Run:        runMarkupXSS,
	Doc: `## What it does
Flags ` + "`markupsafe.Markup(value)`" + ` (also imported from ` + "`flask`" + ` or ` + "`jinja2`" + ` in older
releases) when the value is a string built from a part no escaper produced, or request
data (high confidence), or any other non-constant value (low confidence).
` + "`Markup(\"<b>{}</b>\").format(value)`" + ` and ` + "`Markup(escape(value))`" + ` are fine: they escape.

## Why is this bad?
` + "`Markup`" + ` declares its argument to be safe HTML, so Jinja2 and MarkupSafe will never
escape it. Wrapping user input, or a string formatted from it, puts that input into the
page as markup: cross-site scripting.

## Example
` + "```python" + `
from markupsafe import Markup

banner = Markup(f"<div class='note'>{user.bio}</div>")
` + "```" + `

## Use instead
` + "```python" + `
banner = Markup("<div class='note'>{}</div>").format(user.bio)
` + "```" + `

## References
- [MarkupSafe: Markup](https://markupsafe.palletsprojects.com/en/stable/escaping/#markupsafe.Markup)
- [MarkupSafe: formatting](https://markupsafe.palletsprojects.com/en/stable/formatting/)
- [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
`,
}

func runMarkupXSS(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if calleeTail(p.Model, c) != "Markup" {
		return
	}
	qn := matchCallee(p.Model, c, "markupsafe.Markup", "flask.Markup", "jinja2.Markup", "jinja2.utils.Markup")
	if qn == "" {
		return
	}
	reportMarkedSafe(p, c, qn, ruleutil.Arg(c, 0, "base"))
}
