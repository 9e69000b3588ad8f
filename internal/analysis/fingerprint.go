package analysis

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
)

// Fingerprinter gives findings of one file fingerprints that survive line moves.
// A fingerprint hashes the rule code, the file's path, the dotted name of the
// enclosing def/class scope and the offending source text with its whitespace
// collapsed, never a line number. Identical findings in the same scope are told apart
// by their order, so feed one file's findings in position order. The zero value is
// ready to use; every analyzer (rules, secrets, ...) fingerprints through it.
type Fingerprinter struct {
	seen map[string]int
}

// Next returns the fingerprint of the next finding of the file.
func (fp *Fingerprinter) Next(code, path, scope, text string) string {
	key := code + "\x00" + normalizePath(path) + "\x00" + scope + "\x00" + NormalizeText(text)
	if fp.seen == nil {
		fp.seen = make(map[string]int)
	}
	n := fp.seen[key]
	fp.seen[key] = n + 1
	sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(sum[:16])
}

// NormalizeText drops white space, keeping one space where a run of it separates two
// word characters (`not x`), so that re-indenting or re-wrapping code keeps its
// findings' fingerprints.
func NormalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '\\' && i+1 < len(s) && (s[i+1] == '\n' || s[i+1] == '\r') {
			pending = b.Len() > 0
			continue
		}
		if pending && isTextWord(c) && isTextWord(b.String()[b.Len()-1]) {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteByte(c)
	}
	return b.String()
}

// isTextWord reports whether c belongs to a name, a number or a non-ASCII character.
func isTextWord(c byte) bool { return isWordByte(c) || c >= 0x80 }

// normalizePath makes the same file hash the same on every OS and however the scan
// root was spelled.
func normalizePath(p string) string {
	p = filepath.ToSlash(p)
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	return p
}
