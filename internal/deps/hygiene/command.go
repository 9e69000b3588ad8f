package hygiene

import (
	"path"
	"regexp"
	"strings"
)

// maxCommandTokens bounds the tokens of one logical command line.
const maxCommandTokens = 10000

// token is one shell word and where it starts.
type token struct {
	text      string
	line, col int
	// end is the column just past the token.
	end int
	// sep is true for a command separator: && || ; |
	sep bool
}

// envSetting maps the environment variables pip and uv read to settings.
func envSetting(name string) string {
	switch name {
	case "PIP_INDEX_URL", "UV_INDEX_URL", "UV_DEFAULT_INDEX":
		return setIndexURL
	case "PIP_EXTRA_INDEX_URL":
		return setExtraIndexURL
	case "PIP_FIND_LINKS", "UV_FIND_LINKS":
		return setFindLinks
	case "PIP_TRUSTED_HOST":
		return setTrustedHost
	case "UV_INDEX_STRATEGY":
		return setIndexStrategy
	case "UV_EXTRA_INDEX_URL", "UV_INDEX":
		return setUVIndex
	}
	return ""
}

// yamlEnvRe is a CI "PIP_EXTRA_INDEX_URL: value" mapping line.
var yamlEnvRe = regexp.MustCompile(`^\s*(?:-\s+)?([A-Z][A-Z0-9_]*)\s*:\s*(\S.*)$`)

// iniEnvRe is an assignment with blanks around the "=", as tox's setenv writes them;
// a shell assignment has none and is read as a token.
var iniEnvRe = regexp.MustCompile(`^\s*(?:setenv\s*=\s*)?([A-Z][A-Z0-9_]*)\s+=\s*(\S+)`)

// commandSettings reads the package-index settings of the commands in a Dockerfile,
// Makefile or CI configuration: options of pip install/download/wheel, pip config
// set, uv commands, and the PIP_* and UV_* variables set in the environment (shell
// assignments, Dockerfile ENV, CI env: maps when yaml is true).
func commandSettings(data []byte, yaml bool) []setting {
	var out []setting
	ls := strings.Split(string(data), "\n")
	var cmd []token
	for i, l := range ls {
		l = strings.TrimSuffix(l, "\r")
		if m := iniEnvRe.FindStringSubmatchIndex(l); m != nil {
			// tox's setenv: "PIP_EXTRA_INDEX_URL = https://…".
			if name := envSetting(l[m[2]:m[3]]); name != "" {
				out = appendEnv(out, name, l[m[2]:m[3]], trimToken(strings.TrimSpace(l[m[4]:m[5]])), i+1, m[2]+1)
			}
		}
		if yaml {
			if m := yamlEnvRe.FindStringSubmatchIndex(l); m != nil {
				if name := envSetting(l[m[2]:m[3]]); name != "" {
					v := strings.TrimSpace(stripComment(l[m[4]:m[5]]))
					out = appendEnv(out, name, l[m[2]:m[3]], trimToken(v), i+1, m[4]+1)
				}
			}
		}
		trimmed := strings.TrimRight(l, " \t")
		cont := strings.HasSuffix(trimmed, `\`)
		if cont {
			trimmed = trimmed[:len(trimmed)-1]
		}
		if strings.HasPrefix(strings.TrimSpace(trimmed), "#") {
			trimmed = ""
		}
		if len(cmd) < maxCommandTokens {
			cmd = append(cmd, tokenize(trimmed, i+1)...)
		}
		if !cont {
			out = append(out, scanCommand(cmd)...)
			cmd = cmd[:0]
		}
	}
	return append(out, scanCommand(cmd)...)
}

// tokenize splits a line into shell words, keeping quoted text together and the
// separators apart. JSON-form Dockerfile instructions (RUN ["pip", …]) lose their
// brackets, commas and quotes.
func tokenize(l string, line int) []token { return tokenizeAt(l, line, 0) }

// tokenizeAt tokenizes at a depth of quoting, which bounds the re-splitting of
// quoted commands.
func tokenizeAt(l string, line, depth int) []token {
	var out []token
	i := 0
	for i < len(l) {
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			i++
		}
		if i >= len(l) {
			break
		}
		if l[i] == '#' {
			break
		}
		start := i
		if s := separatorAt(l, i); s > 0 {
			out = append(out, token{text: l[i : i+s], line: line, col: i + 1, end: i + s + 1, sep: true})
			i += s
			continue
		}
		var b strings.Builder
		for i < len(l) && l[i] != ' ' && l[i] != '\t' && separatorAt(l, i) == 0 {
			if q := l[i]; q == '"' || q == '\'' {
				end := strings.IndexByte(l[i+1:], q)
				if end < 0 {
					b.WriteString(l[i+1:])
					i = len(l)
					break
				}
				b.WriteString(l[i+1 : i+1+end])
				i += end + 2
				continue
			}
			b.WriteByte(l[i])
			i++
		}
		t := trimToken(b.String())
		switch {
		case t == "":
		case strings.ContainsAny(t, " \t") && depth < 2:
			// A quoted command, as in sh -c "pip install …" or run: "pip install …".
			for _, sub := range tokenizeAt(t, line, depth+1) {
				sub.col += start
				sub.end += start
				out = append(out, sub)
			}
		default:
			out = append(out, token{text: t, line: line, col: start + 1, end: i + 1})
		}
	}
	return out
}

// separatorAt returns the length of a command separator at l[i], or 0.
func separatorAt(l string, i int) int {
	switch {
	case strings.HasPrefix(l[i:], "&&"), strings.HasPrefix(l[i:], "||"):
		return 2
	case l[i] == ';', l[i] == '|':
		return 1
	}
	return 0
}

// trimToken drops the JSON punctuation around a word of an exec-form instruction.
func trimToken(s string) string { return strings.Trim(s, `[],"'`) }

// isPip reports whether a word runs pip (pip, pip3, pip3.12, /usr/local/bin/pip) or
// pip-tools, whose pip-compile and pip-sync take pip's index options.
func isPip(w string) bool {
	b := path.Base(w)
	if b == "pip-compile" || b == "pip-sync" {
		return true
	}
	if !strings.HasPrefix(b, "pip") {
		return false
	}
	rest := strings.TrimLeft(b[3:], "0123456789.")
	return rest == ""
}

// pipOption names the setting of a pip or uv option, by its spelling, or "".
func pipOption(name string) string {
	switch name {
	case "-i", "--index-url", "--default-index":
		return setIndexURL
	case "--extra-index-url":
		return setExtraIndexURL
	case "-f", "--find-links":
		return setFindLinks
	case "--trusted-host":
		return setTrustedHost
	case "--index-strategy":
		return setIndexStrategy
	case "--index":
		return setUVIndex
	}
	return ""
}

// scanCommand finds the settings in one logical command line.
func scanCommand(ts []token) []setting {
	var out []setting
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.sep {
			continue
		}
		// NAME=value, export NAME=value, ENV NAME=value.
		if name, value, ok := strings.Cut(t.text, "="); ok {
			if set := envSetting(name); set != "" {
				out = appendEnv(out, set, name, value, t.line, t.col)
				out[len(out)-1].end = t.end
				continue
			}
		}
		// Dockerfile's older "ENV NAME value".
		if strings.EqualFold(t.text, "ENV") && i+2 < len(ts) && !ts[i+2].sep {
			if set := envSetting(ts[i+1].text); set != "" {
				out = appendEnv(out, set, ts[i+1].text, ts[i+2].text, ts[i+1].line, ts[i+1].col)
				i += 2
				continue
			}
		}
		uv := t.text == "uv" || path.Base(t.text) == "uv"
		if !isPip(t.text) && !uv {
			continue
		}
		args := ts[i+1:]
		for k, a := range args {
			if a.sep {
				args = args[:k]
				break
			}
		}
		if !uv && len(args) >= 4 && args[0].text == "config" && args[1].text == "set" {
			key := args[2].text
			if dot := strings.LastIndexByte(key, '.'); dot >= 0 {
				key = key[dot+1:]
			}
			if set := pipConfKey(key); set != "" {
				out = appendItems(out, set, args[3].text, args[3].line, args[3].col)
				out[len(out)-1].via = "pip config set " + args[2].text
			}
			continue
		}
		via := "pip option"
		if uv {
			via = "uv option"
		}
		out = append(out, options(args, via, uv)...)
		i += len(args)
	}
	return out
}

// options reads the index options of a pip or uv command's arguments. uv's
// --extra-index-url, with uv's first-index strategy, only needs HTTPS.
func options(args []token, via string, uv bool) []setting {
	var out []setting
	for k := 0; k < len(args); k++ {
		a := args[k]
		name, value, hasValue := strings.Cut(a.text, "=")
		if !hasValue && len(a.text) > 2 && a.text[0] == '-' && a.text[1] != '-' {
			name, value, hasValue = a.text[:2], a.text[2:], true
		}
		set := pipOption(name)
		if set == "" {
			continue
		}
		if uv && set == setExtraIndexURL {
			set = setUVIndex
		}
		if !hasValue {
			if k+1 >= len(args) {
				break
			}
			k++
			value = args[k].text
		}
		out = append(out, setting{name: set, value: value, line: a.line, col: a.col, end: a.end, via: via + " " + name})
	}
	return out
}

// appendEnv adds the settings an environment variable holds; PIP_TRUSTED_HOST and
// PIP_EXTRA_INDEX_URL may list several, separated by blanks.
func appendEnv(out []setting, set, name, value string, line, col int) []setting {
	items := strings.Fields(value)
	if strings.Contains(value, "${{") {
		// A GitHub expression is one value, blanks and all.
		items = []string{strings.TrimSpace(value)}
	}
	for _, item := range items {
		out = append(out, setting{name: set, value: item, line: line, col: col, via: name})
	}
	return out
}

// stripComment removes a trailing "# comment" that follows a blank.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return strings.TrimRight(s[:i], " \t")
		}
	}
	return s
}
