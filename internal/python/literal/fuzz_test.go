package literal

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// validWTF8 reports whether s is UTF-8 in which surrogate code points may
// also appear, each as its own 3-byte sequence.
func validWTF8(s string) bool {
	for i := 0; i < len(s); {
		if len(s)-i >= 3 && s[i] == 0xed && s[i+1] >= 0xa0 && s[i+1] <= 0xbf && s[i+2] >= 0x80 && s[i+2] <= 0xbf {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

func FuzzDecodeStr(f *testing.F) {
	for _, s := range strCases {
		f.Add(s, false)
	}
	for _, s := range fstringCases {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, body string, raw bool) {
		if !utf8.ValidString(body) {
			return // the tokenizer only hands over decoded source
		}
		check := func(name string, got string, err error, wantValid bool) {
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || e.Offset < 0 || e.Offset > e.End || e.End > len(body) || e.Msg == "" {
					t.Fatalf("%s(%q): bad error %#v", name, body, err)
				}
				return
			}
			if len(got) > len(body) {
				t.Fatalf("%s(%q) = %q, longer than its text", name, body, got)
			}
			if wantValid && !validWTF8(got) {
				t.Fatalf("%s(%q) = %q, not WTF-8", name, body, got)
			}
		}
		got, err := DecodeStr(body, raw)
		check("DecodeStr", got, err, true)
		got, err = DecodeFStringMiddle(body, raw)
		check("DecodeFStringMiddle", got, err, true)
		got, err = DecodeBytes(body, raw)
		check("DecodeBytes", got, err, false)
		_, _ = ParseNumber(body)
	})
}
