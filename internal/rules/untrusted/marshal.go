package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// MarshalLoad flags marshal.load and marshal.loads on data that is not constant.
var MarshalLoad = &analysis.Rule{
	Code:       "KR131",
	Name:       "marshal-deserialization",
	Summary:    "marshal deserialization of possibly untrusted data",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{502},
	Aliases:    []string{"B302", "S302"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"loads", "load"},
	Run:        runMarshalLoad,
	Doc: `## What it does
Flags ` + "`marshal.load`" + ` and ` + "`marshal.loads`" + ` unless the data is a constant.

## Why is this bad?
` + "`marshal`" + ` is Python's internal format for compiled code. Its documentation warns that
it is not secure against erroneous or maliciously constructed data: crafted input can
crash the interpreter, and marshalled code objects are often executed right after
loading. The format also changes between Python versions.

## Example
` + "```python" + `
import marshal

def load_plugin(blob):
    code = marshal.loads(blob)
    exec(code)
` + "```" + `

## Use instead
Exchange data as JSON (or another data-only format) and validate it; never load
marshal data that crossed a trust boundary.

` + "```python" + `
import json

config = json.loads(blob)
` + "```" + `

## References
- [marshal — Internal Python object serialization](https://docs.python.org/3/library/marshal.html)
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
`,
}

func runMarshalLoad(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	var qn string
	kind := pickleBytes
	switch calleeTail(p.Model, c) {
	case "loads":
		qn = matchCallee(p.Model, c, "marshal.loads")
	case "load":
		qn, kind = matchCallee(p.Model, c, "marshal.load"), pickleFile
	}
	if qn == "" {
		return
	}
	reportDeserialization(p, c, qn, kind, ruleutil.Arg(c, 0, ""), "unmarshalling", "can crash the interpreter or smuggle in code objects")
}
