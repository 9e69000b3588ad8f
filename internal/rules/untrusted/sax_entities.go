package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// SAXExternalEntities flags SAX parsers told to process external entities.
var SAXExternalEntities = &analysis.Rule{
	Code:       "KR144",
	Name:       "sax-external-entities",
	Summary:    "SAX parser with external entity processing enabled",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{611},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"setFeature"},
	Run:        runSAXExternalEntities,
	Doc: `## What it does
Flags ` + "`parser.setFeature(feature, True)`" + ` where the feature is
` + "`xml.sax.handler.feature_external_ges`" + ` or ` + "`feature_external_pes`" + ` (by name or by its
URI), on any SAX reader, including those that ` + "`xml.dom.pulldom`" + ` and ` + "`xml.dom.minidom`" + `
are given.

## Why is this bad?
Since Python 3.7.1 the expat SAX reader ignores external entities. Turning the feature
back on makes it open whatever ` + "`SYSTEM`" + ` identifier a document declares: a file such as
` + "`/etc/passwd`" + ` ends up in the parsed content, and an ` + "`http://`" + ` URL makes the server send
requests on the attacker's behalf (XXE, SSRF).

## Example
` + "```python" + `
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges

parser = make_parser()
parser.setFeature(feature_external_ges, True)
parser.parse(upload)
` + "```" + `

## Use instead
Leave the feature off (the default), or parse with defusedxml.

` + "```python" + `
from defusedxml.sax import make_parser

parser = make_parser()
parser.parse(upload)
` + "```" + `

## References
- [xml.sax.handler: feature_external_ges](https://docs.python.org/3/library/xml.sax.handler.html#xml.sax.handler.feature_external_ges)
- [Python: XML vulnerabilities](https://docs.python.org/3/library/xml.html#xml-vulnerabilities)
- [CWE-611: Improper Restriction of XML External Entity Reference](https://cwe.mitre.org/data/definitions/611.html)
`,
}

func runSAXExternalEntities(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if ruleutil.MethodName(c) != "setFeature" || len(c.Args) != 2 {
		return
	}
	kind := saxEntityFeature(p.Model, c.Args[0])
	if kind == "" || !ruleutil.IsTrue(p.Model, c.Args[1]) {
		return
	}
	p.Report(c, "setFeature enables external "+kind+" entities: the SAX parser will read files and URLs a document names (XXE)")
}

// saxEntityFeature returns "general" or "parameter" when e names the SAX
// feature that processes external entities of that kind, or "".
func saxEntityFeature(m *semantic.Model, e ast.Expr) string {
	switch {
	case m.QualifiedNameIs(e, "xml.sax.handler.feature_external_ges"):
		return "general"
	case m.QualifiedNameIs(e, "xml.sax.handler.feature_external_pes"):
		return "parameter"
	}
	switch s, _ := m.ConstString(e); s {
	case "http://xml.org/sax/features/external-general-entities":
		return "general"
	case "http://xml.org/sax/features/external-parameter-entities":
		return "parameter"
	}
	return ""
}
