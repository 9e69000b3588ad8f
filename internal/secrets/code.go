package secrets

import (
	"bytes"
	"regexp"
	"strings"
)

// code checks the lines of a source file in a language other than Python for
// string literals bound to secret-like names: `const apiKey = "…"`,
// `password: "…"`, `token := "…"`.
func (s *scan) code() {
	if !s.enabled(GenericSecret.Code) && !s.enabled(HighEntropySecret.Code) {
		return
	}
	s.eachLine(func(line string, at int) {
		if !mayHoldSecret(line) {
			return
		}
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "//") || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "*") || strings.HasPrefix(t, "/*") {
			return // comments
		}
		for _, m := range codeBindingRe.FindAllStringSubmatchIndex(line, -1) {
			if vs, ve, ok := bindingValue(line, m); ok {
				s.judgeValue(line[m[2]:m[3]], line[vs:ve], at+vs)
			}
		}
		if strings.IndexByte(line, '(') >= 0 {
			for _, m := range namedArgRe.FindAllStringSubmatchIndex(line, -1) {
				s.judgeValue(line[m[2]:m[3]], line[m[4]:m[5]], at+m[4])
			}
		}
	})
}

// namedArgRe finds a call that binds a quoted name to a quoted value: PHP's
// define('DB_PASSWORD', '…'), putenv/setenv("TOKEN", "…"), Java's
// setProperty("mail.password", "…"), map.put("apiKey", "…").
var namedArgRe = regexp.MustCompile(`\b(?:define|putenv|setenv|Setenv|setProperty|setdefault|put|set|add)\s*\(\s*["']([A-Za-z_][\w.\-]{1,63})["']\s*,\s*["']([^"'\\\n]{1,512})["']`)

// eachLine calls fn with every line of the file no longer than maxWindow and
// the offset where it starts. The file is copied to a string once, so the lines
// cost no allocation.
func (s *scan) eachLine(fn func(line string, at int)) {
	text := string(s.data)
	at := 0
	if strings.HasPrefix(text, "\uFEFF") {
		at = len("\uFEFF") // a byte order mark is not part of the first name
	}
	for at < len(text) {
		end := bytes.IndexByte(s.data[at:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += at
		}
		if end-at <= maxWindow {
			fn(text[at:end], at)
		}
		at = end + 1
	}
}
