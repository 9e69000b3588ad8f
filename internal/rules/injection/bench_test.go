package injection

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// stdlibDir is the Python library the benchmark scans; KRAIT_BENCH_PY
// overrides it. The benchmark is skipped when the directory is missing.
func stdlibDir() string {
	if d := os.Getenv("KRAIT_BENCH_PY"); d != "" {
		return d
	}
	return "/usr/lib/python3.11"
}

type parsedFile struct {
	path string
	file *parser.File
	m    *semantic.Model
}

func loadStdlib(b *testing.B) []parsedFile {
	b.Helper()
	root := stdlibDir()
	if _, err := os.Stat(root); err != nil {
		b.Skipf("no Python library at %s", root)
	}
	var files []parsedFile
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "site-packages" || d.Name() == "dist-packages") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".py") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		f, err := parser.Parse(path, src)
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		files = append(files, parsedFile{rel, f, semantic.Build(f.Module, semantic.ModuleOptions(rel, 8))})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// BenchmarkRulesStdlib runs the package's rules over the Python standard
// library, already parsed; it measures the rules and the engine's walk.
func BenchmarkRulesStdlib(b *testing.B) {
	files := loadStdlib(b)
	eng := analysis.NewEngine(All())
	b.ResetTimer()
	n := 0
	start := cpuTime()
	for b.Loop() {
		n = 0
		for _, f := range files {
			fs, _ := eng.Run(f.path, f.file, f.m)
			n += len(fs)
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(n), "findings")
	b.ReportMetric(float64(len(files)), "files")
}

// BenchmarkWalkOnly is the engine's walk with no rules, the baseline for
// BenchmarkRulesStdlib.
func BenchmarkWalkOnly(b *testing.B) {
	files := loadStdlib(b)
	eng := analysis.NewEngine(nil)
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		for _, f := range files {
			eng.Run(f.path, f.file, f.m)
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkEachRule runs each rule alone, for comparison with BenchmarkWalkOnly.
func BenchmarkEachRule(b *testing.B) {
	files := loadStdlib(b)
	for _, r := range All() {
		eng := analysis.NewEngine([]*analysis.Rule{r})
		b.Run(r.Code, func(b *testing.B) {
			start := cpuTime()
			for b.Loop() {
				for _, f := range files {
					eng.Run(f.path, f.file, f.m)
				}
			}
			b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
