package distinfo

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
	tests := []struct {
		file string
		want []deps.Package
	}{
		{"METADATA", []deps.Package{{Name: "flask-sqlalchemy", RawName: "Flask_SQLAlchemy", Version: "3.1.1", File: "METADATA", Line: 2}}},
		{"PKG-INFO", []deps.Package{{Name: "legacy", RawName: "legacy", Version: "0.9", File: "PKG-INFO", Line: 2}}},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.file, "-", "_"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Extractor{}.Extract(context.Background(), deps.File{Path: tt.file, Content: data})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseMetadata(t *testing.T) {
	tests := []struct {
		name, data string
		want       Metadata
		err        string
	}{
		{"requirements", "Name: a\nVersion: 1\nRequires-Python: >=3.9\nRequires-Dist: b>=2\nRequires-Dist: c; extra ==\n  \"x\"\n\nbody\n",
			Metadata{Name: "a", Version: "1", RequiresPython: ">=3.9", RequiresDist: []string{"b>=2", `c; extra == "x"`}, NameLine: 1}, ""},
		{"bom_and_case", "\ufeffname: A\nVERSION: 2.0\n", Metadata{Name: "A", Version: "2.0", NameLine: 1}, ""},
		{"first_name_wins", "Name: a\nName: b\nVersion: 1\n", Metadata{Name: "a", Version: "1", NameLine: 1}, ""},
		{"body_without_blank_line", "Name: a\nVersion: 1\nthis is prose\nRequires-Dist: x\n", Metadata{Name: "a", Version: "1", NameLine: 1}, ""},
		{"no_name", "Version: 1\n", Metadata{}, "m: metadata without a valid Name field"},
		{"bad_name", "Name: ...\nVersion: 1\n", Metadata{}, "m: metadata without a valid Name field"},
		{"no_version", "\nName: a\n", Metadata{}, "m: metadata without a valid Name field"},
		{"missing_version", "Summary: s\nName: a\n", Metadata{}, "m:2: metadata of a without a Version field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMetadata("m", []byte(tt.data))
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	for p, want := range map[string]bool{
		".venv/lib/python3.12/site-packages/flask-3.0.3.dist-info/METADATA": true,
		"vendor/pip/_vendor/rich-13.0.0.dist-info/METADATA":                 true,
		"flask-3.0.3.dist-info/RECORD":                                      false,
		"docs/METADATA":                                                     false,
		".venv/lib/python3.12/site-packages/six-1.16.0.egg-info/PKG-INFO":   true,
		"/usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO":       true,
		"src/myproject.egg-info/PKG-INFO":                                   false,
		"lib/python3.8/site-packages/foo-1.0-py3.8.egg/EGG-INFO/PKG-INFO":   true,
		"lib/python3.8/site-packages/EGG-INFO/PKG-INFO":                     false,
		"lib/python3.8/site-packages/argparse-1.2.1-py2.7.egg-info":         true,
		"build/argparse-1.2.1-py2.7.egg-info":                               false,
		"PKG-INFO":                                                          false,
	} {
		if got := (Extractor{}).Matches(p); got != want {
			t.Errorf("Matches(%q) = %v", p, got)
		}
	}
}
