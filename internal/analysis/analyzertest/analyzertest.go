// Package analyzertest holds what the tests of the analyzers outside the rule engine
// share: a check of their rules' metadata and a way to run a project analyzer over
// files written in the test.
package analyzertest

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/analysis"
)

// nameRe is the kebab case every rule name is in.
var nameRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// docHeadings are the sections of every rule's Doc, in order.
var docHeadings = []string{"## What it does", "## Why is this bad?", "## Example", "## Use instead", "## References"}

// CheckRules holds an analyzer's rules to what internal/rules/registry_test.go
// checks, so that a mistake shows in the package that owns the rule: codes unique
// and within first..last, kebab-case names, the analyzer named, CWE ids, a short
// lowercase summary, no engine hooks, and the five doc sections with a link.
func CheckRules(t *testing.T, rules []*analysis.Rule, analyzer, first, last string) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range rules {
		if seen[r.Code] || r.Code < first || r.Code > last {
			t.Errorf("%s: duplicate or outside the band %s-%s", r.Code, first, last)
		}
		seen[r.Code] = true
		if !nameRe.MatchString(r.Name) || r.Analyzer != analyzer || len(r.CWE) == 0 {
			t.Errorf("%s: name %q, analyzer %q, CWE %v", r.Code, r.Name, r.Analyzer, r.CWE)
		}
		if n := utf8.RuneCountInString(r.Summary); n == 0 || n > 60 || strings.HasSuffix(r.Summary, ".") || strings.ToLower(r.Summary[:1]) != r.Summary[:1] {
			t.Errorf("%s: summary %q", r.Code, r.Summary)
		}
		if r.Run != nil || r.File != nil || len(r.Kinds) > 0 || len(r.Callees) > 0 {
			t.Errorf("%s: an analyzer's rule has engine hooks", r.Code)
		}
		at := 0
		for _, h := range docHeadings {
			i := strings.Index(r.Doc[at:], h+"\n")
			if i < 0 || at+i > 0 && r.Doc[at+i-1] != '\n' {
				t.Errorf("%s: doc has no %q after the previous section", r.Code, h)
				break
			}
			at += i + len(h)
		}
		if !strings.Contains(r.Doc[at:], "https://") {
			t.Errorf("%s: References has no link", r.Code)
		}
	}
}

// RunProject runs a over files (path → content), every one of which a must want,
// with the rule codes that enabled accepts switched on, and returns its findings.
func RunProject(t *testing.T, a analysis.ProjectAnalyzer, files map[string]string, enabled func(string) bool) []analysis.Finding {
	t.Helper()
	var srcs []analysis.Source
	for p, data := range files {
		if !a.Wants(p) {
			t.Fatalf("Wants(%q) = false", p)
		}
		srcs = append(srcs, analysis.Source{Path: p, Rel: p, Data: []byte(data)})
	}
	sort.Slice(srcs, func(i, j int) bool { return srcs[i].Path < srcs[j].Path })
	proj := analysis.NewProject("", nil, enabled).WithFiles(srcs)
	res, err := a.Analyze(context.Background(), proj)
	if err != nil {
		t.Fatal(err)
	}
	return res.Findings
}
