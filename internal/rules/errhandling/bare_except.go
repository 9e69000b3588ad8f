package errhandling

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// BareExcept flags `except:` and `except BaseException:` clauses that do
// not re-raise.
var BareExcept = &analysis.Rule{
	Code:       "KR503",
	Name:       "bare-except",
	Summary:    "bare except catches SystemExit and KeyboardInterrupt",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{396, 703},
	Aliases:    []string{"E722"},
	Kinds:      []ast.Kind{ast.KindExceptHandler},
	Run:        runBareExcept,
	Doc: `## What it does
Flags ` + "`except:`" + ` and ` + "`except BaseException:`" + ` clauses whose body does not re-raise the
exception (any ` + "`raise`" + ` in its body, also inside if, with and try blocks). Handlers whose body is only ` + "`pass`" + ` or ` + "`continue`" + ` are
left to KR501 and KR502, so one handler gives one finding.

## Why is this bad?
A bare except catches everything, including ` + "`SystemExit`" + `, ` + "`KeyboardInterrupt`" + ` and
` + "`GeneratorExit`" + `: a worker cannot be stopped, a failed check turns into a default, and
programming errors hide behind whatever the handler does instead.

## Example
` + "```python" + `
try:
    user = authenticate(token)
except:
    user = AnonymousUser()
` + "```" + `

## Use instead
` + "```python" + `
try:
    user = authenticate(token)
except InvalidToken:
    user = AnonymousUser()
` + "```" + `

## References
- [CWE-396: Declaration of Catch for Generic Exception](https://cwe.mitre.org/data/definitions/396.html)
- [CWE-703: Improper Check or Handling of Exceptional Conditions](https://cwe.mitre.org/data/definitions/703.html)
- [Python tutorial: Handling Exceptions](https://docs.python.org/3/tutorial/errors.html#handling-exceptions)
- [PEP 8: Programming Recommendations](https://peps.python.org/pep-0008/#programming-recommendations)
`,
}

func runBareExcept(p *analysis.Pass, n ast.Node) {
	h := n.(*ast.ExceptHandler)
	what := broadHandler(p, h)
	if what != "bare except" && what != "except BaseException" {
		return
	}
	if handlerBody(h) != "" || reraises(h.Body) {
		return
	}
	p.Report(h, what+" catches SystemExit and KeyboardInterrupt as well as every error")
}

// reraises reports whether a handler body raises, at its top level or in a
// nested if/with/try block, as cleanup and translating handlers do: the
// error is then not swallowed.
func reraises(body []ast.Stmt) bool {
	for _, s := range body {
		switch x := s.(type) {
		case *ast.Raise:
			return true
		case *ast.If:
			if reraises(x.Body) || reraises(x.Orelse) {
				return true
			}
		case *ast.With:
			if reraises(x.Body) {
				return true
			}
		case *ast.Try:
			if reraises(x.Body) || reraises(x.Finalbody) {
				return true
			}
		}
	}
	return false
}
