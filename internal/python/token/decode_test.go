package token

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecode checks Decode against what CPython 3.14's ast.parse(bytes)
// does with the same bytes: the text it tokenizes, or its error.
func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
		err  error
	}{
		{"bom", "\xef\xbb\xbfx = 1\n", "x = 1\n", nil},
		{"bom_latin1_cookie", "\xef\xbb\xbf# coding: latin-1\nx = 1\n", "", &SyntaxError{Line: 1, Col: 0, Msg: "encoding problem: iso-8859-1 with BOM"}},
		{"bom_utf8_cookie", "\xef\xbb\xbf# coding: utf-8\nx = 1\n", "# coding: utf-8\nx = 1\n", nil},
		{"bom_utf8_cookie_unnormalized", "\xef\xbb\xbf# coding: utf8\nx = 1\n", "", &SyntaxError{Line: 1, Col: 0, Msg: "encoding problem: utf8 with BOM"}},
		{"bom_cookie_line2", "\xef\xbb\xbf\n# coding: euc-jp\n", "", &SyntaxError{Line: 2, Col: 0, Msg: "encoding problem: euc-jp with BOM"}},
		{"unknown_encoding", "# coding: foobar\nx = 1\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "unknown encoding: foobar"}},
		{"unknown_encoding_line2", "\n# coding: foobar\nx = 1\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "unknown encoding: foobar"}},
		{"cookie_line3_ignored", "x = 1\n# coding: foobar\n", "x = 1\n# coding: foobar\n", nil},
		{"cookie_after_code_ignored", "x = 1  # coding: latin-1\nx = \"\xe9\"\n", "", &SyntaxError{Line: 2, Col: 6, Msg: "Non-UTF-8 code starting with '\\xe9' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
		{"cookie_after_comment_line", "#!/usr/bin/env python\n# -*- coding: latin-1 -*-\nx = \"\xe9\"\n", "#!/usr/bin/env python\n# -*- coding: latin-1 -*-\nx = \"\xc3\xa9\"\n", nil},
		{"cookie_vim", "# vim: set fileencoding=cp1252 :\nx = \"\x80\"\n", "# vim: set fileencoding=cp1252 :\nx = \"\xe2\x82\xac\"\n", nil},
		{"cookie_no_space", "#coding:latin-1\nx = \"\xe9\"\n", "#coding:latin-1\nx = \"\xc3\xa9\"\n", nil},
		{"cookie_empty_name", "# coding: \nx = 1\n", "# coding: \nx = 1\n", nil},
		{"cookie_first_name_wins", "# coding: coding: latin-1\nx = 1\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "unknown encoding: coding"}},
		{"cookie_case_sensitive", "# Coding: foobar\nx = 1\n", "# Coding: foobar\nx = 1\n", nil},
		{"cookie_formfeed", "\x0c# coding: foobar\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "unknown encoding: foobar"}},
		{"cookie_no_newline", "# coding: foobar", "", &SyntaxError{Line: 0, Col: -1, Msg: "unknown encoding: foobar"}},
		{"cookie_after_backslash", "\\\n# coding: foobar\n", "\\\n# coding: foobar\n", nil},
		{"latin1_variants", "# coding: Latin_1-x\nx = \"\xe9\"\n", "# coding: Latin_1-x\nx = \"\xc3\xa9\"\n", nil},
		{"iso_8859_15", "# coding: iso-8859-15\nx = \"\xa4\"\n", "# coding: iso-8859-15\nx = \"\xe2\x82\xac\"\n", nil},
		{"cp1252", "# coding: cp1252\nx = \"\x80\x99\"\n", "# coding: cp1252\nx = \"\xe2\x82\xac\xe2\x84\xa2\"\n", nil},
		{"cp1252_undefined", "# coding: cp1252\nx = \"\x81\"\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>"}},
		{"windows_1251", "# coding: windows-1251\nx = \"\xc0\"\n", "# coding: windows-1251\nx = \"\xd0\x90\"\n", nil},
		{"koi8_r", "# coding: koi8-r\nx = \"\xc1\"\n", "# coding: koi8-r\nx = \"\xd0\xb0\"\n", nil},
		{"koi8_u_patched", "# coding: koi8_u\nx = \"\xae\xbe\"\n", "# coding: koi8_u\nx = \"\xe2\x95\x9d\xe2\x95\xac\"\n", nil},
		{"mac_roman", "# coding: mac-roman\nx = \"\x80\"\n", "# coding: mac-roman\nx = \"\xc3\x84\"\n", nil},
		{"iso8859_5_c1", "# coding: iso8859-5\nx = \"\x85\xb0\"\n", "# coding: iso8859-5\nx = \"\xc2\x85\xd0\x90\"\n", nil},
		{"ascii_ok", "# coding: ascii\nx = 1\n", "# coding: ascii\nx = 1\n", nil},
		{"ascii_bad", "# coding: ascii\nx = \"\xe9\"\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)"}},
		{"utf8_spelling_codec", "# coding: utf8\n# \xe9\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "'utf-8' codec can't decode byte 0xe9 in position 17: invalid continuation byte"}},
		{"utf8_spelling_codec_span", "# coding: utf8\nx = \"\xe4\xb8x\"\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "'utf-8' codec can't decode bytes in position 20-21: invalid continuation byte"}},
		{"utf8_sig_spelling", "# coding: utf-8-sig\nx = \"\xc3\xa9\"\n", "# coding: utf-8-sig\nx = \"\xc3\xa9\"\n", nil},
		{"euc_jp", "# coding: euc-jp\nx = \"\xa4\xa2\"\n", "# coding: euc-jp\nx = \"\xe3\x81\x82\"\n", nil},
		{"euc_jp_bad", "# coding: euc-jp\nx = \"\xa4\"\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "'euc_jp' codec can't decode byte 0xa4 in position 22: illegal multibyte sequence"}},
		{"shift_jis", "# coding: shift_jis\nx = \"\x82\xa0\"\n", "# coding: shift_jis\nx = \"\xe3\x81\x82\"\n", nil},
		{"gbk", "# coding: gbk\nx = \"\xc4\xe3\"\n", "# coding: gbk\nx = \"\xe4\xbd\xa0\"\n", nil},
		{"big5", "# coding: big5\nx = \"\xa4\xa4\"\n", "# coding: big5\nx = \"\xe4\xb8\xad\"\n", nil},
		{"euc_kr", "# coding: euc-kr\nx = \"\xb0\xa1\"\n", "# coding: euc-kr\nx = \"\xea\xb0\x80\"\n", nil},
		{"non_text_rot13", "# coding: rot13\nx = 1\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "'rot13' is not a text encoding; use codecs.decode() to handle arbitrary codecs"}},
		{"non_text_hex", "# coding: hex\nx = 1\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "'hex' is not a text encoding; use codecs.decode() to handle arbitrary codecs"}},
		{"undefined_codec", "# coding: undefined\nx = 1\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "undefined encoding"}},
		{"utf16_cookie", "# coding: utf-16\nx = 1\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "'utf-16-le' codec can't decode byte 0x0a in position 22: truncated data"}},
		{"utf16_cookie_no_final_newline", "# coding: utf-16\nx = 1", "", &SyntaxError{Line: 0, Col: -1, Msg: "'utf-16-le' codec can't decode byte 0x0a in position 22: truncated data"}},
		{"utf16_cookie_even", "# coding: utf-16\nx = 1 \n", "\u2023\u6f63\u6964\u676e\u203a\u7475\u2d66\u3631\u780a\u3d20\u3120\u0a20", nil},
		{"unsupported_codec", "# coding: cp1006\nx = '\xa1'\n", "", &UnsupportedEncodingError{Name: "cp1006"}},
		{"mbcs_unknown", "# coding: mbcs\nx = 1\n", "", &SyntaxError{Line: 0, Col: -1, Msg: "unknown encoding: mbcs"}},
		{"ascii_compatible_unsupported", "# coding: mac-greek\nx = 1\n", "# coding: mac-greek\nx = 1\n", nil},
		{"null_byte", "x = 1\x00\n", "", &SyntaxError{Line: 0, Col: 0, Msg: "source code string cannot contain null bytes"}},
		{"null_byte_before_bad_cookie", "# coding: foobar\n\x00", "", &SyntaxError{Line: 0, Col: 0, Msg: "source code string cannot contain null bytes"}},
		{"invalid_utf8", "x = 1\ny = \"\xe9\"\n", "", &SyntaxError{Line: 2, Col: 6, Msg: "Non-UTF-8 code starting with '\\xe9' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
		{"invalid_utf8_comment", "# \xe9\n", "", &SyntaxError{Line: 1, Col: 3, Msg: "Non-UTF-8 code starting with '\\xe9' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
		{"invalid_utf8_after_multibyte", "x = \"\xc3\xa9 \xe9\"\n", "", &SyntaxError{Line: 1, Col: 8, Msg: "Non-UTF-8 code starting with '\\xe9' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
		{"invalid_utf8_surrogate", "x = \"\xed\xa0\x80\"\n", "", &SyntaxError{Line: 1, Col: 6, Msg: "Non-UTF-8 code starting with '\\xed' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
		{"invalid_utf8_overlong", "x = \"\xc0\x80\"\n", "", &SyntaxError{Line: 1, Col: 6, Msg: "Non-UTF-8 code starting with '\\xc0' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
		{"invalid_utf8_explicit_cookie", "# coding: utf-8\nx = \"\xe9\"\n", "", &SyntaxError{Line: 2, Col: 6, Msg: "Non-UTF-8 code starting with '\\xe9' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
		{"invalid_utf8_with_bom", "\xef\xbb\xbfx = \"\xe9\"\n", "", &SyntaxError{Line: 1, Col: 6, Msg: "Non-UTF-8 code starting with '\\xe9' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
		{"invalid_utf8_crlf_lines", "x = 1\r\ny = 2\r\nz = \"\xff\"\r\n", "", &SyntaxError{Line: 3, Col: 6, Msg: "Non-UTF-8 code starting with '\\xff' on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
		{"invalid_utf8_cr_lines", "x = 1\ry = \"\xff\"\r", "", &SyntaxError{Line: 2, Col: 6, Msg: "Non-UTF-8 code starting with '\\xff' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
		{"crlf", "x = 1\r\ny = 2\r\n", "x = 1\ny = 2\n", nil},
		{"cr_only", "x = 1\ry = 2\r", "x = 1\ny = 2\n", nil},
		{"mixed_newlines", "a\r\nb\rc\nd", "a\nb\nc\nd", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.src))
			if diff := cmp.Diff(tt.err, err); diff != "" {
				t.Fatalf("error (-want +got):\n%s", diff)
			}
			if err == nil && string(got) != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDecodeNoCopy checks that plain UTF-8 with '\n' line ends comes back
// as the input slice itself.
func TestDecodeNoCopy(t *testing.T) {
	for _, src := range []string{"x = 1\n", "# coding: utf-8\nx = 'é'\n", "\xef\xbb\xbfy\n", ""} {
		in := []byte(src)
		got, err := Decode(in)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if len(got) > 0 && &got[len(got)-1] != &in[len(in)-1] {
			t.Errorf("%q: Decode copied the source", src)
		}
	}
	in := []byte("x = 1\n" + string(bytes.Repeat([]byte("y = 'é'\n"), 1000)))
	if n := testing.AllocsPerRun(20, func() { Decode(in) }); n != 0 {
		t.Errorf("Decode allocates %v times for UTF-8 source", n)
	}
}
