package misc

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

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
