package walk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// maxIgnoreFileSize bounds how much of a .gitignore is read; real ones are tiny.
const maxIgnoreFileSize = 1 << 20

// ignoreStack holds the gitignore patterns in force in one directory, lowest priority
// first. Each directory's patterns are appended to a copy, so siblings never see them.
type ignoreStack []gitignore.Pattern

// match applies git's rule: the last matching pattern decides, and "!" re-includes.
// Paths are slash-split and relative to the repository root (or the scan root when
// there is no repository).
func (s ignoreStack) match(parts []string, isDir bool) bool {
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i].Match(parts, isDir) {
		case gitignore.Exclude:
			return true
		case gitignore.Include:
			return false
		}
	}
	return false
}

func (s ignoreStack) with(ps []gitignore.Pattern) ignoreStack {
	if len(ps) == 0 {
		return s
	}
	out := make(ignoreStack, 0, len(s)+len(ps))
	return append(append(out, s...), ps...)
}

// readIgnoreFile parses the ignore file at p, if it is a regular file, with patterns
// anchored at domain. A missing file is not an error.
func readIgnoreFile(p string, domain []string) ([]gitignore.Pattern, error) {
	info, err := os.Lstat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	if !info.Mode().IsRegular() {
		// git itself ignores a symlinked .gitignore; a FIFO would block the walk.
		return nil, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxIgnoreFileSize))
	if err != nil {
		return nil, err
	}
	return parseIgnore(data, domain), nil
}

func parseIgnore(data []byte, domain []string) []gitignore.Pattern {
	var ps []gitignore.Pattern
	for _, line := range bytes.Split(data, []byte("\n")) {
		s := strings.TrimSuffix(string(line), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(s, domain))
	}
	return ps
}

// repoContext finds the git repository enclosing realRoot, if any, and returns the
// root's path inside it together with the patterns that apply from above the root:
// .git/info/exclude and the .gitignore files of the directories in between.
// If those patterns would ignore the root itself, they are dropped: a directory named
// on the command line is always scanned.
func repoContext(realRoot string, maxDepth int) (repo string, base []string, stack ignoreStack, errs []Error) {
	for dir, i := realRoot, 0; i <= maxDepth; i++ {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			repo = dir
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if repo == "" {
		return "", nil, nil, nil
	}
	rel, err := filepath.Rel(repo, realRoot)
	if err != nil {
		return "", nil, nil, []Error{{Path: realRoot, Err: err}}
	}
	base = splitRel(rel)

	load := func(p string, domain []string) {
		ps, err := readIgnoreFile(p, domain)
		if err != nil {
			errs = append(errs, Error{Path: p, Err: fmt.Errorf("reading ignore file: %w", err)})
			return
		}
		stack = stack.with(ps)
	}
	if info, err := os.Stat(filepath.Join(repo, ".git")); err == nil && info.IsDir() {
		load(filepath.Join(repo, ".git", "info", "exclude"), nil)
	}
	for i := range base {
		load(filepath.Join(repo, filepath.Join(base[:i]...), ".gitignore"), base[:i])
	}
	if len(base) > 0 && stack.match(base, true) {
		return repo, base, nil, errs
	}
	return repo, base, stack, errs
}

// splitRel turns a relative OS path into its components; "." has none.
func splitRel(rel string) []string {
	if rel == "." || rel == "" {
		return nil
	}
	return strings.Split(filepath.ToSlash(rel), "/")
}
