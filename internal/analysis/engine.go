package analysis

import (
	"errors"
	"fmt"
	mathbits "math/bits"
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
	rules []*Rule
	// run holds each rule's Run, so that a dispatch loads one word.
	run []func(*Pass, ast.Node)
	// fileRules, byKind and callees hold indices into rules, ascending, so that the
	// rules run in the order they were given.
	fileRules []int32
	// byKind sends each node only to the rules that asked for its kind, so a file is
	// walked once however many rules there are.
	byKind [ast.NumKinds][]int32
	// When some rule has Callees, calls go instead to callAll, the rules without
	// Callees, and to the rules whose Callees name the callee; calleeHint is a
	// cheap first test of a name against every Callees list.
	callAll    ruleSet
	callees    map[string]ruleSet
	calleeHint [64]uint64
	// skipName and skipConstant drop these leaves, two in five nodes, from the
	// walk when no rule wants them.
	skipName, skipConstant bool
}

// ruleSet is a set of rule indices, one bit each.
type ruleSet []uint64

func (s ruleSet) add(i int32) { s[i/64] |= 1 << (i % 64) }

// calleeHash picks the bit of Engine.calleeHint that stands for a name.
func calleeHash(name string) uint {
	return (uint(len(name))*131 + uint(name[0])*31 + uint(name[len(name)-1])) % (64 * 64)
}

// NewEngine builds the dispatch table for rules, which are kept in the given order.
func NewEngine(rules []*Rule) *Engine {
	e := &Engine{rules: rules, run: make([]func(*Pass, ast.Node), len(rules))}
	words := (len(rules) + 63) / 64
	seen := make(map[*Rule]bool, len(rules))
	for i, r := range rules {
		if r == nil || seen[r] {
			continue
		}
		seen[r] = true
		idx := int32(i)
		if r.File != nil {
			e.fileRules = append(e.fileRules, idx)
		}
		if r.Run == nil {
			continue
		}
		e.run[i] = r.Run
		for _, k := range r.Kinds {
			switch {
			case k <= ast.KindInvalid || k >= ast.NumKinds:
			case k == ast.KindCall && len(r.Callees) > 0:
				for _, name := range r.Callees {
					if name == "" {
						continue
					}
					if e.callees == nil {
						e.callees = make(map[string]ruleSet)
					}
					if e.callees[name] == nil {
						e.callees[name] = make(ruleSet, words)
					}
					e.callees[name].add(idx)
					h := calleeHash(name)
					e.calleeHint[h/64] |= 1 << (h % 64)
				}
			default:
				e.byKind[k] = appendIndex(e.byKind[k], idx)
			}
		}
	}
	if e.callees != nil {
		e.callAll = make(ruleSet, words)
		for _, i := range e.byKind[ast.KindCall] {
			e.callAll.add(i)
		}
	}
	// Children of a Name or a Constant: none (see TestLeaves).
	e.skipName, e.skipConstant = len(e.byKind[ast.KindName]) == 0, len(e.byKind[ast.KindConstant]) == 0
	return e
}

// appendIndex appends i to an ascending list unless it is already last.
func appendIndex(list []int32, i int32) []int32 {
	if len(list) > 0 && list[len(list)-1] == i {
		return list
	}
	return append(list, i)
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
	r := &runner{e: e, path: path, file: f, model: m}
	// One Pass per rule, set up once, so that dispatching a node writes no pointer.
	r.passes = make([]Pass, len(e.rules))
	report := r.report
	for i, rule := range e.rules {
		r.passes[i] = Pass{Path: path, File: f, Model: m, Rule: rule, report: report, facts: &r.facts}
	}
	for !r.resume() {
	}
	return r.findings(), errors.Join(r.errs...)
}

// runner is the state of one Run. After a rule panics, the walk resumes where it
// stopped instead of starting over or giving up on the file.
type runner struct {
	e      *Engine
	path   string
	file   *parser.File
	model  *semantic.Model
	passes []Pass
	facts  fileFacts

	nextFile int        // index in fileRules of the next File hook to run
	started  bool       // the walk has begun
	stack    []ast.Node // saved after a panic: nodes still to visit, the next one last
	node     ast.Node   // saved after a panic: the node being dispatched
	nextRule int32      // rules with a lower index are done with node

	disabled []bool // by rule index: rules that panicked on this file
	errs     []error
	diags    []ruleDiag
	callSet  ruleSet // the rules one call goes to
}

type ruleDiag struct {
	rule *Rule
	d    Diagnostic
}

func (r *runner) report(rule *Rule, d Diagnostic) {
	r.diags = append(r.diags, ruleDiag{rule: rule, d: d})
}

// resume runs the File hooks and the walk from where they stopped, and reports
// whether they finished; false means a rule panicked and was disabled.
func (r *runner) resume() (done bool) {
	current := int32(-1) // the File hook running
	defer func() {
		if v := recover(); v != nil {
			done = r.recovered(v, current, nil)
		}
	}()
	for r.nextFile < len(r.e.fileRules) {
		current = r.e.fileRules[r.nextFile]
		r.nextFile++
		if !r.isDisabled(current) {
			r.e.rules[current].File(&r.passes[current])
		}
	}
	current = -1
	return r.walk()
}

// recovered records a panic of rule i (-1 for the walk itself) at node, and
// reports whether the run is over.
func (r *runner) recovered(v any, i int32, node ast.Node) bool {
	line, col := 0, 0
	if node != nil {
		if sp := node.Span(); sp.Lineno > 0 {
			line, col = sp.Lineno, sp.ColOffset+1
		}
	}
	if i < 0 {
		// Not a rule's fault (the walk itself failed): resuming could fail again.
		r.errs = append(r.errs, &RuleError{Path: r.path, Line: line, Column: col, Value: v, Stack: debug.Stack()})
		return true
	}
	r.errs = append(r.errs, &RuleError{Path: r.path, Code: r.e.rules[i].Code, Line: line, Column: col, Value: v, Stack: debug.Stack()})
	if r.disabled == nil {
		r.disabled = make([]bool, len(r.e.rules))
	}
	r.disabled[i] = true
	return false
}

func (r *runner) isDisabled(i int32) bool { return r.disabled != nil && r.disabled[i] }

// walkBuf is how many pending nodes the walk keeps on the goroutine stack before
// it spills to the heap; few files need more.
const walkBuf = 256

// walk visits every node once, in source order, with an explicit stack: no
// recursion and no allocation per node. Its state lives in locals, so that the
// hot loop writes no pointer to the heap (which costs a write barrier while the
// collector runs); it is saved to the runner only when a rule panics.
func (r *runner) walk() (done bool) {
	if r.file == nil || r.file.Module == nil {
		return true
	}
	var buf [walkBuf]ast.Node
	stack := buf[:0]
	var node ast.Node
	next := int32(0)
	if !r.started {
		r.started = true
		stack = append(stack, r.file.Module)
	} else {
		stack = append(stack, r.stack...)
		node, next = r.node, r.nextRule
		r.stack, r.node = nil, nil
	}
	defer func() {
		if v := recover(); v != nil {
			r.stack = append(r.stack[:0], stack...)
			r.node, r.nextRule = node, next
			done = r.recovered(v, next-1, node)
		}
	}()
	skipName, skipConstant := r.e.skipName, r.e.skipConstant
	push := func(c ast.Node) bool {
		switch c.(type) {
		case *ast.Name:
			if skipName {
				return true
			}
		case *ast.Constant:
			if skipConstant {
				return true
			}
		}
		stack = append(stack, c)
		return true
	}
	for {
		if node == nil {
			if len(stack) == 0 {
				return true
			}
			node = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			start := len(stack)
			next = -1 // a panic in Children is the walk's own
			ast.Children(node, push)
			reverse(stack[start:])
			next = 0
		}
		if c, ok := node.(*ast.Call); ok && r.e.callees != nil {
			for w, bits := range r.callRules(c) {
				for ; bits != 0; bits &= bits - 1 {
					i := int32(w*64 + mathbits.TrailingZeros64(bits))
					if i < next || r.isDisabled(i) {
						continue
					}
					next = i + 1
					r.e.run[i](&r.passes[i], node)
				}
			}
		} else {
			for _, i := range r.e.byKind[node.NodeKind()] {
				if i < next || r.isDisabled(i) {
					continue
				}
				next = i + 1
				r.e.run[i](&r.passes[i], node)
			}
		}
		node, next = nil, 0
	}
}

// callRules returns the rules a call goes to: those for every call, and those
// whose Callees name the callee as written or the last part of its qualified
// name.
func (r *runner) callRules(c *ast.Call) ruleSet {
	var written, resolved string
	switch f := c.Func.(type) {
	case *ast.Attribute:
		written = f.Attr
	case *ast.Name:
		written = f.ID
		if r.model != nil {
			resolved = r.model.QualifiedTail(f)
		}
	}
	a, b := r.calleeRules(written), r.calleeRules(resolved)
	if a == nil && b == nil {
		return r.e.callAll
	}
	set := append(r.callSet[:0], r.e.callAll...)
	for w := range set {
		if a != nil {
			set[w] |= a[w]
		}
		if b != nil {
			set[w] |= b[w]
		}
	}
	r.callSet = set
	return set
}

// calleeRules returns the rules whose Callees list name, or nil.
func (r *runner) calleeRules(name string) ruleSet {
	if name == "" {
		return nil
	}
	if h := calleeHash(name); r.e.calleeHint[h/64]&(1<<(h%64)) == 0 {
		return nil
	}
	return r.e.callees[name]
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
		text := nodeText(r.file, pos, loc.compound)
		if s := rd.d.Secret; s != "" {
			f.Secret = s
			// The digest keeps two secrets that share their first characters apart.
			f.Snippet, f.Message = RedactSecret(f.Snippet, s), RedactSecret(f.Message, s)
			text = RedactSecret(text, s) + "\x00" + SecretDigest(s)
		}
		out = append(out, pending{f: f, scope: loc.scope, text: text})
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
