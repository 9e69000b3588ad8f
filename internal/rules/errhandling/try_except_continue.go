package errhandling

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// TryExceptContinue flags broad exception handlers whose body is only
// `continue`.
var TryExceptContinue = &analysis.Rule{
	Code:       "KR502",
	Name:       "try-except-continue",
	Summary:    "broad exception handler that silently continues a loop",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{390, 703},
	Aliases:    []string{"B112", "S112"},
	Kinds:      []ast.Kind{ast.KindExceptHandler},
	Run:        runTryExceptContinue,
	Doc: `## What it does
Flags ` + "`except:`, `except Exception:` and `except BaseException:`" + ` clauses whose body is only
` + "`continue`" + `. Narrow handlers such as ` + "`except ValueError: continue`" + ` are not reported.

## Why is this bad?
Every failure inside the loop body is skipped without a trace: records that fail
validation, authorisation or decryption are silently dropped or half processed, and the
cause never reaches a log.

## Example
` + "```python" + `
for row in rows:
    try:
        apply_payment(row)
    except Exception:
        continue
` + "```" + `

## Use instead
` + "```python" + `
for row in rows:
    try:
        apply_payment(row)
    except PaymentDeclined as exc:
        logger.warning("payment %s declined: %s", row.id, exc)
        continue
` + "```" + `

## References
- [CWE-390: Detection of Error Condition Without Action](https://cwe.mitre.org/data/definitions/390.html)
- [CWE-703: Improper Check or Handling of Exceptional Conditions](https://cwe.mitre.org/data/definitions/703.html)
- [Bandit B112: try_except_continue](https://bandit.readthedocs.io/en/latest/plugins/b112_try_except_continue.html)
`,
}

func runTryExceptContinue(p *analysis.Pass, n ast.Node) {
	h := n.(*ast.ExceptHandler)
	if handlerBody(h) != "continue" {
		return
	}
	if what := broadHandler(p, h); what != "" {
		p.Report(h, what+" with only continue silently skips every error")
	}
}
