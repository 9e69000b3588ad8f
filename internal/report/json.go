package report

import (
	"encoding/json"
	"io"

	"github.com/kraitsec/krait/internal/analysis"
)

// jsonReporter writes DESIGN.md's JSON: {"version", "findings", "errors", "stats"}.
type jsonReporter struct{}

type jsonReport struct {
	Version  string        `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Errors   []FileError   `json:"errors"`
	Stats    jsonStats     `json:"stats"`
}

// jsonFinding adds the taint flow to a finding's own fields, after them.
type jsonFinding struct {
	analysis.Finding
	Flow []FlowStep `json:"flow,omitempty"`
}

// jsonStats always carries the reproducible counts; the measured figures join them only
// when Stats.Measured is set.
type jsonStats struct {
	Files              int            `json:"files"`
	Lines              int64          `json:"lines"`
	Bytes              int64          `json:"bytes"`
	Skipped            map[string]int `json:"skipped"`
	FindingsBySeverity jsonSeverities `json:"findings_by_severity"`
	*Measured
}

// jsonSeverities is a struct rather than a map so the keys keep the severity order.
type jsonSeverities struct {
	Critical int `json:"critical"`
	High     int `json:"high"`
	Medium   int `json:"medium"`
	Low      int `json:"low"`
}

// Write implements Reporter.
func (jsonReporter) Write(w io.Writer, r *Result) error {
	// Consumers index into these; null would force a nil check on every one.
	rep := jsonReport{
		Version:  r.Version,
		Findings: make([]jsonFinding, len(r.Findings)),
		Errors:   r.Errors,
	}
	if rep.Errors == nil {
		rep.Errors = []FileError{}
	}
	for i, f := range r.Findings {
		if f.CWE == nil {
			f.CWE = []int{}
		}
		if f.Aliases == nil {
			f.Aliases = []string{}
		}
		rep.Findings[i] = jsonFinding{Finding: f, Flow: r.Flows[i]}
	}
	c := countSeverities(r.Findings)
	rep.Stats.FindingsBySeverity = jsonSeverities{
		Critical: c[analysis.SeverityCritical], High: c[analysis.SeverityHigh],
		Medium: c[analysis.SeverityMedium], Low: c[analysis.SeverityLow],
	}
	if s := r.Stats; s != nil {
		rep.Stats.Files, rep.Stats.Lines, rep.Stats.Bytes = s.Files, s.Lines, s.Bytes
		rep.Stats.Skipped, rep.Stats.Measured = s.Skipped, s.Measured
	}
	if rep.Stats.Skipped == nil {
		rep.Stats.Skipped = map[string]int{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
