package analysis

import (
	"context"

	"github.com/kraitsec/krait/internal/python/parser"
)

// Analyzer names, as they appear in Finding.Analyzer and Rule.Analyzer.
const (
	AnalyzerDeps        = "deps"
	AnalyzerSecrets     = "secrets"
	AnalyzerSupplyChain = "supplychain"
)

// Source is one file as an analyzer outside the rule engine sees it. The scan reads
// every file once; the analyzers share that one copy and must not modify it.
type Source struct {
	// Path is the file as reported, like Finding.Path.
	Path string
	// Rel is the slash-separated path relative to the project root, which is what
	// fingerprints hash (see Fingerprinter).
	Rel string
	// Data is the file's raw bytes.
	Data []byte
	// Python is the parse of a Python file that parsed; nil otherwise.
	Python *parser.File
}

// FileAnalyzer checks files one at a time on the scan's worker pool, beside the rule
// engine: the secrets detectors, for instance. Implementations must be safe for
// concurrent use.
type FileAnalyzer interface {
	// Rules lists the rules whose codes the findings carry. Their Analyzer is set and
	// they have no hooks: the engine does not run them.
	Rules() []*Rule
	// Wants reports from the path alone whether Check should see the file; python is
	// true for Python source files.
	Wants(rel string, python bool) bool
	// Check returns the findings in src with their fingerprints set and the file's
	// inline suppressions already applied. enabled says whether a rule code is
	// switched on, so that the work for switched-off rules can be skipped.
	Check(src *Source, enabled func(code string) bool) []Finding
}

// ProjectAnalyzer runs once per scan, after every file has been analysed: the
// dependency audit, which needs every manifest and every import together.
type ProjectAnalyzer interface {
	// Rules lists the rules whose codes the findings carry, as for FileAnalyzer.
	Rules() []*Rule
	// Wants reports from the path alone whether the analyzer needs the file's bytes
	// in Project.Files.
	Wants(rel string) bool
	// Analyze returns the project's findings, fingerprinted and with inline
	// suppressions applied. An error stops the scan; a problem with one file goes in
	// ProjectResult.Errors instead.
	Analyze(ctx context.Context, p *Project) (*ProjectResult, error)
}

// Project is what a ProjectAnalyzer sees of the scan. Build it with NewProject so
// that the analyzers share their ProjectFacts.
type Project struct {
	// Root is the absolute project directory (where the configuration lives).
	Root string
	// Files are the files Wants accepted, in path order. Python files among them
	// carry their parse.
	Files []Source
	// Imports lists every module imported by the scanned Python files.
	Imports []Import
	// Enabled says whether a rule code is switched on.
	Enabled func(code string) bool

	facts *projectFacts
}

// Import is one module named by an import statement of a scanned file.
type Import struct {
	// Module is the absolute dotted module name, e.g. "yaml" or "google.cloud.storage".
	Module string
	// Path is the importing file as reported; Line is 1-based.
	Path string
	Line int
}

// ProjectResult is what a ProjectAnalyzer found.
type ProjectResult struct {
	Findings []Finding
	// Errors are files that could not be analysed (a broken lock file, say).
	Errors []FileProblem
	// Notices are one-line messages for the user that are not findings, such as
	// "no vulnerability database; run 'krait db update'". They go to stderr.
	Notices []string
}

// FileProblem is a file an analyzer could not analyse.
type FileProblem struct {
	Path    string
	Line    int
	Message string
}

// NewFinding fills a finding's rule metadata, analyzer and position, for analyzers
// outside the engine. Columns are 1-based; 0 means unknown. The caller sets the
// snippet and the fingerprint (through a Fingerprinter per file).
func NewFinding(r *Rule, path string, line, column int, message string) Finding {
	return Finding{
		Code: r.Code, Name: r.Name, Message: message,
		Severity: r.Severity, Confidence: r.Confidence,
		CWE: r.CWE, Aliases: r.Aliases, Analyzer: r.Analyzer,
		Path: path, Line: line, Column: column, EndLine: line,
	}
}

// LineSuppresses reports whether a source line's trailing comment switches off r's
// findings on that line, with the directives of the Python suppressions (`# nosec`,
// `# noqa: S105`, `# krait: ignore[KR701]`), for analyzers of files that are not
// Python: requirements files, TOML, YAML, INI, Dockerfiles, shell. The comment starts
// at a '#' preceded by a blank or at the start of the line.
func LineSuppresses(line string, r *Rule) bool {
	for i := 0; i < len(line); i++ {
		if line[i] != '#' || i > 0 && line[i-1] != ' ' && line[i-1] != '\t' {
			continue
		}
		all, codes, ok := parseDirectives(line[i:])
		if !ok {
			return false
		}
		if all {
			return true
		}
		for _, c := range codes {
			if ruleMatches(r, c) {
				return true
			}
		}
		return false
	}
	return false
}
