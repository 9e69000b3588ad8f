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

func TestRedactAcross(t *testing.T) {
	fs := []analysis.Finding{
		{Code: "KR405", Path: "a.py", Line: 3, Snippet: `requests.get(u, auth=("bob", "hunter2hunter2"))`},
		{Code: "KR302", Path: "a.py", Line: 3, Snippet: `requests.get(u, auth=("bob", "hunt…"))`, Secret: "hunter2hunter2"},
		{Code: "KR405", Path: "b.py", Line: 3, Snippet: `x = "hunter2hunter2"`},
	}
	redactAcross(fs)
	want := []string{`requests.get(u, auth=("bob", "hunt…"))`, `requests.get(u, auth=("bob", "hunt…"))`, `x = "hunter2hunter2"`}
	for i, f := range fs {
		if f.Snippet != want[i] || f.Secret != "" {
			t.Errorf("finding %d: snippet %q, secret %q; want %q and no secret", i, f.Snippet, f.Secret, want[i])
		}
	}
}
