package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/utils/merkletrie"
)

// binarySniff is how much of a blob is searched for a NUL byte, as git does.
const binarySniff = 8000

// task is one file version to check: what a commit left in a file, and what the
// file held before.
type task struct {
	commit    *object.Commit
	rel       string
	blob      plumbing.Hash
	old, data []byte
}

// walker reads the commits and the file versions they changed, and hands each
// to out.
type walker struct {
	repo   *git.Repository
	opts   Options
	notice func(string)
	out    func(task)
	// missed is set once a missing object has been noticed.
	missed bool
}

// walk reads the commits of iter, newest first, up to Options.MaxCommits.
func (w *walker) walk(ctx context.Context, iter object.CommitIter) error {
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		c, err := iter.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading git log: %w", err)
		}
		if n > w.opts.MaxCommits {
			w.notice(fmt.Sprintf("git history: read the newest %d commits only (limit reached)", w.opts.MaxCommits))
			return nil
		}
		if err := w.commit(ctx, c); err != nil {
			return fmt.Errorf("commit %s: %w", c.Hash, err)
		}
	}
}

// commit hands out the files c changed against its first parent (every file for
// a root commit, or when the parent is missing from a shallow clone).
func (w *walker) commit(ctx context.Context, c *object.Commit) error {
	tree, err := c.Tree()
	if err != nil {
		return err
	}
	var parent *object.Tree
	if c.NumParents() > 0 {
		if p, err := c.Parent(0); err == nil {
			if parent, err = p.Tree(); err != nil {
				return err
			}
		}
	}
	changes, err := object.DiffTreeWithOptions(ctx, parent, tree, nil)
	if err != nil {
		return err
	}
	files := 0
	for _, ch := range changes {
		if err := ctx.Err(); err != nil {
			return err
		}
		action, err := ch.Action()
		if err != nil || action == merkletrie.Delete {
			continue
		}
		rel, ok := w.rel(ch.To.Name)
		if !ok || !regular(ch.To.TreeEntry.Mode) || w.opts.Wants != nil && !w.opts.Wants(rel) {
			continue
		}
		if files++; files > w.opts.MaxFilesPerCommit {
			w.notice(fmt.Sprintf("git history: commit %s changes more than %d files; read the first %d only",
				c.Hash.String()[:7], w.opts.MaxFilesPerCommit, w.opts.MaxFilesPerCommit))
			break
		}
		data, err := w.blob(ch.To.TreeEntry.Hash)
		if err != nil || data == nil {
			if err = w.missing(err); err != nil {
				return err
			}
			continue // too large, binary or missing
		}
		var old []byte
		if action == merkletrie.Modify && regular(ch.From.TreeEntry.Mode) {
			if old, err = w.blob(ch.From.TreeEntry.Hash); err != nil {
				if err = w.missing(err); err != nil {
					return err
				}
				old = nil // compared with nothing: every line is added
			}
		}
		w.out(task{commit: c, rel: rel, blob: ch.To.TreeEntry.Hash, old: old, data: data})
	}
	return nil
}

// missing passes on err unless it is an object missing from the repository (a
// partial clone leaves old versions out), which is skipped: the first time with
// a notice.
func (w *walker) missing(err error) error {
	if !errors.Is(err, plumbing.ErrObjectNotFound) {
		return err
	}
	if !w.missed {
		w.missed = true
		w.notice("git history: some file versions are missing from the repository (a partial or shallow clone?) and were not read")
	}
	return nil
}

// rel returns name relative to Options.Dir, and false for a file outside it.
func (w *walker) rel(name string) (string, bool) {
	if w.opts.Dir == "" {
		return name, true
	}
	rest, ok := strings.CutPrefix(name, w.opts.Dir+"/")
	return rest, ok
}

func regular(m filemode.FileMode) bool {
	return m == filemode.Regular || m == filemode.Executable || m == filemode.Deprecated
}

// blob reads a file version, or nil when it is too large or binary.
func (w *walker) blob(h plumbing.Hash) ([]byte, error) {
	b, err := w.repo.BlobObject(h)
	if err != nil {
		return nil, err
	}
	if b.Size > w.opts.MaxBlobSize {
		return nil, nil
	}
	r, err := b.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, w.opts.MaxBlobSize+1))
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(data[:min(len(data), binarySniff)], 0) >= 0 {
		return nil, nil
	}
	return data, nil
}
