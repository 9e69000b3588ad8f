package secrets

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/analysis"
)

// TestRules checks the metadata the registry test also checks, so that a new
// family fails here first, and that every detector's rule is listed.
func TestRules(t *testing.T) {
	listed := map[*analysis.Rule]bool{}
	prev := ""
	for _, r := range Rules() {
		if r.Code <= prev || r.Code < "KR330" || r.Code > "KR389" {
			t.Errorf("%s: codes must rise within KR330–KR389", r.Code)
		}
		prev = r.Code
		listed[r] = true
		if r.Analyzer != analysis.AnalyzerSecrets || r.Run != nil || len(r.Kinds) > 0 {
			t.Errorf("%s: want a hookless rule of the secrets analyzer", r.Code)
		}
		if n := utf8.RuneCountInString(r.Summary); n > 60 || strings.HasSuffix(r.Summary, ".") || strings.ToLower(r.Summary[:1]) != r.Summary[:1] {
			t.Errorf("%s: summary %q: lowercase, no period, at most 60 characters", r.Code, r.Summary)
		}
		at := 0
		for _, h := range []string{"## What it does\n", "## Why is this bad?\n", "## Example\n", "## Use instead\n", "## References\n"} {
			i := strings.Index(r.Doc[at:], h)
			if i < 0 {
				t.Errorf("%s: doc lacks %q after the previous section", r.Code, h)
				break
			}
			at += i
		}
	}
	for _, d := range allDetectors() {
		if !listed[d.rule] {
			t.Errorf("detector %s: rule %s is not in Rules()", d.kind, d.rule.Code)
		}
	}
	for _, r := range []*analysis.Rule{GenericSecret, HighEntropySecret} {
		if !listed[r] {
			t.Errorf("rule %s is not in Rules()", r.Code)
		}
	}
}
