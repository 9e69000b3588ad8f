package analysis

import (
	"sort"
	"strings"

	"github.com/kraitsec/krait/internal/python/token"
)

// suppression is what the comments of one line switch off: everything, or the
// findings of the listed codes.
type suppression struct {
	line  int
	all   bool
	codes []string
}

// suppressions are a file's suppression comments in line order.
type suppressions struct {
	list []suppression
}

// parseSuppressions reads the directives krait honours from a file's comments:
//
//	# nosec                 # nosec B602, B607         (Bandit)
//	# noqa                  # noqa: S602,S607          (Ruff, flake8)
//	# krait: ignore         # krait: ignore[KR101, KR102]
//
// A listed code matches a rule's KR code, its name or any of its Bandit/Ruff aliases,
// ignoring case; codes that name no krait rule (`# noqa: E501`) suppress nothing.
// Several directives may share a comment (`# noqa: S602  # nosec`).
func parseSuppressions(comments []token.Comment) *suppressions {
	s := &suppressions{}
	for _, c := range comments {
		if all, codes, ok := parseDirectives(c.Text); ok {
			s.list = append(s.list, suppression{line: c.Line, all: all, codes: codes})
		}
	}
	if len(s.list) == 0 {
		return nil
	}
	sort.SliceStable(s.list, func(i, j int) bool { return s.list[i].line < s.list[j].line })
	return s
}

// suppresses reports whether a comment on a line from first to last switches off
// rule's findings.
func (s *suppressions) suppresses(first, last int, rule *Rule) bool {
	if s == nil || rule == nil {
		return false
	}
	i := sort.Search(len(s.list), func(i int) bool { return s.list[i].line >= first })
	for ; i < len(s.list) && s.list[i].line <= last; i++ {
		sp := s.list[i]
		if sp.all {
			return true
		}
		for _, c := range sp.codes {
			if ruleMatches(rule, c) {
				return true
			}
		}
	}
	return false
}

// ruleMatches reports whether code names rule: its code, its name or an alias.
func ruleMatches(rule *Rule, code string) bool {
	if strings.EqualFold(rule.Code, code) || strings.EqualFold(rule.Name, code) {
		return true
	}
	for _, a := range rule.Aliases {
		if strings.EqualFold(a, code) {
			return true
		}
	}
	return false
}

// parseDirectives reads every suppression directive in one comment's text.
func parseDirectives(text string) (all bool, codes []string, ok bool) {
	for i := 0; i < len(text); i++ {
		if text[i] != '#' {
			continue
		}
		rest := strings.TrimLeft(text[i+1:], " \t")
		var list string
		var listed bool
		switch {
		case hasWord(rest, "nosec"):
			// Bandit: anything after nosec up to the next comment may list test ids.
			list, listed = upTo(rest[len("nosec"):], '#'), true
		case hasWord(rest, "noqa"):
			after := strings.TrimLeft(rest[len("noqa"):], " \t")
			if strings.HasPrefix(after, ":") {
				list, listed = upTo(after[1:], '#'), true
			}
		case hasWord(rest, "krait"):
			after := strings.TrimLeft(rest[len("krait"):], " \t")
			if !strings.HasPrefix(after, ":") {
				continue
			}
			after = strings.TrimLeft(after[1:], " \t")
			if !hasWord(after, "ignore") {
				continue
			}
			after = strings.TrimLeft(after[len("ignore"):], " \t")
			if strings.HasPrefix(after, "[") {
				list, listed = upTo(after[1:], ']'), true
			}
		default:
			continue
		}
		ok = true
		cs := codesIn(list)
		if !listed || len(cs) == 0 {
			all = true
			continue
		}
		codes = append(codes, cs...)
	}
	return all, codes, ok
}

// hasWord reports whether s starts with word, ignoring case, followed by a character
// that cannot continue it.
func hasWord(s, word string) bool {
	if len(s) < len(word) || !strings.EqualFold(s[:len(word)], word) {
		return false
	}
	return len(s) == len(word) || !isWordByte(s[len(word)])
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func upTo(s string, end byte) string {
	if i := strings.IndexByte(s, end); i >= 0 {
		return s[:i]
	}
	return s
}

// codesIn returns the items of a code list that look like codes (letters then digits,
// e.g. B602, S602, KR101) or rule names (kebab case); prose such as a justification
// after the codes is ignored.
func codesIn(list string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(list, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == ':' || r == ';'
	}) {
		if looksLikeCode(f) || strings.Contains(f, "-") && isKebab(f) {
			out = append(out, f)
		}
	}
	return out
}

func looksLikeCode(s string) bool {
	i := 0
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == 0 || i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isKebab(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return s[0] != '-' && s[len(s)-1] != '-'
}
