package secrets

import "strings"

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
	case '|', '>', '[', '{', '(':
		return assignment{}, false // YAML blocks, flow collections; code
	case '&', '*', '!':
		if yamlNode(line[j:]) {
			return assignment{}, false // YAML anchors, aliases and tags: &db, *db, !vault |, !secret db_pw
		}
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

// yamlNode reports a value that opens with a YAML anchor, alias or tag:
// "&name", "*name" or "!tag" made of name characters, alone or followed by
// white space. A generated password may start with the same characters
// ("!dBi2ew**4"), but its first word is not a name.
func yamlNode(v string) bool {
	i := 1
	if len(v) > 1 && v[1] == v[0] {
		i = 2 // !!str
	}
	start := i
	for i < len(v) && (isNameByte(v[i]) || v[i] == '/' || v[i] == ':') {
		i++
	}
	if i == start || i < len(v) && v[i] != ' ' && v[i] != '\t' && v[i] != '\r' {
		return false
	}
	if i < len(v) {
		return true // a tag or anchor before the node: !Ref DbPassword, &pw secret
	}
	// Alone on the line: a name (*db_password, !vault), not a run of mixed
	// letters and digits.
	digits := 0
	for k := start; k < i; k++ {
		if '0' <= v[k] && v[k] <= '9' {
			digits++
		}
	}
	return digits == 0 || i-start < 6
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
