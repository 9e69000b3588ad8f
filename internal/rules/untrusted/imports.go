package untrusted

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// underTypeChecking reports whether an import statement sits under
// `if TYPE_CHECKING:`, where it never runs.
func underTypeChecking(m *semantic.Model, stmt ast.Stmt) bool {
	for _, imp := range m.ImportedModules() {
		if imp.Stmt == stmt {
			return imp.TypeChecking
		}
	}
	return false
}

// importsPackage reports whether the file imports pkg or one of its
// submodules, e.g. whether it uses defusedxml anywhere.
func importsPackage(m *semantic.Model, pkg string) bool {
	for _, imp := range m.ImportedModules() {
		if imp.Module == pkg || strings.HasPrefix(imp.Module, pkg) && len(imp.Module) > len(pkg) && imp.Module[len(pkg)] == '.' {
			return true
		}
	}
	return false
}

// importedModule is one module that an import statement makes available.
type importedModule struct {
	module string   // absolute dotted name
	node   ast.Node // where to report: the alias of `import m`, the statement otherwise
	names  []*ast.Alias
}

// forEachImportedModule calls f for each module an absolute import brings
// in: every `import a.b` alias; for `from a import b, c` the module a with
// its names, and, when expand(a) says a is a package whose submodules
// matter, each name as a possible submodule a.b (a name built only then, so
// that the common import costs no allocation).
func forEachImportedModule(n ast.Node, expand func(pkg string) bool, f func(importedModule) bool) {
	switch s := n.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			if !f(importedModule{module: a.Name, node: a}) {
				return
			}
		}
	case *ast.ImportFrom:
		if s.Level != 0 {
			return
		}
		if !f(importedModule{module: s.Module, node: s, names: s.Names}) || expand == nil || !expand(s.Module) {
			return
		}
		for _, a := range s.Names {
			if a.Name != "*" && !f(importedModule{module: s.Module + "." + a.Name, node: s}) {
				return
			}
		}
	}
}

// importStmt returns n as a statement, for underTypeChecking.
func importStmt(n ast.Node) ast.Stmt {
	s, _ := n.(ast.Stmt)
	return s
}
