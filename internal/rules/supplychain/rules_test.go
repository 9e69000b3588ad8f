package supplychain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
)

func TestRules(t *testing.T) {
	for _, r := range All() {
		t.Run(r.Code, func(t *testing.T) {
			analysistest.Run(t, "testdata", r)
		})
	}
}

// TestSamples runs every rule over the sample packages in testdata/samples:
// malicious ones written from published descriptions, whose lines carry
// `# want`, and ordinary ones (versioneer, Cython, numpy-style builds,
// __init__ modules), which must stay clean. File names matter there: a
// setup.py or an __init__.py runs at install or import time.
func TestSamples(t *testing.T) {
	for _, path := range samples(t) {
		name := strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				return r
			}
			return '_'
		}, strings.TrimPrefix(path, filepath.Join("testdata", "samples")+string(filepath.Separator)))
		t.Run(name, func(t *testing.T) {
			for _, msg := range checkSample(t, path) {
				t.Error(msg)
			}
		})
	}
}

// samples lists the .py files under testdata/samples.
func samples(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join("testdata", "samples"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") {
			out = append(out, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkSample runs All over one file and returns the mismatches with its wants.
func checkSample(t *testing.T, path string) []string {
	t.Helper()
	f, err := analysistest.ParseFixture(path)
	if err != nil {
		t.Fatal(err)
	}
	wants, err := analysistest.Wants(path, f)
	if err != nil {
		t.Fatal(err)
	}
	findings := runAll(t, path)
	return analysistest.Check(path, wants, findings)
}

// runAll runs every rule over a file, as a scan would.
func runAll(t *testing.T, path string) []analysis.Finding {
	t.Helper()
	f, err := analysistest.ParseFixture(path)
	if err != nil {
		t.Fatal(err)
	}
	var all []analysis.Finding
	for _, r := range All() {
		fs, err := analysistest.RunRule(path, f, r)
		if err != nil {
			t.Fatalf("%s: %s: %v", path, r.Code, err)
		}
		all = append(all, fs...)
	}
	return all
}

// TestCallees checks that the rules' Callees only spare them calls they ignore.
func TestCallees(t *testing.T) {
	analysistest.CheckCallees(t, All(), "../")
}
