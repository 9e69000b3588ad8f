package semantic

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/python/ast"
)

const importForms = `import os
import os.path
import xml.etree.ElementTree as ET
from subprocess import Popen as P, run
from . import sibling
from .helpers import util
from .. import parent_mod
from ..pkg2.mod import thing
from ... import far
from __future__ import annotations
probe(os, os.path.join, ET.parse, P, run, sibling.x, util, parent_mod, thing, far, annotations)
`

// TestImportResolution checks the qualified name of every import form, with
// relative imports resolved from modules and packages at several depths.
func TestImportResolution(t *testing.T) {
	absolute := []string{"os", "os.path.join", "xml.etree.ElementTree.parse", "subprocess.Popen", "subprocess.run"}
	tests := []struct {
		name     string
		opts     Options
		relative []string // sibling.x, util, parent_mod, thing, far
	}{{
		name:     "module_in_subpackage",
		opts:     Options{Module: "pkg.sub.mod"},
		relative: []string{"pkg.sub.sibling.x", "pkg.sub.helpers.util", "pkg.parent_mod", "pkg.pkg2.mod.thing", ""},
	}, {
		name:     "package_init",
		opts:     Options{Module: "pkg.sub", IsPackage: true},
		relative: []string{"pkg.sub.sibling.x", "pkg.sub.helpers.util", "pkg.parent_mod", "pkg.pkg2.mod.thing", ""},
	}, {
		name:     "deep_module",
		opts:     Options{Module: "a.b.c.d"},
		relative: []string{"a.b.c.sibling.x", "a.b.c.helpers.util", "a.b.parent_mod", "a.b.pkg2.mod.thing", "a.far"},
	}, {
		name:     "top_level_package_init",
		opts:     Options{Module: "pkg", IsPackage: true},
		relative: []string{"pkg.sibling.x", "pkg.helpers.util", "", "", ""},
	}, {
		name:     "top_level_module",
		opts:     Options{Module: "script"},
		relative: []string{"", "", "", "", ""},
	}, {
		name:     "unknown_module",
		opts:     Options{},
		relative: []string{"", "", "", "", ""},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, mod := build(t, importForms, tt.opts)
			probe := calls(mod)[0]
			var got []string
			for _, a := range probe.Args {
				got = append(got, m.QualifiedName(a))
			}
			want := append(append([]string{}, absolute...), tt.relative...)
			want = append(want, "__future__.annotations")
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("qualified names (-want +got):\n%s", d)
			}
		})
	}
}

func TestResolveFrom(t *testing.T) {
	tests := []struct {
		opts   Options
		level  int
		module string
		want   string
		ok     bool
	}{
		{Options{Module: "a.b"}, 0, "x.y", "x.y", true},
		{Options{Module: "a.b"}, 1, "", "a", true},
		{Options{Module: "a.b"}, 1, "c", "a.c", true},
		{Options{Module: "a.b"}, 2, "c", "", false},
		{Options{Module: "a.b", IsPackage: true}, 1, "", "a.b", true},
		{Options{Module: "a.b", IsPackage: true}, 2, "c", "a.c", true},
		{Options{Module: "a.b", IsPackage: true}, 3, "c", "", false},
		{Options{Module: "a"}, 1, "c", "", false},
		{Options{}, 1, "c", "", false},
		{Options{}, 0, "", "", false},
	}
	for _, tt := range tests {
		got, ok := resolveFrom(tt.opts, tt.level, tt.module)
		if got != tt.want || ok != tt.ok {
			t.Errorf("resolveFrom(%+v, %d, %q) = %q, %v; want %q, %v", tt.opts, tt.level, tt.module, got, ok, tt.want, tt.ok)
		}
	}
}

// TestImportedModules checks the import list with its flags.
func TestImportedModules(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{{
		name: "forms_and_positions",
		src: `import a.b, c as d
from e.f import g
from . import h
from .i import *
def fn():
    import j
`,
		want: []string{
			"a.b level=0 1:7 module",
			"c level=0 1:12 module",
			"e.f level=0 2:0 module",
			"pkg level=1 3:0 module",
			"pkg.i level=1 4:0 module star",
			"j level=0 6:11 function",
		},
	}, {
		name: "optional_imports_in_try",
		src: `try:
    import ujson as json
except ImportError:
    import json
finally:
    import k
`,
		want: []string{
			"ujson level=0 2:11 module try",
			"json level=0 4:11 module",
			"k level=0 6:11 module",
		},
	}, {
		name: "type_checking_guards",
		src: `from typing import TYPE_CHECKING
import typing as t
if TYPE_CHECKING:
    import a
else:
    import b
if t.TYPE_CHECKING:
    import c
if other.TYPE_CHECKING:
    import d
`,
		want: []string{
			"typing level=0 1:0 module",
			"typing level=0 2:7 module",
			"a level=0 4:11 module typing",
			"b level=0 6:11 module",
			"c level=0 8:11 module typing",
			"d level=0 10:11 module",
		},
	}, {
		name: "type_checking_constant",
		src: `TYPE_CHECKING = False
if TYPE_CHECKING:
    import a
`,
		want: []string{"a level=0 3:11 module typing"},
	}, {
		name: "type_checking_local_true_is_not_a_guard",
		src: `TYPE_CHECKING = True
if TYPE_CHECKING:
    import a
`,
		want: []string{"a level=0 3:11 module"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := build(t, tt.src, Options{Module: "pkg.mod"})
			var got []string
			for _, im := range m.ImportedModules() {
				s := fmt.Sprintf("%s level=%d %d:%d %s", im.Module, im.Level, im.Pos.Lineno, im.Pos.ColOffset, im.Scope.Kind)
				if im.Star {
					s += " star"
				}
				if im.InTry {
					s += " try"
				}
				if im.TypeChecking {
					s += " typing"
				}
				switch im.Stmt.(type) {
				case *ast.Import:
					if im.Alias == nil {
						s += " noalias"
					}
				case *ast.ImportFrom:
					if im.Alias != nil {
						s += " alias"
					}
				}
				got = append(got, s)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("imports (-want +got):\n%s", d)
			}
		})
	}
}

func TestModuleOptions(t *testing.T) {
	tests := []struct {
		path  string
		depth int
		want  Options
	}{
		{"src/pkg/sub/mod.py", 2, Options{Module: "pkg.sub.mod"}},
		{"src/pkg/sub/__init__.py", 2, Options{Module: "pkg.sub", IsPackage: true}},
		{"pkg/__init__.pyi", 1, Options{Module: "pkg", IsPackage: true}},
		{"tools/run.py", 0, Options{Module: "run"}},
		{"run.py", 3, Options{Module: "run"}},
		{"a/b/c.py", 9, Options{Module: "a.b.c"}},
		{"my-project/pkg/m.py", 2, Options{Module: "pkg.m"}},
		{`win\pkg\m.py`, 1, Options{Module: "pkg.m"}},
		{"./pkg/m.py", 1, Options{Module: "pkg.m"}},
		{"__init__.py", 0, Options{Module: "__init__"}},
		{"pkg/__main__.py", 1, Options{Module: "pkg.__main__"}},
	}
	for _, tt := range tests {
		if got := ModuleOptions(tt.path, tt.depth); got != tt.want {
			t.Errorf("ModuleOptions(%q, %d) = %+v, want %+v", tt.path, tt.depth, got, tt.want)
		}
	}
}
