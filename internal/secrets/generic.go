package secrets

import (
	"bytes"
	"encoding/base64"
	"regexp"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/secrets/filter"
)

// GenericSecret is the rule of the name-based detector of configuration files.
var GenericSecret = newRule(ruleSpec{
	code: "KR380", name: "generic-secret-assignment", summary: "secret-like name bound to a literal in a config file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceMedium, cwe: []int{798, 259},
	what: "literal values bound to secret-like names (password, passwd, pwd, secret, token, api_key, " +
		"access_key, private_key, client_secret, auth, and names ending in them such as DB_PASSWORD or " +
		"stripeSecretKey) in configuration files: `.env`, INI, TOML, YAML, JSON, properties, Terraform, " +
		"Dockerfile `ENV`/`ARG`, shell `export`, Kubernetes secrets, and the code cells of notebooks. " +
		"Placeholders, templates, environment references, hashes, UUIDs and documentation values are left out; " +
		"values in tests, examples and `.env.example` files are reported with lower confidence.",
	lang: "yaml", example: "database:\n  user: app\n  password: Xk9#mP2v…", instead: "database:\n  user: app\n  password: ${DB_PASSWORD}",
	refTitle: "OWASP: secrets management cheat sheet", ref: "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
})

// HighEntropySecret is the rule of the entropy-based detector of configuration files.
var HighEntropySecret = newRule(ruleSpec{
	code: "KR382", name: "high-entropy-secret", summary: "high-entropy value bound to a key-like name in a config file",
	severity: analysis.SeverityMedium, confidence: analysis.ConfidenceLow, cwe: []int{798},
	what: "long random-looking values (high Shannon entropy for their alphabet) bound to names that suggest " +
		"key material without naming a credential outright: `encryption_key`, `signing_salt`, `hmac`, " +
		"`session_cookie`, `credentials`, `seed`.",
	lang: "toml", example: "[crypto]\nencryption_key = \"q8Zr…\"", instead: "[crypto]\nencryption_key = \"${ENCRYPTION_KEY}\"",
	refTitle: "OWASP: secrets management cheat sheet", ref: "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
})

// flagRe finds credentials given on a command line in a script, a Dockerfile or
// a CI file: --password=…, --api-key …, docker run -e DB_PASSWORD=…,
// mysql -p'…'.
var flagRe = regexp.MustCompile(`(?:^|\s)(?:--([a-zA-Z][\w-]*)[= ]|-e\s+([A-Za-z_][A-Za-z0-9_]*)=|(?:mysql|sshpass)[^|;&]*\s-(p)\s?)["']?([^\s"'$\x60]{4,})`)

// xmlElementRe finds <password>…</password> in XML configuration (Maven
// settings, .NET app.config); the test that both names agree is in the code,
// as the expression cannot refer back. xmlAttrRe finds <add key="ApiKey"
// value="…"/>.
var (
	xmlElementRe = regexp.MustCompile(`<([A-Za-z_][\w.\-]*)>([^<>\s][^<>]{2,255})</([A-Za-z_][\w.\-]*)>`)
	xmlAttrRe    = regexp.MustCompile(`\bkey="([^"]{2,64})"\s+value="([^"]{1,255})"`)
)

// maxConfigLine bounds the configuration lines the name checks read.
const maxConfigLine = 1024

// flagText returns the line if it may pass a credential as a command-line flag,
// and "" otherwise, sparing the expression the lines that cannot.
func flagText(line string) string {
	if strings.Contains(line, "--") || strings.Contains(line, "-e ") || strings.Contains(line, "-p") {
		return line
	}
	return ""
}

// assignment is a name bound to a literal on one line of a configuration file.
type assignment struct {
	name    string
	value   string
	valueAt int // offset of value in the line
	quoted  bool
}

// linePrefixes open a binding without being part of its name.
var linePrefixes = [...]string{"export ", "ENV ", "ARG ", "set ", "setenv ", "- ", "declare -x ", "readonly ", "local "}

// parseAssignment reads the `name <sep> value` a configuration line binds:
// KEY=value, key: value, "key": "value", key = 'value', ENV KEY value,
// export KEY="value", - KEY=value, key := value, key => value.
func parseAssignment(line string) (assignment, bool) {
	i := skipBlank(line, 0)
	rest := line[i:]
	if rest == "" || rest[0] == '#' || rest[0] == ';' || strings.HasPrefix(rest, "//") || strings.HasPrefix(rest, "<!--") {
		return assignment{}, false
	}
	spaceSep := false
	for _, p := range linePrefixes {
		if strings.HasPrefix(rest, p) {
			i = skipBlank(line, i+len(p))
			spaceSep = p == "ENV " || p == "setenv "
			break
		}
	}
	var q byte
	if i < len(line) && (line[i] == '"' || line[i] == '\'') {
		q = line[i]
		i++
	}
	ns := i
	for i < len(line) && isNameByte(line[i]) {
		i++
	}
	if i == ns {
		return assignment{}, false
	}
	name := line[ns:i]
	var wrapped byte // "KEY=value" as a quoted YAML list item
	if q != 0 {
		switch {
		case i < len(line) && line[i] == q:
			i++
		case i < len(line) && line[i] == '=':
			wrapped = q
		default:
			return assignment{}, false
		}
	}
	j := skipBlank(line, i)
	tight := j == i && j < len(line) && line[j] == '=' && j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t'
	switch {
	case strings.HasPrefix(line[j:], ":="), strings.HasPrefix(line[j:], "=>"):
		j += 2
	case j < len(line) && (line[j] == '=' || line[j] == ':'):
		j++
		if j < len(line) && line[j] == '=' {
			return assignment{}, false // a comparison
		}
	case spaceSep && j > i:
	default:
		return assignment{}, false
	}
	j = skipBlank(line, j)
	if j >= len(line) {
		return assignment{}, false
	}
	if c := line[j]; c == '"' || c == '\'' || c == '`' {
		end := closingQuote(line, j+1, c)
		if end < 0 {
			return assignment{}, false
		}
		return assignment{name: name, value: line[j+1 : end], valueAt: j + 1, quoted: true}, true
	}
	switch line[j] {
	case '|', '>', '&', '*', '!', '[', '{', '(':
		return assignment{}, false // YAML blocks, anchors, tags, flow collections; code
	}
	end := len(line)
	for k := j; k < len(line); k++ {
		if (line[k] == '#' || line[k] == ';') && k > j && (line[k-1] == ' ' || line[k-1] == '\t') {
			end = k
			break
		}
		if tight && (line[k] == ' ' || line[k] == '\t') {
			end = k // shell: PGPASSWORD=… pg_dump …
			break
		}
	}
	v := strings.TrimRight(line[j:end], " \t\r,")
	if wrapped != 0 {
		v = strings.TrimSuffix(v, string(wrapped))
	}
	if v == "" {
		return assignment{}, false
	}
	return assignment{name: name, value: v, valueAt: j}, true
}

func skipBlank(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.'
}

// closingQuote finds the quote that closes a string opened before i, skipping
// backslash escapes; -1 if the line does not close it.
func closingQuote(s string, i int, q byte) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case q:
			return i
		}
	}
	return -1
}

// lastSegment is the last dotted part of a name: spring.datasource.password
// names a password.
func lastSegment(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 && i < len(name)-1 {
		return name[i+1:]
	}
	return name
}

// keyContext reports names that suggest key material without naming a
// credential: the high-entropy detector's context.
func keyContext(name string) bool {
	l := strings.ToLower(name)
	for _, w := range [...]string{"public", "publishable", "pub_", "prefix", "name", "url", "path", "file", "type", "hash", "digest", "checksum", "version"} {
		if strings.Contains(l, w) {
			return false
		}
	}
	if strings.HasSuffix(l, "id") || strings.HasSuffix(l, "ids") {
		return false
	}
	for _, suffix := range [...]string{"hex", "data", "expected", "vector", "vectors", "sample", "fixture"} {
		if strings.HasSuffix(l, suffix) {
			return false // test vectors and fixtures
		}
	}
	for _, w := range [...]string{"salt", "seed", "hmac", "signature", "signing", "cred", "jwt", "bearer",
		"encrypt", "decrypt", "private", "license"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// config checks every line of a configuration file for a secret-like name bound
// to a literal.
func (s *scan) config() {
	genericOn, entropyOn := s.enabled(GenericSecret.Code), s.enabled(HighEntropySecret.Code)
	if !genericOn && !entropyOn {
		return
	}
	var pending string // a name given on the line before its value (k8s env, Terraform variables)
	pgpass := strings.HasSuffix(s.rel, ".pgpass") || strings.HasSuffix(s.rel, "pgpass.conf")
	text := string(s.data) // one copy; lines are substrings of it
	for at := 0; at < len(s.data); {
		end := bytes.IndexByte(s.data[at:], '\n')
		if end < 0 {
			end = len(s.data)
		} else {
			end += at
		}
		switch {
		case end-at > maxWindow:
		case pgpass:
			s.pgpass(text[at:end], at)
		default:
			pending = s.configLine(text[at:end], at, pending)
		}
		at = end + 1
	}
}

// mayHoldSecret rejects in one pass, without allocating, almost every line that
// names no secret: the name checks need one of these fragments (those of
// filter.Name and keyContext) on the line, and mysql's -p flag its command.
func mayHoldSecret(line string) bool {
	for i := 0; i+2 < len(line); i++ {
		switch line[i] | 0x20 {
		case 'p':
			if foldAt(line, i, "pass") || foldAt(line, i, "pw") || foldAt(line, i, "private") {
				return true
			}
		case 's':
			if foldAt(line, i, "secret") || foldAt(line, i, "salt") || foldAt(line, i, "seed") || foldAt(line, i, "sign") {
				return true
			}
		case 't':
			if foldAt(line, i, "token") {
				return true
			}
		case 'k':
			if foldAt(line, i, "key") {
				return true
			}
		case 'c':
			if foldAt(line, i, "cred") || foldAt(line, i, "crypt") {
				return true
			}
		case 'a':
			if foldAt(line, i, "auth") {
				return true
			}
		case 'h':
			if foldAt(line, i, "hmac") {
				return true
			}
		case 'j':
			if foldAt(line, i, "jwt") {
				return true
			}
		case 'b':
			if foldAt(line, i, "bearer") {
				return true
			}
		case 'l':
			if foldAt(line, i, "license") {
				return true
			}
		case 'm':
			if foldAt(line, i, "mysql") {
				return true
			}
		}
	}
	return false
}

// foldAt reports whether s continues at i with the lowercase sub, ignoring case.
func foldAt(s string, i int, sub string) bool {
	if i+len(sub) > len(s) {
		return false
	}
	for j := 0; j < len(sub); j++ {
		if s[i+j]|0x20 != sub[j] {
			return false
		}
	}
	return true
}

// configLine checks one line; it returns the name a following value line binds.
func (s *scan) configLine(line string, at int, pending string) string {
	if pending == "" && !mayHoldSecret(line) {
		return ""
	}
	t := strings.TrimSpace(line)
	if strings.HasPrefix(t, "variable \"") {
		name, _, _ := strings.Cut(t[len("variable \""):], "\"")
		return name
	}
	if strings.HasPrefix(t, "machine ") || strings.HasPrefix(t, "default login ") {
		s.netrc(line, at)
		return ""
	}
	if len(line) > maxConfigLine {
		return pending // documentation strings in JSON data, not settings
	}
	for _, m := range flagRe.FindAllStringSubmatchIndex(flagText(line), -1) {
		name := "password" // mysql -p
		for g := 1; g <= 2; g++ {
			if m[2*g] >= 0 {
				name = line[m[2*g]:m[2*g+1]]
			}
		}
		s.judgeValue(name, line[m[8]:m[9]], at+m[8])
	}
	if strings.IndexByte(line, '<') >= 0 {
		for _, m := range xmlElementRe.FindAllStringSubmatchIndex(line, -1) {
			if line[m[2]:m[3]] == line[m[6]:m[7]] {
				s.judgeValue(line[m[2]:m[3]], line[m[4]:m[5]], at+m[4])
			}
		}
		for _, m := range xmlAttrRe.FindAllStringSubmatchIndex(line, -1) {
			s.judgeValue(line[m[2]:m[3]], line[m[4]:m[5]], at+m[4])
		}
	}
	// Quoted values anywhere on the line: TOML inline tables, YAML flow
	// mappings, one-line JSON. What parseAssignment finds again is merged.
	if strings.ContainsAny(line, `"'`) {
		for _, m := range codeBindingRe.FindAllStringSubmatchIndex(line, -1) {
			s.judgeValue(lastSegment(line[m[2]:m[3]]), line[m[6]:m[7]], at+m[6])
		}
	}
	a, ok := parseAssignment(line)
	if !ok {
		return pending
	}
	if pending != "" && (a.name == "value" || a.name == "default") {
		a.name = pending
	}
	if a.name == "name" || a.name == "key" || a.name == "variable" {
		if filter.IsSecretName(a.value) {
			return a.value
		}
		return ""
	}
	s.judgeValue(lastSegment(a.name), a.value, at+a.valueAt)
	return pending
}

// pgpass reads host:port:database:user:password lines of .pgpass files.
func (s *scan) pgpass(line string, at int) {
	if strings.HasPrefix(strings.TrimSpace(line), "#") || strings.Count(line, ":") < 4 {
		return
	}
	i := 0
	for n := 0; n < 4; n++ {
		i += strings.IndexByte(line[i:], ':') + 1
	}
	s.judgeValue("password", strings.TrimRight(line[i:], " \r"), at+i)
}

// netrc reads `machine h login u password p` lines of .netrc files.
func (s *scan) netrc(line string, at int) {
	f := strings.Fields(line)
	for i := 0; i+1 < len(f); i++ {
		if f[i] == "password" {
			if j := strings.Index(line, " "+f[i+1]); j >= 0 {
				s.judgeValue("password", f[i+1], at+j+1)
			}
		}
	}
}

// judgeValue reports value, bound to name at offset at of the file, if name
// means a credential and value passes the filters, or if name suggests key
// material and value is random-looking.
func (s *scan) judgeValue(name, value string, at int) {
	cls := filter.Classify(name, value)
	secretName := filter.IsSecretName(name)
	// Many services issue UUIDs as API keys: under a key's or a secret's name
	// one is one; anywhere else (a ClientRequestToken) it is an identifier.
	if cls != filter.Plausible && !(cls == filter.UUID && secretName && keyName(name) && randomish(value)) {
		return
	}
	if secretName && wordValue(name, value) || strings.HasPrefix(value, "arn:") || strings.HasPrefix(value, "urn:") {
		return
	}
	if decoded, ok := decodedBase64(value); ok && filter.Classify(name, decoded) != filter.Plausible {
		return // a Kubernetes secret's base64 of a placeholder
	}
	high := filter.HighEntropy(value)
	if secretName {
		conf := analysis.ConfidenceMedium
		switch {
		case high && len(value) >= 12:
			conf = analysis.ConfidenceHigh
		case len(value) < 8 && !high:
			conf = analysis.ConfidenceLow
		}
		s.add(candidate{
			rule: GenericSecret, what: "secret bound to " + name, secret: value,
			start: at, end: at + len(value), confidence: conf, rank: 1 << 20,
		})
		return
	}
	if high && len(value) >= 20 && len(value) <= 200 && !s.source && keyContext(name) && filter.CharsetOf(value) != filter.CharsetOther {
		s.add(candidate{
			rule: HighEntropySecret, what: "high-entropy value bound to " + name, secret: value,
			start: at, end: at + len(value), confidence: analysis.ConfidenceLow, rank: 1<<20 + 1,
		})
	}
}

// keyName reports names of keys and secrets rather than of tokens in general.
func keyName(name string) bool {
	l := strings.ToLower(name)
	return strings.Contains(l, "key") || strings.Contains(l, "secret") || strings.Contains(l, "auth") || strings.Contains(l, "access")
}

// wordValue reports words of letters, alone or joined by '-' or '_', bound to a
// name that is not a password's: "Marker" as an input_token, "Position" as a
// key, "flask-db" as an existingSecret are field names, enum values and the
// names of secrets kept elsewhere; a word bound to a password is a (weak)
// password.
func wordValue(name, value string) bool {
	if len(value) >= 24 || !strings.ContainsAny(value[:1], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return false
	}
	for i := 0; i < len(value); i++ {
		c := value[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_') {
			return false
		}
	}
	if len(value) >= 16 && !strings.ContainsAny(value, "-_") {
		return false
	}
	l := strings.ToLower(name)
	return !strings.Contains(l, "pass") && !strings.Contains(l, "pwd")
}

// decodedBase64 decodes a padded base64 value into printable text, as a
// Kubernetes Secret's data holds it.
func decodedBase64(v string) (string, bool) {
	if len(v) < 8 || len(v)%4 != 0 || filter.CharsetOf(v) == filter.CharsetOther {
		return "", false
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return "", false
	}
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return "", false
		}
	}
	return string(b), true
}
