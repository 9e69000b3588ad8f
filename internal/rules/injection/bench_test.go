package injection

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
)

// BenchmarkRulesStdlib runs the package's rules over a parsed Python library;
// it measures the rules and the engine's walk.
func BenchmarkRulesStdlib(b *testing.B) { analysistest.BenchmarkRules(b, All()) }

// BenchmarkWalkOnly is the engine's walk with no rules, the baseline for
// BenchmarkRulesStdlib.
func BenchmarkWalkOnly(b *testing.B) { analysistest.BenchmarkRules(b, nil) }

// BenchmarkEachRule runs each rule alone, for comparison with BenchmarkWalkOnly,
// reporting CPU time as well, which a shared machine disturbs less than wall time.
func BenchmarkEachRule(b *testing.B) {
	files := analysistest.Corpus(b)
	for _, r := range All() {
		eng := analysis.NewEngine([]*analysis.Rule{r})
		b.Run(r.Code, func(b *testing.B) {
			start := cpuTime()
			for b.Loop() {
				for _, f := range files {
					eng.Run(f.Path, f.File, f.Model)
				}
			}
			b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
