// Package audit matches a project's dependencies against the vulnerability
// database: known vulnerabilities of pinned versions (KR701), version ranges
// that admit vulnerable versions (KR702) and known-malicious packages (KR801),
// each said to be imported by the scanned code or not. It is the scan's
// dependency ProjectAnalyzer and the data behind `krait deps`.
package audit

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps/inventory"
	"github.com/kraitsec/krait/internal/vulndb"
)

// Options configure an Analyzer.
type Options struct {
	// DBDir is the vulnerability database directory; "" means
	// vulndb.DefaultDir().
	DBDir string
	// Offline forbids the first-scan download of a missing database.
	Offline bool
	// Now is the clock for the database's age; nil means time.Now.
	Now func() time.Time
	// Fetch, if set, downloads the database into DBDir. It is called at most
	// once per Analyzer, when there is no database at all, Offline is false and
	// there are packages to check; its failure is a notice, not an error.
	Fetch func(ctx context.Context) error
	// MaxAge is the age past which the database is reported stale; 0 means
	// vulndb.DefaultMaxAge.
	MaxAge time.Duration
}

// Analyzer is the dependency audit. It is safe for concurrent use.
type Analyzer struct {
	opts Options

	mu      sync.Mutex
	fetched bool
}

// New returns the dependency audit configured by opts.
func New(opts Options) *Analyzer {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.MaxAge == 0 {
		opts.MaxAge = vulndb.DefaultMaxAge
	}
	return &Analyzer{opts: opts}
}

// Rules lists the rules the audit reports.
func (a *Analyzer) Rules() []*analysis.Rule {
	return []*analysis.Rule{VulnerableDependency, VulnerableRange, MaliciousPackage}
}

// Wants accepts every manifest and lock file, and the top_level.txt and RECORD
// of installed distributions, which name the modules they provide.
func (a *Analyzer) Wants(rel string) bool {
	return inventory.Wants(rel) || sidecarDir(rel) != ""
}

// Analyze audits the project and reports its findings.
func (a *Analyzer) Analyze(ctx context.Context, p *analysis.Project) (*analysis.ProjectResult, error) {
	rep, err := a.Audit(ctx, p)
	if err != nil {
		return nil, err
	}
	return &analysis.ProjectResult{
		Findings: findings(rep, p),
		Errors:   rep.Problems,
		Notices:  rep.Notices,
	}, nil
}

// Audit builds the audited inventory of p: every package with the advisories
// that concern it and the code that imports it. A missing, damaged or stale
// database is a notice in the report, not an error; only a cancelled context
// is.
func (a *Analyzer) Audit(ctx context.Context, p *analysis.Project) (*Report, error) {
	inv := inventory.Of(p)
	rep := &Report{
		Problems:     slices.Clone(inv.Problems),
		ImportsKnown: len(p.Imports) > 0,
	}
	pkgs := inv.Packages()
	idx := newImportIndex(p.Imports)
	installed := installedImportNames(p.Files)
	rep.Packages = make([]Dependency, len(pkgs))
	checkable := 0
	for i, pkg := range pkgs {
		d := Dependency{Package: pkg}
		d.ImportNames = installed[path.Dir(filepath.ToSlash(pkg.File))]
		if len(d.ImportNames) == 0 {
			d.ImportNames = ImportNames(pkg.Name)
		}
		d.Imported = idx.find(d.ImportNames)
		if rep.ImportsKnown {
			d.Reachability = ReachNotImported
			if len(d.Imported) > 0 {
				d.Reachability = ReachImported
			}
		}
		if checked(&d) {
			checkable++
		}
		rep.Packages[i] = d
	}
	if checkable == 0 {
		return rep, nil
	}
	db := a.open(ctx, rep)
	if err := ctx.Err(); err != nil {
		if db != nil {
			db.Close()
		}
		return nil, err
	}
	if db == nil {
		return rep, nil
	}
	defer db.Close()
	rep.Checked = true
	locked := lockPins(inv)
	cache := map[string][]vulndb.Advisory{}
	failed := map[string]bool{}
	for i := range rep.Packages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := &rep.Packages[i]
		if !checked(d) || failed[d.Name] {
			continue
		}
		advs, ok := cache[d.Name]
		if !ok {
			var err error
			advs, err = db.Lookup(d.Name)
			if err != nil {
				failed[d.Name] = true
				msg := strings.TrimPrefix(err.Error(), db.Path()+": ")
				rep.Problems = append(rep.Problems, analysis.FileProblem{Path: db.Path(), Message: msg})
				continue
			}
			cache[d.Name] = advs
		}
		match(d, advs, locked[pinKey{dirOf(d.File), d.Name}])
	}
	return rep, nil
}

// Reachability values, as in Dependency.Reachability and Finding.Imported.
const (
	ReachImported    = "imported"
	ReachNotImported = "not-imported"
)

// checked reports whether a package is matched at all: a local path or an
// editable install is the project's own code, whatever its name, and a conda
// package's name and version are conda's, not PyPI's.
func checked(d *Dependency) bool {
	switch d.Source {
	case "path", "editable", "conda":
		return false
	}
	return d.Name != ""
}

// open opens the database, downloading it first when allowed, and records its
// state (and any notice) in rep. It returns nil when there is no usable
// database.
func (a *Analyzer) open(ctx context.Context, rep *Report) *vulndb.DB {
	dir := a.opts.DBDir
	if dir == "" {
		var err error
		if dir, err = vulndb.DefaultDir(); err != nil {
			rep.Notices = append(rep.Notices, fmt.Sprintf("no vulnerability database directory (%v); use --db DIR; dependency vulnerabilities were not checked", err))
			return nil
		}
	}
	rep.DB = vulndb.DBStatus{Path: filepath.Join(dir, vulndb.FileName)}
	db, err := vulndb.Open(dir)
	if errors.Is(err, vulndb.ErrNoDB) && a.claimFetch() {
		if ferr := a.opts.Fetch(ctx); ferr != nil {
			if ctx.Err() != nil {
				return nil
			}
			rep.Notices = append(rep.Notices, fmt.Sprintf("could not download the vulnerability database: %v", ferr))
		} else {
			db, err = vulndb.Open(dir)
		}
	}
	switch {
	case errors.Is(err, vulndb.ErrNoDB):
		rep.Notices = append(rep.Notices, NoDBNotice)
		return nil
	case err != nil:
		rep.DB.Present, rep.DB.Err = true, err
		rep.Notices = append(rep.Notices, fmt.Sprintf("vulnerability database unusable (%v); run 'krait db update'; dependency vulnerabilities were not checked", err))
		return nil
	}
	rep.DB.Present = true
	rep.DB.Meta = db.Meta()
	if st, err := os.Stat(db.Path()); err == nil {
		rep.DB.Size = st.Size()
	}
	rep.DB.Age = a.opts.Now().Sub(rep.DB.Meta.ImportedAt)
	if rep.DB.Age > a.opts.MaxAge {
		rep.Notices = append(rep.Notices, fmt.Sprintf("the vulnerability database is %d days old; run 'krait db update'", int(rep.DB.Age/(24*time.Hour))))
	}
	return db
}

// NoDBNotice is the notice of a scan that found no vulnerability database.
const NoDBNotice = "no vulnerability database; run 'krait db update' (or 'krait db import FILE'); dependency vulnerabilities were not checked"

// claimFetch reports whether this call may run Fetch: once per Analyzer.
func (a *Analyzer) claimFetch() bool {
	if a.opts.Offline || a.opts.Fetch == nil {
		return false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.fetched {
		return false
	}
	a.fetched = true
	return true
}

// pinKey is a package name in a directory.
type pinKey struct{ dir, name string }

// lockPins returns the packages each lock file pins, by the lock's directory:
// a range in a manifest beside the lock is what the lock resolved, and the
// lock's own entry is checked instead.
func lockPins(inv *inventory.Inventory) map[pinKey]bool {
	out := map[pinKey]bool{}
	for _, f := range inv.Files {
		if !f.Lock || f.Format == inventory.FormatDistInfo {
			continue
		}
		for _, p := range f.Packages {
			if p.Version != "" {
				out[pinKey{dirOf(f.Path), p.Name}] = true
			}
		}
	}
	return out
}

func dirOf(p string) string { return path.Dir(filepath.ToSlash(p)) }
