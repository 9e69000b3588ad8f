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
	key  string
	line int
	prim toml.Primitive
}

// section validates one [tool.krait] table (or a whole krait.toml) into a Config,
// collecting every error so that a user fixes them all in one go.
type section struct {
	path   string // the file, for messages
	prefix string // "[tool.krait] " in pyproject.toml, "" in krait.toml
	md     *toml.MetaData
	cat    Catalog
	errs   []error
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
	top := s.entries(doc)
	if pyproject {
		s.prefix = "[tool.krait] "
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
	kr, found := find(s.entries(tools), "krait")
	if !found {
		return nil, false
	}
	raw := s.raw(kr)
	if _, isTable := raw.(map[string]any); !isTable {
		s.errs = append(s.errs, fmt.Errorf("%s: [tool.krait] must be a table, not %s", at(s.path, kr.line), typeName(raw)))
		return nil, false
	}
	var keys map[string]toml.Primitive
	if err := s.md.PrimitiveDecode(kr.prim, &keys); err != nil {
		return nil, false
	}
	return s.entries(keys), true
}

// entries orders a table's keys as they appear in the file.
func (s *section) entries(m map[string]toml.Primitive) []entry {
	out := make([]entry, 0, len(m))
	for k, p := range m {
		out = append(out, entry{key: k, line: lineOf(s.md, p), prim: p})
	}
	slices.SortFunc(out, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.key, b.key))
	})
	return out
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

// errorf records an error about key, e.g.
// `pyproject.toml:7: [tool.krait] min-severity: invalid severity "hihg" (...)`.
func (s *section) errorf(line int, key, format string, args ...any) {
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
