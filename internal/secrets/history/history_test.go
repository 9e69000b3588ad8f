package history

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
)

// testRepo builds a repository in a temporary directory, one commit at a time.
type testRepo struct {
	t    testing.TB
	dir  string
	repo *git.Repository
	wt   *git.Worktree
	day  int
}

func newRepo(t testing.TB) *testRepo {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	return &testRepo{t: t, dir: dir, repo: repo, wt: wt}
}

// commit writes files (nil content deletes) and commits them as author on a
// new day, returning the commit's hash.
func (r *testRepo) commit(author string, files map[string]string, parents ...plumbing.Hash) plumbing.Hash {
	r.t.Helper()
	for name, content := range files {
		p := filepath.Join(r.dir, filepath.FromSlash(name))
		if content == "\x00delete" {
			if _, err := r.wt.Remove(name); err != nil {
				r.t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			r.t.Fatal(err)
		}
		if _, err := r.wt.Add(name); err != nil {
			r.t.Fatal(err)
		}
	}
	r.day++
	sig := &object.Signature{Name: author, Email: strings.ToLower(author) + "@example.com",
		When: time.Date(2024, 1, r.day, 12, 0, 0, 0, time.UTC)}
	h, err := r.wt.Commit("change "+author, &git.CommitOptions{Author: sig, Committer: sig, Parents: parents, AllowEmptyCommits: true})
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

const deleted = "\x00delete"

// fakeCheck reports every line that contains "SECRET=", fingerprinted by its
// text like a real analyzer.
func fakeCheck(src *analysis.Source) []analysis.Finding {
	var fp analysis.Fingerprinter
	var out []analysis.Finding
	for i, line := range strings.Split(string(src.Data), "\n") {
		if j := strings.Index(line, "SECRET="); j >= 0 {
			f := analysis.Finding{Code: "KR999", Path: src.Path, Line: i + 1, EndLine: i + 1, Message: "secret " + line[j+7:]}
			f.Fingerprint = fp.Next("KR999", src.Rel, "", line[j:])
			out = append(out, f)
		}
	}
	return out
}

// brief is what the tests compare of a finding.
type brief struct {
	Path, Message, Author, Date string
	Line                        int
	Commit                      plumbing.Hash
}

func briefs(fs []analysis.Finding) []brief {
	var out []brief
	for _, f := range fs {
		out = append(out, brief{Path: f.Path, Message: f.Message, Author: f.Author, Date: f.Date, Line: f.Line, Commit: plumbing.NewHash(f.Commit)})
	}
	return out
}

func TestScanRemovedSecret(t *testing.T) {
	r := newRepo(t)
	c1 := r.commit("Alice", map[string]string{"app/config.env": "HOST=db\nSECRET=one\n"})
	r.commit("Bob", map[string]string{"app/config.env": "HOST=db\n"})
	got, err := Scan(context.Background(), r.dir, Options{}, fakeCheck)
	if err != nil {
		t.Fatal(err)
	}
	want := []brief{{Path: "app/config.env", Line: 2, Commit: c1, Author: "Alice", Date: "2024-01-01T12:00:00Z",
		Message: "secret one (in commit " + c1.String()[:7] + ", Alice, 2024-01-01)"}}
	if diff := cmp.Diff(want, briefs(got)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestScanReportsIntroducingCommitOnce(t *testing.T) {
	r := newRepo(t)
	c1 := r.commit("Alice", map[string]string{"a.env": "SECRET=one\n"})
	// Later commits edit other lines, move the secret, and re-add it after a removal.
	r.commit("Bob", map[string]string{"a.env": "X=1\nSECRET=one\n"})
	r.commit("Carol", map[string]string{"a.env": "X=1\n"})
	c4 := r.commit("Dave", map[string]string{"a.env": "X=1\nSECRET=one\nSECRET=two\n"})
	got, err := Scan(context.Background(), r.dir, Options{}, fakeCheck)
	if err != nil {
		t.Fatal(err)
	}
	var commits []plumbing.Hash
	var lines []int
	for _, b := range briefs(got) {
		commits = append(commits, b.Commit)
		lines = append(lines, b.Line)
	}
	if diff := cmp.Diff([]plumbing.Hash{c1, c4}, commits); diff != "" {
		t.Errorf("commits (-want +got):\n%s\n%v", diff, briefs(got))
	}
	if diff := cmp.Diff([]int{1, 3}, lines); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

func TestScanBranchesAndMerges(t *testing.T) {
	r := newRepo(t)
	base := r.commit("Alice", map[string]string{"a.env": "X=1\n"})
	// A branch adds a secret; a merge commit brings it in, and an unmerged
	// branch holds another.
	feature := r.commit("Bob", map[string]string{"b.env": "SECRET=branch\n"})
	if err := r.repo.Storer.SetReference(plumbing.NewHashReference("refs/heads/feature", feature)); err != nil {
		t.Fatal(err)
	}
	if err := r.wt.Checkout(&git.CheckoutOptions{Hash: base, Force: true}); err != nil {
		t.Fatal(err)
	}
	main := r.commit("Carol", map[string]string{"c.env": "Y=2\n"})
	r.commit("Carol", map[string]string{"b.env": "SECRET=branch\n"}, main, feature)
	if err := r.wt.Checkout(&git.CheckoutOptions{Hash: base, Force: true}); err != nil {
		t.Fatal(err)
	}
	orphan := r.commit("Eve", map[string]string{"d.env": "SECRET=unmerged\n"})
	if err := r.repo.Storer.SetReference(plumbing.NewHashReference("refs/heads/wip", orphan)); err != nil {
		t.Fatal(err)
	}
	calls := map[string]int{}
	counting := func(src *analysis.Source) []analysis.Finding {
		calls[src.Rel]++
		return fakeCheck(src)
	}
	got, err := Scan(context.Background(), r.dir, Options{}, counting)
	if err != nil {
		t.Fatal(err)
	}
	if calls["b.env"] != 1 {
		t.Errorf("b.env checked %d times, want once: the merge brings the same version", calls["b.env"])
	}
	byPath := map[string]plumbing.Hash{}
	for _, b := range briefs(got) {
		if _, dup := byPath[b.Path]; dup {
			t.Errorf("%s reported twice", b.Path)
		}
		byPath[b.Path] = b.Commit
	}
	want := map[string]plumbing.Hash{"b.env": feature, "d.env": orphan}
	if diff := cmp.Diff(want, byPath); diff != "" {
		t.Errorf("introducing commits (-want +got):\n%s", diff)
	}
}

func TestScanLimitsAndFilters(t *testing.T) {
	r := newRepo(t)
	r.commit("Alice", map[string]string{
		"sub/a.env":    "SECRET=sub\n",
		"top.env":      "SECRET=top\n",
		"sub/big.env":  "SECRET=big\n" + strings.Repeat("x", 4096),
		"sub/bin.dat":  "SECRET=bin\x00\n",
		"sub/skip.txt": "SECRET=skipped\n",
	})
	r.commit("Bob", map[string]string{"sub/later.env": "SECRET=later\n"})
	opts := Options{
		Dir:         "sub",
		MaxBlobSize: 1024,
		Wants:       func(rel string) bool { return !strings.HasSuffix(rel, ".txt") },
		PathOf:      func(rel string) string { return "scan/" + rel },
	}
	got, err := Scan(context.Background(), r.dir, opts, fakeCheck)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range got {
		paths = append(paths, f.Path)
	}
	if diff := cmp.Diff([]string{"scan/a.env", "scan/later.env"}, paths); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	var notices []string
	opts.MaxCommits = 1
	opts.Notice = func(msg string) { notices = append(notices, msg) }
	got, err = Scan(context.Background(), r.dir, opts, fakeCheck)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Path != "scan/later.env" {
		t.Errorf("MaxCommits 1: got %v, want the newest commit's finding only", briefs(got))
	}
	if diff := cmp.Diff([]string{"git history: read the newest 1 commits only (limit reached)"}, notices); diff != "" {
		t.Errorf("notices (-want +got):\n%s", diff)
	}
	opts.MaxCommits, opts.MaxFilesPerCommit, notices = 0, 1, nil
	if _, err := Scan(context.Background(), r.dir, opts, fakeCheck); err != nil {
		t.Fatal(err)
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "changes more than 1 files") {
		t.Errorf("MaxFilesPerCommit 1: notices %q", notices)
	}
}

func TestScanDeletedFileAndSubdirectoryOpen(t *testing.T) {
	r := newRepo(t)
	c1 := r.commit("Alice", map[string]string{"pkg/.env": "SECRET=gone\n", "pkg/keep.txt": "k\n"})
	r.commit("Bob", map[string]string{"pkg/.env": deleted})
	// Opening from a subdirectory finds the repository above it.
	got, err := Scan(context.Background(), filepath.Join(r.dir, "pkg"), Options{}, fakeCheck)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Commit != c1.String() || got[0].Path != "pkg/.env" {
		t.Errorf("got %v, want pkg/.env from the first commit", briefs(got))
	}
}

func TestScanEmptyAndMissing(t *testing.T) {
	r := newRepo(t)
	got, err := Scan(context.Background(), r.dir, Options{}, fakeCheck)
	if err != nil || got != nil {
		t.Errorf("empty repository: %v, %v; want no findings and no error", got, err)
	}
	if _, err := Scan(context.Background(), t.TempDir(), Options{}, fakeCheck); err == nil {
		t.Error("a directory without a repository: no error")
	}
}

func TestScanCancelled(t *testing.T) {
	r := newRepo(t)
	r.commit("Alice", map[string]string{"a.env": "SECRET=one\n"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Scan(ctx, r.dir, Options{}, fakeCheck); err == nil {
		t.Error("cancelled scan: no error")
	}
}

func TestAddedLines(t *testing.T) {
	tests := []struct {
		name      string
		old, data string
		want      []int
	}{
		{"new_file", "", "a\nb\n", []int{1, 2}},
		{"appended", "a\nb\n", "a\nb\nc\n", []int{3}},
		{"moved", "a\nb\n", "b\na\n", nil},
		{"repeated", "a\n", "a\na\n", []int{2}},
		{"blank_lines_ignored", "a\n", "a\n\n  \nb", []int{4}},
		{"crlf", "a\r\nb\r\n", "a\nb\nc", []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var old []byte
			if tt.old != "" {
				old = []byte(tt.old)
			}
			got := addedLines(old, []byte(tt.data))
			var lines []int
			for n := 1; n <= bytes.Count([]byte(tt.data), []byte("\n"))+1; n++ {
				if got[n] {
					lines = append(lines, n)
				}
			}
			if diff := cmp.Diff(tt.want, lines); diff != "" {
				t.Errorf("added lines (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRoot(t *testing.T) {
	r := newRepo(t)
	sub := filepath.Join(r.dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := Root(sub)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.EvalSymlinks(r.dir)
	if g, _ := filepath.EvalSymlinks(got); g != want {
		t.Errorf("Root = %q, want %q", got, r.dir)
	}
	if _, err := Root(t.TempDir()); err == nil {
		t.Error("Root of a directory outside any repository: no error")
	}
}

func TestScanJobs(t *testing.T) {
	r := newRepo(t)
	for i := range 12 {
		files := map[string]string{}
		for j := range 4 {
			files[fmt.Sprintf("d%d/f%d.env", j, i%3)] = fmt.Sprintf("A=%d\nSECRET=s%d-%d\n", i, i, j)
		}
		r.commit(fmt.Sprintf("Dev%d", i%2), files)
	}
	one, err := Scan(context.Background(), r.dir, Options{}, fakeCheck)
	if err != nil {
		t.Fatal(err)
	}
	many, err := Scan(context.Background(), r.dir, Options{Jobs: 4}, fakeCheck)
	if err != nil {
		t.Fatal(err)
	}
	if len(one) != 48 {
		t.Errorf("got %d findings, want 48 (one per commit and file)", len(one))
	}
	if diff := cmp.Diff(briefs(one), briefs(many)); diff != "" {
		t.Errorf("Jobs 4 differs from one job (-one +four):\n%s", diff)
	}
}

func TestScanCheckPanics(t *testing.T) {
	r := newRepo(t)
	r.commit("Alice", map[string]string{"bad.env": "SECRET=x\n", "good.env": "SECRET=y\n"})
	var notices []string
	check := func(src *analysis.Source) []analysis.Finding {
		if src.Rel == "bad.env" {
			panic("boom")
		}
		return fakeCheck(src)
	}
	got, err := Scan(context.Background(), r.dir, Options{Notice: func(m string) { notices = append(notices, m) }}, check)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Path != "good.env" {
		t.Errorf("findings %v, want good.env's only", briefs(got))
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "internal error checking bad.env") {
		t.Errorf("notices %q", notices)
	}
}

func TestScanMissingBlob(t *testing.T) {
	r := newRepo(t)
	r.commit("Alice", map[string]string{"a.env": "SECRET=one\n", "b.env": "SECRET=two\n"})
	// Remove one blob from the object store, as a partial clone would lack it.
	h := plumbing.ComputeHash(plumbing.BlobObject, []byte("SECRET=one\n"))
	obj := filepath.Join(r.dir, ".git", "objects", h.String()[:2], h.String()[2:])
	if err := os.Remove(obj); err != nil {
		t.Fatal(err)
	}
	var notices []string
	got, err := Scan(context.Background(), r.dir, Options{Notice: func(m string) { notices = append(notices, m) }}, fakeCheck)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Path != "b.env" {
		t.Errorf("findings %v, want b.env's", briefs(got))
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "missing") {
		t.Errorf("notices %q", notices)
	}
}
