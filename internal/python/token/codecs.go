package token

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// decodeWith decodes text (newlines already translated) with the Python
// codec called name, reporting failures as CPython's ast.parse does: a
// SyntaxError at line 0, column -1, whose message is the codec's.
func decodeWith(name string, text []byte) ([]byte, error) {
	module := codecModule(normalizeEncoding(name))
	fail := func(msg string) error { return &SyntaxError{Line: 0, Col: -1, Msg: msg} }
	switch module {
	case "ascii":
		for i, c := range text {
			if c >= 0x80 {
				return nil, fail(fmt.Sprintf("'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", c, i))
			}
		}
		return text, nil
	case "latin_1", "iso8859_1", "charmap":
		return decodeSingleByte(text, charmap.ISO8859_1, nil)
	case "utf_8":
		if err := checkCodecUTF8(text); err != nil {
			return nil, fail(err.Error())
		}
		return text, nil
	case "utf_8_sig":
		if len(text) >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF {
			text = text[3:]
		}
		if err := checkCodecUTF8(text); err != nil {
			return nil, fail(err.Error())
		}
		return text, nil
	case "utf_16":
		return decodeUTF16(text, false, true)
	case "utf_16_le":
		return decodeUTF16(text, false, false)
	case "utf_16_be":
		return decodeUTF16(text, true, false)
	case "utf_32":
		return decodeUTF32(text, false, true)
	case "utf_32_le":
		return decodeUTF32(text, false, false)
	case "utf_32_be":
		return decodeUTF32(text, true, false)
	case "undefined":
		return nil, fail("undefined encoding")
	case "base64_codec", "bz2_codec", "hex_codec", "quopri_codec", "rot_13", "uu_codec", "zlib_codec":
		return nil, fail("'" + name + "' is not a text encoding; use codecs.decode() to handle arbitrary codecs")
	}
	if cm, patch := singleByteCodec(module); cm != nil {
		return decodeSingleByte(text, cm, patch)
	}
	if enc := multiByteCodec(module); enc != nil {
		return decodeMultiByte(text, module, enc)
	}
	if asciiCompatible(module) {
		// Pure ASCII text means the same in every ASCII-compatible codec.
		for _, c := range text {
			if c >= 0x80 {
				return nil, &UnsupportedEncodingError{Name: name}
			}
		}
		return text, nil
	}
	if knownCodec(module) {
		return nil, &UnsupportedEncodingError{Name: name}
	}
	return nil, fail("unknown encoding: " + name)
}

// normalizeEncoding is Python's encodings.normalize_encoding after
// codecs.lookup's lowercasing: runs of characters other than letters,
// digits and '.' become one '_', dropped at either end.
func normalizeEncoding(name string) string {
	out := make([]byte, 0, len(name))
	punct := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' {
			if punct && len(out) > 0 {
				out = append(out, '_')
			}
			out = append(out, c)
			punct = false
		} else {
			punct = true
		}
	}
	return string(out)
}

// decodeSingleByte decodes with a one-byte table; patch overrides entries
// where x/text's table differs from Python's (0xFFFD: undefined). Bytes
// that Python leaves undefined fail with the charmap codec's message.
func decodeSingleByte(text []byte, cm *charmap.Charmap, patch func(byte) (rune, bool)) ([]byte, error) {
	out := make([]byte, 0, len(text)+len(text)/4)
	for i, c := range text {
		if c < 0x80 {
			out = append(out, c)
			continue
		}
		r := cm.DecodeByte(c)
		if patch != nil {
			if p, ok := patch(c); ok {
				r = p
			}
		}
		if r == utf8.RuneError {
			return nil, &SyntaxError{Line: 0, Col: -1, Msg: fmt.Sprintf(
				"'charmap' codec can't decode byte 0x%02x in position %d: character maps to <undefined>", c, i)}
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// decodeMultiByte decodes with a CJK codec. x/text's decoders follow the
// WHATWG tables, which accept a superset of Python's; an invalid sequence
// is reported at its first byte, with Python's message.
func decodeMultiByte(text []byte, module string, enc encoding.Encoding) ([]byte, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), text)
	if err == nil && !containsRuneError(out) {
		return out, nil
	}
	pos := firstBadSequence(text, enc)
	msg := fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: illegal multibyte sequence", module, text[pos], pos)
	return nil, &SyntaxError{Line: 0, Col: -1, Msg: msg}
}

// containsRuneError reports whether decoding produced U+FFFD, which x/text
// writes for invalid input (these encodings cannot spell it themselves).
func containsRuneError(out []byte) bool {
	return bytes.Contains(out, []byte("\uFFFD"))
}

// firstBadSequence finds where decoding first fails: the shortest prefix
// whose decoding holds U+FFFD ends in the bad sequence, which starts at its
// last byte or, if that byte completes an unfinished character, the one
// before.
func firstBadSequence(text []byte, enc encoding.Encoding) int {
	bad := func(k int) (hasError bool, consumed int) {
		dst := make([]byte, 4*k+16)
		nDst, nSrc, err := enc.NewDecoder().Transform(dst, text[:k], false)
		if err != nil && !errors.Is(err, transform.ErrShortSrc) {
			return true, nSrc
		}
		return containsRuneError(dst[:nDst]), nSrc
	}
	lo, hi := 1, len(text)
	for lo < hi {
		mid := (lo + hi) / 2
		if e, _ := bad(mid); e {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	k := lo
	if k >= 2 {
		if _, consumed := bad(k - 1); consumed < k-1 {
			return k - 2
		}
	}
	return max(k-1, 0)
}

// checkCodecUTF8 validates UTF-8 as Python's utf-8 codec does, with its
// error message (used when a cookie names utf8 in a spelling CPython's
// tokenizer does not treat as its default).
func checkCodecUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			i += size
			continue
		}
		span, reason := utf8ErrorSpan(b[i:])
		if span == 1 {
			return fmt.Errorf("'utf-8' codec can't decode byte 0x%02x in position %d: %s", b[i], i, reason)
		}
		return fmt.Errorf("'utf-8' codec can't decode bytes in position %d-%d: %s", i, i+span-1, reason)
	}
	return nil
}

// utf8ErrorSpan measures an invalid sequence at the start of b the way
// CPython's UTF-8 decoder does.
func utf8ErrorSpan(b []byte) (int, string) {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 1, "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if k >= len(b) {
			return k, "unexpected end of data"
		}
		x := b[k]
		if k == 1 && (x < lo || x > hi) || k > 1 && (x < 0x80 || x > 0xBF) {
			return k, "invalid continuation byte"
		}
	}
	return need + 1, "invalid continuation byte"
}
