package supplychain

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// ObfuscatedImport flags imports and attribute lookups whose names are hidden.
var ObfuscatedImport = &analysis.Rule{
	Code:       "KR815",
	Name:       "obfuscated-dynamic-import",
	Summary:    "import or getattr with a name hidden by encoding",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{506, 470},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"__import__", "import_module", "getattr"},
	Run:        runObfuscatedImport,
	Doc: `## What it does
Flags __import__, importlib.import_module and getattr whose module or
attribute name is built so that it cannot be read: decoded (base64, hex,
rot13, ...), built from chr() codes, reversed with [::-1] or reversed(),
concatenated or joined from literal pieces ('o' + 's'), or decoded from a
bytes literal. A name taken from a variable, such as a plugin name, is
ordinary and not reported.

## Why is this bad?
Spelling os.system as getattr(__import__('o'+'s'), 'metsys'[::-1]) has one
purpose: to keep a reader and a text search from seeing which module and
function the code calls. It is a hallmark of obfuscated malware.

## Example
~~~python
m = __import__("".join(chr(c) for c in [115, 117, 98, 112, 114, 111, 99, 101, 115, 115]))
getattr(m, "nepoP"[::-1])(["sh", "-c", cmd])
~~~

## Use instead
Import modules by name:
~~~python
import subprocess
subprocess.Popen(["ls"])
~~~

## References
- [Python docs: __import__](https://docs.python.org/3/library/functions.html#import__)
- [CWE-470: Use of Externally-Controlled Input to Select Classes or Code](https://cwe.mitre.org/data/definitions/470.html)
- [CWE-506: Embedded Malicious Code](https://cwe.mitre.org/data/definitions/506.html)
`,
}

func runObfuscatedImport(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	qn := p.Model.CalleeName(c)
	var name ast.Expr
	switch qn {
	case "builtins.__import__", "importlib.import_module":
		name = argOr(c, 0)
	case "builtins.getattr":
		name = argOr(c, 1)
	default:
		return
	}
	if name == nil {
		return
	}
	if qn != "builtins.getattr" && decoded(p.Model, name) != nil {
		return // decode-and-execute reports it
	}
	how := obfuscation(p.Model, name)
	if how == "" {
		return
	}
	what := "module"
	if qn == "builtins.getattr" {
		what = "attribute"
	}
	if s, ok := revealed(p.Model, name); ok && s != "" {
		p.Report(c, qn+" takes the "+what+" name "+quote(s)+" "+how)
		return
	}
	article := "a "
	if what == "attribute" {
		article = "an "
	}
	p.Report(c, qn+" takes "+article+what+" name "+how)
}

// quote quotes a short name for a message, cutting long ones.
func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return "'" + s + "'"
}

// revealed returns the value of a hidden name where the source fixes it:
// a constant, a reversed constant or literal pieces joined.
func revealed(m *semantic.Model, e ast.Expr) (string, bool) {
	if v := bound(m, e); v != nil {
		e = v
	}
	if s, ok := m.ConstString(e); ok {
		return s, true
	}
	if isReversal(e) {
		s, ok := m.ConstString(e.(*ast.Subscript).Value)
		if !ok {
			return "", false
		}
		r := []rune(s)
		for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
			r[i], r[j] = r[j], r[i]
		}
		return string(r), true
	}
	if c, ok := e.(*ast.Call); ok && len(c.Args) == 1 {
		if a, ok := c.Func.(*ast.Attribute); ok && a.Attr == "join" && allStrLiterals(c.Args[0]) {
			sep, ok := m.ConstString(a.Value)
			if !ok {
				return "", false
			}
			var parts []string
			switch x := c.Args[0].(type) {
			case *ast.List:
				for _, el := range x.Elts {
					s, _ := m.ConstString(el)
					parts = append(parts, s)
				}
			case *ast.Tuple:
				for _, el := range x.Elts {
					s, _ := m.ConstString(el)
					parts = append(parts, s)
				}
			}
			return strings.Join(parts, sep), true
		}
	}
	return "", false
}
