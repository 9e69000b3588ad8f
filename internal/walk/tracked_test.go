package walk

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/google/go-cmp/cmp"
)

// TestWalkTrackedIgnoredFiles: git ignores only untracked files, so a committed .env
// that .gitignore lists is scanned, and so is a tracked file in an ignored directory.
func TestWalkTrackedIgnoredFiles(t *testing.T) {
	tmp := t.TempDir()
	repoDir := filepath.Join(tmp, "repo")
	mkTree(t, tmp, []entry{
		{path: "repo/.env", content: "TOKEN=x\n"},
		{path: "repo/conf/prod.ini", content: "[a]\n"},
		{path: "repo/app.py", content: "pass\n"},
	})
	repo, err := git.PlainInit(repoDir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{".env", "conf/prod.ini", "app.py"} {
		if _, err := wt.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	// Ignore them only after they are in the index, as happens in real projects.
	mkTree(t, tmp, []entry{
		{path: "repo/.gitignore", content: ".env\n.env.local\nconf/\n"},
		{path: "repo/.env.local", content: "TOKEN=y\n"},
		{path: "repo/conf/dev.ini", content: "[a]\n"},
	})
	res, err := Walk(context.Background(), []string{repoDir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"file repo/.env other",
		"file repo/.gitignore other",
		"file repo/app.py python",
		"file repo/conf/prod.ini other",
		"skip repo/.env.local gitignored",
		"skip repo/.git default-exclude",
		"skip repo/conf/dev.ini gitignored",
	}
	if diff := cmp.Diff(want, summary(res, tmp)); diff != "" {
		t.Errorf("Walk mismatch (-want +got):\n%s", diff)
	}
}
