package lockfile

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type doc struct {
	Package []struct {
		Name string `toml:"name"`
	} `toml:"package"`
}

func TestDecodeTOMLLines(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		lines []int
		names []string
	}{
		{"headers", "x = 1\n\n[[package]]\nname = \"a\"\n[package.source]\ntype = \"git\"\n\n[[package]]\nname = \"b\"\n[[package.files]]\nf = 1\n", []int{3, 8}, []string{"a", "b"}},
		{"inline_array", "package = [\n  {name = \"a\"},\n\n  {name = \"b\"},\n]\n", []int{2, 4}, []string{"a", "b"}},
		{"spaced_header", "[[ package ]]\nname = \"a\"\n", []int{1}, []string{"a"}},
		{"other_arrays_ignored", "[[packages]]\nname = \"x\"\n[[tool.package]]\nname = \"y\"\n", nil, nil},
		{"nested_key_ignored", "[t]\npackage = [{name = \"a\"}]\n", nil, nil},
		{"key_case", "[[Package]]\nname = \"a\"\n", []int{1}, []string{"a"}},
		{"lone_table", "[package]\nname = \"a\"\n", []int{1}, []string{"a"}},
		{"crlf", "[[package]]\r\nname = \"a\"\r\n\r\n[[package]]\r\nname = \"b\"\r\n", []int{1, 4}, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			lines, err := DecodeTOML("f.lock", []byte(tt.data), "package", &d)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.lines, lines, cmpNilEmpty); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
			var names []string
			for _, p := range d.Package {
				names = append(names, p.Name)
			}
			if diff := cmp.Diff(tt.names, names); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
		})
	}
}

var cmpNilEmpty = cmp.Comparer(func(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
})

func TestDecodeTOMLErrors(t *testing.T) {
	keys := func(n int) string {
		var b strings.Builder
		b.WriteString("[metadata.files]\n")
		for i := range n {
			fmt.Fprintf(&b, "k%d = []\n", i)
		}
		return b.String()
	}
	tables := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "[a.t%d]\n", i)
		}
		return b.String()
	}
	inline := func(n int) string {
		var b strings.Builder
		b.WriteString("x = [{")
		for i := range n {
			fmt.Fprintf(&b, "k%d = 1, ", i)
		}
		b.WriteString("z = 1}]\n")
		return b.String()
	}
	tests := []struct {
		name, data, want string
	}{
		{"syntax", "[[package]]\nname = \"a\"\nversion = \n", "f.lock:3: invalid TOML: "},
		{"duplicate_key", "[[package]]\nname = \"a\"\nname = \"b\"\n", "f.lock:3: invalid TOML: "},
		{"wrong_type", "[[package]]\nname = 1\n", "f.lock:2: invalid TOML: "},
		{"package_not_array", "package = 1\n", "f.lock:1: invalid TOML: "},
		{"many_keys", keys(6000), "f.lock:5001: too many keys in one table"},
		{"many_tables", tables(6000), "f.lock:5001: too many keys in one table"},
		{"wide_inline_table", inline(6000), "f.lock:1: too many keys in one table"},
		{"too_large", strings.Repeat("#", MaxSize+1), "f.lock: file too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			var d doc
			_, err := DecodeTOML("f.lock", []byte(tt.data), "package", &d)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want prefix %q", err, tt.want)
			}
			if el := time.Since(start); el > 2*time.Second {
				t.Errorf("took %v", el)
			}
		})
	}
}

func TestDecodeTOMLAcceptsManySmallTables(t *testing.T) {
	var b strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&b, "[[package]]\nname = \"p%d\"\n[package.source]\ntype = \"legacy\"\n", i)
	}
	var d doc
	lines, err := DecodeTOML("f.lock", []byte(b.String()), "package", &d)
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 20000 || len(d.Package) != 20000 || lines[19999] != 4*19999+1 {
		t.Errorf("got %d lines, %d packages, last line %d", len(lines), len(d.Package), lines[len(lines)-1])
	}
}

func TestLines(t *testing.T) {
	l := NewLines([]byte("ab\ncd\n\nef"))
	for off, want := range map[int]int{0: 1, 2: 1, 3: 2, 5: 2, 6: 3, 7: 4, 8: 4, 100: 4} {
		if got := l.Line(off); got != want {
			t.Errorf("Line(%d) = %d, want %d", off, got, want)
		}
	}
}

func TestVCSURL(t *testing.T) {
	tests := []struct{ vcs, repo, rev, sub, want string }{
		{"git", "https://github.com/o/r.git", "abc", "", "git+https://github.com/o/r.git@abc"},
		{"", "https://github.com/o/r", "", "", "git+https://github.com/o/r"},
		{"git", "git+ssh://git@github.com/o/r", "v1", "", "git+ssh://git@github.com/o/r@v1"},
		{"hg", "https://hg.example/r", "tip", "", "hg+https://hg.example/r@tip"},
		{"git", "https://github.com/o/r", "abc", "pkgs/a", "git+https://github.com/o/r@abc#subdirectory=pkgs/a"},
	}
	for _, tt := range tests {
		if got := VCSURL(tt.vcs, tt.repo, tt.rev, tt.sub); got != tt.want {
			t.Errorf("VCSURL(%q, %q, %q, %q) = %q, want %q", tt.vcs, tt.repo, tt.rev, tt.sub, got, tt.want)
		}
	}
}

func TestIndexURL(t *testing.T) {
	tests := map[string]string{
		"":                                   "",
		"https://pypi.org/simple":            "",
		"https://pypi.org/simple/":           "",
		"https://PyPI.org/simple":            "",
		"https://pypi.python.org/simple":     "",
		"http://pypi.org/simple":             "http://pypi.org/simple",
		"https://pypi.example.com/simple":    "https://pypi.example.com/simple",
		"https://evil.org/pypi.org/simple":   "https://evil.org/pypi.org/simple",
		"https://u:p@nexus.corp/repo/simple": "https://u:p@nexus.corp/repo/simple",
	}
	for in, want := range tests {
		if got := IndexURL(in); got != want {
			t.Errorf("IndexURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHash(t *testing.T) {
	tests := []struct{ alg, val, want string }{
		{"", "sha256:abc", "sha256:abc"},
		{"", "sha256=abc", "sha256:abc"},
		{"SHA256", "abc", "sha256:abc"},
		{"", "abc", ""},
		{"sha256", "", ""},
	}
	for _, tt := range tests {
		if got := Hash(tt.alg, tt.val); got != tt.want {
			t.Errorf("Hash(%q, %q) = %q, want %q", tt.alg, tt.val, got, tt.want)
		}
	}
}

func TestGroups(t *testing.T) {
	tests := []struct {
		name   string
		groups []string
		want   []string
	}{
		{"none", nil, nil},
		{"main", []string{"main"}, nil},
		{"main_and_dev", []string{"dev", "main"}, nil},
		{"dev", []string{"test", "dev", "test"}, []string{"dev", "test"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Groups(tt.groups, "main", "default")); diff != "" {
				t.Error(diff)
			}
		})
	}
}

func TestDedupe(t *testing.T) {
	if diff := cmp.Diff([]string{"a", "b"}, Dedupe([]string{"a", "", "b", "a"})); diff != "" {
		t.Error(diff)
	}
	if Dedupe(nil) != nil {
		t.Error("Dedupe(nil) != nil")
	}
}

func TestName(t *testing.T) {
	tests := []struct{ raw, want, err string }{
		{"Django", "django", ""},
		{"", "", "f:3: package without a name"},
		{"._-", "", `f:3: invalid package name "._-"`},
	}
	for _, tt := range tests {
		got, err := Name("f", 3, tt.raw)
		if got != tt.want || (err == nil) != (tt.err == "") || (err != nil && err.Error() != tt.err) {
			t.Errorf("Name(%q) = %q, %v; want %q, %q", tt.raw, got, err, tt.want, tt.err)
		}
	}
}
