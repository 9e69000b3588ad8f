package cli

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/config"
	"github.com/kraitsec/krait/internal/deps/audit"
	"github.com/kraitsec/krait/internal/deps/distinfo"
	"github.com/kraitsec/krait/internal/report"
	"github.com/kraitsec/krait/internal/supplychain/risk"
	"github.com/kraitsec/krait/internal/vulndb"
)

// depsFormats lists the output formats of krait deps.
func depsFormats() []string { return []string{"table", "json", "cyclonedx"} }

// depsConfig is a validated krait deps request.
type depsConfig struct {
	scan *scanConfig
	// envs are virtual environments or site-packages directories whose installed
	// distributions are audited; scan.paths is empty when only those were given.
	envs   []string
	format string
}

func newDepsCmd(a *app) *cobra.Command {
	var format, output, db string
	var offline, noProgress bool
	var sitePackages []string
	var wf walkFlags
	cmd := &cobra.Command{
		Use:   "deps [PATH ...]",
		Short: "Dependency inventory with vulnerabilities",
		Long: "Deps lists every dependency that the manifests and lock files under each PATH\n" +
			"(default \".\") declare, with the known vulnerabilities of its version, whether the\n" +
			"scanned code imports it, and the version that fixes it. A PATH that is a virtual\n" +
			"environment (it holds pyvenv.cfg) or a site-packages directory, and each\n" +
			"--site-packages PATH, is audited for what is installed there instead.\n\n" +
			"Formats: table (one row per package and version, its files listed once), json\n" +
			"(one entry per declaration) and cyclonedx (a CycloneDX 1.6 SBOM with package URLs).\n\n" +
			"The code installed in an environment is also checked with the supply-chain rules\n" +
			"(KR8xx), and each distribution gets a 0-10 risk score with its evidence.\n\n" +
			"Exit status: 0 when no pinned or installed version is known to be vulnerable or\n" +
			"malicious, 1 when one is or installed code has a risk score of 7 or more (a range\n" +
			"that merely admits vulnerable versions does not count), 2 on a usage or tool error.",
		Example: "  krait deps\n  krait deps -f cyclonedx -o sbom.json .\n  krait deps .venv\n  krait deps --site-packages /usr/lib/python3/dist-packages",
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := checkFormat(cmd, format, depsFormats(), depsFormats())
			if err != nil {
				return err
			}
			walkOpts, jobs, err := wf.options(cmd)
			if err != nil {
				return err
			}
			if db == "" {
				db = defaultDBDir(a.getenv)
			}
			dc := &depsConfig{format: f, scan: &scanConfig{walk: walkOpts, jobs: jobs, output: output,
				offline: offline, db: db, noProgress: noProgress}}
			for _, p := range sitePackages {
				if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
					return usagef(cmd, "--site-packages %s: not a directory", p)
				}
				dc.envs = append(dc.envs, p)
			}
			for _, p := range args {
				if isEnvDir(p) {
					dc.envs = append(dc.envs, p)
				} else {
					dc.scan.paths = append(dc.scan.paths, p)
				}
			}
			if len(args) == 0 && len(dc.envs) == 0 {
				dc.scan.paths = []string{"."}
			}
			dc.scan.root = projectRoot(dc.scan.paths)
			if len(dc.scan.paths) == 0 {
				// The SBOM is then about the environment.
				dc.scan.root = dc.envs[0]
			}
			code, err := runDeps(cmd, a, dc, wf.exclude)
			a.code = code
			return err
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&format, "format", "f", "table", "output `FORMAT`: "+strings.Join(depsFormats(), "|"))
	fs.StringVarP(&output, "output", "o", "", "write to `FILE` instead of stdout")
	fs.BoolVar(&offline, "offline", false, "never use the network, not even to fetch a missing vulnerability database")
	fs.StringVar(&db, "db", "", "vulnerability database `DIR` (default $KRAIT_DB, else the user cache dir)")
	fs.StringArrayVar(&sitePackages, "site-packages", nil, "audit the distributions installed in this virtualenv or site-packages `PATH` (repeatable)")
	fs.BoolVar(&noProgress, "no-progress", false, "do not show a progress bar")
	wf.register(fs)
	return cmd
}

// isEnvDir reports whether p is a virtual environment or a site-packages
// directory, which the walk would skip and which hold installed distributions.
func isEnvDir(p string) bool {
	fi, err := os.Stat(p)
	if err != nil || !fi.IsDir() {
		return false
	}
	if _, err := os.Stat(filepath.Join(p, "pyvenv.cfg")); err == nil {
		return true
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	base := filepath.Base(abs)
	return base == "site-packages" || base == "dist-packages"
}

// depsResult is what krait deps found, ready for any output format.
type depsResult struct {
	report *audit.Report
	// errors are the files that could not be read, with the manifests and lock
	// files that could not be read in full.
	errors []report.FileError
	// imports are the scanned code's imports, which tell whether an installed
	// distribution is used.
	imports []analysis.Import
	// installed are the distributions read from environments, and risk their
	// supply-chain risk, both keyed by metadata path as reported.
	installed map[string]installedDist
	risk      map[string]*risk.Package
}

// runDeps audits the request's projects and environments and writes the result.
func runDeps(cmd *cobra.Command, a *app, dc *depsConfig, exclude []string) (int, error) {
	ctx := cmd.Context()
	cfg := dc.scan
	auditor := audit.New(audit.Options{DBDir: cfg.db, Offline: cfg.offline, Now: a.clock, Fetch: fetchDB(a, cfg.db)})
	res := &depsResult{report: &audit.Report{}}
	if len(cfg.paths) > 0 {
		if err := depsExcludes(cmd, a, cfg, exclude); err != nil {
			return ExitError, err
		}
		if err := auditProject(ctx, a, cfg, auditor, res); err != nil {
			return ExitError, err
		}
	}
	for _, env := range dc.envs {
		if err := auditEnv(ctx, env, auditor, res); err != nil {
			return ExitError, err
		}
	}
	if len(res.installed) > 0 {
		var err error
		if res.risk, err = scoreInstalled(ctx, a, cfg, res.installed); err != nil {
			return ExitError, err
		}
	}
	status := vulndb.Status(cfg.db, a.clock())
	var buf bytes.Buffer
	var err error
	switch dc.format {
	case "json":
		err = writeDepsJSON(&buf, res, status)
	case "cyclonedx":
		err = writeDepsSBOM(&buf, res, a.clock(), cfg.root)
	default:
		err = writeDepsTable(&buf, res, status)
	}
	if err != nil {
		return ExitError, err
	}
	if err := emit(a.stdout, cfg.output, buf.Bytes()); err != nil {
		return ExitError, err
	}
	for _, n := range res.report.Notices {
		fmt.Fprintf(a.stderr, "krait: %s\n", n)
	}
	if dc.format != "json" {
		for _, e := range res.errors {
			fmt.Fprintf(a.stderr, "krait: %s\n", fileErrorText(e))
		}
	}
	return depsExitCode(res), nil
}

// riskFails is the risk score from which installed code looks malicious enough to
// fail krait deps: the band of the malicious samples risk is tuned on.
const riskFails = 7.0

// depsExitCode is 1 when a pinned or installed version is known to be vulnerable
// or malicious, or installed code scores riskFails or more; 2 when nothing could
// be read and something failed.
func depsExitCode(res *depsResult) int {
	for _, d := range res.report.Packages {
		if len(d.Malicious) > 0 {
			return ExitFindings
		}
		if r := res.risk[d.File]; r != nil && r.Score >= riskFails {
			return ExitFindings
		}
		for _, v := range d.Vulns {
			if !v.Range {
				return ExitFindings
			}
		}
	}
	if len(res.report.Packages) == 0 && len(res.errors) > 0 {
		return ExitError
	}
	return ExitOK
}

func fileErrorText(e report.FileError) string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Message)
}

// depsExcludes adds the project configuration's excludes to the flags', as a scan
// does; the configuration's rule settings do not matter here.
func depsExcludes(cmd *cobra.Command, a *app, cfg *scanConfig, exclude []string) error {
	cat := catalog(a.registry())
	file, _, err := config.Load(cfg.root, cat)
	if err != nil {
		return err
	}
	eff, err := config.Merge(file, config.Overrides{Exclude: exclude}, cat)
	if err != nil {
		return usagef(cmd, "%v", err)
	}
	cfg.walk.Exclude = eff.Exclude
	return nil
}

// fetchDB downloads a missing vulnerability database on first use, with progress on
// a terminal.
func fetchDB(a *app, dir string) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		fmt.Fprintf(a.stderr, "krait: no vulnerability database yet; downloading it from %s (--offline skips this)\n", vulndb.DefaultURL)
		client := &http.Client{Transport: newDownloadProgress(a, http.DefaultTransport)}
		_, err := vulndb.Update(ctx, "", dir, client)
		return err
	}
}

// depsRecorder runs the audit inside the scan machinery, which reads every
// manifest once and gathers the imports of the Python files, and keeps the report
// instead of turning it into findings.
type depsRecorder struct {
	audit   *audit.Analyzer
	report  *audit.Report
	imports []analysis.Import
}

func (r *depsRecorder) Rules() []*analysis.Rule { return r.audit.Rules() }
func (r *depsRecorder) Wants(rel string) bool   { return r.audit.Wants(rel) }

func (r *depsRecorder) Analyze(ctx context.Context, p *analysis.Project) (*analysis.ProjectResult, error) {
	rep, err := r.audit.Audit(ctx, p)
	if err != nil {
		return nil, err
	}
	r.report, r.imports = rep, p.Imports
	return &analysis.ProjectResult{}, nil
}

// auditProject walks cfg.paths and audits the manifests and lock files found.
func auditProject(ctx context.Context, a *app, cfg *scanConfig, auditor *audit.Analyzer, res *depsResult) error {
	rec := &depsRecorder{audit: auditor}
	s := &settings{
		engine:           analysis.NewEngine(nil),
		enabled:          func(string) bool { return true },
		projectAnalyzers: []analysis.ProjectAnalyzer{rec},
	}
	prog := newProgress(a, !cfg.noProgress)
	out, err := scanFiles(ctx, cfg, s, prog.start)
	prog.finish()
	if err != nil {
		return err
	}
	for _, e := range out.errors {
		// A Python file that does not parse only hides its imports.
		if e.Kind == errKindRead {
			res.errors = append(res.errors, e)
		}
	}
	if rec.report != nil {
		res.imports = rec.imports
		mergeReport(res, rec.report)
	}
	return nil
}

// mergeReport adds one audit's report to the result.
func mergeReport(res *depsResult, rep *audit.Report) {
	r := res.report
	r.Packages = append(r.Packages, rep.Packages...)
	r.Checked = r.Checked || rep.Checked
	r.ImportsKnown = r.ImportsKnown || rep.ImportsKnown
	for _, n := range rep.Notices {
		if !slices.Contains(r.Notices, n) {
			r.Notices = append(r.Notices, n)
		}
	}
	for _, p := range rep.Problems {
		res.errors = append(res.errors, report.FileError{Path: p.Path, Line: p.Line, Kind: errKindAnalysis, Message: oneLine(p.Message)})
	}
}

// auditEnv audits the distributions installed in a virtual environment or
// site-packages directory, read through an os.Root so that no link leads out.
func auditEnv(ctx context.Context, env string, auditor *audit.Analyzer, res *depsResult) error {
	root, err := os.OpenRoot(env)
	if err != nil {
		res.errors = append(res.errors, report.FileError{Path: env, Kind: errKindRead, Message: unwrapPath(err).Error()})
		return nil
	}
	defer root.Close()
	fsys := root.FS()
	absEnv := absDir(env)
	envName := filepath.Base(absEnv)
	dists, err := distinfo.ReadEnv(ctx, fsys, ".")
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		res.errors = append(res.errors, report.FileError{Path: env, Kind: errKindAnalysis, Message: oneLine(err.Error())})
	}
	if len(dists) == 0 {
		res.report.Notices = append(res.report.Notices, fmt.Sprintf("no installed distribution found in %s", env))
		return nil
	}
	var sources []analysis.Source
	installed := map[string]distinfo.Dist{}
	if res.installed == nil {
		res.installed = map[string]installedDist{}
	}
	for _, d := range dists {
		meta := d.Package.File
		dir := path.Dir(meta)
		var record []byte
		for _, rel := range []string{meta, path.Join(dir, "RECORD"), path.Join(dir, "top_level.txt")} {
			data, err := fs.ReadFile(fsys, rel)
			if err != nil {
				continue
			}
			if path.Base(rel) == "RECORD" {
				record = data
			}
			// Rel starts at the environment's own name, so that the path still shows
			// a site-packages or dist-packages directory when env is one.
			sources = append(sources, analysis.Source{Path: filepath.Join(env, filepath.FromSlash(rel)), Rel: path.Join(envName, rel), Data: data})
		}
		reported := filepath.Join(env, filepath.FromSlash(meta))
		installed[reported] = d
		res.installed[reported] = newInstalledDist(env, d, record)
	}
	slices.SortFunc(sources, func(x, y analysis.Source) int { return strings.Compare(x.Path, y.Path) })
	p := analysis.NewProject(filepath.Dir(absEnv), res.imports, func(string) bool { return true }).WithFiles(sources)
	rep, err := auditor.Audit(ctx, p)
	if err != nil {
		return err
	}
	// What the installer recorded (REQUESTED, direct_url.json) is only in the
	// environment's view of each distribution.
	for i := range rep.Packages {
		if d, ok := installed[rep.Packages[i].File]; ok {
			pkg := &rep.Packages[i].Package
			pkg.Direct, pkg.Source, pkg.URL = d.Package.Direct, d.Package.Source, d.Package.URL
		}
	}
	mergeReport(res, rep)
	return nil
}
