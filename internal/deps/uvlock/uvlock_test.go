package uvlock

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/deps"
)

func TestExtract(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "uv.lock"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Extractor{}.Extract(context.Background(), deps.File{Path: "uv.lock", Content: data})
	if err != nil {
		t.Fatal(err)
	}
	f := "uv.lock"
	want := []deps.Package{
		{Name: "click", RawName: "click", Version: "8.1.7", Groups: []string{"cli"}, Direct: true, File: f, Line: 34, Hashes: []string{
			"sha256:ca9853ad459e787e2192211578cc907e7594e294c7ccc834310722b41b9ca6de",
			"sha256:ae74fb96c20a0277a1d615f1e4d73c8414f5a98db8b799a7931d1582f3390c28",
		}},
		{Name: "colorama", RawName: "colorama", Version: "0.4.6", Groups: []string{"cli", "dev"}, File: f, Line: 46},
		{Name: "numpy", RawName: "numpy", Version: "1.26.4", Direct: true, File: f, Line: 51},
		{Name: "numpy", RawName: "numpy", Version: "2.0.0", File: f, Line: 56},
		{Name: "pysocks", RawName: "pysocks", Version: "1.7.1", File: f, Line: 61},
		{Name: "pytest", RawName: "pytest", Version: "8.2.0", Groups: []string{"dev"}, Direct: true, File: f, Line: 66},
		{Name: "pluggy", RawName: "pluggy", Version: "1.5.0", Groups: []string{"dev"}, URL: "https://nexus.example.com/simple", File: f, Line: 75},
		{Name: "requests", RawName: "requests", Version: "2.32.3", Direct: true, File: f, Line: 80},
		{Name: "attrs", RawName: "attrs", Source: "vcs", URL: "git+https://github.com/python-attrs/attrs@0123456789abcdef0123456789abcdef01234567#subdirectory=src", Direct: true, File: f, Line: 99},
		{Name: "vendored", RawName: "vendored", Version: "3.0", Source: "path", URL: "wheels/vendored-3.0-py3-none-any.whl", Hashes: []string{"sha256:feed"}, Direct: true, File: f, Line: 103},
		{Name: "orphan", RawName: "orphan", Version: "1.0", Source: "url", URL: "https://example.com/orphan-1.0.tar.gz", Hashes: []string{"sha256:beef"}, File: f, Line: 111},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestExtractShapes(t *testing.T) {
	tests := []struct {
		name, data string
		want       []deps.Package
	}{
		{"virtual_root_no_manifest", `
[[package]]
name = "proj"
version = "0.1.0"
source = { virtual = "." }
dependencies = [{ name = "six" }]

[[package]]
name = "six"
version = "1.16.0"
source = { registry = "https://pypi.org/simple" }
`, []deps.Package{{Name: "six", RawName: "six", Version: "1.16.0", Direct: true, File: "uv.lock", Line: 8}}},
		{"editable_path_dependency_kept", `
[[package]]
name = "proj"
version = "0.1.0"
source = { editable = "." }
dependencies = [{ name = "lib" }]

[[package]]
name = "lib"
version = "0.0.1"
source = { editable = "../lib" }
`, []deps.Package{{Name: "lib", RawName: "lib", Version: "0.0.1", Source: "editable", URL: "../lib", Direct: true, File: "uv.lock", Line: 8}}},
		{"git_without_commit", `
[[package]]
name = "x"
version = "1"
source = { git = "https://github.com/o/x?tag=v1" }
`, []deps.Package{{Name: "x", RawName: "x", Version: "1", Source: "vcs", URL: "git+https://github.com/o/x@v1", File: "uv.lock", Line: 2}}},
		{"directory_source", `
[[package]]
name = "x"
version = "1"
source = { directory = "vendor/x" }
`, []deps.Package{{Name: "x", RawName: "x", Version: "1", Source: "path", URL: "vendor/x", File: "uv.lock", Line: 2}}},
		{"cycle", `
[[package]]
name = "p"
source = { virtual = "." }
dependencies = [{ name = "a" }]

[[package]]
name = "a"
version = "1"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "b", extra = ["x"] }]

[[package]]
name = "b"
version = "1"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "a" }]
`, []deps.Package{
			{Name: "a", RawName: "a", Version: "1", Direct: true, File: "uv.lock", Line: 7},
			{Name: "b", RawName: "b", Version: "1", File: "uv.lock", Line: 13},
		}},
		{"empty", "version = 1\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Extractor{}.Extract(context.Background(), deps.File{Path: "uv.lock", Content: []byte(tt.data)})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"syntax", "version = 1\n[[package]]\nname = \n", "uv.lock:3: invalid TOML"},
		{"no_name", "[[package]]\nversion = \"1\"\n", "uv.lock:1: package without a name"},
		{"source_not_table", "[[package]]\nname = \"a\"\nsource = \"pypi\"\n", "uv.lock:3: invalid TOML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extractor{}.Extract(context.Background(), deps.File{Path: "uv.lock", Content: []byte(tt.data)})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	for p, want := range map[string]bool{"uv.lock": true, "a/b/uv.lock": true, "uv.lock.json": false, "pdm.lock": false} {
		if got := (Extractor{}).Matches(p); got != want {
			t.Errorf("Matches(%q) = %v", p, got)
		}
	}
}

func TestExtractManifestRequirements(t *testing.T) {
	data := `version = 1

[manifest]
requirements = [{ name = "httpx", extras = ["http2"], specifier = ">=0.27" }]

[manifest.dependency-groups]
lint = [{ name = "ruff" }]

[[package]]
name = "httpx"
version = "0.27.0"
source = { registry = "https://pypi.org/simple" }

[package.optional-dependencies]
http2 = [{ name = "h2" }]

[[package]]
name = "h2"
version = "4.1.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "ruff"
version = "0.5.0"
source = { registry = "https://pypi.org/simple" }
`
	got, err := Extractor{}.Extract(context.Background(), deps.File{Path: "uv.lock", Content: []byte(data)})
	if err != nil {
		t.Fatal(err)
	}
	want := []deps.Package{
		{Name: "httpx", RawName: "httpx", Version: "0.27.0", Direct: true, File: "uv.lock", Line: 9},
		{Name: "h2", RawName: "h2", Version: "4.1.0", File: "uv.lock", Line: 17},
		{Name: "ruff", RawName: "ruff", Version: "0.5.0", Groups: []string{"lint"}, Direct: true, File: "uv.lock", Line: 22},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
