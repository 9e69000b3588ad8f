package secrets

import (
	"strings"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/analysis"
)

// maxSnippet bounds a snippet; a long line is shown around the secret only.
const maxSnippet = 240

// message says what was found and where it belongs, with the secret redacted.
func message(c candidate) string {
	what := c.what
	if c.provider != "" {
		what = c.provider + " " + what
	}
	return "hard-coded " + what + " (" + analysis.Redacted(c.secret) +
		"); revoke it and load it from the environment or a secret store"
}

// snippetOf returns the line from ls to le with every secret of all that lies
// on it redacted, cut to maxSnippet bytes around the secret at start.
func snippetOf(data []byte, ls, le, start int, all []candidate) string {
	from, to := ls, le
	if to-from > maxSnippet {
		from = max(ls, start-maxSnippet/3)
		to = min(le, from+maxSnippet)
	}
	text := string(data[from:to])
	for _, c := range all {
		if c.end > ls && c.start < le {
			text = redactIn(text, c.secret)
		}
	}
	text = strings.TrimRight(text, " \t\r")
	for !utf8.ValidString(text) && len(text) > 0 {
		text = strings.ToValidUTF8(text, "")
	}
	return text
}

// redactIn redacts secret in text, and the part of it that a cut left at either
// end of text, so that no piece of more than four characters shows.
func redactIn(text, secret string) string {
	if strings.Contains(text, secret) {
		return analysis.RedactSecret(text, secret)
	}
	// A multi-line secret (a private key) shows on its first line only in part.
	for _, line := range strings.Split(secret, "\n") {
		line = strings.TrimSpace(line)
		if len(line) > 8 && strings.Contains(text, line) {
			text = strings.ReplaceAll(text, line, analysis.Redacted(line))
		}
	}
	// A snippet cut through the secret.
	for n := min(len(secret), len(text)); n > 4; n-- {
		if strings.HasSuffix(text, secret[:n]) {
			return text[:len(text)-n] + analysis.Redacted(secret[:n])
		}
		if strings.HasPrefix(text, secret[len(secret)-n:]) {
			return "…" + text[n:]
		}
	}
	return text
}

// suppressed reports an inline allow comment on the line: krait's own
// directives, detect-secrets' "pragma: allowlist secret" and "gitleaks:allow",
// in any comment syntax.
func suppressed(line string, r *analysis.Rule) bool {
	if analysis.LineSuppresses(line, r) {
		return true
	}
	return strings.Contains(line, "pragma: allowlist secret") || strings.Contains(line, "pragma:allowlist secret") ||
		strings.Contains(line, "gitleaks:allow")
}
