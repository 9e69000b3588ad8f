package ast

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// ReprStr returns Python's repr() of a str held as UTF-8, where lone
// surrogates are encoded as WTF-8.
func ReprStr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			writeASCII(&b, c, quote)
			i++
			continue
		}
		r, size := decodeWTF8(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			// Not valid WTF-8: cannot come from the parser; show the byte.
			writeEscape(&b, 'x', uint32(c), 2)
		case isPrintable(r):
			b.WriteString(s[i : i+size])
		case r <= 0xff:
			writeEscape(&b, 'x', uint32(r), 2)
		case r <= 0xffff:
			writeEscape(&b, 'u', uint32(r), 4)
		default:
			writeEscape(&b, 'U', uint32(r), 8)
		}
		i += size
	}
	b.WriteByte(quote)
	return b.String()
}

// ReprBytes returns Python's repr() of a bytes value.
func ReprBytes(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 3)
	b.WriteString("b")
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			writeEscape(&b, 'x', uint32(c), 2)
		} else {
			writeASCII(&b, c, quote)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

func writeASCII(b *strings.Builder, c, quote byte) {
	switch {
	case c == quote || c == '\\':
		b.WriteByte('\\')
		b.WriteByte(c)
	case c == '\t':
		b.WriteString(`\t`)
	case c == '\n':
		b.WriteString(`\n`)
	case c == '\r':
		b.WriteString(`\r`)
	case c < ' ' || c == 0x7f:
		writeEscape(b, 'x', uint32(c), 2)
	default:
		b.WriteByte(c)
	}
}

func writeEscape(b *strings.Builder, kind byte, v uint32, width int) {
	b.WriteByte('\\')
	b.WriteByte(kind)
	for shift := 4 * (width - 1); shift >= 0; shift -= 4 {
		b.WriteByte(hexDigits[(v>>uint(shift))&0xf])
	}
}

// decodeWTF8 is utf8.DecodeRuneInString that also accepts encoded surrogates.
func decodeWTF8(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xed && s[1] >= 0xa0 && s[1] <= 0xbf && s[2] >= 0x80 && s[2] <= 0xbf {
		return rune(0xd000) | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), 3
	}
	return utf8.DecodeRuneInString(s)
}

// ReprFloat returns Python's repr() of a float: the shortest digits that
// round-trip, in positional notation when the decimal exponent is in
// [-4, 16), with ".0" added to integral values.
func ReprFloat(f float64) string {
	return formatFloat(f, true)
}

// ReprComplex returns Python's repr() of a complex number whose real part
// is +0.0, as imaginary literals are.
func ReprComplex(imag float64) string {
	return formatFloat(imag, false) + "j"
}

func formatFloat(f float64, addDot0 bool) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // [-]d[.ddd]e±XX
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	mant, expStr, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	decpt := exp + 1 // digits are d.ddd × 10^exp, i.e. the point sits after decpt digits
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	if decpt <= -4 || decpt > 16 {
		b.WriteByte(digits[0])
		if len(digits) > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('e')
		if exp < 0 {
			b.WriteByte('-')
			exp = -exp
		} else {
			b.WriteByte('+')
		}
		if exp < 10 {
			b.WriteByte('0')
		}
		b.WriteString(strconv.Itoa(exp))
		return b.String()
	}
	switch {
	case decpt <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -decpt))
		b.WriteString(digits)
	case decpt >= len(digits):
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", decpt-len(digits)))
		if addDot0 {
			b.WriteString(".0")
		}
	default:
		b.WriteString(digits[:decpt])
		b.WriteByte('.')
		b.WriteString(digits[decpt:])
	}
	return b.String()
}
