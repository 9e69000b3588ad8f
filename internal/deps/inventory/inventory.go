// Package inventory builds a project's dependency inventory: it runs the extractor of
// every manifest and lock file the scan read and keeps, beside the packages, what
// each file says about indexes, interpreters and locking. The dependency analyzers
// (vulnerabilities, hygiene, typosquats) and `krait deps` all read it.
package inventory

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/conda"
	"github.com/kraitsec/krait/internal/deps/distinfo"
	"github.com/kraitsec/krait/internal/deps/pdmlock"
	"github.com/kraitsec/krait/internal/deps/pipfile"
	"github.com/kraitsec/krait/internal/deps/pipfilelock"
	"github.com/kraitsec/krait/internal/deps/poetrylock"
	"github.com/kraitsec/krait/internal/deps/pylock"
	"github.com/kraitsec/krait/internal/deps/pyproject"
	"github.com/kraitsec/krait/internal/deps/requirements"
	"github.com/kraitsec/krait/internal/deps/setupcfg"
	"github.com/kraitsec/krait/internal/deps/setuppy"
	"github.com/kraitsec/krait/internal/deps/uvlock"
)

// Formats, as File.Format names them: the extractors' names.
const (
	FormatRequirements = "requirements"
	FormatPyproject    = "pyproject.toml"
	FormatSetupPy      = "setup.py"
	FormatSetupCfg     = "setup.cfg"
	FormatPipfile      = "Pipfile"
	FormatConda        = "conda"
	FormatPoetryLock   = "poetry.lock"
	FormatPipfileLock  = "Pipfile.lock"
	FormatUVLock       = "uv.lock"
	FormatPDMLock      = "pdm.lock"
	FormatPylock       = "pylock.toml"
	FormatDistInfo     = "dist-info"
)

// maxInclude bounds a file read through a -r or -c include from outside the scan.
const maxInclude = 4 << 20

// File is one manifest or lock file and everything read from it. Exactly one of the
// format-specific fields is set, matching Format, except for the lock formats and
// dist-info, which have only Packages.
type File struct {
	// Path is the file as reported; Rel is relative to the project root.
	Path, Rel string
	// Format is the extractor's name (one of the Format constants).
	Format string
	// Lock is true for lock files, which pin a complete environment, and for
	// installed environments (dist-info), which are one.
	Lock bool
	// Packages are the file's packages; for requirements files, -r includes
	// followed. Constraints (-c files) are not in it.
	Packages []deps.Package
	// Data is the file's bytes, for checks that need its lines.
	Data []byte

	Requirements *requirements.Requirements
	Pyproject    *pyproject.Project
	Pipfile      *pipfile.Pipfile
	Conda        *conda.Environment
	SetupPy      *setuppy.Setup
	SetupCfg     *setupcfg.Config
}

// Inventory is the dependency inventory of a project.
type Inventory struct {
	// Files are the manifests and lock files, in path order.
	Files []File
	// Problems are files that could not be read in full; their readable part is
	// still in Files.
	Problems []analysis.FileProblem
}

// lockFormats are the formats that pin a whole environment.
var lockFormats = map[string]bool{
	FormatPoetryLock: true, FormatPipfileLock: true, FormatUVLock: true,
	FormatPDMLock: true, FormatPylock: true, FormatDistInfo: true,
}

// matchers decide from a path which format a file is in; Build supplies the
// requirements and conda extractors their include reader.
var matchers = []deps.Extractor{
	requirements.New(nil), pyproject.Extractor{}, setuppy.Extractor{}, setupcfg.Extractor{},
	pipfile.Extractor{}, conda.New(nil), poetrylock.Extractor{}, pipfilelock.Extractor{},
	uvlock.Extractor{}, pdmlock.Extractor{}, pylock.Extractor{}, distinfo.Extractor{},
}

// FormatOf returns the format of the file at rel (slash-separated), or "" when it
// is not a manifest or lock file krait reads.
func FormatOf(rel string) string {
	for _, m := range matchers {
		if m.Matches(rel) {
			return m.Name()
		}
	}
	return ""
}

// Wants reports whether the file at rel is a manifest or lock file. Every project
// analyzer that calls Of must want at least these files.
func Wants(rel string) bool { return FormatOf(rel) != "" }

// IsLock reports whether a format pins a whole environment.
func IsLock(format string) bool { return lockFormats[format] }

// key memoises the inventory per scan, for every analyzer that reads it.
var key = analysis.ProjectKey[*Inventory]{Compute: func(p *analysis.Project) *Inventory {
	return Build(context.Background(), p.Root, p.Files)
}}

// Of returns the inventory of p's manifest and lock files, built once per scan.
func Of(p *analysis.Project) *Inventory { return analysis.ProjectFact(p, &key) }

// Build reads the manifests and lock files among files. root (absolute, or "") is
// the project directory: a -r or -c include that names a file the scan did not read
// is read from disk only if it lies inside root.
func Build(ctx context.Context, root string, files []analysis.Source) *Inventory {
	inv := &Inventory{}
	byPath := make(map[string][]byte, len(files))
	for _, src := range files {
		byPath[path.Clean(filepath.ToSlash(src.Path))] = src.Data
	}
	read := includeReader(root, byPath)
	for _, src := range files {
		if err := ctx.Err(); err != nil {
			inv.Problems = append(inv.Problems, analysis.FileProblem{Path: src.Path, Message: err.Error()})
			break
		}
		format := FormatOf(src.Rel)
		if format == "" {
			continue
		}
		f := File{Path: src.Path, Rel: src.Rel, Format: format, Lock: lockFormats[format], Data: src.Data}
		err := f.extract(ctx, deps.File{Path: src.Path, Content: src.Data}, read)
		if err != nil {
			inv.Problems = append(inv.Problems, problem(src.Path, err))
		}
		inv.Files = append(inv.Files, f)
	}
	return inv
}

// extract runs the format's parser, keeping its whole result where it has one.
func (f *File) extract(ctx context.Context, df deps.File, read requirements.ReadFunc) error {
	var err error
	switch f.Format {
	case FormatRequirements:
		f.Requirements, err = requirements.New(read).ParseRequirements(ctx, df)
		if f.Requirements != nil {
			f.Packages = f.Requirements.Packages
		}
	case FormatPyproject:
		f.Pyproject, err = pyproject.Parse(ctx, df)
		if f.Pyproject != nil {
			f.Packages = f.Pyproject.Packages
		}
	case FormatSetupPy:
		f.SetupPy, err = setuppy.Parse(ctx, df)
		if f.SetupPy != nil {
			f.Packages = f.SetupPy.Packages
		}
	case FormatSetupCfg:
		f.SetupCfg, err = setupcfg.Parse(ctx, df)
		if f.SetupCfg != nil {
			f.Packages = f.SetupCfg.Packages
		}
	case FormatPipfile:
		f.Pipfile, err = pipfile.Parse(ctx, df)
		if f.Pipfile != nil {
			f.Packages = f.Pipfile.Packages
		}
	case FormatConda:
		f.Conda, err = conda.New(read).Parse(ctx, df)
		if f.Conda != nil {
			f.Packages = f.Conda.Packages
		}
	default:
		for _, m := range matchers {
			if m.Name() == f.Format {
				f.Packages, err = m.Extract(ctx, df)
				break
			}
		}
	}
	return err
}

// includeReader reads -r/-c includes: from the files the scan already read, else
// from disk when the file lies inside root (never through a symlink out of it).
func includeReader(root string, byPath map[string][]byte) requirements.ReadFunc {
	return func(p string) ([]byte, error) {
		if data, ok := byPath[path.Clean(p)]; ok {
			return data, nil
		}
		if root == "" {
			return nil, fmt.Errorf("%s: not part of the scan", p)
		}
		abs, err := filepath.Abs(filepath.FromSlash(p))
		if err != nil {
			return nil, err
		}
		real, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return nil, unwrapPathError(err)
		}
		realRoot, err := filepath.EvalSymlinks(root)
		if err != nil {
			return nil, err
		}
		if rel, err := filepath.Rel(realRoot, real); err != nil || !filepath.IsLocal(rel) {
			return nil, fmt.Errorf("%s: outside the project", p)
		}
		info, err := os.Stat(real)
		if err != nil {
			return nil, unwrapPathError(err)
		}
		if !info.Mode().IsRegular() || info.Size() > maxInclude {
			return nil, fmt.Errorf("%s: not a regular file of at most %d bytes", p, maxInclude)
		}
		return os.ReadFile(real)
	}
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// problem turns an extractor's error, which names the file and often the line
// ("path:12: ..."), into a FileProblem.
func problem(p string, err error) analysis.FileProblem {
	msg := err.Error()
	line := 0
	if rest, ok := strings.CutPrefix(msg, p+":"); ok {
		n := 0
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			n = n*10 + int(rest[i]-'0')
			i++
		}
		if i > 0 && i < len(rest) && rest[i] == ':' {
			line, msg = n, strings.TrimSpace(rest[i+1:])
		} else {
			msg = strings.TrimSpace(rest)
		}
	}
	return analysis.FileProblem{Path: p, Line: line, Message: msg}
}

// Packages returns every package of every file, in file order. A package reached
// both directly and through a -r include of another file appears once, with its
// own file and line.
func (inv *Inventory) Packages() []deps.Package {
	type at struct {
		file, name string
		line       int
	}
	seen := map[at]bool{}
	var out []deps.Package
	for _, f := range inv.Files {
		for _, p := range f.Packages {
			k := at{p.File, p.Name, p.Line}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// HasLock reports whether the project has a lock file (or is an installed
// environment).
func (inv *Inventory) HasLock() bool {
	for _, f := range inv.Files {
		if f.Lock {
			return true
		}
	}
	return false
}
