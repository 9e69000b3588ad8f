package analysis

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// Pass is what a rule sees of the file being analysed. The engine creates one
// per file and sets Rule before each call, so a rule reports through it
// without naming itself.
type Pass struct {
	// Path is the file's path as reported (relative to the scan root where possible).
	Path string
	// File is the parsed file: its module, decoded source, comments and line starts.
	File *parser.File
	// Model answers scope, binding, qualified-name and constant questions.
	Model *semantic.Model
	// Rule is the rule currently running.
	Rule *Rule

	report func(Diagnostic)
}

// Diagnostic is what a rule reports; the engine turns it into a Finding by
// adding the rule's metadata, the snippet, the fingerprint and suppressions.
type Diagnostic struct {
	// Node locates the problem; its Span gives the position.
	Node ast.Node
	// Pos is used instead of Node's span when Node is nil (e.g. a comment).
	Pos ast.Pos
	// Message says what is wrong here, specifically (names the call, the value).
	Message string
	// Severity and Confidence override the rule's defaults when non-zero.
	Severity   Severity
	Confidence Confidence
}

// NewPass returns a pass over one file whose diagnostics go to report.
func NewPass(path string, file *parser.File, model *semantic.Model, report func(Diagnostic)) *Pass {
	return &Pass{Path: path, File: file, Model: model, report: report}
}

// Report reports a problem at n with the rule's default severity and confidence.
func (p *Pass) Report(n ast.Node, message string) {
	p.report(Diagnostic{Node: n, Message: message})
}

// ReportDiagnostic reports a fully specified diagnostic.
func (p *Pass) ReportDiagnostic(d Diagnostic) {
	p.report(d)
}
