package walk

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// entry describes one path of a fixture tree: a file with content, a directory (path
// ending in "/"), or a symlink when link is set.
type entry struct {
	path    string
	content string
	link    string
}

func mkTree(t *testing.T, root string, entries []entry) {
	t.Helper()
	for _, e := range entries {
		p := filepath.Join(root, filepath.FromSlash(e.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		switch {
		case e.link != "":
			if err := os.Symlink(filepath.FromSlash(e.link), p); err != nil {
				t.Fatal(err)
			}
		case strings.HasSuffix(e.path, "/"):
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
		default:
			if err := os.WriteFile(p, []byte(e.content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// summary renders a result as sorted lines with the temp dir prefix removed, which
// makes the expectations in the table readable.
func summary(res *Result, tmp string) []string {
	strip := func(p string) string {
		p = strings.TrimPrefix(p, tmp+string(filepath.Separator))
		return filepath.ToSlash(p)
	}
	var out []string
	for _, f := range res.Files {
		out = append(out, "file "+strip(f.Path)+" "+f.Kind.String())
	}
	for _, s := range res.Skipped {
		out = append(out, "skip "+strip(s.Path)+" "+string(s.Reason))
	}
	for _, e := range res.Errors {
		out = append(out, "error "+strip(e.Path))
	}
	return out
}

func TestWalk(t *testing.T) {
	tests := []struct {
		name    string
		entries []entry
		roots   []string // relative to the temp dir; default "root"
		opts    Options
		want    []string
	}{
		{
			name: "kinds_and_order",
			entries: []entry{
				{path: "root/b.pyi", content: "x: int\n"},
				{path: "root/a.py", content: "pass\n"},
				{path: "root/README.md", content: "# hi\n"},
				{path: "root/pkg/mod.py", content: "pass\n"},
				{path: "root/pkg/UPPER.PY", content: "pass\n"},
				{path: "root/empty/"},
			},
			want: []string{
				"file root/README.md other",
				"file root/a.py python",
				"file root/b.pyi python",
				"file root/pkg/UPPER.PY python",
				"file root/pkg/mod.py python",
			},
		},
		{
			name: "default_excludes",
			entries: []entry{
				{path: "root/.git/config", content: "[core]\n"},
				{path: "root/__pycache__/a.cpython-314.pyc", content: "x"},
				{path: "root/.venv/lib/site.py", content: "pass\n"},
				{path: "root/venv/lib/site.py", content: "pass\n"},
				{path: "root/env3/pyvenv.cfg", content: "home = /usr/bin\n"},
				{path: "root/env3/lib/site.py", content: "pass\n"},
				{path: "root/lib/site-packages/six.py", content: "pass\n"},
				{path: "root/node_modules/x.js", content: "1\n"},
				{path: "root/pkg/krait.egg-info/PKG-INFO", content: "Name: krait\n"},
				{path: "root/build/lib/a.py", content: "pass\n"},
				{path: "root/dist/a.py", content: "pass\n"},
			},
			want: []string{
				"file root/build/lib/a.py python",
				"file root/dist/a.py python",
				"file root/venv/lib/site.py python",
				"skip root/.git default-exclude",
				"skip root/.venv default-exclude",
				"skip root/__pycache__ default-exclude",
				"skip root/env3 default-exclude",
				"skip root/lib/site-packages default-exclude",
				"skip root/node_modules default-exclude",
				"skip root/pkg/krait.egg-info default-exclude",
			},
		},
		{
			name: "gitignore_nested_and_negation",
			entries: []entry{
				{path: "root/.gitignore", content: "# comment\n*.log\r\n/out/\n!keep.log\n\n"},
				{path: "root/a.log", content: "x"},
				{path: "root/keep.log", content: "x"},
				{path: "root/out/gen.py", content: "pass\n"},
				{path: "root/other/out/real.py", content: "pass\n"},
				{path: "root/sub/.gitignore", content: "*.py\n!main.py\n"},
				{path: "root/sub/a.py", content: "pass\n"},
				{path: "root/sub/main.py", content: "pass\n"},
				{path: "root/sub/deep/b.py", content: "pass\n"},
				{path: "root/sub/deep/c.log", content: "x"},
				{path: "root/top.py", content: "pass\n"},
			},
			want: []string{
				"file root/.gitignore other",
				"file root/keep.log other",
				"file root/other/out/real.py python",
				"file root/sub/.gitignore other",
				"file root/sub/main.py python",
				"file root/top.py python",
				"skip root/a.log gitignored",
				"skip root/out gitignored",
				"skip root/sub/a.py gitignored",
				"skip root/sub/deep/b.py gitignored",
				"skip root/sub/deep/c.log gitignored",
			},
		},
		{
			name: "user_excludes",
			entries: []entry{
				{path: "root/tests/test_a.py", content: "pass\n"},
				{path: "root/pkg/a_test.py", content: "pass\n"},
				{path: "root/pkg/a.py", content: "pass\n"},
				{path: "root/pkg/migrations/0001.py", content: "pass\n"},
				{path: "root/docs/conf.py", content: "pass\n"},
			},
			opts: Options{Exclude: []string{"tests/**", "*_test.py", "./docs/", "**/migrations"}},
			want: []string{
				"file root/pkg/a.py python",
				"skip root/docs excluded",
				"skip root/pkg/a_test.py excluded",
				"skip root/pkg/migrations excluded",
				"skip root/tests excluded",
			},
		},
		{
			name: "explicit_paths_beat_excludes",
			entries: []entry{
				{path: "root/.venv/lib/site.py", content: "pass\n"},
				{path: "root/.gitignore", content: "gen.py\n"},
				{path: "root/gen.py", content: "pass\n"},
				{path: "root/node_modules/tool.py", content: "pass\n"},
			},
			roots: []string{"root/.venv", "root/gen.py", "root/node_modules/tool.py"},
			opts:  Options{Exclude: []string{"tool.py", "gen.py"}},
			want: []string{
				"file root/.venv/lib/site.py python",
				"file root/gen.py python",
				"file root/node_modules/tool.py python",
			},
		},
		{
			name: "too_large",
			entries: []entry{
				{path: "root/big.py", content: strings.Repeat("#", 101)},
				{path: "root/edge.py", content: strings.Repeat("#", 100)},
			},
			opts: Options{MaxFileSize: 100},
			want: []string{
				"file root/edge.py python",
				"skip root/big.py too-large",
			},
		},
		{
			name: "symlinks_out_of_root",
			entries: []entry{
				{path: "outside.py", content: "pass\n"},
				{path: "outdir/x.py", content: "pass\n"},
				{path: "root/a.py", content: "pass\n"},
				{path: "root/file_link.py", link: "../outside.py"},
				{path: "root/dir_link", link: "../outdir"},
				{path: "root/sneaky", link: "sub/../../outdir"},
				{path: "root/sub/"},
			},
			want: []string{
				"file root/a.py python",
				"skip root/dir_link symlink-outside-root",
				"skip root/file_link.py symlink-outside-root",
				"skip root/sneaky symlink-outside-root",
			},
		},
		{
			name: "symlink_loops",
			entries: []entry{
				{path: "root/pkg/a.py", content: "pass\n"},
				{path: "root/pkg/up", link: ".."},
				{path: "root/pkg/self", link: "."},
				{path: "root/ping", link: "pong"},
				{path: "root/pong", link: "ping"},
				{path: "root/dangling.py", link: "missing.py"},
			},
			want: []string{
				"file root/pkg/a.py python",
				"skip root/dangling.py broken-symlink",
				"skip root/ping symlink-loop",
				"skip root/pkg/self symlink-loop",
				"skip root/pkg/up symlink-loop",
				"skip root/pong symlink-loop",
			},
		},
		{
			name: "symlinks_inside_root",
			entries: []entry{
				{path: "root/a_alias.py", link: "pkg/a.py"},
				{path: "root/a_lib", link: "pkg"},
				{path: "root/pkg/a.py", content: "pass\n"},
				{path: "root/from_venv.py", link: ".venv/tool.py"},
				{path: "root/.venv/tool.py", content: "pass\n"},
				{path: "root/vendored", link: "node_modules/lib"},
				{path: "root/node_modules/lib/v.py", content: "pass\n"},
			},
			want: []string{
				"file root/from_venv.py python",
				"file root/pkg/a.py python",
				"file root/vendored/v.py python",
				"skip root/.venv default-exclude",
				"skip root/a_alias.py duplicate",
				"skip root/a_lib duplicate",
				"skip root/node_modules default-exclude",
			},
		},
		{
			name: "depth_limit",
			entries: []entry{
				{path: "root/a/b/ok.py", content: "pass\n"},
				{path: "root/a/b/c/deep.py", content: "pass\n"},
			},
			opts: Options{MaxDepth: 2},
			want: []string{
				"file root/a/b/ok.py python",
				"skip root/a/b/c too-deep",
			},
		},
		{
			name:    "missing_root_and_duplicate_roots",
			entries: []entry{{path: "root/a.py", content: "pass\n"}},
			roots:   []string{"root", "nope", "root/a.py"},
			want: []string{
				"file root/a.py python",
				"skip root/a.py duplicate",
				"error nope",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			mkTree(t, tmp, tt.entries)
			roots := tt.roots
			if roots == nil {
				roots = []string{"root"}
			}
			var abs []string
			for _, r := range roots {
				abs = append(abs, filepath.Join(tmp, r))
			}
			res, err := Walk(context.Background(), abs, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summary(res, tmp)); diff != "" {
				t.Errorf("Walk mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWalkRepoContext(t *testing.T) {
	entries := []entry{
		{path: "repo/.git/info/exclude", content: "local_secret.py\n"},
		{path: "repo/.gitignore", content: "gen/\n*.tmp\n"},
		{path: "repo/pkg/ok.py", content: "pass\n"},
		{path: "repo/pkg/a.tmp", content: "x"},
		{path: "repo/pkg/local_secret.py", content: "pass\n"},
		{path: "repo/pkg/gen/out.py", content: "pass\n"},
		{path: "repo/gen/made.py", content: "pass\n"},
		{path: "repo/gen/x.tmp", content: "x"},
	}
	tests := []struct {
		name string
		root string
		want []string
	}{
		{
			name: "subdirectory_sees_parent_ignores",
			root: "repo/pkg",
			want: []string{
				"file repo/pkg/ok.py python",
				"skip repo/pkg/a.tmp gitignored",
				"skip repo/pkg/gen gitignored",
				"skip repo/pkg/local_secret.py gitignored",
			},
		},
		{
			// Naming an ignored directory scans it; the ignore files above it then no
			// longer apply, since they would drop everything.
			name: "ignored_root_is_scanned",
			root: "repo/gen",
			want: []string{
				"file repo/gen/made.py python",
				"file repo/gen/x.tmp other",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			mkTree(t, tmp, entries)
			res, err := Walk(context.Background(), []string{filepath.Join(tmp, tt.root)}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summary(res, tmp)); diff != "" {
				t.Errorf("Walk mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWalkSpecialFiles(t *testing.T) {
	tmp := t.TempDir()
	root := filepath.Join(tmp, "root")
	mkTree(t, tmp, []entry{{path: "root/a.py", content: "pass\n"}})
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.py"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	res, err := Walk(context.Background(), []string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"file root/a.py python", "skip root/pipe.py not-regular"}
	if diff := cmp.Diff(want, summary(res, tmp)); diff != "" {
		t.Errorf("Walk mismatch (-want +got):\n%s", diff)
	}
}

func TestWalkUnreadableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads directories whatever their mode")
	}
	tmp := t.TempDir()
	mkTree(t, tmp, []entry{{path: "root/a.py", content: "pass\n"}, {path: "root/locked/b.py", content: "pass\n"}})
	locked := filepath.Join(tmp, "root", "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	res, err := Walk(context.Background(), []string{filepath.Join(tmp, "root")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"file root/a.py python", "error root/locked"}
	if diff := cmp.Diff(want, summary(res, tmp)); diff != "" {
		t.Errorf("Walk mismatch (-want +got):\n%s", diff)
	}
}

func TestWalkCancelled(t *testing.T) {
	tmp := t.TempDir()
	mkTree(t, tmp, []entry{{path: "a.py", content: "pass\n"}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Walk(ctx, []string{tmp}, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Walk with a cancelled context = %v; want context.Canceled", err)
	}
}

func TestInvalidExclude(t *testing.T) {
	for _, p := range []string{"[", "", "./"} {
		if err := CheckExclude(p); err == nil {
			t.Errorf("CheckExclude(%q) = nil; want an error", p)
		}
		if _, err := Walk(context.Background(), []string{"."}, Options{Exclude: []string{p}}); err == nil {
			t.Errorf("Walk with exclude %q succeeded; want an error", p)
		}
	}
	if err := CheckExclude("**/tests/*.py"); err != nil {
		t.Errorf("CheckExclude: %v", err)
	}
}

func TestReadFile(t *testing.T) {
	tmp := t.TempDir()
	write := func(name string, data []byte) File {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return File{Path: p, Kind: KindOf(name), Size: int64(len(data))}
	}
	lateNUL := append([]byte(strings.Repeat("a", sniffLen)), 0)
	tests := []struct {
		name    string
		file    File
		maxSize int64
		reason  Reason // "" when the read must succeed
	}{
		{"text", write("a.txt", []byte("hello\n")), 0, ""},
		{"binary", write("b.bin", []byte("PK\x03\x04\x00\x00")), 0, ReasonBinary},
		{"nul_after_sniff_window", write("c.txt", lateNUL), 0, ""},
		{"python_with_nul_goes_to_parser", write("d.py", []byte("x = 1\x00\n")), 0, ""},
		{"grew_past_limit", write("e.txt", []byte("0123456789")), 5, ReasonTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := ReadFile(tt.file, tt.maxSize)
			var se *SkipError
			switch {
			case tt.reason == "" && err != nil:
				t.Fatalf("ReadFile: %v", err)
			case tt.reason == "" && int64(len(data)) != tt.file.Size:
				t.Errorf("ReadFile returned %d bytes; want %d", len(data), tt.file.Size)
			case tt.reason != "" && !errors.As(err, &se):
				t.Fatalf("ReadFile error = %v; want a SkipError", err)
			case tt.reason != "" && se.Reason != tt.reason:
				t.Errorf("skip reason = %q; want %q", se.Reason, tt.reason)
			}
		})
	}
	if _, err := ReadFile(File{Path: filepath.Join(tmp, "missing")}, 0); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile(missing) = %v; want not-exist", err)
	}
}
