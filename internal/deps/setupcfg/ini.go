package setupcfg

import (
	"fmt"
	"strings"
)

// maxKeys bounds how many options one file may hold.
const maxKeys = 10000

// iniLine is one physical line of a value.
type iniLine struct {
	text string
	line int
}

// iniOption is one option: its value's lines, the first being the text after
// the = or : (possibly empty).
type iniOption struct {
	lines []iniLine
}

// value joins the option's lines as configparser does.
func (o iniOption) value() string {
	parts := make([]string, len(o.lines))
	for i, l := range o.lines {
		parts[i] = l.text
	}
	return strings.TrimSpace(strings.Join(parts, "\n"))
}

// iniFile is a parsed INI document: section -> option (lowercased) -> value.
type iniFile struct {
	sections map[string]map[string]*iniOption
}

func (f *iniFile) get(section, key string) (*iniOption, bool) {
	o, ok := f.sections[section][key]
	return o, ok
}

// parseINI reads an INI file the way Python's configparser does for
// setup.cfg: "[section]" headers, "key = value" or "key: value", indented
// continuation lines, and full-line comments starting with # or ;. Inline
// comments are not comments to configparser, so they stay in the value.
// A duplicate section or option is an error; the first one is kept.
func parseINI(name string, src string) (*iniFile, []error) {
	f := &iniFile{sections: make(map[string]map[string]*iniOption)}
	var errs []error
	var section map[string]*iniOption
	var cur *iniOption
	keys := 0
	seen := make(map[string]bool)
	for i, raw := range strings.Split(src, "\n") {
		n := i + 1
		line := strings.TrimRight(strings.TrimSuffix(raw, "\r"), " \t")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			if cur != nil {
				cur.lines = append(cur.lines, iniLine{line: n})
			}
			continue
		}
		if trimmed[0] == '#' || trimmed[0] == ';' {
			continue
		}
		if cur != nil && (line[0] == ' ' || line[0] == '\t') {
			cur.lines = append(cur.lines, iniLine{text: trimmed, line: n})
			continue
		}
		cur = nil
		if trimmed[0] == '[' {
			end := strings.IndexByte(trimmed, ']')
			if end < 0 {
				errs = append(errs, fmt.Errorf("%s:%d: unterminated section header", name, n))
				section = nil
				continue
			}
			title := strings.TrimSpace(trimmed[1:end])
			if seen[title] {
				errs = append(errs, fmt.Errorf("%s:%d: section [%s] repeated", name, n, title))
				section = nil
				continue
			}
			seen[title] = true
			section = make(map[string]*iniOption)
			f.sections[title] = section
			continue
		}
		sep := strings.IndexAny(trimmed, "=:")
		if sep <= 0 {
			errs = append(errs, fmt.Errorf("%s:%d: expected key = value", name, n))
			continue
		}
		if section == nil {
			errs = append(errs, fmt.Errorf("%s:%d: option outside a section", name, n))
			continue
		}
		if keys++; keys > maxKeys {
			errs = append(errs, fmt.Errorf("%s: more than %d options", name, maxKeys))
			break
		}
		key := strings.ToLower(strings.TrimSpace(trimmed[:sep]))
		if _, dup := section[key]; dup {
			errs = append(errs, fmt.Errorf("%s:%d: option %q repeated", name, n, key))
			continue
		}
		cur = &iniOption{lines: []iniLine{{text: strings.TrimSpace(trimmed[sep+1:]), line: n}}}
		section[key] = cur
	}
	return f, errs
}
