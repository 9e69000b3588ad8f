package pyproject

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/pep440"
)

// poetryOpRe splits a Poetry constraint clause into its operator and version.
var poetryOpRe = regexp.MustCompile(`^(\^|~=|~|===|==|!=|<=|>=|<|>|=)?\s*(.*)$`)

// poetrySpecifier converts a Poetry version constraint ("^1.2", "~1.2.3",
// "1.2.*", ">=1,<2", "1.4") into a PEP 440 specifier set. A union ("^1.0 ||
// ^2.0") has no PEP 440 form: it converts to "" with ok false, as does a
// constraint that cannot be read. "*" and "" convert to "" with ok true.
func poetrySpecifier(c string) (spec string, ok bool, err error) {
	c = strings.TrimSpace(c)
	if c == "" || c == "*" {
		return "", true, nil
	}
	if strings.Contains(c, "|") {
		return "", false, nil
	}
	var clauses []string
	for _, part := range splitClauses(c) {
		conv, err := poetryClause(part)
		if err != nil {
			return "", false, fmt.Errorf("invalid Poetry constraint %q: %w", c, err)
		}
		clauses = append(clauses, conv...)
	}
	spec = strings.Join(clauses, ",")
	if _, err := pep440.ParseSpecifier(spec); err != nil {
		return "", false, fmt.Errorf("invalid Poetry constraint %q: %w", c, err)
	}
	return spec, true, nil
}

// splitClauses splits on commas and white space, keeping an operator written
// apart from its version (">= 1.0") with it.
func splitClauses(c string) []string {
	fields := strings.FieldsFunc(c, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	var out []string
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if strings.Trim(f, "^~=!<>") == "" && i+1 < len(fields) {
			f += fields[i+1]
			i++
		}
		out = append(out, f)
	}
	return out
}

// poetryClause converts one clause.
func poetryClause(s string) ([]string, error) {
	m := poetryOpRe.FindStringSubmatch(s)
	op, ver := m[1], strings.TrimSpace(m[2])
	if ver == "*" {
		return nil, nil
	}
	if base, ok := strings.CutSuffix(ver, ".*"); ok && (op == "" || op == "==" || op == "=" || op == "!=") {
		if op != "!=" {
			op = "=="
		}
		return []string{op + base + ".*"}, nil
	}
	switch op {
	case "^", "~":
		v, err := pep440.Parse(ver)
		if err != nil {
			return nil, err
		}
		return []string{">=" + ver, "<" + upperBound(v, op == "~")}, nil
	case "", "=":
		op = "=="
	}
	return []string{op + ver}, nil
}

// upperBound is the exclusive bound of ^v (the first non-zero release number
// is bumped, or the last one given when all are zero) or ~v (the second
// number is bumped, or the first when only one is given), padded to the
// length written, as Poetry renders it.
func upperBound(v pep440.Version, tilde bool) string {
	rel := v.Release()
	i := len(rel) - 1
	if tilde {
		i = min(1, len(rel)-1)
	} else {
		for j, p := range rel {
			if p != "0" {
				i = j
				break
			}
		}
	}
	out := make([]string, len(rel))
	for j := range out {
		switch {
		case j < i:
			out[j] = rel[j]
		case j == i:
			out[j] = increment(rel[j])
		default:
			out[j] = "0"
		}
	}
	prefix := ""
	if b := v.BaseVersion(); strings.Contains(b, "!") {
		prefix = b[:strings.IndexByte(b, '!')+1]
	}
	return prefix + strings.Join(out, ".")
}

// increment adds one to a decimal digit string of any length.
func increment(d string) string {
	if n, err := strconv.ParseUint(d, 10, 63); err == nil {
		return strconv.FormatUint(n+1, 10)
	}
	b := []byte(d)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}
