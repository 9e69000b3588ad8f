package history

import (
	"fmt"
	"path/filepath"

	"github.com/go-git/go-git/v5"
)

// Root returns the working-tree directory of the git repository that holds dir,
// looking in dir and its parents, and an error when there is none or it is bare.
func Root(dir string) (string, error) {
	repo, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return "", fmt.Errorf("%s: not in a git repository: %w", dir, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	return filepath.Clean(wt.Filesystem.Root()), nil
}
