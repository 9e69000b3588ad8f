package misc

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// ArchivePathTraversal flags archive member names joined into output paths without a check ("zip slip").
var ArchivePathTraversal = &analysis.Rule{
	Code:       "KR908",
	Name:       "archive-member-path-traversal",
	Summary:    "archive member name used as a file path without a check",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{22},
	Kinds:      []ast.Kind{ast.KindFor, ast.KindAsyncFor},
	Run:        runArchivePathTraversal,
	Doc: `## What it does
Flags loops over the members of a zip or tar archive (` + "`zf.namelist()`, `zf.infolist()`,\n`tar.getmembers()`, `tar.getnames()`" + `, or the TarFile itself) that build an output path
from a member's name (` + "`os.path.join(dest, info.filename)`, `Path(dest) / name`" + `, or the
name alone) and write files in the same loop, when nothing in the loop checks the
path: no ` + "`if`" + ` that tests it with ` + "`startswith`, `commonpath`, `is_relative_to`" + `,
` + "`realpath`/`abspath`/`resolve`" + `, ` + "`isabs`" + ` or ` + "`\"..\" in`" + `. A name passed through
` + "`os.path.basename`" + ` or ` + "`werkzeug.utils.secure_filename`" + ` first, or a loop that calls a
helper named like a check (` + "`is_safe_path`, `validate_member`" + `), is not reported.

This is the hand-written extraction that ` + "`ZipFile.extractall`" + ` and ` + "`filter=\"data\"`" + ` exist to
replace; see ` + "`tarfile-unsafe-extraction`" + ` for the library calls.

## Why is this bad?
Member names come from whoever made the archive. A name such as
` + "`../../app/templates/base.html`" + ` or ` + "`/home/app/.ssh/authorized_keys`" + ` joined to the
destination points outside it (` + "`os.path.join`" + ` even discards the destination when the
name is absolute), so uploading an archive overwrites any file the process may write
("Zip Slip", CWE-22).

## Example
` + "```python" + `
with zipfile.ZipFile(upload) as zf:
    for name in zf.namelist():
        target = os.path.join(dest, name)
        with open(target, "wb") as out:
            out.write(zf.read(name))
` + "```" + `

## Use instead
Let the library extract (zipfile sanitises names; tarfile with ` + "`filter=\"data\"`" + `), or
check every resolved path:
` + "```python" + `
with zipfile.ZipFile(upload) as zf:
    zf.extractall(dest)

root = os.path.realpath(dest)
for name in zf.namelist():
    target = os.path.realpath(os.path.join(root, name))
    if os.path.commonpath([root, target]) != root:
        raise ValueError(f"unsafe member {name!r}")
    ...
` + "```" + `

## References
- [Snyk: Zip Slip vulnerability](https://security.snyk.io/research/zip-slip-vulnerability)
- [Python docs: zipfile.ZipFile.extract](https://docs.python.org/3/library/zipfile.html#zipfile.ZipFile.extract)
- [CWE-22: Path Traversal](https://cwe.mitre.org/data/definitions/22.html)
`,
}

func runArchivePathTraversal(p *analysis.Pass, n ast.Node) {
	var target, iter ast.Expr
	var body []ast.Stmt
	switch f := n.(type) {
	case *ast.For:
		target, iter, body = f.Target, f.Iter, f.Body
	case *ast.AsyncFor:
		target, iter, body = f.Target, f.Iter, f.Body
	}
	loopVar, ok := target.(*ast.Name)
	if !ok {
		return
	}
	field, what := memberSource(p.Model, iter)
	if what == "" {
		return
	}
	var join ast.Node
	writes, checked := false, false
	inspectLoop(body, func(x ast.Node) {
		switch x := x.(type) {
		case *ast.If:
			checked = checked || checksPath(p.Model, x.Test)
		case *ast.While:
			checked = checked || checksPath(p.Model, x.Test)
		case *ast.Assert:
			checked = checked || checksPath(p.Model, x.Test)
		case *ast.Call:
			checked = checked || isCheckerName(ruleutil.CalleeTail(x))
			if join == nil && joinsMemberName(p.Model, x, loopVar.ID, field) {
				join = x
			}
			writes = writes || writesFile(p.Model, x)
		case *ast.BinOp:
			if join == nil && x.Op == ast.Div && isMemberName(p.Model, x.Right, loopVar.ID, field, 0) {
				join = x
			}
		}
	})
	if join == nil || !writes || checked {
		return
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: join, Confidence: inTestCode(p, analysis.ConfidenceMedium),
		Message: "output path built from the name of each member of " + what + " with no check that it stays in the destination: names with \"..\" or an absolute path write outside it"})
}
