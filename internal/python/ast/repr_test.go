package ast

import (
	"math"
	"testing"
	"unicode"
)

func TestReprStr(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", `''`},
		{"single_quote", `'`, `"'"`},
		{"both_quotes", `'"`, `'\'"'`},
		{"controls", "\t\n\r\x00\x7f\u0080\u00a0\u00ad", `'\t\n\r\x00\x7f\x80\xa0\xad'`},
		{"separators", "\u2028\u200b\ufeff", `'\u2028\u200b\ufeff'`},
		{"astral", "😀\U000e0001", `'😀\U000e0001'`},
		{"lone_surrogate", "\xed\xa0\x80", `'\ud800'`},
		{"surrogate_pair_stays_two", "\xed\xa0\xbd\xed\xb8\x80", `'\ud83d\ude00'`},
		// Characters that Unicode 15.1 and 16.0 added are printable in CPython 3.14.
		{"unicode16_arabic_pepet", "\u0897", "'\u0897'"},
		{"unicode16_egyptian", "\U00013460", "'\U00013460'"},
		{"unicode15_1_cjk_ext_i", "\U0002ebf0", "'\U0002ebf0'"},
		{"unassigned", "\u0378\U0002ee5e", `'\u0378\U0002ee5e'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ReprStr(tt.in); got != tt.want {
				t.Errorf("ReprStr(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestReprFloat(t *testing.T) {
	tests := []struct {
		in               float64
		float, imaginary string
	}{
		{0, "0.0", "0j"},
		{5e-324, "5e-324", "5e-324j"},
		{1.7976931348623157e308, "1.7976931348623157e+308", "1.7976931348623157e+308j"},
		{0.30000000000000004, "0.30000000000000004", "0.30000000000000004j"},
		{1e16, "1e+16", "1e+16j"},
		{1e15, "1000000000000000.0", "1000000000000000j"},
		{1e-5, "1e-05", "1e-05j"},
		{1e-4, "0.0001", "0.0001j"},
		{123456789012345678.0, "1.2345678901234568e+17", "1.2345678901234568e+17j"},
		{math.Inf(1), "inf", "infj"},
	}
	for _, tt := range tests {
		if got := ReprFloat(tt.in); got != tt.float {
			t.Errorf("ReprFloat(%v) = %s, want %s", tt.in, got, tt.float)
		}
		if got := ReprComplex(tt.in); got != tt.imaginary {
			t.Errorf("ReprComplex(%v) = %s, want %s", tt.in, got, tt.imaginary)
		}
	}
}

// printableSince15 fills the gap between Go's Unicode tables and CPython
// 3.14's; a Go release with newer tables would call characters printable
// that CPython 3.14 escapes, so the table must then be derived again.
func TestGoUnicodeVersion(t *testing.T) {
	if unicode.Version != "15.0.0" {
		t.Errorf("Go's Unicode tables are %s: re-derive printableSince15 against CPython 3.14 (Unicode 16.0)", unicode.Version)
	}
}
