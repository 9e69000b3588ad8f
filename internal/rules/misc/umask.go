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
	Kinds:      []ast.Kind{ast.KindCall},
	Run:        runPermissiveUmask,
	Doc: `## What it does
Flags ` + "`os.umask(mask)`" + ` with a constant mask that does not clear the others-write bit
(0o002), such as ` + "`os.umask(0)`" + ` or ` + "`os.umask(0o020)`" + `. Masks such as 0o022, 0o027,
0o077 and 0o002 are not reported.

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
	c := n.(*ast.Call)
	if ruleutil.ResolvedTail(p.Model, c) != "umask" {
		return
	}
	qn := p.Model.CalleeName(c)
	if qn != "os.umask" && qn != "posix.umask" {
		return
	}
	mask := ruleutil.Arg(c, 0, "mask")
	if mask == nil {
		return
	}
	bits := evalMode(p.Model, mask, 0)
	if !bits.exact || bits.set < 0 || bits.set&modeOthersWrite != 0 {
		return
	}
	p.Report(c, qn+"("+octal(bits.set)+") leaves the others-write bit in place: files and directories the process creates afterwards may be world-writable")
}
