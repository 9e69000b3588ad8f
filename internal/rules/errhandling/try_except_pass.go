package errhandling

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// TryExceptPass flags broad exception handlers whose body is only `pass`.
var TryExceptPass = &analysis.Rule{
	Code:       "KR501",
	Name:       "try-except-pass",
	Summary:    "broad exception handler that silently passes",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{390, 703},
	Aliases:    []string{"B110", "S110"},
	Kinds:      []ast.Kind{ast.KindExceptHandler},
	Run:        runTryExceptPass,
	Doc: `## What it does
Flags ` + "`except:`, `except Exception:` and `except BaseException:`" + ` clauses (also in a tuple of
types, and in ` + "`except*`" + `) whose body is only ` + "`pass`" + ` or ` + "`...`" + `. Narrow handlers such
as ` + "`except KeyError: pass`" + ` state which failure is expected and are not reported.

## Why is this bad?
Every error in the try block disappears: a failed permission check, an interrupted write or
a broken decryption all look like success, and nobody can see an attack or a fault in the
logs.

## Example
` + "```python" + `
try:
    verify_signature(payload, signature)
except Exception:
    pass
` + "```" + `

## Use instead
` + "```python" + `
try:
    verify_signature(payload, signature)
except InvalidSignature:
    logger.warning("rejected payload with a bad signature")
    raise
` + "```" + `

## References
- [CWE-390: Detection of Error Condition Without Action](https://cwe.mitre.org/data/definitions/390.html)
- [CWE-703: Improper Check or Handling of Exceptional Conditions](https://cwe.mitre.org/data/definitions/703.html)
- [Bandit B110: try_except_pass](https://bandit.readthedocs.io/en/latest/plugins/b110_try_except_pass.html)
`,
}

func runTryExceptPass(p *analysis.Pass, n ast.Node) {
	h := n.(*ast.ExceptHandler)
	if handlerBody(h) != "pass" {
		return
	}
	if what := broadHandler(p, h); what != "" {
		p.Report(h, what+" with only pass silently discards every error")
	}
}
