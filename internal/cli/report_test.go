package cli

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/walk"
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
	tests := []struct {
		name     string
		cfg      scanConfig
		want     []string
		wantCode int
	}{
		{"defaults", scanConfig{failOn: analysis.SeverityLow}, []string{"KR101", "KR102", "KR201"}, ExitFindings},
		{"select_prefix", scanConfig{selects: []string{"KR2"}, failOn: analysis.SeverityLow}, []string{"KR201"}, ExitFindings},
		{"ignore_code", scanConfig{ignores: []string{"KR101"}, failOn: analysis.SeverityLow}, []string{"KR102", "KR201"}, ExitFindings},
		{"min_severity", scanConfig{minSeverity: analysis.SeverityMedium, failOn: analysis.SeverityLow}, []string{"KR101", "KR201"}, ExitFindings},
		{"min_confidence", scanConfig{minConfidence: analysis.ConfidenceMedium, failOn: analysis.SeverityLow}, []string{"KR101", "KR102"}, ExitFindings},
		{"fail_on_above_all", scanConfig{failOn: analysis.SeverityCritical}, []string{"KR101", "KR102", "KR201"}, ExitOK},
		{"fail_on_never", scanConfig{}, []string{"KR101", "KR102", "KR201"}, ExitOK},
		{"everything_ignored", scanConfig{ignores: []string{"KR"}, failOn: analysis.SeverityLow}, nil, ExitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &scanResult{findings: filterFindings(all, &tt.cfg), files: 1}
			var got []string
			for _, f := range res.findings {
				got = append(got, f.Code)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("filter mismatch (-want +got):\n%s", diff)
			}
			if code := exitCode(res, &tt.cfg); code != tt.wantCode {
				t.Errorf("exitCode = %d; want %d", code, tt.wantCode)
			}
		})
	}
}

func TestExitCodeErrors(t *testing.T) {
	errs := []fileError{{Path: "a.py", Kind: errKindSyntax}}
	cfg := &scanConfig{failOn: analysis.SeverityLow}
	if got := exitCode(&scanResult{files: 1, errors: errs}, cfg); got != ExitOK {
		t.Errorf("some files scanned, one broken: exit %d; want 0", got)
	}
	if got := exitCode(&scanResult{errors: errs}, cfg); got != ExitError {
		t.Errorf("nothing scanned, one broken: exit %d; want 2", got)
	}
	if got := exitCode(&scanResult{}, cfg); got != ExitOK {
		t.Errorf("nothing to scan: exit %d; want 0", got)
	}
}

func TestWriteText(t *testing.T) {
	res := &scanResult{
		findings: []analysis.Finding{finding("KR101", analysis.SeverityHigh, analysis.ConfidenceMedium)},
		errors:   []fileError{{Path: "b.py", Line: 2, Column: 3, Kind: errKindSyntax, Message: "invalid syntax"}, {Path: "c", Kind: errKindRead, Message: "permission denied"}},
		skipped:  []walk.Skip{{Path: "x.bin", Reason: walk.ReasonBinary}},
		files:    1,
		lines:    1,
	}
	tests := []struct {
		name string
		opts textOptions
		want string
	}{
		{"plain", textOptions{}, "a.py:1:1: KR101 m [high, medium confidence]\n\nErrors (2):\n" +
			"  b.py:2:3: syntax error: invalid syntax\n  c: read error: permission denied\n\n" +
			"Scanned 1 file (1 line): 1 finding, 2 errors, 1 skipped.\n"},
		{"quiet", textOptions{quiet: true}, "a.py:1:1: KR101 m [high, medium confidence]\n\nErrors (2):\n" +
			"  b.py:2:3: syntax error: invalid syntax\n  c: read error: permission denied\n"},
		{"colour", textOptions{colour: true}, "a.py:1:1: \x1b[1mKR101\x1b[0m m [high, medium confidence]\n\n" +
			"\x1b[1m\x1b[31mErrors (2):\x1b[0m\n" +
			"  b.py:2:3: syntax error: invalid syntax\n  c: read error: permission denied\n\n" +
			"\x1b[1mScanned 1 file (1 line): 1 finding, 2 errors, 1 skipped.\x1b[0m\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			writeText(&b, res, tt.opts)
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("writeText mismatch (-want +got):\n%s", diff)
			}
		})
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
