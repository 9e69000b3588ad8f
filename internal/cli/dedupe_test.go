package cli

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
)

func TestDropSupersededSecrets(t *testing.T) {
	fs := []analysis.Finding{
		{Code: "KR301", Line: 1, Analyzer: analysis.AnalyzerRules},
		{Code: "KR332", Line: 1, Analyzer: analysis.AnalyzerSecrets},
		{Code: "KR301", Line: 2, Analyzer: analysis.AnalyzerRules},
		{Code: "KR101", Line: 1, Analyzer: analysis.AnalyzerRules},
	}
	var got []string
	for _, f := range dropSupersededSecrets(fs) {
		got = append(got, f.Code)
	}
	if diff := cmp.Diff([]string{"KR332", "KR301", "KR101"}, got); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
}
