package cli

import (
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps/distinfo"
	"github.com/kraitsec/krait/internal/supplychain/pth"
	"github.com/kraitsec/krait/internal/supplychain/risk"
)

// installedDist is what the risk score needs of one installed distribution: where
// its metadata is, and the top-level entries of site-packages it installed.
type installedDist struct {
	// site is the site-packages directory, as reported.
	site string
	// entries are the names directly in site that belong to the distribution
	// (packages, modules, .pth files), from its RECORD, else its import names.
	entries []string
}

// newInstalledDist locates a distribution whose metadata file is meta (a path in
// the environment env) and lists its entries from record, the RECORD file's bytes.
func newInstalledDist(env string, d distinfo.Dist, record []byte) installedDist {
	metaDir := path.Dir(d.Package.File)
	site := path.Dir(metaDir)
	if path.Base(metaDir) == "EGG-INFO" {
		// An .egg directory is its own root: its code sits beside EGG-INFO.
		site = path.Dir(site)
	}
	out := installedDist{site: filepath.Join(env, filepath.FromSlash(site))}
	if record != nil {
		out.entries = recordEntries(record)
	}
	if len(out.entries) == 0 {
		for _, name := range d.ImportNames {
			top, _, _ := strings.Cut(name, ".")
			out.entries = append(out.entries, top, top+".py")
		}
	}
	return out
}

// recordEntries returns the first path components of a RECORD's rows, the
// entries of site-packages the distribution installed; scripts outside it ("..")
// are left out.
func recordEntries(record []byte) []string {
	r := csv.NewReader(strings.NewReader(string(record)))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var out []string
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil || len(row) == 0 {
			continue
		}
		first, _, _ := strings.Cut(strings.ReplaceAll(row[0], `\`, "/"), "/")
		if first == "" || first == "." || first == ".." || slices.Contains(out, first) {
			continue
		}
		out = append(out, first)
	}
	return out
}

// scoreInstalled scans the code in the site-packages directories of dists with
// the supply-chain rules (the engine's and the .pth analyzer) and returns each
// distribution's risk, keyed like dists by metadata path as reported.
func scoreInstalled(ctx context.Context, a *app, cfg *scanConfig, dists map[string]installedDist) (map[string]*risk.Package, error) {
	var sites []string
	for _, d := range dists {
		if !slices.Contains(sites, d.site) {
			sites = append(sites, d.site)
		}
	}
	if len(sites) == 0 {
		return nil, nil
	}
	slices.Sort(sites)
	var engineRules []*analysis.Rule
	for _, cat := range a.registry() {
		if cat.Name != "supplychain" {
			continue
		}
		for _, r := range cat.Rules {
			if r.Analyzer == "" {
				engineRules = append(engineRules, r)
			}
		}
	}
	s := &settings{
		engine:        analysis.NewEngine(engineRules),
		enabled:       func(string) bool { return true },
		fileAnalyzers: []analysis.FileAnalyzer{pth.New()},
	}
	scan := &scanConfig{paths: sites, root: projectRoot(sites), walk: cfg.walk, jobs: cfg.jobs}
	prog := newProgress(a, !cfg.noProgress)
	res, err := scanFiles(ctx, scan, s, prog.start)
	prog.finish()
	if err != nil {
		return nil, err
	}
	rootOf := func(p string) string {
		for _, site := range sites {
			if rel, err := filepath.Rel(site, p); err == nil && filepath.IsLocal(rel) {
				first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
				return filepath.Join(site, first)
			}
		}
		return p
	}
	byRoot := map[string]*risk.Package{}
	scored := risk.ScoreBy(res.findings, rootOf)
	for i := range scored {
		byRoot[scored[i].Root] = &scored[i]
	}
	out := make(map[string]*risk.Package, len(dists))
	for meta, d := range dists {
		p := &risk.Package{Root: d.site}
		for _, e := range d.entries {
			q := byRoot[filepath.Join(d.site, e)]
			if q == nil {
				continue
			}
			if q.Score > p.Score {
				p.Score, p.Root, p.Combinations = q.Score, q.Root, q.Combinations
			}
			p.Evidence = append(p.Evidence, q.Evidence...)
		}
		slices.SortStableFunc(p.Evidence, func(x, y risk.Evidence) int {
			return cmp.Or(cmp.Compare(y.Severity, x.Severity), strings.Compare(x.Path, y.Path), cmp.Compare(x.Line, y.Line))
		})
		out[meta] = p
	}
	return out, nil
}
