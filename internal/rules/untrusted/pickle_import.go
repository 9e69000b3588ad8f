package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// PickleImport flags imports of modules that unpickle data.
var PickleImport = &analysis.Rule{
	Code:       "KR133",
	Name:       "pickle-import",
	Summary:    "import of a module that deserializes with pickle",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceLow,
	CWE:        []int{502},
	Aliases:    []string{"B403", "S403"},
	Kinds:      []ast.Kind{ast.KindImport, ast.KindImportFrom},
	Run:        runPickleImport,
	Doc: `## What it does
Flags ` + "`import pickle`" + ` (and ` + "`cPickle`" + `, ` + "`_pickle`" + `, ` + "`dill`" + `, ` + "`cloudpickle`" + `, ` + "`shelve`" + `,
` + "`jsonpickle`" + `) and ` + "`from ... import`" + ` of their loading functions. Importing only the
dumping side (` + "`from pickle import dumps`" + `) and imports under ` + "`if TYPE_CHECKING:`" + ` are not
flagged. It is informational: KR130 reports the calls that actually load data.

## Why is this bad?
Everything these modules load can run code. A module that imports them is a place to
check that only data the program itself wrote, and nobody else can alter, is ever
loaded.

## Example
` + "```python" + `
import pickle
from shelve import open as open_shelf
` + "```" + `

## Use instead
Prefer a data-only format such as JSON, MessagePack or safetensors.

` + "```python" + `
import json
` + "```" + `

## References
- [pickle — Python object serialization](https://docs.python.org/3/library/pickle.html)
- [shelve — Python object persistence](https://docs.python.org/3/library/shelve.html)
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
`,
}

// isPickleModule reports whether mod is a module that unpickles.
func isPickleModule(mod string) bool {
	switch mod {
	case "pickle", "cPickle", "_pickle", "dill", "cloudpickle", "shelve", "jsonpickle", "jsonpickle.unpickler":
		return true
	}
	return false
}

// isPickleLoader reports whether name is a loading function of a pickle module.
func isPickleLoader(name string) bool {
	switch name {
	case "*", "load", "loads", "Unpickler", "open", "Shelf", "DbfilenameShelf", "BsdDbShelf",
		"decode", "unpickler", "load_session", "load_module":
		return true
	}
	return false
}

func runPickleImport(p *analysis.Pass, n ast.Node) {
	forEachImportedModule(n, nil, func(im importedModule) bool {
		if !isPickleModule(im.module) {
			return true
		}
		name := im.module
		if _, from := n.(*ast.ImportFrom); from {
			loader := ""
			for _, a := range im.names {
				if isPickleLoader(a.Name) {
					loader = a.Name
					break
				}
			}
			if loader == "" && im.names != nil {
				return true
			}
			if loader != "" && loader != "*" {
				name += "." + loader
			}
		}
		if underTypeChecking(p.Model, importStmt(n)) {
			return false
		}
		p.Report(im.node, "import of "+name+": it runs arbitrary code when it loads untrusted data; load only data nobody else can alter")
		_, more := n.(*ast.Import) // each alias of `import a, b` is its own import
		return more
	})
}
