package cli

import (
	"bytes"
	"context"
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/config"
	"github.com/kraitsec/krait/internal/report"
	"github.com/kraitsec/krait/internal/rules"
)

// settings are a scan request merged with the project's configuration file.
type settings struct {
	eff      *config.Effective
	baseline *config.Baseline
	engine   *analysis.Engine
	// rules are all the enabled rules, the engine's and the analyzers'.
	rules            []*analysis.Rule
	enabled          func(code string) bool
	fileAnalyzers    []analysis.FileAnalyzer
	projectAnalyzers []analysis.ProjectAnalyzer
}

// loadSettings reads the configuration in cfg.root, merges the flags over it, and
// builds the engine with the rules that are enabled.
func loadSettings(cmd *cobra.Command, a *app, cfg *scanConfig) (*settings, error) {
	cats := a.registry()
	cat := catalog(cats)
	file, _, err := config.Load(cfg.root, cat)
	if err != nil {
		return nil, err
	}
	eff, err := config.Merge(file, cfg.overrides, cat)
	if err != nil {
		return nil, usagef(cmd, "%v", err)
	}
	cfg.walk.Exclude = eff.Exclude
	s := &settings{eff: eff}
	if eff.Baseline != "" {
		if s.baseline, err = config.LoadBaseline(eff.Baseline); err != nil {
			return nil, err
		}
	}
	var engineRules []*analysis.Rule
	on := map[string]bool{}
	for _, r := range rules.Flatten(cats) {
		if !eff.Enabled(r) {
			continue
		}
		s.rules = append(s.rules, r)
		on[r.Code] = true
		if r.Analyzer == "" {
			engineRules = append(engineRules, r)
		}
	}
	s.enabled = func(code string) bool { return on[code] }
	s.engine = analysis.NewEngine(engineRules)
	cfg.fetch = fetchDB(a, cfg.db)
	files, projects, err := a.analyzers(cfg)
	if err != nil {
		return nil, err
	}
	// An analyzer none of whose rules is enabled is not run at all.
	for _, fa := range files {
		if anyEnabled(fa.Rules(), on) {
			s.fileAnalyzers = append(s.fileAnalyzers, fa)
		}
	}
	for _, pa := range projects {
		if anyEnabled(pa.Rules(), on) {
			s.projectAnalyzers = append(s.projectAnalyzers, pa)
		}
	}
	return s, nil
}

func anyEnabled(rs []*analysis.Rule, on map[string]bool) bool {
	for _, r := range rs {
		if on[r.Code] {
			return true
		}
	}
	return false
}

// catalog tells the configuration which rule codes and categories exist.
func catalog(cats []rules.Category) config.Catalog {
	c := config.Catalog{Categories: make(map[string][]string, len(cats))}
	for _, cat := range cats {
		codes := make([]string, len(cat.Rules))
		for i, r := range cat.Rules {
			codes[i] = r.Code
		}
		c.Codes = append(c.Codes, codes...)
		c.Categories[cat.Name] = codes
	}
	return c
}

// scan runs the whole pipeline short of reporting: walk, analyse, filter, order.
func scan(ctx context.Context, a *app, cfg *scanConfig, s *settings) (*scanResult, error) {
	defer tuneGC(a.getenv)()
	unpacked, archiveErrs, cleanup := unpackArchives(ctx, cfg)
	defer cleanup()
	prog := newProgress(a, !cfg.noProgress && !cfg.quiet)
	res, err := scanFiles(ctx, cfg, s, prog.start)
	prog.finish()
	if err != nil {
		return nil, err
	}
	res.errors = append(res.errors, archiveErrs...)
	relabelArchives(res, unpacked)
	sort.SliceStable(res.errors, func(i, j int) bool { return res.errors[i].Path < res.errors[j].Path })
	scanHistory(ctx, cfg, s, res)
	redactAcross(res.findings)
	kept := res.findings[:0]
	for _, f := range res.findings {
		// Analyzers may report rules that are switched off; the engine never does.
		if s.enabled(f.Code) && s.eff.Keep(f) {
			kept = append(kept, f)
		}
	}
	res.findings = kept
	sort.SliceStable(res.findings, func(i, j int) bool { return analysis.FindingLess(&res.findings[i], &res.findings[j]) })
	return res, nil
}

// runScan performs a validated scan request and returns the exit code.
func runScan(cmd *cobra.Command, a *app, cfg *scanConfig) (int, error) {
	s, err := loadSettings(cmd, a, cfg)
	if err != nil {
		return ExitError, err
	}
	res, err := scan(cmd.Context(), a, cfg, s)
	if err != nil {
		return ExitError, err
	}
	if s.baseline != nil {
		res.findings, res.fixed = s.baseline.Filter(res.findings)
	}

	result := &report.Result{
		Version:  version(),
		Findings: res.findings,
		Errors:   res.errors,
		Stats:    &report.Stats{Files: res.files, Lines: res.lines, Bytes: res.bytes, Skipped: skippedByReason(res)},
		Rules:    s.rules,
		Root:     cfg.root,
	}
	if cfg.stats {
		result.Stats.Measured = measure(res)
	}
	colour := cfg.format == "text" && cfg.output == "" && isTerminal(a.stdout) && a.getenv("NO_COLOR") == "" && a.getenv("TERM") != "dumb"
	rep, err := report.New(cfg.format, report.Options{Color: colour, Quiet: cfg.quiet})
	if err != nil {
		return ExitError, err
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, result); err != nil {
		return ExitError, err
	}
	if err := emit(a.stdout, cfg.output, buf.Bytes()); err != nil {
		return ExitError, err
	}
	if cfg.stats {
		writeStats(a.stderr, res, result.Stats.Measured, cfg.format == "text")
	}
	if !cfg.quiet {
		for _, n := range res.notices {
			fmt.Fprintf(a.stderr, "krait: %s\n", n)
		}
	}
	if n := len(res.fixed); n > 0 && !cfg.quiet {
		entries := "1 baseline entry matches"
		if n > 1 {
			entries = fmt.Sprintf("%d baseline entries match", n)
		}
		fmt.Fprintf(a.stderr, "krait: %s no finding any more (fixed); 'krait baseline' rewrites the file\n", entries)
	}
	return exitCode(res, s.eff), nil
}

// exitCode applies the contract: findings at or above --fail-on give 1; otherwise a
// scan that could analyse nothing but hit errors gives 2.
func exitCode(res *scanResult, eff *config.Effective) int {
	for _, f := range res.findings {
		if eff.Fails(f) {
			return ExitFindings
		}
	}
	if res.files == 0 && len(res.errors) > 0 {
		return ExitError
	}
	return ExitOK
}
