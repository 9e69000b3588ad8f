package risk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
	"github.com/kraitsec/krait/internal/rules/supplychain"
)

// samplesDir holds the sample packages of the heuristics' tests: each
// directory under malicious/, suspicious/ and benign/ is one package.
var samplesDir = filepath.Join("..", "..", "rules", "supplychain", "testdata", "samples")

// TestSamplePackages scores the heuristics' findings on the sample packages:
// every malicious one scores 7 or more, packed code without a visible
// payload 4 to 7, every ordinary one (versioneer, Cython and numpy-style
// builds, a library) under 2.
func TestSamplePackages(t *testing.T) {
	var findings []analysis.Finding
	var paths []string
	err := filepath.WalkDir(samplesDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".py") {
			return err
		}
		rel, _ := filepath.Rel(samplesDir, path)
		rel = filepath.ToSlash(rel)
		paths = append(paths, rel)
		f, err := analysistest.ParseFixture(path)
		if err != nil {
			return err
		}
		for _, r := range supplychain.All() {
			fs, err := analysistest.RunRule(rel, f, r)
			if err != nil {
				return err
			}
			findings = append(findings, fs...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Group by the sample directory: malicious/<name> or benign/<name>.
	pkgs := ScoreBy(findings, func(p string) string {
		parts := strings.SplitN(p, "/", 3)
		return parts[0] + "/" + parts[1]
	})
	scored := map[string]float64{}
	for _, p := range pkgs {
		scored[p.Root] = p.Score
		t.Logf("%s: %.1f %v", p.Root, p.Score, p.Combinations)
	}
	seen := map[string]bool{}
	for _, p := range paths {
		parts := strings.SplitN(p, "/", 3)
		root := parts[0] + "/" + parts[1]
		if seen[root] {
			continue
		}
		seen[root] = true
		s := scored[root]
		switch parts[0] {
		case "malicious":
			if s < 7 {
				t.Errorf("%s scores %.1f; a malicious sample should score 7 or more", root, s)
			}
		case "suspicious":
			// Packed or hidden code without a payload in sight: worth a look,
			// not a verdict.
			if s < 4 || s >= 7 {
				t.Errorf("%s scores %.1f; a suspicious sample should score 4 to 7", root, s)
			}
		case "benign":
			if s >= 2 {
				t.Errorf("%s scores %.1f; an ordinary package should score under 2", root, s)
			}
		}
	}
	if len(seen) < 6 {
		t.Errorf("only %d sample packages under %s", len(seen), samplesDir)
	}
}
