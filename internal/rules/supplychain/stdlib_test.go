package supplychain

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// maxStdlibFindings bounds what the rules may report on CPython's standard
// library, which uses exec, sockets and subprocesses legitimately but hides
// nothing: each finding there must be defensible (see the log with -v).
const maxStdlibFindings = 12

// TestStdlibPrecision runs every rule over the standard library as a scan
// would (paths relative to its root) and fails above maxStdlibFindings.
func TestStdlibPrecision(t *testing.T) {
	if n := scanCorpus(t, analysistest.Stdlib(t), true); n > maxStdlibFindings {
		t.Errorf("%d findings on the standard library; at most %d expected", n, maxStdlibFindings)
	}
}

// TestCorpus logs the findings on any tree named by $KRAIT_SUPPLYCHAIN_CORPUS
// (a site-packages directory, unpacked sdists), to review precision by hand.
func TestCorpus(t *testing.T) {
	root := os.Getenv("KRAIT_SUPPLYCHAIN_CORPUS")
	if root == "" {
		t.Skip("set KRAIT_SUPPLYCHAIN_CORPUS to a directory of Python packages")
	}
	t.Logf("%d findings", scanCorpus(t, root, false))
}

// scanCorpus runs every rule over the .py files under root, with paths
// relative to it as in a scan, logs the findings and returns their number;
// skipInstalled leaves out site-packages.
func scanCorpus(t *testing.T, root string, skipInstalled bool) int {
	t.Helper()
	eng := analysis.NewEngine(All())
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case skipInstalled && d.IsDir() && (d.Name() == "site-packages" || d.Name() == "dist-packages"):
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
		rel = filepath.ToSlash(rel)
		fs, err := eng.Run(rel, f, semantic.Build(f.Module, semantic.ModuleOptions(rel, 8)))
		if err != nil {
			t.Errorf("%s: %v", rel, err)
		}
		for _, f := range fs {
			t.Logf("%s:%d: %s %s: %s", f.Path, f.Line, f.Code, f.Severity, f.Message)
		}
		n += len(fs)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
