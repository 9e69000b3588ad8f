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
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/utils/merkletrie"

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

// binarySniff is how much of a blob is searched for a NUL byte, as git does.
const binarySniff = 8000

// Options tune a history scan. The zero value scans every ref with the default
// limits.
type Options struct {
	// MaxCommits bounds the commits read, newest first; 0 means DefaultMaxCommits.
	MaxCommits int
	// MaxBlobSize skips file versions larger than this many bytes; 0 means
	// DefaultMaxBlobSize.
	MaxBlobSize int64
	// MaxFilesPerCommit bounds the changed files read per commit; 0 means
	// DefaultMaxFilesPerCommit.
	MaxFilesPerCommit int
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
// Date set and the commit named in the message. A repository without commits
// has no findings.
func Scan(ctx context.Context, repoPath string, opts Options, check Check) ([]analysis.Finding, error) {
	repo, closeRepo, err := open(repoPath)
	if err != nil {
		return nil, fmt.Errorf("opening git repository: %w", err)
	}
	defer closeRepo()
	s := &scanner{repo: repo, opts: opts.withDefaults(), check: check, seen: map[string]int{}, checked: map[checkKey][]analysis.Finding{}}
	iter, err := repo.Log(&git.LogOptions{All: true, Order: git.LogOrderCommitterTime})
	if err != nil {
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return nil, nil
		}
		return nil, fmt.Errorf("reading git log: %w", err)
	}
	defer iter.Close()
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c, err := iter.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading git log: %w", err)
		}
		if n++; n > s.opts.MaxCommits {
			s.notice(fmt.Sprintf("git history: read the newest %d commits only (limit reached)", s.opts.MaxCommits))
			break
		}
		if err := s.commit(ctx, c); err != nil {
			return nil, fmt.Errorf("commit %s: %w", c.Hash, err)
		}
	}
	sort.SliceStable(s.found, func(i, j int) bool { return analysis.FindingLess(&s.found[i], &s.found[j]) })
	return s.found, nil
}

// objectCache is the memory for decoded git objects during a scan: trees come
// back for every commit, and a pack's deltas share bases.
const objectCache = 128 * cache.MiByte

// open opens the repository at or above path for reading its history: with the
// pack files kept open and a larger object cache than go-git's default, which
// reopens a pack for every object read. The caller calls the returned close.
func open(path string) (*git.Repository, func(), error) {
	plain, err := git.PlainOpenWithOptions(path, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return nil, nil, err
	}
	fsys, ok := plain.Storer.(*filesystem.Storage)
	if !ok {
		return plain, func() {}, nil
	}
	st := filesystem.NewStorageWithOptions(fsys.Filesystem(), cache.NewObjectLRU(objectCache),
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

type scanner struct {
	repo  *git.Repository
	opts  Options
	check Check
	found []analysis.Finding
	// seen maps a finding's path and fingerprint to its index in found.
	seen map[string]int
	// when holds the author time of each finding in found, to keep the oldest.
	when []time.Time
	// checked holds check's findings per file version (blob and path), so that a
	// version that comes back (a merge, a revert) is not checked again.
	checked map[checkKey][]analysis.Finding
}

type checkKey struct {
	blob plumbing.Hash
	rel  string
}

// commit checks the files c changed against its first parent (every file for a
// root commit, or when the parent is missing from a shallow clone).
func (s *scanner) commit(ctx context.Context, c *object.Commit) error {
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
		rel, ok := s.rel(ch.To.Name)
		if !ok || !regular(ch.To.TreeEntry.Mode) || s.opts.Wants != nil && !s.opts.Wants(rel) {
			continue
		}
		if files++; files > s.opts.MaxFilesPerCommit {
			s.notice(fmt.Sprintf("git history: commit %s changes more than %d files; read the first %d only", c.Hash.String()[:7], s.opts.MaxFilesPerCommit, s.opts.MaxFilesPerCommit))
			break
		}
		var old []byte
		if action == merkletrie.Modify && regular(ch.From.TreeEntry.Mode) {
			if old, err = s.blob(ch.From.TreeEntry.Hash); err != nil {
				return err
			}
		}
		if err := s.file(c, rel, ch.To.TreeEntry.Hash, old); err != nil {
			return err
		}
	}
	return nil
}

func (s *scanner) notice(msg string) {
	if s.opts.Notice != nil {
		s.opts.Notice(msg)
	}
}

// rel returns name relative to Options.Dir, and false for a file outside it.
func (s *scanner) rel(name string) (string, bool) {
	if s.opts.Dir == "" {
		return name, true
	}
	rest, ok := strings.CutPrefix(name, s.opts.Dir+"/")
	return rest, ok
}

func regular(m filemode.FileMode) bool {
	return m == filemode.Regular || m == filemode.Executable || m == filemode.Deprecated
}

// blob reads a file version, or nil when it is too large or binary.
func (s *scanner) blob(h plumbing.Hash) ([]byte, error) {
	b, err := s.repo.BlobObject(h)
	if err != nil {
		return nil, err
	}
	if b.Size > s.opts.MaxBlobSize {
		return nil, nil
	}
	r, err := b.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, s.opts.MaxBlobSize+1))
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(data[:min(len(data), binarySniff)], 0) >= 0 {
		return nil, nil
	}
	return data, nil
}

// file checks the version h of a file and keeps the findings on the lines the
// commit added to old, the version before.
func (s *scanner) file(c *object.Commit, rel string, h plumbing.Hash, old []byte) error {
	data, err := s.blob(h)
	if err != nil || data == nil {
		return err // nil data: too large or binary
	}
	added := addedLines(old, data)
	if len(added) == 0 {
		return nil
	}
	p := rel
	if s.opts.PathOf != nil {
		p = s.opts.PathOf(rel)
	}
	key := checkKey{h, rel}
	fs, ok := s.checked[key]
	if !ok {
		fs = s.check(&analysis.Source{Path: p, Rel: rel, Data: data})
		s.checked[key] = fs
	}
	for _, f := range fs {
		if !touches(added, f.Line, f.EndLine) {
			continue
		}
		f.Path = p
		s.add(c, rel, f)
	}
	return nil
}

// touches reports whether a finding on lines line..end has an added line.
func touches(added map[int]bool, line, end int) bool {
	end = max(end, line)
	for l := line; l <= end && l-line < 1000; l++ {
		if added[l] {
			return true
		}
	}
	return false
}

// add records f from commit c, or moves an already recorded finding with the
// same path and fingerprint to c when c is older.
func (s *scanner) add(c *object.Commit, rel string, f analysis.Finding) {
	when := c.Author.When
	f.Commit = c.Hash.String()
	f.Author = c.Author.Name
	f.Date = when.UTC().Format(time.RFC3339)
	f.Message += " (in commit " + c.Hash.String()[:7] + ", " + c.Author.Name + ", " + when.UTC().Format("2006-01-02") + ")"
	key := rel + "\x00" + f.Fingerprint
	if f.Fingerprint == "" {
		key += "\x00" + f.Code + "\x00" + f.Message
	}
	if i, ok := s.seen[key]; ok {
		if when.Before(s.when[i]) {
			s.found[i], s.when[i] = f, when
		}
		return
	}
	s.seen[key] = len(s.found)
	s.found = append(s.found, f)
	s.when = append(s.when, when)
}
