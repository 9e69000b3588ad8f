package cli

import (
	"context"
	"path"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/report"
	"github.com/kraitsec/krait/internal/secrets/history"
	"github.com/kraitsec/krait/internal/walk"
)

// historyRules are the engine rules that look for credentials, the ones
// `--history` runs over past versions of Python files beside the secrets analyzer.
var historyRules = map[string]bool{"KR301": true, "KR302": true, "KR303": true, "KR305": true, "KR603": true}

// scanHistory adds to res, for --history, the secrets that the commits of the git
// repository holding the project root added below it, except those the working-tree
// scan already reports (same fingerprint). It runs before the filters, so that
// --select, suppressions and the baseline apply to history findings too. A project
// outside a git repository, or a history that cannot be read, is reported as an
// error of the scan, not a failure.
func scanHistory(ctx context.Context, cfg *scanConfig, s *settings, res *scanResult) {
	if !cfg.history {
		return
	}
	check, wants := historyCheck(s)
	if check == nil {
		return
	}
	root := absDir(cfg.root)
	top, err := history.Root(root)
	if err != nil {
		res.errors = append(res.errors, report.FileError{Path: cfg.root, Kind: errKindAnalysis, Message: oneLine("--history: " + err.Error())})
		return
	}
	dir := ""
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	if realTop, err := filepath.EvalSymlinks(top); err == nil {
		top = realTop
	}
	if rel, err := filepath.Rel(top, root); err == nil && rel != "." && filepath.IsLocal(rel) {
		dir = filepath.ToSlash(rel)
	}
	opts := history.Options{
		Dir:         dir,
		MaxBlobSize: cfg.walk.MaxFileSize,
		Jobs:        cfg.jobs,
		Wants:       func(rel string) bool { return !excludedPath(rel, cfg.walk.Exclude) && wants(rel) },
		PathOf:      func(rel string) string { return filepath.Join(cfg.root, filepath.FromSlash(rel)) },
		Notice:      func(msg string) { res.notices = append(res.notices, msg) },
	}
	found, err := history.Scan(ctx, top, opts, check)
	if err != nil {
		res.errors = append(res.errors, report.FileError{Path: cfg.root, Kind: errKindAnalysis, Message: oneLine("--history: " + err.Error())})
		return
	}
	inTree := make(map[string]bool, len(res.findings))
	for _, f := range res.findings {
		inTree[f.Fingerprint] = true
	}
	for _, f := range found {
		if !inTree[f.Fingerprint] {
			res.findings = append(res.findings, f)
		}
	}
}

// historyCheck returns the check run on each file version of the history: the
// enabled credential rules of the engine on Python files, and the secrets
// analyzers on every file they want; and which files it wants. It returns nil
// when none of them is enabled.
func historyCheck(s *settings) (history.Check, func(rel string) bool) {
	var rules []*analysis.Rule
	for _, r := range s.engine.Rules() {
		if historyRules[r.Code] {
			rules = append(rules, r)
		}
	}
	var analyzers []analysis.FileAnalyzer
	for _, a := range s.fileAnalyzers {
		if rs := a.Rules(); len(rs) > 0 && rs[0].Analyzer == analysis.AnalyzerSecrets {
			analyzers = append(analyzers, a)
		}
	}
	if len(rules) == 0 && len(analyzers) == 0 {
		return nil, nil
	}
	wants := func(rel string) bool {
		python := isPythonPath(rel)
		if python && len(rules) > 0 {
			return true
		}
		for _, a := range analyzers {
			if a.Wants(rel, python) {
				return true
			}
		}
		return false
	}
	engine := analysis.NewEngine(rules)
	check := func(src *analysis.Source) []analysis.Finding {
		python := isPythonPath(src.Rel)
		var fs []analysis.Finding
		if python {
			if f, err := parser.Parse(src.Path, src.Data); err == nil {
				src.Python = f
				if len(rules) > 0 {
					// A rule's panic is already an error of the engine; history has
					// nowhere to put it, and the tree scan reports the same rules.
					found, _ := engine.Run(src.Rel, f, semantic.Build(f.Module, semantic.ModuleOptions(src.Rel, 0)))
					fs = append(fs, found...)
				}
			}
		}
		for _, a := range analyzers {
			if a.Wants(src.Rel, python) {
				found, _ := checkFile(a, src, s.enabled)
				fs = append(fs, found...)
			}
		}
		return dropSupersededSecrets(fs)
	}
	return check, wants
}

// excludedPath reports whether the working-tree scan would skip rel, a
// slash-separated path below the project root: a directory or file named in
// walk.DefaultExcludes (node_modules, .venv, site-packages…), or one that an
// --exclude or configured glob matches, by its path or its name, as walk matches
// them while it descends.
func excludedPath(rel string, globs []string) bool {
	defaults := walk.DefaultExcludes()
	for i := 0; i <= len(rel); i++ {
		if i < len(rel) && rel[i] != '/' {
			continue
		}
		prefix := rel[:i]
		name := path.Base(prefix)
		for _, p := range defaults {
			if ok, _ := doublestar.Match(p, name); ok {
				return true
			}
		}
		for _, g := range globs {
			g = strings.TrimSuffix(strings.TrimPrefix(g, "./"), "/")
			if ok, _ := doublestar.Match(g, prefix); ok {
				return true
			}
			if ok, _ := doublestar.Match(g, name); ok {
				return true
			}
		}
	}
	return false
}

// isPythonPath reports the files the scan parses as Python source.
func isPythonPath(rel string) bool {
	return strings.HasSuffix(rel, ".py") || strings.HasSuffix(rel, ".pyi")
}
