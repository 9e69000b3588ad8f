package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/rules"
)

// fakeFileAnalyzer reports KR991 on every line of a .txt or .py file containing
// "BAD", and panics on a file containing "PANIC".
type fakeFileAnalyzer struct{ rule *analysis.Rule }

func (a fakeFileAnalyzer) Rules() []*analysis.Rule { return []*analysis.Rule{a.rule} }

func (a fakeFileAnalyzer) Wants(rel string, python bool) bool {
	return python || strings.HasSuffix(rel, ".txt")
}

func (a fakeFileAnalyzer) Check(src *analysis.Source, enabled func(string) bool) []analysis.Finding {
	if strings.Contains(string(src.Data), "PANIC") {
		panic("boom")
	}
	var out []analysis.Finding
	for i, line := range strings.Split(string(src.Data), "\n") {
		if strings.Contains(line, "BAD") && !analysis.LineSuppresses(line, a.rule) {
			f := analysis.NewFinding(a.rule, src.Path, i+1, 1, "bad text")
			if src.Python != nil {
				f.Message += " in parsed python"
			}
			out = append(out, f)
		}
	}
	return out
}

// fakeProject records what it was given and reports one KR992 per file and one
// KR993 that is switched off in the tests.
type fakeProject struct {
	rules        []*analysis.Rule
	problemsOnly bool
	mu           sync.Mutex
	got          *analysis.Project
}

func (a *fakeProject) Rules() []*analysis.Rule { return a.rules }

func (a *fakeProject) Wants(rel string) bool { return strings.HasSuffix(rel, ".lock") }

func (a *fakeProject) Analyze(_ context.Context, p *analysis.Project) (*analysis.ProjectResult, error) {
	a.mu.Lock()
	a.got = p
	a.mu.Unlock()
	res := &analysis.ProjectResult{Notices: []string{"fake notice"}}
	for _, f := range p.Files {
		if a.problemsOnly {
			break
		}
		res.Findings = append(res.Findings, analysis.NewFinding(a.rules[0], f.Path, 1, 1, "project finding"))
		res.Findings = append(res.Findings, analysis.NewFinding(a.rules[1], f.Path, 1, 1, "switched off"))
	}
	res.Errors = []analysis.FileProblem{{Path: "x.lock", Line: 2, Message: "broken"}}
	return res, nil
}

func analyzerRule(code string) *analysis.Rule {
	return &analysis.Rule{Code: code, Name: "fake-" + code, Summary: "fake", Severity: analysis.SeverityMedium,
		Confidence: analysis.ConfidenceHigh, CWE: []int{1}, Analyzer: "fake"}
}

func TestAnalyzersInScan(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("notes.txt", "fine\nBAD here\nBAD but # krait: ignore[KR991]\n")
	write("app.py", "import yaml\nfrom google.cloud import storage\nx = 'BAD'\n")
	write("deps.lock", "BAD lock\n")
	write("crash.txt", "PANIC\n")
	write("other.md", "BAD but nobody wants markdown\n")

	fileRule, projRule, offRule := analyzerRule("KR991"), analyzerRule("KR992"), analyzerRule("KR993")
	proj := &fakeProject{rules: []*analysis.Rule{projRule, offRule}}
	// A second analyzer sharing the first one's rules reports the same file problem,
	// which the scan reports once.
	twin := &fakeProject{rules: []*analysis.Rule{projRule, offRule}, problemsOnly: true}
	opts := runOpts{
		categories: []rules.Category{{Name: "fake", Rules: []*analysis.Rule{fileRule, projRule, offRule}}},
		analyzers: func(*scanConfig) ([]analysis.FileAnalyzer, []analysis.ProjectAnalyzer, error) {
			return []analysis.FileAnalyzer{fakeFileAnalyzer{fileRule}}, []analysis.ProjectAnalyzer{proj, twin}, nil
		},
	}
	r := runKrait(t, opts, "scan", "-f", "json", "--ignore", "KR993", dir)
	if r.code != ExitFindings {
		t.Fatalf("exit code = %d; stderr %q", r.code, r.stderr)
	}
	if want := "krait: fake notice\n"; r.stderr != want {
		t.Errorf("stderr = %q; want %q", r.stderr, want)
	}
	var out struct {
		Findings []struct {
			Code, Path, Message, Analyzer string
			Line                          int
		}
		Errors []struct {
			Path, Kind, Message string
			Line                int
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	type row struct {
		Code, File, Message string
		Line                int
	}
	var got []row
	for _, f := range out.Findings {
		got = append(got, row{f.Code, filepath.Base(f.Path), f.Message, f.Line})
	}
	want := []row{
		{"KR991", "app.py", "bad text in parsed python", 3},
		{"KR992", "deps.lock", "project finding", 1},
		{"KR991", "notes.txt", "bad text", 2},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	var errs []string
	for _, e := range out.Errors {
		errs = append(errs, filepath.Base(e.Path)+":"+e.Kind)
	}
	if diff := cmp.Diff([]string{"crash.txt:internal", "x.lock:analysis"}, errs); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	p := proj.got
	if p == nil || len(p.Files) != 1 || filepath.Base(p.Files[0].Path) != "deps.lock" || string(p.Files[0].Data) != "BAD lock\n" {
		t.Fatalf("project files = %+v", p)
	}
	var mods []string
	for _, im := range p.Imports {
		mods = append(mods, im.Module)
	}
	if diff := cmp.Diff([]string{"yaml", "google.cloud"}, mods); diff != "" {
		t.Errorf("imports (-want +got):\n%s", diff)
	}
	if p.Enabled("KR993") || !p.Enabled("KR992") {
		t.Error("Enabled does not follow --ignore")
	}
}

func TestAnalyzerSkippedWhenItsRulesAreOff(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.lock"), []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	projRule, offRule := analyzerRule("KR992"), analyzerRule("KR993")
	proj := &fakeProject{rules: []*analysis.Rule{projRule, offRule}}
	opts := runOpts{
		categories: []rules.Category{{Name: "fake", Rules: []*analysis.Rule{projRule, offRule}}},
		analyzers: func(*scanConfig) ([]analysis.FileAnalyzer, []analysis.ProjectAnalyzer, error) {
			return nil, []analysis.ProjectAnalyzer{proj}, nil
		},
	}
	r := runKrait(t, opts, "scan", "-q", "--ignore", "KR992,KR993", dir)
	if r.code != ExitOK || proj.got != nil {
		t.Errorf("exit %d, analyzer ran: %v", r.code, proj.got != nil)
	}
}
