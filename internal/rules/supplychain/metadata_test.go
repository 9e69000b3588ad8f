package supplychain

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestMetadata checks what internal/rules/registry_test checks once the
// package is registered, so that a rule is right before it is listed.
func TestMetadata(t *testing.T) {
	headings := []string{"## What it does\n", "## Why is this bad?\n", "## Example\n", "## Use instead\n", "## References\n"}
	prev := ""
	for _, r := range All() {
		t.Run(r.Code, func(t *testing.T) {
			if r.Code <= prev || !strings.HasPrefix(r.Code, "KR8") {
				t.Errorf("code %s out of order or outside KR8xx", r.Code)
			}
			prev = r.Code
			if !kebab.MatchString(r.Name) {
				t.Errorf("name %q is not kebab case", r.Name)
			}
			if n := utf8.RuneCountInString(r.Summary); n == 0 || n > 60 || strings.HasSuffix(r.Summary, ".") {
				t.Errorf("summary %q: %d characters, want 1 to 60 without a final period", r.Summary, n)
			}
			if len(r.CWE) == 0 || r.Severity == 0 || r.Confidence == 0 || r.Analyzer != "" {
				t.Errorf("CWE, severity, confidence or analyzer wrong: %+v", r)
			}
			at := 0
			for _, h := range headings {
				i := strings.Index(r.Doc[at:], h)
				if i < 0 {
					t.Fatalf("doc: no %q after the previous section", strings.TrimSpace(h))
				}
				at += i + len(h)
			}
			if !strings.Contains(r.Doc[at:], "https://") {
				t.Error("doc: References has no link")
			}
		})
	}
}
