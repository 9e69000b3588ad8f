package requirements

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kraitsec/krait/internal/deps"
)

// dirReader reads includes from testdata, as the scanner reads them from the
// scan root.
func dirReader(fsys fs.FS) ReadFunc {
	return func(p string) ([]byte, error) { return fs.ReadFile(fsys, p) }
}

func parseFixture(t *testing.T, name string) (*Requirements, error) {
	t.Helper()
	fsys := os.DirFS("testdata")
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return New(dirReader(fsys)).ParseRequirements(context.Background(), deps.File{Path: name, Content: data})
}

func TestParseRequirementsFixture(t *testing.T) {
	res, err := parseFixture(t, "requirements.txt")
	const f = "requirements.txt"
	want := []deps.Package{
		{Name: "django", RawName: "Django", Specifier: ">=4.2,<5.0", Direct: true, File: f, Line: 7},
		{Name: "requests", RawName: "requests", Version: "2.31.0", Specifier: "==2.31.0", Extras: []string{"socks", "security"},
			Marker: `python_version >= "3.8"`, Direct: true, File: f, Line: 8},
		{Name: "zope-interface", RawName: "zope.interface", Direct: true, File: f, Line: 9},
		{Name: "urllib3", RawName: "urllib3", Version: "2.0.7", Specifier: "==2.0.7", Hashes: []string{"sha256:aaaa", "sha256:bbbb"}, Direct: true, File: f, Line: 10},
		{Name: "certifi", RawName: "certifi", Version: "2024.2.2", Specifier: "==2024.2.2", Hashes: []string{"sha256:cccc"}, Direct: true, File: f, Line: 13},
		{Name: "pyyaml", RawName: "PyYAML", Version: "6.0.1", Specifier: "===6.0.1", Direct: true, File: f, Line: 15},
		{Name: "six", RawName: "six", Direct: true, File: "reqs/common.txt", Line: 1},
		{Name: "numpy", RawName: "numpy", Specifier: "~=1.26", Direct: true, File: "reqs/base.txt", Line: 3},
		{Name: "pip", RawName: "pip", Source: "url", URL: "https://github.com/pypa/pip/archive/22.0.2.zip", Direct: true, File: f, Line: 18},
		{Name: "internal-lib", RawName: "internal-lib", Extras: []string{"extra"}, Source: "editable",
			URL: "git+https://github.com/org/lib.git@v1.2.3#egg=internal-lib[extra]", Direct: true, File: f, Line: 19},
		{Name: "private-pkg", RawName: "private_pkg", Source: "vcs",
			URL: "git+https://${GITHUB_TOKEN}@github.com/org/private.git@0123456789abcdef0123456789abcdef01234567#egg=private_pkg", Direct: true, File: f, Line: 20},
		{Name: "simple-pkg", RawName: "simple_pkg", Version: "1.4.2", Specifier: "==1.4.2", Source: "url",
			URL: "https://files.example.org/packages/simple_pkg-1.4.2-py3-none-any.whl", Direct: true, File: f, Line: 21},
		{Name: "local-pkg", RawName: "local_pkg", Version: "0.3", Specifier: "==0.3", Source: "path", URL: "./vendor/local_pkg-0.3.tar.gz", Direct: true, File: f, Line: 22},
	}
	if diff := cmp.Diff(want, res.Packages, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("packages mismatch (-want +got):\n%s", diff)
	}
	wantConstraints := []deps.Package{{Name: "idna", RawName: "idna", Version: "3.6", Specifier: "==3.6", Direct: true, File: "constraints.txt", Line: 1}}
	if diff := cmp.Diff(wantConstraints, res.Constraints, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("constraints mismatch (-want +got):\n%s", diff)
	}
	wantOpts := []Option{
		{Name: "--index-url", Value: "https://pypi.example.org/simple", File: f, Line: 2},
		{Name: "--extra-index-url", Value: "http://mirror.example.org/simple", File: f, Line: 3},
		{Name: "--trusted-host", Value: "mirror.example.org", File: f, Line: 4},
		{Name: "--index-url", Value: "${PRIVATE_INDEX}", File: f, Line: 5},
	}
	if diff := cmp.Diff(wantOpts, res.Options); diff != "" {
		t.Errorf("options mismatch (-want +got):\n%s", diff)
	}
	var incs []string
	for _, inc := range res.Includes {
		s := inc.File + "->" + inc.Path
		if inc.Err != nil {
			s += " !"
		}
		incs = append(incs, s)
	}
	wantIncs := []string{
		"requirements.txt->reqs/base.txt",
		"reqs/base.txt->requirements.txt !", // a cycle back to the top file
		"reqs/base.txt->reqs/common.txt",
		"reqs/common.txt->reqs/missing.txt !",
		"requirements.txt->constraints.txt",
	}
	if diff := cmp.Diff(wantIncs, incs); diff != "" {
		t.Errorf("includes mismatch (-want +got):\n%s", diff)
	}
	// The bad line and the missing include are reported, each with its place.
	if err == nil {
		t.Fatal("want an error for the bad line and the missing include")
	}
	for _, part := range []string{"requirements.txt:25:", "reqs/common.txt:2: include reqs/missing.txt"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not mention %q", err, part)
		}
	}
}

func TestParseLines(t *testing.T) {
	tests := []struct {
		name, src string
		want      []deps.Package
	}{
		{"empty", "\n# only a comment\n   \n", nil},
		{"crlf_and_continuation", "a==1 \\\r\n  --hash=sha256:x\r\nb\r\n", []deps.Package{
			{Name: "a", RawName: "a", Version: "1", Specifier: "==1", Hashes: []string{"sha256:x"}, Direct: true, File: "r.txt", Line: 1},
			{Name: "b", RawName: "b", Direct: true, File: "r.txt", Line: 3},
		}},
		{"trailing_backslash_at_eof", "a>=1 \\", []deps.Package{
			{Name: "a", RawName: "a", Specifier: ">=1", Direct: true, File: "r.txt", Line: 1},
		}},
		{"hash_space_form", "a==1 --hash sha256:x --hash=sha512:y", []deps.Package{
			{Name: "a", RawName: "a", Version: "1", Specifier: "==1", Hashes: []string{"sha256:x", "sha512:y"}, Direct: true, File: "r.txt", Line: 1},
		}},
		{"fragment_is_not_a_comment", "https://x.org/p.zip#egg=p # comment", []deps.Package{
			{Name: "p", RawName: "p", Source: "url", URL: "https://x.org/p.zip#egg=p", Direct: true, File: "r.txt", Line: 1},
		}},
		{"url_marker", `https://x.org/q-2.0.tar.gz; python_version < "3.9"`, []deps.Package{
			{Name: "q", RawName: "q", Version: "2.0", Specifier: "==2.0", Source: "url", URL: "https://x.org/q-2.0.tar.gz", Marker: `python_version < "3.9"`, Direct: true, File: "r.txt", Line: 1},
		}},
		{"editable_forms", "-e ./lib#egg=lib\n--editable=git+https://h/r.git#egg=r\n-e.", []deps.Package{
			{Name: "lib", RawName: "lib", Source: "editable", URL: "./lib#egg=lib", Direct: true, File: "r.txt", Line: 1},
			{Name: "r", RawName: "r", Source: "editable", URL: "git+https://h/r.git#egg=r", Direct: true, File: "r.txt", Line: 2},
		}},
		{"vcs_pep508", "pkg @ git+https://h/r.git@main", []deps.Package{
			{Name: "pkg", RawName: "pkg", Source: "vcs", URL: "git+https://h/r.git@main", Direct: true, File: "r.txt", Line: 1},
		}},
		{"file_url", "pkg @ file:///tmp/pkg", []deps.Package{
			{Name: "pkg", RawName: "pkg", Source: "path", URL: "file:///tmp/pkg", Direct: true, File: "r.txt", Line: 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New(nil).Extract(context.Background(), deps.File{Path: "r.txt", Content: []byte(tt.src)})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOptions(t *testing.T) {
	src := "-ihttps://a/simple\n--no-index\n--find-links ./wheels\n--require-hashes\n--pre\n--unknown-flag\n-f=x"
	res, err := New(nil).ParseRequirements(context.Background(), deps.File{Path: "r.txt", Content: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range res.Options {
		got = append(got, o.Name+"="+o.Value)
	}
	want := []string{"--index-url=https://a/simple", "--no-index=", "--find-links=./wheels", "--require-hashes=", "--pre=", "--unknown-flag=", "--find-links==x"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestIncludeLimits(t *testing.T) {
	fsys := fstest.MapFS{}
	// A chain deeper than the limit: each file includes the next.
	for i := range maxIncludeDepth + 5 {
		fsys[name(i)] = &fstest.MapFile{Data: []byte("-r " + name(i+1) + "\npkg" + name(i)[1:len(name(i))-4] + "\n")}
	}
	res, err := New(dirReader(fsys)).ParseRequirements(context.Background(), deps.File{Path: name(0), Content: fsys[name(0)].Data})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(res.Packages); got != maxIncludeDepth+1 {
		t.Errorf("read %d files, want %d (the depth limit)", got, maxIncludeDepth+1)
	}
	last := res.Includes[len(res.Includes)-1]
	if last.Err == nil || !strings.Contains(last.Err.Error(), "deeper") {
		t.Errorf("deepest include error = %v, want the depth limit", last.Err)
	}
	// A remote include is recorded, never fetched; with no reader nothing is read.
	res, _ = New(nil).ParseRequirements(context.Background(), deps.File{Path: "r.txt", Content: []byte("-r https://x/r.txt\n-r other.txt")})
	if len(res.Includes) != 2 || res.Includes[0].Err == nil || res.Includes[1].Err == nil || res.Includes[1].Path != "other.txt" {
		t.Errorf("includes = %+v", res.Includes)
	}
}

func name(i int) string { return "r" + strings.Repeat("x", i) + ".txt" }

func TestTooLarge(t *testing.T) {
	_, err := New(nil).Extract(context.Background(), deps.File{Path: "big.txt", Content: make([]byte, maxFileSize+1)})
	if err == nil || !strings.Contains(err.Error(), "big.txt") {
		t.Errorf("err = %v, want a size error naming the file", err)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := New(nil).Extract(ctx, deps.File{Path: "r.txt", Content: []byte("a\nb\n")})
	if err == nil {
		t.Error("a cancelled context must stop the extraction")
	}
}

func TestMatches(t *testing.T) {
	tests := map[string]bool{
		"requirements.txt":            true,
		"sub/requirements-dev.txt":    true,
		"dev-requirements.txt":        true,
		"requirements.in":             true,
		"requirements/prod.txt":       true,
		"requirements/base.in":        true,
		"constraints.txt":             true,
		"MANIFEST.in":                 false,
		"docs/notes.txt":              false,
		"requirements.txt.bak":        false,
		"src/requirements_checker.py": false,
		"REQUIREMENTS.TXT":            true,
	}
	e := New(nil)
	for p, want := range tests {
		if got := e.Matches(p); got != want {
			t.Errorf("Matches(%q) = %v, want %v", p, got, want)
		}
	}
}
