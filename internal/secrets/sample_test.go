package secrets

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
)

// sampleRe finds the placeholders of a sample template.
var sampleRe = regexp.MustCompile(`\{([A-Za-z0-9]+)(?::([A-Za-z0-9]+))?\}`)

// alphabets of the {X:n} placeholders.
var alphabets = map[string]string{
	"A":   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
	"a":   "abcdefghijklmnopqrstuvwxyz0123456789",
	"u":   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
	"U":   "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
	"l":   "abcdefghijklmnopqrstuvwxyz",
	"h":   "0123456789abcdef",
	"H":   "0123456789ABCDEF",
	"d":   "0123456789",
	"b":   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
	"w":   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
	"3":   "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
	"age": "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
}

// expandSample fills a sample template with pseudo-random text, the same for the
// same seed, so that no key-shaped string is committed (push protection scans
// for them) and yet every run tests the same input.
//
//	{A:n} letters and digits   {a:n} lowercase letters and digits   {u:n} uppercase and digits
//	{U:n} uppercase letters    {l:n} lowercase letters   {h:n}/{H:n} hex   {d:n} digits
//	{b:n} base64   {w:n} base64url   {3:n} base32   {age:n} bech32 (upper case)
//	{uuid}   {jwt} a signed-looking JWT   {gh:ghp} a GitHub token with a valid checksum
func expandSample(tmpl string, seed uint64) string {
	s, _ := expandSampleParts(tmpl, seed)
	return s
}

// expandSampleParts is expandSample that also returns the random parts of 16
// characters or more, which no finding may show.
func expandSampleParts(tmpl string, seed uint64) (string, []string) {
	var parts []string
	r := rand.New(rand.NewPCG(seed, 0x5ec7e75))
	random := func(alpha string, n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alpha[r.IntN(len(alpha))]
		}
		if n >= 16 && alpha != alphabets["d"] {
			parts = append(parts, string(b))
		}
		return string(b)
	}
	out := sampleRe.ReplaceAllStringFunc(tmpl, func(m string) string {
		p := sampleRe.FindStringSubmatch(m)
		switch p[1] {
		case "uuid":
			h := random(alphabets["h"], 32)
			return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:]
		case "jwt":
			head := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
			body := base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf(`{"sub":"%s","iat":1700000000}`, random(alphabets["d"], 8))))
			return head + "." + body + "." + random(alphabets["w"], 43)
		case "pem64", "cert64":
			label := "RSA PRIVATE KEY"
			if p[1] == "cert64" {
				label = "CERTIFICATE"
			}
			pem := "-----BEGIN " + label + "-----\n" + random(alphabets["b"], 64) + "\n" + random(alphabets["b"], 64) + "\n-----END " + label + "-----\n"
			return base64.StdEncoding.EncodeToString([]byte(pem))
		case "gh":
			body := random(alphabets["A"], 30)
			return p[2] + "_" + body + githubChecksum(body)
		}
		alpha, ok := alphabets[p[1]]
		n, err := strconv.Atoi(p[2])
		if !ok || err != nil {
			return m // a template of the sample itself, such as {AccountKey}
		}
		return random(alpha, n)
	})
	return out, parts
}
