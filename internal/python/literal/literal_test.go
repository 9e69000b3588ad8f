package literal

import (
	"errors"
	"math"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/python/ast"
)

func TestErrorOffsets(t *testing.T) {
	type decodeFunc func(string, bool) (string, error)
	tests := []struct {
		name   string
		decode decodeFunc
		text   string
		want   Error
	}{
		{"str_truncated_x", DecodeStr, `ab\x4g`, Error{Offset: 2, End: 5, Msg: `(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \xXX escape`}},
		{"str_after_non_ascii", DecodeStr, `é\x`, Error{Offset: 2, End: 4, Msg: `(unicode error) 'unicodeescape' codec can't decode bytes in position 10-11: truncated \xXX escape`}},
		{"str_unknown_name", DecodeStr, `a\N{NOPE}b`, Error{Offset: 1, End: 9, Msg: `(unicode error) 'unicodeescape' codec can't decode bytes in position 1-8: unknown Unicode character name`}},
		{"str_unclosed_name", DecodeStr, `\N{BEL`, Error{Offset: 0, End: 6, Msg: `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: malformed \N character escape`}},
		{"str_illegal", DecodeStr, `\U00110000`, Error{Offset: 0, End: 10, Msg: `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character`}},
		{"bytes_non_ascii", DecodeBytes, `ab😀`, Error{Offset: 2, End: 6, Msg: "bytes can only contain ASCII literal characters"}},
		{"bytes_bad_x", DecodeBytes, `a\x4`, Error{Offset: 1, End: 4, Msg: `(value error) invalid \x escape at position 1`}},
		{"bytes_trailing_backslash", DecodeBytes, `a\`, Error{Offset: 1, End: 2, Msg: `(value error) Trailing \ in string`}},
		{"fstring_second_part", DecodeFStringMiddle, `a{{b\x4`, Error{Offset: 4, End: 7, Msg: `(unicode error) 'unicodeescape' codec can't decode bytes in position 1-3: truncated \xXX escape`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.decode(tt.text, false)
			var got *Error
			if !errors.As(err, &got) {
				t.Fatalf("error %v, want *Error", err)
			}
			if diff := cmp.Diff(tt.want, *got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestTrailingBackslashIsKept(t *testing.T) {
	// The tokenizer never leaves one in a str body, but an f-string part
	// before a replacement field can end with one: f'\{x}' is "\\" + x.
	for _, decode := range []func(string, bool) (string, error){DecodeStr, DecodeFStringMiddle} {
		got, err := decode(`ab\`, false)
		if err != nil || got != `ab\` {
			t.Errorf(`got %q, %v; want "ab\\"`, got, err)
		}
	}
}

func TestRawIsVerbatim(t *testing.T) {
	const body = `\x\N{NOPE}\u12\` + "\\\n"
	for _, decode := range []func(string, bool) (string, error){DecodeStr, DecodeBytes} {
		got, err := decode(body, true)
		if err != nil || got != body {
			t.Errorf("got %q, %v; want the body", got, err)
		}
	}
	got, err := DecodeFStringMiddle(`\x{{\N}}`, true)
	if err != nil || got != `\x{\N}` {
		t.Errorf(`got %q, %v; want "\\x{\\N}"`, got, err)
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		text string
		want ast.ConstValue
	}{
		{"0", ast.ConstValue{Kind: ast.ConstInt, S: "0"}},
		{"000", ast.ConstValue{Kind: ast.ConstInt, S: "0"}},
		{"1_000", ast.ConstValue{Kind: ast.ConstInt, S: "1000"}},
		{"0x1F", ast.ConstValue{Kind: ast.ConstInt, S: "31"}},
		{"0o17", ast.ConstValue{Kind: ast.ConstInt, S: "15"}},
		{"0b101", ast.ConstValue{Kind: ast.ConstInt, S: "5"}},
		{"0x1_0000_0000_0000_0000", ast.ConstValue{Kind: ast.ConstInt, S: "18446744073709551616"}},
		{"1e400", ast.ConstValue{Kind: ast.ConstFloat, F: math.Inf(1)}},
		{"1_0.5e-3", ast.ConstValue{Kind: ast.ConstFloat, F: 0.0105}},
		{"1.5e3J", ast.ConstValue{Kind: ast.ConstComplex, F: 1500}},
		{"1j", ast.ConstValue{Kind: ast.ConstComplex, F: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := ParseNumber(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseNumberRejectsMalformed(t *testing.T) {
	for _, text := range []string{"", "_", "1_", "1__0", "_1", "0x", "0x_", "0x1_", "0b2", "0o8", "0xg",
		"1e", "1e+", "e5", ".", ".e5", "._5", "1._5", "nan", "inf", "0x1p3", "1.5.5", "j", "1jj", "+1", "1 ", "١"} {
		if v, err := ParseNumber(text); err == nil {
			t.Errorf("ParseNumber(%q) = %+v, want an error", text, v)
		}
	}
}

func TestFastPathsDoNotAllocate(t *testing.T) {
	tests := []struct {
		name string
		f    func()
	}{
		{"DecodeStr", func() { _, _ = DecodeStr("no escapes here é", false) }},
		{"DecodeStr_raw", func() { _, _ = DecodeStr(`\x\y`, true) }},
		{"DecodeBytes", func() { _, _ = DecodeBytes("no escapes here", false) }},
		{"DecodeFStringMiddle", func() { _, _ = DecodeFStringMiddle("no braces", false) }},
		{"ParseNumber_decimal", func() { _, _ = ParseNumber("123456789012345678901234567890") }},
		{"ParseNumber_float", func() { _, _ = ParseNumber("1.5e3") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := testing.AllocsPerRun(100, tt.f); n != 0 {
				t.Errorf("%v allocations, want 0", n)
			}
		})
	}
}

func TestEscapesAllocateOnce(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _, _ = DecodeStr(`tab\there \u00e9 \x41 \101`, false) }); n != 1 {
		t.Errorf("%v allocations, want 1", n)
	}
}

func TestNameIndexBuildsOnFirstLookup(t *testing.T) {
	var x nameIndex
	if x.entries != nil {
		t.Fatal("a new index is not empty")
	}
	r, ok := x.lookup([]byte("LATIN SMALL LETTER A"))
	if !ok || r != 'a' {
		t.Errorf("lookup = %q, %v; want 'a'", r, ok)
	}
	if len(x.entries) < 30000 {
		t.Errorf("%d names, want the whole Unicode repertoire", len(x.entries))
	}
}

func TestNameIndexIsSafeForConcurrentUse(t *testing.T) {
	var x nameIndex
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if r, ok := x.lookup([]byte("BULLET")); !ok || r != '•' {
				t.Errorf("lookup = %q, %v; want '•'", r, ok)
			}
		})
	}
	wg.Wait()
}
