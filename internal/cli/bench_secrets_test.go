package cli

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/kraitsec/krait/internal/rules"
)

// secretsAnalyzerRules selects the rules of the secrets analyzer (KR330–KR383)
// and not the engine's KR301–KR305, which share the "secrets" category but
// need the parse and the semantic model.
const secretsAnalyzerRules = "KR33,KR34,KR35,KR36,KR37,KR38"

// benchScan runs `krait scan` with args over dir for each iteration, offline and
// with the report discarded, and reports the CPU time of the whole process.
func benchScan(b *testing.B, dir string, args ...string) {
	a := &app{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }, registry: rules.Categories, analyzers: defaultAnalyzers}
	argv := append([]string{"scan", "-q", "--offline", "-f", "json", "--fail-on", "never"}, args...)
	argv = append(argv, dir)
	cpu0 := cpuTime()
	for b.Loop() {
		if code := run(context.Background(), argv, a); code != ExitOK {
			b.Fatalf("exit code %d", code)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkSecretsOnlyStdlib is a secrets-only scan of the standard library:
// the walk, the reads, the parse (the analyzer treats Python that parses
// differently) and the secrets analyzer.
func BenchmarkSecretsOnlyStdlib(b *testing.B) {
	benchScan(b, stdlibDir(b), "--select", secretsAnalyzerRules)
}

// BenchmarkNoSecretsAnalyzerStdlib is BenchmarkScanStdlib without the
// secrets analyzer: the difference between the two is what the analyzer adds
// to a full scan.
func BenchmarkNoSecretsAnalyzerStdlib(b *testing.B) {
	benchScan(b, stdlibDir(b), "--ignore", secretsAnalyzerRules)
}

// BenchmarkSecretsOnlyTree is a secrets-only scan of the tree named by
// KRAIT_BENCH_TREE (an unpacked site-packages, say, which holds much more
// than Python source); it skips when the variable is unset.
func BenchmarkSecretsOnlyTree(b *testing.B) {
	dir := os.Getenv("KRAIT_BENCH_TREE")
	if dir == "" {
		b.Skip("set KRAIT_BENCH_TREE=DIR to time a secrets-only scan of DIR")
	}
	benchScan(b, dir, "--select", secretsAnalyzerRules)
}
