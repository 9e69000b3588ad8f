package secrets

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis/analysistest"
)

// BenchmarkRulesStdlib runs the package's rules over the local standard library
// (skipped when it is absent); compare with BenchmarkWalkOnly for their cost.
func BenchmarkRulesStdlib(b *testing.B) { analysistest.BenchmarkRules(b, All()) }

// BenchmarkWalkOnly is the engine's walk over the same files with no rule.
func BenchmarkWalkOnly(b *testing.B) { analysistest.BenchmarkRules(b, nil) }
