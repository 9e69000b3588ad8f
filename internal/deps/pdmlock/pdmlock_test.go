package pdmlock

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
		{"pdm.lock", []deps.Package{
			{Name: "requests", RawName: "requests", Version: "2.32.3", File: "pdm.lock", Line: 13, Hashes: []string{
				"sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6",
				"sha256:55365417734eb18255590a9ff9eb97e9e1da868d4ccd6402399eaf68af20a760",
			}},
			{Name: "pysocks", RawName: "PySocks", Version: "1.7.1", Groups: []string{"socks"}, File: "pdm.lock", Line: 42},
			{Name: "colorama", RawName: "colorama", Version: "0.4.6", Groups: []string{"dev", "test"}, Marker: `sys_platform == "win32"`, File: "pdm.lock", Line: 49},
			{Name: "black", RawName: "black", Version: "24.4.2", Extras: []string{"jupyter"}, Groups: []string{"dev"}, File: "pdm.lock", Line: 57},
			{Name: "mylib", RawName: "mylib", Version: "0.1.0", Source: "editable", URL: "./libs/mylib", File: "pdm.lock", Line: 64},
			{Name: "fromgit", RawName: "fromgit", Version: "1.2.0", Source: "vcs",
				URL: "git+https://github.com/example/fromgit.git@fedcba9876543210fedcba9876543210fedcba98", File: "pdm.lock", Line: 72},
			{Name: "fromurl", RawName: "fromurl", Version: "0.5", Source: "url", URL: "https://example.com/fromurl-0.5.tar.gz", File: "pdm.lock", Line: 81},
		}},
		{"pdm1.lock", []deps.Package{
			{Name: "certifi", RawName: "certifi", Version: "2021.10.8", File: "pdm1.lock", Line: 1,
				Hashes: []string{"sha256:d62a0163eb4c2344ac042ab2bdf75399a71a2d8c7d47eac2e2ee91b9d6339569"}},
			{Name: "pytest", RawName: "pytest", Version: "6.2.5", Groups: []string{"dev"}, File: "pdm1.lock", Line: 7,
				Hashes: []string{"sha256:131b36680866a76e6781d13f101efb86cf674ebb9762eb70d3082b6f29889e89"}},
		}},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.file, ".", "_"), func(t *testing.T) {
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

func TestExtractPylockFormat(t *testing.T) {
	data := "lock-version = \"1.0\"\ncreated-by = \"pdm\"\n\n[[packages]]\nname = \"six\"\nversion = \"1.16.0\"\n"
	got, err := Extractor{}.Extract(context.Background(), deps.File{Path: "pdm.lock", Content: []byte(data)})
	if err != nil {
		t.Fatal(err)
	}
	want := []deps.Package{{Name: "six", RawName: "six", Version: "1.16.0", File: "pdm.lock", Line: 4}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"syntax", "[[package]]\nname = \"a\"\ngroups = [\n", "pdm.lock:3: invalid TOML"},
		{"no_name", "[metadata]\n\n[[package]]\nversion = \"1\"\n", "pdm.lock:3: package without a name"},
		{"groups_not_list", "[[package]]\nname = \"a\"\ngroups = \"default\"\n", "pdm.lock:3: invalid TOML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extractor{}.Extract(context.Background(), deps.File{Path: "pdm.lock", Content: []byte(tt.data)})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	for p, want := range map[string]bool{"pdm.lock": true, "x/pdm.lock": true, "pdm.toml": false, ".pdm.lock": false} {
		if got := (Extractor{}).Matches(p); got != want {
			t.Errorf("Matches(%q) = %v", p, got)
		}
	}
}
