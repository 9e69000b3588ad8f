package semantic

import "github.com/kraitsec/krait/internal/python/ast"

// Import is one module a file imports.
type Import struct {
	// Module is the absolute dotted module name: "a.b" for `import a.b` and
	// `from a.b import c`, the package that a relative import resolves to
	// for `from . import c` and `from .m import c`, and "" when a relative
	// import cannot be resolved. `from a import b` reports "a" only, since
	// b may be a submodule or any other attribute.
	Module string
	// Level is the number of leading dots of a relative import, 0 if absolute.
	Level int
	// Stmt is the *ast.Import or *ast.ImportFrom.
	Stmt ast.Stmt
	// Alias is the alias naming the module of an *ast.Import, nil for
	// *ast.ImportFrom.
	Alias *ast.Alias
	// Pos is the position of Alias for *ast.Import and of Stmt otherwise.
	Pos ast.Pos
	// Scope is the scope the import statement is in.
	Scope *Scope
	// Star reports `from m import *`.
	Star bool
	// InTry reports an import inside the body of a try statement that has
	// except handlers, the usual shape of an optional dependency.
	InTry bool
	// TypeChecking reports an import under `if TYPE_CHECKING:` (typing's or
	// typing_extensions' constant, or a module constant bound to False),
	// which never runs.
	TypeChecking bool

	guard *ast.If // innermost enclosing If whose test may be TYPE_CHECKING
}

// ImportedModules returns every import in the file in source order, one
// entry per module of an *ast.Import and one per *ast.ImportFrom.
func (m *Model) ImportedModules() []Import { return m.imports }

// markTypeChecking sets Import.TypeChecking once names can be resolved.
func (m *Model) markTypeChecking() {
	for i := range m.imports {
		im := &m.imports[i]
		if im.guard == nil {
			continue
		}
		if m.isTypeChecking(im.guard.Test) {
			im.TypeChecking = true
		}
		im.guard = nil
	}
}

func (m *Model) isTypeChecking(test ast.Expr) bool {
	if m.QualifiedNameIs(test, "typing.TYPE_CHECKING") || m.QualifiedNameIs(test, "typing_extensions.TYPE_CHECKING") {
		return true
	}
	v, ok := m.ConstValue(test)
	return ok && v.Kind == ast.ConstFalse
}

// mayBeTypeChecking is a cheap syntactic filter on an If test, applied during
// the walk before names are resolved; markTypeChecking makes the decision.
func mayBeTypeChecking(test ast.Expr) bool {
	switch t := test.(type) {
	case *ast.Name:
		return t.ID == "TYPE_CHECKING"
	case *ast.Attribute:
		return t.Attr == "TYPE_CHECKING"
	}
	return false
}
