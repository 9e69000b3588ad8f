package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/rules"
	"github.com/kraitsec/krait/internal/rules/secrets"
)

// historyRepo is a git repository in a temporary directory that tests commit to.
type historyRepo struct {
	t   *testing.T
	dir string
	wt  *git.Worktree
	day int
}

func newHistoryRepo(t *testing.T) *historyRepo {
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
	return &historyRepo{t: t, dir: dir, wt: wt}
}

// commit writes the files ("" deletes one) and commits them as author.
func (r *historyRepo) commit(author string, files map[string]string) string {
	r.t.Helper()
	for name, content := range files {
		if content == "" {
			if _, err := r.wt.Remove(name); err != nil {
				r.t.Fatal(err)
			}
			continue
		}
		p := filepath.Join(r.dir, filepath.FromSlash(name))
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
	sig := &object.Signature{Name: author, Email: "dev@example.com", When: time.Date(2024, 3, r.day, 9, 30, 0, 0, time.UTC)}
	h, err := r.wt.Commit("work", &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		r.t.Fatal(err)
	}
	return h.String()
}

// envSecrets is a stand-in for the secrets analyzer: it reports "TOKEN=" lines
// of .env files, fingerprinted by the value's digest.
type envSecrets struct{}

var envSecretRule = &analysis.Rule{Code: "KR399", Name: "env-token", Summary: "token in an env file",
	Severity: analysis.SeverityHigh, Confidence: analysis.ConfidenceHigh, Analyzer: analysis.AnalyzerSecrets}

func (envSecrets) Rules() []*analysis.Rule { return []*analysis.Rule{envSecretRule} }

func (envSecrets) Wants(rel string, python bool) bool { return strings.HasSuffix(rel, ".env") }

func (envSecrets) Check(src *analysis.Source, enabled func(string) bool) []analysis.Finding {
	var fp analysis.Fingerprinter
	var out []analysis.Finding
	for i, line := range strings.Split(string(src.Data), "\n") {
		if v, ok := strings.CutPrefix(line, "TOKEN="); ok {
			f := analysis.NewFinding(envSecretRule, src.Path, i+1, 1, "token "+analysis.Redacted(v))
			f.Fingerprint = fp.Next(envSecretRule.Code, src.Rel, "", analysis.SecretDigest(v))
			out = append(out, f)
		}
	}
	return out
}

// historyFinding is what the tests compare of a JSON finding.
type historyFinding struct {
	Code   string `json:"code"`
	Path   string `json:"path"`
	Line   int    `json:"line"`
	Commit string `json:"commit"`
	Author string `json:"author"`
	Date   string `json:"date"`
}

func runHistoryScan(t *testing.T, args ...string) ([]historyFinding, []string, string) {
	t.Helper()
	o := runOpts{
		categories: []rules.Category{{Name: "secrets", Rules: append(secrets.All(), envSecretRule)}},
		analyzers: func(*scanConfig) ([]analysis.FileAnalyzer, []analysis.ProjectAnalyzer, error) {
			return []analysis.FileAnalyzer{envSecrets{}}, nil, nil
		},
	}
	res := runKrait(t, o, append([]string{"scan", "-f", "json", "--fail-on", "never", "--no-progress"}, args...)...)
	var out struct {
		Findings []historyFinding `json:"findings"`
		Errors   []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
		t.Fatalf("exit %d, output %q, stderr %q: %v", res.code, res.stdout, res.stderr, err)
	}
	var errs []string
	for _, e := range out.Errors {
		errs = append(errs, e.Message)
	}
	return out.Findings, errs, res.stdout
}

func TestScanHistory(t *testing.T) {
	const live, gone, envGone = "Zk9qL3pMx8Tq2vR7sN0w", "q8Lz2vX9mK4wR7tY3pB6", "tok_9f8e7d6c5b4a3f2e1d0c"
	r := newHistoryRepo(t)
	c1 := r.commit("Alice", map[string]string{
		"app/settings.py": "DB_PASSWORD = \"" + live + "\"\n",
		"app/keys.py":     "API_TOKEN = \"" + gone + "\"\n",
		".env":            "TOKEN=" + envGone + "\n",
	})
	r.commit("Bob", map[string]string{
		"app/keys.py":     "import os\nAPI_TOKEN = os.environ[\"API_TOKEN\"]\n",
		"app/settings.py": "import os\n\nDB_PASSWORD = \"" + live + "\"\n",
		".env":            "",
	})

	t.Run("without_history", func(t *testing.T) {
		got, _, _ := runHistoryScan(t, r.dir)
		want := []historyFinding{{Code: "KR301", Path: filepath.Join(r.dir, "app", "settings.py"), Line: 3}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("findings (-want +got):\n%s", diff)
		}
	})
	t.Run("with_history", func(t *testing.T) {
		got, errs, out := runHistoryScan(t, "--history", r.dir)
		if len(errs) > 0 {
			t.Errorf("errors: %v", errs)
		}
		// The secret still in the tree is reported once, by the tree scan.
		want := []historyFinding{
			{Code: "KR399", Path: filepath.Join(r.dir, ".env"), Line: 1, Commit: c1, Author: "Alice", Date: "2024-03-01T09:30:00Z"},
			{Code: "KR301", Path: filepath.Join(r.dir, "app", "keys.py"), Line: 1, Commit: c1, Author: "Alice", Date: "2024-03-01T09:30:00Z"},
			{Code: "KR301", Path: filepath.Join(r.dir, "app", "settings.py"), Line: 3},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("findings (-want +got):\n%s", diff)
		}
		for _, s := range []string{live, gone, envGone} {
			if strings.Contains(out, s) {
				t.Errorf("the report shows the secret %q", s)
			}
		}
		if !strings.Contains(out, "in commit "+c1[:7]+", Alice, 2024-03-01") {
			t.Errorf("no message names the commit: %s", out)
		}
	})
	t.Run("select", func(t *testing.T) {
		got, _, _ := runHistoryScan(t, "--history", "--select", "KR399", r.dir)
		if len(got) != 1 || got[0].Code != "KR399" {
			t.Errorf("--select KR399: %v", got)
		}
	})
	t.Run("exclude", func(t *testing.T) {
		got, _, _ := runHistoryScan(t, "--history", "--exclude", "app/keys.py", r.dir)
		for _, f := range got {
			if strings.HasSuffix(f.Path, "keys.py") {
				t.Errorf("excluded file reported: %v", f)
			}
		}
	})
	t.Run("subdirectory", func(t *testing.T) {
		got, _, _ := runHistoryScan(t, "--history", filepath.Join(r.dir, "app"))
		var paths []string
		for _, f := range got {
			paths = append(paths, f.Path)
		}
		want := []string{filepath.Join(r.dir, "app", "keys.py"), filepath.Join(r.dir, "app", "settings.py")}
		if diff := cmp.Diff(want, paths); diff != "" {
			t.Errorf("paths (-want +got):\n%s", diff)
		}
	})
}

func TestExcludedPath(t *testing.T) {
	tests := []struct {
		rel   string
		globs []string
		want  bool
	}{
		{"app/settings.py", nil, false},
		{"node_modules/pkg/index.js", nil, true},
		{"web/node_modules/pkg/.env", nil, true},
		{".venv/lib/x.py", nil, true},
		{"pkg.egg-info/PKG-INFO", nil, true},
		{"build/gen.py", []string{"build"}, true},
		{"src/build/gen.py", []string{"build/"}, true},
		{"tests/fixtures/keys.py", []string{"tests/**"}, true},
		{"app/secrets.py", []string{"*.txt"}, false},
		{"docs/notes.txt", []string{"*.txt"}, true},
	}
	for _, tt := range tests {
		if got := excludedPath(tt.rel, tt.globs); got != tt.want {
			t.Errorf("excludedPath(%q, %q) = %v, want %v", tt.rel, tt.globs, got, tt.want)
		}
	}
}

func TestScanHistoryOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.py"), []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, _ := runHistoryScan(t, "--history", dir)
	if len(errs) != 1 || !strings.Contains(errs[0], "--history") || !strings.Contains(errs[0], "not in a git repository") {
		t.Errorf("errors = %q, want one saying there is no repository", errs)
	}
}
