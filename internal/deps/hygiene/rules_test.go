package hygiene

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analyzertest"
)

// TestRuleMetadata checks the rules where they are defined.
func TestRuleMetadata(t *testing.T) {
	analyzertest.CheckRules(t, Rules(), analysis.AnalyzerDeps, "KR720", "KR729")
}
