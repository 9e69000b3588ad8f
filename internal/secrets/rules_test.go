package secrets

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analyzertest"
)

// TestRules checks the metadata the registry test also checks, so that a new
// family fails here first, and that every detector's rule is listed.
func TestRules(t *testing.T) {
	analyzertest.CheckRules(t, Rules(), analysis.AnalyzerSecrets, "KR330", "KR389")
	listed := map[*analysis.Rule]bool{}
	prev := ""
	for _, r := range Rules() {
		if r.Code <= prev {
			t.Errorf("%s: codes must rise", r.Code)
		}
		prev = r.Code
		listed[r] = true
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
