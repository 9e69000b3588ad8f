package literal

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"
)

// lookupName resolves the NAME of a \N{NAME} escape as CPython 3.14's
// unicodedata does for string literals: character names and name aliases
// match case-insensitively (ASCII only), named sequences are refused, and
// the algorithmic Hangul syllable and CJK unified ideograph names match only
// in upper case.
func lookupName(name string) (rune, bool) {
	if len(name) > maxNameLen {
		return 0, false
	}
	if rest, ok := strings.CutPrefix(name, "HANGUL SYLLABLE "); ok {
		return hangulSyllable(rest)
	}
	if rest, ok := strings.CutPrefix(name, "CJK UNIFIED IDEOGRAPH-"); ok {
		return cjkIdeograph(rest)
	}
	var buf [maxNameLen]byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case c >= 0x80:
			// CPython's parser has rewritten it as \UXXXXXXXX: never a name.
			return 0, false
		}
		buf[i] = c
	}
	upper := buf[:len(name)]
	if r, ok := egyptianHieroglyph(upper); ok {
		return r, true
	}
	return unicodeNames.lookup(upper)
}

// maxNameLen bounds the names worth looking up; the longest Unicode name or
// alias has 88 characters.
const maxNameLen = 128

// unicodeNames is the reverse of runenames.Name plus the aliases. It is built
// on first use, so that files without \N escapes never pay for it, and it
// does not change afterwards.
var unicodeNames nameIndex

// nameIndex maps upper-case names to code points by binary search over a
// sorted slice; the names are substrings of runenames' tables and of
// aliasData, so building it copies no text.
type nameIndex struct {
	once    sync.Once
	entries []nameEntry
}

type nameEntry struct {
	name string
	r    rune
}

func (x *nameIndex) lookup(name []byte) (rune, bool) {
	x.once.Do(x.build)
	e := x.entries
	i := sort.Search(len(e), func(i int) bool { return e[i].name >= string(name) })
	if i < len(e) && e[i].name == string(name) {
		return e[i].r, true
	}
	return 0, false
}

// namedRanges are the code point ranges that can hold explicitly named
// characters; the planes in between are unassigned or private use, and the
// CJK and Hangul blocks have algorithmic names handled apart.
var namedRanges = [...][2]rune{
	{0, 0x33ff},
	{0x4dc0, 0x4dff},
	{0xa000, 0xabff},
	{0xd7a4, 0xd7ff},
	{0xf900, 0x1ffff},
	{0x2f800, 0x2fa1f},
	{0xe0000, 0xe01ef},
}

func (x *nameIndex) build() {
	entries := make([]nameEntry, 0, 36000)
	for _, rg := range namedRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			// Ranges in UnicodeData.txt are named like "<CJK Ideograph>" and
			// control characters "<control>": they are not names.
			if n := runenames.Name(r); n != "" && n[0] != '<' {
				entries = append(entries, nameEntry{n, r})
			}
		}
	}
	for data := aliasData; data != ""; {
		line, rest, _ := strings.Cut(data, "\n")
		data = rest
		hex, name, _ := strings.Cut(line, ";")
		if v, err := strconv.ParseUint(hex, 16, 32); err == nil {
			entries = append(entries, nameEntry{name, rune(v)})
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].name < entries[j].name })
	x.entries = entries
}

// The Hangul syllable name is "HANGUL SYLLABLE " and the short names of its
// leading consonant, vowel and optional trailing consonant jamo.
const (
	hangulBase   = 0xac00
	hangulVCount = 21
	hangulTCount = 28
)

var (
	hangulL = [...]string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	hangulV = [...]string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	hangulT = [...]string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

// hangulSyllable decodes the jamo part of a Hangul syllable name. Like
// CPython, it takes the longest matching short name for each jamo in turn,
// without backtracking.
func hangulSyllable(s string) (rune, bool) {
	l, n := longestJamo(s, hangulL[:])
	s = s[n:]
	v, n := longestJamo(s, hangulV[:])
	s = s[n:]
	t, n := longestJamo(s, hangulT[:])
	if l < 0 || v < 0 || t < 0 || n != len(s) {
		return 0, false
	}
	return rune(hangulBase + (l*hangulVCount+v)*hangulTCount + t), true
}

func longestJamo(s string, names []string) (index, length int) {
	index, length = -1, -1
	for i, n := range names {
		if len(n) > length && strings.HasPrefix(s, n) {
			index, length = i, len(n)
		}
	}
	return index, max(length, 0)
}

// cjkRanges are the blocks of CJK unified ideographs in Unicode 16.0, the
// version CPython 3.14 uses.
var cjkRanges = [...][2]rune{
	{0x3400, 0x4dbf},
	{0x4e00, 0x9fff},
	{0x20000, 0x2a6df},
	{0x2a700, 0x2b739},
	{0x2b740, 0x2b81d},
	{0x2b820, 0x2cea1},
	{0x2ceb0, 0x2ebe0},
	{0x2ebf0, 0x2ee5d},
	{0x30000, 0x3134a},
	{0x31350, 0x323af},
}

// cjkIdeograph decodes the 4 or 5 upper-case hex digits of a CJK unified
// ideograph name.
func cjkIdeograph(s string) (rune, bool) {
	if len(s) != 4 && len(s) != 5 {
		return 0, false
	}
	var v rune
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | rune(c-'0')
		case c >= 'A' && c <= 'F':
			v = v<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	for _, rg := range cjkRanges {
		if v >= rg[0] && v <= rg[1] {
			return v, true
		}
	}
	return 0, false
}

// egyptianHieroglyph decodes "EGYPTIAN HIEROGLYPH-XXXXX", the names of the
// Egyptian Hieroglyphs Extended-A block (Unicode 16.0), which runenames'
// Unicode 15 tables lack.
func egyptianHieroglyph(upper []byte) (rune, bool) {
	const prefix = "EGYPTIAN HIEROGLYPH-"
	if len(upper) != len(prefix)+5 || string(upper[:len(prefix)]) != prefix {
		return 0, false
	}
	var v rune
	for _, c := range upper[len(prefix):] {
		d, ok := hexDigit(c)
		if !ok {
			return 0, false
		}
		v = v<<4 | rune(d)
	}
	return v, v >= 0x13460 && v <= 0x143fa
}
