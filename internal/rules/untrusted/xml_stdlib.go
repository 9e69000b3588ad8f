package untrusted

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// StdlibXMLParse flags the standard library's XML parsers applied to data
// that is not constant.
var StdlibXMLParse = &analysis.Rule{
	Code:       "KR140",
	Name:       "stdlib-xml-parse",
	Summary:    "untrusted XML parsed with the standard library parsers",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{776, 611},
	Aliases: []string{"B313", "B314", "B315", "B316", "B317", "B318", "B319",
		"S313", "S314", "S315", "S316", "S317", "S318", "S319"},
	Kinds: []ast.Kind{ast.KindCall},
	Callees: []string{
		"parse", "parseString", "fromstring", "XML", "XMLID", "iterparse", "fromstringlist",
		"XMLParser", "make_parser", "create_parser",
	},
	Run: runStdlibXMLParse,
	Doc: `## What it does
Flags parsing with ` + "`xml.etree.ElementTree`" + ` / ` + "`cElementTree`" + ` (` + "`parse`" + `, ` + "`fromstring`" + `,
` + "`XML`" + `, ` + "`XMLID`" + `, ` + "`iterparse`" + `, ` + "`fromstringlist`" + `), ` + "`xml.sax`" + ` (` + "`parse`" + `,
` + "`parseString`" + `), ` + "`xml.dom.minidom`" + `, ` + "`xml.dom.pulldom`" + ` and ` + "`xml.dom.expatbuilder`" + `
(` + "`parse`" + `, ` + "`parseString`" + `). XML given as a constant string is not flagged; a file at a
constant path is reported with low confidence, data from the request with high
confidence. Creating a parser (` + "`XMLParser()`" + `, ` + "`xml.sax.make_parser()`" + `,
` + "`xml.sax.expatreader.create_parser()`" + `) is reported with low confidence.
` + "`xml.parsers.expat.ParserCreate`" + ` is not flagged: expat itself fetches nothing unless the
caller installs an external-entity handler.

## Why is this bad?
These parsers expand entities declared in the document's DTD. A few hundred bytes of
nested entities ("billion laughs") or one large entity repeated many times (quadratic
blowup) make the parser use gigabytes of memory and minutes of CPU; expat only limits
amplification since 2.4.1, and not all deployments bundle it. ` + "`xml.sax`" + ` and
` + "`xml.dom.pulldom`" + ` also resolved external entities, which reads local files and makes
requests (XXE), before Python 3.7.1, and do again if a program enables
` + "`feature_external_ges`" + ` (KR144).

## Example
` + "```python" + `
import xml.etree.ElementTree as ET

@app.post("/import")
def import_feed():
    root = ET.fromstring(request.data)
` + "```" + `

## Use instead
` + "```python" + `
import defusedxml.ElementTree as ET

root = ET.fromstring(request.data)
` + "```" + `

## References
- [Python: XML vulnerabilities](https://docs.python.org/3/library/xml.html#xml-vulnerabilities)
- [defusedxml](https://pypi.org/project/defusedxml/)
- [CWE-776: Improper Restriction of Recursive Entity References in DTDs](https://cwe.mitre.org/data/definitions/776.html)
- [CWE-611: Improper Restriction of XML External Entity Reference](https://cwe.mitre.org/data/definitions/611.html)
`,
}

// stdlibXMLSink returns the resolved name of a stdlib XML parsing call, or "".
func stdlibXMLSink(p *analysis.Pass, c *ast.Call) string {
	m := p.Model
	switch calleeTail(m, c) {
	case "parse":
		return matchCallee(m, c, "xml.etree.ElementTree.parse", "xml.etree.cElementTree.parse", "xml.sax.parse",
			"xml.dom.minidom.parse", "xml.dom.pulldom.parse", "xml.dom.expatbuilder.parse")
	case "parseString":
		return matchCallee(m, c, "xml.sax.parseString", "xml.dom.minidom.parseString", "xml.dom.pulldom.parseString",
			"xml.dom.expatbuilder.parseString")
	case "fromstring", "XML", "XMLID", "iterparse", "fromstringlist":
		for _, mod := range [...]string{"xml.etree.ElementTree", "xml.etree.cElementTree"} {
			if qn := mod + "." + calleeTail(m, c); m.QualifiedNameIs(c.Func, qn) {
				return qn
			}
		}
	case "XMLParser", "make_parser", "create_parser":
		return matchCallee(m, c, "xml.etree.ElementTree.XMLParser", "xml.etree.cElementTree.XMLParser",
			"xml.sax.make_parser", "xml.sax.expatreader.create_parser")
	}
	return ""
}

func runStdlibXMLParse(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	qn := stdlibXMLSink(p, c)
	if qn == "" {
		return
	}
	if strings.HasSuffix(qn, "Parser") || strings.HasSuffix(qn, "_parser") {
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: analysis.ConfidenceLow,
			Message: qn + " creates a standard library XML parser, which is open to entity-expansion attacks on untrusted XML; use defusedxml"})
		return
	}
	arg := ruleutil.Arg(c, 0, "")
	if arg == nil {
		for _, name := range [...]string{"source", "text", "string", "file", "stream_or_string", "sequence"} {
			if arg = ruleutil.Arg(c, -1, name); arg != nil {
				break
			}
		}
	}
	if arg == nil {
		return
	}
	use := "defusedxml" + strings.Replace(qn[strings.LastIndexByte(qn[:strings.LastIndexByte(qn, '.')], '.'):], "cElementTree", "ElementTree", 1)
	v := valueOf(p.Model, arg)
	if s, ok := p.Model.ConstValue(v); ok {
		if s.Kind == ast.ConstStr && strings.HasSuffix(qn, "parse") && !strings.HasPrefix(strings.TrimSpace(s.S), "<") {
			p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: analysis.ConfidenceLow,
				Message: qn + " parses the file " + s.S + " with a parser open to entity-expansion attacks; use " + use + " if that file may come from elsewhere"})
		}
		return
	}
	if isOpenOfConstant(p.Model, arg) {
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: analysis.ConfidenceLow,
			Message: qn + " parses a file at a fixed path with a parser open to entity-expansion attacks; use " + use + " if that file may come from elsewhere"})
		return
	}
	o := originOf(p.Model, arg)
	d := analysis.Diagnostic{Node: c,
		Message: qn + " parses " + o.describe() + " with a parser open to entity-expansion (billion laughs) attacks; use " + use}
	if o == fromRequest {
		d.Confidence = analysis.ConfidenceHigh
	}
	p.ReportDiagnostic(d)
}
