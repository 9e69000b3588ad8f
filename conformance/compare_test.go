package conformance

import "testing"

func TestCompare(t *testing.T) {
	dump := "Module(body=[], type_ignores=[])"
	other := "Module(body=[Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)], type_ignores=[])"
	tests := []struct {
		name       string
		want, got  string
		ok, colDif bool
	}{
		{"identical", dump, dump, true, false},
		{"dump_differs", dump, other, false, false},
		{"krait_rejects_valid", dump, "SyntaxError: 1:1: invalid syntax", false, false},
		{"krait_accepts_invalid", "SyntaxError: 1:1: invalid syntax", dump, false, false},
		{"same_position", "SyntaxError: 2:5: x", "SyntaxError: 2:5: y", true, false},
		{"other_column", "SyntaxError: 2:5: x", "SyntaxError: 2:9: x", true, true},
		{"other_line", "SyntaxError: 2:5: x", "SyntaxError: 3:5: x", false, false},
		{"cpython_no_line", "SyntaxError: 0:0: source code string cannot contain null bytes", "SyntaxError: 1:1: null", true, false},
		{"krait_missing", dump, "", false, false},
		{"krait_garbage", dump, "panic: boom", false, false},
		{"cpython_broken", "DumpError: RecursionError: too deep", dump, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Compare(tt.want, tt.got)
			if v.OK != tt.ok || v.ColDiffers != tt.colDif {
				t.Errorf("Compare(%q, %q) = OK %v, ColDiffers %v; want %v, %v (detail %q)", tt.want, tt.got, v.OK, v.ColDiffers, tt.ok, tt.colDif, v.Detail)
			}
			if (v.Detail == "") != (v.OK && !v.ColDiffers) {
				t.Errorf("Compare(%q, %q) detail = %q; want one exactly when something differs", tt.want, tt.got, v.Detail)
			}
		})
	}
}
