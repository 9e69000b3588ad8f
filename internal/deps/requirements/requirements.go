// Package requirements reads pip requirements files of any name
// (requirements.txt, requirements/dev.in, constraints.txt …): PEP 508 lines,
// -r and -c includes, --hash, -e, URLs and VCS references, and the index
// options that the hygiene checks need.
package requirements

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
)

const (
	// maxFileSize bounds one requirements file; pip-compile output with
	// hashes for hundreds of packages stays far below it.
	maxFileSize = 8 << 20
	// maxIncludeDepth bounds -r/-c nesting.
	maxIncludeDepth = 16
	// maxFiles bounds how many files one top-level file may pull in.
	maxFiles = 256
)

// ReadFunc reads a file that a requirements file includes with -r or -c. The
// path is slash-separated, resolved against the including file's directory
// (or absolute, as written); the caller decides what may be read, so that an
// include cannot reach outside the scanned tree.
type ReadFunc func(path string) ([]byte, error)

// Extractor reads requirements files. Build it with New.
type Extractor struct {
	read ReadFunc
}

// New returns an extractor that follows includes through read; with a nil
// read, includes are recorded but not followed.
func New(read ReadFunc) *Extractor { return &Extractor{read: read} }

// Option is a global pip option found in a requirements file, such as
// --index-url or --trusted-host, where it was written.
type Option struct {
	// Name is the long spelling, e.g. "--extra-index-url" (also for -i).
	Name string
	// Value is the option's argument, as written; "" for a flag.
	Value string
	// File and Line locate the option; File is an included file's path
	// when the option came from one.
	File string
	Line int
}

// Include is a -r or -c reference to another file.
type Include struct {
	// Constraint is true for -c, false for -r.
	Constraint bool
	// Path is the resolved path handed to the ReadFunc (or the URL as written).
	Path string
	// File and Line locate the -r or -c line.
	File string
	Line int
	// Err says why the file was not read, if it was not: no reader, a URL, a
	// cycle, the depth limit or a read error.
	Err error
}

// Requirements is everything a requirements file and its includes declare.
type Requirements struct {
	// Packages are the requirements, -r includes followed.
	Packages []deps.Package
	// Constraints are the packages of -c files: pins, not dependencies.
	Constraints []deps.Package
	// Options are the global pip options, in the order read.
	Options []Option
	// Includes are the -r and -c lines, in the order read.
	Includes []Include
}

// Name names the format.
func (e *Extractor) Name() string { return "requirements" }

// Matches accepts requirements*.txt/.in, *-requirements.txt, constraints*.txt
// and any .txt or .in file in a requirements/ directory.
func (e *Extractor) Matches(p string) bool {
	base := strings.ToLower(path.Base(p))
	ext := path.Ext(base)
	if ext != ".txt" && ext != ".in" {
		return false
	}
	stem := strings.TrimSuffix(base, ext)
	if strings.Contains(stem, "requirements") || strings.HasPrefix(stem, "constraints") {
		return true
	}
	dir := strings.ToLower(path.Base(path.Dir(p)))
	return dir == "requirements" || dir == "reqs"
}

// Extract returns the packages the file requires, following -r includes. A
// line that cannot be read is skipped; the error then names each such line,
// and the packages of the other lines are returned with it.
func (e *Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	r, err := e.ParseRequirements(ctx, f)
	if r == nil {
		return nil, err
	}
	return r.Packages, err
}

// ParseRequirements reads the file and its includes. As with Extract, bad
// lines are skipped and reported in the error, and the result holds the rest.
func (e *Extractor) ParseRequirements(ctx context.Context, f deps.File) (*Requirements, error) {
	if len(f.Content) > maxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", f.Path, maxFileSize)
	}
	p := &parser{ctx: ctx, read: e.read, res: &Requirements{}, seen: map[string]bool{path.Clean(f.Path): true}}
	p.file(f.Path, f.Content, 0, false)
	return p.res, errors.Join(p.errs...)
}

// parser carries the state of one ParseRequirements call.
type parser struct {
	ctx   context.Context
	read  ReadFunc
	res   *Requirements
	seen  map[string]bool
	files int
	errs  []error
}

func (p *parser) file(name string, content []byte, depth int, constraint bool) {
	for _, l := range logicalLines(string(content)) {
		if err := p.ctx.Err(); err != nil {
			p.errs = append(p.errs, err)
			return
		}
		if strings.HasPrefix(l.text, "-") {
			p.options(name, l, depth, constraint)
			continue
		}
		pkg, err := parseLine(l.text, name, l.line)
		p.add(pkg, err, constraint)
	}
}

// add keeps a package read from a line, or the line's error. A local
// directory or archive without a name (".", "./src") has nothing to match
// against an index and is left out.
func (p *parser) add(pkg deps.Package, err error, constraint bool) {
	switch {
	case err != nil:
		p.errs = append(p.errs, err)
	case pkg.Name == "":
	case constraint:
		p.res.Constraints = append(p.res.Constraints, pkg)
	default:
		p.res.Packages = append(p.res.Packages, pkg)
	}
}

// options handles a line that starts with an option.
func (p *parser) options(name string, l logicalLine, depth int, constraint bool) {
	opts := parseOptions(strings.Fields(l.text))
	first := opts[0]
	switch first.name {
	case "--requirement", "--constraint":
		p.include(name, l.line, first.value, depth, constraint || first.name == "--constraint")
		return
	case "--editable":
		pkg, err := ParseLine(l.text, name, l.line)
		p.add(pkg, err, constraint)
		return
	}
	for _, o := range opts {
		p.res.Options = append(p.res.Options, Option{Name: o.name, Value: o.value, File: name, Line: l.line})
	}
}

// include follows -r or -c.
func (p *parser) include(from string, line int, target string, depth int, constraint bool) {
	inc := Include{Constraint: constraint, Path: target, File: from, Line: line}
	// Recorded in source order; the fields are final once the include is read.
	idx := len(p.res.Includes)
	p.res.Includes = append(p.res.Includes, inc)
	defer func() { p.res.Includes[idx] = inc }()
	if target == "" {
		inc.Err = fmt.Errorf("%s:%d: include names no file", from, line)
		p.errs = append(p.errs, inc.Err)
		return
	}
	if strings.Contains(target, "://") {
		inc.Err = errors.New("a remote include is not fetched")
		return
	}
	if !path.IsAbs(target) {
		inc.Path = path.Join(path.Dir(from), target)
	}
	inc.Path = path.Clean(inc.Path)
	switch {
	case p.read == nil:
		inc.Err = errors.New("includes are not followed")
	case p.seen[inc.Path]:
		inc.Err = errors.New("already read (a cycle or a repeated include)")
	case depth+1 > maxIncludeDepth:
		inc.Err = fmt.Errorf("nested deeper than %d", maxIncludeDepth)
	case p.files >= maxFiles:
		inc.Err = fmt.Errorf("more than %d included files", maxFiles)
	}
	if inc.Err != nil {
		return
	}
	p.seen[inc.Path] = true
	p.files++
	data, err := p.read(inc.Path)
	if err == nil && len(data) > maxFileSize {
		err = fmt.Errorf("larger than %d bytes", maxFileSize)
	}
	if err != nil {
		inc.Err = err
		p.errs = append(p.errs, fmt.Errorf("%s:%d: include %s: %w", from, line, inc.Path, err))
		return
	}
	p.file(inc.Path, data, depth+1, constraint)
}
