package analysis

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// redactKeep is how many characters of a secret a report shows (DESIGN.md, Formats).
const redactKeep = 4

// RedactSecret replaces every occurrence of secret in text with Redacted(secret).
func RedactSecret(text, secret string) string {
	if secret == "" || !strings.Contains(text, secret) {
		return text
	}
	return strings.ReplaceAll(text, secret, Redacted(secret))
}

// Redacted is the form in which a report shows a secret: its first four characters
// and "…". A secret of at most eight characters keeps none, since showing half of it
// would give too much away.
func Redacted(secret string) string {
	if utf8.RuneCountInString(secret) <= 2*redactKeep {
		return "…"
	}
	i, n := 0, 0
	for n < redactKeep {
		_, size := utf8.DecodeRuneInString(secret[i:])
		i += size
		n++
	}
	return secret[:i] + "…"
}

// SecretDigest is a short one-way digest of a secret, for fingerprints that must
// tell two different secrets at the same place apart without storing either.
func SecretDigest(secret string) string {
	sum := sha256.Sum256([]byte("krait-secret\x00" + secret))
	return hex.EncodeToString(sum[:8])
}
