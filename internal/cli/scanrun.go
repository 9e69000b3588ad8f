package cli

import (
	"bytes"
	"context"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// runScan performs a validated scan request and returns the exit code.
func runScan(ctx context.Context, a *app, cfg *scanConfig) (int, error) {
	prog := newProgress(a, !cfg.noProgress && !cfg.quiet)
	res, err := scanFiles(ctx, cfg, prog.start)
	prog.finish()
	if err != nil {
		return ExitError, err
	}
	res.findings = filterFindings(res.findings, cfg)

	var st *runStats
	if cfg.stats {
		st = measure(res)
	}
	var buf bytes.Buffer
	switch cfg.format {
	case "json":
		err = writeJSON(&buf, res, st)
	default:
		colour := cfg.output == "" && isTerminal(a.stdout) && a.getenv("NO_COLOR") == "" && a.getenv("TERM") != "dumb"
		writeText(&buf, res, textOptions{colour: colour, quiet: cfg.quiet})
	}
	if err != nil {
		return ExitError, err
	}
	if err := emit(a.stdout, cfg.output, buf.Bytes()); err != nil {
		return ExitError, err
	}
	if st != nil && cfg.format == "text" {
		writeTextStats(a.stderr, res, st)
	}
	return exitCode(res, cfg), nil
}

// exitCode applies the contract: findings at or above --fail-on give 1; otherwise a
// scan that could analyse nothing but hit errors gives 2.
func exitCode(res *scanResult, cfg *scanConfig) int {
	if cfg.failOn != 0 {
		for _, f := range res.findings {
			if f.Severity >= cfg.failOn {
				return ExitFindings
			}
		}
	}
	if res.files == 0 && len(res.errors) > 0 {
		return ExitError
	}
	return ExitOK
}

// filterFindings keeps the findings that --select, --ignore, --min-severity and
// --min-confidence let through. A selector matches a code or a code prefix.
func filterFindings(fs []analysis.Finding, cfg *scanConfig) []analysis.Finding {
	out := fs[:0:0]
	for _, f := range fs {
		if f.Severity < cfg.minSeverity || f.Confidence < cfg.minConfidence {
			continue
		}
		if len(cfg.selects) > 0 && !matchesAny(f, cfg.selects) {
			continue
		}
		if matchesAny(f, cfg.ignores) {
			continue
		}
		out = append(out, f)
	}
	return out
}

func matchesAny(f analysis.Finding, selectors []string) bool {
	for _, s := range selectors {
		if strings.HasPrefix(f.Code, s) {
			return true
		}
	}
	return false
}
