package misc

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// PermissiveUmask flags os.umask calls that let new files be world-writable.
var PermissiveUmask = &analysis.Rule{
	Code:       "KR907",
	Name:       "permissive-umask",
	Summary:    "os.umask lets new files and directories be world-writable",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{732, 276},
	Kinds:      []ast.Kind{ast.KindExprStmt, ast.KindAssign},
	Run:        runPermissiveUmask,
	Doc: `## What it does
Flags ` + "`os.umask(mask)`" + ` with a constant mask that does not clear the others-write bit
(0o002), such as ` + "`os.umask(0)`" + ` or ` + "`os.umask(0o020)`" + `. Masks such as 0o022, 0o027,
0o077 and 0o002 are not reported. A mask that is saved and restored later
(` + "`old = os.umask(0)` ... `os.umask(old)`" + `) is reported with low severity, and not at
all when the very next statement restores it, which is how Python code reads the
current umask. In test code the findings have low confidence.

## Why is this bad?
The umask is process-wide and removes permission bits from every file and
directory the process creates afterwards. Python's defaults are generous on
purpose (` + "`open`" + ` creates files with 0o666, ` + "`os.makedirs`" + ` and ` + "`os.open`" + ` with 0o777) because
the umask is expected to trim them. With a mask of 0, every log, upload, cache
and socket the process creates is writable by any local user, who can then
alter or replace it (CWE-276, CWE-732). Daemonising code often copies
` + "`os.umask(0)`" + ` from old recipes.

## Example
` + "```python" + `
import os

os.umask(0)
os.makedirs("/var/lib/app/uploads")
` + "```" + `

## Use instead
` + "```python" + `
os.umask(0o027)  # or 0o077 for private data
os.makedirs("/var/lib/app/uploads", mode=0o750)
` + "```" + `

## References
- [Python docs: os.umask](https://docs.python.org/3/library/os.html#os.umask)
- [CWE-276: Incorrect Default Permissions](https://cwe.mitre.org/data/definitions/276.html)
- [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
`,
}

func runPermissiveUmask(p *analysis.Pass, n ast.Node) {
	switch s := n.(type) {
	case *ast.ExprStmt:
		// The old mask is discarded: the permissive one stays in effect.
		if c, ok := s.Value.(*ast.Call); ok {
			if qn, bits, ok := permissiveUmask(p, c); ok {
				p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: inTestCode(p, analysis.ConfidenceHigh),
					Message: qn + "(" + octal(bits) + ") leaves the others-write bit in place: files and directories the process creates afterwards may be world-writable"})
			}
		}
	case *ast.Assign:
		c, ok := s.Value.(*ast.Call)
		if !ok || len(s.Targets) != 1 {
			return
		}
		qn, bits, ok := permissiveUmask(p, c)
		if !ok {
			return
		}
		name, _ := s.Targets[0].(*ast.Name)
		restore := 0
		if name != nil {
			restore = umaskRestoreLine(p, name)
		}
		switch {
		case restore == s.EndLineno+1:
			// `mask = os.umask(0); os.umask(mask)` reads the current umask.
		case restore > 0:
			p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityLow, Confidence: inTestCode(p, analysis.ConfidenceMedium),
				Message: qn + "(" + octal(bits) + ") until the old mask is restored: files and directories created meanwhile may be world-writable"})
		default:
			p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: inTestCode(p, analysis.ConfidenceHigh),
				Message: qn + "(" + octal(bits) + ") leaves the others-write bit in place: files and directories the process creates afterwards may be world-writable"})
		}
	}
}

// permissiveUmask reports whether c is os.umask with a constant mask that
// keeps the others-write bit, and gives the callee's name and the mask.
func permissiveUmask(p *analysis.Pass, c *ast.Call) (string, int64, bool) {
	if ruleutil.ResolvedTail(p.Model, c) != "umask" {
		return "", 0, false
	}
	qn := p.Model.CalleeName(c)
	if qn != "os.umask" && qn != "posix.umask" {
		return "", 0, false
	}
	mask := ruleutil.Arg(c, 0, "mask")
	if mask == nil {
		return "", 0, false
	}
	bits := evalMode(p.Model, mask, 0)
	if !bits.exact || bits.set < 0 || bits.set&modeOthersWrite != 0 {
		return "", 0, false
	}
	return qn, bits.set, true
}

// umaskRestoreLine returns the first line after the assignment of name on
// which os.umask(name) restores the saved mask in the same scope, or 0.
func umaskRestoreLine(p *analysis.Pass, name *ast.Name) int {
	b := p.Model.BindingOf(name)
	if b == nil || b.Scope == nil || b.Scope.Node == nil {
		return 0
	}
	line := 0
	ast.Inspect(b.Scope.Node, func(x ast.Node) bool {
		if line != 0 {
			return false
		}
		c, ok := x.(*ast.Call)
		if !ok || len(c.Args) != 1 || c.Lineno <= name.Lineno {
			return true
		}
		if a, ok := c.Args[0].(*ast.Name); ok && a.ID == name.ID && ruleutil.ResolvedTail(p.Model, c) == "umask" {
			line = c.Lineno
		}
		return true
	})
	return line
}
