package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// Result is everything a reporter may show about one scan. Reporters print findings and
// errors in the order given; the caller sorts them.
type Result struct {
	// Version is krait's version, as `krait version` prints it.
	Version string
	// Findings are the problems found, already filtered and with secrets redacted.
	Findings []analysis.Finding
	// Flows holds the source-to-sink steps of taint findings, keyed by the finding's index
	// in Findings; analysis.Finding has no field for them yet.
	Flows map[int][]FlowStep
	// Errors are the files that could not be analysed.
	Errors []FileError
	// Stats, when set, gives the counts of the scan and, with --stats, its measured figures.
	Stats *Stats
	// Rules describes the codes in Findings, for SARIF rule help and Markdown details; a
	// code without a rule here is described from its findings alone.
	Rules []*analysis.Rule
	// Root is the scan root; SARIF URIs are made relative to it. Finding paths and Root are
	// compared as given, so both must be relative to the same directory or both absolute.
	Root string
}

// FileError is a file or directory that could not be analysed.
type FileError struct {
	Path string `json:"path"`
	// Line and Column are 1-based; 0 when the error has no position.
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// FlowStep is one step of a taint flow, from the source (first) to the sink (last).
type FlowStep struct {
	Path string `json:"path"`
	// Line and Column are 1-based, Column in UTF-8 bytes, as in analysis.Finding.
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Message   string `json:"message"`
}

// Stats are the scan's counts, which are reproducible, and optionally its measured
// figures, which are not.
type Stats struct {
	// Files is the number of files analysed.
	Files int   `json:"files"`
	Lines int64 `json:"lines"`
	Bytes int64 `json:"bytes"`
	// Skipped counts the paths left out, per reason.
	Skipped map[string]int `json:"skipped"`
	// Measured is nil unless the user asked for --stats, so that plain output stays
	// comparable between runs.
	*Measured
}

// Measured are the machine-dependent figures of a scan.
type Measured struct {
	Seconds        float64 `json:"seconds"`
	LinesPerSecond float64 `json:"lines_per_second"`
	// PeakRSSBytes is the process's peak resident set size; 0 where the OS does not say.
	PeakRSSBytes int64 `json:"peak_rss_bytes"`
}

// Options change how a reporter writes.
type Options struct {
	// Color adds ANSI colours to the text format; the CLI sets it on a terminal only.
	Color bool
	// Quiet leaves the closing summary out of the text format.
	Quiet bool
}

// Reporter writes a Result in one format.
type Reporter interface {
	// Write writes the whole report to w.
	Write(w io.Writer, r *Result) error
}

// format is one output format: its name and its constructor.
type format struct {
	name string
	make func(Options) (Reporter, error)
}

// formats lists the formats in the order the help text shows them.
func formats() []format {
	return []format{
		{"text", func(o Options) (Reporter, error) { return textReporter{o}, nil }},
		{"json", func(Options) (Reporter, error) { return jsonReporter{}, nil }},
		{"sarif", func(Options) (Reporter, error) { return sarifReporter{}, nil }},
		{"markdown", func(Options) (Reporter, error) { return markdownReporter{}, nil }},
		{"junit", func(Options) (Reporter, error) { return junitReporter{}, nil }},
		{"html", newHTMLReporter},
	}
}

// Formats returns the names New accepts, for flag help and completion.
func Formats() []string {
	var names []string
	for _, f := range formats() {
		names = append(names, f.name)
	}
	return names
}

// New returns the reporter for a format name such as "json".
func New(format string, opts Options) (Reporter, error) {
	for _, f := range formats() {
		if f.name == format {
			return f.make(opts)
		}
	}
	names := Formats()
	return nil, fmt.Errorf("unknown format %q (want %s or %s)", format,
		strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}
