package history

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/secrets"
)

// engineCheck runs the hard-coded credential rules over a Python source, as the
// working-tree scan does.
func engineCheck(t testing.TB) Check {
	engine := analysis.NewEngine(secrets.All())
	return func(src *analysis.Source) []analysis.Finding {
		if !strings.HasSuffix(src.Rel, ".py") {
			return nil
		}
		f, err := parser.Parse(src.Path, src.Data)
		if err != nil {
			return nil
		}
		m := semantic.Build(f.Module, semantic.Options{Module: "m"})
		fs, err := engine.Run(src.Rel, f, m)
		if err != nil {
			t.Error(err)
		}
		return fs
	}
}

// TestScanWithEngineRules checks that a secret still in HEAD gets, from its
// introducing commit, the fingerprint the working-tree scan gives it (so the
// scan can drop the duplicate), and that a removed one is found redacted.
func TestScanWithEngineRules(t *testing.T) {
	r := newRepo(t)
	const live, gone = "Zk9qL3pMx8Tq2vR7sN0w", "q8Lz2vX9mK4wR7tY3pB6"
	c1 := r.commit("Alice", map[string]string{"app/settings.py": "class Config:\n    DB_PASSWORD = \"" + live + "\"\n"})
	c2 := r.commit("Bob", map[string]string{"app/keys.py": "API_TOKEN = \"" + gone + "\"\n"})
	r.commit("Carol", map[string]string{
		"app/keys.py":     "import os\nAPI_TOKEN = os.environ[\"API_TOKEN\"]\n",
		"app/settings.py": "import os\n\n\nclass Config:\n    DEBUG = False\n    DB_PASSWORD = \"" + live + "\"\n",
	})
	check := engineCheck(t)
	got, err := Scan(context.Background(), r.dir, Options{}, check)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d findings, want 2: %v", len(got), briefs(got))
	}
	head, err := os.ReadFile(filepath.Join(r.dir, "app", "settings.py"))
	if err != nil {
		t.Fatal(err)
	}
	tree := check(&analysis.Source{Path: "app/settings.py", Rel: "app/settings.py", Data: head})
	if len(tree) != 1 {
		t.Fatalf("tree scan: %d findings, want 1", len(tree))
	}
	for _, f := range got {
		switch f.Path {
		case "app/settings.py":
			if f.Commit != c1.String() || f.Line != 2 {
				t.Errorf("settings.py: commit %s line %d, want %s line 2", f.Commit, f.Line, c1)
			}
			if f.Fingerprint != tree[0].Fingerprint {
				t.Errorf("history fingerprint %s differs from the tree's %s", f.Fingerprint, tree[0].Fingerprint)
			}
		case "app/keys.py":
			if f.Commit != c2.String() || f.Code != "KR301" {
				t.Errorf("keys.py: %s in commit %s, want KR301 in %s", f.Code, f.Commit, c2)
			}
		}
		for _, s := range []string{live, gone} {
			if strings.Contains(f.Message, s) || strings.Contains(f.Snippet, s) {
				t.Errorf("finding shows the secret: %q / %q", f.Message, f.Snippet)
			}
		}
	}
}
