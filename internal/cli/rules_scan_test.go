package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules"
)

// scanCategories are fake rules for scanning testdata/rulesproj: a call rule, a File
// hook that names the module (to check module names), and a rule that panics.
func scanCategories() []rules.Category {
	evalRule := &analysis.Rule{
		Code: "KR101", Name: "fake-eval", Summary: "eval called",
		Severity: analysis.SeverityHigh, Confidence: analysis.ConfidenceHigh,
		CWE: []int{95}, Aliases: []string{"B307", "S307"},
		Kinds: []ast.Kind{ast.KindCall},
		Run: func(p *analysis.Pass, n ast.Node) {
			if c := n.(*ast.Call); p.Model.QualifiedNameIs(c.Func, "builtins.eval") {
				p.Report(c, "builtins.eval called")
			}
		},
	}
	moduleRule := &analysis.Rule{
		Code: "KR201", Name: "fake-module", Summary: "names the module",
		Severity: analysis.SeverityLow, Confidence: analysis.ConfidenceHigh, CWE: []int{1},
		File: func(p *analysis.Pass) {
			p.ReportDiagnostic(analysis.Diagnostic{Pos: ast.Pos{Lineno: 1}, Message: "module " + p.Model.Options().Module})
		},
	}
	panicRule := &analysis.Rule{
		Code: "KR901", Name: "fake-panic", Summary: "panics on boom",
		Severity: analysis.SeverityLow, Confidence: analysis.ConfidenceLow, CWE: []int{1},
		Kinds: []ast.Kind{ast.KindName},
		Run: func(p *analysis.Pass, n ast.Node) {
			if n.(*ast.Name).ID == "boom" {
				panic("boom")
			}
		},
	}
	return []rules.Category{
		{Name: "injection", Rules: []*analysis.Rule{evalRule}},
		{Name: "crypto", Rules: []*analysis.Rule{moduleRule}},
		{Name: "misc", Rules: []*analysis.Rule{panicRule}},
	}
}

func TestScanRules(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		golden   string
	}{
		{"text", []string{"scan", "testdata/rulesproj"}, ExitFindings, "rules_proj.txt"},
		{"json", []string{"scan", "-f", "json", "testdata/rulesproj"}, ExitFindings, "rules_proj.json"},
		{"select_category", []string{"scan", "-q", "--select", "injection", "testdata/rulesproj"}, ExitFindings, "rules_proj_injection.txt"},
		{"min_severity", []string{"scan", "-q", "--min-severity", "high", "--ignore", "KR101", "testdata/rulesproj"}, ExitOK, "rules_proj_none.txt"},
		{"fail_on_critical", []string{"scan", "-q", "--fail-on", "critical", "--select", "KR1", "testdata/rulesproj"}, ExitOK, "rules_proj_injection.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runKrait(t, runOpts{categories: scanCategories()}, tt.args...)
			if r.code != tt.wantCode || r.stderr != "" {
				t.Errorf("exit code %d, stderr %q; want %d and nothing", r.code, r.stderr, tt.wantCode)
			}
			checkGolden(t, tt.golden, r.stdout)
		})
	}
}

type jsonFinding struct {
	Code, Path, Fingerprint string
	Line                    int
}

func scanJSON(t *testing.T, args ...string) []jsonFinding {
	t.Helper()
	r := runKrait(t, runOpts{categories: scanCategories()}, append([]string{"scan", "-f", "json"}, args...)...)
	var rep struct{ Findings []jsonFinding }
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, r.stdout)
	}
	return rep.Findings
}

func fingerprintSet(fs []jsonFinding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code+" "+f.Fingerprint)
	}
	return out
}

func TestScanFingerprintsIgnoreHowPathIsSpelled(t *testing.T) {
	abs, err := filepath.Abs("testdata/rulesproj")
	if err != nil {
		t.Fatal(err)
	}
	rel := fingerprintSet(scanJSON(t, "testdata/rulesproj"))
	if diff := cmp.Diff(rel, fingerprintSet(scanJSON(t, abs))); diff != "" {
		t.Errorf("fingerprints differ between a relative and an absolute root (-rel +abs):\n%s", diff)
	}
	if diff := cmp.Diff(rel, fingerprintSet(scanJSON(t, "./testdata/../testdata/rulesproj/"))); diff != "" {
		t.Errorf("fingerprints differ for another spelling of the root (-want +got):\n%s", diff)
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "proj")
	copyTree(t, "testdata/rulesproj", proj)
	bl := filepath.Join(dir, "baseline.json")
	opts := runOpts{categories: scanCategories()}

	r := runKrait(t, opts, "baseline", "-o", bl, proj)
	if r.code != ExitOK || r.stdout != "" || !strings.HasPrefix(r.stderr, "krait: wrote 9 findings to "+bl+"\n") {
		t.Fatalf("krait baseline = %+v", r)
	}
	r = runKrait(t, opts, "scan", "-q", "--baseline", bl, proj)
	if r.code != ExitOK {
		t.Errorf("scan with a fresh baseline = %+v; want exit 0", r)
	}

	// Moving code down and re-indenting it keeps old findings hidden; a new one shows.
	views := filepath.Join(proj, "pkg", "views.py")
	src, err := os.ReadFile(views)
	if err != nil {
		t.Fatal(err)
	}
	edited := "import os\n\n\n" + strings.Replace(string(src), "return eval(request.args[\"q\"])", "return eval(\n        request.args[\"q\"]\n    )", 1) +
		"\n\ndef new(data):\n    return eval(data)\n"
	if err := os.WriteFile(views, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	got := scanJSON(t, "--baseline", bl, proj)
	if len(got) != 1 || got[0].Code != "KR101" || got[0].Line != 22 {
		t.Errorf("after the edit the scan reports %+v; want only the new eval on line 22", got)
	}
}

func TestBaselineToStdout(t *testing.T) {
	r := runKrait(t, runOpts{categories: scanCategories()}, "baseline", "--select", "KR1", "testdata/rulesproj")
	if r.code != ExitError || !strings.Contains(r.stderr, "unknown flag: --select") {
		t.Errorf("baseline --select = %+v; want a usage error", r)
	}
	r = runKrait(t, runOpts{categories: scanCategories()}, "baseline", "testdata/rulesproj")
	var bl struct {
		Version int
		Entries []struct{ Fingerprint, Code, Path string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &bl); err != nil || r.code != ExitOK {
		t.Fatalf("baseline to stdout: %v, %+v", err, r)
	}
	if bl.Version != 1 || len(bl.Entries) != 9 || bl.Entries[0].Path != "testdata/rulesproj/pkg/__init__.py" {
		t.Errorf("baseline = %+v", bl)
	}
	if want := "krait: 1 file could not be analysed; their findings are not in the baseline\n"; r.stderr != want {
		t.Errorf("stderr = %q; want %q", r.stderr, want)
	}
}

func TestScanConfigErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "krait.toml"), []byte("min-severity = \"hihg\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runKrait(t, runOpts{categories: scanCategories()}, "scan", dir)
	if r.code != ExitError || !strings.Contains(r.stderr, "krait.toml:1: min-severity: invalid severity \"hihg\"") {
		t.Errorf("scan with a bad config = %+v", r)
	}
	if strings.Contains(r.stderr, "--help") {
		t.Errorf("a bad config file is not a usage error: %q", r.stderr)
	}
}

func TestScanStatsPhases(t *testing.T) {
	r := runKrait(t, runOpts{categories: scanCategories()}, "scan", "--stats", "-f", "json", "testdata/rulesproj")
	var rep struct{ Stats map[string]any }
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"findings_by_severity", "seconds", "lines_per_second", "peak_rss_bytes"} {
		if _, ok := rep.Stats[k]; !ok {
			t.Errorf("stats has no %q: %v", k, rep.Stats)
		}
	}
	if !strings.HasPrefix(r.stderr, "krait: stats: 9 findings; walk ") {
		t.Errorf("json --stats: stderr = %q; want the phase times", r.stderr)
	}
	r = runKrait(t, runOpts{categories: scanCategories()}, "scan", "--stats", "-q", "testdata/rulesproj")
	lines := strings.Split(r.stderr, "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "krait: stats: 6 files, 17 lines, ") ||
		!strings.HasPrefix(lines[1], "krait: stats: 9 findings; walk ") || !strings.Contains(lines[1], ", rules ") {
		t.Errorf("text stats = %q", r.stderr)
	}
}
