package ruleutil

import (
	"strings"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// SecretNameKind says whether an identifier names a secret value.
type SecretNameKind uint8

// The kinds of name SecretName tells apart.
const (
	// NotSecretName is any other name, including names about a credential
	// that are not one: token_type, password_field, NextToken, API_KEY_HEADER.
	NotSecretName SecretNameKind = iota
	// CredentialName names a password, token, API key or other credential.
	CredentialName
	// SigningKeyName is a web framework's signing key (SECRET_KEY,
	// JWT_SECRET_KEY), which the web rules report on their own.
	SigningKeyName
)

// maxNameWords bounds the words SecretName looks at; a longer name is
// judged by its first words.
const maxNameWords = 12

// SecretName classifies an identifier, dict key, header or keyword name
// written in snake, kebab, camel or upper case. The last word is the head of
// an English compound, so "password_reset_url" is a URL, "reset_password" a
// password and "NextToken" a pagination cursor.
func SecretName(name string) SecretNameKind {
	if !mayNameSecret(name) {
		return NotSecretName
	}
	var buf [maxNameWords]string
	return classifyWords(mergeCompounds(splitName(name, buf[:0])))
}

// mayNameSecret rejects almost every identifier in one pass and without
// allocating: a secret name contains one of these fragments.
func mayNameSecret(s string) bool {
	if len(s) < 2 || len(s) > 100 {
		return false
	}
	for i := 0; i < len(s); i++ {
		var found bool
		switch s[i] | 0x20 { // ASCII lower case
		case 'p':
			found = hasFoldAt(s, i, "pass") || hasFoldAt(s, i, "pw")
		case 's':
			found = hasFoldAt(s, i, "secret")
		case 't':
			found = hasFoldAt(s, i, "token")
		case 'k':
			found = hasFoldAt(s, i, "key")
		case 'c':
			found = hasFoldAt(s, i, "cred")
		case 'a':
			found = hasFoldAt(s, i, "authorization")
		}
		if found {
			return true
		}
	}
	return false
}

// hasFoldAt reports whether s continues at i with the lowercase ASCII sub,
// ignoring ASCII case.
func hasFoldAt(s string, i int, sub string) bool {
	if i+len(sub) > len(s) {
		return false
	}
	for j := 0; j < len(sub); j++ {
		c := s[i+j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != sub[j] {
			return false
		}
	}
	return true
}

type charClass uint8

const (
	classSep charClass = iota
	classLower
	classUpper
	classDigit
)

func classOf(c byte) charClass {
	switch {
	case 'a' <= c && c <= 'z', c >= 0x80:
		return classLower
	case 'A' <= c && c <= 'Z':
		return classUpper
	case '0' <= c && c <= '9':
		return classDigit
	}
	return classSep
}

// SplitName appends to dst the lowercase words of an identifier, split at
// separators, at camel-case humps ("apiKey", "APIKey") and between letters
// and digits, stopping when dst is full: pass a stack buffer's [:0] to
// avoid allocating the slice.
func SplitName(s string, dst []string) []string { return splitName(s, dst) }

func splitName(s string, dst []string) []string {
	start := -1
	flush := func(end int) {
		if start >= 0 && len(dst) < cap(dst) {
			dst = append(dst, strings.ToLower(s[start:end]))
		}
		start = -1
	}
	for i := 0; i < len(s); i++ {
		c := classOf(s[i])
		if c == classSep {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		p := classOf(s[i-1])
		switch {
		case c == classUpper && p == classLower,
			c == classDigit && p != classDigit,
			c != classDigit && p == classDigit:
			flush(i)
			start = i
		case c == classLower && p == classUpper && i-1 > start:
			// "APIKey": the hump starts at the last capital.
			flush(i - 1)
			start = i - 1
		}
	}
	flush(len(s))
	return dst
}

// isKeyPrefix reports the words that make a following "key" a secret key.
func isKeyPrefix(s string) bool {
	switch s {
	case "api", "access", "private", "secret", "signing", "sign", "encryption", "encrypt",
		"master", "auth", "app", "hmac", "aes", "ssh", "crypto", "cipher", "subscription",
		"account", "shared":
		return true
	}
	return false
}

// mergeCompounds joins the two-word compounds that name one credential,
// such as "pass word" and "api key", in place.
func mergeCompounds(w []string) []string {
	out := w[:0]
	for i := 0; i < len(w); i++ {
		if i+1 < len(w) {
			a, b := w[i], w[i+1]
			merged := ""
			switch {
			case a == "pass" && (b == "word" || b == "phrase" || b == "code"):
				merged = a + b
			case b == "key" && isKeyPrefix(a):
				merged = a + b
			}
			if merged != "" {
				out = append(out, merged)
				i++
				continue
			}
		}
		out = append(out, w[i])
	}
	return out
}

// isCredentialBase reports words that name a credential on their own; run-together words that
// end in one ("dbpassword", "authtoken") count too.
func isCredentialBase(s string) bool {
	switch s {
	case "password", "passwd", "pwd", "passphrase", "passcode", "secret", "token",
		"credential", "credentials", "authorization",
		"apikey", "accesskey", "privatekey", "secretkey", "signingkey", "signkey",
		"encryptionkey", "encryptkey", "masterkey", "authkey", "appkey", "hmackey",
		"aeskey", "sshkey", "cryptokey", "cipherkey", "subscriptionkey", "accountkey",
		"sharedkey":
		return true
	}
	return false
}

// isNotCredentialWord reports run-together words that end like a credential but
// are not one.
func isNotCredentialWord(s string) bool {
	switch s {
	case "csrftoken", "xsrftoken", "nexttoken", "pagetoken", "synctoken":
		return true
	}
	return false
}

// isDenyPrefix reports words that, before the credential word, make the name
// about a token rather than a secret (NextToken, csrf_token, eos_token) or
// test data (wrong_password).
func isDenyPrefix(s string) bool {
	switch s {
	case "next", "prev", "previous", "page", "paging", "pagination", "continuation", "cursor",
		"csrf", "xsrf", "cancel", "cancellation", "sync", "eos", "bos", "unk", "pad", "sep",
		"cls", "mask", "start", "end", "stop", "begin", "special", "public", "is", "has",
		"use", "should", "require", "requires", "enable", "enabled", "show", "forgot",
		"min", "max", "num", "count", "fake", "dummy", "mock", "example", "sample",
		"invalid", "wrong", "bad", "incorrect", "expired", "bypass", "allow", "control":
		return true
	}
	return false
}

// isSuffixAllowed reports the words that may follow the credential word without
// changing what the name means (password_confirm, API_KEY_PROD). Any other
// trailing word is the head of the compound: password_field, token_url.
func isSuffixAllowed(s string) bool {
	switch s {
	case "value", "val", "str", "string", "text", "plain", "plaintext", "raw", "clear",
		"cleartext", "b64", "base64", "hex", "bytes", "encoded", "confirm", "confirmation",
		"again", "repeat", "old", "new", "current", "default", "prod", "production", "dev",
		"development", "test", "staging", "stage", "local":
		return true
	}
	return false
}

// isSigningPrefix reports the words that may precede "secret key" in a framework signing key name.
func isSigningPrefix(s string) bool {
	switch s {
	case "jwt", "django", "flask", "app", "session", "fastapi", "starlette":
		return true
	}
	return false
}

func classifyWords(w []string) SecretNameKind {
	n := len(w)
	if n == 0 {
		return NotSecretName
	}
	if w[n-1] == "secretkey" && (n == 1 || n == 2 && isSigningPrefix(w[0])) {
		return SigningKeyName
	}
	last := -1
	for i, x := range w {
		if isCredentialWord(x) {
			last = i
		}
	}
	if last < 0 {
		// "pass" and "pw" are credentials only as the final word: DB_PASS, admin_pw.
		if n > 1 && (w[n-1] == "pass" || w[n-1] == "pw") {
			last = n - 1
		} else {
			return NotSecretName
		}
	}
	for _, x := range w[:last] {
		if isDenyPrefix(x) {
			return NotSecretName
		}
	}
	for _, x := range w[last+1:] {
		if !isSuffixAllowed(x) && !isDigits(x) {
			return NotSecretName
		}
	}
	return CredentialName
}

func isCredentialWord(x string) bool {
	if isCredentialBase(x) {
		return true
	}
	if isNotCredentialWord(x) {
		return false
	}
	for _, suf := range [...]string{"password", "passwd", "passphrase", "secret", "token", "apikey", "secretkey", "privatekey", "accesskey", "authkey"} {
		if len(x) > len(suf) && strings.HasSuffix(x, suf) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

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
