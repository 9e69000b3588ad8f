package setupcfg

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kraitsec/krait/internal/deps"
)

const file = "setup.cfg"

func pkg(raw string, line int, p deps.Package) deps.Package {
	p.Name, p.RawName, p.Line, p.File, p.Direct = deps.Normalize(raw), raw, line, file, true
	return p
}

func TestParseFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/setup.cfg")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(context.Background(), deps.File{Path: file, Content: data})
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Packages: []deps.Package{
			pkg("requests", 11, deps.Package{Specifier: ">=2.20"}),
			pkg("importlib-metadata", 14, deps.Package{Marker: `python_version < "3.8"`}),
			pkg("click", 16, deps.Package{Version: "8.1.7", Specifier: "==8.1.7"}),
			pkg("setuptools_scm", 17, deps.Package{Specifier: ">=6", Groups: []string{"setup"}}),
			pkg("wheel", 17, deps.Package{Groups: []string{"setup"}}),
			pkg("pytest", 18, deps.Package{Groups: []string{"tests"}}),
			pkg("black", 23, deps.Package{Groups: []string{"dev"}}),
			pkg("tox", 24, deps.Package{Specifier: ">=4", Groups: []string{"dev"}}),
			pkg("PyYAML", 21, deps.Package{Specifier: ">=5.4", Groups: []string{"yaml"}}),
		},
		PythonRequires:     ">=3.7",
		PythonRequiresLine: 9,
		Classifiers: []Classifier{
			{Value: "Programming Language :: Python :: 3", Line: 4},
			{Value: "Programming Language :: Python :: 3.7", Line: 5},
		},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		wantErrs  []string
		wantPkgs  int
	}{
		{"bad_requirement", "[options]\ninstall_requires =\n  ok\n  not valid!\n", []string{"setup.cfg:4: install_requires"}, 1},
		{"outside_section", "install_requires = x\n[options]\ninstall_requires = y\n", []string{"setup.cfg:1: option outside a section"}, 1},
		{"duplicate_option", "[options]\ninstall_requires = a\ninstall_requires = b\n", []string{"setup.cfg:3: option \"install_requires\" repeated"}, 1},
		{"duplicate_section", "[options]\ninstall_requires = a\n[options]\ninstall_requires = b\n", []string{"setup.cfg:3: section [options] repeated"}, 1},
		{"bad_header", "[options\ninstall_requires = a\n", []string{"unterminated section header", "option outside a section"}, 0},
		{"no_separator", "[options]\njust words\n", []string{"setup.cfg:2: expected key = value"}, 0},
		{"crlf_and_colon", "[options]\r\ninstall_requires:\r\n  a\r\n  b\r\n", nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(context.Background(), deps.File{Path: file, Content: []byte(tt.src)})
			for _, want := range tt.wantErrs {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("err = %v, want one containing %q", err, want)
				}
			}
			if tt.wantErrs == nil && err != nil {
				t.Errorf("unexpected error %v", err)
			}
			if len(c.Packages) != tt.wantPkgs {
				t.Errorf("got %d packages, want %d", len(c.Packages), tt.wantPkgs)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	e := Extractor{}
	for p, want := range map[string]bool{"setup.cfg": true, "pkg/setup.cfg": true, "setup.cfg.in": false, "tox.ini": false} {
		if got := e.Matches(p); got != want {
			t.Errorf("Matches(%q) = %v", p, got)
		}
	}
}

func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("testdata/setup.cfg")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Add("[options]\ninstall_requires = a; b\n[options.extras_require]\nx =\n  y\n")
	f.Fuzz(func(t *testing.T, s string) {
		c, _ := Parse(context.Background(), deps.File{Path: file, Content: []byte(s)})
		for _, p := range c.Packages {
			if p.Name == "" || p.Line < 1 {
				t.Fatalf("bad package %+v", p)
			}
		}
	})
}
