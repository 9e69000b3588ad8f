package secrets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// TestCorpus runs the hard-coded credential rules over made-up project files in
// testdata/corpus, whose lines end in "# planted" (a credential that must be
// reported on that line) or "# decoy" (something like one that must not be), and
// requires precision and recall of at least 0.95. A finding on an unmarked line
// counts as a false positive too.
func TestCorpus(t *testing.T) {
	engine := analysis.NewEngine([]*analysis.Rule{HardcodedPasswordString, HardcodedPasswordArgument, HardcodedPasswordDefault, HardcodedSigningKey})
	var tp, fp, fn, decoys int
	err := filepath.WalkDir(filepath.Join("testdata", "corpus"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".py") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.Parse(path, src)
		if err != nil {
			return err
		}
		m := semantic.Build(f.Module, semantic.ModuleOptions(filepath.Base(path), 0))
		findings, err := engine.Run(filepath.ToSlash(path), f, m)
		if err != nil {
			return err
		}
		found := map[int][]string{}
		for _, fd := range findings {
			found[fd.Line] = append(found[fd.Line], fd.Code+": "+fd.Message)
		}
		for i, line := range strings.Split(string(src), "\n") {
			n := i + 1
			switch {
			case strings.HasSuffix(line, "# planted"):
				if len(found[n]) > 0 {
					tp++
				} else {
					fn++
					t.Logf("%s:%d: missed: %s", path, n, strings.TrimSpace(line))
				}
			default:
				if strings.HasSuffix(line, "# decoy") {
					decoys++
				}
				if len(found[n]) > 0 {
					fp++
					t.Logf("%s:%d: false positive %v: %s", path, n, found[n], strings.TrimSpace(line))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if tp+fn < 40 || decoys < 40 {
		t.Fatalf("corpus too small: %d planted, %d decoys", tp+fn, decoys)
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(tp+fn)
	t.Logf("%d planted, %d decoys: precision %.3f, recall %.3f", tp+fn, decoys, precision, recall)
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f, recall %.3f; want at least 0.95 each", precision, recall)
	}
}
