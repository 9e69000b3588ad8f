package untrusted

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// XMLRPCImport flags imports of the XML-RPC client and server modules.
var XMLRPCImport = &analysis.Rule{
	Code:       "KR143",
	Name:       "xmlrpc-import",
	Summary:    "XML-RPC module parses untrusted XML without defusedxml",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{776, 409},
	Aliases:    []string{"B411", "S411"},
	Kinds:      []ast.Kind{ast.KindImport, ast.KindImportFrom},
	Run:        runXMLRPCImport,
	Doc: `## What it does
Flags imports of ` + "`xmlrpc.server`" + `, ` + "`xmlrpc.client`" + ` and their Python 2 names
(` + "`SimpleXMLRPCServer`" + `, ` + "`DocXMLRPCServer`" + `, ` + "`xmlrpclib`" + `), unless the file also imports
` + "`defusedxml.xmlrpc`" + ` (whose ` + "`monkey_patch()`" + ` hardens them). A server parses whatever any
client sends and is reported with medium severity; a client only parses its server's
answers and is reported with low severity.

## Why is this bad?
The XML-RPC modules parse requests and responses with expat, so a peer can send an
entity-expansion bomb, and they accept gzip-encoded bodies without a size limit
(a decompression bomb). Both exhaust memory and CPU.

## Example
` + "```python" + `
from xmlrpc.server import SimpleXMLRPCServer

server = SimpleXMLRPCServer(("0.0.0.0", 8000))
` + "```" + `

## Use instead
` + "```python" + `
from defusedxml.xmlrpc import monkey_patch
from xmlrpc.server import SimpleXMLRPCServer

monkey_patch()
server = SimpleXMLRPCServer(("127.0.0.1", 8000))
` + "```" + `

## References
- [Python: XML vulnerabilities](https://docs.python.org/3/library/xml.html#xml-vulnerabilities)
- [xmlrpc.server](https://docs.python.org/3/library/xmlrpc.server.html)
- [defusedxml.xmlrpc](https://github.com/tiran/defusedxml#defusedxmlxmlrpc)
- [CWE-776: Improper Restriction of Recursive Entity References in DTDs](https://cwe.mitre.org/data/definitions/776.html)
`,
}

// xmlrpcSide returns "server" or "client" for an XML-RPC module, or "".
func xmlrpcSide(mod string) string {
	switch mod {
	case "xmlrpc.server", "SimpleXMLRPCServer", "DocXMLRPCServer":
		return "server"
	case "xmlrpc.client", "xmlrpclib":
		return "client"
	}
	return ""
}

// defusesXMLRPC reports whether the file imports defusedxml's XML-RPC patch.
func defusesXMLRPC(m *semantic.Model) bool {
	for _, imp := range m.ImportedModules() {
		if strings.HasPrefix(imp.Module, "defusedxml.xmlrpc") {
			return true
		}
		if f, ok := imp.Stmt.(*ast.ImportFrom); ok && imp.Module == "defusedxml" {
			for _, a := range f.Names {
				if a.Name == "xmlrpc" {
					return true
				}
			}
		}
	}
	return false
}

func runXMLRPCImport(p *analysis.Pass, n ast.Node) {
	_, isImport := n.(*ast.Import)
	forEachImportedModule(n, func(pkg string) bool { return pkg == "xmlrpc" }, func(im importedModule) bool {
		side := xmlrpcSide(im.module)
		if side == "" {
			return true
		}
		if defusesXMLRPC(p.Model) || underTypeChecking(p.Model, importStmt(n)) {
			return false
		}
		d := analysis.Diagnostic{Node: im.node,
			Message: "import of " + im.module + ": the XML-RPC " + side + " parses untrusted XML open to entity-expansion and decompression bombs; call defusedxml.xmlrpc.monkey_patch()"}
		if side == "client" {
			d.Severity = analysis.SeverityLow
		}
		p.ReportDiagnostic(d)
		return isImport
	})
}
