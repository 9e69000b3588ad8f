package vulndb

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
)

func TestBaseScore(t *testing.T) {
	tests := []struct {
		name    string
		v       Vector
		want    float64
		wantErr bool
	}{
		{"v31_critical", Vector{"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}, 9.8, false},
		{"v31_xss", Vector{"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"}, 6.1, false},
		{"v30", Vector{"CVSS_V3", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}, 9.8, false},
		{"v30_low", Vector{"CVSS_V3", "CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N"}, 1.8, false},
		{"v40_critical", Vector{"CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}, 9.3, false},
		{"v40_none", Vector{"CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N"}, 0, false},
		{"v3_without_prefix", Vector{"CVSS_V3", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}, 0, true},
		{"v3_garbage", Vector{"CVSS_V3", "CVSS:3.1/AV:Q"}, 0, true},
		{"v4_garbage", Vector{"CVSS_V4", "CVSS:4.0/nonsense"}, 0, true},
		{"v2_unsupported", Vector{"CVSS_V2", "AV:N/AC:L/Au:N/C:P/I:P/A:P"}, 0, true},
		{"ubuntu_unsupported", Vector{"Ubuntu", "high"}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := BaseScore(tt.v)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("BaseScore(%v) = %v, %v; want %v, error %v", tt.v, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name   string
		vs     []Vector
		want   float64
		wantOK bool
	}{
		{"none", nil, 0, false},
		{"only_bad", []Vector{{"CVSS_V3", "junk"}}, 0, false},
		{"highest_wins", []Vector{
			{"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"},
			{"CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"},
		}, 9.3, true},
		{"bad_skipped", []Vector{{"CVSS_V3", "junk"}, {"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"}}, 6.1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Score(tt.vs)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Score = %v, %v; want %v, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestSeverityOf(t *testing.T) {
	tests := []struct {
		score float64
		want  analysis.Severity
	}{
		{0, analysis.SeverityLow}, {0.1, analysis.SeverityLow}, {3.9, analysis.SeverityLow},
		{4.0, analysis.SeverityMedium}, {6.9, analysis.SeverityMedium},
		{7.0, analysis.SeverityHigh}, {8.9, analysis.SeverityHigh},
		{9.0, analysis.SeverityCritical}, {10, analysis.SeverityCritical},
	}
	for _, tt := range tests {
		if got := SeverityOf(tt.score); got != tt.want {
			t.Errorf("SeverityOf(%v) = %v, want %v", tt.score, got, tt.want)
		}
	}
}
