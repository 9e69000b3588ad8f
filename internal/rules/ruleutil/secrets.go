package ruleutil

import (
	"strings"
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

// HasFoldAt reports whether s continues at byte i with the lowercase ASCII
// sub, ignoring ASCII case: the building block of a rule's cheap test on a
// name, which must not allocate.
func HasFoldAt(s string, i int, sub string) bool { return hasFoldAt(s, i, sub) }

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
