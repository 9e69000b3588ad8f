package cli

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules"
)

// defaultStdlib is the CPython standard library of the project's machines; set
// KRAIT_STDLIB to use another one. The benchmarks skip when it is missing.
const defaultStdlib = "/root/.pyenv/versions/3.11.7/lib/python3.11"

func stdlibDir(b *testing.B) string {
	dir := os.Getenv("KRAIT_STDLIB")
	if dir == "" {
		dir = defaultStdlib
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no standard library at %s (set KRAIT_STDLIB)", dir)
	}
	return dir
}

// BenchmarkScanStdlib runs `krait scan` over the standard library with every
// registered rule, end to end: walk, read, parse, model, rules, report.
func BenchmarkScanStdlib(b *testing.B) {
	dir := stdlibDir(b)
	a := &app{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }, registry: rules.Categories, analyzers: defaultAnalyzers}
	cpu0 := cpuTime()
	for b.Loop() {
		if code := run(context.Background(), []string{"scan", "-q", "-f", "json", "--fail-on", "never", dir}, a); code != ExitOK {
			b.Fatalf("exit code %d", code)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

type corpusFile struct {
	path  string
	file  *parser.File
	model *semantic.Model
}

// BenchmarkRulesStdlib times the engine alone, with every registered rule, over
// files parsed and modelled beforehand: the cost the rules add to a scan.
func BenchmarkRulesStdlib(b *testing.B) {
	dir := stdlibDir(b)
	var corpus []corpusFile
	lines := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "site-packages" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".py") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f, err := parser.Parse(p, src)
		if err != nil {
			return nil // the deliberately invalid test files
		}
		lines += len(f.Lines)
		corpus = append(corpus, corpusFile{p, f, semantic.Build(f.Module, semantic.Options{})})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	engine := analysis.NewEngine(rules.All())
	findings := 0
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		findings = 0
		for _, c := range corpus {
			fs, err := engine.Run(c.path, c.file, c.model)
			if err != nil {
				b.Fatal(err)
			}
			findings += len(fs)
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(lines)*float64(b.N)/cpu.Seconds(), "lines/cpu-s")
	b.ReportMetric(float64(findings), "findings")
	b.ReportMetric(float64(len(engine.Rules())), "rules")
}
