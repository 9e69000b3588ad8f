package secrets

import (
	"bytes"
	"strings"
)

// code checks the lines of a source file in a language other than Python for
// string literals bound to secret-like names: `const apiKey = "…"`,
// `password: "…"`, `token := "…"`.
func (s *scan) code() {
	if !s.enabled(GenericSecret.Code) && !s.enabled(HighEntropySecret.Code) {
		return
	}
	text := string(s.data) // one copy; lines are substrings of it
	for at := 0; at < len(s.data); {
		end := bytes.IndexByte(s.data[at:], '\n')
		if end < 0 {
			end = len(s.data)
		} else {
			end += at
		}
		if end-at <= maxWindow && mayHoldSecret(text[at:end]) {
			line := text[at:end]
			t := strings.TrimSpace(line)
			if !strings.HasPrefix(t, "//") && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "*") && !strings.HasPrefix(t, "/*") {
				for _, m := range codeBindingRe.FindAllStringSubmatchIndex(line, -1) {
					s.judgeValue(line[m[2]:m[3]], line[m[6]:m[7]], at+m[6])
				}
			}
		}
		at = end + 1
	}
}
