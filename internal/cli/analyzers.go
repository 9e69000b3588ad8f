package cli

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps/audit"
	"github.com/kraitsec/krait/internal/deps/eol"
	"github.com/kraitsec/krait/internal/deps/hygiene"
	"github.com/kraitsec/krait/internal/secrets"
	"github.com/kraitsec/krait/internal/supplychain/pth"
	"github.com/kraitsec/krait/internal/supplychain/typosquat"
)

// defaultAnalyzers returns the analyzers that run beside the rule engine: each
// FileAnalyzer checks files on the worker pool, each ProjectAnalyzer runs once at the
// end. Their rules are listed in internal/rules/registry.go like every other rule.
func defaultAnalyzers(cfg *scanConfig) ([]analysis.FileAnalyzer, []analysis.ProjectAnalyzer, error) {
	files := []analysis.FileAnalyzer{
		secrets.New(secrets.Options{}),
		pth.New(),
	}
	projects := []analysis.ProjectAnalyzer{
		audit.New(audit.Options{DBDir: cfg.db, Offline: cfg.offline, Fetch: cfg.fetch}),
		eol.New(eol.Options{}),
		hygiene.New(),
		typosquat.NewAnalyzer(typosquat.Options{DBDir: cfg.db}),
	}
	return files, projects, nil
}
