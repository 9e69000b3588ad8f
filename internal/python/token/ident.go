package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// IdentifierText returns the name that token t spells, NFKC-normalized as
// CPython normalizes identifiers (PEP 3131). src is the tokenized source as
// a string, converted once per file by the caller, so that ASCII names (the
// common case) are substrings of it and cost no allocation.
func IdentifierText(src string, t Token) string {
	s := src[t.Start:t.End]
	if t.ASCII {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Map(outlinedDigit, norm.NFKC.String(s))
		}
	}
	return s
}

// outlinedDigit maps the outlined digits of Unicode 16.0 to the ASCII digits
// their NFKC forms are, which x/text's Unicode 15 tables do not know.
func outlinedDigit(r rune) rune {
	if r >= 0x1CCF0 && r <= 0x1CCF9 {
		return '0' + r - 0x1CCF0
	}
	return r
}

// verifyIdentifier checks a name that has non-ASCII bytes against PEP 3131,
// reporting the first character that cannot be part of it as CPython does.
func (l *lexer) verifyIdentifier() bool {
	s := l.src[l.tokStart:l.pos]
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		ok := false
		if r != utf8.RuneError || size > 1 {
			if i == 0 {
				ok = r == '_' || isXIDStart(r)
			} else {
				ok = isXIDContinue(r)
			}
		}
		if !ok {
			cursor := l.tokStart + i + size
			if isPrintable(r) {
				l.failAt(l.line, l.lineStart, cursor, "invalid character '%c' (U+%04X)", r, r)
			} else {
				l.failAt(l.line, l.lineStart, cursor, "invalid non-printable character U+%04X", r)
			}
			return false
		}
		i += size
	}
	return true
}

// isPrintable is Python's str.isprintable for one character: letters,
// marks, numbers, punctuation, symbols and the ASCII space.
func isPrintable(r rune) bool {
	return unicode.IsPrint(r) || unicode.Is(printable16, r)
}

// isXIDStart reports whether r has the Unicode XID_Start property, derived
// from the general categories as UAX #31 defines it.
func isXIDStart(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if notXIDStart(r) || notXID(r) {
		return false
	}
	return idStart(r) || unicode.Is(xidStart16, r)
}

// isXIDContinue reports whether r has the Unicode XID_Continue property.
func isXIDContinue(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	if notXID(r) {
		return false
	}
	return idStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue) &&
		!unicode.In(r, unicode.Pattern_Syntax, unicode.Pattern_White_Space) ||
		unicode.Is(xidContinue16, r)
}

// idStart is the ID_Start property.
func idStart(r rune) bool {
	return unicode.In(r, unicode.L, unicode.Nl, unicode.Other_ID_Start) &&
		!unicode.In(r, unicode.Pattern_Syntax, unicode.Pattern_White_Space)
}

// notXID lists the characters that are in ID_Continue but not in
// XID_Continue (their NFKC forms would not be identifiers).
func notXID(r rune) bool {
	switch {
	case r == 0x037A, r == 0x309B, r == 0x309C, r == 0xFDFA, r == 0xFDFB:
		return true
	case r >= 0xFC5E && r <= 0xFC63:
		return true
	case r >= 0xFE70 && r <= 0xFE7E && r%2 == 0:
		return true
	}
	return false
}

// notXIDStart lists the characters that are in XID_Continue and ID_Start
// but not in XID_Start.
func notXIDStart(r rune) bool {
	switch r {
	case 0x0E33, 0x0EB3, 0xFF9E, 0xFF9F:
		return true
	}
	return false
}
