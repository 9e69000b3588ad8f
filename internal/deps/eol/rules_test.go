package eol

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/analysis"
)

// TestRuleMetadata holds the rules to what internal/rules/registry_test.go checks,
// so that a mistake shows here, in the package that owns the rule.
func TestRuleMetadata(t *testing.T) {
	nameRe := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	headings := []string{"## What it does", "## Why is this bad?", "## Example", "## Use instead", "## References"}
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.Code] || r.Code < "KR710" || r.Code > "KR714" {
			t.Errorf("%s: duplicate or outside the band KR710-KR714", r.Code)
		}
		seen[r.Code] = true
		if !nameRe.MatchString(r.Name) || r.Analyzer != analysis.AnalyzerDeps || len(r.CWE) == 0 {
			t.Errorf("%s: name %q, analyzer %q, CWE %v", r.Code, r.Name, r.Analyzer, r.CWE)
		}
		if n := utf8.RuneCountInString(r.Summary); n == 0 || n > 60 || strings.HasSuffix(r.Summary, ".") || strings.ToLower(r.Summary[:1]) != r.Summary[:1] {
			t.Errorf("%s: summary %q", r.Code, r.Summary)
		}
		if r.Run != nil || r.File != nil || len(r.Kinds) > 0 || len(r.Callees) > 0 {
			t.Errorf("%s: an analyzer's rule has engine hooks", r.Code)
		}
		at := 0
		for _, h := range headings {
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
