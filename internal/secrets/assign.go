package secrets

import (
	"math"
	"regexp"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/secrets/filter"
)

// assignedTo compiles an expression for a value of the given shape bound to a
// name that matches namePat, in any of the usual syntaxes: NAME=v, name: "v",
// "name": "v", name = 'v', name => v, --name v. The first group is the value.
func assignedTo(namePat, valuePat string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)` + namePat + `[\w.\-]{0,30}?\\?["']?\s*(?:[:=]|:=|=>|\s)\s*(?:[bru]?\\?["'])?(` +
		valuePat + `)(?:["'\s,;)}\]<\\]|$)`)
}

// entropic accepts a value written by a machine rather than a person: the
// random part of the token (its longest run between separators, without a short
// literal prefix or suffix such as "SK" or "NRAL") comes near the entropy its
// length and alphabet allow.
func entropic(secret, _ string) (analysis.Confidence, bool) {
	return 0, randomish(secret)
}

// randomish reports whether a token's random part looks generated.
func randomish(secret string) bool {
	if filter.Classify("", secret) == filter.UUID {
		secret = strings.ReplaceAll(secret, "-", "")
	}
	body := longestRun(secret)
	if len(body) < 8 {
		return false
	}
	// A literal of up to four letters around a hex body ("SK…", "…NRAL").
	for cut := 1; cut <= 4; cut++ {
		if len(body)-cut >= 16 && isHex(body[cut:]) {
			body = body[cut:]
			break
		}
		if len(body)-cut >= 16 && isHex(body[:len(body)-cut]) {
			body = body[:len(body)-cut]
			break
		}
	}
	alphabet := 64.0
	if isHex(body) {
		alphabet = 16
	}
	most := math.Log2(math.Min(float64(len(body)), alphabet))
	return filter.Entropy(body) >= 0.75*most
}

// longestRun returns the longest part of s between separators.
func longestRun(s string) string {
	best, start := "", 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || strings.IndexByte("_-.$:/+=~", s[i]) >= 0 {
			if i-start > len(best) {
				best = s[start:i]
			}
			start = i + 1
		}
	}
	return best
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return s != ""
}
