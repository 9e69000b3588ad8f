package literal

import (
	"strings"
)

// DecodeFStringMiddle returns the value of the literal text of an f-string or
// t-string (an FSTRING_MIDDLE or TSTRING_MIDDLE token as the tokenizer gives
// it: source text with "{{" and "}}" still doubled and escapes undecoded).
// Doubled braces become single ones. In a non-raw string, "\N{NAME}" is an
// escape whose braces are not doubled, and a backslash before a brace stays a
// backslash.
//
// CPython's tokenizer ends a part after the first brace of each doubled pair
// and decodes the parts one by one, so the positions in error messages count
// from the start of such a part; Error.Offset counts from the start of text.
func DecodeFStringMiddle(text string, raw bool) (string, error) {
	if strings.IndexByte(text, '\\') < 0 || raw {
		if strings.IndexAny(text, "{}") < 0 {
			return text, nil
		}
	}
	var b strings.Builder
	b.Grow(len(text))
	start := 0 // start of the current part
	for i := 0; i < len(text); {
		switch c := text[i]; c {
		case '\\':
			switch {
			case i+1 < len(text) && (text[i+1] == '{' || text[i+1] == '}'):
				i++ // the brace is read as a brace
			case !raw && strings.HasPrefix(text[i+1:], "N{"):
				if k := strings.IndexByte(text[i+3:], '}'); k >= 0 {
					i += 3 + k + 1
				} else {
					i = len(text)
				}
			default:
				i += 2
			}
		case '{', '}':
			if err := writePart(&b, text, start, i+1, raw); err != nil {
				return "", err
			}
			i++
			if i < len(text) && text[i] == c {
				i++
			}
			start = i
		default:
			i++
		}
	}
	if err := writePart(&b, text, start, len(text), raw); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writePart(b *strings.Builder, text string, start, end int, raw bool) error {
	end = min(end, len(text))
	part := text[start:end]
	if raw {
		b.WriteString(part)
		return nil
	}
	if err := decodeStrTo(b, part); err != nil {
		err.Offset += start
		err.End += start
		return err
	}
	return nil
}
