package supplychain

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// TestRunsAtInstall lists, for small files, the lines of the calls that run
// at install or import time.
func TestRunsAtInstall(t *testing.T) {
	tests := []struct {
		name, path, src string
		kind            string
		lines           []int
	}{
		{"setup_module_level", "setup.py", "import os\nos.getcwd()\ndef f():\n    os.getpid()\nsetup()\n", "setup", []int{2, 5}},
		{"called_function", "setup.py", "import os\ndef f():\n    os.getpid()\ndef g():\n    os.getuid()\nf()\n", "setup", []int{3, 6}},
		{"install_command", "setup.py",
			"from setuptools import setup\nfrom setuptools.command.install import install\nimport os\n" +
				"def h():\n    os.getpid()\nclass I(install):\n    def run(self):\n        h()\n" +
				"from setuptools.command.build_ext import build_ext\nclass B(build_ext):\n    def run(self):\n        os.getuid()\n",
			"setup", []int{5, 8}},
		{"setup_call_names_a_setup_script", "build_tools/make.py", "from setuptools import setup\nimport os\nos.getpid()\nsetup()\n", "setup", []int{3, 4}},
		{"init_main_block", "pkg/__init__.py", "import os\nos.getpid()\nif __name__ == '__main__':\n    os.getuid()\nelse:\n    os.getppid()\n", "init", []int{2, 6}},
		{"publish_guard", "setup.py", "import os, sys\nif sys.argv[-1] == 'publish':\n    os.system('twine upload')\nif 'install' in sys.argv:\n    os.system('x')\n", "setup", []int{5}},
		{"lambda_and_def_do_not_run", "pkg/__init__.py", "import os\nf = lambda: os.getpid()\ndef g():\n    os.getuid()\n", "init", nil},
		{"ordinary_module", "pkg/mod.py", "import os\nos.getpid()\n", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parser.Parse(tt.path, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			m := semantic.Build(f.Module, semantic.ModuleOptions(tt.path, 1))
			var lines []int
			kind := ""
			probe := &analysis.Rule{Code: "KR899", Kinds: []ast.Kind{ast.KindCall}, Run: func(p *analysis.Pass, n ast.Node) {
				kind = InstallTimeFile(p)
				if c := n.(*ast.Call); RunsAtInstall(p, c) && p.Model.CalleeName(c) != "builtins.print" {
					lines = append(lines, c.Lineno)
				}
			}, File: func(p *analysis.Pass) { kind = InstallTimeFile(p) }}
			if _, err := analysis.NewEngine([]*analysis.Rule{probe}).Run(tt.path, f, m); err != nil {
				t.Fatal(err)
			}
			if kind != tt.kind {
				t.Errorf("InstallTimeFile = %q, want %q", kind, tt.kind)
			}
			if diff := cmp.Diff(tt.lines, lines); diff != "" {
				t.Errorf("install-time call lines (-want +got):\n%s", diff)
			}
		})
	}
}

func TestThreadTargetsRun(t *testing.T) {
	src := "import os, threading, atexit\ndef a():\n    os.getpid()\ndef b():\n    os.getuid()\ndef c():\n    os.getppid()\n" +
		"threading.Thread(target=a, daemon=True).start()\natexit.register(b)\n"
	f, err := parser.Parse("pkg/__init__.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := semantic.Build(f.Module, semantic.ModuleOptions("pkg/__init__.py", 1))
	var lines []int
	probe := &analysis.Rule{Code: "KR899", Kinds: []ast.Kind{ast.KindCall}, Run: func(p *analysis.Pass, n ast.Node) {
		if c := n.(*ast.Call); RunsAtInstall(p, c) && p.Model.CalleeName(c) != "" && p.Model.CalleeName(c)[:3] == "os." {
			lines = append(lines, c.Lineno)
		}
	}}
	if _, err := analysis.NewEngine([]*analysis.Rule{probe}).Run("pkg/__init__.py", f, m); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{3, 5}, lines); diff != "" {
		t.Errorf("install-time os calls (-want +got):\n%s", diff)
	}
}
