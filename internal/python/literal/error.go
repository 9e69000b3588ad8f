package literal

import (
	"strconv"
	"unicode/utf8"
)

// Error is a literal that CPython rejects. Offset and End delimit, in bytes,
// the offending escape or character within the text that was decoded; Msg is
// CPython's message.
//
// CPython itself does not point inside the literal: it reports a bad str or
// bytes literal at its whole STRING token, and a bad f-string part at the last
// token its parser had read (usually the FSTRING_END). The offsets are there
// for callers that want more precision.
type Error struct {
	Offset, End int
	Msg         string
}

// Error returns CPython's message.
func (e *Error) Error() string { return e.Msg }

// unicodeError builds the error CPython's unicode-escape codec raises for the
// escape at body[start:end]. The codec reports positions in a copy of the
// body in which the parser has rewritten each non-ASCII character as a
// \UXXXXXXXX escape, so those positions are recomputed here.
func unicodeError(body string, start, end int, reason string) *Error {
	s, e := codecPos(body, start), codecPos(body, end)
	msg := "(unicode error) 'unicodeescape' codec can't decode "
	if e-s == 1 {
		msg += "byte 0x" + strconv.FormatUint(uint64(body[start]), 16) + " in position " + strconv.Itoa(s)
	} else {
		msg += "bytes in position " + strconv.Itoa(s) + "-" + strconv.Itoa(e-1)
	}
	return &Error{Offset: start, End: end, Msg: msg + ": " + reason}
}

// codecPos maps an offset in body to the offset in the buffer CPython hands
// to its unicode-escape codec (Parser/string_parser.c,
// decode_unicode_with_escapes): every non-ASCII character becomes the 10
// bytes "\UXXXXXXXX", and a backslash that escapes a non-ASCII character (or
// ends the body) gains "u005c". A backslash and the ASCII byte after it are
// copied as a pair, which is why a doubled backslash is never rewritten.
func codecPos(body string, off int) int {
	n := 0
	for i := 0; i < off && i < len(body); {
		c := body[i]
		if c == '\\' {
			n++
			i++
			if i == len(body) {
				n += 5
				break
			}
			if body[i] < utf8.RuneSelf {
				if i < off {
					n++
				}
				i++
				continue
			}
			n += 5
			if i >= off {
				break
			}
			c = body[i]
		}
		if c >= utf8.RuneSelf {
			_, size := utf8.DecodeRuneInString(body[i:])
			n += 10
			i += size
			continue
		}
		n++
		i++
	}
	return n
}
