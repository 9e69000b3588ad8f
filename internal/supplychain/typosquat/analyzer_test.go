package typosquat

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analyzertest"
	"github.com/kraitsec/krait/internal/supplychain/popular"
)

// project builds a scan project of the given files (rel path → content).
func project(t *testing.T, files map[string]string, enabled func(string) bool) *analysis.Project {
	t.Helper()
	root := t.TempDir()
	var srcs []analysis.Source
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		srcs = append(srcs, analysis.Source{Path: rel, Rel: rel, Data: []byte(files[rel])})
	}
	return analysis.NewProject(root, nil, enabled).WithFiles(srcs)
}

// got is the part of a finding the tests compare.
type got struct {
	Path, Package, Version, Imitates, Message string
	Line, Column                              int
}

func TestAnalyzer(t *testing.T) {
	files := map[string]string{
		"requirements.txt": strings.Join([]string{
			"reqeusts==2.31.0",
			"requests>=2",
			"python3-dateutil  # krait: ignore[KR802]",
			"-e ./vendor/colourama",
			"colourama @ git+https://example.com/colourama.git",
			"Pilllow>=10",
			"my-internal-tool==1.0",
			"beautifulsoup4",
		}, "\n") + "\n",
		"pyproject.toml": `[project]
name = "djanga"
version = "1.0"
dependencies = [
  "djanga-extras>=1",
  "colourama>=0.4",
]
`,
		"venv/lib/python3.12/site-packages/jeIlyfish-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: jeIlyfish\nVersion: 1.0\n",
	}
	a := NewAnalyzer(Options{})
	res, err := a.Analyze(context.Background(), project(t, files, func(string) bool { return true }))
	if err != nil {
		t.Fatal(err)
	}
	var gots []got
	for _, f := range res.Findings {
		if f.Code != "KR802" || f.Fingerprint == "" || f.Analyzer != analysis.AnalyzerSupplyChain {
			t.Errorf("finding %+v lacks code, fingerprint or analyzer", f)
		}
		gots = append(gots, got{f.Path, f.Package, f.Version, f.Imitates, f.Message, f.Line, f.Column})
	}
	want := []got{
		{"pyproject.toml", "colourama", ">=0.4", "colorama", "colourama looks like a typosquat of colorama (one letter added ('u'))", 6, 4},
		{"requirements.txt", "reqeusts", "2.31.0", "requests", "reqeusts looks like a typosquat of requests (letters 'u' and 'e' swapped)", 1, 1},
		{"requirements.txt", "pilllow", ">=10", "pillow", "Pilllow looks like a typosquat of pillow (letter 'l' doubled)", 6, 1},
		{"venv/lib/python3.12/site-packages/jeIlyfish-1.0.dist-info/METADATA", "jeilyfish", "1.0", "jellyfish", "jeIlyfish looks like a typosquat of jellyfish (look-alike 'i' for 'l')", 2, 7},
	}
	if diff := cmp.Diff(want, gots); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if len(res.Notices) != 0 {
		t.Errorf("notices: %v", res.Notices)
	}
}

func TestAnalyzerDisabled(t *testing.T) {
	p := project(t, map[string]string{"requirements.txt": "reqeusts\n"}, func(string) bool { return false })
	res, err := NewAnalyzer(Options{}).Analyze(context.Background(), p)
	if err != nil || len(res.Findings) != 0 {
		t.Errorf("Analyze with KR802 off = %v, %v", res.Findings, err)
	}
}

func TestAnalyzerDamagedList(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, popular.FileName), []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := project(t, map[string]string{"requirements.txt": "reqeusts\n"}, func(string) bool { return true })
	res, err := NewAnalyzer(Options{DBDir: dir}).Analyze(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || len(res.Notices) != 1 || !strings.Contains(res.Notices[0], "built-in list") {
		t.Errorf("findings %v, notices %v; want one finding from the built-in list and a notice", res.Findings, res.Notices)
	}
}

func TestRuleMetadata(t *testing.T) {
	analyzertest.CheckRules(t, Rules(), analysis.AnalyzerSupplyChain, "KR802", "KR802")
	if !strings.Contains(TyposquatPackage.Name, "typosquat") {
		t.Errorf("rule name %q does not say typosquat", TyposquatPackage.Name)
	}
}
