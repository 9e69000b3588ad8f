package supplychain

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis/analysistest"
)

// BenchmarkRules measures the package's rules over a Python library; compare
// with BenchmarkWalk, the engine's walk alone.
func BenchmarkRules(b *testing.B) { analysistest.BenchmarkRules(b, All()) }

// BenchmarkWalk is the engine's walk without rules, the baseline.
func BenchmarkWalk(b *testing.B) { analysistest.BenchmarkRules(b, nil) }
