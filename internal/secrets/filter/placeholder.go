package filter

import (
	"bytes"
	"strings"
)

// normBuf holds a value lowercased with everything but letters and digits removed.
type normBuf struct {
	b    [64]byte
	n    int
	full bool // the value had more letters and digits than fit
}

func (nb *normBuf) set(s string) {
	nb.n, nb.full = 0, false
	for i := 0; i < len(s); i++ {
		c := toLower(s[i])
		if !isLower(c) && !isDigit(c) {
			continue
		}
		if nb.n == len(nb.b) {
			nb.full = true
			return
		}
		nb.b[nb.n] = c
		nb.n++
	}
}

func (nb *normBuf) bytes() []byte { return nb.b[:nb.n] }

// placeholderWord reports values, normalised, that stand for a secret.
func placeholderWord(s []byte) bool {
	switch string(s) {
	case "none", "null", "nil", "undefined", "na", "nan", "tbd", "todo", "fixme", "xxx",
		"redacted", "removed", "hidden", "masked", "placeholder", "dummy", "fake", "sample",
		"example", "test", "testing", "tests", "notset", "unset", "empty", "blank", "default",
		"changeme", "changeit", "changethis", "changeme123", "replaceme", "replacethis", "updateme",
		"fillme", "fillmein", "setme", "secret", "secrets", "password", "passwd", "pwd", "pass",
		"passphrase", "token", "apikey", "key", "accesskey", "secretkey", "privatekey",
		"clientsecret", "authtoken", "accesstoken", "refreshtoken", "idtoken", "credentials",
		"credential", "mypassword", "yourpassword", "mysecret", "yoursecret", "mytoken",
		"yourtoken", "myapikey", "yourapikey", "foo", "bar", "baz", "foobar", "value", "string",
		"true", "false", "yes", "no", "on", "off", "enabled", "disabled", "required", "optional",
		"bearer", "basic", "jwt", "digest", "oauth", "oauth2", "clientcredentials",
		"authorizationcode", "xapikey", "xauthtoken", "authorization", "csrftoken",
		"csrfmiddlewaretoken", "secretgoeshere", "test123", "testpassword", "testtoken",
		"testkey", "testsecret", "testtest", "pw", "passw", "user", "username", "login",
		"apitoken", "pin", "code", "word", "phrase",
		// The documented defaults of service images, which CI service
		// containers and local compose files repeat: the image's name, not a
		// secret anyone chose.
		"postgres", "postgresql", "mysql", "mariadb", "root", "admin", "guest", "redis", "rabbitmq",
		"minioadmin", "airflow", "elastic", "kibana", "neo4j", "mongo", "mongodb":
		return true
	}
	return false
}

// markers are fragments that make a whole value a placeholder wherever they
// occur: nobody's real key contains "dummy" or "changeme".
var markers = [...]string{"dummy", "placeholder", "redacted", "changeme", "changethis", "replaceme",
	"replacethis", "notareal", "notreal", "fakekey", "faketoken", "fakepassword",
	"fakesecret", "sample", "goeshere"}

// leadWords start a value that tells the reader what to put there.
var leadWords = [...]string{"your", "insert", "enter", "replace", "putyour", "addyour", "fillin", "setyour", "provide"}

// isPlaceholder reports placeholders: the words of placeholderWord, values
// containing a marker, "xxxx" and "****" masks, instructions ("your-api-key-here"),
// and the name repeated as the value (PASSWORD = "password").
func isPlaceholder(name, v string) bool {
	if isMask(v) {
		return true
	}
	var nb normBuf
	nb.set(v)
	w := nb.bytes()
	if len(w) == 0 {
		return true // punctuation only: "-", "...", "?"
	}
	if placeholderWord(w) || qualifiedPlaceholder(w) {
		return true
	}
	for _, m := range markers {
		if containsBytes(w, m) {
			return true
		}
	}
	if containsRunX(v, 4) || containsRun(v, '*', 3) || containsBytes(w, "example") && !hasUpperExample(v) {
		return true
	}
	for _, p := range leadWords {
		if len(w) > len(p)+2 && string(w[:len(p)]) == p {
			return true
		}
	}
	if len(w) > 6 && string(w[len(w)-4:]) == "here" {
		return true
	}
	if truncated(v) {
		return true
	}
	if name != "" && sameNormalized(w, name) {
		return true
	}
	return false
}

// qualifiers are words that, before a placeholder word, keep it one:
// "testpass", "badpassword", "somepass", "mytoken1".
var qualifiers = [...]string{"test", "bad", "wrong", "invalid", "incorrect", "some", "my", "your",
	"the", "fake", "dummy", "sample", "example", "demo", "foobar", "foo"}

// qualifiedPlaceholder reports a qualifier followed by digits or by a
// placeholder word and optional digits.
func qualifiedPlaceholder(w []byte) bool {
	for _, q := range qualifiers {
		if len(w) <= len(q) || string(w[:len(q)]) != q {
			continue
		}
		rest := w[len(q):]
		end := len(rest)
		for end > 0 && isDigit(rest[end-1]) {
			end--
		}
		if end == 0 || placeholderWord(rest[:end]) {
			return true
		}
	}
	return false
}

// sameNormalized reports whether name normalises to w.
func sameNormalized(w []byte, name string) bool {
	j := 0
	for i := 0; i < len(name); i++ {
		c := toLower(name[i])
		if !isLower(c) && !isDigit(c) {
			continue
		}
		if j >= len(w) || w[j] != c {
			return false
		}
		j++
	}
	return j == len(w)
}

func containsBytes(w []byte, sub string) bool {
	return bytes.Contains(w, []byte(sub))
}

// isMask reports values made only of mask characters: "xxxx-xxxx", "****", "•••", "???".
func isMask(v string) bool {
	masked := false
	for _, r := range v {
		switch r {
		case 'x', 'X', '*', '•', '●', '#', '?':
			masked = true
		case '-', '_', '.', ' ', ':', '/':
		default:
			return false
		}
	}
	return masked
}

// containsRunX reports a run of n or more x or X (sk_live_xxxxxxxx).
func containsRunX(v string, n int) bool {
	run := 0
	for i := 0; i < len(v); i++ {
		if v[i] == 'x' || v[i] == 'X' {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func containsRun(v string, c byte, n int) bool {
	run := 0
	for i := 0; i < len(v); i++ {
		if v[i] == c {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// hasUpperExample reports the capital EXAMPLE that marks AWS-style documentation keys.
func hasUpperExample(v string) bool { return containsString(v, "EXAMPLE") }

func containsString(s, sub string) bool { return strings.Contains(s, sub) }

// classifyIndirect recognises values that point elsewhere for the secret:
// templates and environment or configuration lookups.
func classifyIndirect(v string) Class {
	switch {
	case hasFold(v, "os.environ"), hasFold(v, "getenv("), hasFold(v, "environ.get("),
		hasFold(v, "environ["), containsString(v, "process.env."), containsString(v, "ENV["),
		containsString(v, "ENV.fetch("), hasPrefixFold(v, "env("), hasPrefixFold(v, "env."),
		hasPrefixFold(v, "config("), hasPrefixFold(v, "vault:"),
		containsString(v, "$("), hasPrefixFold(v, "op://"), hasPrefixFold(v, "arn:aws:secretsmanager"),
		hasPrefixFold(v, "projects/") && containsString(v, "/secrets/"):
		return EnvLookup
	}
	if i := indexString(v, "${"); i >= 0 && indexByteFrom(v, '}', i) > 0 {
		return EnvLookup
	}
	if v[0] == '$' && len(v) > 1 && isEnvName(v[1:]) || len(v) > 2 && v[0] == '%' && v[len(v)-1] == '%' && isEnvName(v[1:len(v)-1]) {
		return EnvLookup
	}
	if isEnvName(v) && indexByteFrom(v, '_', 1) > 0 && !hasDigitRun(v, 4) && !hasPrefixFold(v, "your") && !hasSuffixFold(v, "here") {
		return EnvLookup // "DB_PASSWORD": the name of the variable, not its value
	}
	if isTemplate(v) {
		return Template
	}
	return Plausible
}

// isTemplate reports format and template syntax: {{ x }}, {% x %}, %(x)s, {x},
// <x>, [x], %s.
func isTemplate(v string) bool {
	if i := indexString(v, "{{"); i >= 0 && indexString(v[i:], "}}") > 0 {
		return true
	}
	if i := indexString(v, "{%"); i >= 0 && indexString(v[i:], "%}") > 0 {
		return true
	}
	if i := indexString(v, "%("); i >= 0 && indexString(v[i:], ")s") > 0 {
		return true
	}
	if hasVerb(v, 's') || hasVerb(v, 'd') {
		return true
	}
	if n := len(v); n >= 3 && (v[0] == '<' && v[n-1] == '>' || v[0] == '[' && v[n-1] == ']' || v[0] == '(' && v[n-1] == ')') {
		return true
	}
	// {name} or {0}: a str.format field; <name> inside a value ("Bearer <token>").
	for _, p := range [...][2]byte{{'{', '}'}, {'<', '>'}} {
		for i := 0; i < len(v); i++ {
			if v[i] != p[0] {
				continue
			}
			j := i + 1
			for j < len(v) && (isIdent(v[j]) || v[j] == '-' || v[j] == '.' || v[j] == ' ' && p[0] == '<') {
				j++
			}
			if j < len(v) && v[j] == p[1] && j > i+1 && isLetter(v[i+1]) || j < len(v) && v[j] == '}' && j > i+1 && isDigit(v[i+1]) && p[0] == '{' {
				return true
			}
		}
	}
	return false
}

// isEnvName reports an environment variable's name: capitals, digits and
// underscores, starting with a capital.
func isEnvName(s string) bool {
	if s == "" || !isUpper(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isUpper(c) && !isDigit(c) && c != '_' {
			return false
		}
	}
	return true
}

func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func indexString(s, sub string) int { return strings.Index(s, sub) }

func indexByteFrom(s string, c byte, from int) int {
	for i := from; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// isProse reports natural-language text: three or more words with a stop word,
// or a sentence ending in punctuation.
func isProse(v string) bool {
	words, stop := 0, false
	start := -1
	for i := 0; i <= len(v); i++ {
		if i < len(v) && v[i] != ' ' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words++
			if isStopWord(v[start:i]) {
				stop = true
			}
			start = -1
		}
	}
	if words < 3 {
		return false
	}
	last := v[len(v)-1]
	return stop || last == '.' || last == '!' || last == '?' || last == ':'
}

func isStopWord(w string) bool {
	for len(w) > 0 && !isLetter(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	switch len(w) {
	case 1, 2, 3, 4, 5, 6:
	default:
		return false
	}
	var b [6]byte
	for i := 0; i < len(w); i++ {
		b[i] = toLower(w[i])
	}
	switch string(b[:len(w)]) {
	case "the", "a", "an", "to", "of", "for", "is", "are", "be", "your", "you", "and", "or",
		"in", "on", "not", "this", "that", "with", "please", "enter", "must", "will", "was",
		"has", "have", "it", "if", "can", "should", "use", "from", "by", "at", "as":
		return true
	}
	return false
}

// hasVerb reports a printf verb such as %s that ends a word ("Bearer %s",
// "%s:%s"): in a generated password "%dN5q…" the same two characters are noise.
func hasVerb(v string, verb byte) bool {
	for i := 0; i+1 < len(v); i++ {
		if v[i] == '%' && v[i+1] == verb && (i+2 == len(v) || !isAlnum(v[i+2])) {
			return true
		}
	}
	return false
}

// truncated reports a documentation value cut short with an ellipsis: "sk-...",
// "ghp_…", "AKIA...". A key is never written that way, and what precedes the
// dots is at most a provider's prefix.
func truncated(v string) bool {
	var head string
	switch {
	case hasSuffixFold(v, "..."):
		head = v[:len(v)-3]
	case hasSuffixFold(v, "…"):
		head = v[:len(v)-len("…")]
	default:
		return false
	}
	return len(head) <= 12
}
