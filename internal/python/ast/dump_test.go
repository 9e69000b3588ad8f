package ast

import (
	"math"
	"testing"
)

func TestDumpShape(t *testing.T) {
	// x: int = 1.5j; return  — built by hand, dumped as CPython 3.14 prints it.
	mod := &Module{Body: []Stmt{
		&AnnAssign{
			Pos:        Pos{1, 0, 1, 13},
			Target:     &Name{Pos: Pos{1, 0, 1, 1}, ID: "x", Ctx: Store},
			Annotation: &Name{Pos: Pos{1, 3, 1, 6}, ID: "int", Ctx: Load},
			Value:      &Constant{Pos: Pos{1, 9, 1, 13}, Value: ConstValue{Kind: ConstComplex, F: 1.5}},
			Simple:     1,
		},
		&Return{Pos: Pos{2, 0, 2, 6}},
		&ExprStmt{Pos: Pos{3, 0, 3, 6}, Value: &Constant{Pos: Pos{3, 0, 3, 6}, Value: ConstValue{Kind: ConstStr, S: "x"}, Kind: "u"}},
	}}
	want := "Module(body=[AnnAssign(target=Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), annotation=Name(id='int', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=6), value=Constant(value=1.5j, lineno=1, col_offset=9, end_lineno=1, end_col_offset=13), simple=1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), Return(lineno=2, col_offset=0, end_lineno=2, end_col_offset=6), Expr(value=Constant(value='x', kind='u', lineno=3, col_offset=0, end_lineno=3, end_col_offset=6), lineno=3, col_offset=0, end_lineno=3, end_col_offset=6)], type_ignores=[])"
	if got := Dump(mod); got != want {
		t.Errorf("Dump:\n got %s\nwant %s", got, want)
	}
}

func TestRepr(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"str_plain", ReprStr("abc"), `'abc'`},
		{"str_single_quote", ReprStr("it's"), `"it's"`},
		{"str_both_quotes", ReprStr(`it's "x"`), `'it\'s "x"'`},
		{"str_controls", ReprStr("a\tb\nc\rd\x00\x7f\\"), `'a\tb\nc\rd\x00\x7f\\'`},
		{"str_unicode", ReprStr("é€😀"), `'é€😀'`},
		{"str_nonprint", ReprStr("\u00a0\u2028\U000e0001"), `'\xa0\u2028\U000e0001'`},
		{"str_surrogate", ReprStr("\xed\xa0\x80"), `'\ud800'`},
		{"bytes", ReprBytes("\x00'a\xff"), `b"\x00'a\xff"`},
		{"bytes_both", ReprBytes(`'"`), `b'\'"'`},
		{"float_int", ReprFloat(1), "1.0"},
		{"float_1e16", ReprFloat(1e16), "1e+16"},
		{"float_1e15", ReprFloat(1e15), "1000000000000000.0"},
		{"float_small", ReprFloat(0.0001), "0.0001"},
		{"float_smaller", ReprFloat(0.00001), "1e-05"},
		{"float_frac", ReprFloat(0.1), "0.1"},
		{"float_big", ReprFloat(1.5e300), "1.5e+300"},
		{"float_inf", ReprFloat(math.Inf(1)), "inf"},
		{"float_mid", ReprFloat(123.456), "123.456"},
		{"complex", ReprComplex(1), "1j"},
		{"complex_frac", ReprComplex(1.5), "1.5j"},
		{"complex_big", ReprComplex(1e16), "1e+16j"},
		{"complex_1e15", ReprComplex(1e15), "1000000000000000j"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %s, want %s", tt.got, tt.want)
			}
		})
	}
}
