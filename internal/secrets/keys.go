package secrets

import (
	"encoding/base64"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// PrivateKey is the rule of the private-key detectors.
var PrivateKey = newRule(ruleSpec{
	code: "KR330", name: "private-key", summary: "private key (pem, openssh, pgp or putty) in a file",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceHigh, cwe: []int{321, 798},
	what: "private keys committed as text: PEM blocks (RSA, EC, DSA, PKCS#8, encrypted PKCS#8), " +
		"OpenSSH keys, PGP private key blocks and PuTTY key files, also inside JSON strings with `\\n` escapes.",
	lang: "text", example: "-----BEGIN RSA PRIVATE KEY-----\nMIIEow… (the key)\n-----END RSA PRIVATE KEY-----",
	instead:  "# deploy the key from a secret store and point to it:\nSSH_KEY_PATH=/run/secrets/deploy_key",
	refTitle: "GitHub: removing sensitive data from a repository",
	ref:      "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository",
})

// JWT is the rule of the JSON Web Token detector.
var JWT = newRule(ruleSpec{
	code: "KR359", name: "json-web-token", summary: "json web token in a file",
	severity: analysis.SeverityMedium, confidence: analysis.ConfidenceMedium, cwe: []int{798},
	what: "JSON Web Tokens: three base64url parts whose header decodes to JSON with an `alg`. " +
		"A committed token often grants access until it expires, and some never do.",
	example:  `HEADERS = {"Authorization": "Bearer eyJh…"}`,
	instead:  `HEADERS = {"Authorization": "Bearer " + os.environ["API_TOKEN"]}`,
	refTitle: "RFC 7519: JSON Web Token", ref: "https://www.rfc-editor.org/rfc/rfc7519",
})

// AgeKey is the rule of the age secret key detector.
var AgeKey = newRule(ruleSpec{
	code: "KR365", name: "age-secret-key", summary: "age encryption secret key in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh, cwe: []int{321, 798},
	what: "age (and SOPS) secret keys, `AGE-SECRET-KEY-1…`, which decrypt everything encrypted to them.",
	lang: "shell", example: "export SOPS_AGE_KEY=AGE-SECRET-KEY-1QQ…",
	instead:  "export SOPS_AGE_KEY_FILE=$HOME/.config/sops/age/keys.txt",
	refTitle: "age specification", ref: "https://age-encryption.org/v1",
})

func pemRe(label string) *regexp.Regexp {
	return regexp.MustCompile(`-----BEGIN ` + label + `-----((?:[^-]|-[^-])*?)-----END ` + label + `-----`)
}

var (
	rsaKeyRe       = pemRe("RSA PRIVATE KEY")
	ecKeyRe        = pemRe("EC PRIVATE KEY")
	dsaKeyRe       = pemRe("DSA PRIVATE KEY")
	opensshKeyRe   = pemRe("OPENSSH PRIVATE KEY")
	encryptedKeyRe = pemRe("ENCRYPTED PRIVATE KEY")
	pkcs8KeyRe     = pemRe("PRIVATE KEY")
	pgpKeyRe       = pemRe("PGP PRIVATE KEY BLOCK")
	sshcomKeyRe    = regexp.MustCompile(`---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----((?:[^-]|-[^-])*?)---- END SSH2 ENCRYPTED PRIVATE KEY ----`)
	puttyKeyRe     = regexp.MustCompile(`PuTTY-User-Key-File-\d: [^\r\n]*(?:\r?\n|\\r?\\n)(?:[^\r\n\\]*(?:\r?\n|\\r?\\n)){0,40}?Private-Lines: \d+(?:\r?\n|\\r?\\n)((?:[A-Za-z0-9+/=]+(?:\r?\n|\\r?\\n))+)Private-MAC`)
	jwtRe          = regexp.MustCompile(`\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,})`)
	base64KeyRe    = regexp.MustCompile(`\b(LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,}={0,2})`)
	ageKeyRe       = regexp.MustCompile(`\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}\b`)
)

// keyBody accepts a private key whose body holds enough base64 to be a key, not
// a stand-in such as "..." or "<your key>".
func keyBody(body, _ string) (analysis.Confidence, bool) {
	n := 0
	for _, line := range strings.FieldsFunc(strings.ReplaceAll(strings.ReplaceAll(body, `\n`, "\n"), `\r`, "\n"), func(r rune) bool { return r == '\n' || r == '\r' }) {
		line = strings.TrimSpace(strings.Trim(strings.TrimSpace(line), `",'+`))
		if strings.Contains(line, ":") || line == "" || strings.HasPrefix(line, "-----") {
			continue // Proc-Type, DEK-Info, Version and Comment headers
		}
		if strings.Contains(line, "...") || strings.Contains(line, "…") || strings.ContainsAny(line, "<>{}$ ") ||
			strings.Contains(strings.ToLower(line), "xxxx") {
			return 0, false
		}
		n += len(line)
	}
	return 0, n >= 64
}

// base64Key accepts base64 that decodes to a PEM private key with a body, as
// Kubernetes secrets (tls.key) and kubeconfigs (client-key-data) hold them.
func base64Key(enc, _ string) (analysis.Confidence, bool) {
	raw, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		raw, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(enc, "="))
	}
	if err != nil {
		return 0, false
	}
	pem := string(raw)
	head, body, ok := strings.Cut(pem, "PRIVATE KEY-----")
	if !ok || !strings.HasPrefix(head, "-----BEGIN ") {
		return 0, false
	}
	body, _, _ = strings.Cut(body, "-----END")
	return keyBody(body, "")
}

// jwtHeader accepts a token whose header decodes to JSON with an "alg".
func jwtHeader(tok, _ string) (analysis.Confidence, bool) {
	head, _, _ := strings.Cut(tok, ".")
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(head, "="))
	if err != nil {
		return 0, false
	}
	var h map[string]any
	if json.Unmarshal(raw, &h) != nil {
		return 0, false
	}
	alg, ok := h["alg"].(string)
	if !ok {
		return 0, false
	}
	if strings.EqualFold(alg, "none") {
		return analysis.ConfidenceLow, true
	}
	return 0, true
}

func pemDetector(kind, label, what string, re *regexp.Regexp) *detector {
	return &detector{
		kind: kind, what: what, rule: PrivateKey,
		keywords: []string{"-----begin " + strings.ToLower(label) + "-----"}, re: re, multiline: true, validate: keyBody,
		tp: []string{
			"-----BEGIN " + label + "-----\n{b:64}\n{b:64}\n{b:20}==\n-----END " + label + "-----",
			`{"key": "-----BEGIN ` + label + `-----\n{b:64}\n{b:64}\n-----END ` + label + `-----\n"}`,
		},
		fp: []string{
			"-----BEGIN " + label + "-----\n...\n-----END " + label + "-----",
			"-----BEGIN " + label + "-----\n<your private key here>\n-----END " + label + "-----",
			"if line.startswith('-----BEGIN " + label + "-----'):",
		},
	}
}

func keyDetectors() []*detector {
	return []*detector{
		pemDetector("rsa-private-key", "RSA PRIVATE KEY", "RSA private key", rsaKeyRe),
		pemDetector("ec-private-key", "EC PRIVATE KEY", "EC private key", ecKeyRe),
		pemDetector("dsa-private-key", "DSA PRIVATE KEY", "DSA private key", dsaKeyRe),
		pemDetector("openssh-private-key", "OPENSSH PRIVATE KEY", "OpenSSH private key", opensshKeyRe),
		pemDetector("encrypted-private-key", "ENCRYPTED PRIVATE KEY", "encrypted PKCS#8 private key", encryptedKeyRe),
		pemDetector("pkcs8-private-key", "PRIVATE KEY", "PKCS#8 private key", pkcs8KeyRe),
		pemDetector("pgp-private-key", "PGP PRIVATE KEY BLOCK", "PGP private key", pgpKeyRe),
		{
			kind: "ssh2-private-key", what: "SSH2 private key", rule: PrivateKey,
			keywords: []string{"---- begin ssh2 encrypted private key"}, re: sshcomKeyRe, multiline: true, validate: keyBody,
			tp: []string{"---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"key\"\n{b:64}\n{b:64}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----"},
			fp: []string{"---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n...\n---- END SSH2 ENCRYPTED PRIVATE KEY ----"},
		},
		{
			kind: "putty-private-key", what: "PuTTY private key", rule: PrivateKey,
			keywords: []string{"putty-user-key-file-"}, re: puttyKeyRe, multiline: true, validate: keyBody,
			tp: []string{
				"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: k\nPublic-Lines: 2\n{b:64}\n{b:8}\nPrivate-Lines: 1\n{b:64}\nPrivate-MAC: {h:64}\n",
				"PuTTY-User-Key-File-2: ssh-rsa\r\nEncryption: none\r\nComment: rsa-key\r\nPublic-Lines: 6\r\n{b:64}\r\n{b:64}\r\n{b:64}\r\n{b:64}\r\n{b:64}\r\n{b:20}\r\nPrivate-Lines: 3\r\n{b:64}\r\n{b:64}\r\n{b:32}\r\nPrivate-MAC: {h:40}\r\n",
			},
			fp: []string{"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\n"},
		},
		{
			kind: "base64-private-key", what: "base64-encoded private key", rule: PrivateKey,
			keywords: []string{"ls0tls1crudjtib"}, re: base64KeyRe, validate: base64Key,
			tp: []string{"tls.key: {pem64}", "client-key-data: {pem64}"},
			fp: []string{"tls.crt: {cert64}", "ca: LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0K"},
		},
		{
			kind: "age-secret-key", provider: "age", what: "secret key", rule: AgeKey,
			keywords: []string{"age-secret-key-1"}, re: ageKeyRe,
			tp: []string{"AGE-SECRET-KEY-1{age:58}"},
			fp: []string{"AGE-SECRET-KEY-1XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "# age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p (public)"},
		},
	}
}

// jwtDetectors come after the detectors of tokens that start with "eyJ" too
// (Grafana, Sentry, 1Password, Mapbox), which say more.
func jwtDetectors() []*detector {
	return []*detector{{
		kind: "jwt", provider: "JWT", what: "JSON Web Token", rule: JWT,
		keywords: []string{"eyj"}, re: jwtRe, validate: jwtHeader,
		tp: []string{`TOKEN = "{jwt}"`, `Authorization: Bearer {jwt}`},
		fp: []string{`x = "eyJub3QiOiJqd3QifQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0.{w:43}"`, `"eyJhbGciOiJIUzI1NiJ9"`},
	}}
}
