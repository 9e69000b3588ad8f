package analysis

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// Pass is what a rule sees of the file being analysed. The engine gives each
// rule its own Pass per file, with Rule set, so a rule reports through it
// without naming itself.
type Pass struct {
	// Path is the file's path as reported (relative to the scan root where possible).
	Path string
	// File is the parsed file: its module, decoded source, comments and line starts.
	File *parser.File
	// Model answers scope, binding, qualified-name and constant questions.
	Model *semantic.Model
	// Rule is the rule the pass belongs to.
	Rule *Rule

	report func(*Rule, Diagnostic)
	// facts is shared by every Pass over the same file.
	facts *fileFacts
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
	// Secret, when set, is a credential in the flagged code: the engine redacts it
	// from the snippet and the message (RedactSecret), and hashes it out of the
	// fingerprint, so that no report repeats it.
	Secret string
}

// NewPass returns a pass over one file whose diagnostics go to report.
func NewPass(path string, file *parser.File, model *semantic.Model, report func(Diagnostic)) *Pass {
	return &Pass{Path: path, File: file, Model: model, report: func(_ *Rule, d Diagnostic) { report(d) }, facts: &fileFacts{}}
}

// Report reports a problem at n with the rule's default severity and confidence.
func (p *Pass) Report(n ast.Node, message string) {
	p.report(p.Rule, Diagnostic{Node: n, Message: message})
}

// ReportDiagnostic reports a fully specified diagnostic.
func (p *Pass) ReportDiagnostic(d Diagnostic) {
	p.report(p.Rule, d)
}

// FileKey names a fact about the file being analysed that rules compute once
// per file instead of once per node, such as "the path is a test module".
// Declare one as a package-level value; its identity is the key.
type FileKey[T any] struct {
	// Compute derives the fact; it runs at most once per file.
	Compute func(p *Pass) T
}

// fileFacts holds the facts computed so far for one file. Few keys exist, so a
// list beats a map.
type fileFacts struct {
	keys []any
	vals []any
}

// FileFact returns the fact k about p's file, computing it on first use.
func FileFact[T any](p *Pass, k *FileKey[T]) T {
	f := p.facts
	for i, key := range f.keys {
		if key == any(k) {
			return f.vals[i].(T)
		}
	}
	v := k.Compute(p)
	f.keys = append(f.keys, k)
	f.vals = append(f.vals, v)
	return v
}
