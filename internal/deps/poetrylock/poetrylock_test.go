package poetrylock

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/deps"
)

func extract(t *testing.T, name string) []deps.Package {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := Extractor{}.Extract(context.Background(), deps.File{Path: name, Content: data})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

func TestExtract(t *testing.T) {
	tests := []struct {
		file string
		want []deps.Package
	}{
		{"v1.lock", []deps.Package{
			{Name: "django", RawName: "Django", Version: "3.2.4", File: "v1.lock", Line: 1, Hashes: []string{
				"sha256:ea735cbbbb3b2fba6d4da4784a0043d84c67c92f1fdf15ad6db69900e792c10f",
				"sha256:66c9d8db8cc6fe938a28b7887c1596e42d522e27618562517cc8929eb7e7f296",
			}},
			{Name: "pytest", RawName: "pytest", Version: "6.2.4", File: "v1.lock", Line: 15, Groups: []string{"dev"}, Hashes: []string{
				"sha256:91ef2131a9bd6be8f76f1f08eac5c5317221d6ad1e143ae03894b862e8976890",
			}},
			{Name: "pyjwt", RawName: "PyJWT", Version: "2.1.0", File: "v1.lock", Line: 23, Groups: []string{"crypto", "jwt"}},
			{Name: "cffi", RawName: "cffi", Version: "1.14.5", File: "v1.lock", Line: 31, Groups: []string{"optional"}},
			{Name: "mylib", RawName: "mylib", Version: "0.3.0", File: "v1.lock", Line: 39, Source: "vcs",
				URL: "git+https://github.com/example/mylib.git@6a3c9a1f0d9f8e1b2c3d4e5f60718293a4b5c6d7"},
		}},
		{"v0.lock", []deps.Package{
			{Name: "requests", RawName: "requests", Version: "2.20.0", File: "v0.lock", Line: 1, Hashes: []string{
				"sha256:99dcfdaaeb17caf6e526f32b6a7b780461512ab3f1d992187801694cba42770c",
				"sha256:a84b8c9ab6239b578f22d1c21d51b696dcfe004032bb80ea832398d6909d7279",
			}},
		}},
		{"v2.lock", []deps.Package{
			{Name: "certifi", RawName: "certifi", Version: "2024.2.2", File: "v2.lock", Line: 3, Hashes: []string{
				"sha256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1",
				"sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f",
			}},
			{Name: "colorama", RawName: "colorama", Version: "0.4.6", File: "v2.lock", Line: 15, Groups: []string{"dev", "test"},
				Marker: `sys_platform == "win32"`, Hashes: []string{"sha256:4f1d9991f5acc0ca119f9d443620b77f9d6b33703e51011c16baf57afb285fc6"}},
			{Name: "tomli", RawName: "tomli", Version: "2.0.1", File: "v2.lock", Line: 27, Marker: `python_version < "3.11"`},
			{Name: "internal-tools", RawName: "internal-tools", Version: "1.4.0", File: "v2.lock", Line: 37,
				URL: "https://nexus.example.com/repository/pypi/simple", Hashes: []string{"sha256:00"}},
			{Name: "localpkg", RawName: "localpkg", Version: "0.1.0", File: "v2.lock", Line: 53, Source: "editable", URL: "../localpkg"},
			{Name: "wheelpkg", RawName: "wheelpkg", Version: "2.0", File: "v2.lock", Line: 67, Source: "url",
				URL: "https://example.com/wheelpkg-2.0-py3-none-any.whl", Hashes: []string{"sha256:11"}},
			{Name: "sub", RawName: "sub", Version: "0.0.1", File: "v2.lock", Line: 82, Source: "vcs",
				URL: "git+https://github.com/example/mono.git@v0.0.1#subdirectory=packages/sub"},
		}},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.file, ".lock"), func(t *testing.T) {
			if diff := cmp.Diff(tt.want, extract(t, tt.file)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"syntax", "[[package]]\nname = \"a\"\nversion = 1.0.0\n", "poetry.lock:3: invalid TOML"},
		{"no_name", "[[package]]\nversion = \"1\"\n\n[[package]]\nversion = \"2\"\n", "poetry.lock:1: package without a name"},
		{"package_not_table", "package = [1]\n", "poetry.lock:1: invalid TOML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extractor{}.Extract(context.Background(), deps.File{Path: "poetry.lock", Content: []byte(tt.data)})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	for p, want := range map[string]bool{
		"poetry.lock": true, "sub/dir/poetry.lock": true, "poetry.lock.bak": false, "Poetry.lock": false, "pyproject.toml": false,
	} {
		if got := (Extractor{}).Matches(p); got != want {
			t.Errorf("Matches(%q) = %v", p, got)
		}
	}
}

func TestExtractCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Extractor{}.Extract(ctx, deps.File{Path: "poetry.lock", Content: []byte("[[package]]\nname = \"a\"\n")})
	if err == nil {
		t.Fatal("no error from a cancelled context")
	}
}
