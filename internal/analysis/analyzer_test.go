package analysis

import "testing"

func TestLineSuppresses(t *testing.T) {
	r := &Rule{Code: "KR701", Name: "vulnerable-dependency", Aliases: []string{"S999"}}
	tests := []struct {
		name, line string
		want       bool
	}{
		{"none", "requests==2.0.0", false},
		{"krait_code", "requests==2.0.0  # krait: ignore[KR701]", true},
		{"krait_other_code", "requests==2.0.0  # krait: ignore[KR702]", false},
		{"krait_all", "requests==2.0.0 # krait: ignore", true},
		{"nosec", "requests==2.0.0 # nosec", true},
		{"noqa_alias", "x = 1  # noqa: S999", true},
		{"name", "x = 1  # krait: ignore[vulnerable-dependency]", true},
		{"hash_in_url", "pkg @ https://h/x.whl#sha256=abc # plain comment", false},
		{"fragment_not_comment", "pkg @ git+https://h/r.git#egg=nosec", false},
		{"whole_line", "# krait: ignore[KR701]", true},
		{"ordinary_comment", "requests  # pinned by ops", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LineSuppresses(tt.line, r); got != tt.want {
				t.Errorf("LineSuppresses(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestNewFinding(t *testing.T) {
	r := &Rule{Code: "KR701", Name: "n", Severity: SeverityHigh, Confidence: ConfidenceMedium, CWE: []int{1104}, Analyzer: AnalyzerDeps}
	f := NewFinding(r, "requirements.txt", 3, 1, "m")
	if f.Code != "KR701" || f.Analyzer != AnalyzerDeps || f.Line != 3 || f.EndLine != 3 || f.Severity != SeverityHigh || f.CWE[0] != 1104 {
		t.Errorf("NewFinding = %+v", f)
	}
}

func TestRedactSecret(t *testing.T) {
	tests := []struct{ text, secret, want string }{
		{`password = "hunter2hunter2"`, "hunter2hunter2", `password = "hunt…"`},
		{`key = "short"`, "short", `key = "…"`},
		{`a = "ghp_abcdefghij" + "ghp_abcdefghij"`, "ghp_abcdefghij", `a = "ghp_…" + "ghp_…"`},
		{`nothing here`, "zzzzzzzzzz", `nothing here`},
		{`k = "éèêëēėęabc"`, "éèêëēėęabc", `k = "éèêë…"`},
	}
	for _, tt := range tests {
		if got := RedactSecret(tt.text, tt.secret); got != tt.want {
			t.Errorf("RedactSecret(%q, %q) = %q, want %q", tt.text, tt.secret, got, tt.want)
		}
	}
	if SecretDigest("a") == SecretDigest("b") {
		t.Error("SecretDigest does not tell secrets apart")
	}
}
