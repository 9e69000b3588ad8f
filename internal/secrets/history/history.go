// Package history finds secrets in a git repository's history: every commit's
// added lines, read with go-git (no git binary), so that a credential committed
// and later removed is still found.
//
// Each changed file of a commit is shown to the caller's check function as a
// Source whose Data is the whole file as that commit left it, so that parsers,
// scopes and fingerprints see the same text as a scan of the working tree would;
// only the findings on lines the commit added (compared with its first parent)
// are kept. A finding is reported once per path and fingerprint, at the oldest
// commit that introduced it.
package history

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/kraitsec/krait/internal/analysis"
)

// Defaults for the Options limits.
const (
	// DefaultMaxCommits bounds the commits a scan reads.
	DefaultMaxCommits = 10000
	// DefaultMaxBlobSize is the largest file version a scan reads, in bytes.
	DefaultMaxBlobSize = 2 << 20
	// DefaultMaxFilesPerCommit bounds the changed files read per commit (a vendored
	// tree imported in one commit).
	DefaultMaxFilesPerCommit = 5000
)

// Options tune a history scan. The zero value scans every ref with the default
// limits on one goroutine.
type Options struct {
	// MaxCommits bounds the commits read, newest first; 0 means DefaultMaxCommits.
	MaxCommits int
	// MaxBlobSize skips file versions larger than this many bytes; 0 means
	// DefaultMaxBlobSize.
	MaxBlobSize int64
	// MaxFilesPerCommit bounds the changed files read per commit; 0 means
	// DefaultMaxFilesPerCommit.
	MaxFilesPerCommit int
	// Jobs is how many file versions are checked at once; below 2, one at a time.
	// The check must then be safe for concurrent use.
	Jobs int
	// Dir limits the scan to the files below this slash-separated directory of the
	// repository ("" for all); Source.Rel is then relative to it.
	Dir string
	// Wants reports from Rel alone whether check should see a file; nil means every
	// text file.
	Wants func(rel string) bool
	// PathOf gives the Path a finding reports for a Rel; nil reports Rel itself.
	PathOf func(rel string) string
	// Notice, when set, is told in one line when a limit left part of the history
	// unread, so that the user knows the scan is incomplete.
	Notice func(msg string)
}

// Check returns the findings in one file version, fingerprinted and with inline
// suppressions applied. Source.Python and Source.Model are nil: a check that
// needs a parse makes it.
type Check func(src *analysis.Source) []analysis.Finding

// Scan reads the history of the repository at or above repoPath and returns the
// findings check makes on the lines each commit added, with Commit, Author and
// Date set and the commit named in the message, in analysis.FindingLess order.
// A repository without commits has no findings.
func Scan(ctx context.Context, repoPath string, opts Options, check Check) ([]analysis.Finding, error) {
	repo, closeRepo, err := open(repoPath)
	if err != nil {
		return nil, fmt.Errorf("opening git repository: %w", err)
	}
	defer closeRepo()
	iter, err := repo.Log(&git.LogOptions{All: true, Order: git.LogOrderCommitterTime})
	if err != nil {
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return nil, nil
		}
		return nil, fmt.Errorf("reading git log: %w", err)
	}
	defer iter.Close()
	opts = opts.withDefaults()
	notice := opts.notice()
	r := &results{check: check, pathOf: opts.PathOf, notice: notice, seen: map[string]int{}, checked: map[checkKey][]analysis.Finding{}}
	w := &walker{repo: repo, opts: opts, notice: notice, out: r.process}
	// The walk reads git objects on this goroutine; the checks run on the workers.
	var tasks chan task
	var wg sync.WaitGroup
	if opts.Jobs > 1 {
		tasks = make(chan task, opts.Jobs)
		w.out = func(t task) { tasks <- t }
		for range opts.Jobs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for t := range tasks {
					r.process(t)
				}
			}()
		}
	}
	err = w.walk(ctx, iter)
	if tasks != nil {
		close(tasks)
		wg.Wait()
	}
	if err != nil {
		return nil, err
	}
	return r.sorted(), nil
}

// open opens the repository at or above path for reading its history, with the
// pack files kept open: go-git's default reopens a pack for every object read,
// which tripled the time of a scan. The caller calls the returned close.
func open(path string) (*git.Repository, func(), error) {
	plain, err := git.PlainOpenWithOptions(path, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return nil, nil, err
	}
	fsys, ok := plain.Storer.(*filesystem.Storage)
	if !ok {
		return plain, func() {}, nil
	}
	st := filesystem.NewStorageWithOptions(fsys.Filesystem(), cache.NewObjectLRUDefault(),
		filesystem.Options{KeepDescriptors: true, ExclusiveAccess: true})
	repo, err := git.Open(st, nil)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return repo, func() { st.Close() }, nil
}

func (o Options) withDefaults() Options {
	if o.MaxCommits <= 0 {
		o.MaxCommits = DefaultMaxCommits
	}
	if o.MaxBlobSize <= 0 {
		o.MaxBlobSize = DefaultMaxBlobSize
	}
	if o.MaxFilesPerCommit <= 0 {
		o.MaxFilesPerCommit = DefaultMaxFilesPerCommit
	}
	o.Dir = strings.Trim(path.Clean("/"+o.Dir), "/")
	return o
}

// notice passes msg to Options.Notice, if set; it may be called from several
// goroutines at once, and serialises the calls.
func (o Options) notice() func(string) {
	if o.Notice == nil {
		return func(string) {}
	}
	var mu sync.Mutex
	return func(msg string) {
		mu.Lock()
		defer mu.Unlock()
		o.Notice(msg)
	}
}
