package walk

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// maxIndexSize bounds the git index read to learn which files are tracked; an index
// of a million files is about 100 MiB.
const maxIndexSize = 256 << 20

// tracked knows which paths of a repository git tracks. Git applies .gitignore only
// to untracked files, so a committed file that a pattern matches (a .env added
// before the pattern, or forced with `git add -f`) is still part of the project, and
// the walk takes it. The index is read on the first ignored path only.
type tracked struct {
	repo  string
	once  sync.Once
	files map[string]bool
	dirs  map[string]bool
}

func newTracked(repo string) *tracked { return &tracked{repo: repo} }

// load reads .git/index; a missing or unreadable index tracks nothing.
func (t *tracked) load() {
	t.files, t.dirs = map[string]bool{}, map[string]bool{}
	p := filepath.Join(t.repo, ".git", "index")
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxIndexSize {
		return
	}
	f, err := os.Open(p)
	if err != nil {
		return
	}
	defer f.Close()
	var idx index.Index
	if err := index.NewDecoder(bufio.NewReader(f)).Decode(&idx); err != nil {
		return
	}
	for _, e := range idx.Entries {
		t.files[e.Name] = true
		for d := e.Name; ; {
			i := strings.LastIndexByte(d, '/')
			if i < 0 || t.dirs[d[:i]] {
				break
			}
			d = d[:i]
			t.dirs[d] = true
		}
	}
}

// has reports whether the repository-relative path parts name a tracked file, or
// for a directory one that holds tracked files.
func (t *tracked) has(parts []string, isDir bool) bool {
	if t == nil {
		return false
	}
	t.once.Do(t.load)
	p := strings.Join(parts, "/")
	if isDir {
		return t.dirs[p]
	}
	return t.files[p]
}
