package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// ExecUsed flags calls of the builtin exec.
var ExecUsed = &analysis.Rule{
	Code:       "KR110",
	Name:       "exec-used",
	Summary:    "use of the builtin exec",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{95, 94},
	Aliases:    []string{"B102", "S102"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"exec"},
	Run:        runExec,
	Doc: `## What it does
Flags calls of the builtin exec. A method that happens to be called exec
(a database cursor's, a Qt dialog's) is not the builtin and is not reported.
The finding is high severity when the executed code is built at run time or
taken from a variable, directly or through compile(), and low when it is a
constant.

## Why is this bad?
exec runs arbitrary Python statements with the caller's rights. Code that
carries any user input is remote code execution (CWE-94, CWE-95), and no
restriction of globals makes it safe.

## Example
~~~python
def run_hook(hook_source, context):
    exec(hook_source, {"ctx": context})

def set_option(name, value):
    exec(f"config.{name} = {value!r}")
~~~

## Use instead
Call code you ship instead of code you build: setattr, getattr with an
allow list, a dispatch dict, or plugins loaded by entry point:
~~~python
ALLOWED = {"timeout", "retries"}

def set_option(name, value):
    if name in ALLOWED:
        setattr(config, name, value)
~~~

## References
- [Python docs: exec](https://docs.python.org/3/library/functions.html#exec)
- [CWE-94: Code Injection](https://cwe.mitre.org/data/definitions/94.html)
- [CWE-95: Eval Injection](https://cwe.mitre.org/data/definitions/95.html)
`,
}

func runExec(p *analysis.Pass, n ast.Node) {
	runCodeExec(p, n, "exec", "builtins.exec", "executes")
}
