package cli

import "github.com/kraitsec/krait/internal/analysis"

// defaultAnalyzers returns the analyzers that run beside the rule engine: each
// FileAnalyzer checks files on the worker pool, each ProjectAnalyzer runs once at the
// end. Their rules are listed in internal/rules/registry.go like every other rule.
func defaultAnalyzers(cfg *scanConfig) ([]analysis.FileAnalyzer, []analysis.ProjectAnalyzer, error) {
	var files []analysis.FileAnalyzer
	var projects []analysis.ProjectAnalyzer
	return files, projects, nil
}
