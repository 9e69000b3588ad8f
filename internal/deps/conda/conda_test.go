package conda

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/requirements"
)

const file = "environment.yml"

func pkg(raw string, line int, p deps.Package) deps.Package {
	p.Name, p.RawName, p.Line, p.Direct = deps.Normalize(raw), raw, line, true
	if p.File == "" {
		p.File = file
	}
	return p
}

func TestParseFixture(t *testing.T) {
	fsys := os.DirFS("testdata")
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		t.Fatal(err)
	}
	e := New(func(p string) ([]byte, error) { return fs.ReadFile(fsys, p) })
	got, err := e.Parse(context.Background(), deps.File{Path: file, Content: data})
	if err != nil {
		t.Fatal(err)
	}
	want := &Environment{
		Packages: []deps.Package{
			pkg("requests", 14, deps.Package{Version: "2.31.0", Specifier: "==2.31.0", Hashes: []string{"sha256:abcd"}}),
			pkg("Flask", 15, deps.Package{Specifier: ">=2.0", Extras: []string{"async"}}),
			pkg("rich", 2, deps.Package{Version: "13.7.1", Specifier: "==13.7.1", File: "requirements-extra.txt"}),
			pkg("tool", 17, deps.Package{Source: "editable", URL: "git+https://github.com/org/tool.git@main#egg=tool"}),
			pkg("python", 6, deps.Package{Specifier: "==3.9.*", Source: "conda"}),
			pkg("numpy", 7, deps.Package{Specifier: ">=1.20", Source: "conda"}),
			pkg("scipy", 8, deps.Package{Version: "1.7.3", Specifier: "==1.7.3", Source: "conda"}),
			pkg("openssl", 9, deps.Package{Version: "3.0.8", Specifier: "==3.0.8", Source: "conda"}),
			pkg("pandas", 10, deps.Package{Specifier: "==1.5.*", Source: "conda"}),
			pkg("pip", 11, deps.Package{Source: "conda"}),
		},
		Python:     "=3.9",
		PythonLine: 6,
		PipOptions: []requirements.Option{{Name: "--extra-index-url", Value: "https://private.example.org/simple", File: file, Line: 13}},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestMatchSpec(t *testing.T) {
	tests := []struct{ in, name, version, spec string }{
		{"numpy", "numpy", "", ""},
		{"numpy=1.2", "numpy", "", "==1.2.*"},
		{"numpy=1.2.*", "numpy", "", "==1.2.*"},
		{"numpy==1.2.3", "numpy", "1.2.3", "==1.2.3"},
		{"numpy 1.2.3 py39_0", "numpy", "1.2.3", "==1.2.3"},
		{"numpy 1.2.*", "numpy", "", "==1.2.*"},
		{"numpy>=1.2,<2", "numpy", "", ">=1.2,<2"},
		{"numpy>=1.2|<0.5", "numpy", "", ""},
		{"defaults::Ruamel_Yaml=0.17=py_0", "ruamel-yaml", "0.17", "==0.17"},
		{"numpy[version='>=1.2']", "numpy", "", ""},
	}
	for _, tt := range tests {
		p, err := matchSpec(tt.in, file, 1)
		if err != nil {
			t.Errorf("matchSpec(%q): %v", tt.in, err)
			continue
		}
		if p.Name != tt.name || p.Version != tt.version || p.Specifier != tt.spec {
			t.Errorf("matchSpec(%q) = %q %q %q, want %q %q %q", tt.in, p.Name, p.Version, p.Specifier, tt.name, tt.version, tt.spec)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, wantErr string
		wantPkgs           int
	}{
		{"not_yaml", "dependencies: [\n", "environment.yml", -1},
		{"not_mapping", "- a\n", "environment.yml:1: not a mapping", -1},
		{"deps_not_list", "dependencies: numpy\n", "dependencies is not a list", -1},
		{"bad_entry", "dependencies:\n  - [nested]\n  - numpy\n", "environment.yml:2: unexpected", 1},
		{"bad_pip_line", "dependencies:\n  - pip:\n    - ok\n    - not valid!\n", "in the pip section", 1},
		{"empty", "", "", 0},
		{"no_dependencies", "name: x\n", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, err := New(nil).Parse(context.Background(), deps.File{Path: file, Content: []byte(tt.src)})
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("err = %v, want one containing %q", err, tt.wantErr)
			}
			if tt.wantPkgs < 0 {
				if env != nil {
					t.Error("got a result for an invalid document")
				}
				return
			}
			if env == nil || len(env.Packages) != tt.wantPkgs {
				t.Errorf("got %+v, want %d packages", env, tt.wantPkgs)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	e := New(nil)
	for p, want := range map[string]bool{
		"environment.yml": true, "envs/environment-dev.yaml": true, "conda-env.yml": true,
		"docker-compose.yml": false, ".github/workflows/ci.yml": false, "environment.txt": false,
	} {
		if got := e.Matches(p); got != want {
			t.Errorf("Matches(%q) = %v", p, got)
		}
	}
}

func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("testdata/environment.yml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Fuzz(func(t *testing.T, s string) {
		env, _ := New(nil).Parse(context.Background(), deps.File{Path: file, Content: []byte(s)})
		if env == nil {
			return
		}
		for _, p := range env.Packages {
			if p.Name == "" {
				t.Fatalf("package without a name: %+v", p)
			}
		}
	})
}
