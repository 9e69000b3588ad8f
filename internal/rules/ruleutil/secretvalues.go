package ruleutil

import (
	"strings"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// SecretKeyName returns the name under which e stores or reads a value: a
// Name's identifier, an Attribute's attribute, the constant key of a
// Subscript (`config["PASSWORD"]`) or of a `.get("password")` call, or "".
func SecretKeyName(m *semantic.Model, e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Name:
		return x.ID
	case *ast.Attribute:
		return x.Attr
	case *ast.Subscript:
		if s, ok := m.ConstString(x.Slice); ok {
			return s
		}
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); ok && a.Attr == "get" && len(x.Args) > 0 {
			if s, ok := m.ConstString(x.Args[0]); ok {
				return s
			}
		}
	}
	return ""
}

// SecretLiteral returns the str or bytes value that the source fixes for e,
// and false for anything else (including other constants).
func SecretLiteral(m *semantic.Model, e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	v, ok := m.ConstValue(e)
	if !ok || (v.Kind != ast.ConstStr && v.Kind != ast.ConstBytes) {
		return "", false
	}
	return v.S, true
}

// Redact shows the start of a secret for triage without revealing it: at
// most four characters and never more than half of it, then "…".
func Redact(s string) string {
	n := min(4, utf8.RuneCountInString(s)/2)
	i := 0
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	var sb strings.Builder
	sb.Grow(i + len("…") + 2)
	sb.WriteByte('"')
	for _, r := range s[:i] {
		if r < 0x20 || r == '"' || r == '\\' || r == 0x7f {
			r = '?'
		}
		sb.WriteRune(r)
	}
	sb.WriteString("…\"")
	return sb.String()
}

// isPlaceholderWord reports values, lowercased with separators removed, that
// stand for a secret instead of being one.
func isPlaceholderWord(s string) bool {
	switch s {
	case "none", "null", "nil", "undefined", "na", "tbd", "todo", "fixme", "redacted",
		"true", "false", "yes", "no", "on", "off",
		"hidden", "masked", "placeholder", "dummy", "notset", "unset", "empty", "secretgoeshere",
		// Authentication schemes, grant types and well-known field names.
		"bearer", "basic", "token", "jwt", "digest", "negotiate", "oauth", "oauth2",
		"accesstoken", "refreshtoken", "idtoken", "clientcredentials", "authorizationcode",
		"xapikey", "xauthtoken", "authorization", "csrftoken", "csrfmiddlewaretoken":
		return true
	}
	return false
}

// IsPlaceholderSecret reports whether a literal assigned to a secret name
// is not a real secret: empty or too short, a word given to an ambiguous
// name (a lexer's token = "def"), a placeholder ("<password>",
// "${TOKEN}", "{{ secret }}", "xxx", "your-api-key-here"), a format
// template, a path or URL, an environment variable's name, a message, a
// password hash, or the name itself (PASSWORD = "password"). A weak default
// such as "changeme" or "admin" is a real secret: it is what runs when
// nobody changes it.
func IsPlaceholderSecret(value, name string) bool {
	v := strings.TrimSpace(value)
	if utf8.RuneCountInString(v) < 3 || allSame(v) {
		return true
	}
	if AmbiguousSecretName(name) && !looksRandom(v) {
		return true // token = "def" in a lexer
	}
	lv := strings.ToLower(v)
	switch {
	case strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">"),
		strings.HasPrefix(v, "${"), strings.HasPrefix(v, "{{"), strings.HasPrefix(v, "{%"),
		strings.HasPrefix(v, "%("), strings.HasPrefix(v, "%") && strings.HasSuffix(v, "%"),
		strings.Contains(v, "%s"), strings.Contains(v, "%d"),
		strings.IndexByte(v, '{') >= 0 && strings.IndexByte(v, '}') > strings.IndexByte(v, '{'),
		strings.HasPrefix(v, "$") && isEnvName(v[1:]),
		isEnvName(v) && strings.IndexByte(v, '_') > 0,
		strings.HasPrefix(v, "/"), strings.HasPrefix(v, "./"), strings.HasPrefix(v, "../"),
		strings.HasPrefix(v, "~/"), strings.HasPrefix(lv, "file:"),
		(strings.HasPrefix(lv, "http://") || strings.HasPrefix(lv, "https://")) && !strings.Contains(v, "@"),
		strings.Count(v, " ") >= 2:
		return true
	}
	for _, suf := range [...]string{".pem", ".key", ".crt", ".cer", ".json", ".txt", ".p12", ".pfx", ".der", ".jks", ".env", ".yaml", ".yml", ".ini", ".cfg", ".conf", ".gpg", ".asc", ".pub", ".ppk"} {
		if strings.HasSuffix(lv, suf) {
			return true
		}
	}
	for _, p := range [...]string{"$2a$", "$2b$", "$2y$", "$argon2", "$pbkdf2", "pbkdf2_", "pbkdf2:", "scrypt:", "sha1$", "md5$", "{ssha}", "{sha}", "bcrypt$", "argon2$"} {
		if strings.HasPrefix(lv, p) {
			return true
		}
	}
	if v[0] == '_' && isSlug(v) {
		return true // "_password_reset_token": the name of a private key or field
	}
	norm := normalizeWord(lv)
	if norm != "" && (norm == normalizeWord(strings.ToLower(name)) || isPlaceholderWord(norm)) {
		return true
	}
	for _, p := range [...]string{"your", "insert", "enter", "replace", "changethis", "putyour", "addyour"} {
		if strings.HasPrefix(norm, p) && len(norm) > len(p)+2 {
			return true
		}
	}
	return strings.HasSuffix(norm, "here") && len(norm) > 4
}

// normalizeWord keeps only the letters and digits of a lowercase value.
func normalizeWord(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// allSame reports whether s repeats one placeholder character ("xxx",
// "****", "0000"); "aaaaaaa" is a (weak) real value.
func allSame(s string) bool {
	switch s[0] {
	case 'x', 'X', '*', '.', '-', '#', '_', '?', '0':
	default:
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return true
}

// isEnvName reports whether s looks like an environment variable's name:
// capitals, digits and underscores, starting with a capital.
func isEnvName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// EnvFallback returns the default of an environment lookup whose fallback
// the source spells out, or nil: os.environ.get("K", d), os.getenv("K", d),
// os.environ.setdefault("K", d), decouple.config("K", default=d) and the
// call or typed methods of a django-environ Env, env("K", default=d).
func EnvFallback(m *semantic.Model, e ast.Expr) ast.Expr {
	c, ok := e.(*ast.Call)
	if !ok {
		return nil
	}
	switch CalleeTail(c) {
	case "get", "getenv", "setdefault":
		if m.QualifiedNameIs(c.Func, "os.environ.get") || m.QualifiedNameIs(c.Func, "os.getenv") ||
			m.QualifiedNameIs(c.Func, "os.environ.setdefault") {
			return Arg(c, 1, "default")
		}
	case "config":
		if m.QualifiedNameIs(c.Func, "decouple.config") {
			return Arg(c, -1, "default")
		}
	}
	recv := c.Func
	if a, ok := c.Func.(*ast.Attribute); ok {
		recv = a.Value
	}
	if ConstructedBy(m, recv) == "environ.Env" {
		return Arg(c, -1, "default")
	}
	return nil
}

// AmbiguousSecretName reports a name that is a credential word and nothing
// more, where the word has another common meaning: a bare "token" is as
// often a lexer's token as an API token, "pwd" the working directory.
func AmbiguousSecretName(name string) bool {
	var buf [maxNameWords]string
	w := splitName(name, buf[:0])
	return len(w) == 1 && (w[0] == "token" || w[0] == "pwd")
}

// looksRandom reports a value that looks generated rather than written: at
// least 8 characters mixing letters with digits or symbols, or 16 and more.
func looksRandom(v string) bool {
	if len(v) >= 16 {
		return true
	}
	if len(v) < 8 {
		return false
	}
	letters, others := false, false
	for i := 0; i < len(v); i++ {
		c := v[i] | 0x20
		if 'a' <= c && c <= 'z' {
			letters = true
		} else {
			others = true
		}
	}
	return letters && others
}

// isSlug reports a lowercase identifier or slug of two or more words
// ("_password_reset_token", "set-password").
func isSlug(v string) bool {
	seps := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '_' || c == '-':
			if i > 0 {
				seps++
			}
		case c < 'a' || c > 'z':
			return false
		}
	}
	return seps > 0
}
