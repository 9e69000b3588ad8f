package pipfilelock

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
	data, err := os.ReadFile(filepath.Join("testdata", "Pipfile.lock"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Extractor{}.Extract(context.Background(), deps.File{Path: "Pipfile.lock", Content: data})
	if err != nil {
		t.Fatal(err)
	}
	f := "Pipfile.lock"
	want := []deps.Package{
		{Name: "django", RawName: "Django", Version: "4.2.1", Marker: "python_version >= '3.8'", Hashes: []string{"sha256:0c1a4b5c", "sha256:8f2e3d4a"}, File: f, Line: 24},
		{Name: "requests", RawName: "requests", Version: "2.31.0", Extras: []string{"socks"}, File: f, Line: 33},
		{Name: "corp-utils", RawName: "corp-utils", Version: "1.0.0", URL: "http://nexus.example.com/simple", File: f, Line: 41},
		{Name: "mylib", RawName: "mylib", Source: "editable", URL: "./libs/mylib", File: f, Line: 45},
		{Name: "vcslib", RawName: "vcslib", Source: "vcs", URL: "git+https://github.com/example/vcslib.git@a1b2c3d4e5f60718293a4b5c6d7e8f9012345678#subdirectory=python", File: f, Line: 49},
		{Name: "loose", RawName: "loose", File: f, Line: 54},
		{Name: "ranged", RawName: "ranged", Specifier: ">=1.0,<2", File: f, Line: 57},
		{Name: "archive", RawName: "archive", Source: "url", URL: "https://example.com/archive-1.0.tar.gz", File: f, Line: 60},
		{Name: "localwheel", RawName: "localwheel", Source: "path", URL: "wheels/localwheel-0.1-py3-none-any.whl", File: f, Line: 63},
		{Name: "pytest", RawName: "pytest", Version: "7.4.0", Hashes: []string{"sha256:aaaa"}, Groups: []string{"develop"}, File: f, Line: 68},
		{Name: "django", RawName: "django", Version: "4.2.1", Groups: []string{"develop"}, File: f, Line: 74},
		{Name: "sphinx", RawName: "sphinx", Version: "7.1.2", Groups: []string{"docs"}, File: f, Line: 79},
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
		{"meta_last", `{"default": {"a": {"version": "==1", "index": "x"}}, "_meta": {"sources": [{"name": "x", "url": "https://x.example/simple"}]}}`,
			[]deps.Package{{Name: "a", RawName: "a", Version: "1", URL: "https://x.example/simple", File: "p", Line: 1}}},
		{"empty", `{}`, nil},
		{"null_section", `{"default": null, "develop": {}}`, nil},
		{"spaced_pin", `{"default": {"a": {"version": "== 1.0 "}}}`,
			[]deps.Package{{Name: "a", RawName: "a", Version: "1.0", File: "p", Line: 1}}},
		{"wildcard_pin", `{"default": {"a": {"version": "==1.*"}}}`,
			[]deps.Package{{Name: "a", RawName: "a", Specifier: "==1.*", File: "p", Line: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Extractor{}.Extract(context.Background(), deps.File{Path: "p", Content: []byte(tt.data)})
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
		{"syntax", "{\n\"default\": {\n\"a\": {\"version\": \"==1\",}\n}}", "Pipfile.lock:3: invalid JSON"},
		{"truncated", "{\n\"default\": {\n\"a\": {", "Pipfile.lock:3: invalid JSON"},
		{"not_object", "[]", `Pipfile.lock:1: expected "{"`},
		{"wrong_type", "{\"default\": {\n\"a\": {\"version\": 1}}}", "Pipfile.lock:2: invalid lock entry"},
		{"bad_name", "{\"default\": {\n\"..\": {}}}", `Pipfile.lock:2: invalid package name ".."`},
		{"trailing", "{}\n{}", "Pipfile.lock:2: unexpected data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extractor{}.Extract(context.Background(), deps.File{Path: "Pipfile.lock", Content: []byte(tt.data)})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	for p, want := range map[string]bool{"Pipfile.lock": true, "a/Pipfile.lock": true, "Pipfile": false, "pipfile.lock": false} {
		if got := (Extractor{}).Matches(p); got != want {
			t.Errorf("Matches(%q) = %v", p, got)
		}
	}
}
