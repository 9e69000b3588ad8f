package pyproject

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kraitsec/krait/internal/deps"
)

const file = "pyproject.toml"

func parseFixture(t *testing.T, name string) *Project {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(context.Background(), deps.File{Path: file, Content: data})
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return p
}

// pkg builds an expected direct package of the fixture file.
func pkg(raw string, line int, p deps.Package) deps.Package {
	p.Name, p.RawName, p.Line, p.File, p.Direct = deps.Normalize(raw), raw, line, file, true
	return p
}

func TestParse(t *testing.T) {
	tests := []struct {
		fixture string
		want    *Project
	}{
		{"pep621.toml", &Project{
			Name: "demo-app",
			Packages: []deps.Package{
				pkg("setuptools", 2, deps.Package{Specifier: ">=61", Groups: []string{"build-system"}}),
				pkg("wheel", 2, deps.Package{Groups: []string{"build-system"}}),
				pkg("Django", 14, deps.Package{Specifier: ">=4.2,<5"}),
				pkg("requests", 15, deps.Package{Version: "2.31.0", Specifier: "==2.31.0", Extras: []string{"socks"}, Marker: `python_version >= "3.8"`}),
				pkg("internal", 16, deps.Package{Source: "vcs", URL: "git+https://github.com/org/internal.git@v1.0"}),
				pkg("pytest", 20, deps.Package{Specifier: "~=8.0", Groups: []string{"test"}}),
				pkg("sphinx", 21, deps.Package{Groups: []string{"docs"}}),
				pkg("ruff", 24, deps.Package{Version: "0.4.4", Specifier: "==0.4.4", Groups: []string{"Dev", "lint", "typing"}}),
				pkg("mypy", 25, deps.Package{Groups: []string{"Dev", "typing"}}),
				pkg("ipython", 26, deps.Package{Groups: []string{"Dev"}}),
			},
			Python: []Value{{Key: "project.requires-python", Value: ">=3.8", Line: 8}},
			Classifiers: []Value{
				{Key: "project.classifiers", Value: "Programming Language :: Python :: 3.8", Line: 10},
				{Key: "project.classifiers", Value: "Programming Language :: Python :: 3.12", Line: 11},
			},
		}},
		{"poetry.toml", &Project{
			Name: "poetry-demo",
			Packages: []deps.Package{
				pkg("requests", 7, deps.Package{Specifier: ">=2.28,<3.0"}),
				pkg("zeroes", 8, deps.Package{Specifier: ">=0.0.3,<0.0.4"}),
				pkg("tilde", 9, deps.Package{Specifier: ">=1.4,<1.5"}),
				pkg("exact", 10, deps.Package{Version: "1.2.3", Specifier: "==1.2.3"}),
				pkg("star", 11, deps.Package{}),
				pkg("wild", 12, deps.Package{Specifier: "==2.1.*"}),
				pkg("ranged", 13, deps.Package{Specifier: ">=1.0,<2.0"}),
				pkg("union", 14, deps.Package{}),
				pkg("django", 15, deps.Package{Specifier: ">=4.2.1,<4.3.0", Extras: []string{"bcrypt"}, Marker: `sys_platform == "linux"`}),
				pkg("flask", 16, deps.Package{Source: "vcs", URL: "git+https://github.com/pallets/flask.git@0123456789abcdef0123456789abcdef01234567"}),
				pkg("mylib", 17, deps.Package{Source: "editable", URL: "../mylib"}),
				pkg("wheel-dep", 18, deps.Package{Source: "url", URL: "https://example.org/wheel_dep-1.0-py3-none-any.whl"}),
				pkg("psycopg", 19, deps.Package{Specifier: ">=3.1,<4.0", Groups: []string{"pg"}}),
				pkg("numpy", 21, deps.Package{Specifier: ">=1.24,<2.0", Marker: `python_version >= "3.9" and python_version < "3.12"`}),
				pkg("numpy", 22, deps.Package{Specifier: ">=2.0,<3.0", Marker: `python_version >= "3.12"`}),
				pkg("black", 29, deps.Package{Specifier: ">=24.1,<25.0", Groups: []string{"dev"}}),
				pkg("pytest", 32, deps.Package{Specifier: ">=8,<9", Groups: []string{"test"}}),
			},
			Python: []Value{{Key: "tool.poetry.dependencies.python", Value: ">=3.9,<4.0", Line: 6}},
			Sources: []Source{
				{Tool: "poetry", Name: "private", URL: "https://pypi.example.org/simple/", Priority: "supplemental", VerifySSL: true, Line: 34},
				{Tool: "poetry", Name: "legacy", URL: "http://old.example.org/simple/", Priority: "default", VerifySSL: true, Line: 39},
			},
		}},
		{"pdm_uv.toml", &Project{
			Name: "tooling",
			Packages: []deps.Package{
				pkg("httpx", 4, deps.Package{}),
				pkg("shared-lib", 4, deps.Package{Source: "vcs", URL: "git+https://github.com/org/shared@v2"}),
				pkg("localpkg", 4, deps.Package{Source: "editable", URL: "packages/localpkg"}),
				pkg("pytest", 7, deps.Package{Specifier: ">=8", Groups: []string{"test"}}),
				pkg("plug", 7, deps.Package{Source: "editable", URL: "file:///${PROJECT_ROOT}/plugins/plug#egg=plug", Groups: []string{"test"}}),
				pkg("coverage", 15, deps.Package{Version: "7.5.0", Specifier: "==7.5.0", Groups: []string{"dev"}}),
			},
			Python: []Value{{Key: "project.requires-python", Value: ">=3.10", Line: 3}},
			Sources: []Source{
				{Tool: "pdm", Name: "internal", URL: "https://pdm.example.org/simple", VerifySSL: false, Line: 9},
				{Tool: "uv", Name: "corp", URL: "https://uv.example.org/simple", Priority: "explicit", VerifySSL: true, Line: 18},
				{Tool: "uv", Name: "extra-index-url", URL: "https://extra.example.org/simple", Priority: "extra", VerifySSL: true, Line: 16},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.fixture, ".toml"), func(t *testing.T) {
			got := parseFixture(t, tt.fixture)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPoetrySpecifier(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"^1.2.3", ">=1.2.3,<2.0.0", true},
		{"^1.2", ">=1.2,<2.0", true},
		{"^1", ">=1,<2", true},
		{"^0.2.3", ">=0.2.3,<0.3.0", true},
		{"^0.0.3", ">=0.0.3,<0.0.4", true},
		{"^0.0", ">=0.0,<0.1", true},
		{"^0", ">=0,<1", true},
		{"^1.0.0a1", ">=1.0.0a1,<2.0.0", true},
		{"^9.99", ">=9.99,<10.0", true},
		{"~1.2.3", ">=1.2.3,<1.3.0", true},
		{"~1.2", ">=1.2,<1.3", true},
		{"~1", ">=1,<2", true},
		{"~=1.2", "~=1.2", true},
		{"1.2.*", "==1.2.*", true},
		{"!=1.2.*", "!=1.2.*", true},
		{"=1.0", "==1.0", true},
		{">= 1.0 < 2.0", ">=1.0,<2.0", true},
		{">=1.0,<2.0", ">=1.0,<2.0", true},
		{"*", "", true},
		{"", "", true},
		{"^1.0 || ^2.0", "", false},
		{">=1.0 | <0.5", "", false},
	}
	for _, tt := range tests {
		got, ok, err := poetrySpecifier(tt.in)
		if err != nil || got != tt.want || ok != tt.ok {
			t.Errorf("poetrySpecifier(%q) = %q, %v, %v; want %q, %v", tt.in, got, ok, err, tt.want, tt.ok)
		}
	}
	for _, bad := range []string{"^latest", "~x", ">=1.0 foo", "^"} {
		if got, _, err := poetrySpecifier(bad); err == nil {
			t.Errorf("poetrySpecifier(%q) = %q, want an error", bad, got)
		}
	}
	if got := increment("99999999999999999999"); got != "100000000000000000000" {
		t.Errorf("increment = %s", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, wantErr string
		wantPkgs           int
	}{
		{"not_toml", "[project\n", "pyproject.toml: line 1", -1},
		{"bad_requirement", "[project]\ndependencies = [\"ok\", \"not valid!\"]\n", "pyproject.toml:2: project.dependencies[1]", 1},
		{"wrong_type", "[project]\ndependencies = \"requests\"\n", "project.dependencies is not an array", 0},
		{"unknown_group", "[dependency-groups]\na = [{include-group = \"b\"}, \"x\"]\n", "unknown group", 1},
		{"group_cycle", "[dependency-groups]\na = [{include-group = \"b\"}, \"x\"]\nb = [{include-group = \"a\"}, \"y\"]\n", "", 2},
		{"bad_poetry_version", "[tool.poetry.dependencies]\nx = \"^nope\"\ny = \"1.0\"\n", "pyproject.toml:2: tool.poetry.dependencies.x", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(context.Background(), deps.File{Path: file, Content: []byte(tt.src)})
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("err = %v, want one containing %q", err, tt.wantErr)
			}
			if tt.wantPkgs < 0 {
				if p != nil {
					t.Errorf("got a result for an invalid document")
				}
				return
			}
			if p == nil || len(p.Packages) != tt.wantPkgs {
				t.Errorf("got %v, want %d packages", p, tt.wantPkgs)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	e := Extractor{}
	for p, want := range map[string]bool{"pyproject.toml": true, "a/b/pyproject.toml": true, "pyproject.toml.bak": false, "Pipfile": false} {
		if got := e.Matches(p); got != want {
			t.Errorf("Matches(%q) = %v", p, got)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"pep621.toml", "poetry.toml", "pdm_uv.toml"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _ := Parse(context.Background(), deps.File{Path: file, Content: data})
		if p == nil {
			return
		}
		for _, pk := range p.Packages {
			if pk.Name == "" {
				t.Fatalf("package without a name: %+v", pk)
			}
		}
	})
}
