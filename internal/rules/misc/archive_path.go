package misc

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
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

// memberSource recognises a loop over an archive's members: it returns the
// attribute that holds a member's name ("" when the loop variable is the name
// itself) and a description of the iterable, or what "" when it is not one.
func memberSource(m *semantic.Model, iter ast.Expr) (field, what string) {
	c, ok := iter.(*ast.Call)
	if !ok {
		if ctor := ruleutil.ConstructedBy(m, iter); ctor == "tarfile.open" || ctor == "tarfile.TarFile" {
			return "name", "a tar archive"
		}
		return "", ""
	}
	switch ruleutil.CalleeTail(c) {
	case "namelist":
		return "", "namelist()"
	case "getnames":
		return "", "getnames()"
	case "infolist":
		return "filename", "infolist()"
	case "getmembers":
		if m.QualifiedNameIs(c.Func, "inspect.getmembers") {
			return "", ""
		}
		return "name", "getmembers()"
	}
	return "", ""
}

// inspectLoop calls f on every node of a loop body, not entering nested
// functions or classes, which run elsewhere.
func inspectLoop(body []ast.Stmt, f func(ast.Node)) {
	for _, s := range body {
		ast.Inspect(s, func(x ast.Node) bool {
			switch x.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef, *ast.Lambda:
				return false
			}
			f(x)
			return true
		})
	}
}

// isMemberName reports whether e is the member's name: the loop variable
// (or its name attribute), a name assigned it, or a string built from it.
func isMemberName(m *semantic.Model, e ast.Expr, loopVar, field string, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := e.(type) {
	case *ast.Name:
		if field == "" && x.ID == loopVar {
			return true
		}
		// Any assignment of the name counts: `fn = member.name` followed by
		// `if leading: fn = strip(fn)` still leaves the member's name in fn.
		if u := m.Use(x); u != nil && u.Symbol != nil {
			for _, b := range u.Symbol.Bindings {
				if b.Value != nil && isMemberName(m, b.Value, loopVar, field, depth+1) {
					return true
				}
			}
		}
	case *ast.Attribute:
		if n, ok := x.Value.(*ast.Name); ok && field != "" && x.Attr == field && n.ID == loopVar {
			return true
		}
	case *ast.JoinedStr:
		for _, v := range x.Values {
			if fv, ok := v.(*ast.FormattedValue); ok && isMemberName(m, fv.Value, loopVar, field, depth+1) {
				return true
			}
		}
	case *ast.BinOp:
		return (x.Op == ast.Add || x.Op == ast.Div) &&
			(isMemberName(m, x.Left, loopVar, field, depth+1) || isMemberName(m, x.Right, loopVar, field, depth+1))
	}
	return false
}

// joinsMemberName reports whether a call builds a path from the member's
// name: os.path.join, pathlib.Path or open given the name.
func joinsMemberName(m *semantic.Model, c *ast.Call, loopVar, field string) bool {
	switch ruleutil.CalleeTail(c) {
	case "join", "Path", "PurePath", "PosixPath", "joinpath", "open":
	default:
		return false
	}
	switch qn := m.CalleeName(c); qn {
	case "os.path.join", "posixpath.join", "ntpath.join", "pathlib.Path", "pathlib.PurePath",
		"pathlib.PosixPath", "builtins.open", "io.open":
	default:
		if ruleutil.CalleeTail(c) != "joinpath" {
			return false
		}
	}
	for _, a := range c.Args {
		if isMemberName(m, a, loopVar, field, 0) {
			return true
		}
	}
	return false
}

// writesFile reports whether a call creates files or directories.
func writesFile(m *semantic.Model, c *ast.Call) bool {
	switch ruleutil.CalleeTail(c) {
	case "open", "makedirs", "mkdir", "copyfileobj", "move", "copy", "copyfile", "write_bytes", "write_text", "symlink":
	default:
		return false
	}
	switch qn := m.CalleeName(c); qn {
	case "builtins.open", "io.open":
		mode, ok := m.ConstString(ruleutil.Arg(c, 1, "mode"))
		return ok && writeMode(mode)
	case "os.makedirs", "os.mkdir", "shutil.copyfileobj", "shutil.move", "shutil.copy", "shutil.copyfile", "os.symlink":
		return true
	}
	switch ruleutil.CalleeTail(c) {
	case "write_bytes", "write_text", "mkdir":
		return true
	}
	return false
}

// isCheckerName reports whether a function's name says it validates or
// cleans something (is_safe_path, validate_member, sanitize_name).
func isCheckerName(name string) bool {
	if name == "" {
		return false
	}
	var buf [8]string
	for _, w := range ruleutil.SplitName(name, buf[:0]) {
		switch w {
		case "safe", "unsafe", "valid", "validate", "validated", "sanitize", "sanitise", "sanitized", "secure", "check", "verify", "within", "inside":
			return true
		}
	}
	return false
}

func writeMode(mode string) bool {
	for i := 0; i < len(mode); i++ {
		switch mode[i] {
		case 'w', 'a', 'x', '+':
			return true
		}
	}
	return false
}

// checksPath reports whether a condition looks like a containment check on a
// path: startswith, commonpath, is_relative_to, realpath, abspath, resolve,
// isabs, or a ".." test.
func checksPath(m *semantic.Model, test ast.Expr) bool {
	found := false
	ast.Inspect(test, func(x ast.Node) bool {
		if found {
			return false
		}
		switch x := x.(type) {
		case *ast.Call:
			switch ruleutil.CalleeTail(x) {
			case "startswith", "commonpath", "commonprefix", "is_relative_to", "relative_to",
				"realpath", "abspath", "normpath", "resolve", "isabs", "is_absolute", "is_within_directory",
				"is_safe_path", "safe_path", "is_safe":
				found = true
			}
		case *ast.Constant:
			if x.Value.Kind == ast.ConstStr && (x.Value.S == ".." || x.Value.S == "../" || x.Value.S == "/") {
				found = true
			}
		}
		return true
	})
	return found
}
