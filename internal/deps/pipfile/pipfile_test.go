package pipfile

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kraitsec/krait/internal/deps"
)

const file = "Pipfile"

func pkg(raw string, line int, p deps.Package) deps.Package {
	p.Name, p.RawName, p.Line, p.File, p.Direct = deps.Normalize(raw), raw, line, file, true
	return p
}

func TestParseFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/Pipfile")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(context.Background(), deps.File{Path: file, Content: data})
	if err != nil {
		t.Fatal(err)
	}
	want := &Pipfile{
		Packages: []deps.Package{
			pkg("requests", 12, deps.Package{}),
			pkg("django", 13, deps.Package{Version: "4.2.11", Specifier: "==4.2.11"}),
			pkg("flask", 14, deps.Package{Specifier: ">=2.0,<3", Extras: []string{"async"}}),
			pkg("pywin32", 15, deps.Package{Marker: `sys_platform == "win32"`}),
			pkg("gunicorn", 16, deps.Package{Specifier: "~=21.2", Marker: `(os_name == "posix" or os_name == "java") and python_version >= "3.8"`}),
			pkg("mylib", 17, deps.Package{Source: "editable", URL: "git+https://github.com/org/mylib.git@v1.0"}),
			pkg("localpkg", 18, deps.Package{Source: "path", URL: "./localpkg"}),
			pkg("pytest", 21, deps.Package{Specifier: ">=8", Groups: []string{"dev-packages"}}),
			pkg("sphinx", 24, deps.Package{Groups: []string{"docs"}}),
		},
		PythonVersion:     "3.11",
		PythonVersionLine: 27,
		Sources: []Source{
			{Name: "pypi", URL: "https://pypi.org/simple", VerifySSL: true, Line: 1},
			{Name: "internal", URL: "http://internal.example.org/simple", VerifySSL: false, Line: 6},
		},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, wantErr string
		wantPkgs           int
	}{
		{"not_toml", "[packages\n", "Pipfile: line 1", -1},
		{"bad_specifier", "[packages]\na = \"latest\"\nb = \"*\"\n", "Pipfile:2: packages.a", 1},
		{"bad_type", "[packages]\na = 3\n", "packages.a is neither", 0},
		{"bad_marker", "[packages]\na = {markers = \"nonsense\"}\n", "packages.a invalid marker", 0},
		{"marker_key_unquoted", "[packages]\na = {os_name = \"==nt\"}\n", "no quoted value", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(context.Background(), deps.File{Path: file, Content: []byte(tt.src)})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want one containing %q", err, tt.wantErr)
			}
			if tt.wantPkgs < 0 {
				if p != nil {
					t.Error("got a result for an invalid document")
				}
				return
			}
			if len(p.Packages) != tt.wantPkgs {
				t.Errorf("got %d packages, want %d", len(p.Packages), tt.wantPkgs)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	e := Extractor{}
	for p, want := range map[string]bool{"Pipfile": true, "app/Pipfile": true, "Pipfile.lock": false, "pipfile": false} {
		if got := e.Matches(p); got != want {
			t.Errorf("Matches(%q) = %v", p, got)
		}
	}
}

func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("testdata/Pipfile")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Fuzz(func(t *testing.T, s string) {
		p, _ := Parse(context.Background(), deps.File{Path: file, Content: []byte(s)})
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
