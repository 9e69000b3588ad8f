package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// severitiesDown lists the severities from the worst, the order every summary uses.
func severitiesDown() [4]analysis.Severity {
	return [...]analysis.Severity{
		analysis.SeverityCritical, analysis.SeverityHigh, analysis.SeverityMedium, analysis.SeverityLow,
	}
}

// severityCounts counts findings per severity, indexed by analysis.Severity.
type severityCounts [analysis.SeverityCritical + 1]int

func countSeverities(fs []analysis.Finding) severityCounts {
	var c severityCounts
	for _, f := range fs {
		if f.Severity >= analysis.SeverityLow && f.Severity <= analysis.SeverityCritical {
			c[f.Severity]++
		}
	}
	return c
}

// String gives "2 critical, 1 low", leaving out the severities no finding has.
func (c severityCounts) String() string {
	var parts []string
	for _, s := range severitiesDown() {
		if c[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c[s], s))
		}
	}
	return strings.Join(parts, ", ")
}

// ruleCount is how often one code was reported.
type ruleCount struct {
	code, name string
	n          int
}

// countRules counts findings per code, the most frequent first, then by code.
func countRules(fs []analysis.Finding) []ruleCount {
	at := make(map[string]int)
	var counts []ruleCount
	for _, f := range fs {
		i, ok := at[f.Code]
		if !ok {
			i = len(counts)
			at[f.Code] = i
			counts = append(counts, ruleCount{code: f.Code, name: f.Name})
		}
		counts[i].n++
	}
	sort.SliceStable(counts, func(i, j int) bool {
		if counts[i].n != counts[j].n {
			return counts[i].n > counts[j].n
		}
		return counts[i].code < counts[j].code
	})
	return counts
}

// fileGroup is the findings of one file, as indexes into Result.Findings.
type fileGroup struct {
	path    string
	indexes []int
}

// groupByFile groups findings by path, keeping the given order inside a group and
// ordering the groups by their first finding, so a sorted input stays sorted.
func groupByFile(fs []analysis.Finding) []fileGroup {
	at := make(map[string]int)
	var groups []fileGroup
	for i, f := range fs {
		g, ok := at[f.Path]
		if !ok {
			g = len(groups)
			at[f.Path] = g
			groups = append(groups, fileGroup{path: f.Path})
		}
		groups[g].indexes = append(groups[g].indexes, i)
	}
	return groups
}

// reportedRules returns a description of every code in the findings, plus every rule
// given, ordered by code. A code with no rule in r.Rules is described from its first
// finding, so that each result still points at a rule.
func reportedRules(r *Result, onlyReported bool) []*analysis.Rule {
	seen := make(map[string]bool)
	reported := make(map[string]bool)
	for _, f := range r.Findings {
		reported[f.Code] = true
	}
	var out []*analysis.Rule
	for _, rule := range r.Rules {
		if rule == nil || seen[rule.Code] || (onlyReported && !reported[rule.Code]) {
			continue
		}
		seen[rule.Code] = true
		out = append(out, rule)
	}
	for _, f := range r.Findings {
		if seen[f.Code] {
			continue
		}
		seen[f.Code] = true
		out = append(out, &analysis.Rule{
			Code: f.Code, Name: f.Name, Severity: f.Severity, Confidence: f.Confidence,
			CWE: f.CWE, Aliases: f.Aliases,
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// docSection returns the body of the Markdown section of doc whose heading is title
// (any level, any case), trimmed, or "" when there is none.
func docSection(doc, title string) string {
	var body []string
	in := false
	for _, line := range strings.Split(doc, "\n") {
		if strings.HasPrefix(line, "#") {
			if in {
				break
			}
			in = strings.EqualFold(strings.TrimSpace(strings.TrimLeft(line, "#")), title)
			continue
		}
		if in {
			body = append(body, line)
		}
	}
	return strings.TrimSpace(strings.Join(body, "\n"))
}

// ruleDescription is a rule's longer description: its "What it does" section, else its
// summary, else its name.
func ruleDescription(rule *analysis.Rule) string {
	if s := docSection(rule.Doc, "What it does"); s != "" {
		return s
	}
	return ruleSummary(rule)
}

// ruleSummary is a rule's one-line description, never empty.
func ruleSummary(rule *analysis.Rule) string {
	switch {
	case rule.Summary != "":
		return rule.Summary
	case rule.Name != "":
		return rule.Name
	}
	return rule.Code
}

// cweURL is the MITRE page of a CWE id.
func cweURL(id int) string {
	return fmt.Sprintf("https://cwe.mitre.org/data/definitions/%d.html", id)
}

// location is path:line:col, or less when the position is unknown.
func location(path string, line, col int) string {
	switch {
	case line <= 0:
		return path
	case col <= 0:
		return fmt.Sprintf("%s:%d", path, line)
	}
	return fmt.Sprintf("%s:%d:%d", path, line, col)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
