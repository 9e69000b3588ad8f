package analysis

import "github.com/kraitsec/krait/internal/python/ast"

// Rule is one check: its metadata and its code. `krait rules CODE`, SARIF rule
// help and the generated docs all read it, so it is the single place a rule is
// described. A rule is one package-level value in one file under
// internal/rules/<category>, listed once in internal/rules/registry.go.
type Rule struct {
	// Code is the stable identifier, KR followed by three digits; it is never reused.
	Code string
	// Name says what the rule flags, in kebab case, e.g. "unsafe-yaml-load".
	Name string
	// Summary is a lowercase phrase without a final period, at most 60 characters.
	Summary string
	// Severity is the default severity of the rule's findings.
	Severity Severity
	// Confidence is the default confidence of the rule's findings.
	Confidence Confidence
	// CWE lists the CWE ids the rule maps to.
	CWE []int
	// Aliases lists equivalent Bandit and Ruff codes, e.g. "B506", "S506".
	Aliases []string
	// Doc has the sections What it does / Why is this bad? / Example / Use instead /
	// References, in Markdown.
	Doc string

	// Kinds lists the node kinds Run wants; the engine walks each file once and
	// hands every node only to the rules that asked for its kind.
	Kinds []ast.Kind
	// Callees, if set, narrows Run on *ast.Call nodes to calls whose callee is
	// named one of these, either as written (`m` in `x.m()`, `f` in `f()`) or as
	// the last part of its qualified name (`system` for `run_it()` after `from os
	// import system as run_it`). The engine then skips every other call without
	// calling Run, which is most of the cost of a rule that looks for a few
	// functions. A rule that looks at calls by other traits leaves it empty.
	Callees []string
	// Run inspects one node of a kind listed in Kinds.
	Run func(p *Pass, n ast.Node)
	// File, if set, runs once per file before the walk, for checks that look at
	// the file as a whole (its path, its comments, its source text).
	File func(p *Pass)

	// Analyzer is empty for a rule the engine runs through its hooks. Otherwise it
	// names the analyzer (AnalyzerDeps, AnalyzerSecrets, ...) that reports the rule's
	// findings itself; such a rule has no hooks and is listed for its metadata, so
	// that configuration, `krait rules` and SARIF know it.
	Analyzer string
}
