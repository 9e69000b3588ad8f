package filter

import "strings"

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
