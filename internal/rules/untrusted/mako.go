package untrusted

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// MakoTemplates flags Mako templates and lookups that do not HTML-escape
// expressions by default.
var MakoTemplates = &analysis.Rule{
	Code:       "KR151",
	Name:       "mako-no-default-escaping",
	Summary:    "mako template without an HTML-escaping default filter",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{79},
	Aliases:    []string{"B702", "S702"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"Template", "TemplateLookup"},
	Run:        runMakoTemplates,
	Doc: `## What it does
Flags ` + "`mako.template.Template(...)`" + ` and ` + "`mako.lookup.TemplateLookup(...)`" + ` unless
` + "`default_filters`" + ` includes an HTML escaper (` + "`'h'`" + ` or a filter whose name contains
"escape"). A ` + "`default_filters`" + ` value krait cannot read is accepted.

## Why is this bad?
Mako inserts ` + "`${value}`" + ` without escaping unless the expression says ` + "`${value | h}`" + `
or the template's default filters include ` + "`h`" + `. Forgetting ` + "`| h`" + ` once is enough for a
value containing markup to run script in the reader's browser (cross-site scripting).

## Example
` + "```python" + `
from mako.template import Template

page = Template("<p>Hello ${name}</p>").render(name=name)
` + "```" + `

## Use instead
` + "```python" + `
page = Template("<p>Hello ${name}</p>", default_filters=["h"]).render(name=name)
` + "```" + `

## References
- [Mako: filtering and buffering (default_filters)](https://docs.makotemplates.org/en/latest/filtering.html#the-default-filters-argument)
- [OWASP XSS Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
- [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
`,
}

func runMakoTemplates(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	m := p.Model
	var qn string
	switch calleeTail(m, c) {
	case "Template":
		qn = matchCallee(m, c, "mako.template.Template")
	case "TemplateLookup":
		qn = matchCallee(m, c, "mako.lookup.TemplateLookup")
	}
	if qn == "" || ruleutil.HasDoubleStar(c) {
		return
	}
	if f := ruleutil.Keyword(c, "default_filters"); f != nil && !makoFiltersLackEscape(m, f.Value) {
		return
	}
	p.Report(c, qn+" renders ${...} expressions without HTML escaping: add default_filters=['h'] (XSS)")
}

// makoFiltersLackEscape reports whether a default_filters value is a known
// list of filter names none of which escapes HTML.
func makoFiltersLackEscape(m *semantic.Model, e ast.Expr) bool {
	var elts []ast.Expr
	switch x := valueOf(m, e).(type) {
	case *ast.List:
		elts = x.Elts
	case *ast.Tuple:
		elts = x.Elts
	default:
		return false
	}
	for _, el := range elts {
		s, ok := m.ConstString(el)
		if !ok || s == "h" || strings.Contains(s, "escape") {
			return false
		}
	}
	return true
}
