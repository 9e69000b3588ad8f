package cli

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/config"
	"github.com/kraitsec/krait/internal/report"
)

func finding(code string, sev analysis.Severity, conf analysis.Confidence) analysis.Finding {
	return analysis.Finding{Code: code, Severity: sev, Confidence: conf, Path: "a.py", Line: 1, Column: 1, Message: "m"}
}

func TestFilterAndExitCode(t *testing.T) {
	all := []analysis.Finding{
		finding("KR101", analysis.SeverityHigh, analysis.ConfidenceHigh),
		finding("KR102", analysis.SeverityLow, analysis.ConfidenceHigh),
		finding("KR201", analysis.SeverityMedium, analysis.ConfidenceLow),
	}
	cat := config.Catalog{Codes: []string{"KR101", "KR102", "KR201"},
		Categories: map[string][]string{"injection": {"KR101", "KR102"}, "crypto": {"KR201"}}}
	tests := []struct {
		name     string
		ov       config.Overrides
		want     []string
		wantCode int
	}{
		{"defaults", config.Overrides{}, []string{"KR101", "KR102", "KR201"}, ExitFindings},
		{"select_prefix", config.Overrides{Select: []string{"KR2"}}, []string{"KR201"}, ExitFindings},
		{"select_category", config.Overrides{Select: []string{"injection"}}, []string{"KR101", "KR102"}, ExitFindings},
		{"ignore_code", config.Overrides{Ignore: []string{"KR101"}}, []string{"KR102", "KR201"}, ExitFindings},
		{"ignore_category", config.Overrides{Ignore: []string{"Crypto"}}, []string{"KR101", "KR102"}, ExitFindings},
		{"min_severity", config.Overrides{MinSeverity: "medium"}, []string{"KR101", "KR201"}, ExitFindings},
		{"min_confidence", config.Overrides{MinConfidence: "medium"}, []string{"KR101", "KR102"}, ExitFindings},
		{"fail_on_above_all", config.Overrides{FailOn: "critical"}, []string{"KR101", "KR102", "KR201"}, ExitOK},
		{"fail_on_never", config.Overrides{FailOn: "never"}, []string{"KR101", "KR102", "KR201"}, ExitOK},
		{"everything_ignored", config.Overrides{Ignore: []string{"KR"}}, nil, ExitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eff, err := config.Merge(nil, tt.ov, cat)
			if err != nil {
				t.Fatal(err)
			}
			res := &scanResult{files: 1}
			var got []string
			for _, f := range all {
				if eff.Keep(f) {
					res.findings = append(res.findings, f)
					got = append(got, f.Code)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("filter mismatch (-want +got):\n%s", diff)
			}
			if code := exitCode(res, eff); code != tt.wantCode {
				t.Errorf("exitCode = %d; want %d", code, tt.wantCode)
			}
		})
	}
}

func TestExitCodeErrors(t *testing.T) {
	errs := []report.FileError{{Path: "a.py", Kind: errKindSyntax}}
	eff, err := config.Merge(nil, config.Overrides{}, config.Catalog{})
	if err != nil {
		t.Fatal(err)
	}
	if got := exitCode(&scanResult{files: 1, errors: errs}, eff); got != ExitOK {
		t.Errorf("some files scanned, one broken: exit %d; want 0", got)
	}
	if got := exitCode(&scanResult{errors: errs}, eff); got != ExitError {
		t.Errorf("nothing scanned, one broken: exit %d; want 2", got)
	}
	if got := exitCode(&scanResult{}, eff); got != ExitOK {
		t.Errorf("nothing to scan: exit %d; want 0", got)
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr bool
	}{
		{"1048576", 1 << 20, false},
		{"512KiB", 512 << 10, false},
		{"10MiB", 10 << 20, false},
		{"10m", 10 << 20, false},
		{"2 GB", 2 << 30, false},
		{"0", 0, true},
		{"-1", 0, true},
		{"10XB", 0, true},
		{"ten", 0, true},
		{"99999999999999999999", 0, true},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestCountLines(t *testing.T) {
	for in, want := range map[string]int64{"": 0, "a": 1, "a\n": 1, "a\nb": 2, "\n\n": 2} {
		if got := countLines([]byte(in)); got != want {
			t.Errorf("countLines(%q) = %d; want %d", in, got, want)
		}
	}
}
