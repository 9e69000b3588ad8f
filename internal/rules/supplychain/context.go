package supplychain

import (
	"bytes"
	"path"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// fileKind says whether a file runs when its package is installed or imported.
type fileKind uint8

const (
	kindOther fileKind = iota
	// kindSetup is a setup script: setup.py, or any module that calls
	// setuptools' or distutils' setup() outside a function.
	kindSetup
	// kindInit is a package's __init__.py, which runs on every import.
	kindInit
)

// suspiciousCommands are the setup commands a package has no business
// overriding: they run on `pip install`, not on a build.
var suspiciousCommands = map[string]string{
	"setuptools.command.install.install":            "install",
	"setuptools.command.develop.develop":            "develop",
	"setuptools.command.egg_info.egg_info":          "egg_info",
	"distutils.command.install.install":             "install",
	"distutils.command.egg_info.egg_info":           "egg_info",
	"setuptools._distutils.command.install.install": "install",
}

// command is a class of a setup script that overrides an install command.
type command struct {
	class *ast.ClassDef
	// base is the command overridden: install, develop or egg_info.
	base string
	// used says the class is named somewhere else in the file, as in cmdclass.
	used bool
	// funcs are the methods and the module functions they call, transitively.
	funcs map[ast.Node]bool
}

// installContext is what a file runs at install or import time: the fact
// "this code runs when the package is installed or imported".
type installContext struct {
	kind fileKind
	// live holds the calls that run at install or import time: module-level
	// code (inside if/try/with/for too), the methods of overriding install
	// commands, and the module functions such code calls.
	live     map[*ast.Call]bool
	commands []*command
}

var installFact = &analysis.FileKey[*installContext]{Compute: computeInstallContext}

// InstallTimeFile says whether the pass's file runs when its package is
// installed or imported: "setup" for a setup script (setup.py, or a module
// that calls setuptools' or distutils' setup() at top level), "init" for a
// package's __init__.py, "" otherwise. Like RunsAtInstall it reads a fact
// computed once per file, for any rule that cares.
func InstallTimeFile(p *analysis.Pass) string {
	switch installTime(p).kind {
	case kindSetup:
		return "setup"
	case kindInit:
		return "init"
	}
	return ""
}

// RunsAtInstall reports whether a call of the pass's file runs when its
// package is installed or imported: at the top level of a setup script or
// __init__.py (inside if, try, with and loops too, but not under `if
// __name__ == "__main__":` of an __init__ or a maintainer command test such
// as `if sys.argv[-1] == "publish":`), in the methods of a setup script's
// class that overrides install, develop or egg_info, and in the module
// functions such code calls, transitively.
func RunsAtInstall(p *analysis.Pass, c *ast.Call) bool { return installTime(p).runsAtInstall(c) }

// installTime returns the file's install-time context.
func installTime(p *analysis.Pass) *installContext { return analysis.FileFact(p, installFact) }

// runsAtInstall reports whether c runs when the package is installed or imported.
func (ic *installContext) runsAtInstall(c *ast.Call) bool { return ic.live[c] }

// where names the moment a live call runs, for messages.
func (ic *installContext) where() string {
	if ic.kind == kindSetup {
		return "at install time (setup script)"
	}
	return "at import time (package __init__)"
}

func computeInstallContext(p *analysis.Pass) *installContext {
	ic := &installContext{}
	if p.File == nil || p.File.Module == nil || p.Model == nil {
		return ic
	}
	base := path.Base(strings.ReplaceAll(p.Path, `\`, "/"))
	switch {
	case base == "setup.py" || callsSetup(p.Model, p.File.Module):
		ic.kind = kindSetup
	case base == "__init__.py":
		ic.kind = kindInit
	default:
		return ic
	}
	m := p.Model
	funcs := map[ast.Node]bool{}
	if ic.kind == kindSetup {
		ic.commands = findCommands(m, p.File.Module)
		for _, cmd := range ic.commands {
			for _, s := range cmd.class.Body {
				if isDef(s) {
					funcs[s] = true
				}
			}
		}
	}
	// Code that runs only when the module is a script, or only for a
	// maintainer's command (`setup.py publish`), is not install time.
	for _, s := range notInstalled(m, p.File.Module, ic.kind) {
		funcs[s] = false
	}
	// Functions called from live code are live; a few rounds reach a fixed point.
	for round := 0; round < 8; round++ {
		ic.live = map[*ast.Call]bool{}
		added := false
		walkLive(p.File.Module, true, funcs, func(c *ast.Call) {
			ic.live[c] = true
			for _, def := range calledDefs(m, c) {
				if !known(funcs, def) {
					funcs[def] = true
					added = true
				}
			}
		})
		if !added {
			break
		}
	}
	for _, cmd := range ic.commands {
		cmd.funcs = reachable(m, cmd.class)
		cmd.used = classUsed(m, p.File.Module, cmd.class)
	}
	return ic
}

// known reports whether funcs says anything about def, live or not.
func known(funcs map[ast.Node]bool, def ast.Node) bool {
	_, ok := funcs[def]
	return ok
}

// maintainerCommands are setup.py arguments for the project's maintainers,
// guarded by `if sys.argv[-1] == "publish":` in many setup scripts.
var maintainerCommands = map[string]bool{
	"publish": true, "upload": true, "release": true, "tag": true, "test": true, "docs": true,
	"clean": true, "register": true, "bump": true,
}

// notInstalled returns the module-level if statements whose body does not
// run on install or import: `if __name__ == "__main__":` in a package
// __init__, and a maintainer command test on sys.argv in a setup script.
func notInstalled(m *semantic.Model, mod *ast.Module, kind fileKind) []ast.Node {
	var out []ast.Node
	for _, s := range mod.Body {
		ifs, ok := s.(*ast.If)
		if !ok {
			continue
		}
		cmp, ok := ifs.Test.(*ast.Compare)
		if !ok || len(cmp.Comparators) != 1 {
			continue
		}
		left, right := cmp.Left, cmp.Comparators[0]
		lit, _ := m.ConstString(right)
		if l, ok := m.ConstString(left); ok {
			lit, left = l, right
		}
		switch {
		case kind == kindInit && lit == "__main__" && isNameDunder(left):
			out = append(out, ifs)
		case kind == kindSetup && maintainerCommands[lit] && mentionsArgv(m, left, right):
			out = append(out, ifs)
		}
	}
	return out
}

func isNameDunder(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	return ok && n.ID == "__name__"
}

func mentionsArgv(m *semantic.Model, es ...ast.Expr) bool {
	found := false
	for _, e := range es {
		ast.Inspect(e, func(n ast.Node) bool {
			if x, ok := n.(ast.Expr); ok && m.QualifiedNameIs(x, "sys.argv") {
				found = true
			}
			return !found
		})
	}
	return found
}

func isDef(s ast.Node) bool {
	switch s.(type) {
	case *ast.FunctionDef, *ast.AsyncFunctionDef:
		return true
	}
	return false
}

// walkLive calls f on every call below n that runs when n runs, given which
// defs run (funcs, which also marks the if statements whose body does not
// run); live says whether n's own code runs.
func walkLive(n ast.Node, live bool, funcs map[ast.Node]bool, f func(*ast.Call)) {
	ast.Children(n, func(c ast.Node) bool {
		visitLive(c, live, funcs, f)
		return true
	})
}

func visitLive(c ast.Node, live bool, funcs map[ast.Node]bool, f func(*ast.Call)) {
	l := live
	switch x := c.(type) {
	case *ast.FunctionDef, *ast.AsyncFunctionDef:
		l = funcs[c]
	case *ast.Lambda:
		l = false
	case *ast.If:
		if off, ok := funcs[c]; ok && !off {
			// The test and the else branch run; the body does not.
			visitLive(x.Test, live, funcs, f)
			for _, s := range x.Orelse {
				visitLive(s, live, funcs, f)
			}
			return
		}
	case *ast.Call:
		if live {
			f(x)
		}
	}
	if !l && !live || !l && isScope(c) {
		return // nothing below a def that does not run runs
	}
	walkLive(c, l, funcs, f)
}

func isScope(n ast.Node) bool {
	switch n.(type) {
	case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda:
		return true
	}
	return false
}

// calledDefs returns the defs a call runs: the one it calls by name, and a
// function handed to threading.Thread(target=...), multiprocessing.Process,
// atexit.register or a timer, which runs soon after.
func calledDefs(m *semantic.Model, c *ast.Call) []ast.Node {
	var out []ast.Node
	if d := calledDef(m, c); d != nil {
		out = append(out, d)
	}
	var fn ast.Expr
	switch m.CalleeName(c) {
	case "threading.Thread", "multiprocessing.Process":
		fn = keyword(c, "target")
	case "atexit.register", "threading.Timer":
		fn = argOr(c, 0)
		if m.CalleeName(c) == "threading.Timer" {
			fn = argOr(c, 1)
		}
	}
	if n, ok := fn.(*ast.Name); ok {
		if u := m.Use(n); u != nil && u.Binding != nil && u.Binding.Kind == semantic.BindFunction {
			out = append(out, u.Binding.Node)
		}
	}
	return out
}

// calledDef returns the def statement a call of a plain name calls, or nil.
func calledDef(m *semantic.Model, c *ast.Call) ast.Node {
	n, ok := c.Func.(*ast.Name)
	if !ok {
		return nil
	}
	u := m.Use(n)
	if u == nil || u.Binding == nil || u.Binding.Kind != semantic.BindFunction {
		return nil
	}
	return u.Binding.Node
}

// callsSetup reports whether the module calls setuptools' or distutils'
// setup() outside any function.
func callsSetup(m *semantic.Model, mod *ast.Module) bool {
	if !imports(m, "setuptools", "distutils") {
		return false
	}
	found := false
	walkLive(mod, true, nil, func(c *ast.Call) {
		if !found {
			switch m.CalleeName(c) {
			case "setuptools.setup", "distutils.core.setup", "setuptools._distutils.core.setup":
				found = true
			}
		}
	})
	return found
}

// findCommands returns the classes that subclass an install command,
// directly or through another class of the file.
func findCommands(m *semantic.Model, mod *ast.Module) []*command {
	var out []*command
	byClass := map[ast.Node]string{}
	ast.Inspect(mod, func(n ast.Node) bool {
		cd, ok := n.(*ast.ClassDef)
		if !ok {
			return true
		}
		for _, b := range cd.Bases {
			base := suspiciousCommands[m.QualifiedName(b)]
			if base == "" {
				if bn, ok := b.(*ast.Name); ok {
					if u := m.Use(bn); u != nil && u.Binding != nil {
						base = byClass[u.Binding.Node]
					}
				}
			}
			if base != "" {
				byClass[cd] = base
				out = append(out, &command{class: cd, base: base})
				break
			}
		}
		return true
	})
	return out
}

// reachable returns the methods of class and the module functions they call,
// transitively.
func reachable(m *semantic.Model, class *ast.ClassDef) map[ast.Node]bool {
	funcs := map[ast.Node]bool{}
	var queue []ast.Node
	for _, s := range class.Body {
		if isDef(s) {
			funcs[s] = true
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		def := queue[0]
		queue = queue[1:]
		walkLive(def, true, funcs, func(c *ast.Call) {
			for _, d := range calledDefs(m, c) {
				if !funcs[d] {
					funcs[d] = true
					queue = append(queue, d)
				}
			}
		})
	}
	return funcs
}

// classUsed reports whether the class is loaded by name anywhere, as
// `cmdclass={"install": PostInstall}` does.
func classUsed(m *semantic.Model, mod *ast.Module, class *ast.ClassDef) bool {
	used := false
	ast.Inspect(mod, func(n ast.Node) bool {
		if used {
			return false
		}
		if nm, ok := n.(*ast.Name); ok && nm.Ctx == ast.Load {
			if u := m.Use(nm); u != nil && u.Binding != nil && u.Binding.Node == class {
				used = true
			}
		}
		return true
	})
	return used
}

// imports reports whether the module imports one of the top-level packages.
func imports(m *semantic.Model, tops ...string) bool {
	for _, im := range m.ImportedModules() {
		top, _, _ := strings.Cut(im.Module, ".")
		for _, t := range tops {
			if top == t {
				return true
			}
		}
	}
	return false
}

// importsNetwork reports whether the file imports a networking module, or
// may do so by name through __import__ or import_module.
func importsNetwork(p *analysis.Pass) bool {
	return imports(p.Model, networkModules...) || mayImportByName(p)
}

// mayImportByName reports whether the file's source calls __import__ or
// import_module, which hide imports from the import statements.
func mayImportByName(p *analysis.Pass) bool { return analysis.FileFact(p, importByNameFact) }

// importByNameFact searches the source once per file for mayImportByName, which
// several rules' file facts ask.
var importByNameFact = &analysis.FileKey[bool]{Compute: func(p *analysis.Pass) bool {
	return bytes.Contains(p.File.Source, []byte("__import__")) || bytes.Contains(p.File.Source, []byte("import_module"))
}}
