package pylock

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
	data, err := os.ReadFile(filepath.Join("testdata", "pylock.toml"))
	if err != nil {
		t.Fatal(err)
	}
	f := "pylock.toml"
	got, err := Extractor{}.Extract(context.Background(), deps.File{Path: f, Content: data})
	if err != nil {
		t.Fatal(err)
	}
	want := []deps.Package{
		{Name: "flask", RawName: "Flask", Version: "3.0.3", Marker: "'default' in dependency_groups or 'dev' in dependency_groups", File: f, Line: 9,
			Hashes: []string{"blake2b:00ff", "sha256:34e815dfaa43340d1d15a5c3a02b8476004037eb4840b34910c6e21679d288f3"}},
		{Name: "werkzeug", RawName: "werkzeug", Version: "3.0.3", File: f, Line: 23, Hashes: []string{
			"sha256:097e5bfda9f0aba8da6b8545146def481d06aa7d3266e7448e2cccf67dd8bd18",
			"sha256:fc9645dc43e03e4d630d23143a04a7f947a9a3b5727cd535fdfe155a17cc48c8",
		}},
		{Name: "pytest", RawName: "pytest", Version: "8.2.0", Marker: "'dev' in dependency_groups", Groups: []string{"dev"},
			URL: "https://mirror.example.com/simple/", File: f, Line: 32,
			Hashes: []string{"sha256:1733f0620f6cda4095bbf0d9ff8022486e91892245bb9e7d5542c018f612f233"}},
		{Name: "cryptography", RawName: "cryptography", Version: "42.0.5", Marker: "python_version >= '3.10' and 'crypto' in extras",
			Groups: []string{"crypto"}, File: f, Line: 39},
		{Name: "tools", RawName: "tools", Marker: "'dev' not in dependency_groups", Source: "vcs",
			URL: "git+https://github.com/example/tools.git@89abcdef0123456789abcdef0123456789abcdef#subdirectory=py", File: f, Line: 44},
		{Name: "local-lib", RawName: "local-lib", Source: "editable", URL: "../local-lib", File: f, Line: 55},
		{Name: "built", RawName: "built", Source: "path", URL: "vendor/built", File: f, Line: 62},
		{Name: "remote-archive", RawName: "remote-archive", Version: "0.9", Source: "url", URL: "https://example.com/remote-archive-0.9.tar.gz",
			Hashes: []string{"sha256:aa"}, File: f, Line: 68},
		{Name: "local-archive", RawName: "local-archive", Version: "0.8", Source: "path", URL: "dist/local_archive-0.8.tar.gz",
			Hashes: []string{"sha256:bb"}, File: f, Line: 76},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"no_version", "[[packages]]\nname = \"a\"\n", "pylock.toml: not a pylock.toml file: lock-version is missing"},
		{"major_2", "lock-version = \"2.0\"\n", `pylock.toml: lock-version "2.0" is not supported`},
		{"syntax", "lock-version = \"1.0\"\n[[packages]]\nname = a\n", "pylock.toml:3: invalid TOML"},
		{"no_name", "lock-version = \"1.0\"\n[[packages]]\nversion = \"1\"\n", "pylock.toml:2: package without a name"},
		{"hashes_not_table", "lock-version = \"1.0\"\n[[packages]]\nname = \"a\"\narchive = {url = \"u\", hashes = [\"x\"]}\n", "pylock.toml:4: invalid TOML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extractor{}.Extract(context.Background(), deps.File{Path: "pylock.toml", Content: []byte(tt.data)})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestMinorVersionAccepted(t *testing.T) {
	pkgs, err := Extractor{}.Extract(context.Background(), deps.File{Path: "pylock.toml", Content: []byte("lock-version = \"1.3\"\nfuture-key = 1\n[[packages]]\nname = \"a\"\nversion = \"1\"\n")})
	if err != nil || len(pkgs) != 1 {
		t.Fatalf("got %v, %v", pkgs, err)
	}
}

func TestGroups(t *testing.T) {
	tests := []struct {
		name, marker string
		defaults     []string
		want         []string
	}{
		{"none", "", nil, nil},
		{"platform_only", "sys_platform == 'win32'", nil, nil},
		{"dev", "'dev' in dependency_groups", []string{"default"}, []string{"dev"}},
		{"double_quotes", `"docs" in dependency_groups and "test" in extras`, nil, []string{"docs", "test"}},
		{"default_wins", "'dev' in dependency_groups or 'default' in dependency_groups", []string{"default"}, nil},
		{"negated", "'dev' not in dependency_groups", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, groups(tt.marker, tt.defaults)); diff != "" {
				t.Error(diff)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	for p, want := range map[string]bool{
		"pylock.toml": true, "a/pylock.toml": true, "pylock.dev.toml": true, "pylock.a.b.toml": false,
		"pylock..toml": false, "Pylock.toml": false, "pylock.toml.bak": false, "pyproject.toml": false,
	} {
		if got := (Extractor{}).Matches(p); got != want {
			t.Errorf("Matches(%q) = %v", p, got)
		}
	}
}
