package filter

// Class is what a candidate secret value turned out to be.
type Class uint8

// The classes Classify tells apart. Plausible is the only one that says nothing
// against the value being a secret.
const (
	// Plausible is a value that nothing marks as anything but a secret.
	Plausible Class = iota
	// Empty is an empty or blank value.
	Empty
	// Short is a value of fewer than MinLength characters.
	Short
	// Placeholder stands for a secret instead of being one: "changeme", "xxxx",
	// "your-api-key", "<password>", "****", "dummy", "none", or the name itself.
	Placeholder
	// Template is a value a template engine or a format call fills in:
	// "{{ db_password }}", "%(password)s", "{token}", "%s".
	Template
	// EnvLookup reads the secret from the environment or the configuration:
	// "${DB_PASSWORD}", "$TOKEN", "os.environ['X']", "process.env.X", or names an
	// environment variable ("DB_PASSWORD").
	EnvLookup
	// Repeated is one character or a short unit over and over: "aaaaaaaa", "abcabcabc".
	Repeated
	// Sequential is a keyboard or alphabet run: "12345678", "abcdefg", "qwerty123".
	Sequential
	// UUID is a UUID in its canonical 8-4-4-4-12 form. It is noise as an
	// identifier and a credential as a Heroku API key: the caller decides.
	UUID
	// Hash is a digest, checksum or password hash: hex of a digest's length next to
	// a name such as "sha256" or "checksum", "sha512-…" integrity values, "$2b$…".
	Hash
	// Example is a key published in a provider's documentation
	// (AKIAIOSFODNN7EXAMPLE, jwt.io's sample token), or one marked EXAMPLE.
	Example
	// Path is a file path: the secret lives in that file, not here.
	Path
	// URL is a URL without credentials in it.
	URL
	// Version is a version string such as "1.2.3" or "v2.0.0-rc1".
	Version
	// Code is source code rather than a literal: a call or an attribute reference
	// such as "settings.SECRET_KEY" or "get_password()".
	Code
	// Text is natural-language prose: "Please enter your password."
	Text
	// Identifier is the name of a field, key or header rather than a value: two
	// or more words of letters in snake, kebab, camel or Pascal case, with no
	// digits ("next_token", "AWSAccessKeyId", "Access-Control-Allow-Credentials").
	Identifier
	// Regex is a regular expression: "[^\\W\\d]\\w*", "^sk_live_.+$".
	Regex
	// TestKey is a provider's test-mode key, which moves no money and reaches no
	// production data: Stripe's sk_test_, rk_test_ and pk_test_, Braintree's
	// access_token$sandbox$.
	TestKey
)

// lastClass is the highest Class.
const lastClass = TestKey

var classNames = [...]string{
	Plausible: "plausible", Empty: "empty", Short: "short", Placeholder: "placeholder",
	Template: "template", EnvLookup: "env-lookup", Repeated: "repeated", Sequential: "sequential",
	UUID: "uuid", Hash: "hash", Example: "example", Path: "path", URL: "url",
	Version: "version", Code: "code", Text: "text", Identifier: "identifier", Regex: "regex",
	TestKey: "test-key",
}

// String returns the class's kebab-case name, as used in tests and debug output.
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "unknown"
}

// Noise reports whether a value of the class is never worth reporting as a
// secret. Plausible, UUID and Example are not noise: a UUID may be a key, and a
// documentation key is reported at low confidence at most.
func (c Class) Noise() bool {
	return c != Plausible && c != UUID && c != Example
}

// MinLength is the number of characters below which a value is Short.
const MinLength = 6

// maxClassify bounds the length Classify looks at: a longer value (a private key,
// a certificate) is judged by its shape only.
const maxClassify = 4096

// Classify says what a candidate secret value is. name is what the value is bound
// to (a variable, key or argument name; "" when unknown): it lets a hex string
// next to "sha256" be a hash, PASSWORD = "password" be a placeholder, and a
// single word be a password under a password's name but an Identifier under a
// token's or key's ("input_token": "Marker"). The value
// is taken as written, without quotes.
func Classify(name, value string) Class {
	v := trimSpace(value)
	if v == "" {
		return Empty
	}
	if len(v) > maxClassify {
		return Plausible
	}
	if isKnownExample(v) {
		return Example
	}
	if isTestKey(v) {
		return TestKey
	}
	if isPasswordHash(v) || isHexDigest(v) && hashContext(name) || hasDigestPrefix(v) {
		return Hash
	}
	if isUUID(v) {
		return UUID
	}
	if c := classifyIndirect(v); c != Plausible {
		return c
	}
	if c := classifyLocation(v); c != Plausible {
		return c
	}
	if isPlaceholder(name, v) {
		return Placeholder
	}
	if hasExampleMark(v) {
		return Example
	}
	if isVersion(v) {
		return Version
	}
	if isRegex(v) {
		return Regex
	}
	if isCode(v) {
		return Code
	}
	if isIdentifier(v) || isResourceName(v) || isFieldPath(v) || name != "" && !passwordName(name) && isPlainWord(v) {
		return Identifier
	}
	if isRepeated(v) {
		return Repeated
	}
	if isSequential(v) {
		return Sequential
	}
	if runeCount(v) < MinLength {
		return Short
	}
	if isProse(v) {
		return Text
	}
	return Plausible
}

// trimSpace trims ASCII white space without allocating.
func trimSpace(s string) string {
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 || s[i] >= 0xC0 {
			n++
		}
	}
	return n
}

func isLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return isLower(c) || isUpper(c) }
func isAlnum(c byte) bool  { return isLetter(c) || isDigit(c) }
func isIdent(c byte) bool  { return isAlnum(c) || c == '_' }
func toLower(c byte) byte {
	if isUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

// hasFold reports whether s contains the lowercase ASCII sub, ignoring case.
func hasFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasFoldAt(s, i, sub) {
			return true
		}
	}
	return false
}

func hasFoldAt(s string, i int, sub string) bool {
	if i < 0 || i+len(sub) > len(s) {
		return false
	}
	for j := 0; j < len(sub); j++ {
		if toLower(s[i+j]) != sub[j] {
			return false
		}
	}
	return true
}

func hasPrefixFold(s, p string) bool { return hasFoldAt(s, 0, p) }
func hasSuffixFold(s, p string) bool { return hasFoldAt(s, len(s)-len(p), p) }
