package config

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/BurntSushi/toml"
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

// entry is one key of a TOML table with its value still undecoded, so that any error
// about it can carry its line.
type entry struct {
	key   string
	order int // position among the file's keys
	prim  toml.Primitive
}

// section validates one [tool.krait] table (or a whole krait.toml) into a Config,
// collecting every error so that a user fixes them all in one go.
type section struct {
	path   string // the file, for messages
	prefix string // "[tool.krait] " in pyproject.toml, "" in krait.toml
	md     *toml.MetaData
	base   toml.Key // the table's own key: tool.krait, or none in krait.toml
	cat    Catalog
	errs   []error
	first  map[string]int // see firstIndex
}

// parse validates the bytes of the file at path. found is false when a pyproject.toml
// has no [tool.krait] table, which is not an error.
func parse(path string, data []byte, pyproject bool, cat Catalog) (cfg *Config, found bool, err error) {
	var doc map[string]toml.Primitive
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, false, fmt.Errorf("%s: invalid TOML: %s", at(path, pe.Position.Line), pe.Message)
		}
		return nil, false, fmt.Errorf("%s: invalid TOML: %v", path, err)
	}
	s := &section{path: path, md: &md, cat: cat}
	top := s.entries(nil, doc)
	if pyproject {
		s.prefix, s.base = "[tool.krait] ", toml.Key{"tool", "krait"}
		var ok bool
		if top, ok = s.krait(top); !ok {
			return nil, false, errors.Join(s.errs...)
		}
	}
	cfg = &Config{}
	for _, e := range top {
		s.set(cfg, e)
	}
	if len(s.errs) > 0 {
		return nil, true, errors.Join(s.errs...)
	}
	return cfg, true, nil
}

// krait finds [tool.krait] among pyproject.toml's top-level entries. ok is false when
// there is none, or when it is not a table (an error, recorded).
func (s *section) krait(top []entry) (_ []entry, ok bool) {
	tool, found := find(top, "tool")
	if !found {
		return nil, false
	}
	if _, isTable := s.raw(tool).(map[string]any); !isTable {
		return nil, false // another tool's problem: there is no [tool.krait] in it
	}
	var tools map[string]toml.Primitive
	if err := s.md.PrimitiveDecode(tool.prim, &tools); err != nil {
		return nil, false
	}
	kr, found := find(s.entries(toml.Key{"tool"}, tools), "krait")
	if !found {
		return nil, false
	}
	raw := s.raw(kr)
	if _, isTable := raw.(map[string]any); !isTable {
		s.errs = append(s.errs, fmt.Errorf("%s: [tool.krait] must be a table, not %s", at(s.path, lineOf(s.md, kr.prim)), typeName(raw)))
		return nil, false
	}
	var keys map[string]toml.Primitive
	if err := s.md.PrimitiveDecode(kr.prim, &keys); err != nil {
		return nil, false
	}
	return s.entries(s.base, keys), true
}

// entries orders a table's keys as they appear in the file; parent is the table's key.
func (s *section) entries(parent toml.Key, m map[string]toml.Primitive) []entry {
	if s.first == nil {
		s.first = firstIndex(s.md.Keys())
	}
	out := make([]entry, 0, len(m))
	for k, p := range m {
		key := append(parent[:len(parent):len(parent)], k)
		i, ok := s.first[key.String()]
		if !ok {
			i = len(s.first)
		}
		out = append(out, entry{key: k, order: i, prim: p})
	}
	slices.SortFunc(out, func(a, b entry) int { return cmp.Or(cmp.Compare(a.order, b.order), cmp.Compare(a.key, b.key)) })
	return out
}

// firstIndex maps every key, and every table that holds one, to the index of its first
// appearance. A table that exists only implicitly, as tool does in [tool.krait], is
// not among the file's keys itself; it takes the place of its first descendant.
func firstIndex(keys []toml.Key) map[string]int {
	first := make(map[string]int, len(keys))
	for i, k := range keys {
		for n := 1; n <= len(k); n++ {
			if s := k[:n].String(); first[s] == 0 {
				first[s] = i + 1
			}
		}
	}
	return first
}

func find(es []entry, key string) (entry, bool) {
	for _, e := range es {
		if e.key == key {
			return e, true
		}
	}
	return entry{}, false
}

// raw decodes an entry's value into plain Go values: string, int64, float64, bool,
// time values, []any and map[string]any.
func (s *section) raw(e entry) any {
	var v any
	if err := s.md.PrimitiveDecode(e.prim, &v); err != nil {
		return nil
	}
	return v
}

// maxErrors bounds the errors reported for one file: finding a key's line costs a
// pass over the file, and nobody reads the hundredth message.
const maxErrors = 20

// errorf records an error about e, or about its key path when that is nested, e.g.
// `pyproject.toml:7: [tool.krait] min-severity: invalid severity "hihg" (...)`.
func (s *section) errorf(e entry, key, format string, args ...any) {
	if len(s.errs) == maxErrors {
		s.errs = append(s.errs, fmt.Errorf("%s: too many errors", s.path))
	}
	if len(s.errs) > maxErrors {
		return
	}
	line := lineOf(s.md, e.prim)
	s.errs = append(s.errs, fmt.Errorf("%s: %s%s: %s", at(s.path, line), s.prefix, key, fmt.Sprintf(format, args...)))
}

// lineProbe fails to decode any value, which is the one way the TOML library reports
// where a key is: its ParseError carries the position of the key being decoded.
type lineProbe struct{}

// UnmarshalTOML always fails; see lineProbe.
func (lineProbe) UnmarshalTOML(any) error { return errors.New("line probe") }

// lineOf returns the 1-based line of the key that p was decoded from, or 0.
func lineOf(md *toml.MetaData, p toml.Primitive) int {
	var pe toml.ParseError
	if errors.As(md.PrimitiveDecode(p, &lineProbe{}), &pe) {
		return pe.Position.Line
	}
	return 0
}

// at formats a position as path:line, or path alone when the line is unknown.
func at(path string, line int) string {
	if line > 0 {
		return path + ":" + strconv.Itoa(line)
	}
	return path
}
