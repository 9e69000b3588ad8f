package ast

import "unicode"

// isPrintable is Python's str.isprintable() for one non-ASCII character.
// Both Python and Go call a character printable when it is a letter, mark,
// number, punctuation or symbol, but Go 1.26's tables are Unicode 15.0 and
// CPython 3.14's are Unicode 16.0, so the characters added in between are
// listed apart.
func isPrintable(r rune) bool {
	return unicode.IsPrint(r) || unicode.Is(printableSince15, r)
}

// printableSince15 holds the characters that CPython 3.14 finds printable
// and Go's Unicode 15.0 tables do not know: the letters, marks, numbers,
// punctuation and symbols of Unicode 15.1 and 16.0. It was derived by
// comparing str.isprintable() over every code point with unicode.IsPrint.
var printableSince15 = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0x0897, 0x0897, 1},
		{0x1b4e, 0x1b4f, 1},
		{0x1b7f, 0x1b7f, 1},
		{0x1c89, 0x1c8a, 1},
		{0x2427, 0x2429, 1},
		{0x2ffc, 0x2fff, 1},
		{0x31e4, 0x31e5, 1},
		{0x31ef, 0x31ef, 1},
		{0xa7cb, 0xa7cd, 1},
		{0xa7da, 0xa7dc, 1},
	},
	R32: []unicode.Range32{
		{0x105c0, 0x105f3, 1},
		{0x10d40, 0x10d65, 1},
		{0x10d69, 0x10d85, 1},
		{0x10d8e, 0x10d8f, 1},
		{0x10ec2, 0x10ec4, 1},
		{0x10efc, 0x10efc, 1},
		{0x11380, 0x11389, 1},
		{0x1138b, 0x1138b, 1},
		{0x1138e, 0x1138e, 1},
		{0x11390, 0x113b5, 1},
		{0x113b7, 0x113c0, 1},
		{0x113c2, 0x113c2, 1},
		{0x113c5, 0x113c5, 1},
		{0x113c7, 0x113ca, 1},
		{0x113cc, 0x113d5, 1},
		{0x113d7, 0x113d8, 1},
		{0x113e1, 0x113e2, 1},
		{0x116d0, 0x116e3, 1},
		{0x11bc0, 0x11be1, 1},
		{0x11bf0, 0x11bf9, 1},
		{0x11f5a, 0x11f5a, 1},
		{0x13460, 0x143fa, 1},
		{0x16100, 0x16139, 1},
		{0x16d40, 0x16d79, 1},
		{0x18cff, 0x18cff, 1},
		{0x1cc00, 0x1ccf9, 1},
		{0x1cd00, 0x1ceb3, 1},
		{0x1e5d0, 0x1e5fa, 1},
		{0x1e5ff, 0x1e5ff, 1},
		{0x1f8b2, 0x1f8bb, 1},
		{0x1f8c0, 0x1f8c1, 1},
		{0x1fa89, 0x1fa89, 1},
		{0x1fa8f, 0x1fa8f, 1},
		{0x1fabe, 0x1fabe, 1},
		{0x1fac6, 0x1fac6, 1},
		{0x1fadc, 0x1fadc, 1},
		{0x1fadf, 0x1fadf, 1},
		{0x1fae9, 0x1fae9, 1},
		{0x1fbcb, 0x1fbef, 1},
		{0x2ebf0, 0x2ee5d, 1},
	},
}
