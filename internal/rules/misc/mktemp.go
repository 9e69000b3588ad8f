package misc

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// InsecureMktemp flags functions that return a temporary file name without creating the file.
var InsecureMktemp = &analysis.Rule{
	Code:       "KR904",
	Name:       "insecure-mktemp",
	Summary:    "temporary file name created without the file (mktemp)",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{377},
	Aliases:    []string{"B306", "B325", "S306"},
	Kinds:      []ast.Kind{ast.KindCall},
	Run:        runInsecureMktemp,
	Doc: `## What it does
Flags calls of ` + "`tempfile.mktemp`" + `, and of Python 2's ` + "`os.tempnam`" + ` and ` + "`os.tmpnam`" + `, however they
are imported. A local function or a method that happens to be called mktemp is not
reported. Findings in test code have low confidence.

## Why is this bad?
These functions return a name that does not exist yet; the caller creates the file
later. Between the two steps another local user can create that path, often as a
symlink to a file the application may write, so the application writes through the
link or reads the attacker's data (CWE-377). The Python documentation has deprecated
` + "`tempfile.mktemp`" + ` since Python 2.3 for this reason.

## Example
` + "```python" + `
import tempfile

path = tempfile.mktemp(suffix=".csv")
with open(path, "w") as f:
    f.write(report)
` + "```" + `

## Use instead
Let tempfile create the file atomically (O_EXCL, mode 0o600) and hand it back:
` + "```python" + `
with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
    f.write(report)
path = f.name
# or: fd, path = tempfile.mkstemp(suffix=".csv")
` + "```" + `

## References
- [Python docs: tempfile.mktemp](https://docs.python.org/3/library/tempfile.html#tempfile.mktemp)
- [Python docs: tempfile.mkstemp](https://docs.python.org/3/library/tempfile.html#tempfile.mkstemp)
- [CWE-377: Insecure Temporary File](https://cwe.mitre.org/data/definitions/377.html)
`,
}

func runInsecureMktemp(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	switch ruleutil.ResolvedTail(p.Model, c) {
	case "mktemp", "tempnam", "tmpnam":
	default:
		return
	}
	var msg string
	switch qn := p.Model.CalleeName(c); qn {
	case "tempfile.mktemp":
		msg = "tempfile.mktemp returns a file name without creating the file: another process can create it first; use tempfile.mkstemp or NamedTemporaryFile"
	case "os.tempnam", "os.tmpnam":
		msg = qn + " returns a file name without creating the file: another process can create it first; use tempfile.mkstemp"
	default:
		return
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: c, Message: msg, Confidence: inTestCode(p, analysis.ConfidenceHigh)})
}
