package hygiene

import (
	"sort"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// hit is one problem before it becomes a finding.
type hit struct {
	rule      *analysis.Rule
	path      string
	line, col int
	// end is the column just past the offending text, or 0 when unknown.
	end int
	msg string
	// text is what the fingerprint hashes: the offending setting or requirement,
	// never the line number.
	text string
	// pkg and version fill the finding's dependency fields, when it concerns one.
	pkg, version string
	// severity overrides the rule's, when set.
	severity analysis.Severity
}

// reporter collects hits and turns them into findings.
type reporter struct {
	enabled func(code string) bool
	files   map[string]analysis.Source
	hits    []hit
}

func (r *reporter) on(rule *analysis.Rule) bool { return r.enabled == nil || r.enabled(rule.Code) }

func (r *reporter) anyEnabled() bool {
	for _, rule := range Rules() {
		if r.on(rule) {
			return true
		}
	}
	return false
}

func (r *reporter) add(h hit) {
	if r.on(h.rule) {
		r.hits = append(r.hits, h)
	}
}

// findings sorts the hits by position, drops repeats (a requirement reached through
// two -r includes) and suppressed ones, and fingerprints them per file.
func (r *reporter) findings() []analysis.Finding {
	sort.SliceStable(r.hits, func(i, j int) bool {
		a, b := r.hits[i], r.hits[j]
		if a.path != b.path {
			return a.path < b.path
		}
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.rule.Code < b.rule.Code
	})
	var out []analysis.Finding
	fps := map[string]*analysis.Fingerprinter{}
	lines := map[string][]string{}
	type key struct {
		code, path, text string
		line, col        int
	}
	seen := map[key]bool{}
	for _, h := range r.hits {
		k := key{h.rule.Code, h.path, h.text, h.line, h.col}
		if seen[k] {
			continue
		}
		seen[k] = true
		src, known := r.files[h.path]
		ls, ok := lines[h.path]
		if !ok && known {
			ls = strings.Split(string(src.Data), "\n")
			lines[h.path] = ls
		}
		text := ""
		if h.line >= 1 && h.line <= len(ls) {
			text = strings.TrimRight(ls[h.line-1], " \t\r")
		}
		if analysis.LineSuppresses(text, h.rule) {
			continue
		}
		rel := h.path
		if known {
			rel = src.Rel
		}
		fp := fps[h.path]
		if fp == nil {
			fp = &analysis.Fingerprinter{}
			fps[h.path] = fp
		}
		f := analysis.NewFinding(h.rule, h.path, h.line, h.col, h.msg)
		if h.end > h.col && h.col > 0 {
			f.EndColumn = h.end
		}
		if len(text) > 400 {
			text = strings.ToValidUTF8(text[:400], "")
		}
		f.Snippet = text
		f.Fingerprint = fp.Next(h.rule.Code, rel, "", h.text)
		f.Package, f.Version = h.pkg, h.version
		if h.severity != 0 {
			f.Severity = h.severity
		}
		out = append(out, f)
	}
	return out
}
