package supplychain

import (
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// minBlob is the shortest literal judged as an encoded blob: shorter ones
// are keys, hashes and test vectors.
const minBlob = 1024

// dataHeaders start base64 encodings of data that is not code: images, fonts,
// icons and documents that packages embed for good reasons.
var dataHeaders = []string{
	"iVBORw0KGgo", "R0lGOD", "/9j/", "AAABAA", "Qk", "SUkq", "TU0A", "PHN2Zy", "PD94bW",
	"d09GR", "d09GMg", "AAEAAA", "T1RUTw", "JVBER", "UklGR", "AAAAIGZ0eXA", "AAAAHGZ0eXA",
	"T2dnUw", "SUQz", "//u", "//s", "GkXfo",
}

func checkBlob(p *analysis.Pass, c *ast.Constant) {
	if c.Value.Kind != ast.ConstStr && c.Value.Kind != ast.ConstBytes || len(c.Value.S) < minBlob {
		return
	}
	kind := blobKind(c.Value.S)
	if kind == "" {
		return
	}
	msg := strconv.Itoa(len(c.Value.S)/1024) + " KB " + kind + " blob in the source"
	if decodesSomething(p) {
		report(p, c, analysis.SeverityMedium, 0, msg+"; the file decodes data")
		return
	}
	report(p, c, analysis.SeverityLow, 0, msg)
}

// blobKind returns "base64" or "hex" for a literal that is only that
// alphabet (line breaks aside) and mixes letters and digits, or "".
func blobKind(s string) string {
	if strings.Contains(s, "-----BEGIN") || strings.HasPrefix(s, "data:image/") ||
		strings.HasPrefix(strings.ToUpper(strings.TrimSpace(s)), "FFFFFFFFFFFFFFFF") {
		// PEM data, data URIs, and RFC 3526/7919 Diffie-Hellman primes.
		return ""
	}
	trimmed := strings.TrimLeft(s, " \t\r\n")
	for _, h := range dataHeaders {
		if strings.HasPrefix(trimmed, h) {
			return ""
		}
	}
	hex, n, lines := true, 0, 1
	var upper, lower, digit bool
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '\n':
			lines++
			continue
		case ch == '\r' || ch == ' ' && i > 0 && s[i-1] == '\n':
			continue
		case ch >= '0' && ch <= '9':
			digit = true
		case ch >= 'a' && ch <= 'f', ch >= 'A' && ch <= 'F':
			if ch >= 'a' {
				lower = true
			} else {
				upper = true
			}
		case ch >= 'g' && ch <= 'z':
			lower, hex = true, false
		case ch >= 'G' && ch <= 'Z':
			upper, hex = true, false
		case ch == '+' || ch == '/' || ch == '=' || ch == '-' || ch == '_':
			hex = false
		default:
			return ""
		}
		n++
	}
	switch {
	case n < minBlob, n/lines < 60:
		return "" // short lines: a word list, not a wrapped encoding
	case hex && digit && (upper != lower):
		return "hex"
	case upper && lower && digit:
		return "base64"
	}
	return ""
}

// decodesSomething reports whether the file calls a decoder anywhere.
func decodesSomething(p *analysis.Pass) bool {
	return analysis.FileFact(p, decoderFact)
}

var decoderFact = &analysis.FileKey[bool]{Compute: func(p *analysis.Pass) bool {
	found := false
	if p.File == nil || p.File.Module == nil || p.Model == nil {
		return false
	}
	ast.Inspect(p.File.Module, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && isDecoder(p.Model, c) {
			found = true
		}
		return !found
	})
	return found
}}
