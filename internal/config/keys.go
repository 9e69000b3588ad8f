package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/pelletier/go-toml/v2"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/walk"
)

// set validates one key and stores its value in cfg, or records an error.
func (s *section) set(cfg *Config, e entry) {
	v := e.value
	var err error
	switch e.key {
	case "select":
		cfg.Select, err = s.selectors(v)
	case "ignore":
		cfg.Ignore, err = s.selectors(v)
	case "per-file-ignores":
		cfg.PerFileIgnores, err = s.perFileIgnores(e)
	case "exclude":
		cfg.Exclude, err = excludes(v)
	case "min-severity":
		var str string
		if str, err = stringValue(v); err == nil {
			cfg.MinSeverity, err = analysis.ParseSeverity(str)
		}
	case "min-confidence":
		var str string
		if str, err = stringValue(v); err == nil {
			cfg.MinConfidence, err = analysis.ParseConfidence(str)
		}
	case "fail-on":
		var str string
		if str, err = stringValue(v); err == nil {
			cfg.FailOn, err = parseFailOn(str)
		}
	case "baseline":
		if cfg.Baseline, err = stringValue(v); err == nil && strings.TrimSpace(cfg.Baseline) == "" {
			err = fmt.Errorf("empty path")
		}
	default:
		err = fmt.Errorf("unknown key%s", s.suggest(e.key))
	}
	if err != nil {
		s.errorf(e.offset, e.key, "%v", err)
	}
}

// suggest returns the hint that follows "unknown key": a near key, or the list of keys.
func (s *section) suggest(key string) string {
	if key == "tool" && s.prefix == "" {
		return " (krait.toml takes its keys at the top level, without [tool.krait])"
	}
	kebab := strings.ReplaceAll(key, "_", "-")
	bestKey, bestDist := "", 3 // farther than two edits is a different word
	for _, k := range knownKeys() {
		if d := editDistance(kebab, k); d < bestDist {
			bestKey, bestDist = k, d
		}
	}
	if bestKey == "" {
		return " (want one of " + strings.Join(knownKeys(), ", ") + ")"
	}
	return fmt.Sprintf(" (did you mean %s?)", bestKey)
}

func (s *section) selectors(v any) ([]Selector, error) {
	items, err := stringList(v)
	if err != nil {
		return nil, err
	}
	return parseSelectors(items, s.cat)
}

// perFileIgnores validates the table, reporting each bad pattern at its own line.
func (s *section) perFileIgnores(e entry) ([]PerFileIgnore, error) {
	table, ok := e.value.(map[string]any)
	if !ok {
		return nil, fmt.Errorf(`want a table of "glob" = ["rule", ...], got %s`, typeName(e.value))
	}
	var out []PerFileIgnore
	for _, pe := range s.entries(append(s.base[:len(s.base):len(s.base)], e.key), table) {
		p, err := s.perFileIgnore(pe.key, pe.value)
		if err != nil {
			s.errorf(pe.offset, e.key+"."+strconv.Quote(pe.key), "%v", err)
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

func (s *section) perFileIgnore(pattern string, v any) (PerFileIgnore, error) {
	p := PerFileIgnore{Pattern: pattern}
	if rest, ok := strings.CutPrefix(p.Pattern, "!"); ok {
		p.Pattern, p.Negate = rest, true
	}
	// "./tests/" and "tests" mean the same directory to a user, as for --exclude.
	p.Pattern = strings.TrimSuffix(strings.TrimPrefix(p.Pattern, "./"), "/")
	if p.Pattern == "" {
		return p, fmt.Errorf("empty glob")
	}
	if !doublestar.ValidatePattern(p.Pattern) {
		return p, fmt.Errorf("invalid glob %q", pattern)
	}
	var err error
	p.Ignore, err = s.selectors(v)
	return p, err
}

func excludes(v any) ([]string, error) {
	globs, err := stringList(v)
	if err != nil {
		return nil, err
	}
	for _, g := range globs {
		if err := walk.CheckExclude(g); err != nil {
			return nil, err
		}
	}
	return globs, nil
}

// parseFailOn reads a --fail-on value: a severity or "never", ignoring case.
func parseFailOn(s string) (analysis.Severity, error) {
	if strings.EqualFold(s, "never") {
		return FailNever, nil
	}
	sev, err := analysis.ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("invalid fail-on %q (want low, medium, high, critical or never)", s)
	}
	return sev, nil
}

func stringValue(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("want a string, got %s", typeName(v))
	}
	return s, nil
}

func stringList(v any) ([]string, error) {
	items, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("want an array of strings, got %s", typeName(v))
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		s, ok := it.(string)
		if !ok {
			return nil, fmt.Errorf("item %d: want a string, got %s", i+1, typeName(it))
		}
		out = append(out, s)
	}
	return out, nil
}

// typeName names a decoded TOML value's type as the TOML spec does, with the value
// when it is short, so that `select = "KR1"` is echoed back to whoever wrote it.
func typeName(v any) string {
	switch v := v.(type) {
	case string:
		if len(v) <= 40 {
			return "string " + strconv.Quote(v)
		}
		return "string"
	case int64:
		return "integer " + strconv.FormatInt(v, 10)
	case float64:
		return "float"
	case bool:
		return "boolean " + strconv.FormatBool(v)
	case time.Time, toml.LocalDate, toml.LocalTime, toml.LocalDateTime:
		return "date-time"
	case []any:
		return "array"
	case map[string]any:
		return "table"
	}
	return fmt.Sprintf("%T", v)
}

// editDistance is the Levenshtein distance between two short ASCII-ish strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = slices.Min([]int{prev[j] + 1, cur[j-1] + 1, prev[j-1] + cost})
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
