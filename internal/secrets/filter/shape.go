package filter

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
	"qazwsxedc", "1q2w3e4r5t", "0987654321", "1234567890"}

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
