package misc

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

// benchDir is the Python library the benchmark scans; KRAIT_BENCH_PY
// overrides it, and the benchmark is skipped when it is missing.
func benchDir() string {
	if d := os.Getenv("KRAIT_BENCH_PY"); d != "" {
		return d
	}
	return "/usr/lib/python3.11"
}

type benchFile struct {
	path string
	file *parser.File
	m    *semantic.Model
}

func loadBenchFiles(tb testing.TB) []benchFile {
	tb.Helper()
	root := benchDir()
	if _, err := os.Stat(root); err != nil {
		tb.Skipf("no Python library at %s", root)
	}
	var files []benchFile
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
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
		files = append(files, benchFile{rel, f, semantic.Build(f.Module, semantic.ModuleOptions(rel, 8))})
		return nil
	})
	return files
}

// BenchmarkRulesStdlib runs the package's rules over a parsed Python
// library; compare with BenchmarkWalkOnly for the rules' own cost.
func BenchmarkRulesStdlib(b *testing.B) {
	files := loadBenchFiles(b)
	eng := analysis.NewEngine(All())
	n := 0
	for b.Loop() {
		n = 0
		for _, f := range files {
			fs, _ := eng.Run(f.path, f.file, f.m)
			n += len(fs)
		}
	}
	b.ReportMetric(float64(n), "findings")
}

// BenchmarkWalkOnly is the engine's walk with no rules.
func BenchmarkWalkOnly(b *testing.B) {
	files := loadBenchFiles(b)
	eng := analysis.NewEngine(nil)
	for b.Loop() {
		for _, f := range files {
			_, _ = eng.Run(f.path, f.file, f.m)
		}
	}
}
