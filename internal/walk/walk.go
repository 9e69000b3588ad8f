// Package walk finds the files krait should analyse below the paths a user names.
//
// Walk decides from metadata alone: names, .gitignore files, --exclude globs, sizes,
// file types and symlink targets. It never reads file contents, so that each file is
// read exactly once, by ReadFile, in whichever worker analyses it; ReadFile then
// finishes the job by rejecting binary content.
package walk

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"
)

// DefaultMaxFileSize is the size above which a file is skipped (10 MiB).
const DefaultMaxFileSize = 10 << 20

// DefaultMaxDepth is how many directory levels below a root Walk descends.
const DefaultMaxDepth = 256

// Kind tells which analyzers want a file.
type Kind int

// File kinds.
const (
	// Other is any other regular file, for secrets, manifests and the like.
	Other Kind = iota
	// Python is Python source: .py or .pyi.
	Python
)

// String names the kind for stats and debugging output.
func (k Kind) String() string {
	if k == Python {
		return "python"
	}
	return "other"
}

// File is a regular file that Walk found.
type File struct {
	// Path is the file to open and to report: the root as given, joined with Rel.
	Path string
	// Rel is the slash-separated path below the scan root; for a root that is itself a
	// file it is the base name.
	Rel  string
	Kind Kind
	Size int64
}

// Reason says why a path was left out.
type Reason string

// Reasons a path is skipped.
const (
	// ReasonDefaultExclude: a name in DefaultExcludes, such as .git or .venv.
	ReasonDefaultExclude Reason = "default-exclude"
	// ReasonExcluded: matched an Options.Exclude glob.
	ReasonExcluded Reason = "excluded"
	// ReasonGitignored: ignored by a .gitignore file or .git/info/exclude.
	ReasonGitignored Reason = "gitignored"
	// ReasonTooLarge: larger than Options.MaxFileSize.
	ReasonTooLarge Reason = "too-large"
	// ReasonBinary: a NUL byte in the first 8 KiB (set by ReadFile).
	ReasonBinary Reason = "binary"
	// ReasonNotRegular: a device, FIFO or socket, which could block or never end.
	ReasonNotRegular Reason = "not-regular"
	// ReasonSymlinkOutside: a symlink that resolves outside the scan root.
	ReasonSymlinkOutside Reason = "symlink-outside-root"
	// ReasonSymlinkLoop: a symlink to one of its own ancestors, or a cycle of links.
	ReasonSymlinkLoop Reason = "symlink-loop"
	// ReasonSymlinkBroken: a symlink whose target does not exist.
	ReasonSymlinkBroken Reason = "broken-symlink"
	// ReasonDuplicate: a file or directory already visited through another path.
	ReasonDuplicate Reason = "duplicate"
	// ReasonTooDeep: a directory deeper than Options.MaxDepth.
	ReasonTooDeep Reason = "too-deep"
)

// Skip records a path that was left out and why.
type Skip struct {
	Path   string
	Reason Reason
	IsDir  bool
}

// Error records a path that could not be examined; the walk goes on without it.
type Error struct {
	Path string
	Err  error
}

// Error formats the failure with its path.
func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Options tune a walk; the zero value gives the defaults.
type Options struct {
	// Exclude holds doublestar globs matched against the slash-separated path below the
	// scan root and against the base name, in addition to .gitignore files and the
	// default excludes.
	Exclude []string
	// MaxFileSize is the size in bytes above which a file is skipped; 0 means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// MaxDepth bounds how deep Walk descends below a root; 0 means DefaultMaxDepth.
	MaxDepth int
}

func (o Options) maxFileSize() int64 {
	if o.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return o.MaxFileSize
}

func (o Options) maxDepth() int {
	if o.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return o.MaxDepth
}

// Result is everything a walk found, each list sorted by path.
type Result struct {
	Files   []File
	Skipped []Skip
	Errors  []Error
}

// Walk finds the files below roots. A root that is a file, or a directory named on the
// command line, is always taken even when an exclude or .gitignore would drop it.
// Paths that cannot be examined become Errors rather than aborting the walk; the only
// errors returned are invalid options and context cancellation.
func Walk(ctx context.Context, roots []string, opts Options) (*Result, error) {
	excl, err := compileExcludes(opts.Exclude)
	if err != nil {
		return nil, err
	}
	w := &walker{
		opts:    opts,
		exclude: excl,
		seen:    make(map[fileKey]bool),
	}
	for _, root := range roots {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := w.walkRoot(ctx, root); err != nil {
			return nil, err
		}
	}
	return w.result(), nil
}

func (w *walker) result() *Result {
	r := &w.res
	sort.SliceStable(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	sort.SliceStable(r.Skipped, func(i, j int) bool { return r.Skipped[i].Path < r.Skipped[j].Path })
	sort.SliceStable(r.Errors, func(i, j int) bool { return r.Errors[i].Path < r.Errors[j].Path })
	return r
}

// KindOf classifies a file by its name.
func KindOf(name string) Kind {
	switch strings.ToLower(path.Ext(name)) {
	case ".py", ".pyi":
		return Python
	}
	return Other
}

// CheckExclude reports whether pattern is a valid --exclude glob.
func CheckExclude(pattern string) error {
	_, err := compileExcludes([]string{pattern})
	return err
}

func errorf(p string, format string, args ...any) Error {
	return Error{Path: p, Err: fmt.Errorf(format, args...)}
}
