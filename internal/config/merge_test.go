package config

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kraitsec/krait/internal/analysis"
)

func TestMergeValues(t *testing.T) {
	cfg := &Config{
		Dir:           "proj",
		Exclude:       []string{"build"},
		MinSeverity:   analysis.SeverityMedium,
		MinConfidence: analysis.ConfidenceHigh,
		FailOn:        FailNever,
		Baseline:      "ci/base.json",
	}
	tests := []struct {
		name  string
		cfg   *Config
		flags Overrides
		want  Effective
	}{
		{"defaults", nil, Overrides{}, Effective{
			MinSeverity: analysis.SeverityLow, MinConfidence: analysis.ConfidenceLow, FailOn: analysis.SeverityLow,
		}},
		{"config_only", cfg, Overrides{}, Effective{
			MinSeverity: analysis.SeverityMedium, MinConfidence: analysis.ConfidenceHigh, FailOn: FailNever,
			Baseline: filepath.Join("proj", "ci", "base.json"), Exclude: []string{"build"},
		}},
		{"flags_only", nil, Overrides{MinSeverity: "high", MinConfidence: "medium", FailOn: "critical", Baseline: "b.json", Exclude: []string{"x"}}, Effective{
			MinSeverity: analysis.SeverityHigh, MinConfidence: analysis.ConfidenceMedium, FailOn: analysis.SeverityCritical,
			Baseline: "b.json", Exclude: []string{"x"},
		}},
		{"flags_override_config", cfg, Overrides{MinSeverity: "LOW", MinConfidence: "low", FailOn: "high", Baseline: "other.json", Exclude: []string{"dist", "**/gen/*.py"}}, Effective{
			MinSeverity: analysis.SeverityLow, MinConfidence: analysis.ConfidenceLow, FailOn: analysis.SeverityHigh,
			Baseline: "other.json", Exclude: []string{"build", "dist", "**/gen/*.py"},
		}},
		{"fail_on_never_flag", cfg, Overrides{FailOn: "never"}, Effective{
			MinSeverity: analysis.SeverityMedium, MinConfidence: analysis.ConfidenceHigh, FailOn: FailNever,
			Baseline: filepath.Join("proj", "ci", "base.json"), Exclude: []string{"build"},
		}},
		{"absolute_config_baseline", &Config{Dir: "proj", Baseline: "/srv/base.json"}, Overrides{}, Effective{
			MinSeverity: analysis.SeverityLow, MinConfidence: analysis.ConfidenceLow, FailOn: analysis.SeverityLow,
			Baseline: "/srv/base.json",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Merge(tt.cfg, tt.flags, testCatalog())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&tt.want, got, cmpopts.IgnoreUnexported(Effective{}), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Merge mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMergeErrors(t *testing.T) {
	tests := []struct {
		name  string
		flags Overrides
		want  string
	}{
		{"select", Overrides{Select: []string{"KR1", "KR777"}}, "--select: unknown rule KR777"},
		{"ignore", Overrides{Ignore: []string{"B602"}}, `--ignore: unknown rule selector "B602" (want a code such as KR101, a prefix such as KR1, or a category: crypto, injection, misc, secrets, untrusted)`},
		{"min_severity", Overrides{MinSeverity: "hihg"}, `--min-severity: invalid severity "hihg" (want low, medium, high or critical)`},
		{"min_confidence", Overrides{MinConfidence: "sure"}, `--min-confidence: invalid confidence "sure" (want low, medium or high)`},
		{"fail_on", Overrides{FailOn: "always"}, `--fail-on: invalid fail-on "always" (want low, medium, high, critical or never)`},
		{"exclude", Overrides{Exclude: []string{"["}}, `--exclude: invalid exclude pattern "["`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Merge(nil, tt.flags, testCatalog())
			if err == nil || err.Error() != tt.want {
				t.Errorf("Merge error = %v; want %q", err, tt.want)
			}
		})
	}
}

func TestEnabledRule(t *testing.T) {
	eff, err := Merge(&Config{Ignore: sel(t, "KR101")}, Overrides{}, testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	if eff.Enabled(&analysis.Rule{Code: "KR101"}) || !eff.Enabled(&analysis.Rule{Code: "KR102"}) {
		t.Error("Enabled does not follow ignore = [KR101]")
	}
}

func finding(code, path string, sev analysis.Severity, conf analysis.Confidence) analysis.Finding {
	return analysis.Finding{Code: code, Path: path, Severity: sev, Confidence: conf, Fingerprint: code + ":" + path}
}

func TestKeep(t *testing.T) {
	const hi, med, lo = analysis.SeverityHigh, analysis.SeverityMedium, analysis.SeverityLow
	const chi, clo = analysis.ConfidenceHigh, analysis.ConfidenceLow
	abs, err := filepath.Abs(filepath.Join("proj", "tests", "t.py"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &Config{
		Dir:         "proj",
		Ignore:      sel(t, "KR9"),
		MinSeverity: med,
		PerFileIgnores: []PerFileIgnore{
			{Pattern: "tests/**", Ignore: sel(t, "KR101")},
			{Pattern: "conftest.py", Ignore: sel(t, "injection")},
			{Pattern: "scripts", Ignore: sel(t, "KR2")},
			{Pattern: "src/**", Negate: true, Ignore: sel(t, "KR3")},
		},
	}
	tests := []struct {
		name  string
		flags Overrides
		f     analysis.Finding
		want  bool
	}{
		{"plain", Overrides{}, finding("KR101", "proj/src/a.py", hi, chi), true},
		{"below_min_severity", Overrides{}, finding("KR101", "proj/src/a.py", lo, chi), false},
		{"flag_lowers_min_severity", Overrides{MinSeverity: "low"}, finding("KR101", "proj/src/a.py", lo, chi), true},
		{"below_min_confidence", Overrides{MinConfidence: "high"}, finding("KR101", "proj/src/a.py", hi, clo), false},
		{"ignored_rule", Overrides{}, finding("KR901", "proj/src/a.py", hi, chi), false},
		{"per_file_glob", Overrides{}, finding("KR101", "proj/tests/unit/t.py", hi, chi), false},
		{"per_file_other_rule", Overrides{}, finding("KR102", "proj/tests/unit/t.py", hi, chi), true},
		{"per_file_base_name", Overrides{}, finding("KR105", "proj/pkg/sub/conftest.py", hi, chi), false},
		{"per_file_base_name_other_category", Overrides{}, finding("KR131", "proj/pkg/sub/conftest.py", hi, chi), true},
		{"per_file_directory", Overrides{}, finding("KR201", "proj/scripts/deploy/run.py", hi, chi), false},
		{"per_file_directory_is_not_prefix", Overrides{}, finding("KR201", "proj/scripts2/run.py", hi, chi), true},
		{"per_file_negated_outside", Overrides{}, finding("KR301", "proj/docs/conf.py", hi, chi), false},
		{"per_file_negated_inside", Overrides{}, finding("KR301", "proj/src/settings.py", hi, chi), true},
		{"per_file_absolute_path", Overrides{}, finding("KR101", abs, hi, chi), false},
		{"per_file_messy_path", Overrides{}, finding("KR101", "proj/./src/../tests/t.py", hi, chi), false},
		// A file outside the config's directory is not subject to its per-file patterns.
		{"outside_root", Overrides{}, finding("KR101", "other/tests/t.py", hi, chi), true},
		{"outside_root_negated", Overrides{}, finding("KR301", "other/x.py", hi, chi), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eff, err := Merge(cfg, tt.flags, testCatalog())
			if err != nil {
				t.Fatal(err)
			}
			if got := eff.Keep(tt.f); got != tt.want {
				t.Errorf("Keep(%s at %s) = %v; want %v", tt.f.Code, tt.f.Path, got, tt.want)
			}
		})
	}
}

func TestKeepRootDot(t *testing.T) {
	cfg := &Config{Dir: ".", PerFileIgnores: []PerFileIgnore{{Pattern: "tests/**", Ignore: sel(t, "KR1")}}}
	eff, err := Merge(cfg, Overrides{}, testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(filepath.Join("tests", "a.py"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"tests/a.py", "./tests/a.py", abs} {
		if eff.Keep(finding("KR101", p, analysis.SeverityHigh, analysis.ConfidenceHigh)) {
			t.Errorf("Keep(KR101 at %s) = true; want false", p)
		}
	}
}

func TestFails(t *testing.T) {
	tests := []struct {
		failOn string
		sev    analysis.Severity
		want   bool
	}{
		{"", analysis.SeverityLow, true},
		{"medium", analysis.SeverityLow, false},
		{"medium", analysis.SeverityMedium, true},
		{"medium", analysis.SeverityCritical, true},
		{"critical", analysis.SeverityHigh, false},
		{"never", analysis.SeverityCritical, false},
	}
	for _, tt := range tests {
		eff, err := Merge(nil, Overrides{FailOn: tt.failOn}, testCatalog())
		if err != nil {
			t.Fatal(err)
		}
		if got := eff.Fails(analysis.Finding{Severity: tt.sev}); got != tt.want {
			t.Errorf("fail-on %q: Fails(%v) = %v; want %v", tt.failOn, tt.sev, got, tt.want)
		}
	}
}

// TestLoadThenMerge runs the whole path a scan takes: file, flags, decisions.
func TestLoadThenMerge(t *testing.T) {
	root := project(t, map[string]string{PyprojectFile: `
[tool.krait]
select = ["KR1", "KR2"]
ignore = ["KR102"]
min-severity = "medium"
fail-on = "high"
exclude = ["build"]
baseline = "base.json"

[tool.krait.per-file-ignores]
"tests/**" = ["KR101"]
`})
	cfg, _, err := Load(root, testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	eff, err := Merge(cfg, Overrides{Ignore: []string{"KR2"}, FailOn: "medium", Exclude: []string{"dist"}}, testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	var enabled []string
	for _, c := range testCatalog().Codes {
		if eff.EnabledCode(c) {
			enabled = append(enabled, c)
		}
	}
	if diff := cmp.Diff([]string{"KR101", "KR105", "KR131"}, enabled); diff != "" {
		t.Errorf("enabled (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"build", "dist"}, eff.Exclude); diff != "" {
		t.Errorf("Exclude (-want +got):\n%s", diff)
	}
	if eff.Baseline != filepath.Join(root, "base.json") || eff.FailOn != analysis.SeverityMedium || eff.MinSeverity != analysis.SeverityMedium {
		t.Errorf("Effective = %+v", eff)
	}
	inTests := finding("KR101", filepath.Join(root, "tests", "test_a.py"), analysis.SeverityHigh, analysis.ConfidenceHigh)
	inSrc := finding("KR101", filepath.Join(root, "src", "a.py"), analysis.SeverityHigh, analysis.ConfidenceHigh)
	if eff.Keep(inTests) || !eff.Keep(inSrc) {
		t.Errorf("Keep(tests) = %v, Keep(src) = %v; want false, true", eff.Keep(inTests), eff.Keep(inSrc))
	}
}

// TestKeepConcurrent runs Keep from many goroutines, as the engine's workers will.
func TestKeepConcurrent(t *testing.T) {
	cfg := &Config{Dir: "proj", PerFileIgnores: []PerFileIgnore{{Pattern: "tests", Ignore: sel(t, "KR1")}}}
	eff, err := Merge(cfg, Overrides{Ignore: []string{"KR9"}}, testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan bool)
	for range 8 {
		go func() {
			ok := true
			for range 100 {
				ok = ok && !eff.Keep(finding("KR101", "proj/tests/a.py", analysis.SeverityHigh, analysis.ConfidenceHigh))
				ok = ok && eff.Keep(finding("KR201", "proj/tests/a.py", analysis.SeverityHigh, analysis.ConfidenceHigh))
			}
			done <- ok
		}()
	}
	for range 8 {
		if !<-done {
			t.Error("Keep gave a wrong answer under concurrency")
		}
	}
}
