package filter

import "strings"

// fileExts end the names of files that hold keys and configuration.
var fileExts = [...]string{".pem", ".key", ".crt", ".cer", ".csr", ".json", ".txt", ".p12", ".pfx",
	".der", ".jks", ".keystore", ".env", ".yaml", ".yml", ".ini", ".cfg", ".conf", ".toml",
	".gpg", ".asc", ".pub", ".ppk", ".py", ".sh", ".log", ".db", ".sqlite", ".xml", ".properties"}

// classifyLocation recognises URLs without credentials and file paths.
func classifyLocation(v string) Class {
	if i := indexString(v, "://"); i > 0 && isScheme(v[:i]) {
		rest := v[i+3:]
		end := len(rest)
		for j := 0; j < len(rest); j++ {
			if rest[j] == '/' || rest[j] == '?' || rest[j] == '#' {
				end = j
				break
			}
		}
		if at := indexByteFrom(rest[:end], '@', 0); at >= 0 && indexByteFrom(rest[:at], ':', 0) >= 0 {
			return Plausible // credentials in a URL are the caller's to judge
		}
		return URL
	}
	if hasPrefixFold(v, "mailto:") || hasPrefixFold(v, "file:") {
		return URL
	}
	if v[0] == '/' || v[0] == '~' || v[0] == '\\' || hasPrefixFold(v, "./") || hasPrefixFold(v, "../") ||
		len(v) > 2 && isLetter(v[0]) && v[1] == ':' && (v[2] == '\\' || v[2] == '/') {
		if pathLike(v) {
			return Path
		}
	}
	if slashPath(v) {
		return Path
	}
	for _, e := range fileExts {
		if hasSuffixFold(v, e) && len(v) > len(e) && pathLike(v) {
			return Path
		}
	}
	return Plausible
}

func isScheme(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// pathLike reports a value whose separators split it into readable names rather
// than base64 text, which also contains '/'.
func pathLike(v string) bool {
	start := 0
	for i := 0; i <= len(v); i++ {
		if i < len(v) && v[i] != '/' && v[i] != '\\' {
			switch c := v[i]; {
			case isAlnum(c), c == '_', c == '-', c == '.', c == '~', c == ' ', c == ':', c == '@':
			default:
				return false // '+', '=': base64
			}
			continue
		}
		if seg := v[start:i]; len(seg) >= 12 && mixedRandom(seg) {
			return false
		}
		start = i + 1
	}
	return true
}

// mixedRandom reports a segment that mixes capitals, small letters and digits
// like generated text ("K7MDENGbPxRfiCY").
func mixedRandom(s string) bool {
	var up, lo, dg, changes int
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isUpper(c):
			up++
		case isLower(c):
			lo++
		case isDigit(c):
			dg++
		}
		if i > 0 && isUpper(c) != isUpper(s[i-1]) {
			changes++
		}
	}
	return up > 0 && lo > 0 && (dg > 0 || changes > len(s)/3)
}

// slashPath reports a relative path or a secret manager's name of two or more
// '/' separators between lowercase names ("prod/billing/db-password"); base64
// text, which has '/' too, mixes cases.
func slashPath(v string) bool {
	seps := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '/':
			if i == 0 || v[i-1] == '/' {
				return false
			}
			seps++
		case isLower(c), isDigit(c), c == '-', c == '_', c == '.':
		default:
			return false
		}
	}
	return seps >= 2 && v[len(v)-1] != '/'
}

// isResourceName reports ARNs and URNs, which name a secret instead of holding
// it: "arn:aws:secretsmanager:…", "arn:aws:iam::aws:policy/IAMUserChangePassword".
func isResourceName(v string) bool {
	return hasPrefixFold(v, "arn:") && strings.Count(v, ":") >= 4 || hasPrefixFold(v, "urn:") && strings.Count(v, ":") >= 2
}
