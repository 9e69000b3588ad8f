package literal

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// DecodeBytes returns the value of a bytes literal from the text between its
// quotes (newlines already normalised to \n). The text must be ASCII, raw or
// not. A raw literal's text, or one without backslashes, is returned as is,
// without allocating.
func DecodeBytes(body string, raw bool) (string, error) {
	for i := 0; i < len(body); i++ {
		if body[i] >= utf8.RuneSelf {
			_, size := utf8.DecodeRuneInString(body[i:])
			return "", &Error{Offset: i, End: i + size, Msg: "bytes can only contain ASCII literal characters"}
		}
	}
	if raw || strings.IndexByte(body, '\\') < 0 {
		return body, nil
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); {
		j := strings.IndexByte(body[i:], '\\')
		if j < 0 {
			b.WriteString(body[i:])
			break
		}
		b.WriteString(body[i : i+j])
		i += j
		if i+1 == len(body) {
			return "", &Error{Offset: i, End: i + 1, Msg: `(value error) Trailing \ in string`}
		}
		c := body[i+1]
		if s, ok := simpleEscape(c); ok {
			b.WriteString(s)
			i += 2
			continue
		}
		switch {
		case c >= '0' && c <= '7':
			// Values above 0o377 only warn in CPython and keep the low byte.
			v, n := octal(body[i+1:])
			b.WriteByte(byte(v))
			i += 1 + n
		case c == 'x':
			if i+4 <= len(body) {
				if hi, ok := hexDigit(body[i+2]); ok {
					if lo, ok := hexDigit(body[i+3]); ok {
						b.WriteByte(hi<<4 | lo)
						i += 4
						continue
					}
				}
			}
			end := min(i+4, len(body))
			return "", &Error{Offset: i, End: end, Msg: `(value error) invalid \x escape at position ` + strconv.Itoa(i)}
		default:
			b.WriteByte('\\')
			i++
		}
	}
	return b.String(), nil
}
