// Package pyproject reads pyproject.toml in every dialect that declares
// dependencies: PEP 621 [project], PEP 735 [dependency-groups], Poetry,
// PDM, uv and [build-system]. Besides the packages it exposes what the
// end-of-life and index checks need: requires-python, the classifiers and
// the package sources.
package pyproject

import (
	"context"
	"errors"
	"fmt"
	"path"
	"sort"

	"github.com/pelletier/go-toml/v2"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/pyproject/tomlpos"
)

// maxFileSize bounds a pyproject.toml; real ones are a few kilobytes.
const maxFileSize = 4 << 20

// Project is what one pyproject.toml declares.
type Project struct {
	// Name is the PEP 621 (or Poetry) project name, normalised; its own
	// self-references ("myproject[test]") are not packages.
	Name string
	// Packages are the declared dependencies in file order; Groups names the
	// extra, dependency group, Poetry/PDM group or "build-system".
	Packages []deps.Package
	// Python lists every statement of the supported interpreter versions:
	// project.requires-python, Poetry's python dependency, PDM's and uv's.
	Python []Value
	// Classifiers are the trove classifiers, each with its line.
	Classifiers []Value
	// Sources are the package indexes the tools are told to use.
	Sources []Source
}

// Value is a string from the file with where it was written.
type Value struct {
	// Key is the dotted key that holds it, e.g. "project.requires-python".
	Key string
	// Value is the string as written; Poetry constraints are converted to
	// PEP 440 where they can be (a union stays as written).
	Value string
	// Line is where the value is written (1-based).
	Line int
}

// Source is a package index named in the file.
type Source struct {
	// Tool is "poetry", "pdm" or "uv".
	Tool string
	// Name and URL are the index's name and address as written.
	Name string
	URL  string
	// Priority is the tool's word for how the index is used: Poetry's
	// priority ("primary", "supplemental", "explicit", or "default" and
	// "secondary" from the older keys), uv's "default" or "explicit"; "".
	Priority string
	// VerifySSL is false when PDM is told not to verify the index's TLS.
	VerifySSL bool
	// Line is where the index is declared.
	Line int
}

// Extractor reads pyproject.toml.
type Extractor struct{}

// Name names the format.
func (Extractor) Name() string { return "pyproject.toml" }

// Matches accepts files named pyproject.toml.
func (Extractor) Matches(p string) bool { return path.Base(p) == "pyproject.toml" }

// Extract returns the declared packages; see Parse.
func (e Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	p, err := Parse(ctx, f)
	if p == nil {
		return nil, err
	}
	return p.Packages, err
}

// Parse reads a pyproject.toml. A document that is not TOML is an error and
// gives no result; an entry that cannot be read (a bad requirement string, a
// value of the wrong type) is skipped and named in the error, which then
// comes with the rest of the result.
func Parse(ctx context.Context, f deps.File) (*Project, error) {
	if len(f.Content) > maxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", f.Path, maxFileSize)
	}
	idx, err := tomlpos.Build(f.Content)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	var doc map[string]any
	if err := toml.Unmarshal(f.Content, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	r := &reader{ctx: ctx, file: f.Path, idx: idx, doc: doc, res: &Project{}}
	for _, step := range []func(){r.project, r.dependencyGroups, r.buildSystem, r.poetry, r.pdm, r.uv} {
		if ctx.Err() != nil {
			return r.res, ctx.Err()
		}
		step()
	}
	// Tables decode without order; the file's order is the natural one.
	sort.SliceStable(r.res.Packages, func(i, j int) bool { return r.res.Packages[i].Line < r.res.Packages[j].Line })
	return r.res, errors.Join(r.errs...)
}
