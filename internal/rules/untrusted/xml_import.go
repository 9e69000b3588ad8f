package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// XMLImport flags imports of XML parsers that are open to XML attacks.
var XMLImport = &analysis.Rule{
	Code:       "KR142",
	Name:       "insecure-xml-import",
	Summary:    "import of an XML parser that is unsafe on untrusted XML",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceLow,
	CWE:        []int{776, 611},
	Aliases:    []string{"B405", "B406", "B407", "B408", "B409", "B410", "S405", "S406", "S407", "S408", "S409", "S410"},
	Kinds:      []ast.Kind{ast.KindImport, ast.KindImportFrom},
	Run:        runXMLImport,
	Doc: `## What it does
Flags imports of the standard library's XML parsers (` + "`xml.etree.ElementTree`" + `,
` + "`xml.etree.cElementTree`" + `, ` + "`xml.sax`" + `, ` + "`xml.dom.minidom`" + `, ` + "`xml.dom.pulldom`" + `,
` + "`xml.dom.expatbuilder`" + `) and of ` + "`lxml`" + `. The message names the module. Importing only
what builds or writes XML (` + "`from xml.etree.ElementTree import Element, tostring`" + `,
` + "`xml.sax.saxutils`" + `, ` + "`lxml.html`" + `) is not flagged, nor is any import in a file that also
uses defusedxml, nor one under ` + "`if TYPE_CHECKING:`" + `. It is informational: KR140 and
KR141 report the parsing calls.

## Why is this bad?
These parsers expand entities declared in the document. On untrusted input that allows
the "billion laughs" and quadratic-blowup denial of service (expat before 2.4.1 has no
protection), and lxml before 5.0 resolves external entities, which reads local files
(XXE). Before Python 3.7.1 ` + "`xml.sax`" + ` and ` + "`xml.dom.pulldom`" + ` fetched external entities too.

## Example
` + "```python" + `
import xml.etree.ElementTree as ET
from xml.dom import minidom
` + "```" + `

## Use instead
` + "```python" + `
import defusedxml.ElementTree as ET
from defusedxml import minidom
` + "```" + `

## References
- [Python: XML vulnerabilities](https://docs.python.org/3/library/xml.html#xml-vulnerabilities)
- [defusedxml](https://pypi.org/project/defusedxml/)
- [CWE-776: Improper Restriction of Recursive Entity References in DTDs](https://cwe.mitre.org/data/definitions/776.html)
- [CWE-611: Improper Restriction of XML External Entity Reference](https://cwe.mitre.org/data/definitions/611.html)
`,
}

// xmlParserModule returns the defusedxml replacement (or advice) for a
// module whose import the rule flags, or "".
func xmlParserModule(mod string) string {
	switch mod {
	case "xml.etree.ElementTree", "xml.etree.cElementTree":
		return "defusedxml.ElementTree"
	case "xml.sax":
		return "defusedxml.sax"
	case "xml.dom.minidom":
		return "defusedxml.minidom"
	case "xml.dom.pulldom":
		return "defusedxml.pulldom"
	case "xml.dom.expatbuilder":
		return "defusedxml.expatbuilder"
	case "lxml", "lxml.etree", "lxml.objectify":
		return "a parser created with resolve_entities=False"
	}
	return ""
}

// isXMLPackage reports whether pkg has parser modules as submodules, as in
// `from xml.dom import minidom`.
func isXMLPackage(pkg string) bool {
	switch pkg {
	case "xml", "xml.etree", "xml.dom", "lxml":
		return true
	}
	return false
}

// isXMLParseName reports whether name, imported from an XML parser module,
// parses XML (rather than building or serializing it).
func isXMLParseName(name string) bool {
	switch name {
	case "*", "parse", "parseString", "fromstring", "fromstringlist", "XML", "XMLID", "iterparse",
		"XMLParser", "XMLPullParser", "ETCompatXMLParser", "make_parser":
		return true
	}
	return false
}

func runXMLImport(p *analysis.Pass, n ast.Node) {
	_, isImport := n.(*ast.Import)
	checked := false
	forEachImportedModule(n, isXMLPackage, func(im importedModule) bool {
		use := xmlParserModule(im.module)
		if use == "" {
			return true
		}
		if im.names != nil {
			parses := false
			for _, a := range im.names {
				parses = parses || isXMLParseName(a.Name)
			}
			if !parses {
				return true
			}
		}
		if !checked {
			if importsPackage(p.Model, "defusedxml") || underTypeChecking(p.Model, importStmt(n)) {
				return false
			}
			checked = true
		}
		p.Report(im.node, "import of "+im.module+", whose parser is open to entity-expansion and external-entity attacks on untrusted XML; use "+use)
		return isImport
	})
}
