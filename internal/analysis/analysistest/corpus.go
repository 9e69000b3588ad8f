package analysistest

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

// CorpusFile is one parsed file of a benchmark corpus, with its model.
type CorpusFile struct {
	Path  string
	File  *parser.File
	Model *semantic.Model
}

// Corpus parses every .py file of a Python library (outside site- and
// dist-packages) for rule benchmarks: $KRAIT_BENCH_PY, else /usr/lib/python3.11.
// Files that do not parse are left out; the caller is skipped when the
// library is missing.
func Corpus(tb testing.TB) []CorpusFile {
	tb.Helper()
	root := os.Getenv("KRAIT_BENCH_PY")
	if root == "" {
		root = "/usr/lib/python3.11"
	}
	if _, err := os.Stat(root); err != nil {
		tb.Skipf("no Python library at %s (set KRAIT_BENCH_PY)", root)
	}
	var files []CorpusFile
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && (d.Name() == "site-packages" || d.Name() == "dist-packages"):
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(path, ".py"):
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
		files = append(files, CorpusFile{rel, f, semantic.Build(f.Module, semantic.ModuleOptions(rel, 8))})
		return nil
	})
	return files
}

// BenchmarkRules runs rules over the parsed corpus; with no rules it measures
// the engine's walk alone, the baseline for a package's rules.
func BenchmarkRules(b *testing.B, rules []*analysis.Rule) {
	files := Corpus(b)
	eng := analysis.NewEngine(rules)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = 0
		for _, f := range files {
			fs, _ := eng.Run(f.Path, f.File, f.Model)
			n += len(fs)
		}
	}
	b.ReportMetric(float64(n), "findings")
	b.ReportMetric(float64(len(files)), "files")
}
