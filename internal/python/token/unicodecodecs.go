package token

import (
	"fmt"
	"unicode/utf8"
)

// decodeUTF16 decodes UTF-16 as Python's utf_16 codecs do: with detectBOM,
// a byte order mark picks the byte order (little-endian without one).
// Source in UTF-16 always holds null bytes, so this only runs on the odd
// file whose cookie names UTF-16 and whose bytes are something else; what
// matters is failing with Python's message.
func decodeUTF16(text []byte, bigEndian, detectBOM bool) ([]byte, error) {
	i := 0
	if detectBOM && len(text) >= 2 {
		switch {
		case text[0] == 0xFF && text[1] == 0xFE:
			bigEndian, i = false, 2
		case text[0] == 0xFE && text[1] == 0xFF:
			bigEndian, i = true, 2
		}
	}
	name := "utf-16-le"
	unit := func(j int) rune { return rune(text[j]) | rune(text[j+1])<<8 }
	if bigEndian {
		name = "utf-16-be"
		unit = func(j int) rune { return rune(text[j])<<8 | rune(text[j+1]) }
	}
	out := make([]byte, 0, len(text)+len(text)/2)
	for i+1 < len(text) {
		u := unit(i)
		switch {
		case u < 0xD800 || u > 0xDFFF:
			out = utf8.AppendRune(out, u)
			i += 2
		case u >= 0xDC00:
			return nil, codecError(name, text, i, 2, "illegal encoding")
		case i+3 >= len(text):
			return nil, codecError(name, text, i, len(text)-i, "unexpected end of data")
		default:
			u2 := unit(i + 2)
			if u2 < 0xDC00 || u2 > 0xDFFF {
				return nil, codecError(name, text, i, 2, "illegal UTF-16 surrogate")
			}
			out = utf8.AppendRune(out, 0x10000+(u-0xD800)<<10+(u2-0xDC00))
			i += 4
		}
	}
	if i < len(text) {
		return nil, codecError(name, text, i, len(text)-i, "truncated data")
	}
	return out, nil
}

// decodeUTF32 decodes UTF-32 as Python's utf_32 codecs do.
func decodeUTF32(text []byte, bigEndian, detectBOM bool) ([]byte, error) {
	i := 0
	if detectBOM && len(text) >= 4 {
		switch {
		case text[0] == 0xFF && text[1] == 0xFE && text[2] == 0 && text[3] == 0:
			bigEndian, i = false, 4
		case text[0] == 0 && text[1] == 0 && text[2] == 0xFE && text[3] == 0xFF:
			bigEndian, i = true, 4
		}
	}
	name := "utf-32-le"
	if bigEndian {
		name = "utf-32-be"
	}
	out := make([]byte, 0, len(text))
	for ; i+3 < len(text); i += 4 {
		b := text[i : i+4]
		u := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
		if bigEndian {
			u = uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
		}
		switch {
		case u > 0x10FFFF:
			return nil, codecError(name, text, i, 4, "code point not in range(0x110000)")
		case u >= 0xD800 && u < 0xE000:
			return nil, codecError(name, text, i, 4, "code point in surrogate code point range(0xd800, 0xe000)")
		}
		out = utf8.AppendRune(out, rune(u))
	}
	if i < len(text) {
		return nil, codecError(name, text, i, len(text)-i, "truncated data")
	}
	return out, nil
}

// codecError is Python's UnicodeDecodeError message for n bytes at pos, as
// ast.parse reports it.
func codecError(codec string, text []byte, pos, n int, reason string) error {
	msg := fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", codec, pos, pos+n-1, reason)
	if n == 1 {
		msg = fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", codec, text[pos], pos, reason)
	}
	return &SyntaxError{Line: 0, Col: -1, Msg: msg}
}
