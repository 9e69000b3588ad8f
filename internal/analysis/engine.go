package analysis

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// AnalyzerRules is the Finding.Analyzer of every finding a Rule reports.
const AnalyzerRules = "rules"

// Engine runs a fixed set of rules over parsed files. It is built once per scan and
// is safe for concurrent use: each Run keeps its state to itself.
type Engine struct {
	rules     []*Rule
	fileRules []*Rule
	// byKind sends each node only to the rules that asked for its kind, so a file is
	// walked once however many rules there are.
	byKind [ast.NumKinds][]*Rule
}

// NewEngine builds the dispatch table for rules, which are kept in the given order.
func NewEngine(rules []*Rule) *Engine {
	e := &Engine{rules: rules}
	for _, r := range rules {
		if r.File != nil {
			e.fileRules = append(e.fileRules, r)
		}
		if r.Run == nil {
			continue
		}
		for _, k := range r.Kinds {
			if k > ast.KindInvalid && k < ast.NumKinds && !containsRule(e.byKind[k], r) {
				e.byKind[k] = append(e.byKind[k], r)
			}
		}
	}
	return e
}

func containsRule(list []*Rule, r *Rule) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// Rules returns the rules the engine runs.
func (e *Engine) Rules() []*Rule { return e.rules }

// RuleError is a rule that panicked on a file. The engine stops running that rule on
// the file, keeps every other rule's findings, and reports the panic as this error.
type RuleError struct {
	Path string
	Code string
	// Line and Column (1-based) are where the node being inspected starts; 0 for a
	// File hook.
	Line, Column int
	Value        any
	Stack        []byte
}

func (e *RuleError) Error() string {
	if e.Code == "" {
		return fmt.Sprintf("internal error walking the syntax tree: %v", e.Value)
	}
	if e.Line > 0 {
		return fmt.Sprintf("rule %s panicked at line %d: %v", e.Code, e.Line, e.Value)
	}
	return fmt.Sprintf("rule %s panicked: %v", e.Code, e.Value)
}

// Run checks one file and returns its findings, sorted by position, with suppressed
// ones left out. path is reported as Finding.Path and hashed into the fingerprints,
// so callers pass a path that is stable across checkouts (relative to the scan root).
// The error, when not nil, joins one *RuleError per rule that panicked.
func (e *Engine) Run(path string, f *parser.File, m *semantic.Model) ([]Finding, error) {
	r := &runner{e: e, path: path, file: f}
	r.pass = NewPass(path, f, m, r.report)
	for !r.resume() {
	}
	return r.findings(), errors.Join(r.errs...)
}

// runner is the state of one Run. It lives in a struct rather than on the call stack
// so that, after a rule panics, the walk resumes where it stopped instead of starting
// over or giving up on the file.
type runner struct {
	e    *Engine
	path string
	file *parser.File
	pass *Pass

	nextFile int        // index of the next File hook to run
	started  bool       // the walk's stack holds the module
	stack    []ast.Node // nodes still to visit, the next one last
	node     ast.Node   // the node being dispatched, nil between nodes
	nextRule int        // index in byKind[node's kind] of the next rule to call
	push     func(ast.Node) bool

	disabled []*Rule // rules that panicked on this file
	errs     []error
	diags    []ruleDiag
}

type ruleDiag struct {
	rule *Rule
	d    Diagnostic
}

func (r *runner) report(d Diagnostic) {
	r.diags = append(r.diags, ruleDiag{rule: r.pass.Rule, d: d})
}

// resume runs the File hooks and the walk from where they stopped, and reports
// whether they finished; false means a rule panicked and was disabled.
func (r *runner) resume() (done bool) {
	defer func() {
		if v := recover(); v != nil {
			rule := r.pass.Rule
			line, col := 0, 0
			if r.node != nil {
				if sp := r.node.Span(); sp.Lineno > 0 {
					line, col = sp.Lineno, sp.ColOffset+1
				}
			}
			if rule == nil {
				// Not a rule's fault (the walk itself failed): resuming could fail again.
				r.errs = append(r.errs, &RuleError{Path: r.path, Line: line, Column: col, Value: v, Stack: debug.Stack()})
				done = true
				return
			}
			r.errs = append(r.errs, &RuleError{Path: r.path, Code: rule.Code, Line: line, Column: col, Value: v, Stack: debug.Stack()})
			r.disabled = append(r.disabled, rule)
			done = false
		}
	}()
	for r.nextFile < len(r.e.fileRules) {
		rule := r.e.fileRules[r.nextFile]
		r.nextFile++
		r.pass.Rule = rule
		rule.File(r.pass)
	}
	r.pass.Rule = nil
	r.walk()
	return true
}

// walk visits every node once, in source order, with an explicit stack: no recursion
// and no allocation per node.
func (r *runner) walk() {
	if !r.started {
		r.started = true
		if r.file == nil || r.file.Module == nil {
			return
		}
		r.stack = make([]ast.Node, 0, 64)
		r.stack = append(r.stack, r.file.Module)
		r.push = func(c ast.Node) bool {
			r.stack = append(r.stack, c)
			return true
		}
	}
	for {
		if r.node == nil {
			if len(r.stack) == 0 {
				return
			}
			n := r.stack[len(r.stack)-1]
			r.stack = r.stack[:len(r.stack)-1]
			start := len(r.stack)
			ast.Children(n, r.push)
			reverse(r.stack[start:])
			r.node, r.nextRule = n, 0
		}
		list := r.e.byKind[r.node.NodeKind()]
		for r.nextRule < len(list) {
			rule := list[r.nextRule]
			r.nextRule++
			if len(r.disabled) > 0 && containsRule(r.disabled, rule) {
				continue
			}
			r.pass.Rule = rule
			rule.Run(r.pass, r.node)
		}
		r.pass.Rule = nil
		r.node = nil
	}
}

func reverse(s []ast.Node) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// findings turns the diagnostics into findings: metadata, position, snippet,
// suppressions and fingerprints.
func (r *runner) findings() []Finding {
	if len(r.diags) == 0 {
		return nil
	}
	var sup *suppressions
	if r.file != nil {
		sup = parseSuppressions(r.file.Comments)
	}
	type pending struct {
		f           Finding
		scope, text string
	}
	out := make([]pending, 0, len(r.diags))
	for _, rd := range r.diags {
		pos := diagPos(rd.d)
		loc := locate(r.file, pos)
		if sup.suppresses(loc.first, loc.last, rd.rule) {
			continue
		}
		f := newFinding(r.path, rd.rule, rd.d, pos)
		f.Snippet = snippet(r.file, pos, loc.compound)
		out = append(out, pending{f: f, scope: loc.scope, text: nodeText(r.file, pos, loc.compound)})
	}
	sort.SliceStable(out, func(i, j int) bool { return findingLess(&out[i].f, &out[j].f) })
	var fp Fingerprinter
	fs := make([]Finding, len(out))
	for i := range out {
		fs[i] = out[i].f
		fs[i].Fingerprint = fp.Next(fs[i].Code, r.path, out[i].scope, out[i].text)
	}
	return fs
}

func newFinding(path string, rule *Rule, d Diagnostic, pos ast.Pos) Finding {
	f := Finding{
		Code: rule.Code, Name: rule.Name, Message: d.Message,
		Severity: rule.Severity, Confidence: rule.Confidence,
		CWE: rule.CWE, Aliases: rule.Aliases, Analyzer: AnalyzerRules,
		Path: path,
		// CPython's columns are 0-based byte offsets; reports count from 1, and the end
		// column stays exclusive (the column just after the node), as SARIF wants.
		Line: pos.Lineno, Column: pos.ColOffset + 1,
		EndLine: pos.EndLineno, EndColumn: pos.EndColOffset + 1,
	}
	if d.Severity != 0 {
		f.Severity = d.Severity
	}
	if d.Confidence != 0 {
		f.Confidence = d.Confidence
	}
	return f
}

// FindingLess orders findings by path, position, code and message, which is the
// order every report uses.
func FindingLess(a, b *Finding) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	return findingLess(a, b)
}

func findingLess(a, b *Finding) bool {
	switch {
	case a.Line != b.Line:
		return a.Line < b.Line
	case a.Column != b.Column:
		return a.Column < b.Column
	case a.Code != b.Code:
		return a.Code < b.Code
	}
	return a.Message < b.Message
}
