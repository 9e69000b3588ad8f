package filter

import "strings"

// Documentation example keys, split so that secret scanners do not take this
// file for a leak.
var knownExamples = [...]string{
	"AKIAIOSFODNN7" + "EXAMPLE",
	"wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY",
	"AKIAI44QH8DHB" + "EXAMPLE",
	"je7MtGbClwBF/2Zp9Utk/h3yCo8nvb" + "EXAMPLEKEY",
	"sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc",
	"pk_test_" + "TYooMQauvdEDq54NiTphI7jx",
	"sk_test_" + "BQokikJOvBiI2HlWgH4olfQ2",
	"sk_test_" + "26PHem9AhJZvU623DfE1x4sd",
	"ghp_" + "16C7e42F292c6912E7710c838347Ae178B4a",
	"xoxb-" + "17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
	"SG." + "ngeVfQFYQlKU0ufo8x5d1A.TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr",
	// RFC 6749's client credentials, s6BhdRkqt3:gX1fBat3bV, in HTTP Basic form.
	"czZCaGRSa3F0" + "MzpnWDFmQmF0M2JW",
	// PyJWT's README token ({"some": "payload"} signed with "secret").
	"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzb21lIjoicGF5bG9hZCJ9.4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg",
}

// knownExamplePrefixes start documentation tokens whatever follows: jwt.io's
// sample JWT ({"alg":"HS256","typ":"JWT"}.{"sub":"1234567890","name":"John Doe",…}).
var knownExamplePrefixes = [...]string{
	"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIi",
}

func isKnownExample(v string) bool {
	for _, e := range knownExamples {
		if v == e {
			return true
		}
	}
	for _, p := range knownExamplePrefixes {
		if len(v) >= len(p) && v[:len(p)] == p {
			return true
		}
	}
	return false
}

// IsKnownExample reports whether v contains a key published in a provider's
// documentation, for detectors that match a token inside a longer text.
func IsKnownExample(v string) bool {
	for _, e := range knownExamples {
		if containsString(v, e) {
			return true
		}
	}
	for _, p := range knownExamplePrefixes {
		if containsString(v, p) {
			return true
		}
	}
	return hasExampleMark(v)
}

// hasExampleMark reports the capital EXAMPLE that AWS and others put in their
// documentation keys.
func hasExampleMark(v string) bool { return containsString(v, "EXAMPLE") }

// passwordHashPrefixes start the stored forms of password hashes (crypt, Django,
// Werkzeug, LDAP).
var passwordHashPrefixes = [...]string{"$2a$", "$2b$", "$2y$", "$argon2", "$pbkdf2", "$scrypt",
	"$6$", "$5$", "$1$", "$y$", "$7$", "pbkdf2_", "pbkdf2:", "scrypt:", "argon2$", "bcrypt$",
	"bcrypt_sha256$", "sha1$", "md5$", "{ssha}", "{sha}", "{ssha256}", "{ssha512}", "{crypt}"}

func isPasswordHash(v string) bool {
	for _, p := range passwordHashPrefixes {
		if hasPrefixFold(v, p) && len(v) > len(p)+8 {
			return true
		}
	}
	return false
}

// isHexDigest reports hex of a common digest's length (MD5 to SHA-512).
func isHexDigest(v string) bool {
	switch len(v) {
	case 32, 40, 56, 64, 96, 128:
	default:
		return false
	}
	return isHex(v)
}

func isHex(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !isDigit(c) && !('a' <= c && c <= 'f') && !('A' <= c && c <= 'F') {
			return false
		}
	}
	return v != ""
}

// hashContext reports names under which a hex string is a digest.
func hashContext(name string) bool {
	for _, w := range [...]string{"hash", "sha", "md5", "checksum", "digest", "integrity",
		"fingerprint", "etag", "commit", "revision", "crc", "blake", "sum"} {
		if hasFold(name, w) {
			return true
		}
	}
	return false
}

// hasDigestPrefix reports "sha256:…" digests and "sha512-…" subresource integrity values.
func hasDigestPrefix(v string) bool {
	for _, p := range [...]string{"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3-256", "blake2b"} {
		if hasPrefixFold(v, p) && len(v) > len(p)+16 {
			switch v[len(p)] {
			case ':', '-', '=':
				return true
			}
		}
	}
	return false
}

// isUUID reports the canonical 8-4-4-4-12 form, optionally in braces.
func isUUID(v string) bool {
	if len(v) == 38 && v[0] == '{' && v[37] == '}' {
		v = v[1:37]
	}
	if len(v) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		switch i {
		case 8, 13, 18, 23:
			if v[i] != '-' {
				return false
			}
		default:
			if !isHex(v[i : i+1]) {
				return false
			}
		}
	}
	return true
}

// fileExts end the names of files that hold keys and configuration.
var fileExts = [...]string{".pem", ".key", ".crt", ".cer", ".csr", ".json", ".txt", ".p12", ".pfx",
	".der", ".jks", ".keystore", ".env", ".yaml", ".yml", ".ini", ".cfg", ".conf", ".toml",
	".gpg", ".asc", ".pub", ".ppk", ".py", ".sh", ".log", ".db", ".sqlite", ".xml", ".properties"}

// classifyLocation recognises URLs without credentials and file paths.
func classifyLocation(v string) Class {
	if i := indexString(v, "://"); i > 0 && isScheme(v[:i]) {
		rest := v[i+3:]
		end := len(rest)
		for j := 0; j < len(rest); j++ {
			if rest[j] == '/' || rest[j] == '?' || rest[j] == '#' {
				end = j
				break
			}
		}
		if at := indexByteFrom(rest[:end], '@', 0); at >= 0 && indexByteFrom(rest[:at], ':', 0) >= 0 {
			return Plausible // credentials in a URL are the caller's to judge
		}
		return URL
	}
	if hasPrefixFold(v, "mailto:") || hasPrefixFold(v, "file:") {
		return URL
	}
	if v[0] == '/' || v[0] == '~' || v[0] == '\\' || hasPrefixFold(v, "./") || hasPrefixFold(v, "../") ||
		len(v) > 2 && isLetter(v[0]) && v[1] == ':' && (v[2] == '\\' || v[2] == '/') {
		if pathLike(v) {
			return Path
		}
	}
	if slashPath(v) {
		return Path
	}
	for _, e := range fileExts {
		if hasSuffixFold(v, e) && len(v) > len(e) && pathLike(v) {
			return Path
		}
	}
	return Plausible
}

func isScheme(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// pathLike reports a value whose separators split it into readable names rather
// than base64 text, which also contains '/'.
func pathLike(v string) bool {
	start := 0
	for i := 0; i <= len(v); i++ {
		if i < len(v) && v[i] != '/' && v[i] != '\\' {
			switch c := v[i]; {
			case isAlnum(c), c == '_', c == '-', c == '.', c == '~', c == ' ', c == ':', c == '@':
			default:
				return false // '+', '=': base64
			}
			continue
		}
		if seg := v[start:i]; len(seg) >= 12 && mixedRandom(seg) {
			return false
		}
		start = i + 1
	}
	return true
}

// mixedRandom reports a segment that mixes capitals, small letters and digits
// like generated text ("K7MDENGbPxRfiCY").
func mixedRandom(s string) bool {
	var up, lo, dg, changes int
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isUpper(c):
			up++
		case isLower(c):
			lo++
		case isDigit(c):
			dg++
		}
		if i > 0 && isUpper(c) != isUpper(s[i-1]) {
			changes++
		}
	}
	return up > 0 && lo > 0 && (dg > 0 || changes > len(s)/3)
}

// isVersion reports "1.2", "v2.0.0-rc1", "3.11.7+local", and dotted numbers
// such as OIDs.
func isVersion(v string) bool {
	i := 0
	if v[0] == 'v' || v[0] == 'V' {
		i++
	}
	groups := 0
	for {
		j := i
		for j < len(v) && isDigit(v[j]) {
			j++
		}
		if j == i {
			return false
		}
		groups++
		i = j
		if i == len(v) || v[i] != '.' || i+1 < len(v) && !isDigit(v[i+1]) {
			break
		}
		i++
	}
	suffix := v[i:]
	if groups < 2 || groups > 4 && suffix != "" {
		return false // five or more groups: an OID ("1.3.6.1.5.5.7.3.1"), without a suffix
	}
	if len(suffix) > 20 {
		return false
	}
	for k := 0; k < len(suffix); k++ {
		if c := suffix[k]; !isAlnum(c) && c != '-' && c != '+' && c != '.' && c != '_' {
			return false
		}
	}
	return true
}

// isCode reports a call ("get_password()", "secrets.token_hex(32)") or an
// attribute reference ("settings.SECRET_KEY", "self.password").
func isCode(v string) bool {
	if p := indexByteFrom(v, '(', 0); p >= 2 && v[len(v)-1] == ')' {
		callee := v[:p]
		if !isLetter(callee[0]) && callee[0] != '_' {
			return false
		}
		for i := 0; i < len(callee); i++ {
			if !isIdent(callee[i]) && callee[i] != '.' {
				return false
			}
		}
		return true
	}
	dot := indexByteFrom(v, '.', 0)
	if dot < 2 {
		return false
	}
	for i := 0; i < dot; i++ {
		if c := v[i]; !isLower(c) && c != '_' {
			return false // "eyJhbGci…": a JWT's first part has capitals
		}
	}
	start := 0
	for i := 0; i <= len(v); i++ {
		if i < len(v) && v[i] != '.' {
			if !isIdent(v[i]) {
				return false
			}
			continue
		}
		seg := v[start:i]
		if seg == "" || isDigit(seg[0]) || len(seg) >= 12 && mixedRandom(seg) {
			return false
		}
		start = i + 1
	}
	return true
}

// isRepeated reports one unit of up to four characters repeated to fill the
// value: "aaaaaaaa", "abababab", "passpass".
func isRepeated(v string) bool {
	if len(v) < 3 {
		return false
	}
	for p := 1; p <= 4 && 2*p <= len(v); p++ {
		ok := true
		for i := p; i < len(v); i++ {
			if v[i] != v[i-p] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// sequences are the runs people type instead of a secret.
var sequences = [...]string{"0123456789", "9876543210", "abcdefghijklmnopqrstuvwxyz",
	"zyxwvutsrqponmlkjihgfedcba", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv",
	"qazwsxedc", "1q2w3e4r5t", "0987654321"}

// isSequential reports values made of at most two sequential runs of three or
// more characters, ignoring case: "12345678", "abcdef", "qwerty123", "abc-123".
func isSequential(v string) bool {
	var buf [48]byte
	n := 0
	for i := 0; i < len(v); i++ {
		c := toLower(v[i])
		if !isAlnum(c) {
			if c == '-' || c == '_' || c == '.' || c == ' ' || c == '!' || c == '@' || c == '#' {
				continue
			}
			return false
		}
		if n == len(buf) {
			return false
		}
		buf[n] = c
		n++
	}
	w := buf[:n]
	if n < 4 {
		return false
	}
	// A prefix that is in no sequence has no longer prefix that is: stop there.
	for k := 3; k <= n; k++ {
		if !inSequence(w[:k]) {
			return false
		}
		if k == n || k <= n-3 && inSequence(w[k:]) {
			return true
		}
	}
	return false
}

func inSequence(w []byte) bool {
	if len(w) < 3 {
		return false
	}
	for _, s := range sequences {
		if containsBytesIn(s, w) {
			return true
		}
	}
	return false
}

func containsBytesIn(s string, w []byte) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i:i+len(w)] == string(w) {
			return true
		}
	}
	return false
}

// regexMarks are sequences that occur in regular expressions and hardly ever in
// a secret.
var regexMarks = [...]string{`\w`, `\d`, `\s`, `\W`, `\D`, `\S`, `\b`, `(?=`, `(?!`, `(?:`, `(?P<`,
	`(?i)`, `[^`, `.*`, `.+`, `[a-z`, `[A-Z`, `[0-9`, `]+`, `]*`, `]{`, `\.`}

// isRegex reports a regular expression.
func isRegex(v string) bool {
	if len(v) > 2 && v[0] == '^' && v[len(v)-1] == '$' {
		return true
	}
	if !strings.ContainsAny(v, `\([.]`) {
		return false // every mark has one of these
	}
	for _, m := range regexMarks {
		if containsString(v, m) {
			return true
		}
	}
	return false
}

// isIdentifier reports a name made of two or more words of letters, split by
// '_', '-', '.', ':' or camel humps, each word readable: a capitalised or
// lowercase word with a vowel, or an acronym in capitals. Generated text of
// letters only ("xKpQzRtLmNvB") has short humps without vowels.
func isIdentifier(v string) bool {
	words := 0
	start := 0
	for i := 0; i <= len(v); i++ {
		end := i == len(v)
		if !end {
			c := v[i]
			switch {
			case c == '_' || c == '-' || c == '.' || c == ':':
				end = true
			case !isLetter(c):
				return false
			case isUpper(c) && i > start && isLower(v[i-1]):
				// lower→Upper hump: "nextToken"
				if !readableWord(v[start:i]) {
					return false
				}
				words++
				start = i
				continue
			case isLower(c) && i > start+1 && isUpper(v[i-1]) && isUpper(v[i-2]):
				// "AWSAccess": the acronym ends before the last capital.
				if !readableWord(v[start : i-1]) {
					return false
				}
				words++
				start = i - 1
				continue
			default:
				continue
			}
		}
		if i > start {
			if !readableWord(v[start:i]) {
				return false
			}
			words++
		}
		start = i + 1
	}
	return words >= 2
}

// readableWord reports a word of at least two letters that is an acronym in
// capitals or has a vowel.
func readableWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	caps := true
	for i := 0; i < len(w); i++ {
		switch toLower(w[i]) {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return true
		}
		if !isUpper(w[i]) {
			caps = false
		}
	}
	return caps && len(w) <= 5
}

// slashPath reports a relative path or a secret manager's name of two or more
// '/' separators between lowercase names ("prod/billing/db-password"); base64
// text, which has '/' too, mixes cases.
func slashPath(v string) bool {
	seps := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '/':
			if i == 0 || v[i-1] == '/' {
				return false
			}
			seps++
		case isLower(c), isDigit(c), c == '-', c == '_', c == '.':
		default:
			return false
		}
	}
	return seps >= 2 && v[len(v)-1] != '/'
}

// testKeyPrefixes start the test-mode keys of payment providers.
var testKeyPrefixes = [...]string{"sk_test_", "rk_test_", "pk_test_", "access_token$sandbox$"}

func isTestKey(v string) bool {
	for _, p := range testKeyPrefixes {
		if strings.HasPrefix(v, p) && len(v) > len(p)+8 {
			return true
		}
	}
	return false
}

// isResourceName reports ARNs and URNs, which name a secret instead of holding
// it: "arn:aws:secretsmanager:…", "arn:aws:iam::aws:policy/IAMUserChangePassword".
func isResourceName(v string) bool {
	return hasPrefixFold(v, "arn:") && strings.Count(v, ":") >= 4 || hasPrefixFold(v, "urn:") && strings.Count(v, ":") >= 2
}

// isFieldPath reports a JMESPath-like path of readable field names with
// optional indices: "Jobs[-1].JobId", "StreamDescription.Shards[-1].ShardId".
func isFieldPath(v string) bool {
	if !strings.ContainsAny(v, ".[") {
		return false
	}
	parts := 0
	for seg := range strings.SplitSeq(v, ".") {
		name, index, indexed := strings.Cut(seg, "[")
		if name == "" || !readableName(name) {
			return false
		}
		if indexed {
			index, ok := strings.CutSuffix(index, "]")
			if !ok || !isIndex(index) {
				return false
			}
		}
		parts++
		if !indexed && parts == 1 && !strings.Contains(v, ".") {
			return false
		}
	}
	return parts >= 2 || strings.Contains(v, "[")
}

// readableName reports an identifier made of readable words ("JobId",
// "stream_description"), not generated text.
func readableName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isIdent(s[i]) {
			return false
		}
	}
	if isDigit(s[0]) {
		return false
	}
	return isWord(s) && readableWord(s) || isIdentifier(s)
}

// isIndex reports a JMESPath index: a number, a negative number or "*".
func isIndex(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "*" {
		return true
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// isWord reports a value of letters only.
func isWord(v string) bool {
	for i := 0; i < len(v); i++ {
		if !isLetter(v[i]) {
			return false
		}
	}
	return v != ""
}

// isPlainWord reports a word as people write one: letters in one case, or
// capitalised ("Marker"). Generated letters switch case at random.
func isPlainWord(v string) bool {
	if !isWord(v) {
		return false
	}
	lower, upper := 0, 0
	for i := 1; i < len(v); i++ {
		if isUpper(v[i]) {
			upper++
		} else {
			lower++
		}
	}
	return upper == 0 || lower == 0
}

// passwordName reports names of passwords and passphrases, which a person
// chooses, so that a dictionary word is one; a token or a key is generated.
func passwordName(name string) bool {
	return hasFold(name, "pass") || hasFold(name, "pwd") || hasSuffixFold(name, "pw")
}
