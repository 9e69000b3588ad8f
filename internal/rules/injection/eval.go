package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// EvalUsed flags calls of the builtin eval.
var EvalUsed = &analysis.Rule{
	Code:       "KR109",
	Name:       "eval-used",
	Summary:    "use of the builtin eval",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{95, 94},
	Aliases:    []string{"B307", "S307"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"eval"},
	Run:        runEval,
	Doc: `## What it does
Flags calls of the builtin eval. A local function or method that happens to
be called eval is not the builtin and is not reported, and neither is
ast.literal_eval. The finding is high severity when the evaluated text is
built at run time or taken from a variable (or compiled from such text), and
low when it is a constant.

## Why is this bad?
eval runs any Python expression with the caller's rights:
__import__('os').system('...') is an expression. Restricting globals or
__builtins__ does not make it safe; attribute walks such as
().__class__.__base__.__subclasses__() reach every class (CWE-95).

## Example
~~~python
def calculate(request):
    return eval(request.args["expr"])

def parse_settings(text):
    return eval(text)
~~~

## Use instead
Parse data with a parser: ast.literal_eval for Python literals, json.loads
for JSON, a small expression parser or a lookup table for formulas:
~~~python
import ast

def parse_settings(text):
    return ast.literal_eval(text)
~~~

## References
- [Python docs: eval](https://docs.python.org/3/library/functions.html#eval)
- [Python docs: ast.literal_eval](https://docs.python.org/3/library/ast.html#ast.literal_eval)
- [CWE-95: Eval Injection](https://cwe.mitre.org/data/definitions/95.html)
`,
}

func runEval(p *analysis.Pass, n ast.Node) {
	runCodeExec(p, n, "eval", "builtins.eval", "evaluates")
}
