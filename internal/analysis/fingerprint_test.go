package analysis

import "testing"

func TestNormalizeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"run(x)", "run(x)"},
		{"run(\n    x,\n)", "run(x,)"},
		{"  not   x ", "not x"},
		{"a \\\n  + b", "a+b"},
		{"é é", "é é"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeText(tt.in); got != tt.want {
			t.Errorf("NormalizeText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
