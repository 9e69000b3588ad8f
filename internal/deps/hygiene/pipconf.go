package hygiene

import "strings"

// pipConfKey maps a pip.conf key the checks read to its setting name, or ""; pip
// lowercases a key and reads "_" as "-".
func pipConfKey(k string) string {
	k = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(k)), "_", "-")
	switch k {
	case setIndexURL, setExtraIndexURL, setFindLinks, setTrustedHost:
		return k
	case "i":
		return setIndexURL
	case "f":
		return setFindLinks
	}
	return ""
}

// pipConfSettings reads pip.conf or pip.ini as pip's configparser does: [section]
// headers, "key = value" or "key: value", indented continuation lines, and comment
// lines starting with # or ;. A value holds several items separated by white space
// (several extra indexes or trusted hosts), each reported at its own line.
func pipConfSettings(data []byte) []setting {
	var out []setting
	key := ""
	for i, raw := range strings.Split(string(data), "\n") {
		line := strings.TrimRight(raw, " \t\r")
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '#' || t[0] == ';' {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if key != "" {
				out = appendItems(out, key, t, i+1, strings.Index(line, t)+1)
			}
			continue
		}
		key = ""
		if t[0] == '[' {
			continue
		}
		sep := strings.IndexAny(t, "=:")
		if sep < 0 {
			continue
		}
		key = pipConfKey(t[:sep])
		if key == "" {
			continue
		}
		value := strings.TrimSpace(t[sep+1:])
		out = appendItems(out, key, value, i+1, strings.Index(line, value)+1)
	}
	return out
}

// appendItems adds one setting per white-space-separated item of a value.
func appendItems(out []setting, key, value string, line, col int) []setting {
	at := 0
	for _, item := range strings.Fields(value) {
		at += strings.Index(value[at:], item)
		out = append(out, setting{name: key, value: item, line: line, col: col + at, end: col + at + len(item), via: "pip.conf " + key})
		at += len(item)
	}
	return out
}
