package secrets

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
)

// loadTree reads every file under dir the analyzer wants, skipping caches and
// binaries, as the scan would hand them over.
func loadTree(tb testing.TB, a *Analyzer, dir string) ([]analysis.Source, int64) {
	var srcs []analysis.Source
	var total int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if d.Name() == "__pycache__" || d.Name() == "site-packages" && path != dir {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if !d.Type().IsRegular() || !a.Wants(rel, strings.HasSuffix(rel, ".py")) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil || len(b) > 10<<20 || strings.IndexByte(string(b[:min(len(b), 8192)]), 0) >= 0 {
			return nil
		}
		srcs = append(srcs, analysis.Source{Path: rel, Rel: rel, Data: b})
		total += int64(len(b))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return srcs, total
}

// BenchmarkSecretsStdlib runs the analyzer over the CPython standard library
// (every text file the scan would give it), reporting MB/s.
func BenchmarkSecretsStdlib(b *testing.B) {
	dir := analysistest.Stdlib(b)
	a := New(Options{})
	srcs, total := loadTree(b, a, dir)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range srcs {
			a.Check(&srcs[i], nil)
		}
	}
}

// TestTreeFindings scans a tree ($KRAIT_SECRETS_TREE, or "stdlib" for the
// standard library) and lists what it finds, for review: such trees hold test
// keys and certificates but few real secrets, so a large count means a noisy
// detector.
func TestTreeFindings(t *testing.T) {
	dir := os.Getenv("KRAIT_SECRETS_TREE")
	if dir == "" {
		t.Skip("set KRAIT_SECRETS_TREE=DIR (or stdlib) to list a tree's findings")
	}
	if dir == "stdlib" {
		dir = analysistest.Stdlib(t)
	}
	a := New(Options{})
	srcs, _ := loadTree(t, a, dir)
	n := 0
	for i := range srcs {
		for _, f := range a.Check(&srcs[i], nil) {
			n++
			t.Logf("%s:%d %s %s %s | %s", f.Path, f.Line, f.Code, f.Confidence, f.Message, f.Snippet)
		}
	}
	t.Logf("%d files, %d findings", len(srcs), n)
}

// BenchmarkSecretsTree runs the analyzer over $KRAIT_SECRETS_TREE, a tree with
// more configuration and data files than the standard library (site-packages).
func BenchmarkSecretsTree(b *testing.B) {
	dir := os.Getenv("KRAIT_SECRETS_TREE")
	if dir == "" {
		b.Skip("set KRAIT_SECRETS_TREE=DIR")
	}
	a := New(Options{})
	srcs, total := loadTree(b, a, dir)
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		for i := range srcs {
			a.Check(&srcs[i], nil)
		}
	}
}
