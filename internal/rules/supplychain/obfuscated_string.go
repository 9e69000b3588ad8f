package supplychain

import (
	"strconv"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// ObfuscatedString flags strings hidden from readers: chr() codes, long
// encoded blobs, and reversed code.
var ObfuscatedString = &analysis.Rule{
	Code:       "KR816",
	Name:       "obfuscated-string",
	Summary:    "string hidden as chr() codes, an encoded blob or reversed",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{506},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindBinOp, ast.KindConstant},
	Callees:    tails([]string{"join", "decode"}, reversedSinks),
	Run:        runObfuscatedString,
	Doc: `## What it does
Flags three ways of hiding a string:

- a string of 8 or more characters spelled as chr() codes:
  ''.join(chr(c) for c in [...]), ''.join(map(chr, [...])),
  chr(104) + chr(116) + ..., or as byte values: bytes([104, ...]).decode();
- a string or bytes literal of 1,024 or more characters that is nothing but
  base64 or hex (medium when the file decodes it, low otherwise). Images,
  fonts, certificates and other data with a recognisable header are not
  reported;
- a string reversed with [::-1] that is executed or run as a command.

Test files (test_*.py, tests/...) are skipped: they hold encoded test
vectors.

## Why is this bad?
Nobody writes a URL as chr() codes or ships a program as a base64 blob for a
reason a reviewer would accept. These are how payloads, command-and-control
addresses and stolen-data endpoints are hidden from code review and from
scanners that search text.

## Example
~~~python
host = "".join(chr(c) for c in [101, 118, 105, 108, 46, 101, 120, 97, 109, 112, 108, 101])
exec(")'di'(metsys.so ;so tropmi"[::-1])
~~~

## Use instead
Write strings as they are, and ship data as package data files:
~~~python
HOST = "api.example.com"
~~~

## References
- [MITRE ATT&CK T1027: Obfuscated Files or Information](https://attack.mitre.org/techniques/T1027/)
- [CWE-506: Embedded Malicious Code](https://cwe.mitre.org/data/definitions/506.html)
`,
}

// minChrRun is the shortest chr()-built string reported: shorter ones are
// separators and control characters.
const minChrRun = 8

// chrState remembers the `+` chains already reported, so that the inner
// links of a long chain are not reported again.
type chrState struct{ covered map[ast.Node]bool }

var chrFact = &analysis.FileKey[*chrState]{Compute: func(*analysis.Pass) *chrState {
	return &chrState{covered: map[ast.Node]bool{}}
}}

func runObfuscatedString(p *analysis.Pass, n ast.Node) {
	if ruleutil.InTestFile(p) {
		return // test vectors: encoded samples, codec round trips
	}
	switch x := n.(type) {
	case *ast.Call:
		checkChrJoin(p, x)
		checkByteCodes(p, x)
		checkReversedExec(p, x)
	case *ast.BinOp:
		checkChrChain(p, x)
	case *ast.Constant:
		checkBlob(p, x)
	}
}

func checkChrJoin(p *analysis.Pass, c *ast.Call) {
	a, ok := c.Func.(*ast.Attribute)
	if !ok || a.Attr != "join" || len(c.Args) != 1 || !usesChr(p.Model, c.Args[0]) {
		return
	}
	if k := codeCount(p, c.Args[0]); k >= minChrRun {
		p.Report(c, "string of "+strconv.Itoa(k)+" characters spelled as chr() codes")
	}
}

// codeCount returns how many constant numbers a chr() join iterates over.
func codeCount(p *analysis.Pass, e ast.Expr) int {
	var iter ast.Expr
	switch x := e.(type) {
	case *ast.GeneratorExp:
		if len(x.Generators) == 1 {
			iter = x.Generators[0].Iter
		}
	case *ast.ListComp:
		if len(x.Generators) == 1 {
			iter = x.Generators[0].Iter
		}
	case *ast.Call:
		if len(x.Args) > 1 {
			iter = x.Args[1]
		}
	}
	if v := bound(p.Model, iter); v != nil {
		iter = v
	}
	var elts []ast.Expr
	switch x := iter.(type) {
	case *ast.List:
		elts = x.Elts
	case *ast.Tuple:
		elts = x.Elts
	case *ast.Constant:
		if x.Value.Kind == ast.ConstBytes {
			return len(x.Value.S)
		}
	}
	k := 0
	for _, el := range elts {
		if c, ok := el.(*ast.Constant); ok && c.Value.Kind == ast.ConstInt {
			k++
		}
	}
	return k
}

// checkByteCodes flags bytes([104, 116, ...]).decode(), the same trick with
// byte values.
func checkByteCodes(p *analysis.Pass, c *ast.Call) {
	a, ok := c.Func.(*ast.Attribute)
	if !ok || a.Attr != "decode" {
		return
	}
	b, ok := a.Value.(*ast.Call)
	if !ok || len(b.Args) != 1 {
		return
	}
	if qn := p.Model.CalleeName(b); qn != "builtins.bytes" && qn != "builtins.bytearray" {
		return
	}
	list := b.Args[0]
	if v := bound(p.Model, list); v != nil {
		list = v
	}
	var elts []ast.Expr
	switch x := list.(type) {
	case *ast.List:
		elts = x.Elts
	case *ast.Tuple:
		elts = x.Elts
	}
	k := 0
	for _, el := range elts {
		if ct, ok := el.(*ast.Constant); ok && ct.Value.Kind == ast.ConstInt {
			k++
		}
	}
	if k >= minChrRun && k == len(elts) {
		p.Report(c, "string of "+strconv.Itoa(k)+" characters spelled as byte values")
	}
}

func checkChrChain(p *analysis.Pass, b *ast.BinOp) {
	st := analysis.FileFact(p, chrFact)
	if b.Op != ast.Add || st.covered[b] || chrCount(p.Model, b.Right) == 0 {
		return // a chr() chain ends in chr(); this keeps long `+` chains linear
	}
	k := chrCount(p.Model, b)
	if k < minChrRun {
		return
	}
	for x := ast.Expr(b); ; {
		bo, ok := x.(*ast.BinOp)
		if !ok || bo.Op != ast.Add {
			break
		}
		st.covered[bo] = true
		x = bo.Left
	}
	p.Report(b, "string of "+strconv.Itoa(k)+" characters spelled as chr() codes")
}

// reversedSinks run their argument as code or as a command.
var reversedSinks = map[string]bool{
	"builtins.exec": true, "builtins.eval": true, "builtins.compile": true,
	"os.system": true, "os.popen": true, "subprocess.run": true, "subprocess.call": true,
	"subprocess.Popen": true, "subprocess.check_output": true, "subprocess.check_call": true,
}

func checkReversedExec(p *analysis.Pass, c *ast.Call) {
	if len(c.Args) == 0 {
		return
	}
	arg := c.Args[0]
	if v := bound(p.Model, arg); v != nil {
		arg = v
	}
	if !isReversal(arg) {
		return
	}
	if qn := p.Model.CalleeName(c); reversedSinks[qn] {
		p.Report(c, qn+" runs a string reversed with [::-1]")
	}
}
