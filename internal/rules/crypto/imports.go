package crypto

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// firstImport returns the node of the first import of module or one of its
// submodules that runs (not under TYPE_CHECKING), or nil.
func firstImport(m *semantic.Model, module string) ast.Node {
	for _, im := range m.ImportedModules() {
		if im.TypeChecking || im.Level != 0 {
			continue
		}
		if im.Module != module && !strings.HasPrefix(im.Module, module+".") {
			continue
		}
		if im.Alias != nil {
			return im.Alias
		}
		return im.Stmt
	}
	return nil
}

// importedNames returns the full dotted names an import brings in:
// "a.b" for `import a.b`, "a.b" and "a.c" for `from a import b, c`.
func importedNames(im semantic.Import) []string {
	switch s := im.Stmt.(type) {
	case *ast.ImportFrom:
		out := make([]string, 0, len(s.Names))
		for _, a := range s.Names {
			out = append(out, im.Module+"."+a.Name)
		}
		return out
	case *ast.Import:
		return []string{im.Module}
	}
	return nil
}

// reportImport reports the first import of module in the file, if any.
func reportImport(p *analysis.Pass, module, message string) {
	if node := firstImport(p.Model, module); node != nil {
		p.Report(node, message)
	}
}
