package cli

import (
	"context"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kraitsec/krait/internal/config"
	"github.com/kraitsec/krait/internal/report"
	"github.com/kraitsec/krait/internal/walk"
)

// scanFormats lists every --format value of the contract.
func scanFormats() []string { return report.Formats() }

// scanFlags holds the raw flag values; validate turns them into a scanConfig.
type scanFlags struct {
	format, output             string
	selects, ignores           []string
	minSeverity, minConfidence string
	failOn, baseline           string
	offline, noProgress, quiet bool
	stats                      bool
	history                    bool
	db                         string
	walk                       walkFlags
}

// walkFlags are the file-selection flags shared by scan, baseline and deps.
type walkFlags struct {
	exclude     []string
	jobs        int
	maxFileSize string
}

func (w *walkFlags) register(fs *pflag.FlagSet) {
	fs.StringArrayVar(&w.exclude, "exclude", nil, "skip paths matching `GLOB` (repeatable; in addition to .gitignore and the default excludes)")
	fs.IntVarP(&w.jobs, "jobs", "j", runtime.NumCPU(), "analyse `N` files in parallel")
	fs.StringVar(&w.maxFileSize, "max-file-size", "10MiB", "skip files larger than `SIZE` (bytes, or with a KiB/MiB/GiB suffix)")
}

func (w *walkFlags) options(cmd *cobra.Command) (walk.Options, int, error) {
	if w.jobs < 1 {
		return walk.Options{}, 0, usagef(cmd, "--jobs must be at least 1, got %d", w.jobs)
	}
	for _, g := range w.exclude {
		if err := walk.CheckExclude(g); err != nil {
			return walk.Options{}, 0, usagef(cmd, "--exclude: %v", err)
		}
	}
	size, err := parseSize(w.maxFileSize)
	if err != nil {
		return walk.Options{}, 0, usagef(cmd, "--max-file-size: %v", err)
	}
	return walk.Options{Exclude: w.exclude, MaxFileSize: size}, w.jobs, nil
}

// scanConfig is a validated scan request. Rule selection, levels and the baseline
// are settled later, once the configuration file has been read (see runScan).
type scanConfig struct {
	paths  []string
	format string
	output string
	// root is the project directory: where krait.toml or pyproject.toml is looked
	// for, and what fingerprints and per-file ignores are relative to.
	root      string
	overrides config.Overrides
	walk      walk.Options
	jobs      int
	offline   bool
	db        string
	// fetch downloads a missing vulnerability database (the first scan's fetch);
	// loadSettings sets it.
	fetch      func(ctx context.Context) error
	noProgress bool
	quiet      bool
	stats      bool
	// history adds the secrets found in the git history (--history).
	history bool
}

func newScanCmd(a *app) *cobra.Command {
	f := &scanFlags{}
	cmd := &cobra.Command{
		Use:   "scan [PATH ...]",
		Short: "Scan Python projects for security problems",
		Long: "Scan walks each PATH (default \".\"), honouring .gitignore files, the default\n" +
			"excludes and --exclude, parses every .py and .pyi file once, and reports\n" +
			"findings and the files that could not be analysed.\n\n" +
			"Exit status: 0 when no finding is at or above --fail-on, 1 when one is,\n" +
			"2 on a usage or tool error, or when no file at all could be analysed.",
		Example: "  krait scan .\n  krait scan -f json -o report.json src tests\n  krait scan --exclude 'tests/**' --fail-on high",
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := f.validate(cmd, args, a.getenv)
			if err != nil {
				return err
			}
			code, err := runScan(cmd, a, cfg)
			a.code = code
			return err
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&f.format, "format", "f", "text", "output `FORMAT`: "+strings.Join(scanFormats(), "|"))
	fs.StringVarP(&f.output, "output", "o", "", "write the report to `FILE` instead of stdout")
	fs.StringSliceVar(&f.selects, "select", nil, "run only these rules: codes, code prefixes (KR1) or categories (injection); comma-separated `LIST`")
	fs.StringSliceVar(&f.ignores, "ignore", nil, "do not run these rules: codes, code prefixes or categories; comma-separated `LIST`")
	fs.StringVar(&f.minSeverity, "min-severity", "low", "report findings of at least this `SEVERITY`: low|medium|high|critical")
	fs.StringVar(&f.minConfidence, "min-confidence", "low", "report findings of at least this `CONFIDENCE`: low|medium|high")
	fs.StringVar(&f.failOn, "fail-on", "low", "exit 1 on a finding at or above `SEVERITY`: low|medium|high|critical|never")
	fs.StringVar(&f.baseline, "baseline", "", "report only findings absent from the baseline `FILE`")
	fs.BoolVar(&f.offline, "offline", false, "never use the network, not even to fetch a missing vulnerability database")
	fs.StringVar(&f.db, "db", "", "vulnerability database `DIR` (default $KRAIT_DB, else the user cache dir)")
	fs.BoolVar(&f.noProgress, "no-progress", false, "do not show a progress bar")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print only findings and errors: no progress, no summary")
	fs.BoolVar(&f.stats, "stats", false, "report files, lines, bytes, time, throughput and peak memory")
	fs.BoolVar(&f.history, "history", false, "also look for secrets in the lines every git commit added, including ones removed since")
	f.walk.register(fs)
	return cmd
}

func (f *scanFlags) validate(cmd *cobra.Command, args []string, getenv func(string) string) (*scanConfig, error) {
	cfg := &scanConfig{
		paths:      args,
		output:     f.output,
		offline:    f.offline,
		noProgress: f.noProgress,
		quiet:      f.quiet,
		stats:      f.stats,
		history:    f.history,
	}
	if len(cfg.paths) == 0 {
		cfg.paths = []string{"."}
	}
	cfg.root = projectRoot(cfg.paths)
	var err error
	if cfg.format, err = checkFormat(cmd, f.format, scanFormats(), scanFormats()); err != nil {
		return nil, err
	}
	// Only the flags that were given override the configuration file.
	fs := cmd.Flags()
	ov := config.Overrides{Select: f.selects, Ignore: f.ignores, Exclude: f.walk.exclude}
	if fs.Changed("min-severity") {
		ov.MinSeverity = f.minSeverity
	}
	if fs.Changed("min-confidence") {
		ov.MinConfidence = f.minConfidence
	}
	if fs.Changed("fail-on") {
		ov.FailOn = f.failOn
	}
	if f.baseline != "" {
		// Checked now so that a typo fails fast rather than silently reporting everything.
		if _, err := os.Stat(f.baseline); err != nil {
			return nil, usagef(cmd, "--baseline: %v", err)
		}
		ov.Baseline = f.baseline
	}
	cfg.overrides = ov
	if cfg.walk, cfg.jobs, err = f.walk.options(cmd); err != nil {
		return nil, err
	}
	cfg.db = f.db
	if cfg.db == "" {
		cfg.db = defaultDBDir(getenv)
	}
	return cfg, nil
}

// projectRoot is the directory whose configuration a scan uses: the one directory
// given, else the current directory (for several paths, or a file).
func projectRoot(paths []string) string {
	if len(paths) == 1 {
		if fi, err := os.Stat(paths[0]); err == nil && fi.IsDir() {
			return paths[0]
		}
	}
	return "."
}

// checkFormat accepts a format of the contract and says clearly when it is not built yet.
func checkFormat(cmd *cobra.Command, format string, all, ready []string) (string, error) {
	format = strings.ToLower(format)
	if !slices.Contains(all, format) {
		return "", usagef(cmd, "unknown format %q (want %s)", format, strings.Join(all, ", "))
	}
	if !slices.Contains(ready, format) {
		return "", usagef(cmd, "format %s is not yet available (available: %s)", format, strings.Join(ready, ", "))
	}
	return format, nil
}

func defaultDBDir(getenv func(string) string) string {
	if d := getenv("KRAIT_DB"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return d + string(os.PathSeparator) + "krait"
	}
	return ""
}
