package secrets

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
	"github.com/kraitsec/krait/internal/secrets/filter"
)

// fixtureFact says whether the file is test code, a fixture, an example or
// documentation, where credentials are mostly made up.
var fixtureFact = &analysis.FileKey[bool]{Compute: func(p *analysis.Pass) bool {
	return ruleutil.InTestFile(p) || filter.FixturePath(p.Path)
}}

// lower returns c one step lower, never below low.
func lower(c analysis.Confidence) analysis.Confidence {
	if c > analysis.ConfidenceLow {
		return c - 1
	}
	return c
}

// judgeSecret decides whether value, a literal bound to the credential name,
// is worth reporting, and with what confidence: generated-looking values high,
// other mixed values medium, single dictionary words low; one step lower in
// test code and fixtures. Placeholders, templates, environment lookups, hashes,
// paths, URLs, documentation example keys (AKIAIOSFODNN7EXAMPLE), test-mode keys,
// single words bound to a token's or key's name, and the other filter classes are
// not reported, as the secrets analyzer does not report them.
func judgeSecret(p *analysis.Pass, name, value string) (analysis.Confidence, bool) {
	if ruleutil.IsPlaceholderSecret(value, name) {
		return 0, false
	}
	if i := strings.IndexAny(value, " \t"); i > 0 {
		// "Bearer <token>": the credential follows an authentication scheme.
		if isAuthScheme(value[:i]) {
			return judgeSecret(p, name, strings.TrimSpace(value[i+1:]))
		}
		// Words with spaces are a label or a message, unless the name asks for a phrase.
		if !strings.Contains(strings.ToLower(name), "phrase") {
			return 0, false
		}
	}
	var conf analysis.Confidence
	switch c := filter.Classify(name, value); {
	case c == filter.UUID:
		// A UUID is an identifier, except for the providers whose API keys are UUIDs.
		if !strings.Contains(strings.ToLower(name), "heroku") {
			return 0, false
		}
		conf = analysis.ConfidenceMedium
	case c.Noise(), c == filter.Example:
		return 0, false
	default:
		conf = valueConfidence(value)
	}
	if analysis.FileFact(p, fixtureFact) {
		conf = lower(conf)
	}
	return conf, true
}

// namedSecret reports an expression that reads a credential-named variable or
// attribute (password=DB_PASSWORD): KR301 reports the literal where the name
// is assigned, so passing it on is not reported again.
func namedSecret(p *analysis.Pass, e ast.Expr) bool {
	switch e.(type) {
	case *ast.Name, *ast.Attribute:
		return filter.IsSecretName(ruleutil.SecretKeyName(p.Model, e))
	}
	return false
}

// isAuthScheme reports the HTTP authentication schemes that precede a credential.
func isAuthScheme(s string) bool {
	switch strings.ToLower(s) {
	case "bearer", "basic", "token", "digest", "bot", "apikey", "api-key", "key", "sso-key", "otp":
		return true
	}
	return false
}

// isWord reports a value of letters only.
func isWord(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// valueConfidence rates a plausible secret by how generated it looks.
func valueConfidence(v string) analysis.Confidence {
	if filter.HighEntropy(v) && !strings.ContainsAny(v, " \t") {
		return analysis.ConfidenceHigh
	}
	if isWord(v) || strings.ContainsAny(v, " \t") {
		return analysis.ConfidenceLow // one dictionary-like word ("letmein") or a phrase
	}
	return analysis.ConfidenceMedium
}

// testConfidence returns low confidence in test code, where credentials are
// mostly fixtures, and def elsewhere (0 keeps the rule's default).
func testConfidence(p *analysis.Pass, def analysis.Confidence) analysis.Confidence {
	if analysis.FileFact(p, fixtureFact) {
		return analysis.ConfidenceLow
	}
	return def
}

// secretText is what the engine must redact for a literal e whose value is s,
// reported with message msg: s itself when the source spells it out, or else
// the literal's source text (escapes, implicit concatenation), which holds the
// secret in another form. A secret that the message contains as a word of its
// own ("hard-coded key" for the key "key") is redacted with its quotes, so
// that the message stays readable.
func secretText(p *analysis.Pass, e ast.Node, s, msg string) string {
	src := nodeSource(p, e)
	if _, isLit := e.(*ast.Constant); !isLit || src == "" {
		return s // a name bound to the literal: the secret is not on this line
	}
	if !strings.Contains(src, s) || strings.Contains(msg, s) {
		return strings.TrimLeft(src, "bBrRuU")
	}
	return s
}

// shown is how a message shows a secret: quoted, redacted like every report
// shows one (analysis.Redacted), with control characters and quotes replaced.
func shown(s string) string {
	r := analysis.Redacted(s)
	var sb strings.Builder
	sb.Grow(len(r) + 2)
	sb.WriteByte('"')
	for _, c := range r {
		if c < 0x20 || c == '"' || c == '\\' || c == 0x7f {
			c = '?'
		}
		sb.WriteRune(c)
	}
	sb.WriteByte('"')
	return sb.String()
}

// nodeSource returns the source text of n, or "".
func nodeSource(p *analysis.Pass, n ast.Node) string {
	if p.File == nil {
		return ""
	}
	pos := n.Span()
	lines, src := p.File.Lines, p.File.Source
	if pos.Lineno < 1 || pos.EndLineno < pos.Lineno || pos.EndLineno > len(lines) {
		return ""
	}
	start, end := lines[pos.Lineno-1]+pos.ColOffset, lines[pos.EndLineno-1]+pos.EndColOffset
	if start < 0 || end > len(src) || start > end {
		return ""
	}
	return string(src[start:end])
}

// sprintfName fills a message fragment's %q with a name.
func sprintfName(format, name string) string { return fmt.Sprintf(format, name) }

// quoteName quotes a name for a message.
func quoteName(name string) string { return strconv.Quote(name) }
