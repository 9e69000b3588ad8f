package filter

import "math"

// Charset is the smallest alphabet a value is written in.
type Charset uint8

// Alphabets, from the narrowest.
const (
	// CharsetHex is 0-9 and a-f in one case.
	CharsetHex Charset = iota
	// CharsetBase64 is letters, digits, '+', '/', '-', '_' and '=' padding.
	CharsetBase64
	// CharsetOther is anything else: punctuation, spaces, non-ASCII.
	CharsetOther
)

// CharsetOf returns the alphabet v is written in.
func CharsetOf(v string) Charset {
	hex, lower, upper := true, false, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case isDigit(c):
		case 'a' <= c && c <= 'f':
			lower = true
		case 'A' <= c && c <= 'F':
			upper = true
		case isLetter(c), c == '+', c == '/', c == '-', c == '_', c == '=':
			hex = false
		default:
			return CharsetOther
		}
	}
	if hex && !(lower && upper) {
		return CharsetHex
	}
	return CharsetBase64
}

// Entropy is the Shannon entropy of v's bytes, in bits per byte.
func Entropy(v string) float64 {
	if v == "" {
		return 0
	}
	var counts [256]uint32
	for i := 0; i < len(v); i++ {
		counts[v[i]]++
	}
	n := float64(len(v))
	h := 0.0
	for _, c := range counts {
		if c != 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// Entropy limits per alphabet, in bits per byte, for values long enough to reach
// them (detect-secrets uses 3.0 and 4.5 on long strings).
const (
	hexLimit    = 3.0
	base64Limit = 4.2
	otherLimit  = 3.5
)

// HighEntropy reports whether v looks generated rather than written: at least
// 12 bytes whose entropy comes near the most its length and alphabet allow.
// Short values cannot reach a fixed limit (16 distinct bytes give 4 bits at
// most), so the limit scales down with the length.
func HighEntropy(v string) bool {
	if len(v) < 12 {
		return false
	}
	limit := otherLimit
	switch CharsetOf(v) {
	case CharsetHex:
		limit = hexLimit
	case CharsetBase64:
		if classes(v) < 2 {
			return false // one case, no digits: words ("hello_world_config")
		}
		limit = base64Limit
	}
	if most := math.Log2(float64(len(v))); limit > 0.8*most {
		limit = 0.8 * most
	}
	return Entropy(v) >= limit
}

// classes counts the kinds of alphanumeric character in v: capitals, small
// letters and digits.
func classes(v string) int {
	var up, lo, dg int
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case isUpper(c):
			up = 1
		case isLower(c):
			lo = 1
		case isDigit(c):
			dg = 1
		}
	}
	return up + lo + dg
}
