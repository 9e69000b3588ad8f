package semantic

import (
	"path"
	"strings"
)

// Options describes the module being modelled.
type Options struct {
	// Module is the module's dotted name, e.g. "pkg.sub.mod", or "" when
	// unknown. Relative imports resolve against it, and definitions take it
	// as the prefix of their qualified names ("__main__" when it is "").
	Module string
	// IsPackage reports whether the file is a package's __init__, so that
	// Module names the package itself and `from . import x` stays inside it.
	IsPackage bool
}

// ModuleOptions derives Options from a file's slash-separated path relative
// to the scan root and the number of directories directly above the file that
// are packages. The caller finds that number by walking up from the file
// while __init__.py exists; ModuleOptions never touches the file system.
//
// For example ("src/pkg/sub/mod.py", 2) gives "pkg.sub.mod",
// ("src/pkg/sub/__init__.py", 2) gives the package "pkg.sub", and
// ("tools/run.py", 0) gives "run". A package directory whose name is not an
// identifier cannot be imported, so the chain stops below it.
func ModuleOptions(relPath string, packageDepth int) Options {
	relPath = strings.TrimPrefix(path.Clean(strings.ReplaceAll(relPath, `\`, "/")), "/")
	dir, file := path.Split(relPath)
	stem := file
	if i := strings.LastIndexByte(file, '.'); i > 0 {
		stem = file[:i]
	}
	dirs := strings.Split(strings.TrimSuffix(dir, "/"), "/")
	if dir == "" {
		dirs = nil
	}
	packageDepth = min(max(packageDepth, 0), len(dirs))
	pkgs := dirs[len(dirs)-packageDepth:]
	for i := len(pkgs) - 1; i >= 0; i-- {
		if !isIdentifier(pkgs[i]) {
			pkgs = pkgs[i+1:]
			break
		}
	}
	if stem == "__init__" {
		if len(pkgs) == 0 {
			// An __init__ outside any package is just a module of that name.
			return Options{Module: stem}
		}
		return Options{Module: strings.Join(pkgs, "."), IsPackage: true}
	}
	if len(pkgs) == 0 {
		return Options{Module: stem}
	}
	return Options{Module: strings.Join(pkgs, ".") + "." + stem}
}

// isIdentifier reports whether s is an ASCII Python identifier; non-ASCII
// letters are accepted as they are in Python, without NFKC checks.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= 0x80:
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// resolveFrom returns the absolute module name of `from <dots><module>
// import ...` in the module described by opts, and false when a relative
// import cannot be resolved (unknown module, or more dots than packages).
func resolveFrom(opts Options, level int, module string) (string, bool) {
	if level <= 0 {
		return module, module != ""
	}
	pkg := opts.Module
	if !opts.IsPackage {
		i := strings.LastIndexByte(pkg, '.')
		if i < 0 {
			return "", false
		}
		pkg = pkg[:i]
	}
	if pkg == "" {
		return "", false
	}
	for range level - 1 {
		i := strings.LastIndexByte(pkg, '.')
		if i < 0 {
			return "", false
		}
		pkg = pkg[:i]
	}
	if module == "" {
		return pkg, true
	}
	return pkg + "." + module, true
}
