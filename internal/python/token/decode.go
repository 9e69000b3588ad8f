package token

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// UnsupportedEncodingError reports a source encoding that CPython knows but
// this package cannot decode. CPython would accept such a file, so it is no
// SyntaxError: it is a limit of krait's, not a fault of the file.
type UnsupportedEncodingError struct {
	Name string // the name in the coding cookie
}

// Error names the encoding and says whose limit it is.
func (e *UnsupportedEncodingError) Error() string {
	return "source encoding " + strconv.Quote(e.Name) + " is not supported by krait (CPython can decode it); the file was not analysed"
}

// Decode turns the bytes of a Python file into the UTF-8 text that
// CPython's tokenizer reads for ast.parse(bytes): it rejects null bytes,
// strips a UTF-8 byte order mark, honours a PEP 263 coding cookie on line 1
// or 2, checks that UTF-8 source is valid, and turns "\r\n" and lone "\r"
// into "\n" (which keeps line numbers). UTF-8 source with "\n" line ends
// comes back as the same slice, or a subslice without the BOM.
func Decode(src []byte) ([]byte, error) {
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, &SyntaxError{Msg: "source code string cannot contain null bytes"}
	}
	bom := len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF
	if bom {
		src = src[3:]
	}
	name, cookieLine := findCookie(src)
	if name != "" && bom && name != "utf-8" {
		return nil, &SyntaxError{Line: cookieLine, Col: 0, Msg: "encoding problem: " + name + " with BOM"}
	}
	text := translateNewlines(src)
	if name == "" || name == "utf-8" {
		if err := checkUTF8(text); err != nil {
			return nil, err
		}
		return text, nil
	}
	if len(text) > 0 && text[len(text)-1] != '\n' {
		// CPython decodes the text with the newline it adds at the end,
		// which shows in the positions of decoding errors.
		text = append(text[:len(text):len(text)], '\n')
	}
	return decodeWith(name, text)
}

// translateNewlines turns "\r\n" and lone "\r" into "\n", copying only if
// there is a '\r'.
func translateNewlines(src []byte) []byte {
	i := bytes.IndexByte(src, '\r')
	if i < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	out = append(out, src[:i]...)
	for ; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// findCookie returns the encoding named by a coding cookie on line 1, or on
// line 2 if line 1 is blank or a comment, with CPython's normalization of
// the utf-8 and latin-1 spellings, and the cookie's line.
func findCookie(src []byte) (string, int) {
	line1, rest := splitLine(src)
	if name, cont := cookieIn(line1); name != "" || !cont {
		return name, 1
	}
	if len(rest) == 0 {
		return "", 0
	}
	line2, _ := splitLine(rest)
	name, _ := cookieIn(line2)
	return name, 2
}

// splitLine splits off the first line (without its line end).
func splitLine(b []byte) (line, rest []byte) {
	for i, c := range b {
		if c == '\n' || c == '\r' {
			j := i + 1
			if c == '\r' && j < len(b) && b[j] == '\n' {
				j++
			}
			return b[:i], b[j:]
		}
	}
	return b, nil
}

// cookieIn looks for "coding[:=]NAME" in a comment line, as CPython's
// get_coding_spec does. cont reports whether the line was blank or a
// comment without a cookie, so that the next line may hold one.
func cookieIn(line []byte) (name string, cont bool) {
	i := 0
	for ; i < len(line); i++ {
		c := line[i]
		if c == '#' {
			break
		}
		if c != ' ' && c != '\t' && c != '\f' {
			return "", false
		}
	}
	if i == len(line) {
		return "", true
	}
	for ; i+6 < len(line); i++ {
		if string(line[i:i+6]) != "coding" || line[i+6] != ':' && line[i+6] != '=' {
			continue
		}
		j := i + 7
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		k := j
		for k < len(line) && isCookieChar(line[k]) {
			k++
		}
		if k > j {
			return normalName(string(line[j:k])), false
		}
	}
	return "", true
}

func isCookieChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
}

// normalName is CPython's get_normal_name: spellings of utf-8 and latin-1
// become "utf-8" and "iso-8859-1"; other names are kept as written.
func normalName(s string) string {
	b := []byte(s[:min(len(s), 12)])
	for i, c := range b {
		if c == '_' {
			b[i] = '-'
		} else if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	n := string(b)
	has := func(p string) bool { return len(n) >= len(p) && n[:len(p)] == p }
	switch {
	case n == "utf-8" || has("utf-8-"):
		return "utf-8"
	case n == "latin-1" || n == "iso-8859-1" || n == "iso-latin-1" ||
		has("latin-1-") || has("iso-8859-1-") || has("iso-latin-1-"):
		return "iso-8859-1"
	}
	return s
}

// checkUTF8 reports the first invalid UTF-8 sequence as CPython does for
// source without a cookie.
func checkUTF8(text []byte) error {
	if utf8.Valid(text) {
		return nil
	}
	line, lineStart := 1, 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line++
				lineStart = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size == 1 {
			return &SyntaxError{
				Line: line,
				Col:  utf8.RuneCount(text[lineStart:i]) + 1,
				Msg: fmt.Sprintf("Non-UTF-8 code starting with '\\x%02x' on line %d, "+
					"but no encoding declared; see https://peps.python.org/pep-0263/ for details", c, line),
			}
		}
		i += size
	}
	return nil
}
