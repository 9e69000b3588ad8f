package config

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// knownKeys lists the configuration keys. They are kebab-case only, as in Ruff: one
// spelling per key keeps configs greppable and leaves no question of which of
// min-severity and min_severity wins; a snake_case key gets a "did you mean" instead.
func knownKeys() []string {
	return []string{
		"select", "ignore", "per-file-ignores", "exclude",
		"min-severity", "min-confidence", "fail-on", "baseline",
	}
}

// maxStructure bounds the '=' and '[' bytes in a file, an upper bound on its keys and
// tables. The TOML decoder takes time quadratic in the keys of one table: a hostile
// 1 MiB pyproject.toml in a scanned repository would stall the scan for a minute,
// while a real one has a few hundred keys.
const maxStructure = 10000

// maxErrors bounds the errors reported for one file; nobody reads the hundredth.
const maxErrors = 20

// entry is one key of a TOML table with its decoded value and where its key is.
type entry struct {
	key    string
	offset int // byte offset of the key's first appearance, or -1
	value  any
}

// section validates one [tool.krait] table (or a whole krait.toml) into a Config,
// collecting every error so that a user fixes them all in one go.
type section struct {
	path    string   // the file, for messages
	prefix  string   // "[tool.krait] " in pyproject.toml, "" in krait.toml
	base    []string // the table's own key: tool, krait; none in krait.toml
	data    []byte
	offsets map[string]int // see keyOffsets
	cat     Catalog
	errs    []error
}

// parse validates the bytes of the file at path. found is false when a pyproject.toml
// has no [tool.krait] table, which is not an error.
func parse(path string, data []byte, pyproject bool, cat Catalog) (cfg *Config, found bool, err error) {
	if n := bytes.Count(data, []byte("=")) + bytes.Count(data, []byte("[")); n > maxStructure {
		return nil, false, fmt.Errorf("%s: too many keys and tables for a configuration file (%d '=' and '[' characters; the limit is %d)", path, n, maxStructure)
	}
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ := de.Position()
			return nil, false, fmt.Errorf("%s: invalid TOML: %s", at(path, line), strings.TrimPrefix(de.Error(), "toml: "))
		}
		return nil, false, fmt.Errorf("%s: invalid TOML: %v", path, err)
	}
	s := &section{path: path, data: data, cat: cat}
	table := doc
	if pyproject {
		s.prefix, s.base = "[tool.krait] ", []string{"tool", "krait"}
		tool, _ := doc["tool"].(map[string]any)
		kr, ok := tool["krait"]
		if !ok {
			return nil, false, nil
		}
		if table, ok = kr.(map[string]any); !ok {
			return nil, false, fmt.Errorf("%s: [tool.krait] must be a table, not %s", at(path, s.line(s.offset(s.base))), typeName(kr))
		}
	}
	cfg = &Config{}
	for _, e := range s.entries(s.base, table) {
		s.set(cfg, e)
	}
	if len(s.errs) > 0 {
		return nil, true, errors.Join(s.errs...)
	}
	return cfg, true, nil
}

// entries orders a table's keys as they appear in the file; parent is the table's key.
func (s *section) entries(parent []string, m map[string]any) []entry {
	out := make([]entry, 0, len(m))
	for k, v := range m {
		out = append(out, entry{key: k, offset: s.offset(append(parent[:len(parent):len(parent)], k)), value: v})
	}
	slices.SortFunc(out, func(a, b entry) int { return cmp.Or(cmp.Compare(a.offset, b.offset), cmp.Compare(a.key, b.key)) })
	return out
}

// offset returns where key first appears in the file, or -1.
func (s *section) offset(key []string) int {
	if s.offsets == nil {
		s.offsets = keyOffsets(s.data)
	}
	if off, ok := s.offsets[pathKey(key)]; ok {
		return off
	}
	return -1
}

// line turns an offset into a 1-based line, or 0 when the offset is unknown. It is
// only called for errors, which are few, so counting from the start each time is fine.
func (s *section) line(offset int) int {
	if offset < 0 || offset > len(s.data) {
		return 0
	}
	return bytes.Count(s.data[:offset], []byte("\n")) + 1
}

// errorf records an error about key, found at offset, e.g.
// `pyproject.toml:7: [tool.krait] min-severity: invalid severity "hihg" (...)`.
func (s *section) errorf(offset int, key, format string, args ...any) {
	if len(s.errs) == maxErrors {
		s.errs = append(s.errs, fmt.Errorf("%s: too many errors", s.path))
	}
	if len(s.errs) > maxErrors {
		return
	}
	s.errs = append(s.errs, fmt.Errorf("%s: %s%s: %s", at(s.path, s.line(offset)), s.prefix, key, fmt.Sprintf(format, args...)))
}

// at formats a position as path:line, or path alone when the line is unknown.
func at(path string, line int) string {
	if line > 0 {
		return path + ":" + strconv.Itoa(line)
	}
	return path
}
