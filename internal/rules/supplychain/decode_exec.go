package supplychain

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// DecodeExec flags decoded or decompressed data that is executed.
var DecodeExec = &analysis.Rule{
	Code:       "KR814",
	Name:       "decode-and-execute",
	Summary:    "decoded or decompressed data executed as code",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{506, 95},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"exec", "eval", "compile", "__import__", "FunctionType", "import_module"},
	Run:        runDecodeExec,
	Doc: `## What it does
Flags exec, eval, compile, __import__, importlib.import_module and
types.FunctionType applied to the output of a decoder: base64 (b64decode and
the other alphabets), zlib, gzip, bz2 and lzma decompression, marshal.loads,
codecs.decode (rot13, hex, base64), binascii and bytes.fromhex, directly or
through local variables, .decode() and compile(). It applies to every file,
not only to install-time code.

## Why is this bad?
Legitimate code has no reason to hide the code it runs. Encoding a payload
and executing the decoded result is how malicious packages get past review
and simple scanners; it is the most common shape of PyPI malware.

## Example
~~~python
import base64, zlib
exec(zlib.decompress(base64.b64decode("eJzLSM3JyVcozy/KSQEAGgQEXQ==")))
~~~

## Use instead
Ship the code as source and import it:
~~~python
from . import helpers
helpers.run()
~~~

## References
- [Python docs: exec](https://docs.python.org/3/library/functions.html#exec)
- [CWE-506: Embedded Malicious Code](https://cwe.mitre.org/data/definitions/506.html)
- [CWE-95: Eval Injection](https://cwe.mitre.org/data/definitions/95.html)
`,
}

// decodeSinks are what turns data into running code, and the argument that
// carries the code.
var decodeSinks = map[string]int{
	"builtins.exec": 0, "builtins.eval": 0, "builtins.compile": 0, "builtins.__import__": 0,
	"importlib.import_module": 0, "types.FunctionType": 0,
}

func runDecodeExec(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	qn := p.Model.CalleeName(c)
	i, ok := decodeSinks[qn]
	if !ok {
		return
	}
	arg := argOr(c, i)
	if arg == nil {
		return
	}
	d := decoded(p.Model, arg)
	if d == nil || qn == "builtins.compile" && nestedInExec(p, c) {
		return
	}
	p.Report(c, qn+" runs data decoded with "+decoderName(p, d))
}

// decoderName names a decoder call for a message.
func decoderName(p *analysis.Pass, d *ast.Call) string {
	if qn := p.Model.CalleeName(d); qn != "" {
		return qn
	}
	if a, ok := d.Func.(*ast.Attribute); ok {
		return "." + a.Attr + "(" + codecArg(p.Model, d) + ")"
	}
	return "a decoder"
}

// nestedInExec reports whether compile(...) is the argument of an exec or
// eval that is reported itself.
func nestedInExec(p *analysis.Pass, c *ast.Call) bool {
	found := false
	ast.Inspect(p.File.Module, func(n ast.Node) bool {
		if found {
			return false
		}
		if x, ok := n.(*ast.Call); ok && len(x.Args) > 0 && x.Args[0] == ast.Expr(c) {
			switch p.Model.CalleeName(x) {
			case "builtins.exec", "builtins.eval":
				found = true
			}
		}
		return true
	})
	return found
}
