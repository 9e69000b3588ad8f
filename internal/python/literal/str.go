package literal

import (
	"strings"
)

// DecodeStr returns the value of a str literal from the text between its
// quotes (newlines already normalised to \n). A raw literal's text is its
// value. A text without backslashes is returned as is, without allocating.
func DecodeStr(body string, raw bool) (string, error) {
	if raw || strings.IndexByte(body, '\\') < 0 {
		return body, nil
	}
	var b strings.Builder
	// No escape is shorter than what it decodes to, so one allocation does.
	b.Grow(len(body))
	if err := decodeStrTo(&b, body); err != nil {
		return "", err
	}
	return b.String(), nil
}

// decodeStrTo appends the decoded value of body to b. Error positions are
// relative to body, which is also what CPython's messages count from.
func decodeStrTo(b *strings.Builder, body string) *Error {
	for i := 0; i < len(body); {
		j := strings.IndexByte(body[i:], '\\')
		if j < 0 {
			b.WriteString(body[i:])
			return nil
		}
		b.WriteString(body[i : i+j])
		i += j
		if i+1 == len(body) {
			// CPython rewrites a final backslash as \u005c: a backslash.
			b.WriteByte('\\')
			return nil
		}
		c := body[i+1]
		if s, ok := simpleEscape(c); ok {
			b.WriteString(s)
			i += 2
			continue
		}
		switch c {
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, n := octal(body[i+1:])
			writeWTF8(b, rune(v))
			i += 1 + n
		case 'x', 'u', 'U':
			r, end, err := hexEscape(body, i)
			if err != nil {
				return err
			}
			writeWTF8(b, r)
			i = end
		case 'N':
			r, end, err := namedEscape(body, i)
			if err != nil {
				return err
			}
			writeWTF8(b, r)
			i = end
		default:
			// Unknown escape (a SyntaxWarning): the backslash stays, and the
			// next character is copied by the next round.
			b.WriteByte('\\')
			i++
		}
	}
	return nil
}

// simpleEscape decodes the one-character escapes common to str and bytes;
// "\<newline>" decodes to nothing.
func simpleEscape(c byte) (string, bool) {
	switch c {
	case '\n':
		return "", true
	case '\\':
		return `\`, true
	case '\'':
		return "'", true
	case '"':
		return `"`, true
	case 'a':
		return "\a", true
	case 'b':
		return "\b", true
	case 'f':
		return "\f", true
	case 'n':
		return "\n", true
	case 'r':
		return "\r", true
	case 't':
		return "\t", true
	case 'v':
		return "\v", true
	}
	return "", false
}

// octal reads the one to three octal digits at the start of s.
func octal(s string) (v, n int) {
	for n < 3 && n < len(s) && s[n] >= '0' && s[n] <= '7' {
		v = v<<3 | int(s[n]-'0')
		n++
	}
	return v, n
}

// hexEscape decodes the \x, \u or \U escape at body[i].
func hexEscape(body string, i int) (rune, int, *Error) {
	count, reason := 2, `truncated \xXX escape`
	switch body[i+1] {
	case 'u':
		count, reason = 4, `truncated \uXXXX escape`
	case 'U':
		count, reason = 8, `truncated \UXXXXXXXX escape`
	}
	j := i + 2
	var v uint32
	for ; count > 0; count-- {
		if j >= len(body) {
			return 0, 0, unicodeError(body, i, j, reason)
		}
		d, ok := hexDigit(body[j])
		if !ok {
			return 0, 0, unicodeError(body, i, j, reason)
		}
		v = v<<4 | uint32(d)
		j++
	}
	if v > 0x10ffff {
		return 0, 0, unicodeError(body, i, j, "illegal Unicode character")
	}
	return rune(v), j, nil
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// namedEscape decodes the \N{NAME} escape at body[i].
func namedEscape(body string, i int) (rune, int, *Error) {
	const malformed = `malformed \N character escape`
	j := i + 2
	if j >= len(body) || body[j] != '{' {
		return 0, 0, unicodeError(body, i, j, malformed)
	}
	j++
	k := strings.IndexByte(body[j:], '}')
	if k < 0 {
		return 0, 0, unicodeError(body, i, len(body), malformed)
	}
	if k == 0 {
		return 0, 0, unicodeError(body, i, j, malformed)
	}
	r, ok := lookupName(body[j : j+k])
	if !ok {
		return 0, 0, unicodeError(body, i, j+k+1, "unknown Unicode character name")
	}
	return r, j + k + 1, nil
}

// writeWTF8 appends r as UTF-8, encoding a surrogate code point as the
// 3-byte sequence UTF-8 would give it were it allowed.
func writeWTF8(b *strings.Builder, r rune) {
	switch {
	case r < 0x80:
		b.WriteByte(byte(r))
	case r < 0x800:
		b.WriteByte(byte(0xc0 | r>>6))
		b.WriteByte(byte(0x80 | r&0x3f))
	case r < 0x10000:
		b.WriteByte(byte(0xe0 | r>>12))
		b.WriteByte(byte(0x80 | (r>>6)&0x3f))
		b.WriteByte(byte(0x80 | r&0x3f))
	default:
		b.WriteByte(byte(0xf0 | r>>18))
		b.WriteByte(byte(0x80 | (r>>12)&0x3f))
		b.WriteByte(byte(0x80 | (r>>6)&0x3f))
		b.WriteByte(byte(0x80 | r&0x3f))
	}
}
