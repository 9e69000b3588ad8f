package setuppy

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kraitsec/krait/internal/deps"
)

const file = "setup.py"

func pkg(raw string, line int, p deps.Package) deps.Package {
	p.Name, p.RawName, p.Line, p.File, p.Direct = deps.Normalize(raw), raw, line, file, true
	return p
}

func TestParseFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/setup.py")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(context.Background(), deps.File{Path: file, Content: data})
	if err != nil {
		t.Fatal(err)
	}
	want := &Setup{
		Packages: []deps.Package{
			pkg("requests", 6, deps.Package{Specifier: ">=2.25"}),
			pkg("click", 7, deps.Package{Version: "8.1.7", Specifier: "==8.1.7"}),
			pkg("attrs", 31, deps.Package{}),
			pkg("rich", 10, deps.Package{Specifier: ">=13"}),
			pkg("PyYAML", 15, deps.Package{Specifier: ">=6", Groups: []string{"yaml"}}),
			pkg("requests", 6, deps.Package{Specifier: ">=2.25", Groups: []string{"all"}}),
			pkg("click", 7, deps.Package{Version: "8.1.7", Specifier: "==8.1.7", Groups: []string{"all"}}),
			pkg("uvicorn", 16, deps.Package{Marker: `python_version >= "3.8"`, Groups: []string{"all"}}),
			pkg("pytest", 13, deps.Package{Groups: []string{"tests"}}),
			pkg("coverage", 13, deps.Package{Extras: []string{"toml"}, Groups: []string{"tests"}}),
		},
		PythonRequires:     ">=3.7",
		PythonRequiresLine: 29,
		Classifiers:        []Value{{Value: "Programming Language :: Python :: 3.7", Line: 22}},
		Unresolved:         []Value{{Value: "setup_requires", Line: 34}},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestParseCases(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // name@line
		wantErr   string
	}{
		{"distutils", "from distutils.core import setup\nsetup(install_requires=['a'])\n", []string{"a@2"}, ""},
		{"module_attribute", "import setuptools\nsetuptools.setup(install_requires=['a', 'b'])\n", []string{"a@2", "b@2"}, ""},
		{"local_setup_is_not_setuptools", "def setup(**kw): pass\nsetup(install_requires=['a'])\n", nil, ""},
		{"reassigned_name_not_followed", "from setuptools import setup\nR = ['a']\nR = ['b']\nsetup(install_requires=R)\n", nil, ""},
		{"augmented_name_not_followed", "from setuptools import setup\nR = ['a']\nR += ['b']\nsetup(install_requires=R)\n", nil, ""},
		{"name_chain", "from setuptools import setup\nA = ['a']\nB = A\nsetup(install_requires=B)\n", []string{"a@2"}, ""},
		{"annotated", "from setuptools import setup\nA: list = ['a']\nsetup(install_requires=A)\n", []string{"a@2"}, ""},
		{"bad_requirement", "from setuptools import setup\nsetup(install_requires=['ok', 'not valid!'])\n", []string{"ok@2"}, "setup.py:2: install_requires"},
		{"syntax_error", "from setuptools import setup\nsetup(\n", nil, "setup.py"},
		{"self_cycle", "from setuptools import setup\nA = A\nsetup(install_requires=A)\n", nil, ""},
		{"no_setup", "print('hello')\n", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(context.Background(), deps.File{Path: file, Content: []byte(tt.src)})
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
			}
			if s == nil {
				return
			}
			var got []string
			for _, p := range s.Packages {
				got = append(got, p.Name+"@"+strconv.Itoa(p.Line))
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	e := Extractor{}
	for p, want := range map[string]bool{"setup.py": true, "sub/setup.py": true, "setup.pyc": false, "my_setup.py": false} {
		if got := e.Matches(p); got != want {
			t.Errorf("Matches(%q) = %v", p, got)
		}
	}
}

func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("testdata/setup.py")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Add("from setuptools import setup\nA = A + A\nsetup(install_requires=A, extras_require=dict(x=A), **{'a': 1})\n")
	f.Fuzz(func(t *testing.T, src string) {
		s, _ := Parse(context.Background(), deps.File{Path: file, Content: []byte(src)})
		if s == nil {
			return
		}
		for _, p := range s.Packages {
			if p.Name == "" || p.Line < 1 {
				t.Fatalf("bad package %+v", p)
			}
		}
	})
}
