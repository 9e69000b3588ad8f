package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/config"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/report"
	"github.com/kraitsec/krait/internal/supplychain/risk"
	"github.com/kraitsec/krait/internal/walk"
)

// Kinds of report.FileError, as they appear in reports.
const (
	errKindSyntax   = "syntax"
	errKindRead     = "read"
	errKindInternal = "internal"
	// errKindEncoding is a source encoding that CPython decodes and krait cannot.
	errKindEncoding = "encoding"
	// errKindAnalysis is a file an analyzer could not read, such as a broken lock file.
	errKindAnalysis = "analysis"
)

// scanResult is everything a scan produced, in a deterministic order.
type scanResult struct {
	findings []analysis.Finding
	errors   []report.FileError
	skipped  []walk.Skip
	files    int // files analysed
	lines    int64
	bytes    int64
	elapsed  time.Duration
	cpu      time.Duration // user and system CPU time of the whole process
	phases   phaseTimes
	// fixed lists the baseline entries that no finding matched any more.
	fixed []config.Entry
	// notices are the analyzers' one-line messages for the user (stderr).
	notices []string
}

// phaseTimes are the time spent in each stage of the pipeline. The per-file stages
// are summed over the workers, so with several jobs they add up to more than the
// wall-clock time.
type phaseTimes struct {
	walk, parse, model, rules time.Duration
	// analyzers is the file analyzers' time; project the project analyzers'.
	analyzers, project time.Duration
}

func (p *phaseTimes) add(q phaseTimes) {
	p.walk += q.walk
	p.parse += q.parse
	p.model += q.model
	p.rules += q.rules
	p.analyzers += q.analyzers
	p.project += q.project
}

// outcome is what analysing one file gave.
type outcome struct {
	analysed bool
	lines    int64
	bytes    int64
	errs     []report.FileError
	skip     *walk.Skip
	findings []analysis.Finding
	phases   phaseTimes
	// source is the file kept for the project analyzers, if one of them wants it.
	source *analysis.Source
	// imports are the modules a Python file imports, when a project analyzer runs.
	imports []analysis.Import
}

// progressFunc is told each time a file is done; it must be safe for concurrent use.
type progressFunc func()

// scanJob is what every worker needs to analyse files.
type scanJob struct {
	engine *analysis.Engine
	// files are the analyzers that check files one at a time beside the engine;
	// projects run once after all files, on the files they asked for.
	files    []analysis.FileAnalyzer
	projects []analysis.ProjectAnalyzer
	enabled  func(code string) bool
	maxSize  int64
	// projectRoot is the absolute directory that fingerprints are relative to.
	projectRoot string
	// packages holds the directories (as walked) that contain an __init__.py, from which
	// module names are derived without touching the file system again.
	packages map[string]bool
}

// scanFiles walks cfg.paths and analyses the files on cfg.jobs workers: Python
// sources through the rule engine, and every file some analyzer wants through it;
// then it runs the project analyzers. start is called once the number of files to
// analyse is known.
func scanFiles(ctx context.Context, cfg *scanConfig, s *settings, start func(total int) progressFunc) (*scanResult, error) {
	began, cpu0 := time.Now(), cpuTime()
	found, err := walk.Walk(ctx, cfg.paths, cfg.walk)
	if err != nil {
		return nil, err
	}
	res := &scanResult{skipped: found.Skipped}
	for _, e := range found.Errors {
		res.errors = append(res.errors, report.FileError{Path: e.Path, Kind: errKindRead, Message: e.Err.Error()})
	}

	job := &scanJob{
		engine: s.engine, files: s.fileAnalyzers, projects: s.projectAnalyzers, enabled: s.enabled,
		maxSize: cfg.walk.MaxFileSize, projectRoot: absDir(cfg.root), packages: map[string]bool{},
	}
	// Files that no analyzer wants are not read at all.
	var files []walk.File
	for _, f := range found.Files {
		if f.Kind != walk.Python && !job.wantsOther(f.Rel) {
			continue
		}
		files = append(files, f)
		if base := filepath.Base(f.Path); base == "__init__.py" || base == "__init__.pyi" {
			job.packages[filepath.Dir(f.Path)] = true
		}
	}
	res.phases.walk = time.Since(began)
	done := start(len(files))
	outs := make([]outcome, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(cfg.jobs, max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				outs[i] = job.analyse(files[i])
				done()
			}
		}()
	}
feed:
	for i := range files {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	var sources []analysis.Source
	var imports []analysis.Import
	for _, o := range outs {
		if o.source != nil {
			sources = append(sources, *o.source)
		}
		imports = append(imports, o.imports...)
		res.phases.add(o.phases)
		res.errors = append(res.errors, o.errs...)
		switch {
		case o.analysed:
			res.files++
			res.lines += o.lines
			res.bytes += o.bytes
			res.findings = append(res.findings, o.findings...)
		case o.skip != nil:
			res.skipped = append(res.skipped, *o.skip)
		}
	}
	t0 := time.Now()
	if err := job.runProjects(ctx, res, sources, imports); err != nil {
		return nil, err
	}
	res.phases.project = time.Since(t0)
	// A package's supply-chain signals combine into one risk score, which each of its
	// KR8xx findings carries.
	paths := make([]string, len(found.Files))
	for i, f := range found.Files {
		paths[i] = f.Path
	}
	risk.Annotate(res.findings, risk.Roots(paths))
	sort.SliceStable(res.errors, func(i, j int) bool { return res.errors[i].Path < res.errors[j].Path })
	sort.SliceStable(res.skipped, func(i, j int) bool { return res.skipped[i].Path < res.skipped[j].Path })
	res.elapsed, res.cpu = time.Since(began), cpuTime()-cpu0
	return res, nil
}

// analyse reads, parses, models and checks one file. A panic outside the rules
// (which the engine isolates itself) becomes an error for this file alone: one bad
// file must not stop a scan.
func (j *scanJob) analyse(f walk.File) (o outcome) {
	defer func() {
		if r := recover(); r != nil {
			o = outcome{errs: []report.FileError{{Path: f.Path, Kind: errKindInternal, Message: oneLine(fmt.Sprintf("internal error: %v", r))}}}
		}
	}()
	t0 := time.Now()
	data, err := walk.ReadFile(f, j.maxSize)
	if err != nil {
		var se *walk.SkipError
		if errors.As(err, &se) {
			return outcome{skip: &walk.Skip{Path: f.Path, Reason: se.Reason}}
		}
		return outcome{errs: []report.FileError{{Path: f.Path, Kind: errKindRead, Message: unwrapPath(err).Error()}}}
	}
	src := &analysis.Source{Path: f.Path, Rel: j.fingerprintPath(f), Data: data}
	if f.Kind != walk.Python {
		o.phases.parse = time.Since(t0)
		o.analysed, o.lines, o.bytes = true, countLines(data), int64(len(data))
		j.checkSource(&o, src, false)
		return o
	}
	file, err := parser.Parse(f.Path, data)
	t1 := time.Now()
	o.phases.parse = t1.Sub(t0)
	if err != nil {
		o.errs = []report.FileError{*parseError(f.Path, err)}
		// The analyzers that read bytes still see a file that does not parse.
		j.checkSource(&o, src, true)
		return o
	}
	o.analysed, o.lines, o.bytes = true, countLines(data), int64(len(data))
	src.Python = file
	// The model serves the rules and the project analyzers' imports; the file
	// analyzers read the bytes and the parse only.
	if len(j.engine.Rules()) == 0 && len(j.projects) == 0 {
		j.checkSource(&o, src, true)
		return o
	}
	model := semantic.Build(file.Module, semantic.ModuleOptions(f.Rel, j.packageDepth(f)))
	t2 := time.Now()
	o.phases.model = t2.Sub(t1)
	if len(j.engine.Rules()) > 0 {
		findings, err := j.engine.Run(src.Rel, file, model)
		for i := range findings {
			findings[i].Path = f.Path
		}
		o.findings = findings
		o.errs = ruleErrors(f.Path, err)
	}
	o.phases.rules = time.Since(t2)
	if len(j.projects) > 0 {
		for _, im := range model.ImportedModules() {
			// A clone: the name may point into the source, which must not outlive the file.
			if im.Module != "" && !im.TypeChecking {
				o.imports = append(o.imports, analysis.Import{Module: strings.Clone(im.Module), Path: f.Path, Line: im.Pos.Lineno})
			}
		}
	}
	j.checkSource(&o, src, true)
	o.findings = dropSupersededSecrets(o.findings)
	return o
}

// wantsOther reports whether some analyzer wants a file that is not Python source.
func (j *scanJob) wantsOther(rel string) bool {
	for _, a := range j.files {
		if a.Wants(rel, false) {
			return true
		}
	}
	for _, a := range j.projects {
		if a.Wants(rel) {
			return true
		}
	}
	return false
}

// checkSource runs the file analyzers that want src and keeps it for the project
// analyzers that do. Each analyzer's panic is an error for this file alone.
func (j *scanJob) checkSource(o *outcome, src *analysis.Source, python bool) {
	t0 := time.Now()
	for _, a := range j.files {
		if !a.Wants(src.Rel, python) {
			continue
		}
		fs, err := checkFile(a, src, j.enabled)
		if err != nil {
			o.errs = append(o.errs, report.FileError{Path: src.Path, Kind: errKindInternal, Message: oneLine(err.Error())})
		}
		o.findings = append(o.findings, fs...)
	}
	o.phases.analyzers = time.Since(t0)
	for _, a := range j.projects {
		if a.Wants(src.Rel) {
			o.source = src
			break
		}
	}
}

// checkFile runs one file analyzer, turning a panic into an error.
func checkFile(a analysis.FileAnalyzer, src *analysis.Source, enabled func(string) bool) (fs []analysis.Finding, err error) {
	defer func() {
		if r := recover(); r != nil {
			fs, err = nil, fmt.Errorf("internal error in the %s analyzer: %v", analyzerName(a.Rules()), r)
		}
	}()
	return a.Check(src, enabled), nil
}

// runProjects runs the project analyzers over the files they asked for.
func (j *scanJob) runProjects(ctx context.Context, res *scanResult, sources []analysis.Source, imports []analysis.Import) error {
	if len(j.projects) == 0 {
		return nil
	}
	sort.SliceStable(sources, func(a, b int) bool { return sources[a].Path < sources[b].Path })
	base := analysis.NewProject(j.projectRoot, imports, j.enabled)
	seen, seenNotice := map[analysis.FileProblem]bool{}, map[string]bool{}
	for _, a := range j.projects {
		var files []analysis.Source
		for _, src := range sources {
			if a.Wants(src.Rel) {
				files = append(files, src)
			}
		}
		p := base.WithFiles(files)
		out, err := analyzeProject(ctx, a, p)
		if err != nil {
			return err
		}
		res.findings = append(res.findings, out.Findings...)
		for _, e := range out.Errors {
			// Analyzers that share the dependency inventory each report its problems.
			if k := (analysis.FileProblem{Path: e.Path, Line: e.Line, Message: oneLine(e.Message)}); !seen[k] {
				seen[k] = true
				res.errors = append(res.errors, report.FileError{Path: e.Path, Line: e.Line, Kind: errKindAnalysis, Message: k.Message})
			}
		}
		for _, n := range out.Notices {
			if !seenNotice[n] {
				seenNotice[n] = true
				res.notices = append(res.notices, n)
			}
		}
	}
	return nil
}

// analyzeProject runs one project analyzer, turning a panic into an error.
func analyzeProject(ctx context.Context, a analysis.ProjectAnalyzer, p *analysis.Project) (out *analysis.ProjectResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("internal error in the %s analyzer: %v", analyzerName(a.Rules()), r)
		}
	}()
	out, err = a.Analyze(ctx, p)
	if err == nil && out == nil {
		out = &analysis.ProjectResult{}
	}
	return out, err
}

// analyzerName names an analyzer in an error message by its rules' analyzer.
func analyzerName(rs []*analysis.Rule) string {
	for _, r := range rs {
		if r.Analyzer != "" {
			return r.Analyzer
		}
	}
	return "unnamed"
}

// packageDepth counts the directories directly above f, up to its scan root, that
// are packages (hold an __init__.py).
func (j *scanJob) packageDepth(f walk.File) int {
	n := 0
	dir := filepath.Dir(f.Path)
	for range strings.Count(f.Rel, "/") {
		if !j.packages[dir] {
			break
		}
		n++
		dir = filepath.Dir(dir)
	}
	return n
}

// fingerprintPath is the path hashed into f's fingerprints: relative to the project
// root (where the configuration lives), so that a baseline matches however and from
// wherever krait is run; the path below the scan root for files outside it.
func (j *scanJob) fingerprintPath(f walk.File) string {
	if j.projectRoot != "" {
		if abs, err := filepath.Abs(f.Path); err == nil {
			if rel, err := filepath.Rel(j.projectRoot, abs); err == nil && filepath.IsLocal(rel) {
				return filepath.ToSlash(rel)
			}
		}
	}
	return f.Rel
}

func absDir(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	return abs
}

// ruleErrors reports each rule that panicked on a file as an internal error there.
func ruleErrors(path string, err error) []report.FileError {
	if err == nil {
		return nil
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	out := make([]report.FileError, 0, len(errs))
	for _, e := range errs {
		fe := report.FileError{Path: path, Kind: errKindInternal, Message: oneLine(e.Error())}
		var re *analysis.RuleError
		if errors.As(e, &re) {
			fe.Line, fe.Column = re.Line, re.Column
		}
		out = append(out, fe)
	}
	return out
}

func parseError(path string, err error) *report.FileError {
	var se *parser.SyntaxError
	if errors.As(err, &se) {
		return &report.FileError{Path: path, Line: se.Line, Column: se.Col, Kind: errKindSyntax, Message: oneLine(se.Msg)}
	}
	var ue *parser.UnsupportedEncodingError
	if errors.As(err, &ue) {
		return &report.FileError{Path: path, Kind: errKindEncoding, Message: oneLine(ue.Error())}
	}
	return &report.FileError{Path: path, Kind: errKindInternal, Message: oneLine(err.Error())}
}

// countLines counts lines the way an editor does: a final line without a newline counts.
func countLines(data []byte) int64 {
	n := int64(bytes.Count(data, []byte{'\n'}))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// oneLine escapes line breaks and tabs so that a message stays on one output line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s)
}
