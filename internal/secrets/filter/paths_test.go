package filter

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
)

func TestFixturePath(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"tests/test_db.py", true},
		{"app/tests/helpers.py", true},
		{"test_settings.py", true},
		{"pkg/db_test.py", true},
		{"conftest.py", true},
		{"src/fixtures/users.json", true},
		{"internal/testdata/x.env", true},
		{"examples/quickstart.py", true},
		{"docs/source/conf.py", true},
		{`app\tests\x.py`, true},
		{"web/app.spec.js", true},
		{"internal/keys_test_data.go", true},
		{"pkg/read_write_test_data.go", true},
		{"app/settings.py", false},
		{"app/latest/config.yaml", false},
		{"contest/entry.py", false},
		{"testimony.py", false},
		{".env", false},
	}
	for _, tt := range tests {
		if got := FixturePath(tt.path); got != tt.want {
			t.Errorf("FixturePath(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestDowngrade(t *testing.T) {
	tests := []struct {
		path    string
		in, out analysis.Confidence
	}{
		{"tests/x.py", analysis.ConfidenceHigh, analysis.ConfidenceMedium},
		{"tests/x.py", analysis.ConfidenceMedium, analysis.ConfidenceLow},
		{"tests/x.py", analysis.ConfidenceLow, analysis.ConfidenceLow},
		{"app/x.py", analysis.ConfidenceHigh, analysis.ConfidenceHigh},
	}
	for _, tt := range tests {
		if got := Downgrade(tt.path, tt.in); got != tt.out {
			t.Errorf("Downgrade(%q, %v) = %v, want %v", tt.path, tt.in, got, tt.out)
		}
	}
}
