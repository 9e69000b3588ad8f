package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// commandLevel ranks a finding on a command or query by where its text
// comes from: data spliced into it is the injection itself, an opaque value
// probably carries data, and a constant or sanitised one is an audit hint.
func commandLevel(s source) (analysis.Severity, analysis.Confidence) {
	switch s.origin {
	case originBuilt, originRequest:
		return analysis.SeverityHigh, analysis.ConfidenceHigh
	case originOpaque:
		return analysis.SeverityHigh, analysis.ConfidenceMedium
	case originSafe:
		return analysis.SeverityLow, analysis.ConfidenceMedium
	}
	return analysis.SeverityLow, analysis.ConfidenceHigh
}

// phrase completes "... a command " for a message.
func phrase(s source) string {
	switch s.origin {
	case originBuilt, originOpaque, originRequest:
		return s.how
	case originSafe:
		return "whose dynamic parts are quoted or numeric"
	}
	return "that is constant (safe while it stays so)"
}

// lower drops a severity and a confidence by one step, for findings whose
// premise is itself uncertain (a shell flag the file does not fix).
func lower(sev analysis.Severity, conf analysis.Confidence) (analysis.Severity, analysis.Confidence) {
	if sev > analysis.SeverityLow {
		sev--
	}
	if conf > analysis.ConfidenceLow {
		conf--
	}
	return sev, conf
}

// report sends one diagnostic with explicit levels.
func report(p *analysis.Pass, n ast.Node, sev analysis.Severity, conf analysis.Confidence, msg string) {
	p.ReportDiagnostic(analysis.Diagnostic{Node: n, Message: msg, Severity: sev, Confidence: conf})
}
