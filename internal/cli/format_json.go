package cli

import (
	"encoding/json"
	"io"

	"github.com/kraitsec/krait/internal/analysis"
)

// jsonReport is the JSON format of DESIGN.md: version, findings, errors, stats.
type jsonReport struct {
	Version  string             `json:"version"`
	Findings []analysis.Finding `json:"findings"`
	Errors   []fileError        `json:"errors"`
	Stats    jsonStats          `json:"stats"`
}

// jsonStats always carries the counts, which are reproducible; the measured figures
// join them only with --stats, so that plain output can be compared between runs.
type jsonStats struct {
	Files    int            `json:"files"`
	Findings int            `json:"findings"`
	Lines    int64          `json:"lines"`
	Bytes    int64          `json:"bytes"`
	Skipped  map[string]int `json:"skipped"`
	*runStats
}

func writeJSON(w io.Writer, res *scanResult, st *runStats) error {
	rep := jsonReport{
		Version:  version(),
		Findings: res.findings,
		Errors:   res.errors,
		Stats: jsonStats{
			Files:    res.files,
			Findings: len(res.findings),
			Lines:    res.lines,
			Bytes:    res.bytes,
			Skipped:  skippedByReason(res),
			runStats: st,
		},
	}
	// Consumers index into these; null would force a nil check on every one.
	if rep.Findings == nil {
		rep.Findings = []analysis.Finding{}
	}
	if rep.Errors == nil {
		rep.Errors = []fileError{}
	}
	for i := range rep.Findings {
		f := &rep.Findings[i]
		if f.CWE == nil {
			f.CWE = []int{}
		}
		if f.Aliases == nil {
			f.Aliases = []string{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
