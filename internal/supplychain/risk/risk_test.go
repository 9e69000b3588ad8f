package risk

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
)

// f builds a finding for the tables.
func f(code string, sev analysis.Severity, path string, line int) analysis.Finding {
	return analysis.Finding{Code: code, Severity: sev, Path: path, Line: line, Message: code + " here"}
}

const (
	low    = analysis.SeverityLow
	medium = analysis.SeverityMedium
	high   = analysis.SeverityHigh
	crit   = analysis.SeverityCritical
)

func TestScore(t *testing.T) {
	tests := []struct {
		name     string
		findings []analysis.Finding
		// min and max bound the score of the only package.
		min, max float64
		combos   []string
	}{
		{"single_low", []analysis.Finding{f("KR816", low, "pkg/data.py", 3)}, 0, 1, nil},
		{"single_low_of_each", []analysis.Finding{f("KR816", low, "pkg/a.py", 3), f("KR822", low, "pkg/a.pth", 1)}, 0, 3, nil},
		{"custom_install_command", []analysis.Finding{f("KR810", medium, "setup.py", 12)}, 1, 2, nil},
		{"medium_process_in_setup", []analysis.Finding{f("KR812", medium, "setup.py", 9)}, 1, 2, nil},
		{"decode_exec", []analysis.Finding{f("KR814", high, "pkg/__init__.py", 4)}, 7, 8, nil},
		{"reverse_shell", []analysis.Finding{f("KR820", crit, "pkg/__init__.py", 9)}, 9, 9, nil},
		{"repeats_diminish", []analysis.Finding{
			f("KR816", medium, "pkg/a.py", 1), f("KR816", medium, "pkg/a.py", 2), f("KR816", medium, "pkg/a.py", 3),
			f("KR816", medium, "pkg/a.py", 4), f("KR816", medium, "pkg/a.py", 5), f("KR816", medium, "pkg/a.py", 6),
		}, 1.2, 2, nil},
		{"download_and_run", []analysis.Finding{
			f("KR810", high, "setup.py", 20), f("KR811", high, "setup.py", 23), f("KR812", high, "setup.py", 24),
		}, 9, 10, []string{"download and run at install"}},
		{"stealer", []analysis.Finding{
			f("KR818", high, "pkg/__init__.py", 12), f("KR819", high, "pkg/__init__.py", 20),
		}, 9, 10, []string{"credential theft sent to a webhook"}},
		{"typosquat_only", []analysis.Finding{f("KR802", high, "requirements.txt", 3)}, 3, 4, nil},
		{"typosquat_with_install_code", []analysis.Finding{
			f("KR802", high, "setup.py", 1), f("KR811", high, "setup.py", 8),
		}, 8, 10, []string{"typosquat with install-time code"}},
		{"known_malicious", []analysis.Finding{f("KR801", crit, "requirements.txt", 2)}, 10, 10, nil},
		{"low_parts_make_no_combination", []analysis.Finding{
			f("KR816", low, "setup.py", 1), f("KR812", low, "setup.py", 2),
		}, 0, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkgs := Score(tt.findings)
			if len(pkgs) != 1 {
				t.Fatalf("got %d packages, want 1: %+v", len(pkgs), pkgs)
			}
			p := pkgs[0]
			if p.Score < tt.min || p.Score > tt.max {
				t.Errorf("score %.1f, want %.1f to %.1f", p.Score, tt.min, tt.max)
			}
			if diff := cmp.Diff(tt.combos, p.Combinations); diff != "" {
				t.Errorf("combinations (-want +got):\n%s", diff)
			}
			if len(p.Evidence) != len(tt.findings) {
				t.Errorf("%d evidence items for %d findings", len(p.Evidence), len(tt.findings))
			}
		})
	}
}

func TestScoreIgnoresOtherCodes(t *testing.T) {
	pkgs := Score([]analysis.Finding{f("KR101", high, "app.py", 1), f("KR701", high, "requirements.txt", 1)})
	if len(pkgs) != 0 {
		t.Errorf("scored non-supply-chain findings: %+v", pkgs)
	}
}

func TestEvidenceOrder(t *testing.T) {
	pkgs := Score([]analysis.Finding{
		f("KR816", low, "pkg/b.py", 9), f("KR814", high, "pkg/b.py", 4), f("KR816", low, "pkg/a.py", 2),
	})
	var got []string
	for _, e := range pkgs[0].Evidence {
		got = append(got, e.Code+" "+e.Path)
	}
	want := []string{"KR814 pkg/b.py", "KR816 pkg/a.py", "KR816 pkg/b.py"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("evidence order (-want +got):\n%s", diff)
	}
}

func TestRoots(t *testing.T) {
	paths := []string{
		"proj/setup.py", "proj/src/proj/__init__.py", "proj/src/proj/util.py",
		"venv/lib/python3.11/site-packages/evil/__init__.py",
		"venv/lib/python3.11/site-packages/evil-1.0.dist-info/RECORD",
		"venv/lib/python3.11/site-packages/zz.pth",
		"inst/good/__init__.py", "inst/good-2.0.dist-info/METADATA",
		"dist/evil-1.0.tar.gz/evil-1.0/setup.py", "dist/evil-1.0-py3-none-any.whl/evil/__init__.py",
		"loose/mod.py", "top.py",
	}
	root := Roots(paths)
	tests := []struct{ path, want string }{
		{"proj/setup.py", "proj"},
		{"proj/src/proj/__init__.py", "proj"},
		{`proj\src\proj\util.py`, "proj"},
		{"venv/lib/python3.11/site-packages/evil/__init__.py", "venv/lib/python3.11/site-packages/evil"},
		{"venv/lib/python3.11/site-packages/zz.pth", "venv/lib/python3.11/site-packages/zz.pth"},
		{"inst/good/__init__.py", "inst/good"},
		{"dist/evil-1.0.tar.gz/evil-1.0/setup.py", "dist/evil-1.0.tar.gz"},
		{"dist/evil-1.0-py3-none-any.whl/evil/__init__.py", "dist/evil-1.0-py3-none-any.whl"},
		{"loose/mod.py", "loose"},
		{"top.py", "."},
		{"./top.py", "."},
	}
	for _, tt := range tests {
		if got := root(tt.path); got != tt.want {
			t.Errorf("root(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestRootsAbsolute(t *testing.T) {
	root := Roots([]string{"/scan/a/x.py", "/scan/b/c/y.py", "/scan/top.py", "/scan/proj/setup.py", "/scan/proj/p/__init__.py"})
	tests := []struct{ path, want string }{
		{"/scan/a/x.py", "/scan/a"},
		{"/scan/b/c/y.py", "/scan/b"},
		{"/scan/top.py", "/scan"},
		{"/scan/proj/p/__init__.py", "/scan/proj"},
	}
	for _, tt := range tests {
		if got := root(tt.path); got != tt.want {
			t.Errorf("root(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestGrouping(t *testing.T) {
	findings := []analysis.Finding{
		f("KR811", high, "a/setup.py", 3), f("KR814", high, "a/a/__init__.py", 2),
		f("KR816", low, "b/b/data.py", 7),
	}
	pkgs := Annotate(findings, Roots([]string{"a/setup.py", "a/a/__init__.py", "b/b/data.py", "b/pyproject.toml"}))
	var got []string
	for _, p := range pkgs {
		got = append(got, p.Root)
	}
	if diff := cmp.Diff([]string{"a", "b"}, got); diff != "" {
		t.Errorf("roots (-want +got):\n%s", diff)
	}
	if findings[0].RiskScore != pkgs[0].Score || findings[1].RiskScore != pkgs[0].Score || findings[2].RiskScore != pkgs[1].Score {
		t.Errorf("RiskScore not set from the package: %v %v %v", findings[0].RiskScore, findings[1].RiskScore, findings[2].RiskScore)
	}
}
