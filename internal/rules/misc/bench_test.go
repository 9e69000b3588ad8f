package misc

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis/analysistest"
)

// BenchmarkRulesStdlib runs the package's rules over a parsed Python
// library; compare with BenchmarkWalkOnly for the rules' own cost.
func BenchmarkRulesStdlib(b *testing.B) { analysistest.BenchmarkRules(b, All()) }

// BenchmarkWalkOnly is the engine's walk with no rules.
func BenchmarkWalkOnly(b *testing.B) { analysistest.BenchmarkRules(b, nil) }
