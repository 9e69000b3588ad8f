package typosquat

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/inventory"
	"github.com/kraitsec/krait/internal/supplychain/popular"
)

// Options configure the typosquat analyzer.
type Options struct {
	// DBDir is the DB directory that may hold a downloaded popular-packages
	// list; "" means the built-in list.
	DBDir string
}

// Analyzer reports the project's dependencies whose names imitate popular
// projects (rule KR802). It implements analysis.ProjectAnalyzer.
type Analyzer struct {
	opts Options

	once    sync.Once
	checker *Checker
	notice  string
}

// NewAnalyzer returns an analyzer that loads its popular list on first use.
func NewAnalyzer(o Options) *Analyzer { return &Analyzer{opts: o} }

// Rules lists KR802.
func (a *Analyzer) Rules() []*analysis.Rule { return Rules() }

// Wants accepts every manifest and lock file, since it reads the inventory.
func (a *Analyzer) Wants(rel string) bool { return inventory.Wants(rel) }

// load builds the checker once; a damaged downloaded list falls back to the
// built-in one, with a notice.
func (a *Analyzer) load() {
	l, err := popular.Load(a.opts.DBDir)
	if err != nil {
		a.notice = fmt.Sprintf("popular-packages list unusable (%v); typosquat checks use the built-in list", err)
		l = popular.Builtin()
	}
	a.checker = NewChecker(l, DefaultTargets)
}

// Analyze checks the name of every dependency resolved from an index.
func (a *Analyzer) Analyze(ctx context.Context, p *analysis.Project) (*analysis.ProjectResult, error) {
	res := &analysis.ProjectResult{}
	if p.Enabled != nil && !p.Enabled(TyposquatPackage.Code) {
		return res, nil
	}
	a.once.Do(a.load)
	if a.notice != "" {
		res.Notices = append(res.Notices, a.notice)
	}
	inv := inventory.Of(p)
	own := ownNames(inv)
	type verdict struct {
		target, how string
		ok          bool
	}
	seen := map[string]verdict{}
	for i := range inv.Files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f := &inv.Files[i]
		var fp analysis.Fingerprinter
		for _, pkg := range f.Packages {
			if pkg.Source != "" || own[pkg.Name] {
				continue
			}
			v, done := seen[pkg.Name]
			if !done {
				v.target, v.how, v.ok = a.checker.Check(pkg.Name)
				seen[pkg.Name] = v
			}
			if !v.ok {
				continue
			}
			if fd, ok := finding(f, pkg, v.target, v.how, &fp); ok {
				res.Findings = append(res.Findings, fd)
			}
		}
	}
	return res, nil
}

// finding reports pkg in f, unless its line suppresses KR802.
func finding(f *inventory.File, pkg deps.Package, target, how string, fp *analysis.Fingerprinter) (analysis.Finding, bool) {
	shown := pkg.RawName
	if shown == "" {
		shown = pkg.Name
	}
	msg := fmt.Sprintf("%s looks like a typosquat of %s (%s)", shown, target, how)
	line := lineText(f.Data, pkg.Line)
	col := strings.Index(line, shown) + 1 // 0, unknown, when not found
	fd := analysis.NewFinding(TyposquatPackage, f.Path, pkg.Line, col, msg)
	if col > 0 {
		fd.EndColumn = col + len(shown)
	}
	if analysis.LineSuppresses(line, TyposquatPackage) {
		return fd, false
	}
	fd.Snippet = strings.TrimSpace(line)
	fd.Package, fd.Imitates = pkg.Name, target
	fd.Version = pkg.Version
	if fd.Version == "" {
		fd.Version = pkg.Specifier
	}
	fd.Fingerprint = fp.Next(fd.Code, f.Rel, "", pkg.Name)
	return fd, true
}

// ownNames are the names the scanned project gives itself: a lock file lists
// the project as a package, and its name is not a typo.
func ownNames(inv *inventory.Inventory) map[string]bool {
	own := map[string]bool{}
	for _, f := range inv.Files {
		if f.Pyproject != nil && f.Pyproject.Name != "" {
			own[f.Pyproject.Name] = true
		}
	}
	return own
}

// lineText returns the 1-based line n of data, or "".
func lineText(data []byte, n int) string {
	if n <= 0 {
		return ""
	}
	for i := 1; len(data) > 0; i++ {
		line, rest, _ := bytes.Cut(data, []byte{'\n'})
		if i == n {
			return strings.TrimRight(string(line), "\r")
		}
		data = rest
	}
	return ""
}
