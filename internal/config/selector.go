package config

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Catalog tells the package which rule codes and categories exist, so that a selector
// naming neither is an error rather than a silent no-op. The caller builds it from the
// rule registry (and from the codes of analyzers that are not rules); config does not
// import the registry, whose rule packages would otherwise all become its dependencies.
type Catalog struct {
	// Codes lists every known rule code, retired ones included.
	Codes []string
	// Categories maps a category name (a rule package such as "injection") to its codes.
	Categories map[string][]string
}

// codeRe matches a full rule code or a code prefix, case-insensitively.
var codeRe = regexp.MustCompile(`(?i)^KR[0-9]{0,3}$`)

// Specificity ranks selectors: when several match a rule, the most specific decides.
// A category sits between a one-digit and a two-digit prefix because a category is a
// slice of one band (injection is KR101–KR129, inside KR1) yet wider than ten codes.
const (
	specAll      = iota // KR
	specBand            // KR1
	specCategory        // injection
	specDecade          // KR10
	specCode            // KR101
)

// Selector names a set of rules: one code (KR101), a code prefix (KR1) or a category
// (injection).
type Selector struct {
	text  string
	spec  int
	codes map[string]bool // a category's members; nil for codes and prefixes
}

// String returns the selector in its normal form: codes upper case, categories lower case.
func (s Selector) String() string { return s.text }

// Matches reports whether the selector covers the rule code.
func (s Selector) Matches(code string) bool {
	if s.codes != nil {
		return s.codes[code]
	}
	return strings.HasPrefix(code, s.text)
}

// ParseSelector reads a code, code prefix or category name, ignoring case. A full code
// must be in the catalog; a prefix need not match any rule yet, since bands are fixed
// and future rules will fill them.
func ParseSelector(s string, cat Catalog) (Selector, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Selector{}, fmt.Errorf("empty rule selector")
	}
	if codeRe.MatchString(t) {
		t = strings.ToUpper(t)
		if len(t) == len("KR101") && !slices.Contains(cat.Codes, t) {
			return Selector{}, fmt.Errorf("unknown rule %s", t)
		}
		digits := len(t) - len("KR")
		return Selector{text: t, spec: [...]int{specAll, specBand, specDecade, specCode}[digits]}, nil
	}
	name := strings.ToLower(t)
	if codes, ok := cat.Categories[name]; ok {
		set := make(map[string]bool, len(codes))
		for _, c := range codes {
			set[c] = true
		}
		return Selector{text: name, spec: specCategory, codes: set}, nil
	}
	want := "a code such as KR101 or a prefix such as KR1"
	if len(cat.Categories) > 0 {
		want = "a code such as KR101, a prefix such as KR1, or a category: " +
			strings.Join(slices.Sorted(maps.Keys(cat.Categories)), ", ")
	}
	return Selector{}, fmt.Errorf("unknown rule selector %q (want %s)", s, want)
}

// parseSelectors parses a list, stopping at the first bad item.
func parseSelectors(items []string, cat Catalog) ([]Selector, error) {
	out := make([]Selector, 0, len(items))
	for _, it := range items {
		s, err := ParseSelector(it, cat)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// best returns the highest specificity among the selectors that match code, or -1.
func best(sels []Selector, code string) int {
	spec := -1
	for _, s := range sels {
		if s.spec > spec && s.Matches(code) {
			spec = s.spec
		}
	}
	return spec
}

// layer is one select/ignore pair: the config file's, then the command line's.
type layer struct {
	selects, ignores []Selector
}

// apply returns whether code is enabled after this layer, given whether it was before.
// A layer with a select list decides afresh, as in Ruff: the most specific matching
// selector wins and an ignore wins a tie; a layer with only ignores can only disable.
func (l layer) apply(code string, enabled bool) bool {
	ign := best(l.ignores, code)
	if len(l.selects) == 0 {
		return enabled && ign < 0
	}
	sel := best(l.selects, code)
	return sel >= 0 && sel > ign
}
