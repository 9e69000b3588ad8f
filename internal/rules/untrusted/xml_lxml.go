package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// LxmlXXE flags lxml parsers configured to resolve external entities, and
// parsing of untrusted data with lxml's default parser.
var LxmlXXE = &analysis.Rule{
	Code:       "KR141",
	Name:       "lxml-external-entities",
	Summary:    "lxml parser that resolves external entities (XXE)",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{611, 776},
	Aliases:    []string{"B320", "S320"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees: []string{
		"XMLParser", "XMLPullParser", "ETCompatXMLParser", "makeparser", "iterparse", "fromstring",
		"XML", "parse", "XMLID", "XMLDTDID", "fromstringlist", "parseid",
	},
	Run: runLxmlXXE,
	Doc: `## What it does
Flags lxml parsers created with ` + "`resolve_entities=True`" + ` or ` + "`no_network=False`" + `
(` + "`XMLParser`" + `, ` + "`XMLPullParser`" + `, ` + "`ETCompatXMLParser`" + `, ` + "`objectify.makeparser`" + `,
` + "`iterparse`" + `), with high confidence, and ` + "`huge_tree=True`" + ` with medium severity. It also
flags ` + "`lxml.etree.fromstring`" + `/` + "`XML`" + `/` + "`parse`" + `/` + "`iterparse`" + ` (and
` + "`lxml.objectify`" + `'s) on data that is not constant when no parser is passed, with medium
severity and low confidence (medium when the data comes from the request), because the
default parser's behaviour depends on the lxml version.

## Why is this bad?
lxml's ` + "`resolve_entities`" + ` defaulted to ` + "`True`" + ` until the 5.x series made it
` + "`'internal'`" + ` in 2024 (` + "`iterparse`" + ` and ` + "`ETCompatXMLParser`" + ` kept the old default until 6.1): a
document that declares ` + "`<!ENTITY x SYSTEM \"file:///etc/passwd\">`" + ` gets the file's
content substituted, and with ` + "`no_network=False`" + ` the parser also fetches ` + "`http://`" + `
URLs, reaching internal services (SSRF). ` + "`huge_tree=True`" + ` removes libxml2's limits on
depth and text size, which invites denial of service.

## Example
` + "```python" + `
from lxml import etree

parser = etree.XMLParser(resolve_entities=True)
doc = etree.fromstring(request.data, parser)
` + "```" + `

## Use instead
` + "```python" + `
parser = etree.XMLParser(resolve_entities=False, no_network=True)
doc = etree.fromstring(request.data, parser)
` + "```" + `

## References
- [lxml: parser options](https://lxml.de/parsing.html#parser-options)
- [lxml changelog (LP#1742885: resolve_entities='internal')](https://github.com/lxml/lxml/blob/master/CHANGES.txt)
- [OWASP XXE Prevention Cheat Sheet (Python)](https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html#python)
- [CWE-611: Improper Restriction of XML External Entity Reference](https://cwe.mitre.org/data/definitions/611.html)
`,
}

func runLxmlXXE(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	m := p.Model
	switch calleeTail(m, c) {
	case "XMLParser", "XMLPullParser", "ETCompatXMLParser", "makeparser":
		if qn := matchCallee(m, c, "lxml.etree.XMLParser", "lxml.etree.XMLPullParser", "lxml.etree.ETCompatXMLParser",
			"lxml.objectify.makeparser"); qn != "" {
			reportLxmlOptions(p, c, qn)
		}
	case "iterparse":
		if qn := matchCallee(m, c, "lxml.etree.iterparse"); qn != "" && !reportLxmlOptions(p, c, qn) &&
			ruleutil.Keyword(c, "resolve_entities") == nil && !ruleutil.HasDoubleStar(c) {
			reportLxmlDefault(p, c, qn, ruleutil.Arg(c, 0, "source"))
		}
	case "fromstring", "XML", "parse", "XMLID", "XMLDTDID", "fromstringlist", "parseid":
		qn := matchCallee(m, c, "lxml.etree.fromstring", "lxml.etree.XML", "lxml.etree.parse", "lxml.etree.XMLID",
			"lxml.etree.XMLDTDID", "lxml.etree.fromstringlist", "lxml.etree.parseid",
			"lxml.objectify.fromstring", "lxml.objectify.XML", "lxml.objectify.parse")
		if qn == "" || ruleutil.HasDoubleStar(c) {
			return
		}
		if parser := ruleutil.Arg(c, 1, "parser"); parser != nil && !ruleutil.IsNone(parser) {
			return // a parser built elsewhere is checked where it is built
		}
		reportLxmlDefault(p, c, qn, ruleutil.Arg(c, 0, ""))
	}
}

// reportLxmlOptions reports the dangerous options a parser call passes and
// says whether it reported any.
func reportLxmlOptions(p *analysis.Pass, c *ast.Call, qn string) bool {
	m := p.Model
	switch {
	case lxmlTrue(m, c, "resolve_entities"):
		p.Report(c, qn+" created with resolve_entities=True: documents can include local files through external entities (XXE)")
	case ruleutil.KeywordIsFalse(m, c, "no_network"):
		p.Report(c, qn+" created with no_network=False: documents can make the parser fetch URLs and include their content (XXE, SSRF)")
	case ruleutil.KeywordIsTrue(m, c, "huge_tree"):
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityMedium, Confidence: analysis.ConfidenceMedium,
			Message: qn + " created with huge_tree=True, which lifts libxml2's limits on depth and size (denial of service on untrusted XML)"})
	default:
		return false
	}
	return true
}

// lxmlTrue reports whether the keyword is the constant True (resolve_entities
// also accepts the string 'internal', which is safe).
func lxmlTrue(m *semantic.Model, c *ast.Call, name string) bool {
	k := ruleutil.Keyword(c, name)
	if k == nil {
		return false
	}
	v, ok := m.ConstValue(k.Value)
	return ok && (v.Kind == ast.ConstTrue || v.Kind == ast.ConstInt && v.S != "0")
}

// reportLxmlDefault reports parsing of non-constant data with lxml's default parser.
func reportLxmlDefault(p *analysis.Pass, c *ast.Call, qn string, arg ast.Expr) {
	o := originOf(p.Model, arg)
	if arg == nil || o == fixed || isOpenOfConstant(p.Model, arg) {
		return
	}
	d := analysis.Diagnostic{Node: c, Severity: analysis.SeverityMedium, Confidence: analysis.ConfidenceLow,
		Message: qn + " parses " + o.describe() + " with lxml's default parser, which resolves external entities in older lxml releases (XXE); pass XMLParser(resolve_entities=False)"}
	if o == fromRequest {
		d.Confidence = analysis.ConfidenceMedium
	}
	p.ReportDiagnostic(d)
}
