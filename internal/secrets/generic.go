package secrets

import (
	"encoding/base64"
	"path"
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

// nameValueRe finds a name and its value given as two fields of one object:
// ECS task definitions' {"name": "DB_PASSWORD", "value": "…"}, CloudFormation's
// {"ParameterKey": "DbPassword", "ParameterValue": "…"}.
var nameValueRe = regexp.MustCompile(`"(?:name|Name|key|Key|ParameterKey)"\s*:\s*"([^"]{2,64})"\s*,\s*"(?:value|Value|ParameterValue)"\s*:\s*"([^"]{1,256})"`)

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
		"encrypt", "decrypt", "private", "license", "fernet", "secret"} {
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
	base := path.Base(s.rel)
	netrc := base == ".netrc" || base == "_netrc"
	var sec section
	s.eachLine(func(line string, at int) {
		switch {
		case pgpass:
			s.pgpass(line, at)
		case netrc:
			// A .netrc entry's tokens may span lines: `machine h` then
			// `  login u` then `  password p`.
			s.netrc(line, at)
		case sec.enter(line):
		case sec.inside(line):
			s.sectionLine(sec.name, line, at)
		default:
			pending = s.configLine(line, at, pending)
		}
	})
}

// section follows a YAML mapping or an INI section whose name says that its
// entries are secrets (`credentials:`, `[api_keys]`), whatever their own names.
type section struct {
	name   string
	indent int // the mapping key's indentation; -1 for an INI section
}

// enter reports whether line opens a section, and starts following it if the
// section holds secrets.
func (sec *section) enter(line string) bool {
	t := strings.TrimSpace(line)
	var name string
	indent := len(line) - len(strings.TrimLeft(line, " \t"))
	if sec.indent == -1 && strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
		sec.name = "" // any INI header ends the section: [remote "origin"]
	}
	switch {
	case len(t) > 2 && t[0] == '[' && t[len(t)-1] == ']' && !strings.ContainsAny(t[1:len(t)-1], "[]{}\"',=:"):
		name, indent = strings.Trim(t, "[] \t"), -1
	case len(t) > 1 && t[len(t)-1] == ':' && !strings.ContainsAny(t[:len(t)-1], " :\"'#=-"):
		name = t[:len(t)-1]
	default:
		return false
	}
	if sec.name != "" && (indent == -1 || indent <= sec.indent) {
		sec.name = "" // a sibling or a parent closes the section
	}
	switch strings.ToLower(lastSegment(name)) {
	case "secrets", "credentials", "passwords", "tokens", "api_keys", "apikeys", "api-keys", "keys_and_secrets":
		sec.name, sec.indent = name, indent
	}
	return sec.name != "" || indent == -1
}

// inside reports whether line is an entry of the followed section.
func (sec *section) inside(line string) bool {
	if sec.name == "" {
		return false
	}
	t := strings.TrimSpace(line)
	if t == "" || t[0] == '#' || t[0] == ';' {
		return false
	}
	if sec.indent >= 0 && len(line)-len(strings.TrimLeft(line, " \t")) <= sec.indent {
		sec.name = ""
		return false
	}
	return true
}

// sectionLine judges an entry of a secrets section: its value is a secret
// unless the entry's own name says it identifies (user, host, url…).
func (s *scan) sectionLine(section, line string, at int) {
	a, ok := parseAssignment(line)
	if !ok {
		return
	}
	l := strings.ToLower(a.name)
	for _, w := range [...]string{"user", "login", "host", "port", "url", "uri", "endpoint", "email", "region",
		"name", "id", "type", "path", "file", "database", "account", "project", "scope", "version", "enabled"} {
		if strings.Contains(l, w) {
			return
		}
	}
	if filter.IsSecretName(a.name) {
		s.judgeValue(a.name, a.value, at+a.valueAt)
		return
	}
	s.judgeNamed("secret", section+"."+a.name, a.value, at+a.valueAt)
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
		if l := strings.ToLower(name); !filter.IsSecretName(name) && (strings.Contains(l, "pass") || strings.Contains(l, "pwd")) {
			name = "password" // redis-server --requirepass, --masterauth-pass
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
		for _, m := range nameValueRe.FindAllStringSubmatchIndex(line, -1) {
			s.judgeValue(line[m[2]:m[3]], line[m[4]:m[5]], at+m[4])
		}
		for _, m := range codeBindingRe.FindAllStringSubmatchIndex(line, -1) {
			if vs, ve, ok := bindingValue(line, m); ok {
				s.judgeValue(lastSegment(line[m[2]:m[3]]), line[vs:ve], at+vs)
			}
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
	s.judgeNamed(name, name, value, at)
}

// judgeNamed is judgeValue for a value whose name as written (display) is not
// the one that classifies it: an entry of a secrets section.
func (s *scan) judgeNamed(name, display, value string, at int) {
	cls := filter.Classify(name, value)
	secretName := filter.IsSecretName(name)
	// Many services issue UUIDs as API keys: under a key's or a secret's name
	// one is one; anywhere else (a ClientRequestToken) it is an identifier.
	if cls != filter.Plausible && !(cls == filter.UUID && secretName && keyName(name) && randomish(value)) {
		return
	}
	if secretName && wordValue(name, value) || strings.HasPrefix(value, "arn:") || strings.HasPrefix(value, "urn:") ||
		publicKey(value) || strings.HasPrefix(value, "@") && strings.ContainsAny(value, "{ ") {
		return // ARNs, public keys, Dynaconf's "@format {env[SECRET_KEY]}"
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
			rule: GenericSecret, what: "secret bound to " + display, secret: value,
			start: at, end: at + len(value), confidence: conf, rank: 1 << 20,
		})
		return
	}
	if high && len(value) >= 20 && len(value) <= 200 && !s.source && keyContext(name) && filter.CharsetOf(value) != filter.CharsetOther {
		s.add(candidate{
			rule: HighEntropySecret, what: "high-entropy value bound to " + display, secret: value,
			start: at, end: at + len(value), confidence: analysis.ConfidenceLow, rank: 1<<20 + 1,
		})
	}
}

// envName reports an environment variable's name: upper case, digits and at
// least one underscore.
func envName(name string) bool {
	if !strings.Contains(name, "_") {
		return false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// publicKey reports the keys providers make public by design, which a name such
// as stripe_key or mapbox_token does not make secret: Stripe publishable keys,
// Mapbox public tokens.
func publicKey(v string) bool {
	for _, p := range [...]string{"pk_live_", "pk_test_", "pk.eyJ"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

// keyName reports names of keys, secrets, passwords and API tokens rather than
// of tokens in general (a ClientRequestToken is an idempotency key). An
// environment variable's name (CODECOV_TOKEN) names a credential.
func keyName(name string) bool {
	if envName(name) {
		return true
	}
	l := strings.ToLower(name)
	for _, w := range [...]string{"key", "secret", "auth", "access", "pass", "pwd", "api"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
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
